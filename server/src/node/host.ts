/**
 * What the Node main gives the platform-neutral server (its host): a file reader, a folder lister and
 * a polling watcher for workspace data files, the working directory and home for relative paths, and
 * the command line.
 */
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FolderListing } from '../lsp/dataFiles';
import type { ServerOptions } from '../lsp/server';
import { ownPackageJson } from './packageJson';

async function readFileUri(uri: string): Promise<string> {
  if (!uri.toLowerCase().startsWith('file:')) {
    throw new Error(`only local files are supported, not ${uri}`);
  }
  return readFile(fileURLToPath(uri), 'utf8');
}

/**
 * The files below a folder (recursively, in name order, as `syncml-check --ddf` reads them) whose
 * names end with one of `extensions`; undefined when the URI is not a folder. Symbolic links to
 * folders are not followed (no cycles).
 */
export async function listFolderUri(uri: string, extensions: readonly string[]): Promise<FolderListing | undefined> {
  if (!uri.toLowerCase().startsWith('file:')) return undefined;
  let root: string;
  try {
    root = fileURLToPath(uri);
    if (!(await stat(root)).isDirectory()) return undefined;
  } catch {
    return undefined; // nothing there, or not a path: reading it says why
  }
  const listing: FolderListing = { files: [], folders: [] };
  const wanted = (name: string): boolean => extensions.some((e) => name.toLowerCase().endsWith(e));
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        listing.folders.push(pathToFileURL(full).href);
        await walk(full);
      } else if (wanted(e.name)) {
        listing.files.push(pathToFileURL(full).href);
      }
    }
  };
  await walk(root);
  return listing;
}

/**
 * Poll the files' status: survives editors that save by rename, and files that do not exist yet.
 * The watchers do not keep the process alive.
 */
function watchFileUris(uris: string[], onChange: (uri: string) => void): { dispose(): void } {
  const stops: (() => void)[] = [];
  for (const uri of uris) {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      continue;
    }
    const listener = (curr: Stats, prev: Stats): void => {
      if (curr.mtimeMs !== prev.mtimeMs || curr.size !== prev.size || curr.ino !== prev.ino) onChange(uri);
    };
    const watcher = watchFile(path, { interval: 1000, persistent: false }, listener);
    watcher.unref?.();
    stops.push(() => unwatchFile(path, listener));
  }
  return { dispose: () => stops.forEach((stop) => stop()) };
}

function packageVersion(): string {
  return ownPackageJson()?.version ?? 'unknown';
}

export function nodeServerOptions(): ServerOptions {
  return {
    name: 'syncml-language-server',
    version: packageVersion(),
    platform: 'Node',
    readFile: readFileUri,
    listFolder: listFolderUri,
    watchFiles: watchFileUris,
    defaultBaseUri: pathToFileURL(process.cwd()).href,
    homeDir: homedir(),
  };
}

const USAGE = `Usage: syncml-language-server [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]

The OMA DM / SyncML codes language server (Language Server Protocol). It decodes the numeric
codes of SyncML messages and DM tree files (status, alert, FUMO/SCOMO/SACMO/LAWMO results, states)
by context: hover, completion, diagnostics, quick fixes, inlay hints, symbols, folding.

  --stdio            talk LSP over stdin/stdout (what editors other than VS Code use)
  --node-ipc         talk LSP over a Node IPC channel (VS Code)
  --socket=<port>    connect to a socket on this port
  --pipe=<name>      connect to a named pipe / Unix socket
  --version          print the version and exit
  --help             print this help and exit

Settings (workspace/configuration section "syncml"): diagnostics.enable, diagnostics.severity,
inlayHints.enable, customCodes, ddfFiles, largeFileThreshold. Editor set-up: docs/other-editors.md.`;

const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

/**
 * Handle `--version` / `--help` and a missing transport. Returns an exit code when the process should
 * exit now, or undefined to start the server (after adding `--stdio` when stdin is a pipe).
 */
export function handleCommandLine(argv: string[], out: (s: string) => void, err: (s: string) => void, stdinIsTTY: boolean): number | undefined {
  if (argv.includes('--version') || argv.includes('-v')) {
    out(`syncml-language-server ${packageVersion()}`);
    return 0;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  if (!argv.some((a) => TRANSPORTS.test(a))) {
    if (stdinIsTTY) {
      err(USAGE);
      err('\nsyncml-language-server: no transport given; editors start it with --stdio.');
      return 2;
    }
    process.argv.push('--stdio');
  }
  return undefined;
}
