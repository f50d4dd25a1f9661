/**
 * The CLI's contact with the file system and the process: finding the files to check, reading them
 * (bytes to text through encoding.ts), the package version. Everything else is in pure modules.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeBytes, type DeclarationProblem, type WbxmlSource } from '../model/encoding';
import { ownPackageJson } from '../node/packageJson';
import { relativePathToUri } from './format/sarif';

/** Extensions searched for in directories. */
export const CHECKED_EXTENSIONS = ['.xml', '.syncml', '.ddf', '.tnds', '.wbxml'] as const;

type LanguageId = 'syncml' | 'dmtree' | 'xml';

export interface PlannedFile {
  /** Absolute path, or undefined for stdin. */
  abs: string | undefined;
  /** Path shown to the user. */
  path: string;
  /** SARIF artifact URI and whether it is relative to %SRCROOT%. */
  uri: string;
  relative: boolean;
  /** file:// URI for the TextDocument. */
  documentUri: string;
  languageId: LanguageId;
  /** Found by searching a directory (an .xml whose root is not SyncML/MgmtTree is then skipped). */
  fromDirectory: boolean;
}

interface Planned {
  files: PlannedFile[];
  problems: { path: string; message: string }[];
  /** For --verbose. */
  notes: string[];
  /** Directories given on the command line, with the files found in each (for "nothing to check"). */
  directories: { path: string; files: PlannedFile[] }[];
}

function toPosix(p: string): string {
  return sep === '\\' ? p.replace(/\\/g, '/') : p;
}

function languageIdForPath(p: string): LanguageId {
  const ext = extname(p).toLowerCase();
  if (ext === '.syncml') return 'syncml';
  if (ext === '.ddf' || ext === '.tnds') return 'dmtree';
  return 'xml';
}

function describe(abs: string, cwd: string): { path: string; uri: string; relative: boolean } {
  const rel = relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    const path = toPosix(rel);
    return { path, uri: relativePathToUri(path), relative: true };
  }
  if (rel === '') return { path: '.', uri: '.', relative: true };
  return { path: abs, uri: pathToFileURL(abs).href, relative: false };
}

function planFile(abs: string, cwd: string, fromDirectory: boolean): PlannedFile {
  return {
    abs,
    ...describe(abs, cwd),
    documentUri: pathToFileURL(abs).href,
    languageId: languageIdForPath(abs),
    fromDirectory,
  };
}

function planStdin(cwd: string, stdinFilename: string | undefined): PlannedFile {
  if (stdinFilename) {
    const abs = resolve(cwd, stdinFilename);
    return { ...planFile(abs, cwd, false), abs: undefined };
  }
  return {
    abs: undefined,
    path: '<stdin>',
    uri: 'stdin',
    relative: true,
    documentUri: 'untitled:stdin',
    languageId: 'syncml',
    fromDirectory: false,
  };
}

function errnoMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (e?.message ?? String(err)).split('\n')[0];
  }
}

/** Expand the command-line inputs into files, depth-first in name order. */
export function planInputs(inputs: readonly string[], cwd: string, stdinFilename?: string): Planned {
  const planned: Planned = { files: [], problems: [], notes: [], directories: [] };
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input === '-') {
      planned.files.push(planStdin(cwd, stdinFilename));
      continue;
    }
    const abs = resolve(cwd, input);
    let st;
    try {
      st = statSync(abs);
    } catch (err) {
      planned.problems.push({ path: input, message: errnoMessage(err) });
      continue;
    }
    if (st.isDirectory()) {
      const found: PlannedFile[] = [];
      walk(abs, cwd, found, planned, new Set());
      const fresh = found.filter((f) => !seen.has(f.abs!));
      for (const f of fresh) seen.add(f.abs!);
      planned.files.push(...fresh);
      planned.directories.push({ path: input, files: found });
    } else if (st.isFile()) {
      if (seen.has(abs)) continue;
      seen.add(abs);
      planned.files.push(planFile(abs, cwd, false));
    } else {
      planned.problems.push({ path: input, message: 'not a regular file or directory' });
    }
  }
  return planned;
}

function walk(dir: string, cwd: string, out: PlannedFile[], planned: Planned, visited: Set<string>): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (err) {
    planned.problems.push({ path: describe(dir, cwd).path, message: errnoMessage(err) });
    return;
  }
  if (visited.has(real)) return; // a symbolic-link loop
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    planned.problems.push({ path: describe(dir, cwd).path, message: errnoMessage(err) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.name.startsWith('.') || e.name === 'node_modules') {
      if (e.isDirectory()) planned.notes.push(`skipping ${describe(full, cwd).path}/: hidden or node_modules directory`);
      continue;
    }
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        planned.notes.push(`skipping ${describe(full, cwd).path}: broken symbolic link`);
        continue;
      }
    }
    if (isDir) walk(full, cwd, out, planned, visited);
    else if (isFile && (CHECKED_EXTENSIONS as readonly string[]).includes(extname(e.name).toLowerCase())) {
      out.push(planFile(full, cwd, true));
    }
  }
}

export type ReadResult =
  | { ok: true; text: string; encoding: string; declarationProblem?: DeclarationProblem; wbxml?: WbxmlSource }
  | { ok: false; message: string };

export function readFileText(abs: string): ReadResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(abs);
  } catch (err) {
    return { ok: false, message: errnoMessage(err) };
  }
  const d = decodeBytes(bytes);
  return d.ok ? d : { ok: false, message: `${d.reason}; skipped` };
}

export async function readStdinText(): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  } catch (err) {
    return { ok: false, message: errnoMessage(err) };
  }
  const d = decodeBytes(Buffer.concat(chunks));
  return d.ok ? d : { ok: false, message: `${d.reason}; skipped` };
}

interface PackageInfo {
  version: string;
  informationUri: string | undefined;
}

/** Version and home page from this package's package.json. */
export function readPackageInfo(): PackageInfo {
  const pkg = ownPackageJson();
  if (!pkg) return { version: '0.0.0-unknown', informationUri: undefined };
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const fromRepo = repo
    ?.replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/^github:/, 'https://github.com/');
  const uri = pkg.homepage ?? fromRepo;
  return { version: pkg.version, informationUri: uri && /^https?:\/\//.test(uri) ? uri : undefined };
}
