/**
 * Workspace data files named in a setting (`syncml.customCodes`, `syncml.ddfFiles`): one controller
 * per kind resolves the configured entries against the workspace folder, expands folders when the
 * kind takes them, reads the files through the host (the file system on the desktop, the client in
 * the web), watches them, reloads them when they change, and reports errors per file. A kind says
 * only how to parse one file and how to talk about it; everything else is shared.
 *
 * Reloads are numbered: a read that finishes after a newer reload started is dropped, so a stale
 * file never wins over a newer setting or a newer save.
 */
import { fileUriToPath, isInFolder, resolveDataFilePath, sameUri, type FileReader, type ResolvedFile } from './workspacePaths';
import { formatFileProblem } from '../catalog/custom';
import { errorMessage } from '../errorMessage';
import type { Timers } from './validation';

/** One problem in one file, as the user sees it. */
interface DataFileProblem {
  /** The file as shown to the user (a path for file: URIs, else the URI). */
  file: string;
  message: string;
  /** 1-based place in the file, when the problem has one. */
  line?: number;
  column?: number;
}

/** What a kind of data file supplies. `F` is one parsed file. */
export interface DataFileKind<F> {
  /** The setting that lists the files, e.g. `syncml.customCodes`; also the prefix of log lines. */
  setting: string;
  /** Parse one file's text (BOM removed); `display` is the name to put in problems. May throw. */
  parse(text: string, display: string): { value?: F; problems: DataFileProblem[] };
  /** What the loaded files hold together, for the log, e.g. "3 custom code entries". */
  describe(files: readonly F[]): string;
  /**
   * Set when an entry may also be a folder: the files under it (recursively) whose names end with
   * one of these extensions (lower case, with the dot) are loaded.
   */
  folderExtensions?: readonly string[];
  /** The words the shared messages need. */
  messages: {
    /** Starts the per-file warning: "SyncML custom codes file". */
    fileLabel: string;
    /** Ends it: "The built-in codes are still used." */
    stillUsed: string;
    /** What is left without the files: "the built-in codes" ("is empty: using … only"). */
    fallback: string;
    /** What the files are, plural: "custom codes" ("… need the desktop (Node) language server"). */
    noun: string;
  };
}

/** The loaded files of one kind; `files` is empty when none loaded. */
interface DataFileSet<F> {
  files: readonly F[];
}

interface DataFileLog {
  warn(message: string): void;
  info(message: string): void;
}

/** A folder's contents as the host lists them: URIs, recursively, files in a stable order. */
export interface FolderListing {
  /** The files whose names end with one of the extensions asked for. */
  files: string[];
  /** The folders below it (for a watcher that polls each folder). */
  folders: string[];
}

/**
 * Lists a folder by URI; resolves to undefined when the URI is not a folder (a file, or nothing:
 * reading it then says why). May reject with a readable error.
 */
export type FolderLister = (uri: string, extensions: readonly string[]) => Promise<FolderListing | undefined>;

/** Folders to watch for files added, changed or removed under them. */
export interface WatchedFolders {
  /** The folders named in the setting. */
  roots: readonly string[];
  /** Every folder below them (for a watcher that polls each folder). */
  inside: readonly string[];
  /** The files of interest under a root, as a glob relative to it (all .xml and .ddf files below it). */
  pattern: string;
}

/** What the controller needs from the server shell; a test gives a fake one. */
export interface DataFileHost {
  /** Reads a file by URI; absent when the platform cannot read files at all. */
  readFile?: FileReader;
  /** Lists a folder; absent when the platform cannot (every entry is then read as a file). */
  listFolder?: FolderLister;
  /**
   * Starts watching the files `uris` and the `folders`; `onChange` may be called with any URI (it is
   * compared). Returns how to stop, or undefined when nothing watches.
   */
  watch(
    setting: string,
    uris: readonly string[],
    onChange: (uri: string) => void,
    folders?: WatchedFolders,
  ): { dispose(): void } | undefined;
  /** Base for relative entries: the first workspace folder, else the server's working directory. */
  baseUri(): string | undefined;
  homeDir?: string;
  /** For the "not supported" message, e.g. 'browser'. */
  platform?: string;
  log: DataFileLog;
  /** A message the user sees (window/showMessage, warning). */
  showWarning(message: string): void;
  timers: Timers;
  /** Debounce for reloads after file changes, in ms (default 100). */
  reloadDelayMs?: number;
}

const DEFAULT_RELOAD_DELAY_MS = 100;

/** One user-facing message per file: the first problem, and how many more there are. */
export function summarizeFileProblems(problems: readonly DataFileProblem[], fileLabel: string, stillUsed: string): string[] {
  const byFile = new Map<string, string[]>();
  for (const p of problems) {
    const list = byFile.get(p.file) ?? [];
    list.push(p.line === undefined ? p.message : `line ${p.line}, column ${p.column}: ${p.message}`);
    byFile.set(p.file, list);
  }
  const out: string[] = [];
  for (const [file, messages] of byFile) {
    const more = messages.length > 1 ? ` (and ${messages.length - 1} more problem${messages.length > 2 ? 's' : ''}; see the SyncML server log)` : '';
    out.push(`${fileLabel} ${file}: ${messages[0]}${more}. ${stillUsed}`);
  }
  return out;
}

/** Read and parse each file; every failure becomes a problem naming the file. Never rejects. */
export async function loadDataFiles<F>(
  files: readonly ResolvedFile[],
  read: FileReader,
  parse: DataFileKind<F>['parse'],
): Promise<{ files: F[]; displays: string[]; problems: DataFileProblem[] }> {
  const results = await Promise.all(
    files.map(async (f): Promise<{ value?: F; problems: DataFileProblem[] }> => {
      if (!f.uri) {
        return { problems: [{ file: f.display, message: `cannot be resolved: ${f.unresolved ?? 'a relative path needs an open workspace folder'}` }] };
      }
      let text: string;
      try {
        text = await read(f.uri);
      } catch (err) {
        return { problems: [{ file: f.display, message: `cannot be read: ${errorMessage(err)}` }] };
      }
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      try {
        const parsed = parse(text, f.display);
        return { value: parsed.value, problems: parsed.problems ?? [] };
      } catch (err) {
        return { problems: [{ file: f.display, message: `cannot be parsed: ${errorMessage(err)}` }] };
      }
    }),
  );
  return {
    files: results.flatMap((r) => (r.value === undefined ? [] : [r.value])),
    displays: files.filter((_, i) => results[i].value !== undefined).map((f) => f.display),
    problems: results.flatMap((r) => r.problems),
  };
}

/** A glob for the files below a folder whose names end with one of `extensions`. */
function folderPattern(extensions: readonly string[]): string {
  const names = extensions.map((e) => e.replace(/^\./, ''));
  return `**/*.${names.length === 1 ? names[0] : `{${names.join(',')}}`}`;
}

interface ExpandedEntries {
  files: ResolvedFile[];
  folders: WatchedFolders | undefined;
  problems: DataFileProblem[];
}

/**
 * The entries with each folder replaced by the files under it (when the kind takes folders and the
 * host can list them); a folder that holds none of those files, or cannot be listed, is a problem.
 * A file reached twice is read once.
 */
async function expandFolders(
  entries: readonly ResolvedFile[],
  list: FolderLister | undefined,
  extensions: readonly string[] | undefined,
): Promise<ExpandedEntries> {
  if (!list || !extensions?.length) return { files: [...entries], folders: undefined, problems: [] };
  const listings = await Promise.all(
    entries.map(async (f): Promise<FolderListing | undefined | Error> => {
      if (!f.uri) return undefined;
      try {
        return await list(f.uri, extensions);
      } catch (err) {
        return err instanceof Error ? err : new Error(errorMessage(err));
      }
    }),
  );
  const files: ResolvedFile[] = [];
  const seen = new Set<string>();
  const add = (f: ResolvedFile): void => {
    if (f.uri !== undefined && seen.has(f.uri)) return;
    if (f.uri !== undefined) seen.add(f.uri);
    files.push(f);
  };
  const roots: string[] = [];
  const inside: string[] = [];
  const problems: DataFileProblem[] = [];
  entries.forEach((entry, i) => {
    const listing = listings[i];
    if (listing === undefined) return add(entry);
    if (listing instanceof Error) {
      problems.push({ file: entry.display, message: `cannot be listed: ${errorMessage(listing)}` });
      return;
    }
    roots.push(entry.uri!);
    inside.push(...listing.folders);
    if (listing.files.length === 0) {
      problems.push({ file: entry.display, message: `is a folder that holds no ${extensions.join(' or ')} file` });
    }
    for (const uri of listing.files) add({ setting: entry.setting, uri, display: fileUriToPath(uri) ?? uri });
  });
  return { files, folders: roots.length ? { roots, inside, pattern: folderPattern(extensions) } : undefined, problems };
}

/**
 * The lifecycle of one kind of data file. `update` follows the setting, `filesChanged` and
 * `baseChanged` follow the workspace; `onDidChange` (given at construction) hears about reloads that
 * the workspace caused, so that the server rebuilds what depends on the files.
 */
export class DataFileController<F> {
  private entries: readonly string[] = [];
  private updatedOnce = false;
  private loaded: readonly F[] = [];
  private generation = 0;
  private watchedKey = '';
  private watchedUris: readonly string[] = [];
  private watchedRoots: readonly string[] = [];
  private watcher: { dispose(): void } | undefined;
  private reloadTimer: unknown;
  private unsupportedWarned = '';

  constructor(
    readonly kind: DataFileKind<F>,
    private readonly host: DataFileHost,
    private readonly onDidChange: () => void,
  ) {}

  /** The files loaded now (empty before the first load and after a failed or emptied one). */
  get current(): DataFileSet<F> {
    return { files: this.loaded };
  }

  /**
   * The setting's entries (validated strings, as the user wrote them). Resolves to true when the
   * loaded set was replaced, so the caller rebuilds once; a stale or skipped reload gives false.
   */
  async update(entries: readonly string[]): Promise<boolean> {
    const same = this.updatedOnce && entries.length === this.entries.length && entries.every((e, i) => e === this.entries[i]);
    this.updatedOnce = true;
    if (same) return false;
    this.entries = [...entries];
    if (entries.length > 0 || this.loaded.length > 0) return this.reload();
    this.watch([]);
    return false;
  }

  /** Files changed on disk or in the client (watcher events; any URI, only watched ones count). */
  filesChanged(uris: readonly string[]): void {
    const watched = (c: string): boolean =>
      this.watchedUris.some((u) => sameUri(u, c)) || this.watchedRoots.some((folder) => isInFolder(c, folder));
    if (uris.some(watched)) this.scheduleReload();
  }

  /** The base of relative entries moved (the first workspace folder changed). */
  async baseChanged(): Promise<void> {
    if (this.entries.length > 0 && (await this.reload())) this.onDidChange();
  }

  dispose(): void {
    if (this.reloadTimer !== undefined) this.host.timers.clearTimeout(this.reloadTimer);
    this.reloadTimer = undefined;
    this.watch([]);
  }

  private scheduleReload(): void {
    const { timers } = this.host;
    if (this.reloadTimer !== undefined) timers.clearTimeout(this.reloadTimer);
    this.reloadTimer = timers.setTimeout(() => {
      this.reloadTimer = undefined;
      this.reload().then(
        (changed) => {
          if (changed) this.onDidChange();
        },
        (err) => this.host.log.warn(`Error while reloading ${this.kind.setting}: ${errorMessage(err)}`),
      );
    }, this.host.reloadDelayMs ?? DEFAULT_RELOAD_DELAY_MS);
  }

  private watch(files: readonly ResolvedFile[], folders?: WatchedFolders): void {
    const uris = files.map((f) => f.uri).filter((u): u is string => u !== undefined);
    const key = [...uris, ...(folders ? ['', ...folders.roots, '', ...folders.inside, '', folders.pattern] : [])].join('\n');
    if (key === this.watchedKey) return;
    this.watcher?.dispose();
    this.watcher = undefined;
    this.watchedKey = key;
    this.watchedUris = folders ? [...uris, ...folders.roots, ...folders.inside] : uris;
    this.watchedRoots = folders?.roots ?? [];
    const onChange = (uri: string): void => this.filesChanged([uri]);
    if (folders) this.watcher = this.host.watch(this.kind.setting, uris, onChange, folders);
    else if (uris.length > 0) this.watcher = this.host.watch(this.kind.setting, uris, onChange);
  }

  private replace(files: readonly F[]): true {
    this.loaded = files;
    return true;
  }

  private async reload(): Promise<boolean> {
    const generation = ++this.generation;
    const { kind, host } = this;
    const { setting, messages } = kind;
    const entries = this.entries.map((s) => resolveDataFilePath(s, host.baseUri(), host.homeDir));
    if (entries.length === 0 || !host.readFile) this.watch(entries);
    if (entries.length === 0) {
      if (this.loaded.length === 0) return false;
      host.log.info(`${setting} is empty: using ${messages.fallback} only.`);
      return this.replace([]);
    }
    if (!host.readFile) {
      const key = this.entries.join('\n');
      if (key !== this.unsupportedWarned) {
        this.unsupportedWarned = key;
        host.log.warn(
          `${setting} is not supported by the ${host.platform ?? 'browser'} server, which cannot read files: ` +
            `${messages.noun} need the desktop (Node) language server. Ignored: ${this.entries.join(', ')}.`,
        );
      }
      return this.loaded.length > 0 ? this.replace([]) : false;
    }
    const expanded = await expandFolders(entries, host.listFolder, kind.folderExtensions);
    if (generation !== this.generation) return false; // a newer reload is under way
    const files = expanded.files;
    this.watch(files, expanded.folders);
    const result = await loadDataFiles(files, host.readFile, kind.parse);
    if (generation !== this.generation) return false;
    const problems = [...expanded.problems, ...result.problems];
    for (const p of problems) host.log.warn(`${setting}: ${formatFileProblem(p)}`);
    for (const message of summarizeFileProblems(problems, messages.fileLabel, messages.stillUsed)) host.showWarning(message);
    const loadedNames = result.displays.length ? `: ${result.displays.join(', ')}` : '';
    host.log.info(`${setting}: ${kind.describe(result.files)} from ${result.files.length} of ${files.length} file(s)${loadedNames}`);
    return this.replace(result.files);
  }
}
