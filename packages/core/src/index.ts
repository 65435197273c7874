export { lint, analyzeReply, type LintMessage, type LintOptions, type LintResult } from './lint.js';
export { parseEmail, type EmailModel, type Region, type RegionKind } from './email.js';
export { findPlaceholders, inferPlatform, PLATFORMS, type Placeholder, type PlaceholderRole, type PlaceholderSyntax, type PlatformSyntax } from './placeholders.js';
export { analyzeParagraph, normalizeWord, type AnalyzedParagraph, type Sentence, type Token } from './text.js';
export { compilePattern, matchPattern, PatternError } from './phrases.js';
export { definePhraseRule, phraseMatcher, phraseOptionsSpec, matchCase, type Phrase, type PhraseOptions } from './phrase-rule.js';
export { defineRule, ruleUrl, type AnyRule, type Report, type Reply, type RuleContext, type RuleMeta, type RuleModule, type RuleVisitors, type RuleSeverity, type DocumentInfo, type Platform } from './rule.js';
export { ConfigError, DEFAULT_PRESET, PLATFORMS, presets, resolveConfig, ruleById, validateConfig, type Config, type ResolvedConfig, type RuleSetting, type TemplateMapping } from './config.js';
export { rules } from './rules/index.js';
export { findThanks } from './rules/missing-thanks.js';
export { hasReference } from './rules/missing-reference.js';
export { loadNlp, type Nlp } from './nlp.js';
export { qualityScore, SCORE_WEIGHTS, type ScoredFinding } from './score.js';
export { MappedText, MappedTextBuilder, type SourceRange } from './mapped-text.js';
export type { DisabledRange, LintTarget, SourceProblem } from './target.js';
export { lintTarget, type LintTargetOptions } from './lint-target.js';
export { extractTargets, formatForPath, registerSourceFormat, sourceFormats, textTarget, nestTarget, SourceError, type ExtractOptions, type SourceFormat } from './sources/index.js';
export {
  extractExport,
  exportSyntaxOf,
  EXPORT_EXTENSIONS,
  INPUT_FORMATS,
  type ExportItem,
  type ExportOptions,
  type ExportPlatform,
  type ExportProblem,
  type HtmlText,
  type InputFormat,
} from './sources/exports/index.js';
