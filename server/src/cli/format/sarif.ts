/**
 * SARIF 2.1.0 output (OASIS), in the subset GitHub code scanning reads: one run, the full rule
 * table in tool.driver.rules, one result per diagnostic with ruleId = the diagnostic code.
 * Pure: the caller supplies the version, the root URI and the file URIs.
 *
 * Positions: SARIF lines and columns are 1-based and endColumn is exclusive, as in LSP (0-based),
 * so a column is LSP character + 1. LSP characters are UTF-16 code units: run.columnKind says so.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, lspSeverity, severityName, type DiagnosticCodeEntry } from '../../diagnosticCodes';
import type { FileResult, InputProblem } from '../types';
import { compareDiagnostics, messageText } from './text';

const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

// Minimal SARIF types: only what this writer produces.
type SarifLevel = 'none' | 'note' | 'warning' | 'error';
interface SarifMessage {
  text: string;
  markdown?: string;
}
interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLocation {
  physicalLocation: { artifactLocation: SarifArtifactLocation; region?: SarifRegion };
}
interface SarifRule {
  id: string;
  name?: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties?: Record<string, unknown>;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties?: Record<string, unknown>;
}
interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
}
interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      semanticVersion?: string;
      informationUri?: string;
      rules: SarifRule[];
    };
  };
  originalUriBaseIds?: Record<string, { uri: string; description?: SarifMessage }>;
  invocations: { executionSuccessful: boolean; toolExecutionNotifications?: SarifNotification[] }[];
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}
interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifOptions {
  toolVersion: string;
  /** Where the tool is documented (package homepage); omitted when unknown. */
  informationUri?: string;
  /** file:// URI, ending in '/', that relative artifact URIs resolve against. */
  srcRootUri?: string;
  /** Inputs that could not be read: reported as tool execution notifications. */
  problems?: readonly InputProblem[];
}

/** SARIF has no level below note: information and hints are notes. */
function sarifLevel(severity: number | undefined): SarifLevel {
  switch (severityName(severity)) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    default:
      return 'note';
  }
}

/** SARIF shows a rule's name (PascalCase) next to its id: undefined-code -> UndefinedCode. */
function ruleName(id: string): string {
  return id.replace(/(?:^|-)([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function ruleMarkdown(r: DiagnosticCodeEntry): string {
  return [
    r.description,
    '',
    r.help,
    '',
    `Example: ${r.example.note}`,
    '',
    '```xml',
    `<!-- reported (${r.id}) -->`,
    r.example.wrong,
    '```',
    '',
    '```xml',
    '<!-- fixed -->',
    r.example.right,
    '```',
  ].join('\n');
}

function sarifRules(): SarifRule[] {
  return DIAGNOSTIC_CODES.map((r) => ({
    id: r.id,
    name: ruleName(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    help: { text: `${r.help} Example: ${r.example.note}`, markdown: ruleMarkdown(r) },
    defaultConfiguration: { level: sarifLevel(lspSeverity(r.defaultSeverity)) },
    properties: { tags: ['syncml', 'oma-dm'], precision: 'high' },
  }));
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string, seed = 0x811c9dc5): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function region(d: Diagnostic): SarifRegion {
  const { start, end } = d.range;
  const startLine = start.line + 1;
  const startColumn = start.character + 1;
  let endLine = end.line + 1;
  let endColumn = end.character + 1;
  // Never an empty or inverted region: point at least at the start character.
  if (endLine < startLine || (endLine === startLine && endColumn <= startColumn)) {
    endLine = startLine;
    endColumn = startColumn + 1;
  }
  return { startLine, startColumn, endLine, endColumn };
}

function artifactLocation(r: { uri: string; relative: boolean }): SarifArtifactLocation {
  return r.relative ? { uri: r.uri, uriBaseId: SRCROOT } : { uri: r.uri };
}

function buildSarif(results: readonly FileResult[], options: SarifOptions): SarifLog {
  const rules = sarifRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: SarifResult[] = [];
  for (const file of results) {
    const seen = new Map<string, number>();
    for (const d of [...file.diagnostics].sort(compareDiagnostics)) {
      const ruleId = d.code === undefined ? 'syncml' : String(d.code);
      let ruleIndex = index.get(ruleId);
      if (ruleIndex === undefined) {
        // A code this CLI does not describe (newer service): still a valid, self-described rule.
        ruleIndex = rules.length;
        index.set(ruleId, ruleIndex);
        rules.push({
          id: ruleId,
          shortDescription: { text: ruleId },
          fullDescription: { text: ruleId },
          help: { text: ruleId },
          defaultConfiguration: { level: sarifLevel(d.severity) },
        });
      }
      const message = messageText(d.message).trim() || ruleId;
      // Stable across runs and line shifts: rule, file, message, and which occurrence of those it is.
      const key = `${ruleId}\u0000${file.uri}\u0000${message}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      sarifResults.push({
        ruleId,
        ruleIndex,
        level: sarifLevel(d.severity),
        message: { text: message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(file), region: region(d) } }],
        partialFingerprints: { 'syncmlCheck/v1': fnv1a(`${key}\u0000${n}`) + fnv1a(`${key}\u0000${n}`, 0x050c5d1f) },
        properties: { severity: severityName(d.severity) },
      });
    }
  }

  const notifications: SarifNotification[] = (options.problems ?? []).map((p) => ({
    level: 'error',
    message: { text: `${p.path}: ${p.message}` },
  }));

  const driver: SarifRun['tool']['driver'] = {
    name: 'syncml-check',
    version: options.toolVersion,
    ...(/^\d+\.\d+\.\d+/.test(options.toolVersion) ? { semanticVersion: options.toolVersion } : {}),
    ...(options.informationUri ? { informationUri: options.informationUri } : {}),
    rules,
  };
  const run: SarifRun = {
    tool: { driver },
    ...(options.srcRootUri
      ? { originalUriBaseIds: { [SRCROOT]: { uri: options.srcRootUri, description: { text: 'The directory syncml-check ran in.' } } } }
      : {}),
    invocations: [
      {
        executionSuccessful: notifications.length === 0,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    columnKind: 'utf16CodeUnits',
    results: sarifResults,
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  return JSON.stringify(buildSarif(results, options), null, 2) + '\n';
}

/** A relative path (forward slashes) as a relative URI reference: each segment percent-encoded. */
export function relativePathToUri(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))
    .join('/');
}
