/**
 * The SCOMO and SACMO result-code tables against the two OMA change requests they come from
 * (/work/shared/spec/seeds). The seed tables are parsed here, so the test fails if either the
 * catalog or the seed text drifts.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCatalog } from '../../server/src/catalog';
import type { FamilyId } from '../../server/src/catalog';

// Compiled to out/test/unit/; the shared material sits beside the repository.
const SEEDS = path.resolve(__dirname, '../../../../shared/spec/seeds');

function readSeeds(): string[] {
  assert.ok(
    fs.existsSync(SEEDS),
    `seed directory not found at ${SEEDS}: these tests need the shared spec material (../shared/spec/seeds beside the repository)`,
  );
  const texts = fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'));
  assert.ok(texts.length >= 2, `expected the two seed change requests in ${SEEDS}, found ${texts.length} .txt files`);
  return texts;
}

interface SeedRow {
  code: number;
  to?: number;
  message: string;
  description: string;
}

/** The result message as the catalog spells it: the seed's text with runs of spaces made one, trimmed. */
const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Reads a seed table: after the header row ("Result Code" / "Result Message" / "Informative
 * Description ..."), each row is three tab-indented lines, rows separated by a blank line. Rows
 * whose cells are all empty are the rows the CR deleted.
 */
function parseSeedTable(text: string, start: string, end: string): SeedRow[] {
  const from = text.indexOf(start);
  assert.ok(from >= 0, `seed: start marker ${JSON.stringify(start)} not found`);
  const until = text.indexOf(end, from + start.length);
  assert.ok(until > from, `seed: end marker ${JSON.stringify(end)} not found after the start marker`);
  const lines = text.slice(from, until).split(/\r?\n/);
  const rows: SeedRow[] = [];
  let cells: string[] = [];
  const flush = (): void => {
    if (cells.length > 0) {
      assert.equal(cells.length, 3, `seed row with ${cells.length} cells: ${JSON.stringify(cells)}`);
      const [code, message, description] = cells;
      if (code.trim() !== '' && code.trim() !== 'Result Code') {
        const m = /^(\d+)(?:-(\d+))?$/.exec(code.trim());
        assert.ok(m, `seed: unexpected code cell ${JSON.stringify(code)}`);
        const row: SeedRow = { code: Number(m[1]), message: normalize(message), description: normalize(description) };
        if (m[2] !== undefined) row.to = Number(m[2]);
        rows.push(row);
      } else {
        assert.ok(code.trim() !== '' || (message.trim() === '' && description.trim() === ''), 'seed: row without a code');
      }
    }
    cells = [];
  };
  for (const line of lines) {
    if (line.startsWith('\t')) cells.push(line.slice(1));
    else flush();
  }
  flush();
  return rows;
}

const seeds = readSeeds();
const scomoSeed = seeds.find((t) => t.includes('SCOMO Result Codes'));
const sacmoSeed = seeds.find((t) => t.includes('8.4 SACMO Result Code'));

const SCOMO_ROWS = scomoSeed ? parseSeedTable(scomoSeed, 'Change 1:', 'Table 5') : [];
const SACMO_ROWS = sacmoSeed ? parseSeedTable(sacmoSeed, '8.4 SACMO Result Code', 'Change 2:') : [];

const catalog = createCatalog();

function checkFamilyAgainstSeed(family: FamilyId, rows: readonly SeedRow[]): void {
  for (const row of rows) {
    const label = `${family} ${row.code}${row.to !== undefined ? `-${row.to}` : ''}`;
    const entry = catalog.lookup(family, row.code);
    assert.ok(entry, `${label}: missing from the catalog`);
    assert.equal(entry.code, row.code, `${label}: code`);
    assert.equal(entry.to, row.to, `${label}: range end`);
    assert.equal(entry.name, row.message, `${label}: result message must be exactly the seed's`);
    assert.equal(entry.kind, row.to !== undefined ? 'vendor' : 'defined', `${label}: kind`);
    assert.notEqual(
      normalize(entry.description).toLowerCase(),
      row.description.toLowerCase(),
      `${label}: description must be in our own words, not the seed's informative text`,
    );
    if (row.to !== undefined) {
      assert.equal(catalog.lookup(family, row.to), entry, `${label}: last number of the range`);
      assert.equal(catalog.lookup(family, Math.floor((row.code + row.to) / 2)), entry, `${label}: middle of the range`);
    }
  }
  // Nothing defined beyond the seed (the obsolete SACMO 1418 is the one deliberate extra).
  const seedCodes = new Set(rows.map((r) => r.code));
  for (const entry of catalog.entries(family)) {
    if (entry.kind === 'obsolete') continue;
    assert.ok(seedCodes.has(entry.code), `${family} ${entry.code} ("${entry.name}") is not in the seed table`);
  }
}

test('seed files: both change requests are found and their tables parse', () => {
  assert.ok(scomoSeed, 'no seed contains the SCOMO result-code table ("SCOMO Result Codes")');
  assert.ok(sacmoSeed, 'no seed contains the SACMO result-code table ("8.4 SACMO Result Code")');
  // 1200, 1250-1299, 1400-1416, 1450-1499, 1500-1505, 1550-1599
  assert.equal(SCOMO_ROWS.length, 27);
  // 1200, 1250-1299, 1400-1413, 1450-1499, 1500, 1501, 1550-1599
  assert.equal(SACMO_ROWS.length, 20);
});

test('SCOMO: every row of the seed table (code and exact result message)', () => {
  checkFamilyAgainstSeed('scomo-result', SCOMO_ROWS);
});

test('SACMO: every row of the seed final table (code and exact result message)', () => {
  checkFamilyAgainstSeed('sacmo-result', SACMO_ROWS);
});

test('seed spellings that are easy to get wrong', () => {
  // The seed writes "Alternate Download  Authentication Failure" with two spaces.
  assert.ok(scomoSeed!.includes('Alternate Download  Authentication Failure'));
  assert.equal(catalog.lookup('scomo-result', 1403)?.name, 'Alternate Download Authentication Failure');
  assert.equal(catalog.lookup('scomo-result', 1502)?.name, 'Alternate Download Request Time-Out');
  assert.equal(catalog.lookup('scomo-result', 1413)?.name, 'Operation Rejected – Unsupported Environment');
  assert.equal(catalog.lookup('scomo-result', 1505)?.name, 'Download Fails Due To Unknown Reason');
  assert.equal(catalog.lookup('sacmo-result', 1401)?.name, 'User cancelled');
  assert.equal(catalog.lookup('sacmo-result', 1450)?.name, 'Client Error – Vendor Specified');
  assert.equal(catalog.lookup('sacmo-result', 1413)?.name, 'Workflow aborted – authorization failure');
  // Trailing space in the seed's "Successful " is not part of the name.
  assert.equal(catalog.lookup('sacmo-result', 1200)?.name, 'Successful');
});

test('SACMO 1418: the stale number of the seed\'s informative copy is obsolete, replaced by 1413', () => {
  const normative = /Result Code of (\d+) \(([^)]+)\)/g;
  const mentions = [...sacmoSeed!.matchAll(normative)].map((m) => ({ code: Number(m[1]), name: normalize(m[2]) }));
  assert.deepEqual(
    mentions.map((m) => m.code),
    [1413, 1418],
    'the seed names 1413 in the normative and 1418 in the informative Security Considerations',
  );
  const obsolete = catalog.lookup('sacmo-result', 1418);
  assert.ok(obsolete);
  assert.equal(obsolete.kind, 'obsolete');
  assert.equal(obsolete.replacedBy, 1413);
  assert.equal(obsolete.name, mentions[1].name);
  assert.equal(catalog.lookup('sacmo-result', 1413)?.name, mentions[0].name);
  assert.deepEqual(
    catalog.suggest('sacmo-result', 1418).map((e) => e.code),
    [1413],
  );
  assert.ok(!catalog.definedIn(1418).some((e) => e.family === 'sacmo-result'));
});

test('SACMO: the codes left after the removed rows are the seed\'s renumbered ones (1410-1412 for missing parts)', () => {
  assert.ok(sacmoSeed!.includes('in the range 1410-1412'));
  assert.deepEqual(
    [1410, 1411, 1412].map((c) => catalog.lookup('sacmo-result', c)?.name),
    ['Workflow does not exist', 'Step does not exist', 'Process does not exist'],
  );
  for (const gap of [1414, 1415, 1416, 1417]) assert.equal(catalog.lookup('sacmo-result', gap), undefined, `sacmo ${gap}`);
});
