/**
 * What the playground's browser tests stand on: the page built by Vite into a temporary
 * folder, a tiny static server on 127.0.0.1, and Debian's Chromium driven by playwright-core
 * with a fresh profile and every request outside the server refused and recorded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const PLAYGROUND_DIR = fileURLToPath(new URL('../../packages/playground/', import.meta.url));

/** `vite build` as `pnpm --filter @replylint/playground build` runs it, into `outDir`. */
export function buildPlayground(outDir: string): void {
  const vite = join(PLAYGROUND_DIR, 'node_modules/vite/bin/vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: PLAYGROUND_DIR,
    encoding: 'utf8',
    // The test runner's NODE_ENV=test would make Vite build a non-production bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) throw new Error(`vite build failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
}

export interface BundleSize {
  /** Gzipped bytes of the JavaScript the page runs before the reader can type. */
  initialJs: number;
  /** Gzipped bytes of all JavaScript, lazily imported chunks included. */
  totalJs: number;
  css: number;
}

/** Gzipped sizes, reading the entry chunk off index.html's module script. */
export function bundleSize(outDir: string): BundleSize {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/u.exec(html)?.[1];
  if (!entry) throw new Error('no module script in the built index.html');
  const assets = readdirSync(join(outDir, 'assets')).map((name) => `assets/${name}`);
  const gzipped = (path: string): number => gzipSync(readFileSync(join(outDir, path)), { level: 9 }).length;
  const sum = (paths: string[]): number => paths.reduce((total, path) => total + gzipped(path), 0);
  return { initialJs: gzipped(entry), totalJs: sum(assets.filter((path) => path.endsWith('.js'))), css: sum(assets.filter((path) => path.endsWith('.css'))) };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(folder: string): Promise<StaticServer> {
  const root = resolve(folder);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
    if (!file.startsWith(`${root}${sep}`) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((closed) => server.close(() => closed())) };
}

export interface Browser {
  context: BrowserContext;
  /** Every request the page tried to send anywhere but `origin`: refused, and kept for the test. */
  offsiteRequests: string[];
  close(): Promise<void>;
}

export async function launchBrowser(origin: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'replylint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 860 },
    colorScheme: 'light',
    serviceWorkers: 'block',
  });
  const offsiteRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    offsiteRequests.push(url);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    offsiteRequests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
