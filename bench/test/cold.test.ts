// The bench's cold path (bench/cold.ts), run for real on a small message: `npm run bench` is not part
// of the tests, so this is what keeps it from rotting unnoticed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCold, shebangOptions } from '../cold';
import { ROOT } from '../../test/support/lspClient';
import { MESSAGE } from '../../test/support/lspSamples';

describe('bench cold path', () => {
  it('reads the Node options a bin passes on its first line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncml-cold-'));
    try {
      const file = join(dir, 'bin.js');
      writeFileSync(file, '#!/usr/bin/env node\n');
      assert.deepEqual(shebangOptions(file), []);
      writeFileSync(file, '#!/usr/bin/env -S node --max-semi-space-size=16 --no-opt\n');
      assert.deepEqual(shebangOptions(file), ['--max-semi-space-size=16', '--no-opt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('times the CLI, the saxes process and a fresh server on one file, which agree on its diagnostics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncml-cold-'));
    try {
      const file = join(dir, 'message.xml');
      writeFileSync(file, MESSAGE.replace('<Data>404</Data>', '<Data>4040</Data>'));
      const r = await runCold(ROOT, file, 1);
      assert.deepEqual(r.notes, []);
      for (const xs of [r.cliMs, r.saxesMs, r.serverOpenMs, r.serverSpawnMs]) {
        assert.equal(xs.length, 1);
        assert.ok(xs[0] > 0);
      }
      assert.ok(r.serverSpawnMs[0] >= r.serverOpenMs[0]);
      assert.ok(r.diagnostics.cli! > 0, 'the unknown code is reported');
      assert.equal(r.diagnostics.server, r.diagnostics.cli);
      assert.ok(Number.isFinite(r.cliVsSaxes));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
