// The server's parts that hold state of their own, without a process: the client's features as
// read from initialize, the settings source (pull, push, a failed pull, the order of refreshes), and
// the analysis store's service as the user's DDF files make it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InitializeParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readDdf } from '../../server/src/catalog/ddf/reader';
import { asDocumentAnalysis } from '../../server/src/features/analysis';
import { AnalysisStore } from '../../server/src/lsp/analysisStore';
import { initialWorkspaceFolders, readClientFeatures } from '../../server/src/lsp/clientCapabilities';
import type { ServerSettings } from '../../server/src/lsp/settings';
import { SettingsSource } from '../../server/src/lsp/settingsSource';
import { DataFileController } from '../../server/src/lsp/dataFiles';
import { ddfFilesKind } from '../../server/src/lsp/ddfFiles';
import type { Timers } from '../../server/src/lsp/validation';
import { dmMessage } from '../support/service';
import { BROKEN_DDF, CONTOSO_MODE, contosoDdf } from '../support/userDdf';

const params = (p: Partial<InitializeParams>) => ({ processId: null, rootUri: null, capabilities: {}, ...p }) as InitializeParams;

describe('client features', () => {
  it('reads what the client announced, and a malformed capability as absent', () => {
    const f = readClientFeatures(
      params({
        capabilities: {
          workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
          textDocument: { completion: { completionList: { itemDefaults: ['editRange'] } } },
        },
      }),
    );
    assert.equal(f.configuration, true);
    assert.equal(f.dynamicWatchers, true);
    assert.equal(f.relativePatterns, true);
    assert.equal(f.inlayRefresh, false);
    assert.deepEqual(f.completion, { lazy: true, defaultEditRange: true, defaultData: false, labelDetails: false });
    const odd = readClientFeatures(params({ capabilities: { textDocument: { completion: { completionList: { itemDefaults: 'data' as never } } } } }));
    assert.equal(odd.completion.defaultData, false);
  });

  it('takes the workspace folders, else the root URI, else the root path', () => {
    assert.deepEqual(initialWorkspaceFolders(params({ workspaceFolders: [{ uri: 'file:///a', name: 'a' }], rootUri: 'file:///b' })), ['file:///a']);
    assert.deepEqual(initialWorkspaceFolders(params({ rootUri: 'file:///b' })), ['file:///b']);
    assert.deepEqual(initialWorkspaceFolders(params({ rootPath: '/my ws' })), ['file:///my%20ws']);
    assert.deepEqual(initialWorkspaceFolders(params({})), []);
  });
});

describe('SettingsSource', () => {
  function source(pull: (() => Promise<unknown>) | undefined) {
    const applied: { settings: ServerSettings; first: boolean }[] = [];
    const warnings: string[] = [];
    const s = new SettingsSource(
      { canPull: () => pull !== undefined, pull: () => (pull ? pull() : Promise.resolve(undefined)) },
      { warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
      async (settings, first) => void applied.push({ settings, first }),
    );
    return { s, applied, warnings };
  }

  it('uses pushed settings when the client cannot answer, wrapped or not', async () => {
    const { s, applied } = source(undefined);
    s.pushInitial({ syncml: { inlayHints: { enable: false } } });
    await s.refresh();
    assert.equal(s.current.service.inlayHints.enable, false);
    s.push({ diagnostics: { enable: false } });
    s.push(null); // VS Code's pull model: keeps what was pushed
    await s.refresh();
    assert.equal(s.current.service.diagnostics.enable, false);
    assert.deepEqual(applied.map((a) => a.first), [true, false]);
    s.push({ editor: { tabSize: 2 } });
    await s.refresh();
    assert.equal(s.current.service.diagnostics.enable, false, 'another section is not ours: what was pushed before stays');
  });

  it('a failed pull keeps the previous settings and says why', async () => {
    let fail = false;
    const { s, applied, warnings } = source(async () => {
      if (fail) throw new Error('client went away');
      return { customCodes: ['a.json'] };
    });
    await s.refresh();
    fail = true;
    await s.refresh();
    assert.deepEqual(s.current.customCodes, ['a.json']);
    assert.equal(applied.length, 1);
    assert.match(warnings.join('\n'), /keeping the previous ones: client went away/);
  });

  it('applies refreshes one at a time, in order; the same warning is logged once', async () => {
    const answers = [{ largeFileThreshold: 'big' }, { largeFileThreshold: 'big' }, { largeFileThreshold: 10 }];
    const { s, applied, warnings } = source(async () => answers.shift());
    await Promise.all([s.refresh(), s.refresh(), s.refresh()]);
    assert.deepEqual(applied.map((a) => a.settings.service.largeFileThreshold), [5 * 1024 * 1024, 5 * 1024 * 1024, 10]);
    assert.equal(warnings.length, 1);
  });
});

describe('AnalysisStore with the user\'s DDF files', () => {
  const replace = (uri: string) => dmMessage(`<Replace><CmdID>2</CmdID><Item><Target><LocURI>${uri}</LocURI></Target><Data>1</Data></Item></Replace>`);
  const resolution = (store: AnalysisStore, uri: string) =>
    asDocumentAnalysis(store.requireService().analyze(TextDocument.create('file:///w/p.syncml', 'syncml', 1, replace(uri)), 'syncml')).resolveUri(uri);

  /** A store fed by a DDF controller over `files`, as the server wires them; reloads fire on `reload()`. */
  function wired(files: Map<string, string>) {
    const errors: string[] = [];
    const warnings: string[] = [];
    const store = new AnalysisStore({ error: (m) => errors.push(m) });
    let due: (() => void) | undefined;
    const timers: Timers = { setTimeout: (f) => (due = f), clearTimeout: () => (due = undefined) };
    const controller = new DataFileController(
      ddfFilesKind(),
      {
        readFile: async (uri) => {
          const text = files.get(uri);
          if (text === undefined) throw new Error('no such file');
          return text;
        },
        watch: () => undefined,
        baseUri: () => 'file:///w',
        log: { warn: (m) => warnings.push(m), info: () => undefined },
        showWarning: () => undefined,
        timers,
      },
      () => rebuild(),
    );
    const rebuild = () => store.rebuild({ customCodes: [], ddfSources: controller.current.files });
    const settle = () => new Promise<void>((r) => setImmediate(r));
    return {
      store,
      errors,
      warnings,
      /** The setting's entries, as applySettings gives them. */
      async use(entries: string[]) {
        if (await controller.update(entries)) rebuild();
      },
      /** A watched file changed: the debounced reload runs. */
      async changed(uri: string) {
        controller.filesChanged([uri]);
        due?.();
        await settle();
        await settle();
      },
    };
  }

  it('a DDF file of a vendor tree makes its nodes known; without it the tree is unknown', async () => {
    const w = wired(new Map([['file:///w/contoso.xml', contosoDdf('Mode')]]));
    assert.equal(resolution(w.store, CONTOSO_MODE).kind, 'unknown-tree');
    await w.use(['contoso.xml']);
    const r = resolution(w.store, CONTOSO_MODE);
    assert.equal(r.kind, 'node');
    assert.equal(r.kind === 'node' && r.node.facts.description, 'Contoso agent Mode.');
    // The bundled index is still there beside it.
    assert.equal(resolution(w.store, './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled').kind, 'node');
    await w.use([]);
    assert.equal(resolution(w.store, CONTOSO_MODE).kind, 'unknown-tree');
    assert.deepEqual(w.errors, []);
  });

  it('the merged tree is built when a document first asks, once per set of files (never at start-up)', async () => {
    const read = readDdf(contosoDdf('Mode'), 'contoso.xml');
    let built = 0;
    const source = {
      origin: 'contoso.xml',
      get roots() {
        built++;
        return read.roots;
      },
    };
    const store = new AnalysisStore({ error: assert.fail });
    store.rebuild({ customCodes: [], ddfSources: [source] });
    assert.equal(built, 0, 'building the service builds no tree');
    assert.equal(resolution(store, CONTOSO_MODE).kind, 'node');
    assert.equal(resolution(store, './Vendor/Contoso/Agent/Other').kind, 'unknown-node');
    assert.equal(built, 1);
  });

  it('the tree follows the file when it changes', async () => {
    const files = new Map([['file:///w/contoso.xml', contosoDdf('Mode')]]);
    const w = wired(files);
    await w.use(['contoso.xml']);
    assert.equal(resolution(w.store, './Vendor/Contoso/Agent/Level').kind, 'unknown-node');
    files.set('file:///w/contoso.xml', contosoDdf('Level'));
    await w.changed('file:///w/contoso.xml');
    assert.equal(resolution(w.store, './Vendor/Contoso/Agent/Level').kind, 'node');
    assert.equal(resolution(w.store, CONTOSO_MODE).kind, 'unknown-node');
  });

  it('a broken DDF logs one message; the other files and the bundled index still resolve', async () => {
    const w = wired(
      new Map([
        ['file:///w/broken.xml', BROKEN_DDF],
        ['file:///w/contoso.xml', contosoDdf('Mode')],
      ]),
    );
    await w.use(['broken.xml', 'contoso.xml']);
    assert.deepEqual(w.warnings, ["syncml.ddfFiles: /w/broken.xml:7:3: not well-formed XML: Expected closing tag 'DFProperties' (opened in line 5, col 5) instead of closing tag 'Node'."]);
    assert.equal(resolution(w.store, CONTOSO_MODE).kind, 'node');
    assert.equal(resolution(w.store, './Vendor/MSFT/Policy/Config/Update/ActiveHoursStart').kind, 'node');
  });
});
