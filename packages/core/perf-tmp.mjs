import { readFileSync } from 'node:fs';
import { analyzeReply, lint } from '/work/main/packages/core/dist/index.js';
const csv = readFileSync('/work/shared/data/bitext/Bitext_Sample_Customer_Support_Training_Dataset.csv', 'utf8');
const rows = []; let field = '', row = [], q = false;
for (let i = 0; i < csv.length; i++) { const c = csv[i];
  if (q) { if (c === '"') { if (csv[i+1] === '"') { field += '"'; i++; } else q = false; } else field += c; }
  else if (c === '"') q = true; else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c; }
const texts = rows.slice(1).map(r => r[10]).filter(Boolean).slice(0, Number(process.argv[3] ?? 1e9));
const mode = process.argv[2];
const c0 = process.cpuUsage(); let t = performance.now();
if (mode === 'analyze') texts.forEach(x => analyzeReply(x)); else for (const x of texts) await lint(x);
const cu = process.cpuUsage(c0); console.log(mode, "wall", ((performance.now() - t)/1000).toFixed(2), "cpu", ((cu.user + cu.system)/1e6).toFixed(2));
