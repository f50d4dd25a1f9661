// Turns a folder of Microsoft DDF v2 files into the bundled Windows CSP index:
//   node scripts/build-csp-index.mjs ../shared/ddf/windows-2026-01
// writes server/src/catalog/csp/windowsCspIndex.ts (facts only; see docs/architecture.md). The
// reading and encoding live in server/src/catalog/ddf/, bundled here on the fly with esbuild, so the
// script needs no build first and runs exactly the code the tests check against.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'server/src/catalog/csp/windowsCspIndex.ts');

const dir = process.argv[2];
if (!dir || process.argv.length > 3) {
  console.error('usage: node scripts/build-csp-index.mjs <folder of DDF .xml files>');
  process.exit(2);
}
const folder = resolve(dir);
let names;
try {
  names = readdirSync(folder).filter((n) => n.toLowerCase().endsWith('.xml'));
} catch (e) {
  console.error(`build-csp-index: cannot read ${folder}: ${e.message}`);
  process.exit(2);
}
if (names.length === 0) {
  console.error(`build-csp-index: no .xml files in ${folder}`);
  process.exit(2);
}

const bundled = await esbuild.build({
  entryPoints: [join(root, 'server/src/catalog/ddf/buildIndex.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const { buildCspIndexModule } = await import(
  'data:text/javascript;base64,' + Buffer.from(bundled.outputFiles[0].text).toString('base64')
);

const files = names.map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
const { module, problems } = buildCspIndexModule(files, basename(folder));
for (const p of problems) console.error(`build-csp-index: ${p}`);
writeFileSync(OUT, module);
console.log(`build-csp-index: ${files.length} files -> ${OUT.slice(root.length + 1)} (${module.length} bytes)`);
process.exit(problems.length ? 1 : 0);
