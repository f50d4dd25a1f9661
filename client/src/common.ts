/**
 * What the Node and the browser entries share: the client options, the look-up command and the
 * client's lifecycle. The entries only say how to start the server (a Node process or a Web Worker).
 */
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type BaseLanguageClient, type DocumentSelector, type LanguageClientOptions } from 'vscode-languageclient';
import { codeText } from '../../server/src/catalog/codeText';
import { errorMessage } from '../../server/src/errorMessage';
import {
  ExplainRequest,
  ListFilesRequest,
  ReadFileRequest,
  type ExplainResult,
  type ListFilesResult,
  type ReadFileErrorData,
  type ReadFileResult,
} from '../../server/src/lsp/protocol';
import { registerWbxmlDocuments } from './wbxmlDocuments';
import { WBXML_SCHEME } from './wbxmlView';

/** Client id: also the settings section, so `syncml.trace.server` works. */
const CLIENT_ID = 'syncml';
const CLIENT_NAME = 'SyncML Language Server';
const LOOKUP_COMMAND = 'syncml.lookupCode';

/**
 * The languages the server serves; `xml` documents are kept only when their root is SyncML or MgmtTree
 * or they are profiles of bare commands (decided by the server from the text, so the syncml language's
 * firstLine pattern need not match a profile's `<Replace>` and steal generic XML files).
 */
const LANGUAGES = ['syncml', 'dmtree', 'xml'];

/** On the desktop, local files, unsaved editors and decoded WBXML; in the web, whatever scheme the workspace uses. */
function documentSelector(platform: 'node' | 'web'): DocumentSelector {
  return platform === 'web'
    ? LANGUAGES.map((language) => ({ language }))
    : LANGUAGES.flatMap((language) => ['file', 'untitled', WBXML_SCHEME].map((scheme) => ({ scheme, language })));
}

type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

let client: BaseLanguageClient | undefined;

export async function activateClient(
  context: vscode.ExtensionContext,
  platform: 'node' | 'web',
  createClient: ClientFactory,
): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  const languageClient = createClient(CLIENT_ID, CLIENT_NAME, {
    documentSelector: documentSelector(platform),
    outputChannel,
    diagnosticCollectionName: CLIENT_ID,
    synchronize: { configurationSection: CLIENT_ID },
  });
  client = languageClient;
  // Registered before the server starts, so that a server that fails to start gives a clear error
  // from the command rather than "command not found".
  context.subscriptions.push(vscode.commands.registerCommand(LOOKUP_COMMAND, (arg?: unknown) => lookUpCode(languageClient, arg)));
  registerWbxmlDocuments(context);
  // The browser server has no file system: it reads the syncml.customCodes and syncml.ddfFiles files
  // (and lists the folders of DDF files) through VS Code, whatever the workspace's scheme. (The Node
  // server reads them itself and never asks.)
  context.subscriptions.push(languageClient.onRequest(ReadFileRequest.type, (params) => readFileForServer(params)));
  context.subscriptions.push(languageClient.onRequest(ListFilesRequest.type, (params) => listFilesForServer(params)));
  await languageClient.start();
}

export async function deactivateClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.needsStop()) await running.stop();
}

const FILE_SYSTEM_REASONS: Record<string, string> = {
  FileNotFound: 'no such file',
  FileIsADirectory: 'it is a folder, not a file',
  FileNotADirectory: 'a folder in its path is a file',
  NoPermissions: 'permission denied',
  Unavailable: 'the file system is unavailable',
};

function readFailure(uri: string, reason: string): ResponseError<ReadFileErrorData> {
  return new ResponseError<ReadFileErrorData>(LSPErrorCodes.RequestFailed, `Cannot read ${uri}: ${reason}`, { uri, reason });
}

/** `syncml/readFile`: the file through `vscode.workspace.fs`, so any scheme with a file system provider works. */
async function readFileForServer(params: unknown): Promise<ReadFileResult> {
  const { uri } = ReadFileRequest.check(params);
  let target: vscode.Uri;
  try {
    target = vscode.Uri.parse(uri, true);
  } catch (err) {
    throw readFailure(uri, `not a URI (${errorMessage(err)})`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(target);
  } catch (err) {
    const code = err instanceof vscode.FileSystemError ? err.code : undefined;
    throw readFailure(uri, (code && FILE_SYSTEM_REASONS[code]) ?? errorMessage(err));
  }
  // Invalid UTF-8 becomes U+FFFD, as the Node server's reading does; a BOM is dropped.
  return { text: new TextDecoder('utf-8').decode(bytes) };
}

/**
 * `syncml/listFiles`: the files below a folder through `vscode.workspace.fs`, recursively, in name
 * order; null when the URI is not a folder. Symbolic links to folders are not followed (no cycles).
 */
async function listFilesForServer(params: unknown): Promise<ListFilesResult | null> {
  const { uri, extensions } = ListFilesRequest.check(params);
  let root: vscode.Uri;
  try {
    root = vscode.Uri.parse(uri, true);
    if (((await vscode.workspace.fs.stat(root)).type & vscode.FileType.Directory) === 0) return null;
  } catch {
    return null; // not a URI, or nothing there: the server reads it as a file, which says why
  }
  const listing: ListFilesResult = { files: [], folders: [] };
  const walk = async (dir: vscode.Uri): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch (err) {
      const code = err instanceof vscode.FileSystemError ? err.code : undefined;
      throw readFailure(dir.toString(), (code && FILE_SYSTEM_REASONS[code]) ?? errorMessage(err));
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, type] of entries) {
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.SymbolicLink && type & vscode.FileType.Directory) continue;
      if (type & vscode.FileType.Directory) {
        listing.folders.push(child.toString());
        await walk(child);
      } else if (extensions.some((e) => name.toLowerCase().endsWith(e))) {
        listing.files.push(child.toString());
      }
    }
  };
  await walk(root);
  return listing;
}

/**
 * `syncml.lookupCode`. With an argument (a number or its text: `404`, `0x87D10194`, `-2016345708`, `0x86000002`),
 * returns the server's Explanation without any UI: for scripts, other extensions and tests. Without one,
 * asks for a number (prefilled with the one under the cursor), lists every meaning across families
 * in a quick pick, copies the chosen one to the clipboard, and returns the Explanation.
 */
async function lookUpCode(languageClient: BaseLanguageClient, arg?: unknown): Promise<ExplainResult | undefined> {
  if (typeof arg === 'number' || (typeof arg === 'string' && arg.trim() !== '')) {
    return explain(languageClient, String(arg).trim());
  }
  const input = await vscode.window.showInputBox({
    title: 'SyncML: Look Up Code',
    prompt: 'A status, alert, result or state code, or a Windows HRESULT such as 0x87D10194 or 0x86000002 (hex or signed decimal)',
    placeHolder: '404',
    value: numberAtCursor(),
    validateInput: (value) => (value.trim() === '' ? 'Type a number, e.g. 404 or 0x87D10194' : undefined),
  });
  if (input === undefined || input.trim() === '') return undefined;
  const explanation = await explain(languageClient, input.trim());
  await showExplanation(explanation);
  return explanation;
}

async function explain(languageClient: BaseLanguageClient, input: string): Promise<ExplainResult> {
  if (!languageClient.isRunning()) await languageClient.start();
  const explanation = await languageClient.sendRequest(ExplainRequest.type, { input });
  if (!explanation) throw new Error(`The SyncML language server could not explain ${input}; see its log.`);
  return explanation;
}

/** The number at the cursor or the selected number, in the spellings the server understands. */
function numberAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const { document, selection } = editor;
  const number = /^\s*(0[xX][0-9a-fA-F]+|-?\d+)\s*$/;
  if (!selection.isEmpty) {
    const selected = number.exec(document.getText(selection));
    return selected ? selected[1] : undefined;
  }
  const range = document.getWordRangeAtPosition(selection.active, /0[xX][0-9a-fA-F]+|-?\d+/);
  return range && document.getText(range);
}

interface MeaningItem extends vscode.QuickPickItem {
  copy: string;
}

async function showExplanation(explanation: ExplainResult): Promise<void> {
  const items: (MeaningItem | vscode.QuickPickItem)[] = [];
  const { hresult, windowsError } = explanation;
  if (hresult) {
    items.push({
      label: `$(symbol-numeric) ${hresult.hex}`,
      description: `HRESULT · signed ${hresult.signed}`,
      detail: `Windows wraps SyncML status ${hresult.status} as ${hresult.hex}`,
      copy: `${hresult.hex} (${hresult.signed}) = SyncML status ${hresult.status}`,
    } as MeaningItem);
  } else if (windowsError) {
    items.push({
      label: `$(symbol-numeric) ${windowsError.hex} ${windowsError.name}`,
      description: `${windowsError.table} · signed ${windowsError.signed}`,
      detail: `${windowsError.summary} (${windowsError.source})`,
      copy: `${windowsError.hex} (${windowsError.signed}) = ${windowsError.summary}`,
    } as MeaningItem);
  }
  for (const entry of explanation.meanings) {
    const code = codeText(entry);
    const kind = entry.kind === 'defined' ? '' : ` · ${entry.kind}`;
    const custom = entry.customFile ? ` · from ${entry.customFile}` : '';
    items.push({
      label: `${code} ${entry.name}`,
      description: `${entry.family}${kind}${custom}`,
      detail: `${entry.description} (${entry.source})`,
      copy: `${code} ${entry.name} (${entry.family}): ${entry.description}`,
    } as MeaningItem);
  }
  if (explanation.meanings.length === 0 && !windowsError) {
    const message = explanation.note ?? `${explanation.input} is not a code in any known family.`;
    if (items.length === 0) {
      await vscode.window.showInformationMessage(message);
      return;
    }
    items.push({ label: message, kind: vscode.QuickPickItemKind.Separator });
  }
  const count = explanation.meanings.length + (windowsError && explanation.meanings.length === 0 ? 1 : 0);
  const picked = await vscode.window.showQuickPick(items, {
    title: `${explanation.input}: ${count} meaning${count === 1 ? '' : 's'} (select one to copy it)`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked && 'copy' in picked) {
    await vscode.env.clipboard.writeText(picked.copy);
    vscode.window.setStatusBarMessage(`Copied: ${picked.copy}`, 4000);
  }
}
