// Build: type-check and emit with tsc (out/, used by the tests), then bundle the shells with esbuild (dist/),
// and the language service and the WBXML decoder alone for the bench (dist/language-service.js,
// dist/wbxml-decoder.js; not in the .vsix).
// `--loose` emits and bundles even when tsc reports type errors (for work in progress); CI never passes it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const loose = process.argv.includes('--loose');
const production = process.argv.includes('--production');

// tsc never deletes what it emitted for a source that has since moved or gone; `npm test` runs every
// file under out/test, so a stale compiled test would still run.
rmSync(join(root, 'out'), { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', root], {
  stdio: 'inherit',
});
if (tsc.status !== 0 && !loose) {
  console.error('build: tsc reported errors');
  process.exit(1);
}

const bundles = [
  { entry: 'client/src/node/extension.ts', out: 'dist/client-node.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { entry: 'client/src/browser/extension.ts', out: 'dist/client-browser.js', platform: 'browser', format: 'cjs', external: ['vscode'] },
  { entry: 'server/src/node/main.ts', out: 'dist/server-node.js', platform: 'node', format: 'cjs', banner: '#!/usr/bin/env node' },
  { entry: 'server/src/browser/main.ts', out: 'dist/server-browser.js', platform: 'browser', format: 'iife' },
  { entry: 'server/src/cli/main.ts', out: 'dist/syncml-check.js', platform: 'node', format: 'cjs', banner: '#!/usr/bin/env node' },
  // The language service alone, bundled as the server and the CLI bundle it: what `npm run bench` times.
  { entry: 'server/src/languageService.ts', out: 'dist/language-service.js', platform: 'node', format: 'cjs' },
  // The WBXML decoder alone, bundled the same way: what `npm run bench -- --only wbxml` times.
  { entry: 'server/src/model/wbxml/decoder.ts', out: 'dist/wbxml-decoder.js', platform: 'node', format: 'cjs' },
];

mkdirSync(join(root, 'dist'), { recursive: true });
let failed = false;
await Promise.all(
  bundles.map(async (b) => {
    if (!existsSync(join(root, b.entry))) {
      console.error(`build: missing entry ${b.entry}`);
      failed = true;
      return;
    }
    await esbuild.build({
      entryPoints: [join(root, b.entry)],
      outfile: join(root, b.out),
      bundle: true,
      platform: b.platform,
      format: b.format,
      target: b.platform === 'node' ? 'node20' : 'es2022',
      external: b.external ?? [],
      banner: b.banner ? { js: b.banner } : undefined,
      minify: production,
      sourcemap: !production,
      logLevel: 'warning',
      // vscode-languageserver's browser entry must not pull Node modules into the worker.
      mainFields: b.platform === 'browser' ? ['browser', 'module', 'main'] : ['module', 'main'],
    });
  }),
);
if (failed && !loose) process.exit(1);
