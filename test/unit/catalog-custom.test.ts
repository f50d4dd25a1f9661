/**
 * Custom-codes files: parsing and validation (clear problems, invalid entries skipped, valid ones
 * kept), merging into the catalog (custom wins over vendor and reserved ranges, never over a
 * built-in definition), and the JSON schema that VS Code uses for these files.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAMILY_IDS, createCatalog, parseCustomCodes } from '../../server/src/catalog';
import type { CustomCodesFile } from '../../server/src/catalog';
import { formatFileProblem } from '../../server/src/catalog/custom';

const FILE = 'file:///work/vendor-codes.json';
const json = (v: unknown): string => JSON.stringify(v, null, 2);

function parseOk(doc: unknown, file = FILE): CustomCodesFile {
  const r = parseCustomCodes(json(doc), file);
  assert.deepEqual(r.problems, [], 'no problems expected');
  assert.ok(r.codes);
  return r.codes;
}

/** Parses one entry; returns the problem messages and the number of entries kept. */
function one(entry: unknown): { messages: string[]; kept: number } {
  const r = parseCustomCodes(json({ codes: [entry] }), FILE);
  for (const p of r.problems) assert.equal(p.file, FILE);
  return { messages: r.problems.map((p) => p.message), kept: r.codes?.entries.length ?? 0 };
}

test('a valid file: single codes and ranges become catalog entries', () => {
  const codes = parseOk({
    $schema: './schemas/custom-codes.schema.json',
    codes: [
      { family: 'fumo-result', code: 251, name: 'Battery too low', description: 'The device refused to update on low battery.' },
      { family: 'scomo-result', from: 1450, to: 1460, name: 'Installer error' },
      { family: 'dm-alert', code: 1105, name: 'Vendor UI alert' },
      { family: 'sacmo-result', code: 1418, name: 'Old authorization failure' },
      { family: 'syncml-status', code: 700, name: 'HTTP transport failure', class: 'recipient-error' },
      { family: 'fumo-state', code: 11, name: 'Vendor state' },
    ],
  });
  assert.equal(codes.file, FILE);
  assert.equal(codes.entries.length, 6);
  const [fumo, scomo, alert, sacmo, status, state] = codes.entries;
  assert.deepEqual(fumo, {
    family: 'fumo-result',
    code: 251,
    name: 'Battery too low',
    description: 'The device refused to update on low battery.',
    cls: 'success',
    kind: 'defined',
    source: `custom codes: ${FILE}`,
    customFile: FILE,
  });
  assert.equal(scomo.code, 1450);
  assert.equal(scomo.to, 1460);
  assert.equal(scomo.cls, 'originator-error');
  assert.ok(scomo.description.length > 0, 'a default description');
  assert.equal(alert.cls, 'alert');
  assert.equal(sacmo.cls, 'originator-error');
  assert.equal(status.cls, 'recipient-error');
  assert.equal(state.cls, 'state');
});

test('merged catalog: custom wins over vendor ranges, reserved ranges and obsolete numbers', () => {
  const codes = parseOk({
    codes: [
      { family: 'fumo-result', code: 251, name: 'Battery too low' },
      { family: 'scomo-result', from: 1450, to: 1460, name: 'Installer error' },
      { family: 'dm-alert', code: 1105, name: 'Vendor UI alert' },
      { family: 'sacmo-result', code: 1418, name: 'Old authorization failure' },
      { family: 'scomo-result', code: 1420, name: 'Vendor gap code' },
    ],
  });
  const c = createCatalog([codes]);
  assert.equal(c.lookup('fumo-result', 251)?.name, 'Battery too low');
  assert.equal(c.lookup('fumo-result', 251)?.customFile, FILE);
  assert.equal(c.lookup('fumo-result', 252)?.kind, 'vendor', 'the rest of the vendor range is unchanged');
  assert.equal(c.lookup('fumo-result', 200)?.name, 'Successful');
  assert.equal(c.lookup('scomo-result', 1455)?.name, 'Installer error');
  assert.equal(c.lookup('scomo-result', 1461)?.kind, 'vendor');
  assert.equal(c.lookup('scomo-result', 1420)?.name, 'Vendor gap code');
  assert.equal(c.lookup('dm-alert', 1105)?.name, 'Vendor UI alert');
  assert.equal(c.lookup('dm-alert', 1106)?.kind, 'reserved');
  assert.equal(c.lookup('sacmo-result', 1418)?.name, 'Old authorization failure');
  assert.deepEqual([...c.suggest('sacmo-result', 1418)], [], 'a custom definition has no suggestion');

  assert.deepEqual(
    c.definedIn(251).map((e) => `${e.family}:${e.name}`),
    ['fumo-result:Battery too low'],
  );
  assert.ok(c.definedIn(1455).some((e) => e.family === 'scomo-result' && e.customFile === FILE));

  const fumo = c.entries('fumo-result');
  assert.ok(fumo.some((e) => e.customFile === FILE));
  for (let i = 1; i < fumo.length; i++) assert.ok(fumo[i - 1].code <= fumo[i].code, 'entries in code order');
  assert.ok(fumo.indexOf(c.lookup('fumo-result', 250)!) < fumo.indexOf(c.lookup('fumo-result', 251)!));

  // A custom entry is not mapped to other families.
  assert.equal(c.equivalent(c.lookup('fumo-result', 251)!, 'syncml-status'), undefined);

  // The built-in catalog is untouched.
  const plain = createCatalog();
  assert.equal(plain.lookup('fumo-result', 251)?.kind, 'vendor');
  assert.deepEqual([...plain.definedIn(251)], []);
});

test('merged catalog: wide custom ranges, and the later file wins', () => {
  const wide = parseOk({ codes: [{ family: 'dm-alert', from: 1227, to: 99999, name: 'Vendor alerts' }] });
  const c = createCatalog([wide]);
  assert.equal(c.lookup('dm-alert', 1250)?.name, 'Vendor alerts', 'wins over the built-in reserved range');
  assert.equal(c.lookup('dm-alert', 99999)?.name, 'Vendor alerts');
  assert.equal(c.lookup('dm-alert', 100000), undefined);
  assert.equal(c.lookup('dm-alert', 1226)?.name, 'GENERIC ALERT');
  assert.equal(c.lookup('dm-alert', 5000.5), undefined);

  const a = parseOk({ codes: [{ family: 'fumo-result', code: 251, name: 'From A' }] }, 'a.json');
  const b = parseOk({ codes: [{ family: 'fumo-result', code: 251, name: 'From B' }] }, 'b.json');
  assert.equal(createCatalog([a, b]).lookup('fumo-result', 251)?.name, 'From B');
  assert.equal(createCatalog([b, a]).lookup('fumo-result', 251)?.name, 'From A');
  assert.equal(createCatalog([a, b]).lookup('fumo-result', 251)?.source, 'custom codes: b.json');
});

test('a file with bad entries: each problem names the place; bad entries skipped, good ones kept', () => {
  const r = parseCustomCodes(
    json({
      codes: [
        { family: 'fumo-result', code: 251, name: 'Good one' },
        { family: 'scomo', code: 1451, name: 'Bad family' },
        { family: 'scomo-result', code: '1452', name: 'Code as a string' },
        { family: 'scomo-result', code: 1453, name: 'Good two' },
        'not an object',
      ],
    }),
    FILE,
  );
  assert.deepEqual(
    r.codes?.entries.map((e) => e.name),
    ['Good one', 'Good two'],
  );
  assert.equal(r.problems.length, 3);
  for (const p of r.problems) assert.equal(p.file, FILE);
  assert.match(r.problems[0].message, /^codes\[1\]\.family: "scomo" is not a family id; expected one of syncml-status, dm-alert/);
  assert.ok(r.problems[0].message.includes('healthattestation-status'));
  assert.match(r.problems[1].message, /^codes\[2\]\.code: expected an integer .* found the string "1452"/);
  assert.match(r.problems[2].message, /^codes\[4\]: expected an object, found the string "not an object"/);

  // The built-in catalog still works with what was kept.
  const c = createCatalog([r.codes!]);
  assert.equal(c.lookup('scomo-result', 1452)?.kind, 'vendor');
  assert.equal(c.lookup('scomo-result', 1453)?.name, 'Good two');
  assert.equal(c.lookup('syncml-status', 404)?.name, 'Not found');
});

test('entry validation: each rule', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ code: 251, name: 'x' }, /^codes\[0\]\.family: missing; expected one of/],
    [{ family: 7, code: 251, name: 'x' }, /^codes\[0\]\.family: the number 7 is not a family id/],
    [{ family: 'FUMO-RESULT', code: 251, name: 'x' }, /"FUMO-RESULT" is not a family id/],
    [{ family: 'fumo-result', name: 'x' }, /^codes\[0\]: missing "code" \(or "from" and "to"\)/],
    [{ family: 'fumo-result', code: 251.5, name: 'x' }, /^codes\[0\]\.code: expected an integer from 0 to 2147483647, found the number 251\.5/],
    [{ family: 'fumo-result', code: -1, name: 'x' }, /^codes\[0\]\.code: expected an integer/],
    [{ family: 'fumo-result', code: 2147483648, name: 'x' }, /^codes\[0\]\.code: expected an integer/],
    [{ family: 'fumo-result', code: null, name: 'x' }, /found null/],
    [{ family: 'fumo-result', code: 251, from: 250, to: 260, name: 'x' }, /give either "code" or "from" and "to", not both/],
    [{ family: 'fumo-result', from: 250, name: 'x' }, /^codes\[0\]\.to: missing; a range needs both/],
    [{ family: 'fumo-result', to: 260, name: 'x' }, /^codes\[0\]\.from: missing; a range needs both/],
    [{ family: 'fumo-result', from: 260, to: 250, name: 'x' }, /^codes\[0\]\.to: 250 is less than from \(260\)/],
    [{ family: 'fumo-result', code: 251 }, /^codes\[0\]\.name: missing/],
    [{ family: 'fumo-result', code: 251, name: '  ' }, /^codes\[0\]\.name: expected a non-empty string/],
    [{ family: 'fumo-result', code: 251, name: 5 }, /^codes\[0\]\.name: expected a non-empty string, found the number 5/],
    [{ family: 'fumo-result', code: 251, name: 'x', description: ['a'] }, /^codes\[0\]\.description: expected a string, found an array/],
    [{ family: 'fumo-result', code: 251, name: 'x', class: 'error' }, /^codes\[0\]\.class: the string "error" is not a class; expected one of informational/],
    [{ family: 'fumo-result', code: 251, name: 'x', descripton: 'typo' }, /^codes\[0\]: unknown property "descripton"; expected only family, code, from, to, name, description, class/],
    [{ family: 'syncml-status', code: 700, name: 'HTTP error' }, /syncml-status gives no class to 700 .* add "class"/],
    [{ family: 'scomo-result', from: 1450, to: 1560, name: 'x' }, /the range 1450-1560 spans two classes/],
    [{ family: 'scomo-result', code: 1402, name: 'Mine' }, /^codes\[0\]: scomo-result 1402 is already defined by the built-in table \("Download Failed"\)/],
    [{ family: 'scomo-result', from: 1410, to: 1420, name: 'Mine' }, /scomo-result 1410 is already defined by the built-in table \("Deactivate Failed"\)/],
    [{ family: 'syncml-status', code: 404, name: 'Mine' }, /syncml-status 404 is already defined/],
  ];
  for (const [entry, expected] of cases) {
    const { messages, kept } = one(entry);
    assert.equal(kept, 0, `${JSON.stringify(entry)} should be skipped`);
    assert.ok(messages.length >= 1, `${JSON.stringify(entry)}: a problem`);
    assert.ok(
      messages.some((m) => expected.test(m)),
      `${JSON.stringify(entry)}: expected a message matching ${expected}, got ${JSON.stringify(messages)}`,
    );
    for (const m of messages) assert.match(m, /Entry skipped$/);
  }
  // Accepted edge cases.
  assert.equal(one({ family: 'fumo-result', from: 251, to: 251, name: 'x' }).kept, 1);
  assert.equal(one({ family: 'fumo-result', code: 0, name: 'x', class: 'success' }).kept, 1);
  assert.equal(one({ family: 'syncml-status', code: 700, name: 'x', class: 'recipient-error' }).kept, 1);
  assert.equal(one({ family: 'syncml-status', code: 509, name: 'Mine' }).kept, 1, 'a reserved status may be given a meaning');
  assert.equal(one({ family: 'healthattestation-status', code: 37, name: 'x' }).kept, 1);
  const single = parseOk({ codes: [{ family: 'fumo-result', from: 251, to: 251, name: 'x' }] }).entries[0];
  assert.equal(single.to, undefined, 'a one-number range is a single code');
});

test('overlapping entries in one file: the later one is reported and skipped', () => {
  const r = parseCustomCodes(
    json({
      codes: [
        { family: 'scomo-result', from: 1450, to: 1460, name: 'A' },
        { family: 'fumo-result', code: 455, name: 'other family, fine' },
        { family: 'scomo-result', code: 1455, name: 'B' },
      ],
    }),
    FILE,
  );
  assert.equal(r.codes?.entries.length, 2);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /^codes\[2\]: scomo-result 1455 overlaps codes\[0\] \(1450-1460\) in the same file/);
});

test('file-level problems: invalid JSON, empty file, wrong top-level shape', () => {
  const invalid = parseCustomCodes('{\n  "codes": [\n    { "family": "fumo-result", "code": 251, , }\n  ]\n}\n', FILE);
  assert.equal(invalid.codes, undefined);
  assert.deepEqual(invalid.problems, [
    { file: FILE, line: 3, column: 45, message: 'invalid JSON: expected a property name in double quotes, found ","' },
  ]);
  assert.equal(formatFileProblem(invalid.problems[0]), `${FILE}:3:45: invalid JSON: expected a property name in double quotes, found ","`);

  const truncated = parseCustomCodes('{"codes": [', FILE);
  assert.deepEqual(truncated.problems, [
    { file: FILE, line: 1, column: 12, message: "invalid JSON: an array is not closed: expected ']', found the end of the file" },
  ]);
  const broken: Array<[string, string]> = [
    ['{"codes": [] "x": 1}', '1:14: invalid JSON: expected \',\' between two values, found "\\""'],
    ['{"codes" []}', '1:10: invalid JSON: expected \':\' after the property name, found "["'],
    ['{"codes": [tru]}', '1:12: invalid JSON: expected a value, found "t"'],
    ["{'codes': []}", '1:2: invalid JSON: expected a value, found "\'"'],
    ['{"codes": []} x', '1:15: invalid JSON: unexpected "x" after the end of the JSON value'],
    ['{"codes": ["a\\q"]}', '1:12: invalid JSON: invalid escape in a string'],
    ['{"codes": ["a', '1:12: invalid JSON: unterminated string'],
    ['{"codes": [] /* note', '1:14: invalid JSON: unterminated comment'],
    ['['.repeat(300), '1:257: invalid JSON: nested more than 256 levels deep'],
  ];
  for (const [text, expected] of broken) {
    const r = parseCustomCodes(text, 'x.json');
    assert.equal(r.codes, undefined, text);
    assert.deepEqual(r.problems.map(formatFileProblem), [`x.json:${expected}`], text);
  }
  assert.match(parseCustomCodes('['.repeat(100000), FILE).problems[0].message, /nested more than/, 'deep nesting is reported, not a stack overflow');

  for (const empty of ['', '   \n\t', '\ufeff']) {
    const r = parseCustomCodes(empty, FILE);
    assert.equal(r.codes, undefined);
    assert.deepEqual(r.problems, [{ file: FILE, message: 'the file is empty; expected a JSON object with a "codes" array' }]);
  }
  const shapes: Array<[string, RegExp]> = [
    ['[]', /at the top level, found an array/],
    ['null', /at the top level, found null/],
    ['42', /at the top level, found the number 42/],
    ['"codes"', /at the top level, found the string "codes"/],
    ['{}', /^missing the "codes" array$/],
    ['{"codes": {}}', /^codes: expected an array, found an object$/],
  ];
  for (const [text, expected] of shapes) {
    const r = parseCustomCodes(text, FILE);
    assert.equal(r.codes, undefined, text);
    assert.equal(r.problems.length, 1, text);
    assert.match(r.problems[0].message, expected, text);
  }

  const extra = parseCustomCodes(json({ codes: [], version: 2, $schema: 3 }), FILE);
  assert.deepEqual(extra.codes, { file: FILE, entries: [] });
  assert.deepEqual(
    extra.problems.map((p) => p.message),
    ['unknown top-level property "version" is ignored; expected "$schema" or "codes"', '$schema: expected a string, found the number 3'],
  );

  const bom = parseCustomCodes('\ufeff{"codes": [{"family": "fumo-result", "code": 251, "name": "x"}]}', FILE);
  assert.deepEqual(bom.problems, []);
  assert.equal(bom.codes?.entries.length, 1);

  assert.deepEqual(parseCustomCodes('{"codes": []}', FILE), { codes: { file: FILE, entries: [] }, problems: [] });
});

test('a problem in a valid file points at its place: line and column of the value, or of the entry', () => {
  const text = [
    '{',
    '  "$schema": "./custom-codes.schema.json",',
    '  "codes": [',
    '    { "family": "fumo-result", "code": 251, "name": "Good" },',
    '    {',
    '      "family": "scomo",',
    '      "code": 1451,',
    '      "name": "Bad family"',
    '    },',
    '    { "family": "scomo-result", "from": 1460, "to": 1450, "name": "Backwards" },',
    '    { "family": "scomo-result", "from": 1450, "name": "No end" },',
    '    "not an object",',
    '    { "family": "fumo-result", "code": 251, "name": "Again", "colour": "red" }',
    '  ],',
    '  "version": 2',
    '}',
  ].join('\n');
  const r = parseCustomCodes(text, 'acme.syncml-codes.json');
  assert.deepEqual(r.codes?.entries.map((e) => e.name), ['Good']);
  assert.deepEqual(
    r.problems.map((p) => formatFileProblem(p).replace(/;.*/, '')),
    [
      'acme.syncml-codes.json:15:3: unknown top-level property "version" is ignored',
      'acme.syncml-codes.json:6:17: codes[1].family: "scomo" is not a family id',
      'acme.syncml-codes.json:10:53: codes[2].to: 1450 is less than from (1460). Entry skipped',
      'acme.syncml-codes.json:11:5: codes[3].to: missing',
      'acme.syncml-codes.json:12:5: codes[4]: expected an object, found the string "not an object". Entry skipped',
      'acme.syncml-codes.json:13:62: codes[5]: unknown property "colour"',
    ],
  );
  // The place of a problem found after validation (a clash with an earlier entry) is the entry.
  const clash = parseCustomCodes('{"codes": [\n  {"family": "fumo-result", "code": 251, "name": "A"},\n  {"family": "fumo-result", "code": 251, "name": "B"}\n]}', FILE);
  assert.deepEqual(clash.problems.map((p) => [p.line, p.column]), [[3, 3]]);
  // A file-level problem without a place is printed without one.
  assert.equal(formatFileProblem({ file: 'a.json', message: 'cannot be read' }), 'a.json: cannot be read');
});

test('comments and trailing commas are accepted, as in VS Code settings.json', () => {
  const r = parseCustomCodes(
    [
      '// Acme vendor codes',
      '{',
      '  "codes": [',
      '    /* from the 2023 device guide */',
      '    { "family": "fumo-result", "code": 251, "name": "Battery low", }, // trailing comma in an object',
      '    { "family": "fumo-result", "code": "252", "name": "Wrong type" },',
      '  ],',
      '}',
    ].join('\n'),
    FILE,
  );
  assert.deepEqual(r.codes?.entries.map((e) => e.name), ['Battery low']);
  assert.deepEqual(
    r.problems.map((p) => [p.line, p.column, p.message.replace(/ from 0.*/, '')]),
    [[6, 40, 'codes[1].code: expected an integer']],
    'positions count the comment lines',
  );
});

// ---------------------------------------------------------------------------------------------
// The JSON schema

const SCHEMA_PATH = path.resolve(__dirname, '../../../schemas/custom-codes.schema.json');

test('schema: draft-07, and its enums and limits are the validator\'s', () => {
  assert.ok(fs.existsSync(SCHEMA_PATH), `schema not found at ${SCHEMA_PATH}`);
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.deepEqual(schema.required, ['codes']);
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual([schema.allowComments, schema.allowTrailingCommas], [true, true], 'the editor accepts what the parser accepts');
  assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'codes']);
  const entry = schema.definitions.entry;
  assert.deepEqual(entry.properties.family.enum, [...FAMILY_IDS]);
  assert.deepEqual(Object.keys(entry.properties).sort(), ['class', 'code', 'description', 'family', 'from', 'name', 'to']);
  assert.equal(entry.additionalProperties, false);
  assert.deepEqual(entry.required, ['family', 'name']);
  for (const k of ['code', 'from', 'to']) {
    assert.deepEqual(
      { type: entry.properties[k].type, minimum: entry.properties[k].minimum, maximum: entry.properties[k].maximum },
      { type: 'integer', minimum: 0, maximum: 2147483647 },
    );
  }
  // Every class the schema offers is accepted by the validator.
  for (const cls of entry.properties.class.enum) {
    assert.equal(one({ family: 'fumo-result', code: 251, name: 'x', class: cls }).kept, 1, cls);
  }
  // And every key the schema offers is one the validator knows.
  assert.equal(one({ family: 'fumo-result', code: 251, name: 'x', description: 'd', class: 'success' }).kept, 1);
});

test('schema and validator agree on sample entries (checked with ajv)', () => {
  // ajv is a devDependency for exactly this check: the shipped schema must say what the validator does.
  const mod = require('ajv');
  const Ajv: new (opts?: object) => { addKeyword(k: string): void; compile(s: object): (d: unknown) => boolean } = mod.default ?? mod;
  const ajv = new Ajv({ allErrors: true });
  // VS Code's JSON editor reads these two (no comment or trailing-comma errors in these files); ajv need not.
  ajv.addKeyword('allowComments');
  ajv.addKeyword('allowTrailingCommas');
  const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')));
  // Entries whose validity the schema can express (not: to < from, built-in clashes, overlaps, class derivation).
  const samples: unknown[] = [
    { family: 'fumo-result', code: 251, name: 'x' },
    { family: 'fumo-result', code: 251, name: 'x', description: 'd', class: 'success' },
    { family: 'scomo-result', from: 1450, to: 1460, name: 'x' },
    { family: 'scomo', code: 1451, name: 'x' },
    { family: 'fumo-result', code: '251', name: 'x' },
    { family: 'fumo-result', code: 251.5, name: 'x' },
    { family: 'fumo-result', code: -1, name: 'x' },
    { family: 'fumo-result', code: 2147483648, name: 'x' },
    { family: 'fumo-result', code: 251, from: 250, to: 260, name: 'x' },
    { family: 'fumo-result', from: 250, name: 'x' },
    { family: 'fumo-result', to: 260, name: 'x' },
    { family: 'fumo-result', name: 'x' },
    { family: 'fumo-result', code: 251 },
    { family: 'fumo-result', code: 251, name: '' },
    { family: 'fumo-result', code: 251, name: '   ' },
    { family: 'fumo-result', code: 251, name: 'x', description: 1 },
    { family: 'fumo-result', code: 251, name: 'x', class: 'error' },
    { family: 'fumo-result', code: 251, name: 'x', extra: true },
    { code: 251, name: 'x' },
    'string',
    null,
    [],
  ];
  for (const entry of samples) {
    const doc = { codes: [entry] };
    const r = parseCustomCodes(JSON.stringify(doc), FILE);
    const accepted = r.problems.length === 0 && r.codes?.entries.length === 1;
    assert.equal(validate(doc), accepted, `schema vs validator on ${JSON.stringify(entry)}`);
  }
  for (const doc of [{ codes: [] }, {}, { codes: {} }, [], { codes: [], other: 1 }, { codes: [], $schema: 'x' }, { codes: [], $schema: 1 }]) {
    const r = parseCustomCodes(JSON.stringify(doc), FILE);
    assert.equal(validate(doc), r.problems.length === 0, `schema vs validator on ${JSON.stringify(doc)}`);
  }
});
