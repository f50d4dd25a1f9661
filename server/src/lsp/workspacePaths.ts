/**
 * Where a workspace data file is: configured strings resolved to URIs (against the workspace
 * folder, whatever its scheme), file: URIs and paths converted both ways, URIs compared as a file
 * watcher reports them, and a file described to a client's watcher. Pure.
 */
import type { FileSystemWatcher } from 'vscode-languageserver';

/**
 * Reads a file given as a URI string: file: URIs for the Node main, any scheme the client can read
 * (`vscode-test-web:`, `vscode-vfs:`, ...) for the browser main. Rejects with a readable error.
 */
export type FileReader = (uri: string) => Promise<string>;

export interface ResolvedFile {
  /** As the user wrote it in the setting. */
  setting: string;
  /** Absolute URI, or undefined when it could not be resolved. */
  uri: string | undefined;
  /** The name used in messages and hovers: a file system path for file: URIs, else the URI. */
  display: string;
  /** Why `uri` is undefined. */
  unresolved?: string;
}

const WORKSPACE_FOLDER = '${workspaceFolder}';

const WINDOWS_DRIVE = /^[a-zA-Z]:[\\/]/;
const URI_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[a-zA-Z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** An absolute file system path (POSIX or Windows) as a file: URI. */
export function pathToFileUri(path: string): string {
  let p = path.replace(/\\/g, '/');
  if (/^[a-zA-Z]:\//.test(p)) p = '/' + p;
  if (p.startsWith('//')) {
    // UNC: //server/share/x
    const rest = p.slice(2);
    const slash = rest.indexOf('/');
    const host = slash < 0 ? rest : rest.slice(0, slash);
    const tail = slash < 0 ? '/' : rest.slice(slash);
    return `file://${host}${encodePath(tail)}`;
  }
  return `file://${encodePath(p)}`;
}

/** A file: URI as a file system path (forward slashes kept except on a drive-letter path). */
export function fileUriToPath(uri: string): string | undefined {
  if (!uri.toLowerCase().startsWith('file:')) return undefined;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  let path = decodeURIComponent(url.pathname);
  if (/^\/[a-zA-Z]:/.test(path)) path = path.slice(1).replace(/\//g, '\\');
  return url.host ? `//${url.host}${path}` : path;
}

/**
 * Resolve one configured string: a URI (file:, or anything with a scheme), an absolute path, a
 * `~/` path (with `home`), or a path relative to `baseUri` (the first workspace folder, else the
 * server's working directory). `${workspaceFolder}` stands for the base folder. The base may have
 * any scheme: in VS Code for the Web it is e.g. `vscode-test-web://mount/` or
 * `vscode-vfs://github/owner/repo`, and relative entries stay in that scheme; absolute paths and
 * `~/` are always file: URIs.
 */
export function resolveDataFilePath(setting: string, baseUri: string | undefined, home?: string): ResolvedFile {
  let s = setting.trim();
  const basePath = baseUri ? fileUriToPath(baseUri) : undefined;
  let relativeToBase = false;
  if (s.includes(WORKSPACE_FOLDER)) {
    if (!baseUri) return { setting, uri: undefined, display: setting, unresolved: `${WORKSPACE_FOLDER} needs an open workspace folder` };
    if (basePath !== undefined) {
      // A file: folder becomes its path (without a trailing separator, so `${workspaceFolder}/x` has one).
      s = s.split(WORKSPACE_FOLDER).join(basePath.length > 1 ? basePath.replace(/[\\/]+$/, '') : '');
    } else if (s.startsWith(WORKSPACE_FOLDER)) {
      // Another scheme: what follows is relative to the folder's URI.
      s = s.slice(WORKSPACE_FOLDER.length).replace(/^[\\/]+/, '');
      relativeToBase = true;
    } else {
      s = s.split(WORKSPACE_FOLDER).join(baseUri.replace(/\/+$/, ''));
    }
  }
  if (!relativeToBase && (s === '~' || s.startsWith('~/') || s.startsWith('~\\')) && home) s = home + s.slice(1);

  let uri: string | undefined;
  let unresolved: string | undefined;
  if (!relativeToBase && (WINDOWS_DRIVE.test(s) || s.startsWith('/') || s.startsWith('\\\\'))) {
    uri = pathToFileUri(s);
  } else if (!relativeToBase && URI_SCHEME.test(s)) {
    uri = s;
  } else if (baseUri) {
    const base = baseUri.endsWith('/') ? baseUri : baseUri + '/';
    try {
      uri = new URL(encodePath(s.replace(/\\/g, '/')), base).href;
    } catch {
      unresolved = `cannot be resolved against the workspace folder ${baseUri}`;
    }
  } else {
    unresolved = 'a relative path needs an open workspace folder';
  }
  if (uri) {
    // Normalise `.` / `..` segments and the encoding so that watcher events compare equal.
    try {
      uri = new URL(uri).href;
    } catch {
      /* keep as written */
    }
  }
  const display = uri ? (fileUriToPath(uri) ?? uri) : setting;
  return unresolved ? { setting, uri, display, unresolved } : { setting, uri, display };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Compare two URIs as a file watcher would report them: drive letter and percent-encoding case for
 * file: URIs; for other schemes, the case of scheme and authority (VS Code lower-cases the
 * authority) and percent-encoding (VS Code encodes more characters than the URL parser).
 */
export function sameUri(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

/** `uri` is below `folder` (compared as `sameUri` compares), at any depth. */
export function isInFolder(uri: string, folder: string): boolean {
  const f = comparable(folder).replace(/[\\/]+$/, '');
  const u = comparable(uri);
  return u.length > f.length + 1 && u.startsWith(f) && (u[f.length] === '/' || u[f.length] === '\\');
}

function comparable(u: string): string {
  const path = fileUriToPath(u);
  if (path !== undefined) return /^[a-zA-Z]:/.test(path) ? path.toLowerCase() : path;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(\/\/[^/?#]*)?([\s\S]*)$/.exec(u);
  return m ? m[1].toLowerCase() + safeDecode(m[2] ?? '').toLowerCase() + safeDecode(m[3]) : u;
}

/** Escape glob metacharacters in a literal path for a file-watcher pattern. */
export function globEscape(path: string): string {
  return path.replace(/[*?{}[]/g, (c) => `[${c}]`);
}

/** Create, change and delete. */
const WATCH_ALL = 7;

/**
 * How to ask a client to watch one data file (`workspace/didChangeWatchedFiles`
 * registration). With relative patterns: the file's name relative to its folder's URI, whatever the
 * scheme; a file at the root of an authority keeps the root's slash (`vscode-test-web://mount/`),
 * since VS Code matches nothing under a base with an empty path. Without: the absolute path of a
 * file: URI, else the name in any folder (the server compares the reported URIs anyway).
 */
export function fileWatcher(uri: string, relativePatterns: boolean): FileSystemWatcher {
  const slash = uri.lastIndexOf('/');
  const name = globEscape(safeDecode(uri.slice(slash + 1)));
  if (relativePatterns && slash > 0) {
    let baseUri = uri.slice(0, slash);
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/]*$/.test(baseUri)) baseUri += '/';
    return { globPattern: { baseUri, pattern: name }, kind: WATCH_ALL };
  }
  const path = fileUriToPath(uri);
  if (path !== undefined) return { globPattern: globEscape(path.replace(/\\/g, '/')), kind: WATCH_ALL };
  return { globPattern: `**/${name}`, kind: WATCH_ALL };
}

/**
 * How to ask a client to watch the files below a folder that match `pattern` (a glob relative to
 * it): relative to the folder's URI when the client takes relative patterns, else under its absolute
 * path (file: URIs), else anywhere (the server keeps only the events below the folder).
 */
export function folderWatcher(uri: string, pattern: string, relativePatterns: boolean): FileSystemWatcher {
  const baseUri = uri.replace(/\/+$/, '');
  if (relativePatterns) {
    return { globPattern: { baseUri: /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/]*$/.test(baseUri) ? baseUri + '/' : baseUri, pattern }, kind: WATCH_ALL };
  }
  const path = fileUriToPath(baseUri);
  if (path !== undefined) return { globPattern: `${globEscape(path.replace(/\\/g, '/'))}/${pattern}`, kind: WATCH_ALL };
  return { globPattern: pattern, kind: WATCH_ALL };
}
