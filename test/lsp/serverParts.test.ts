// The server's parts that hold state of their own, without a process: the client's features as
// read from initialize, and the settings source (pull, push, a failed pull, the order of refreshes).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InitializeParams } from 'vscode-languageserver';
import { initialWorkspaceFolders, readClientFeatures } from '../../server/src/lsp/clientCapabilities';
import type { ServerSettings } from '../../server/src/lsp/settings';
import { SettingsSource } from '../../server/src/lsp/settingsSource';

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
