#!/usr/bin/env node
/**
 * Language-server benchmark: a scripted editing session on a 5 KB reply — typing a sentence
 * a keystroke at a time, deleting it with backspace, pasting a paragraph and cutting it —
 * over stdio against packages/language-server (build it first: `pnpm build`).
 *
 *   node scripts/bench-lsp.js [--edits 10000]
 *
 * Prints, without asserting anything:
 * - keystroke-to-diagnostics latency p50/p95/max end to end (client sends a change → client
 *   receives the diagnostics for that version), one edit at a time;
 * - the same latency measured inside the server (`replylint/stats`: from handling the change
 *   to sending its diagnostics), and the part of it spent in the core's `lint()`;
 * - a burst (the last fifth of the edits) sent back to back: how many runs the server published (stale
 *   runs are dropped) and the time to the final diagnostics;
 * - the server's memory after the session.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { createProtocolConnection } from 'vscode-languageserver-protocol/node.js';

const editsArgument = process.argv.indexOf('--edits');
const EDITS = editsArgument > 0 ? Number(process.argv[editsArgument + 1]) : 10_000;
// The last fifth of the edits is sent as a burst.
const BURST_EDITS = Math.floor(EDITS / 5);
const PACED_EDITS = EDITS - BURST_EDITS;
const SERVER = fileURLToPath(new URL('../packages/language-server/bin/replylint-language-server.js', import.meta.url));

const PARAGRAPHS = [
  'Thank you for getting back to me with the photos of the damaged blender and the order number. I have checked order 48213 and I can see that it was delivered on Tuesday by our courier, and that the box was signed for at your front door.',
  'As I said on the phone, the replacement has to come from our warehouse in Leeds, which means it cannot be sent the same day. I have booked it for collection this afternoon and it should be with you by Thursday. You will get a tracking link by email as soon as the courier scans it.',
  'While you wait, please keep the damaged blender and its box: the courier will collect it when they deliver the new one, so there is nothing to post and nothing to pay. If Thursday is not convenient, reply with a day that suits you and I will move the delivery.',
  'I have also refunded the £6.95 delivery charge to the card you paid with. Refunds usually reach your statement within three to five working days, depending on your bank. The reference for the refund is RF-20931, in case your bank asks for it.',
  'About the warranty question in your last message: the new blender comes with its own two-year warranty starting from the day it arrives, so you do not lose any cover because of the replacement. The warranty card will be in the box, and you can also register it online with the serial number on the base.',
  'On the recipe book you mentioned, I am sorry to say that the printed edition is no longer available. The good news is that every recipe from it is in the free app, which you can download from your phone\'s app store; search for "Kitchen Companion" and sign in with the same email address you used for your order.',
  'You asked whether the blender can crush ice. It can, as long as you use the pulse setting and no more than a cupful at a time with a little water; the manual calls this the "ice crush" mode, on page 14. Running it on the highest continuous speed with only ice in the jug is what strains the motor, and that is the one thing the warranty does not cover.',
  'I looked into the error code you saw on the display before the jug cracked, E4. It means the motor stopped because it got too warm, which happens when the lid is not fully locked or the vents underneath are blocked. Neither of these caused the crack, which came from the fall in transit, but it is worth knowing for the new one.',
  'To make sure this does not happen again, I have added a note to your account asking the warehouse to pack any future orders with the extra corner protection we use for glass items. The note stays on your account, so you do not need to ask for it each time you order.',
  'Your loyalty points for this order, 120 of them, are still on your account and were not affected by the refund. You currently have 860 points in total, which is enough for the £5 voucher at checkout if you would like to use it on the filter jug you were looking at.',
  'On the question about the second blender your sister ordered, I can see that order 48377 left our warehouse yesterday evening. The courier has not reported any problems with it, and the tracking shows it arriving at her address tomorrow between 10am and 2pm.',
  'A quick note on the smoothie recipes you asked about: the frozen fruit ones work best if you add the liquid first, then the soft fruit, and the frozen pieces last. Start on speed two for ten seconds before moving up, and the blades will pull everything down without you having to stop and stir.',
  'Because the first blender arrived broken, I have also extended the return window on the new one to sixty days instead of the usual thirty. If after using it for a few weeks you decide it is not the right blender for your kitchen, you can send it back for a full refund, and the courier collection will be free.',
  'I noticed that your account still lists your old address in Croydon as the billing address. Your orders go to the right place, because the delivery address is set separately, but if you would like me to update the billing address as well, send me the new one and I will change it today.',
  'For the cleaning question: the jug, lid and blade assembly are all dishwasher safe on the top rack, but the base must never be put in water. A damp cloth is enough for the base, and a drop of washing-up liquid with warm water in the jug, run on pulse for a few seconds, cleans the blades between uses.',
  'The spare blade you ordered separately last month fits the new jug as well, so keep it; the part number, BL-220, is the same for both models.',
  'Finally, thank you for the suggestion about adding a spare lid to the accessories page. I have passed it to the product team along with your photos, and I will let you know what they say when I hear back from them on Monday.',
  'If anything else about the order is not right, or the new blender does not arrive on Thursday, just reply to this email and it will come straight back to me rather than to the general queue. I am working until six every weekday this week.',
];
const REPLY = `Hi Priya,\n\n${PARAGRAPHS.join('\n\n')}\n\nBest regards,\nTomasz Nowak\nCustomer Care, Brightside Appliances\n`;
const TYPED = ' Obviously the courier needs someone at home to hand over the parcel, so please calm down and check the time slot.';
const PASTED = `\n\n${PARAGRAPHS[3]}`;

/** The edits of the session, each a change at a UTF-16 offset, cycling type → delete → paste → cut. */
function* session(text) {
  const anchor = text.indexOf('the new one, so there is nothing to post and nothing to pay.') + 'the new one, so there is nothing to post and nothing to pay.'.length;
  for (;;) {
    for (let index = 0; index < TYPED.length; index++) yield { offset: anchor + index, remove: 0, insert: TYPED[index] };
    for (let index = TYPED.length; index > 0; index--) yield { offset: anchor + index - 1, remove: 1, insert: '' };
    yield { offset: anchor, remove: 0, insert: PASTED };
    yield { offset: anchor, remove: PASTED.length, insert: '' };
  }
}

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const percentile = (sorted, quantile) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))];
const summarize = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) };
};
const ms = (value) => `${value.toFixed(2)} ms`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const line = (label, { count, p50, p95, max }) => console.log(`  ${label.padEnd(34)} p50 ${ms(p50).padStart(9)}  p95 ${ms(p95).padStart(9)}  max ${ms(max).padStart(9)}  (${count} samples)`);

const workspace = mkdtempSync(join(tmpdir(), 'replylint-bench-lsp-'));
const uri = pathToFileURL(join(workspace, 'reply.txt')).href;
const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));

let awaited;
let published = 0;
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri !== uri) return;
  published++;
  if (awaited && params.version >= awaited.version) {
    const { resolve } = awaited;
    awaited = undefined;
    resolve(params);
  }
});
connection.onNotification('window/showMessage', (params) => console.error(`server: ${params.message}`));
connection.listen();

const diagnosticsFor = (version) => new Promise((resolve) => (awaited = { version, resolve }));

await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {}, workspaceFolders: null });
await connection.sendNotification('initialized', {});

let text = REPLY;
let version = 1;
const opened = diagnosticsFor(1);
const openStart = performance.now();
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
const first = await opened;
const openTime = performance.now() - openStart;

function change(edit) {
  const range = { start: positionAt(text, edit.offset), end: positionAt(text, edit.offset + edit.remove) };
  text = text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.remove);
  version++;
  return connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: edit.insert }] });
}

const before = await connection.sendRequest('replylint/stats', { reset: true });

// One edit at a time: the latency a writer sees.
const endToEnd = [];
const edits = session(REPLY);
for (let count = 0; count < PACED_EDITS; count++) {
  const start = performance.now();
  const arrived = diagnosticsFor(version + 1);
  await change(edits.next().value);
  await arrived;
  endToEnd.push(performance.now() - start);
}
const paced = await connection.sendRequest('replylint/stats', { reset: true });

// Back to back: hundreds of edits a second; only the latest text must be linted.
const publishedBefore = published;
const burstStart = performance.now();
const burstDone = diagnosticsFor(version + BURST_EDITS);
for (let count = 0; count < BURST_EDITS; count++) void change(edits.next().value);
const last = await burstDone;
const burstTime = performance.now() - burstStart;
const burst = await connection.sendRequest('replylint/stats', {});

console.log(`replylint language server (replylint/stats measures inside the server) — editing session on a ${REPLY.length}-character reply (${first.diagnostics.length} diagnostics on open, ${last.diagnostics.length} at the end)`);
console.log(`  ${'first diagnostics after open'.padEnd(34)} ${ms(openTime)}`);
console.log(`keystroke → diagnostics, one edit at a time (${PACED_EDITS} edits: type, backspace, paste, cut):`);
line('end to end over stdio', summarize(endToEnd));
line('inside the server', paced.latency);
line('  of which in the core\'s lint()', paced.lint);
console.log(`burst of ${BURST_EDITS} edits sent back to back:`);
console.log(`  ${BURST_EDITS} edits → ${published - publishedBefore} diagnostics runs published; final diagnostics after ${ms(burstTime)}`);
line('inside the server (coalesced)', burst.latency);
console.log(`server memory:`);
console.log(`  ${'after open'.padEnd(34)} rss ${mb(before.memory.rss)}, heap used ${mb(before.memory.heapUsed)}`);
console.log(`  ${`after ${EDITS} edits`.padEnd(34)} rss ${mb(burst.memory.rss)}, heap used ${mb(burst.memory.heapUsed)}`);

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
await new Promise((resolve) => server.once('exit', resolve));
connection.dispose();
rmSync(workspace, { recursive: true, force: true });
