import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCspIndexModule } from '../../../server/src/catalog/ddf/buildIndex';
import { decodeIndex, encodeIndex } from '../../../server/src/catalog/ddf/indexCodec';
import { readDdf } from '../../../server/src/catalog/ddf/reader';
import { windowsCspDrop, windowsCspSource } from '../../../server/src/catalog/csp/windowsCsp';
import { DDF_DROP, dropFile, dropFiles } from '../../support/ddf';

const COMMITTED = resolve(__dirname, '../../../../server/src/catalog/csp/windowsCspIndex.ts');

describe('bundled Windows CSP index', () => {
  const files = dropFiles();
  const built = buildCspIndexModule(files, 'windows-2026-01');

  it('is exactly what scripts/build-csp-index.mjs makes from ../shared/ddf/windows-2026-01 (it cannot drift)', () => {
    assert.deepEqual(built.problems, []);
    const committed = readFileSync(COMMITTED, 'utf8');
    assert.ok(
      built.module === committed,
      `server/src/catalog/csp/windowsCspIndex.ts differs from a fresh build: run node scripts/build-csp-index.mjs ${DDF_DROP}`,
    );
  });

  it('names its drop and holds every node of it', () => {
    assert.deepEqual(windowsCspDrop(), { name: 'windows-2026-01', date: '2026-01', files: 313, nodes: 5955 });
  });

  it('holds no Description prose', () => {
    const prose = [...dropFile('DeviceLock_AreaDDF.xml').matchAll(/<Description>([^<]{20,})<\/Description>/g)].map((m) => m[1]);
    assert.ok(prose.length > 10);
    for (const p of prose) assert.ok(!built.module.includes(p), `prose in the index: ${p}`);
  });

  it('decodes to the same facts the reader gives (the XSD, JSON and other free text of allowed values aside)', () => {
    const roots = ['DeviceLock_AreaDDF.xml', 'VPNv2.xml', 'Update_AreaDDF.xml', 'Policy.xml'].flatMap(
      (f) => readDdf(dropFile(f), f).roots,
    );
    const encoded = JSON.parse(JSON.stringify(encodeIndex(roots, { name: 't', files: 4 })));
    const strip = (x: unknown) =>
      JSON.parse(
        JSON.stringify(x, function (this: Record<string, unknown>, k, v: unknown) {
          return k === 'text' && 'kind' in this ? undefined : v;
        }),
      );
    assert.deepEqual(strip(decodeIndex(encoded)), strip(roots));
  });

  it('is decoded once, on first use', () => {
    assert.equal(windowsCspSource(), windowsCspSource());
  });
});
