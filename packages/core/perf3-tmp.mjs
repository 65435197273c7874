import { readFileSync } from 'node:fs';
const core = await import('/work/main/packages/core/dist/index.js');
const csv = readFileSync('/work/shared/data/bitext/Bitext_Sample_Customer_Support_Training_Dataset.csv', 'utf8');
const rows = []; let field = '', row = [], q = false;
for (let i = 0; i < csv.length; i++) { const c = csv[i];
  if (q) { if (c === '"') { if (csv[i+1] === '"') { field += '"'; i++; } else q = false; } else field += c; }
  else if (c === '"') q = true; else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c; }
const texts = rows.slice(1).map(r => r[10]).filter(Boolean).slice(0, 1500);
const models = texts.map(x => core.parseEmail(x));
let t = performance.now(); models.forEach((m, i) => m.body.forEach(r => core.analyzeParagraph(texts[i], r.start, r.end, m.placeholders))); console.log('analyzeParagraph', ((performance.now()-t)/1000).toFixed(2));
const { unified } = await import('unified'); const { default: retextEnglish } = await import('retext-english'); const { toString } = await import('nlcst-to-string');
const p = unified().use(retextEnglish);
const paras = models.flatMap((m, i) => m.body.map(r => texts[i].slice(r.start, r.end)));
console.log(paras.length, 'paras', paras.reduce((s,x)=>s+x.length,0), 'chars');
t = performance.now(); const trees = paras.map(x => p.parse(x)); console.log('parse', ((performance.now()-t)/1000).toFixed(2));
t = performance.now(); let words = 0, sents = 0; for (const tree of trees) for (const para of tree.children) if (para.type==='ParagraphNode') for (const s of para.children) if (s.type==='SentenceNode') { sents++; for (const w of s.children) if (w.type === 'WordNode') { words++; const raw = toString(w); core.normalizeWord(raw); } } console.log('walk+norm', ((performance.now()-t)/1000).toFixed(2), words, 'words', sents, 'sentences');
