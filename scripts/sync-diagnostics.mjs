// `node scripts/sync-diagnostics.mjs`: write the per-code properties of the
// `syncml.diagnostics.severity` setting into package.json from the diagnostic-code registry
// (server/src/diagnosticCodes.ts, through server/src/severitySettingSchema.ts). Run it after adding
// a code or changing its default severity or summary; test/unit/diagnosticCodes.test.ts fails
// until package.json agrees. The docs tables are prose and stay hand-written.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The registry is TypeScript: bundle the schema module in memory rather than depend on a build.
const bundle = await esbuild.build({
  entryPoints: [join(root, 'server', 'src', 'severitySettingSchema.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  logLevel: 'warning',
});
const { severitySettingProperties } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);

const file = join(root, 'package.json');
const before = readFileSync(file, 'utf8');
const pkg = JSON.parse(before);
const setting = pkg.contributes?.configuration?.properties?.['syncml.diagnostics.severity'];
if (!setting) {
  console.error('sync-diagnostics: package.json has no contributes.configuration.properties["syncml.diagnostics.severity"]');
  process.exit(1);
}
setting.properties = severitySettingProperties();
const after = JSON.stringify(pkg, null, 2) + '\n';
if (after === before) {
  console.log('sync-diagnostics: package.json already matches the registry.');
} else {
  writeFileSync(file, after);
  console.log('sync-diagnostics: rewrote syncml.diagnostics.severity in package.json from the registry.');
}
