// Bundle the extension (client) and the language server, with @replylint/core inside it, into
// dist/: the .vsix then works offline with nothing else installed. Both come from their
// TypeScript sources, so packaging never picks up a stale build; tsc checks the types.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', minify: true, legalComments: 'none', logLevel: 'warning' };

await Promise.all([
  // VS Code provides `vscode` at run time.
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['../packages/language-server/src/main.ts'],
    outfile: 'dist/server.js',
    alias: { '@replylint/core': '../packages/core/src/index.ts', '@replylint/core/node': '../packages/core/src/node.ts' },
  }),
]);
