/**
 * WBXML captures in the editor: a read-only decoded XML document (scheme `syncml-wbxml`) that the
 * language server serves like any SyncML file. `.wbxml` files open that way through a custom editor
 * that hands over at once; the command `syncml.openDecodedWbxml` opens any file that way.
 */
import * as vscode from 'vscode';
import { decodedUriParts, WBXML_SCHEME, wbxmlView } from './wbxmlView';

const OPEN_COMMAND = 'syncml.openDecodedWbxml';
const EDITOR_VIEW_TYPE = 'syncml.wbxml';

class DecodedWbxmlProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The messages of the last decoding, by decoded URI, for the opener to show once. */
  readonly outcomes = new Map<string, { warning?: string; languageId: string } | { error: string }>();

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = vscode.Uri.parse(uri.query, true);
    const name = source.path.split('/').pop() || source.toString();
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(source);
    } catch (err) {
      const message = `Cannot read ${name}: ${err instanceof Error ? err.message : String(err)}`;
      this.outcomes.set(uri.toString(), { error: message });
      return '';
    }
    const view = wbxmlView(bytes, name);
    if (!view.ok) {
      this.outcomes.set(uri.toString(), { error: view.message });
      return '';
    }
    this.outcomes.set(uri.toString(), { warning: view.warning, languageId: view.languageId });
    return view.text;
  }

  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  /** Watchers of the files behind open decoded documents: a capture saved again is decoded again. */
  private readonly watchers = new Map<string, vscode.Disposable>();

  watch(source: vscode.Uri, uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.watchers.has(key)) return;
    const name = source.path.split('/').pop() ?? '';
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(source, '..'), name));
    const again = (): void => this.refresh(uri);
    watcher.onDidChange(again);
    watcher.onDidCreate(again);
    this.watchers.set(key, watcher);
  }

  unwatch(uri: vscode.Uri): void {
    this.watchers.get(uri.toString())?.dispose();
    this.watchers.delete(uri.toString());
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    this.changed.dispose();
  }
}

function decodedUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from(decodedUriParts(source));
}

/** Open `source` as its decoded XML; says why not (not WBXML, unreadable) in one message. */
async function openDecoded(provider: DecodedWbxmlProvider, source: vscode.Uri, column?: vscode.ViewColumn): Promise<vscode.TextDocument | undefined> {
  const uri = decodedUri(source);
  provider.refresh(uri);
  let document = await vscode.workspace.openTextDocument(uri);
  const outcome = provider.outcomes.get(uri.toString());
  if (!outcome || 'error' in outcome) {
    void vscode.window.showErrorMessage(outcome && 'error' in outcome ? outcome.error : `Cannot decode ${source.toString()}`);
    return undefined;
  }
  if (document.languageId !== outcome.languageId) document = await vscode.languages.setTextDocumentLanguage(document, outcome.languageId);
  provider.watch(source, uri);
  await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
  if (outcome.warning) void vscode.window.showWarningMessage(outcome.warning);
  return document;
}

export function registerWbxmlDocuments(context: vscode.ExtensionContext): void {
  const provider = new DecodedWbxmlProvider();
  context.subscriptions.push(provider, vscode.workspace.registerTextDocumentContentProvider(WBXML_SCHEME, provider));
  context.subscriptions.push(
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === WBXML_SCHEME) provider.unwatch(document.uri);
    }),
  );

  // Returns the decoded document (for scripts and tests); without an argument, the active editor's
  // file, or one chosen in a dialog.
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_COMMAND, async (arg?: unknown) => {
      let source = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg, true) : undefined;
      source ??= vscode.window.activeTextEditor?.document.uri;
      if (!source || source.scheme === WBXML_SCHEME || source.scheme === 'untitled') {
        const picked = await vscode.window.showOpenDialog({ title: 'SyncML: Open as Decoded WBXML', canSelectMany: false, openLabel: 'Decode' });
        source = picked?.[0];
      }
      return source ? openDecoded(provider, source) : undefined;
    }),
  );

  // `.wbxml` files: a custom editor that opens the decoded document in its place and closes itself.
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(
      EDITOR_VIEW_TYPE,
      {
        openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
        resolveCustomEditor: async (document, panel) => {
          panel.webview.html = '<!DOCTYPE html><html><body><p>Opening the decoded XML…</p></body></html>';
          const column = panel.viewColumn;
          await openDecoded(provider, document.uri, column);
          panel.dispose();
        },
      } satisfies vscode.CustomReadonlyEditorProvider,
      { supportsMultipleEditorsPerDocument: true },
    ),
  );
}
