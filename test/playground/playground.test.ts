/// <reference lib="dom" />
/**
 * The playground page in a real browser: built with Vite, served on 127.0.0.1 and driven
 * through Debian's Chromium as a reviewer would use it — paste a reply, read the findings,
 * apply a fix, switch a rule off — with every request beyond 127.0.0.1 refused and counted.
 * Skipped, with a message, only when /usr/bin/chromium is missing (CI installs `chromium`).
 * Prints the bundle size and the time from paste to first findings on a 5 KB reply.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground, bundleSize, CHROMIUM, launchBrowser, serveStatic, type Browser, type StaticServer } from './harness.js';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`test/playground/playground.test.ts: SKIPPED — ${CHROMIUM} is not installed (apt-get install -y chromium)`);

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Rude twice, and signed by a team rather than a person. */
const RUDE_UNSIGNED_REPLY = 'Hi Marcus,\n\nAs I said on the phone, the refund takes five days. Please calm down, it is on its way.\n\nThe Support Team\n';

const EDITOR = '[data-testid="draft-editor"]';
const SCORE = '[data-testid="score"]';

/**
 * Paste into an empty draft with a real paste event (CodeMirror reads its clipboard data)
 * and resolve, in milliseconds measured in the page, once the panel lists a finding.
 */
async function paste(page: Page, text: string): Promise<number> {
  await page.locator(EDITOR).focus();
  return page.locator(EDITOR).evaluate(
    (editor, pasted) =>
      new Promise<number>((listed, failed) => {
        const findings = document.getElementById('findings')!;
        if (findings.querySelector('[data-rule-id]')) return failed(new Error('paste() needs a draft without findings'));
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!findings.querySelector('[data-rule-id]')) return;
          observer.disconnect();
          listed(performance.now() - start);
        });
        observer.observe(findings, { childList: true, subtree: true });
        const clipboardData = new DataTransfer();
        clipboardData.setData('text/plain', pasted);
        editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      }),
    text,
  );
}

async function clearDraft(page: Page): Promise<void> {
  await page.click('#clear');
  await expect.poll(() => page.locator(SCORE).getAttribute('data-score')).toBe('');
}

/** The draft as the editor shows it, line by line, without the placeholder of an empty draft. */
const draftText = (page: Page): Promise<string> =>
  page.locator(EDITOR).evaluate((editor) =>
    Array.from(editor.querySelectorAll('.cm-line'))
      .map((line) => {
        const copy = line.cloneNode(true) as Element;
        copy.querySelectorAll('.cm-placeholder').forEach((placeholder) => placeholder.remove());
        return copy.textContent;
      })
      .join('\n'),
  );
const score = async (page: Page): Promise<number> => Number(await page.locator(SCORE).getAttribute('data-score'));
const ruleIdsInPanel = (page: Page): Promise<string[]> => page.locator('#findings [data-rule-id]').evaluateAll((findings) => findings.map((finding) => finding.getAttribute('data-rule-id')!));
const highlightedText = (page: Page): Promise<string[]> => page.locator(`${EDITOR} .cm-lintRange`).allTextContents();

/** A long reply made of distinct paragraphs, some with problems, repeated to `size` characters. */
function longReply(size: number): string {
  const paragraphs = [
    'Thank you for getting in touch about order 48213 and the delivery that did not arrive on Tuesday as we had promised in the confirmation email.',
    'As I said on the phone, the courier scanned the parcel at the depot on Monday evening, but it was not loaded onto the van the next morning.',
    'I have asked the depot manager to put it on the first van tomorrow and to call you when the driver is thirty minutes away.',
    'Our records show that you chose the standard option at checkout, which is why there was no tracking link; I have added one to your account now.',
    'We will look into why the depot missed it.',
    'If the parcel does not reach you by Friday at noon, reply to this email and I will send a replacement by next-day delivery at no cost.',
    'I have also refunded the £4.99 delivery charge to the card ending 4417; you should see it within three to five working days.',
  ];
  let body = '';
  for (let index = 0; body.length < size; index += 1) body += `${paragraphs[index % paragraphs.length]}\n\n`;
  return `Hi Priya,\n\n${body}Sorry for any inconvenience.\n`;
}

describe.skipIf(!hasChromium)('playground page (Chromium, built site on 127.0.0.1)', () => {
  let siteDir: string;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    siteDir = mkdtempSync(join(tmpdir(), 'replylint-playground-'));
    buildPlayground(siteDir);
    const size = bundleSize(siteDir);
    const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
    console.log(`playground bundle (gzip -9): initial JS ${kB(size.initialJs)}, all JS ${kB(size.totalJs)} (lazy chunks preloaded), CSS ${kB(size.css)}`);
    server = await serveStatic(siteDir);
    browser = await launchBrowser(server.origin);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(`${server.origin}/`);
    await page.locator(EDITOR).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (siteDir) rmSync(siteDir, { recursive: true, force: true });
  });

  it('highlights a pasted rude, unsigned reply and lists its findings by rule, with a score', async () => {
    expect(await page.locator(SCORE).textContent()).toBe('–');
    await paste(page, RUDE_UNSIGNED_REPLY);

    const ids = await ruleIdsInPanel(page);
    expect(ids).toEqual(expect.arrayContaining(['rude-phrasing', 'missing-agent-name']));
    expect(ids.filter((id) => id === 'rude-phrasing')).toHaveLength(2);
    const highlights = (await highlightedText(page)).join('|');
    expect(highlights).toContain('As I said on the phone');
    expect(highlights).toContain('Please calm down');
    expect(highlights).toContain('The Support Team');
    expect(await score(page)).toBeLessThan(100);

    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, 'playground.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(RESULTS_DIR, 'playground-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('copies the reply with every rewrite applied', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const rewrites = await page.locator('#findings [data-action="fix"]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-rewrite')!));
    expect(rewrites.length).toBeGreaterThan(0);
    await page.click('#copy-fixed');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Copied/u);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    for (const rewrite of rewrites) expect(copied).toContain(rewrite);
    expect(copied).not.toContain('As I said on the phone');
    expect(copied).toMatch(/^Hi Marcus,/u);
    expect(await draftText(page)).toContain('As I said on the phone');
  });

  it('applies a fix in one click: the text changes, the finding goes and the score rises', async () => {
    const before = await score(page);
    const finding = page.locator('#findings [data-rule-id="rude-phrasing"]', { hasText: 'As I said on the phone' });
    const fix = finding.locator('[data-action="fix"]').first();
    const rewrite = (await fix.getAttribute('data-rewrite'))!;
    await fix.click();

    await expect.poll(() => draftText(page)).toContain(rewrite);
    expect(await draftText(page)).not.toContain('As I said on the phone');
    await expect.poll(() => ruleIdsInPanel(page).then((ids) => ids.filter((id) => id === 'rude-phrasing').length)).toBe(1);
    expect(await page.locator('#findings [data-rule-id]', { hasText: 'As I said on the phone' }).count()).toBe(0);
    expect((await highlightedText(page)).join('|')).not.toContain(rewrite);
    expect(await score(page)).toBeGreaterThan(before);
  });

  it('hides a rule’s findings and highlights when it is switched off, and remembers the switch', async () => {
    const before = await score(page);
    await page.click('[data-rule-toggle="rude-phrasing"]');
    await expect.poll(() => ruleIdsInPanel(page)).not.toContain('rude-phrasing');
    expect(await ruleIdsInPanel(page)).toContain('missing-agent-name');
    expect((await highlightedText(page)).join('|')).not.toContain('Please calm down');
    expect(await score(page)).toBeGreaterThan(before);

    // Switches persist; the draft (customer data) does not.
    await page.reload();
    await page.locator(EDITOR).waitFor();
    expect(await page.locator('[data-rule-toggle="rude-phrasing"]').isChecked()).toBe(false);
    expect(await draftText(page)).toBe('');
    await paste(page, RUDE_UNSIGNED_REPLY);
    expect(await ruleIdsInPanel(page)).not.toContain('rude-phrasing');

    await page.click('[data-rule-toggle="rude-phrasing"]');
    await expect.poll(() => ruleIdsInPanel(page)).toContain('rude-phrasing');
  });

  it('shows the TACTICS steps the draft takes; a covered step selects its sentence', async () => {
    await clearDraft(page);
    await paste(page, 'Hi Ana,\n\nThank you for your patience. I have refunded the $40 this morning. Please calm down.\n\nBest,\nKai Andersen\n');
    const covered = () => page.locator('[data-testid="tactics"] [data-covered="true"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-step')));
    await expect.poll(covered).toEqual(['thank', 'takeAction', 'ownership']);
    await page.click('[data-step="takeAction"] button');
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('I have refunded the $40 this morning.');

    await clearDraft(page);
    await paste(page, RUDE_UNSIGNED_REPLY);
    await expect.poll(covered).not.toContain('ownership');
  });

  it('is edited with the keyboard alone: typing, new lines, deleting and undo', async () => {
    await clearDraft(page);
    await page.locator(EDITOR).focus();
    await page.keyboard.type('Hi Ana,');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Please calm downx');
    await page.keyboard.press('Backspace');
    await expect.poll(() => draftText(page)).toBe('Hi Ana,\n\nPlease calm down');
    await page.locator('#findings [data-rule-id="rude-phrasing"]').waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => draftText(page)).not.toBe('Hi Ana,\n\nPlease calm down');
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await clearDraft(page);
    await paste(page, RUDE_UNSIGNED_REPLY);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const [editorBox, panelBox] = await Promise.all([page.locator('#editor').boundingBox(), page.locator('#panel').boundingBox()]);
    expect(panelBox!.y).toBeGreaterThanOrEqual(editorBox!.y + editorBox!.height);
    await page.screenshot({ path: join(RESULTS_DIR, 'playground-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('checks a 5 KB reply, offline, and reports the time from paste to first findings', async () => {
    const reply = longReply(5 * 1024);
    await browser.context.setOffline(true);
    const timings: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      await clearDraft(page);
      timings.push(await paste(page, reply));
    }
    await browser.context.setOffline(false);
    expect(await ruleIdsInPanel(page)).toEqual(expect.arrayContaining(['rude-phrasing', 'missing-timeframe']));
    console.log(`playground: paste → first findings on a ${(reply.length / 1024).toFixed(1)} kB reply: ${timings.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} (first, then warm)`);
  });

  it('sent no request beyond 127.0.0.1 and raised no page error', () => {
    expect(browser.offsiteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
