/**
 * A static, self-contained site: relative asset paths (host it under any path), no
 * network access after load (enforced by a Content-Security-Policy in the built page), and
 * every lazily imported chunk (compromise) preloaded so the page keeps working offline.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

// No connect-src: fetch, XHR, WebSocket and beacons are all refused. Styles allow inline
// because CodeMirror positions tooltips and sizes elements with style attributes.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Build-only: the dev server needs its WebSocket and inline client. */
function offlineAndPrivate(): Plugin {
  return {
    name: 'replylint-offline-and-private',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const lazyChunks = Object.values(context.bundle ?? {}).filter((output) => output.type === 'chunk' && !output.isEntry);
        const tags: HtmlTagDescriptor[] = [
          { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
          ...lazyChunks.map((chunk): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' })),
        ];
        return tags;
      },
    },
  };
}

export default defineConfig({
  base: './',
  resolve: {
    // The core's source, not its build output: the page never runs a stale core.
    alias: [{ find: /^@replylint\/core$/u, replacement: fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) }],
  },
  build: {
    target: 'es2022',
    // Chromium, Firefox and Safari support modulepreload; the polyfill would use fetch().
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  plugins: [offlineAndPrivate()],
});
