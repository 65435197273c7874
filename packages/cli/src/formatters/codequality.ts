/**
 * GitLab Code Quality (a subset of Code Climate's issue format): GitLab lists the findings in
 * the merge request's Code Quality widget and pipeline tab; errors are major, warnings minor,
 * infos info, files that could not be linted blockers. Each finding's fingerprint hashes
 * its file, rule, flagged text and occurrence, not its line, so GitLab still recognises a
 * finding (as neither new nor fixed) after lines are added above it.
 */
import { createHash } from 'node:crypto';
import type { FileResult } from '../results.js';
import { repositoryPath } from './paths.js';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatCodeQuality(results: readonly FileResult[], cwd: string): string {
  const issues: Issue[] = [];
  for (const result of results) {
    const path = repositoryPath(result.filePath, cwd);
    const occurrences = new Map<string, number>();
    for (const message of result.messages) {
      const identity = `${path}\0${message.ruleId ?? 'replylint'}\0${message.actual ?? message.message}`;
      const occurrence = occurrences.get(identity) ?? 0;
      occurrences.set(identity, occurrence + 1);
      const begin = Math.max(message.line, 1);
      issues.push({
        description: message.message,
        check_name: message.ruleId ?? 'replylint',
        fingerprint: createHash('md5').update(`${identity}\0${occurrence}`).digest('hex'),
        severity: message.fatal ? 'blocker' : message.severity === 2 ? 'major' : message.severity === 1 ? 'minor' : 'info',
        location: { path, lines: { begin, end: Math.max(message.endLine ?? begin, begin) } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
