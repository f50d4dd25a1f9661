/**
 * `syncml-check decode`: the language service's decode (every code with its meaning, where it stands
 * and its finding) formatted for a terminal, so that a captured DM session can be read top to bottom.
 * Pure: no I/O.
 */
import type { Analysis, LanguageService, ServiceSettings } from '../api';
import type { FamilyId } from '../catalog/types';
import { oneLine, PLAIN, type Style } from './format/text';
import { severityName, type SeverityName } from '../diagnosticCodes';

interface DecodedCode {
  /** 1-based line and column (UTF-16 code units) of the code's first character. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The code as written, e.g. "404". */
  code: string;
  /** The decoded name (as the inlay hint labels it), or '?'. */
  name: string;
  /** The family of the entry that gives the name. */
  family?: FamilyId;
  familyTitle?: string;
  /** 'vendor', 'reserved' or 'obsolete' when the code is not a plain defined one. */
  kind?: string;
  /** Where it stands: the command around it, in words. */
  where: string;
  /** Why this family applies here (the inlay hint's tooltip), for a decoded code. */
  detail?: string;
  /** The diagnostic the checker reports on this code, if any. */
  problem?: { code: string; severity: SeverityName; message: string };
}

/** A command with what became of it: its Status (or Statuses) and Results, found in this file or in the others given with it. */
export interface DecodedCommand {
  /** 1-based line and column (UTF-16 code units) of the command's name in its start tag. */
  line: number;
  column: number;
  /** 'Get', 'Replace', …, 'SyncHdr'. */
  command: string;
  cmdId: string;
  msgId: string;
  /** In words, as the editor's code lens says it: "200 OK", "404 Not found · Status 4 in message 2", "no Status in this session". */
  outcome: string;
  /** Where each answer stands (path as shown, 1-based line and column of its CmdRef). */
  answers: { kind: 'status' | 'results'; code?: string; path: string; line: number; column: number }[];
}

export interface DecodedFile {
  path: string;
  codes: DecodedCode[];
  /** The commands whose reply is among the files given (absent when none is). */
  commands?: DecodedCommand[];
}

/**
 * The codes a reader wants listed: each the service decodes, and each it could not decode but reports
 * a diagnostic on (a 1200 in a Status has no name there, but a reader wants to see it). An empty
 * Data has no characters to point at.
 */
export function decodeDocument(service: LanguageService, analysis: Analysis, settings?: ServiceSettings): DecodedCode[] {
  const codes: DecodedCode[] = [];
  for (const site of service.decode(analysis, settings)) {
    const { range, entry, hresult, windowsError, finding } = site;
    if (range.start.line === range.end.line && range.start.character === range.end.character) continue;
    if (!entry && !windowsError && !finding) continue;
    const carried = hresult?.status ?? windowsError?.carries?.code;
    codes.push({
      line: range.start.line + 1,
      column: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
      code: site.text,
      // As the inlay hint labels it: an HRESULT attribute by the status (or DCMO result) it carries.
      name: entry ? (carried !== undefined ? `${carried} ${entry.name}` : entry.name) : windowsError ? windowsError.name : '?',
      ...(entry ? { family: entry.family, familyTitle: service.catalog.family(entry.family).title } : {}),
      // A Windows error value has no family: the table that lists it takes the family's place.
      ...(!entry && windowsError ? { familyTitle: windowsError.table } : {}),
      ...(entry && entry.kind !== 'defined' ? { kind: entry.kind } : {}),
      where: site.place,
      ...(entry || windowsError ? { detail: site.reason } : {}),
      ...(finding ? { problem: { code: String(finding.code), severity: severityName(finding.severity), message: oneLine(finding.message) } } : {}),
    });
  }
  return codes;
}

/**
 * Each command with its outcome, for the messages whose reply is known: in this file or in the
 * peers (the other files given from the same folder: a session split into one file per message).
 * pathOf maps a document URI back to the path the user gave.
 */
export function decodeCommands(
  service: LanguageService,
  analysis: Analysis,
  peers: readonly Analysis[],
  pathOf: (uri: string) => string,
): DecodedCommand[] {
  const out: DecodedCommand[] = [];
  for (const o of service.outcomes(analysis, peers)) {
    if (!o.summary) continue;
    out.push({
      line: o.range.start.line + 1,
      column: o.range.start.character + 1,
      command: o.command,
      cmdId: o.cmdId,
      msgId: o.msgId,
      outcome: o.summary,
      answers: o.answers.map((x) => ({
        kind: x.kind,
        ...(x.code !== undefined ? { code: x.code } : {}),
        path: pathOf(x.location.uri),
        line: x.location.range.start.line + 1,
        column: x.location.range.start.character + 1,
      })),
    });
  }
  return out;
}

/** Groups of items from one folder (items without a folder, as stdin, stand alone), in their order. */
export function byFolder<T>(items: readonly T[], folderOf: (item: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  const out: T[][] = [];
  for (const item of items) {
    const folder = folderOf(item);
    if (folder === undefined) {
      out.push([item]);
      continue;
    }
    let g = groups.get(folder);
    if (!g) {
      groups.set(folder, (g = []));
      out.push(g);
    }
    g.push(item);
  }
  return out;
}

/** "Get #4", "SyncHdr of message 1". */
function commandLabel(c: DecodedCommand): string {
  if (c.command === 'SyncHdr') return c.msgId ? `SyncHdr of message ${c.msgId}` : 'SyncHdr';
  return c.cmdId ? `${c.command} #${c.cmdId}` : c.command;
}

// ---------------------------------------------------------------------------------------------
// Output

/**
 * "Not found (SyncML status code)", "Workflow aborted (SACMO result code, obsolete)", and for a
 * code the service could not decode, the diagnostic's code: "? (wrong-code-family)".
 */
function meaning(c: DecodedCode): string {
  const q = [c.familyTitle, c.kind].filter(Boolean).join(', ');
  const base = q ? `${c.name} (${q})` : c.name;
  if (!c.problem) return base;
  return c.name === '?' ? `? (${c.problem.code})` : `${base} [${c.problem.code}]`;
}

/** One line per code: `line:col  code  name (family)  · where`, under a header per file. */
export function formatDecodeList(files: readonly DecodedFile[], options: { verbose?: boolean } = {}, style: Style = PLAIN): string {
  const out: string[] = [];
  for (const f of files) {
    if (out.length) out.push('');
    out.push(style.bold(`${f.path}`) + style.dim(` \u2014 ${f.codes.length === 1 ? '1 code' : `${f.codes.length} codes`}`));
    if (f.codes.length === 0) {
      out.push(style.dim('  (no codes found)'));
      out.push(...commandLines(f, style));
      continue;
    }
    const posW = Math.max(...f.codes.map((c) => `${c.line}:${c.column}`.length));
    const codeW = Math.max(...f.codes.map((c) => c.code.length));
    const nameW = Math.min(56, Math.max(...f.codes.map((c) => meaning(c).length)));
    const indent = ' '.repeat(posW + codeW + 6);
    for (const c of f.codes) {
      const m = meaning(c).padEnd(nameW);
      const shown = c.problem ? style.severity(c.problem.severity, m) : m;
      out.push(`  ${`${c.line}:${c.column}`.padStart(posW)}  ${c.code.padStart(codeW)}  ${shown}  ${style.dim('\u00b7 ' + c.where)}`.trimEnd());
      if (options.verbose && c.detail) out.push(indent + style.dim(c.detail));
      if (c.problem && (options.verbose || c.name === '?')) {
        out.push(indent + style.severity(c.problem.severity, `${c.problem.severity} ${c.problem.code}: ${c.problem.message}`));
      }
    }
    out.push(...commandLines(f, style));
  }
  return out.join('\n') + '\n';
}

/** After a file's codes: `Commands and their outcomes:` then `line:col  Get #4  200 OK · 1 Results`. */
function commandLines(f: DecodedFile, style: Style): string[] {
  const commands = f.commands ?? [];
  if (commands.length === 0) return [];
  const posW = Math.max(...commands.map((c) => `${c.line}:${c.column}`.length));
  const labelW = Math.max(...commands.map((c) => commandLabel(c).length));
  const out = [style.dim('  commands and their outcomes:')];
  for (const c of commands) {
    const failed = /^[3-5]\d\d\b/.test(c.outcome) || c.outcome.startsWith('no Status');
    const outcome = failed ? style.severity('warning', c.outcome) : c.outcome;
    out.push(`  ${`${c.line}:${c.column}`.padStart(posW)}  ${commandLabel(c).padEnd(labelW)}  ${outcome}`);
  }
  return out;
}

/**
 * The file itself, with `← code name · where` after each line that holds a code, and
 * `← Get #4: 200 OK` after each line where a command with a known outcome starts.
 */
export function formatDecodeAnnotated(text: string, codes: readonly DecodedCode[], style: Style = PLAIN, commands: readonly DecodedCommand[] = []): string {
  const lines = text.split(/\r\n|\r|\n/);
  const commandNotes = new Map<number, string[]>();
  for (const c of commands) {
    const list = commandNotes.get(c.line) ?? [];
    list.push(`${commandLabel(c)}: ${c.outcome}`);
    commandNotes.set(c.line, list);
  }
  const byLine = new Map<number, DecodedCode[]>();
  for (const c of codes) {
    const list = byLine.get(c.line) ?? [];
    list.push(c);
    byLine.set(c.line, list);
  }
  const out = lines.map((l, i) => {
    const here = byLine.get(i + 1) ?? [];
    const notes = commandNotes.get(i + 1) ?? [];
    if (here.length === 0 && notes.length === 0) return l;
    // The code itself is right there on the line; name it only when the line holds several.
    for (const c of here) notes.push(`${here.length > 1 ? c.code + ' ' : ''}${meaning(c)} \u00b7 ${c.where}`);
    return `${l}  ${style.severity('information', '\u2190 ' + notes.join('; '))}`;
  });
  if (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

export function formatDecodeJson(files: readonly DecodedFile[]): string {
  return JSON.stringify(files, null, 2) + '\n';
}
