/**
 * The built-in catalog against codes.md (/work/shared/spec/codes.md, the source of truth): the
 * tables are parsed here and compared row by row, then lookup, definedIn, suggest, equivalent,
 * HRESULTs, alert types and the per-command matrix are spot-checked.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAMILY_IDS, createCatalog } from '../../server/src/catalog';
import type { CodeEntry, FamilyId } from '../../server/src/catalog';

// Compiled to out/test/unit/; the shared material sits beside the repository.
const CODES_MD = path.resolve(__dirname, '../../../../shared/spec/codes.md');

function readCodesMd(): string {
  assert.ok(
    fs.existsSync(CODES_MD),
    `codes.md not found at ${CODES_MD}: these tests need the shared spec material (../shared/spec beside the repository)`,
  );
  return fs.readFileSync(CODES_MD, 'utf8');
}

const md = readCodesMd();
const catalog = createCatalog();

/** The text of the section that starts with this heading, up to the next heading of level <= 3. */
function section(heading: string): string {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  assert.ok(start >= 0, `codes.md: heading ${JSON.stringify(heading)} not found`);
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^#{1,3} /.test(lines[i])) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join('\n');
}

/** Markdown tables of a section: rows of trimmed cells, header and separator rows dropped. */
function tables(heading: string): string[][][] {
  const result: string[][][] = [];
  let current: string[][] | undefined;
  let row = 0;
  for (const line of section(heading).split('\n')) {
    if (line.startsWith('|')) {
      if (!current) {
        current = [];
        result.push(current);
        row = 0;
      }
      row++;
      if (row <= 2) continue; // header, separator
      current.push(line.split('|').slice(1, -1).map((c) => c.trim()));
    } else {
      current = undefined;
    }
  }
  return result;
}

function headerOf(heading: string): string[] {
  const line = section(heading)
    .split('\n')
    .find((l) => l.startsWith('|'));
  assert.ok(line);
  return line.split('|').slice(1, -1).map((c) => c.trim());
}

/** "1105–1199", "1250-1299", "217 (DM1.3)", "101" */
function codeCell(cell: string): { code: number; to?: number } {
  const m = /^(\d+)(?:\s*[–-]\s*(\d+))?/.exec(cell);
  assert.ok(m, `not a code cell: ${JSON.stringify(cell)}`);
  return m[2] === undefined ? { code: Number(m[1]) } : { code: Number(m[1]), to: Number(m[2]) };
}

function expectEntry(family: FamilyId, code: number, to: number | undefined, name: string): CodeEntry {
  const label = `${family} ${code}${to !== undefined ? `–${to}` : ''}`;
  const e = catalog.lookup(family, code);
  assert.ok(e, `${label}: not in the catalog`);
  assert.equal(e.code, code, `${label}: code`);
  assert.equal(e.to, to, `${label}: range end`);
  assert.equal(e.name, name, `${label}: name`);
  return e;
}

/** Every catalog entry of a family must be one of these codes (no invented numbers). */
function expectNoExtra(family: FamilyId, codes: Iterable<number>, except: number[] = []): void {
  const known = new Set([...codes, ...except]);
  for (const e of catalog.entries(family)) {
    assert.ok(known.has(e.code), `${family} ${e.code} ("${e.name}") is not in codes.md`);
  }
}

const classOf = (n: number): string =>
  ['', 'informational', 'success', 'redirection', 'originator-error', 'recipient-error'][Math.floor(n / 100) % 10];

// ---------------------------------------------------------------------------------------------
// Every row of the codes.md tables

test('codes.md §1.1: every SyncML status (name, profile, class, kind); 515 is not assigned', () => {
  const [rows] = tables('### 1.1');
  assert.ok(rows.length >= 70, `only ${rows.length} rows parsed`);
  const profileOf = (cell: string): string | undefined => {
    if (cell === '—') return undefined;
    if (cell === 'DS+DM' || cell === 'DS(+DM)') return 'DM+DS';
    if (cell.startsWith('DM 1.3')) return 'DM';
    if (cell.startsWith('DS')) return 'DS';
    assert.fail(`unexpected profile cell ${cell}`);
  };
  for (const [codeText, name, , profile] of rows) {
    const { code } = codeCell(codeText);
    if (code === 515) {
      assert.equal(catalog.lookup('syncml-status', 515), undefined);
      assert.equal(catalog.definedIn(515).length, 0);
      continue;
    }
    const e = expectEntry('syncml-status', code, undefined, name);
    assert.equal(e.profile, profileOf(profile), `status ${code}: profile`);
    assert.equal(e.cls, classOf(code), `status ${code}: class`);
    assert.equal(e.kind, code === 509 ? 'reserved' : 'defined', `status ${code}: kind`);
  }
  expectNoExtra('syncml-status', rows.map((r) => codeCell(r[0]).code));
  // codes.md: "accept as defined: 101, 200–217, 300–305, 400–428, 500–514, 516, 517"
  const defined = catalog.entries('syncml-status').filter((e) => e.kind === 'defined').map((e) => e.code);
  const expected = [101];
  for (let n = 200; n <= 217; n++) expected.push(n);
  for (let n = 300; n <= 305; n++) expected.push(n);
  for (let n = 400; n <= 428; n++) expected.push(n);
  for (let n = 500; n <= 517; n++) if (n !== 509 && n !== 515) expected.push(n);
  assert.deepEqual(defined, expected);
  assert.equal(catalog.lookup('syncml-status', 217)?.profile, 'DM');
  assert.match(catalog.lookup('syncml-status', 217)!.source, /1\.3/);
});

test('codes.md §1.2: the DM per-command status lists, every cell', () => {
  const header = headerOf('### 1.2');
  const commands = header.slice(1);
  assert.deepEqual(commands, ['Add', 'Alert', 'Atomic', 'Copy', 'Delete', 'Exec', 'Get', 'Replace', 'Sequence', 'SyncHdr']);
  const [rows] = tables('### 1.2');
  const expected = new Map<string, number[]>(commands.map((c) => [c, []]));
  for (const row of rows) {
    const { code } = codeCell(row[0]);
    commands.forEach((c, i) => {
      if (row[i + 1].includes('●')) expected.get(c)!.push(code);
    });
  }
  for (const c of commands) {
    assert.deepEqual([...(catalog.statusesForCommand(c) ?? [])], expected.get(c), `statuses for ${c}`);
  }
});

test('per-command matrix spot checks', () => {
  assert.ok(!catalog.statusesForCommand('Add')!.includes(201), '201 is not a DM status for Add');
  for (const c of ['Add', 'Alert', 'Atomic', 'Copy', 'Delete', 'Exec', 'Get', 'Replace', 'Sequence']) {
    assert.ok(!catalog.statusesForCommand(c)!.includes(212), `212 only on SyncHdr, not ${c}`);
    if (c !== 'Atomic') {
      assert.ok(!catalog.statusesForCommand(c)!.includes(507), `507 only on Atomic, not ${c}`);
      assert.ok(!catalog.statusesForCommand(c)!.includes(517), `517 only on Atomic, not ${c}`);
    }
  }
  assert.ok(catalog.statusesForCommand('SyncHdr')!.includes(212));
  assert.ok(catalog.statusesForCommand('Atomic')!.includes(507));
  assert.deepEqual([...catalog.statusesForCommand('Sequence')!], [200, 401, 407, 500]);
  assert.deepEqual([...catalog.statusesForCommand('Get')!].includes(217), true);
  assert.ok(!catalog.statusesForCommand('Replace')!.includes(201));
  // Case-sensitive command names; commands without a list; no prototype keys.
  for (const c of ['add', 'ADD', 'Results', 'Sync', 'Status', 'Map', 'Put', '', 'constructor', '__proto__', 'toString']) {
    assert.equal(catalog.statusesForCommand(c), undefined, `statusesForCommand(${JSON.stringify(c)})`);
  }
});

test('codes.md §2.1: every DM alert code and reserved range', () => {
  const [rows] = tables('### 2.1');
  for (const [codeText, name] of rows) {
    const { code, to } = codeCell(codeText);
    const e = expectEntry('dm-alert', code, to, name);
    assert.equal(e.cls, 'alert');
    assert.equal(e.profile, 'DM');
    const reserved = name === 'reserved' || code === 1221;
    assert.equal(e.kind, reserved ? 'reserved' : 'defined', `dm-alert ${codeText}: kind`);
  }
  expectNoExtra('dm-alert', rows.map((r) => codeCell(r[0]).code));
  assert.equal(catalog.lookup('dm-alert', 1150)?.kind, 'reserved');
  assert.equal(catalog.lookup('dm-alert', 1210)?.code, 1202);
  assert.equal(catalog.lookup('dm-alert', 1221)?.kind, 'reserved');
  assert.equal(catalog.lookup('dm-alert', 1299)?.code, 1227);
  assert.equal(catalog.lookup('dm-alert', 1300), undefined);
  assert.equal(catalog.lookup('dm-alert', 1099), undefined);
});

test('codes.md §2.3: every DS alert code, reserved range and Funambol extension; 226 unverified', () => {
  const [rows] = tables('### 2.3');
  for (const [codeText, name, notes] of rows) {
    const { code, to } = codeCell(codeText);
    const e = expectEntry('ds-alert', code, to, name);
    assert.equal(e.cls, 'alert');
    assert.equal(e.profile, 'DS');
    const kind = name === 'reserved' ? 'reserved' : notes.includes('vendor extension') ? 'vendor' : 'defined';
    assert.equal(e.kind, kind, `ds-alert ${codeText}: kind`);
  }
  expectNoExtra('ds-alert', rows.map((r) => codeCell(r[0]).code));
  assert.equal(catalog.lookup('ds-alert', 226), undefined);
  assert.equal(catalog.lookup('ds-alert', 120)?.kind, 'reserved');
  assert.equal(catalog.lookup('ds-alert', 215)?.kind, 'reserved');
});

test('codes.md §3.1: every FUMO result code and vendor range', () => {
  const [rows] = tables('### 3.1');
  for (const [codeText, name] of rows) {
    const { code, to } = codeCell(codeText);
    const e = expectEntry('fumo-result', code, to, name);
    assert.equal(e.kind, to !== undefined ? 'vendor' : 'defined');
    assert.equal(e.cls, classOf(code));
  }
  expectNoExtra('fumo-result', rows.map((r) => codeCell(r[0]).code));
  // codes.md §6: 412 exists and 500 is the download-server error.
  assert.equal(catalog.lookup('fumo-result', 412)?.name, 'Alternate Download Server Unavailable');
  assert.equal(catalog.lookup('fumo-result', 500)?.name, 'Alternate Download Server Error');
});

test('codes.md §3.2 and §3.3 restate the SCOMO and SACMO seed tables: same codes and names', () => {
  for (const [heading, family] of [
    ['### 3.2', 'scomo-result'],
    ['### 3.3', 'sacmo-result'],
  ] as const) {
    const [rows] = tables(heading);
    for (const [codeText, name] of rows) {
      const { code, to } = codeCell(codeText);
      const e = expectEntry(family, code, to, name);
      assert.equal(e.kind, to !== undefined ? 'vendor' : 'defined');
    }
    expectNoExtra(family, rows.map((r) => codeCell(r[0]).code), family === 'sacmo-result' ? [1418] : []);
  }
});

test('codes.md §3.4: every LAWMO result code; vendor ranges marked unverified', () => {
  const [rows] = tables('### 3.4');
  for (const [codeText, meaning] of rows) {
    const { code, to } = codeCell(codeText);
    const name = meaning.replace(/\s*(✖|\(MediaTek only ◐\)).*$/, '');
    const e = expectEntry('lawmo-result', code, to, name);
    assert.equal(e.cls, classOf(code));
    if (to !== undefined) {
      assert.equal(e.kind, 'vendor');
      assert.match(e.description, /by MO convention, unverified/);
      assert.match(e.source, /by MO convention, unverified/);
    } else {
      assert.equal(e.kind, 'defined');
    }
  }
  expectNoExtra('lawmo-result', rows.map((r) => codeCell(r[0]).code));
  assert.match(catalog.lookup('lawmo-result', 1202)!.source, /MediaTek/);
});

test('codes.md §4.1-4.3: FUMO, SCOMO and LAWMO states', () => {
  const check = (family: FamilyId, rows: string[][]): void => {
    for (const [value, name] of rows) {
      const e = expectEntry(family, Number(value), undefined, name);
      assert.equal(e.cls, 'state');
      assert.equal(e.kind, 'defined');
    }
    expectNoExtra(family, rows.map((r) => Number(r[0])));
  };
  check('fumo-state', tables('### 4.1')[0]);
  const scomo = tables('### 4.2');
  assert.equal(scomo.length, 3);
  check('scomo-download-status', scomo[0]);
  check('scomo-delivered-status', scomo[1]);
  check('scomo-deployed-status', scomo[2]);
  check('lawmo-state', tables('### 4.3')[0]);

  // The two State nodes are inline in §4.2.
  const text = section('### 4.2');
  assert.match(text, /Delivered\/<x>\/State`: 10 Delivered \(not installed\), 20 Installed/);
  assert.match(text, /Deployed\/<x>\/State`: 10 Inactive, 20 Active/);
  expectEntry('scomo-delivered-state', 10, undefined, 'Delivered');
  expectEntry('scomo-delivered-state', 20, undefined, 'Installed');
  expectEntry('scomo-deployed-state', 10, undefined, 'Inactive');
  expectEntry('scomo-deployed-state', 20, undefined, 'Active');
  expectNoExtra('scomo-delivered-state', [10, 20]);
  expectNoExtra('scomo-deployed-state', [10, 20]);
});

test('codes.md §4.6: HealthAttestation status values, names by the prefix rule, deprecated ones marked', () => {
  const text = section('### 4.6').split('\n').slice(1).join('\n'); // the list, without the heading
  const items = [...text.matchAll(/(0xFFFF|\d+) ([A-Za-z_]+)( \((?:deprecated[^)]*|dep\.)\))?/g)].filter(
    (m) => m[2] !== 'HEALTHATTESTATION_CERT_RETRIEVAL_' && (/^[A-Z_]+$/.test(m[2]) || m[2].includes('_')),
  );
  const values = items.map((m) => Number(m[1]));
  const expected: number[] = [];
  for (let n = 0; n <= 36; n++) expected.push(n);
  expected.push(0xffff, 400, 404);
  assert.deepEqual(values, expected);
  for (const [, value, short, deprecated] of items) {
    const code = Number(value);
    const name = code === 400 || code === 404 ? short : `HEALTHATTESTATION_CERT_RETRIEVAL_${short}`;
    const e = expectEntry('healthattestation-status', code, undefined, name);
    assert.equal(e.cls, 'state');
    assert.equal(/deprecated/i.test(e.description), deprecated !== undefined, `HA ${value}: deprecation noted iff codes.md says so`);
  }
  expectNoExtra('healthattestation-status', values);
  assert.equal(catalog.lookup('healthattestation-status', 65535)?.name, 'HEALTHATTESTATION_CERT_RETRIEVAL_FAILED_UNKNOWN');
  assert.equal(catalog.lookup('healthattestation-status', 0)?.name, 'HEALTHATTESTATION_CERT_RETRIEVAL_UNINITIALIZED');
});

test('codes.md §3.8: every listed alert type string is known, with its family; nothing invented', () => {
  const [rows] = tables('### 3.8');
  let count = 0;
  for (const [typeCell] of rows) {
    // Backticked strings outside parentheses (those inside are data values and node paths).
    const types = [...typeCell.replace(/\([^)]*\)/g, '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    if (typeCell.startsWith('GwMO')) {
      // The joined GwMO strings are unverified; the catalog does not guess them.
      for (const t of types) assert.equal(catalog.alertType(t), undefined, `GwMO ${t}`);
      continue;
    }
    const first = types[0];
    for (const t of types) {
      // "`Reversed-Domain-Name: org.wi-fi.hotspot2dot0.SubscriptionCreation` / `.SubscriptionProvisioning`"
      const full = t.startsWith('.') ? first.replace(/\.[^.]+$/, t) : t;
      assert.ok(catalog.alertType(full), `alert type ${full} not known`);
      count++;
    }
  }
  assert.equal(count, catalog.alertTypes().length, 'one catalog alert type per string in codes.md §3.8');
  const s38 = section('### 3.8');
  for (const t of catalog.alertTypes()) {
    const suffix = t.type.slice(t.type.lastIndexOf('.'));
    assert.ok(s38.includes(t.type) || s38.includes(`\`${suffix}\``), `${t.type} is not written in codes.md §3.8`);
    assert.ok(t.alert === 1224 || t.alert === 1226);
  }
});

// ---------------------------------------------------------------------------------------------
// Structural invariants

test('families: one info per id in FAMILY_IDS order; entries sorted, well-formed, non-overlapping', () => {
  assert.deepEqual(
    catalog.families().map((f) => f.id),
    [...FAMILY_IDS],
  );
  for (const id of FAMILY_IDS) {
    const info = catalog.family(id);
    assert.equal(info.id, id);
    assert.ok(info.title && info.source && info.description, `${id}: info fields`);
    const entries = catalog.entries(id);
    assert.ok(entries.length > 0, `${id}: has entries`);
    let lastEnd = -1;
    for (const e of entries) {
      assert.equal(e.family, id);
      assert.ok(Number.isInteger(e.code) && e.code >= 0);
      if (e.to !== undefined) assert.ok(e.to > e.code, `${id} ${e.code}: range end after start`);
      assert.ok(e.code > lastEnd, `${id} ${e.code}: sorted and not overlapping the previous entry`);
      lastEnd = e.to ?? e.code;
      assert.equal(e.name, e.name.trim(), `${id} ${e.code}: name trimmed`);
      assert.ok(!/\s\s/.test(e.name), `${id} ${e.code}: no doubled spaces in the name`);
      assert.ok(e.description.length > 0 && e.description.length <= 200, `${id} ${e.code}: short description`);
      assert.ok(e.source.length > 0, `${id} ${e.code}: source`);
      assert.equal(e.customFile, undefined);
      assert.equal(catalog.lookup(id, e.code), e, `${id} ${e.code}: lookup finds the entry`);
      assert.ok(Object.isFrozen(e), `${id} ${e.code}: frozen`);
    }
  }
  assert.throws(() => catalog.family('scomo' as FamilyId));
});

test('MO result classes: 12xx success, 14xx originator (client) error, 15xx recipient (download server) error', () => {
  for (const family of ['scomo-result', 'sacmo-result', 'lawmo-result'] as const) {
    for (const e of catalog.entries(family)) {
      const expected = { 12: 'success', 14: 'originator-error', 15: 'recipient-error' }[Math.floor(e.code / 100)];
      assert.equal(e.cls, expected, `${family} ${e.code}`);
    }
  }
  for (const e of catalog.entries('fumo-result')) {
    assert.equal(e.cls, { 2: 'success', 4: 'originator-error', 5: 'recipient-error' }[Math.floor(e.code / 100)]);
  }
});

// ---------------------------------------------------------------------------------------------
// Lookup, definedIn, suggest

test('lookup: a member of a vendor range returns the range', () => {
  const e = catalog.lookup('fumo-result', 260);
  assert.ok(e);
  assert.equal(e.kind, 'vendor');
  assert.equal(e.code, 250);
  assert.equal(e.to, 299);
  assert.equal(e.name, 'Successful – Vendor Specified');
  assert.equal(catalog.lookup('fumo-result', 475)?.name, 'Client Error – Vendor Specified');
  assert.equal(catalog.lookup('fumo-result', 599)?.name, 'Alternate Download Server Error – Vendor Specified');
  assert.equal(catalog.lookup('fumo-result', 600), undefined);
  assert.equal(catalog.lookup('scomo-result', 1277)?.kind, 'vendor');
  assert.equal(catalog.lookup('lawmo-result', 1460)?.kind, 'vendor');
  assert.equal(catalog.lookup('lawmo-result', 1550), undefined, 'LAWMO has no 15xx range in codes.md');
});

test('lookup: undefined numbers', () => {
  assert.equal(catalog.lookup('scomo-result', 1420), undefined);
  assert.deepEqual([...catalog.suggest('scomo-result', 1420)], []);
  assert.equal(catalog.lookup('syncml-status', 515), undefined);
  assert.deepEqual([...catalog.suggest('syncml-status', 515)], []);
  assert.equal(catalog.lookup('syncml-status', 218), undefined);
  assert.equal(catalog.lookup('syncml-status', 1200), undefined, 'MO result codes are not SyncML statuses');
  assert.equal(catalog.lookup('fumo-result', 413), undefined);
  assert.equal(catalog.lookup('fumo-result', 200.5), undefined);
  assert.equal(catalog.lookup('fumo-result', Number.NaN), undefined);
  assert.equal(catalog.lookup('fumo-state', 0), undefined);
  assert.deepEqual([...catalog.suggest('fumo-result', 260)], [], 'no suggestion for a vendor code');
  assert.deepEqual([...catalog.suggest('sacmo-result', 1413)], [], 'no suggestion for a defined code');
});

test('definedIn: numbers defined in several families', () => {
  const families = (n: number): string[] => catalog.definedIn(n).map((e) => e.family);
  assert.deepEqual(families(404), ['syncml-status', 'fumo-result', 'healthattestation-status']);
  assert.equal(catalog.definedIn(404)[0].name, 'Not found');
  assert.equal(catalog.definedIn(404)[1].name, 'Failed Firmware Update Package Validation');

  assert.deepEqual(families(1403), ['scomo-result', 'sacmo-result', 'lawmo-result']);
  assert.deepEqual(
    catalog.definedIn(1403).map((e) => e.name),
    ['Alternate Download Authentication Failure', 'Transaction failed due to Device is out of memory', 'Partially lock device failed'],
  );
  assert.deepEqual(families(1200), ['dm-alert', 'scomo-result', 'sacmo-result', 'lawmo-result', 'dcmo-result']);
  assert.deepEqual(families(200), ['syncml-status', 'ds-alert', 'fumo-result']);
  assert.deepEqual(families(10), [
    'fumo-state',
    'scomo-download-status',
    'scomo-delivered-status',
    'scomo-delivered-state',
    'scomo-deployed-status',
    'scomo-deployed-state',
    'lawmo-state',
    'healthattestation-status',
  ]);
  // Vendor, reserved and obsolete entries are not "defined".
  assert.deepEqual(families(260), []);
  assert.deepEqual(families(509), []);
  assert.deepEqual(families(1150), []);
  assert.deepEqual(families(1418), []);
  assert.deepEqual(families(515), []);
  assert.deepEqual(families(1420), []);
});

// ---------------------------------------------------------------------------------------------
// equivalent

test('equivalent: success codes across SyncML status and MO results', () => {
  const eq = (f: FamilyId, n: number, to: FamilyId): number | undefined =>
    catalog.equivalent(catalog.lookup(f, n)!, to)?.code;
  for (const [f, n] of [
    ['scomo-result', 1200],
    ['sacmo-result', 1200],
    ['lawmo-result', 1200],
    ['fumo-result', 200],
  ] as const) {
    assert.equal(eq(f, n, 'syncml-status'), 200, `${f} ${n} -> syncml-status 200`);
    assert.equal(catalog.equivalent(catalog.lookup(f, n)!, 'syncml-status')?.name, 'OK');
  }
  assert.equal(eq('syncml-status', 200, 'fumo-result'), 200);
  assert.equal(eq('syncml-status', 200, 'scomo-result'), 1200);
  assert.equal(eq('syncml-status', 200, 'sacmo-result'), 1200);
  assert.equal(eq('syncml-status', 200, 'lawmo-result'), 1200);
  assert.equal(eq('scomo-result', 1200, 'fumo-result'), 200);
  assert.equal(eq('syncml-status', 200, 'fumo-state'), undefined);
  assert.equal(eq('syncml-status', 200, 'syncml-status'), undefined);
});

test('equivalent: MO results with the same result message map; the class rule is not a meaning', () => {
  const eq = (f: FamilyId, n: number, to: FamilyId): number | undefined =>
    catalog.equivalent(catalog.lookup(f, n)!, to)?.code;
  // Same message in both tables.
  assert.equal(eq('fumo-result', 401, 'scomo-result'), 1401); // User Cancelled
  assert.equal(eq('scomo-result', 1401, 'lawmo-result'), 1401);
  assert.equal(eq('fumo-result', 406, 'scomo-result'), 1403); // Alternate Download Authentication Failure
  assert.equal(eq('fumo-result', 412, 'sacmo-result'), 1501); // Alternate Download Server Unavailable
  assert.equal(eq('sacmo-result', 1409, 'scomo-result'), 1412); // Undefined Error
  // Same number, different meaning: never mapped.
  assert.equal(eq('sacmo-result', 1403, 'scomo-result'), undefined);
  assert.equal(eq('lawmo-result', 1403, 'sacmo-result'), undefined);
  // 1404 classifies like 404 but does not mean "Not found".
  assert.equal(eq('scomo-result', 1404, 'syncml-status'), undefined);
  assert.equal(eq('fumo-result', 404, 'syncml-status'), undefined);
  assert.equal(eq('syncml-status', 404, 'fumo-result'), undefined);
  assert.equal(eq('syncml-status', 401, 'fumo-result'), undefined);
  // Vendor ranges and obsolete entries have no equivalent.
  assert.equal(catalog.equivalent(catalog.lookup('scomo-result', 1260)!, 'syncml-status'), undefined);
  assert.equal(catalog.equivalent(catalog.lookup('sacmo-result', 1418)!, 'scomo-result'), undefined);
});

// ---------------------------------------------------------------------------------------------
// HRESULT

test('HRESULT: decode the hex and signed-decimal forms, encode both ways', () => {
  const cases: Array<[string, number]> = [
    ['0x87D101F4', 500],
    ['0x87D10205', 517],
    ['0x87D101AC', 428],
    ['0x87D101FB', 507],
    ['0x87D10194', 404],
    ['-2016345708', 404],
    ['0x87d10194', 404],
    ['0X87D10194', 404],
    ['  0x87D10194\n', 404],
    [' -2016345708 ', 404],
  ];
  for (const [text, status] of cases) {
    const d = catalog.decodeHresult(text);
    assert.ok(d, `decodeHresult(${JSON.stringify(text)})`);
    assert.equal(d.status, status, text);
    assert.equal(d.hex, `0x87D1${status.toString(16).toUpperCase().padStart(4, '0')}`);
    assert.equal(d.signed, (0x87d10000 + status) | 0);
  }
  assert.deepEqual(catalog.encodeHresult(404), { status: 404, hex: '0x87D10194', signed: -2016345708 });
  assert.deepEqual(catalog.encodeHresult(500), { status: 500, hex: '0x87D101F4', signed: -2016345612 });
  assert.deepEqual(catalog.encodeHresult(0), { status: 0, hex: '0x87D10000', signed: -2016346112 });
  for (const s of [200, 212, 404, 500, 507, 517]) {
    const { hex, signed } = catalog.encodeHresult(s);
    assert.equal(catalog.decodeHresult(hex)?.status, s);
    assert.equal(catalog.decodeHresult(String(signed))?.status, s);
  }
  for (const bad of [
    '87D10194', // hex needs 0x
    '0x80070005', // another facility
    '0x87D20194',
    '0x187D10194',
    '404',
    '2278621588', // unsigned decimal is not the signed form
    '-2147483649',
    '-1',
    '0x',
    '',
    '0x87D1 0194',
    'abc',
  ]) {
    assert.equal(catalog.decodeHresult(bad), undefined, `decodeHresult(${JSON.stringify(bad)})`);
  }
  assert.throws(() => catalog.encodeHresult(70000), RangeError);
  assert.throws(() => catalog.encodeHresult(-1), RangeError);
  assert.throws(() => catalog.encodeHresult(1.5), RangeError);
});

// ---------------------------------------------------------------------------------------------
// Alert types

test('alert types: prefix, whitespace and case variants', () => {
  const scomo = catalog.alertType('urn:oma:at:scomo:1.0:OperationComplete');
  assert.ok(scomo);
  assert.equal(scomo.family, 'scomo-result');
  assert.equal(scomo.mo, 'SCOMO');
  assert.equal(scomo.alert, 1226);
  for (const v of [
    'urn:oma:at:scomo:1.0:operationcomplete',
    '  urn:oma:at:scomo:1.0:OperationComplete\n',
    'Reversed-Domain-Name:urn:oma:at:scomo:1.0:OperationComplete',
    'reversed-domain-name: URN:OMA:AT:SCOMO:1.0:OPERATIONCOMPLETE',
  ]) {
    assert.equal(catalog.alertType(v), scomo, JSON.stringify(v));
  }
  const win32 = catalog.alertType('com.microsoft.mdm.win32csp_install');
  assert.ok(win32);
  assert.equal(win32.alert, 1224);
  assert.equal(win32.family, undefined);
  assert.equal(catalog.alertType('Reversed-Domain-Name:com.microsoft.mdm.win32csp_install'), win32);
  assert.equal(catalog.alertType(' Reversed-Domain-Name:   com.microsoft.mdm.WIN32CSP_INSTALL '), win32);
  const hs = catalog.alertType('org.wi-fi.hotspot2dot0.SubscriptionRemediation');
  assert.ok(hs);
  assert.equal(hs.format, 'xml');
  assert.equal(catalog.alertType('Reversed-Domain-Name: org.wi-fi.hotspot2dot0.SubscriptionRemediation'), hs);
  assert.equal(catalog.alertType(' com.microsoft:mdm.unenrollment.userrequest')?.mo, 'Windows MDM');
  for (const unknown of ['', ' ', 'urn:oma:at:foo:1.0:Bar', 'Reversed-Domain-Name:', 'com.microsoft.mdm.requestpending']) {
    assert.equal(catalog.alertType(unknown), undefined, JSON.stringify(unknown));
  }
});

test('alert types: families of the MO types', () => {
  const fam = (t: string): FamilyId | undefined => catalog.alertType(t)?.family;
  assert.equal(fam('org.openmobilealliance.dm.firmwareupdate.download'), 'fumo-result');
  assert.equal(fam('org.openmobilealliance.dm.firmwareupdate.update'), 'fumo-result');
  assert.equal(fam('org.openmobilealliance.dm.firmwareupdate.downloadandupdate'), 'fumo-result');
  assert.equal(fam('org.openmobilealliance.dm.firmwareupdate.DownloadAndUpdate'), 'fumo-result');
  // Requests for an update, not outcomes: no result family.
  assert.equal(catalog.alertType('org.openmobilealliance.dm.firmwareupdate.devicerequest')?.mo, 'FUMO');
  assert.equal(fam('org.openmobilealliance.dm.firmwareupdate.devicerequest'), undefined);
  assert.equal(fam('org.openmobilealliance.dm.firmwareupdate.userrequest'), undefined);
  const legacy = catalog.alertType('org.openmobilealliance.dm.softwarecomponent.OperationComplete');
  assert.equal(legacy?.family, 'scomo-result');
  assert.equal(legacy?.legacy, true);
  assert.equal(catalog.alertType('urn:oma:at:scomo:1.0:OperationComplete')?.legacy, undefined);
  assert.equal(fam('urn:oma:at:lawmo:1.0:OperationComplete'), 'lawmo-result');
  assert.equal(fam('urn:oma:at:sacmo:1.0:OperationReport'), 'sacmo-result');
  // Issue 15: DCMO's table (Intune "OMA response codes"); the HealthAttestation result alert carries a Status value.
  assert.equal(fam('urn:oma:at:dcmo:1.0:OperationComplete'), 'dcmo-result');
  assert.equal(fam('com.microsoft.mdm:HealthAttestation.Result'), 'healthattestation-status');
  for (const t of [
    'urn:oma:at:diagmon:1.0:OperationComplete',
    'urn:oma:at:diagmon:1.0:TrapNotification',
    'urn:oma:at:oma-mgmtpolicymo:1.0:policyreport',
    'com.microsoft:mdm.unenrollment.userrequest',
    'com.microsoft/MDM/LoginStatus',
  ]) {
    assert.ok(catalog.alertType(t), t);
    assert.equal(fam(t), undefined, `${t}: no result family`);
  }
  const clientEvents = catalog
    .alertTypes()
    .filter((t) => t.alert === 1224)
    .map((t) => t.type)
    .sort();
  assert.deepEqual(clientEvents, [
    'Reversed-Domain-Name:com.microsoft.mdm.win32csp_install',
    'com.microsoft.mdm.synctype',
    'com.microsoft/MDM/AADUserToken',
    'com.microsoft/MDM/DevicePrepSync',
    'com.microsoft/MDM/LoginStatus',
  ]);
});

test('unpublished: the MOs without a published code table, with a note', () => {
  const mos = catalog.unpublished().map((u) => u.mo);
  for (const mo of ['DiagMon', 'ConnMO', 'GwMO']) assert.ok(mos.includes(mo), mo);
  assert.ok(!mos.includes('DCMO'), 'DCMO has a table now (Intune "OMA response codes", issue 15)');
  for (const u of catalog.unpublished()) assert.match(u.note, /codes\.md §3\.[56]/);
});

// ---------------------------------------------------------------------------------------------
// Issue 15: the second fidelity pass

test('HealthAttestation descriptions follow Microsoft\'s HealthAttestation CSP status table', () => {
  // learn.microsoft.com/windows/client-management/mdm/healthattestation-csp, "HealthAttestation CSP
  // status and error codes".
  const d = (n: number) => catalog.lookup('healthattestation-status', n)?.description ?? '';
  assert.match(d(400), /DHA-CSP has received a bad \(malformed\) attestation request/);
  assert.match(d(20), /decrypting the health cert with the AES key/);
  assert.match(d(6), /opening a handle to Microsoft Platform Crypto Provider/);
  assert.match(d(26), /failed to connect to the DHA-Service/);
  for (const n of [4, 8, 12, 13, 15]) assert.equal(d(n), 'Deprecated in Windows 10, version 1607.', `HA ${n}`);
});

test('dcmo-result: the DCMO rows of Microsoft Intune\'s "OMA response codes" table, and no others', () => {
  const rows: [number, string][] = [
    [1200, 'Operation is performed successfully'],
    [1201, 'Enable operation is performed successfully and the Device Capability is currently attached'],
    [1202, 'Enable operation is performed successfully but the Device Capability is currently detached'],
    [1203, 'Device Capability is disabled and User is not allowed to re-enable it'],
    [1204, 'Device Capability is disabled and User is allowed to re-enable it'],
    [1400, 'Client error'],
    [1401, 'User chose not to accept the operation when prompted'],
    [1402, 'The Operation failed'],
  ];
  for (const [code, name] of rows) {
    const e = catalog.lookup('dcmo-result', code);
    assert.equal(e?.name, name, `DCMO ${code}`);
    assert.equal(e?.kind, 'defined');
    assert.match(e!.source, /Intune/);
  }
  assert.equal(catalog.lookup('dcmo-result', 1200)?.cls, 'success');
  assert.equal(catalog.lookup('dcmo-result', 1401)?.cls, 'originator-error');
  // The same table gives 1403 and 1404 without the DCMO label (certificate errors): not DCMO rows.
  assert.equal(catalog.lookup('dcmo-result', 1403), undefined);
  assert.equal(catalog.lookup('dcmo-result', 1404), undefined);
  assert.equal(catalog.family('dcmo-result').id, 'dcmo-result');
  assert.equal(catalog.alertType('urn:oma:at:dcmo:1.0:OperationComplete')?.family, 'dcmo-result');
});

test('docs/families.md: Sierra Wireless\'s FUMO table settles 412 and 500 in the catalog\'s favour', () => {
  // tabasco_hardware_sierra swiqmi3/qa/inc/qaGobiApiTableSwiOMADMUpdateCompleteStatus.h (© 2013 Sierra Wireless).
  const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/families.md'), 'utf8');
  assert.match(doc, /FUMO 412 and 500\*\*[\s\S]{0,400}Sierra Wireless/);
  assert.equal(catalog.lookup('fumo-result', 412)?.name, 'Alternate Download Server Unavailable');
  assert.equal(catalog.lookup('fumo-result', 500)?.name, 'Alternate Download Server Error');
});
