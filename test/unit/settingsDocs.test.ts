/**
 * The settings as users read about them: every `syncml.*` setting that package.json contributes
 * (VS Code's settings UI) is in the settings tables of the README and docs/extension.md with its
 * default, in the same order; every one the server reads is in docs/other-editors.md's table and
 * is known to the server's settings parser. Adding a setting without its rows fails here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSettings } from '../../server/src/lsp/settings';

const ROOT = resolve(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const properties = (JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } })
  .contributes.configuration.properties;
/** Settings the client reads, not the server. */
const clientOnly = (key: string) => key.startsWith('syncml.trace.');

/** The first two cells of each row of the first table whose header starts with `| <first> |`. */
function table(markdown: string, first: string): [string, string][] {
  const lines = markdown.split(/\r?\n/);
  const header = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  assert.ok(header >= 0, `no table with a "${first}" column`);
  const rows: [string, string][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(' | ').map((cell) => cell.replace(/^\|\s*|\s*\|$/g, '').trim());
    rows.push([cells[0], cells[1]]);
  }
  return rows;
}

const shown = (v: unknown) => `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;
const expected = Object.entries(properties).map(([key, p]): [string, string] => [`\`${key}\``, shown(p.default)]);

describe('settings in package.json and the docs', () => {
  it('README: the settings table lists every setting with its default, in package.json order', () => {
    assert.deepEqual(table(read('README.md'), 'setting'), expected);
  });

  it('docs/extension.md: the same table', () => {
    assert.deepEqual(table(read('docs/extension.md'), 'setting'), expected);
  });

  it('docs/other-editors.md: every setting the server reads, under its key in the section', () => {
    const rows = table(read('docs/other-editors.md'), 'key').map(([key]) => key);
    const server = Object.keys(properties).filter((k) => !clientOnly(k)).map((k) => `\`${k.slice('syncml.'.length)}\``);
    assert.deepEqual(rows, server);
  });

  it('the server knows every setting it is given, and takes each default without a warning', () => {
    for (const [key, p] of Object.entries(properties)) {
      if (clientOnly(key)) continue;
      const { warnings } = parseSettings({ [key.slice('syncml.'.length)]: p.default });
      assert.deepEqual(warnings, [], key);
    }
    assert.match(parseSettings({ colour: 'blue' }).warnings.join('\n'), /not a setting this server knows/, 'an unknown key is warned about');
  });
});
