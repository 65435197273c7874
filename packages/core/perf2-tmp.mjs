import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { toString } from 'nlcst-to-string';
import { normalizeWord } from '/work/main/packages/core/dist/index.js';
const csv = readFileSync('/work/shared/data/bitext/Bitext_Sample_Customer_Support_Training_Dataset.csv', 'utf8');
const rows = []; let field = '', row = [], q = false;
for (let i = 0; i < csv.length; i++) { const c = csv[i];
  if (q) { if (c === '"') { if (csv[i+1] === '"') { field += '"'; i++; } else q = false; } else field += c; }
  else if (c === '"') q = true; else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c; }
const texts = rows.slice(1).map(r => r[10]).filter(Boolean);
const paras = texts.flatMap(t => t.split(/\n\s*\n/));
const p = unified().use(retextEnglish);
let t = performance.now(); const trees = paras.map(x => p.parse(x)); console.log('parse paras', ((performance.now()-t)/1000).toFixed(2));
t = performance.now(); let n = 0; for (const tree of trees) for (const para of tree.children) if (para.children) for (const s of para.children) if (s.children) for (const w of s.children) if (w.type === 'WordNode') { n += w.position.start.offset; } console.log('walk', ((performance.now()-t)/1000).toFixed(2));
t = performance.now(); for (const tree of trees) for (const para of tree.children) if (para.children) for (const s of para.children) if (s.children) for (const w of s.children) if (w.type === 'WordNode') { toString(w); } console.log('toString', ((performance.now()-t)/1000).toFixed(2));
t = performance.now(); for (const tree of trees) for (const para of tree.children) if (para.children) for (const s of para.children) if (s.children) for (const w of s.children) if (w.type === 'WordNode') { normalizeWord(toString(w)); } console.log('normalize', ((performance.now()-t)/1000).toFixed(2));
const { ParseEnglish } = await import('/work/main/node_modules/.pnpm/parse-english@7.0.0/node_modules/parse-english/index.js');
t = performance.now(); paras.forEach(x => new ParseEnglish().parse(x)); console.log('ParseEnglish new per para', ((performance.now()-t)/1000).toFixed(2));
const pe = new ParseEnglish();
t = performance.now(); paras.forEach(x => pe.parse(x)); console.log('ParseEnglish shared', ((performance.now()-t)/1000).toFixed(2));
t = performance.now(); texts.forEach(x => pe.parse(x)); console.log('ParseEnglish whole texts', ((performance.now()-t)/1000).toFixed(2));
t = performance.now(); paras.forEach(x => p.parse(x)); console.log('unified per para again', ((performance.now()-t)/1000).toFixed(2));
console.log(paras.length, 'paragraphs');
const core = await import('/work/main/packages/core/dist/index.js');
for (let k = 0; k < 2; k++) {
t = performance.now(); const models = texts.map(x => core.parseEmail(x)); console.log('parseEmail', ((performance.now()-t)/1000).toFixed(2));
t = performance.now(); models.forEach((m, i) => m.body.forEach(r => core.analyzeParagraph(texts[i], r.start, r.end, m.placeholders))); console.log('analyzeParagraph (cached 2nd time)', ((performance.now()-t)/1000).toFixed(2));
}
