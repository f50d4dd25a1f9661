/**
 * The diagnostic-code registry (server/src/diagnosticCodes.ts) and what users read about it
 * elsewhere: the settings schema in package.json (completion and validation in settings.json)
 * and the diagnostics tables of the docs. Adding a code, or changing a default severity, without
 * updating them fails here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../server/src/api';
import { DIAGNOSTIC_CODES, lspSeverity, SEVERITY_NAMES, severityName } from '../../server/src/diagnosticCodes';
import { parseSettings } from '../../server/src/lsp/settings';
import { severitySettingProperties } from '../../server/src/severitySettingSchema';
import { analyze, dmMessage, service, status } from '../support/service';

const ROOT = resolve(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface SeveritySettingSchema {
  additionalProperties: boolean;
  properties: Record<string, unknown>;
}

/** The rows of the first table whose header starts with `| code |`, after `heading` if given. */
function codeTable(markdown: string, heading?: string): string[][] {
  let lines = markdown.split(/\r?\n/);
  if (heading !== undefined) {
    const at = lines.indexOf(heading);
    assert.ok(at >= 0, `heading ${JSON.stringify(heading)} not found`);
    lines = lines.slice(at);
  }
  const header = lines.findIndex((l) => /^\|\s*code\s*\|/.test(l));
  assert.ok(header >= 0, 'no table with a "code" column');
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split(' | ').map((cell) => cell.replace(/^\|\s*|\s*\|$/g, '').trim()));
  }
  return rows;
}

const registryRows = DIAGNOSTIC_CODES.map((c) => `\`${c.id}\` ${c.defaultSeverity}`);

describe('diagnostic-code registry', () => {
  it('package.json: syncml.diagnostics.severity has one property per code, with its default and summary (node scripts/sync-diagnostics.mjs writes them)', () => {
    const pkg = JSON.parse(read('package.json')) as {
      contributes: { configuration: { properties: Record<string, SeveritySettingSchema> } };
    };
    const setting = pkg.contributes.configuration.properties['syncml.diagnostics.severity'];
    assert.equal(setting.additionalProperties, false, 'an unknown code in settings.json is flagged');
    assert.deepEqual(Object.keys(setting.properties), Object.keys(severitySettingProperties()), 'run node scripts/sync-diagnostics.mjs');
    assert.deepEqual(setting.properties, severitySettingProperties(), 'run node scripts/sync-diagnostics.mjs');
  });

  it('README: the diagnostics table lists every code with its default severity, in registry order', () => {
    const rows = codeTable(read('README.md'), '## Diagnostics');
    assert.deepEqual(rows.map(([code, severity]) => `${code} ${severity}`), registryRows);
  });

  it('docs/diagnostics.md: every code with its default severity, and a quick fix exactly where the registry has one', () => {
    const rows = codeTable(read('docs/diagnostics.md'));
    assert.deepEqual(rows.map(([code, severity]) => `${code} ${severity}`), registryRows);
    assert.deepEqual(
      rows.map((r) => `${r[0]} ${r[r.length - 1] === '—' ? 'no fix' : 'fix'}`),
      DIAGNOSTIC_CODES.map((c) => `\`${c.id}\` ${c.quickFix ? 'fix' : 'no fix'}`),
    );
  });

  it('docs/extension.md: the table of codes and default severities', () => {
    const rows = codeTable(read('docs/extension.md'));
    assert.deepEqual(rows.map(([code, severity]) => `${code} ${severity}`), registryRows);
  });

  it('every code can be set in syncml.diagnostics.severity; another name is warned about, naming the known ones', () => {
    for (const c of DIAGNOSTIC_CODES) {
      const { settings, warnings } = parseSettings({ diagnostics: { severity: { [c.id]: 'off' } } });
      assert.deepEqual(warnings, [], c.id);
      assert.deepEqual(settings.service.diagnostics.severity, { [c.id]: 'off' });
    }
    const { warnings } = parseSettings({ diagnostics: { severity: { 'no-such-code': 'off' } } });
    assert.deepEqual(warnings, [
      `syncml.diagnostics.severity: unknown diagnostic code "no-such-code" ignored (known: ${DIAGNOSTIC_CODES.map((c) => c.id).join(', ')}).`,
    ]);
  });

  it('severity names and LSP numbers: error 1, warning 2, information 3, hint 4; off has none; an absent severity is an error', () => {
    assert.deepEqual(
      SEVERITY_NAMES.map((n) => [n, lspSeverity(n)]),
      [['error', 1], ['warning', 2], ['information', 3], ['hint', 4]],
    );
    assert.equal(lspSeverity('off'), undefined);
    assert.deepEqual([1, 2, 3, 4, undefined, 0, 5].map(severityName), ['error', 'warning', 'information', 'hint', 'error', 'error', 'error']);
  });

  it('a diagnostic carries a fix only for a code marked quickFix, the fix (then any alternatives) is offered as code actions, and every such code has one', () => {
    const inputs = readdirSync(join(ROOT, 'examples'))
      .filter((f) => f.endsWith('.xml'))
      .map((f) => read(join('examples', f)));
    // An HRESULT where a status belongs: the not-a-code fix (examples/ has only a name there).
    inputs.push(dmMessage(status('Get', '0x87D10194')));
    const fixed = new Set<string>();
    for (const text of inputs) {
      const a = analyze(text);
      for (const d of service.doValidation(a, DEFAULT_SETTINGS)) {
        const data = d.data as { fix?: { newText: string }; alternatives?: { newText: string }[] } | undefined;
        const fix = data?.fix;
        if (!fix) continue;
        const info = DIAGNOSTIC_CODES.find((c) => c.id === d.code);
        assert.ok(info?.quickFix, `${String(d.code)} carries a fix but is not marked quickFix`);
        const actions = service.getCodeActions(a, d.range, { diagnostics: [d as Diagnostic] });
        assert.deepEqual(
          actions.map((x) => [x.kind, x.edit?.changes?.[a.document.uri]?.[0].newText]),
          [fix, ...(data.alternatives ?? [])].map((f) => ['quickfix', f.newText]),
          String(d.code),
        );
        fixed.add(String(d.code));
      }
    }
    assert.deepEqual(
      [...fixed].sort(),
      DIAGNOSTIC_CODES.filter((c) => c.quickFix)
        .map((c) => c.id)
        .sort(),
    );
  });
});
