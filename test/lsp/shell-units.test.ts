// The server shell's pure parts, without a process: settings mapping, custom-codes paths, the
// version cache and the diagnostics scheduler (with fake timers).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { customCodesKind } from '../../server/src/lsp/customCodes';
import { loadDataFiles, summarizeFileProblems } from '../../server/src/lsp/dataFiles';
import { DocumentCache } from '../../server/src/lsp/documentCache';
import { parseSettings } from '../../server/src/lsp/settings';
import { DiagnosticsScheduler, type Timers } from '../../server/src/lsp/validation';
import { listFolderUri } from '../../server/src/node/host';
import {
  fileWatcher as customCodesWatcher,
  fileUriToPath,
  folderWatcher,
  globEscape,
  isInFolder,
  pathToFileUri,
  resolveDataFilePath as resolveCustomCodesPath,
  sameUri,
} from '../../server/src/lsp/workspacePaths';

describe('parseSettings', () => {
  it('gives the defaults for no settings, without warnings', () => {
    for (const raw of [undefined, null, {}]) {
      const { settings, warnings } = parseSettings(raw);
      assert.deepEqual(warnings, []);
      assert.equal(settings.service.diagnostics.enable, true);
      assert.equal(settings.service.inlayHints.enable, true);
      assert.equal(settings.service.largeFileThreshold, 5 * 1024 * 1024);
      assert.deepEqual(settings.customCodes, []);
      assert.deepEqual(settings.ddfFiles, []);
    }
  });

  it('reads nested and dotted keys, and a section wrapped under syncml', () => {
    const nested = parseSettings({ diagnostics: { enable: false, severity: { 'vendor-code': 'off' } }, largeFileThreshold: 1000 });
    const dotted = parseSettings({ 'diagnostics.enable': false, 'diagnostics.severity': { 'vendor-code': 'off' }, largeFileThreshold: 1000 });
    const wrapped = parseSettings({ syncml: { diagnostics: { enable: false, severity: { 'vendor-code': 'off' } }, largeFileThreshold: 1000 } });
    for (const r of [nested, dotted, wrapped]) {
      assert.deepEqual(r.warnings, []);
      assert.equal(r.settings.service.diagnostics.enable, false);
      assert.deepEqual(r.settings.service.diagnostics.severity, { 'vendor-code': 'off' });
      assert.equal(r.settings.service.largeFileThreshold, 1000);
    }
  });

  it('a group that is not an object is named as such, not as an unknown setting', () => {
    const { settings, warnings } = parseSettings({ diagnostics: [], inlayHints: 'on' });
    assert.equal(settings.service.diagnostics.enable, true);
    assert.equal(settings.service.inlayHints.enable, true);
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(warnings[0], /^syncml\.diagnostics should be an object with enable, severity, got an array; using the defaults\.$/);
    assert.match(warnings[1], /^syncml\.inlayHints should be an object with enable, got the string "on"; using the defaults\.$/);
    assert.ok(!warnings.some((w) => /not a setting this server knows/.test(w)));
  });

  it('falls back per key on wrong types and names the setting in the warning', () => {
    const { settings, warnings } = parseSettings({
      diagnostics: { enable: 'no', severity: { 'xml-syntax': 'Warning', 'vendor-code': 'loud', bogus: 'off' } },
      inlayHints: { enable: false },
      largeFileThreshold: -1,
      customCodes: ['a.json', 7, 'a.json', ' b.json '],
      trace: { server: 'verbose' },
    });
    assert.equal(settings.service.diagnostics.enable, true);
    assert.equal(settings.service.inlayHints.enable, false);
    assert.deepEqual(settings.service.diagnostics.severity, { 'xml-syntax': 'warning' });
    assert.equal(settings.service.largeFileThreshold, 5 * 1024 * 1024);
    assert.deepEqual(settings.customCodes, ['a.json', 'b.json']);
    const text = warnings.join('\n');
    assert.match(text, /syncml\.diagnostics\.enable should be true or false, got the string "no"/);
    assert.match(text, /syncml\.diagnostics\.severity\.vendor-code should be one of/);
    assert.match(text, /unknown diagnostic code "bogus"/);
    assert.match(text, /syncml\.largeFileThreshold/);
    assert.match(text, /syncml\.customCodes\[1\]/);
    assert.doesNotMatch(text, /trace/, 'trace.server belongs to the client');
    assert.equal(warnings.length, 5);
  });

  it('reads syncml.ddfFiles as a list of paths; a wrong type is named with what an entry should be', () => {
    const ok = parseSettings({ ddfFiles: ['.vscode/ddf', ' contoso.xml ', '.vscode/ddf'] });
    assert.deepEqual(ok.warnings, []);
    assert.deepEqual(ok.settings.ddfFiles, ['.vscode/ddf', 'contoso.xml']);
    const bad = parseSettings({ ddfFiles: { path: 'a.xml' } });
    assert.deepEqual(bad.settings.ddfFiles, []);
    assert.deepEqual(bad.warnings, ['syncml.ddfFiles should be an array of DDF files or folders (paths or URIs), got an object; ignored.']);
    const item = parseSettings({ 'ddfFiles': ['a.xml', 3] });
    assert.deepEqual(item.settings.ddfFiles, ['a.xml']);
    assert.deepEqual(item.warnings, ['syncml.ddfFiles[1] should be a non-empty DDF file or folder (a path or URI), got number 3; ignored.']);
  });

  it('never throws on odd input', () => {
    for (const raw of [42, 'x', [], [1, 2], { diagnostics: null }, { diagnostics: [] }, { customCodes: {} }]) {
      assert.doesNotThrow(() => parseSettings(raw));
    }
  });
});

describe('custom-codes paths', () => {
  const ws = 'file:///home/me/my%20ws';
  it('resolves relative, absolute, ~, ${workspaceFolder} and URIs', () => {
    assert.equal(resolveCustomCodesPath('codes/acme.json', ws).uri, 'file:///home/me/my%20ws/codes/acme.json');
    assert.equal(resolveCustomCodesPath('../x #1.json', ws).uri, 'file:///home/me/x%20%231.json');
    assert.equal(resolveCustomCodesPath('/etc/syncml/c.json', ws).uri, 'file:///etc/syncml/c.json');
    assert.equal(resolveCustomCodesPath('~/c.json', ws, '/home/me').uri, 'file:///home/me/c.json');
    assert.equal(resolveCustomCodesPath('${workspaceFolder}/c.json', ws).uri, 'file:///home/me/my%20ws/c.json');
    assert.equal(resolveCustomCodesPath('file:///tmp/c.json', ws).uri, 'file:///tmp/c.json');
    assert.equal(resolveCustomCodesPath('C:\\Users\\me\\c.json', ws).uri, 'file:///C:/Users/me/c.json');
    assert.equal(resolveCustomCodesPath('rel.json', undefined).uri, undefined);
    assert.equal(resolveCustomCodesPath('codes/acme.json', ws).display, '/home/me/my ws/codes/acme.json');
  });

  it('resolves against a workspace folder of another scheme (VS Code for the Web)', () => {
    const web = 'vscode-test-web://mount/';
    assert.equal(resolveCustomCodesPath('acme.json', web).uri, 'vscode-test-web://mount/acme.json');
    assert.equal(resolveCustomCodesPath('acme.json', web).display, 'vscode-test-web://mount/acme.json');
    assert.equal(resolveCustomCodesPath('.vscode\\my codes.json', web).uri, 'vscode-test-web://mount/.vscode/my%20codes.json');
    assert.equal(resolveCustomCodesPath('${workspaceFolder}/codes/a.json', web).uri, 'vscode-test-web://mount/codes/a.json');
    const repo = 'vscode-vfs://github/acme/dm-profiles';
    assert.equal(resolveCustomCodesPath('codes/a #1.json', repo).uri, 'vscode-vfs://github/acme/dm-profiles/codes/a%20%231.json');
    assert.equal(resolveCustomCodesPath('../other/a.json', repo).uri, 'vscode-vfs://github/acme/other/a.json');
    assert.equal(resolveCustomCodesPath('${workspaceFolder}/a.json', repo).uri, 'vscode-vfs://github/acme/dm-profiles/a.json');
    assert.equal(resolveCustomCodesPath('${workspaceFolder}/~/a.json', repo, '/home/me').uri, 'vscode-vfs://github/acme/dm-profiles/~/a.json');
    // URIs stay as written; absolute paths are file: paths whatever the folder.
    assert.equal(resolveCustomCodesPath('vscode-vfs://github/acme/x/c.json', web).uri, 'vscode-vfs://github/acme/x/c.json');
    assert.equal(resolveCustomCodesPath('/etc/c.json', web).uri, 'file:///etc/c.json');
    // A folder URI relative names cannot be resolved against says so.
    const opaque = resolveCustomCodesPath('a.json', 'untitled:Untitled-1');
    assert.equal(opaque.uri, undefined);
    assert.match(opaque.unresolved ?? '', /workspace folder untitled:Untitled-1/);
    assert.match(resolveCustomCodesPath('${workspaceFolder}/a.json', undefined).unresolved ?? '', /needs an open workspace folder/);
  });

  it('${workspaceFolder} of a file: folder with a trailing slash gives no double slash', () => {
    assert.equal(resolveCustomCodesPath('${workspaceFolder}/c.json', 'file:///home/me/ws/').uri, 'file:///home/me/ws/c.json');
    assert.equal(resolveCustomCodesPath('${workspaceFolder}/c.json', 'file:///').uri, 'file:///c.json');
    assert.equal(resolveCustomCodesPath('${workspaceFolder}/c.json', 'file:///c%3A/').uri, 'file:///c:/c.json');
  });

  it('describes the files to a client file watcher, for any scheme', () => {
    assert.deepEqual(customCodesWatcher('file:///w/my%20codes.json', true), { globPattern: { baseUri: 'file:///w', pattern: 'my codes.json' }, kind: 7 });
    assert.deepEqual(customCodesWatcher('file:///w/[x].json', false), { globPattern: '/w/[[]x].json', kind: 7 });
    assert.deepEqual(customCodesWatcher('vscode-test-web://mount/acme.json', true), {
      globPattern: { baseUri: 'vscode-test-web://mount/', pattern: 'acme.json' },
      kind: 7,
    });
    assert.deepEqual(customCodesWatcher('file:///acme.json', true), { globPattern: { baseUri: 'file:///', pattern: 'acme.json' }, kind: 7 });
    assert.deepEqual(customCodesWatcher('vscode-vfs://github/a/b/c.json', true), { globPattern: { baseUri: 'vscode-vfs://github/a/b', pattern: 'c.json' }, kind: 7 });
    assert.deepEqual(customCodesWatcher('vscode-vfs://github/a/b/c.json', false), { globPattern: '**/c.json', kind: 7 });
  });

  it('describes a folder to a client file watcher by a pattern under it, and knows what is below it', () => {
    assert.deepEqual(folderWatcher('file:///w/ddf', '**/*.{xml,ddf}', true), { globPattern: { baseUri: 'file:///w/ddf', pattern: '**/*.{xml,ddf}' }, kind: 7 });
    assert.deepEqual(folderWatcher('file:///w/my%20ddf/', '**/*.xml', false), { globPattern: '/w/my ddf/**/*.xml', kind: 7 });
    assert.deepEqual(folderWatcher('vscode-test-web://mount', '**/*.xml', true), { globPattern: { baseUri: 'vscode-test-web://mount/', pattern: '**/*.xml' }, kind: 7 });
    assert.deepEqual(folderWatcher('vscode-vfs://github/a/b', '**/*.xml', false), { globPattern: '**/*.xml', kind: 7 });
    assert.ok(isInFolder('file:///w/ddf/sub/a.xml', 'file:///w/ddf'));
    assert.ok(isInFolder('file:///w/ddf/a.xml', 'file:///w/ddf/'));
    assert.ok(isInFolder('file:///C:/w/ddf/a.xml', 'file:///c%3A/w/ddf'));
    assert.ok(isInFolder('vscode-test-web://Mount/ddf/a%20b.xml', 'vscode-test-web://mount/ddf'));
    assert.ok(!isInFolder('file:///w/ddf2/a.xml', 'file:///w/ddf'));
    assert.ok(!isInFolder('file:///w/ddf', 'file:///w/ddf'));
  });

  it('the Node host lists a folder recursively, in name order, keeping the extensions asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncml-list-'));
    try {
      mkdirSync(join(dir, 'b sub'));
      writeFileSync(join(dir, 'b sub', 'z.DDF'), '');
      writeFileSync(join(dir, 'a.xml'), '');
      writeFileSync(join(dir, 'notes.txt'), '');
      const uri = pathToFileURL(dir).href;
      assert.deepEqual(await listFolderUri(uri, ['.xml', '.ddf']), {
        files: [pathToFileURL(join(dir, 'a.xml')).href, pathToFileURL(join(dir, 'b sub', 'z.DDF')).href],
        folders: [pathToFileURL(join(dir, 'b sub')).href],
      });
      assert.equal(await listFolderUri(pathToFileURL(join(dir, 'a.xml')).href, ['.xml']), undefined, 'a file is not a folder');
      assert.equal(await listFolderUri(pathToFileURL(join(dir, 'none')).href, ['.xml']), undefined, 'nothing there: read as a file, which says why');
      assert.equal(await listFolderUri('vscode-test-web://mount/ddf', ['.xml']), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('converts between paths and file URIs', () => {
    assert.equal(pathToFileUri('/a b/c#.json'), 'file:///a%20b/c%23.json');
    assert.equal(fileUriToPath('file:///a%20b/c%23.json'), '/a b/c#.json');
    assert.equal(fileUriToPath('file:///c%3A/Users/x.json'), 'c:\\Users\\x.json');
    assert.equal(fileUriToPath('https://example.com/x.json'), undefined);
    assert.ok(sameUri('file:///C:/x/y.json', 'file:///c%3A/x/y.json'));
    assert.ok(!sameUri('file:///x/a.json', 'file:///x/b.json'));
    assert.ok(sameUri('vscode-test-web://mount/a%20b.json', 'vscode-test-web://Mount/a b.json'));
    assert.ok(sameUri('vscode-vfs://github/o/r/x%3Ay.json', 'vscode-vfs://github/o/r/x:y.json'));
    assert.ok(!sameUri('vscode-test-web://mount/a.json', 'vscode-test-web://mount/A.json'));
    assert.equal(globEscape('/x/[draft] *.json'), '/x/[[]draft] [*].json');
  });

  it('loads files through the reader; every failure is a problem naming the file', async () => {
    const files = ['good.json', 'missing.json', 'boom.json', 'rel.json'].map((s) => resolveCustomCodesPath(s, s === 'rel.json' ? undefined : 'file:///w'));
    const read = async (uri: string) => {
      if (uri.endsWith('missing.json')) throw new Error('ENOENT: no such file');
      return '\uFEFF{"codes":[]}';
    };
    const seen: string[] = [];
    const parse = (text: string, file: string) => {
      seen.push(text);
      if (file.endsWith('boom.json')) throw new Error('kaboom');
      return { codes: { file, entries: [] }, problems: [] };
    };
    const r = await loadDataFiles(files, read, customCodesKind(parse).parse);
    assert.deepEqual(r.files.map((f) => f.file), ['/w/good.json']);
    assert.deepEqual(
      r.problems.map((p) => `${p.file}: ${p.message}`),
      ['/w/missing.json: cannot be read: ENOENT: no such file', '/w/boom.json: cannot be parsed: kaboom', 'rel.json: cannot be resolved: a relative path needs an open workspace folder'],
    );
    assert.ok(seen.every((t) => !t.startsWith('\uFEFF')), 'the BOM is stripped');
    const messages = summarizeFileProblems([...r.problems, { file: '/w/missing.json', message: 'again' }], 'SyncML custom codes file', 'The built-in codes are still used.');
    assert.equal(messages.length, 3);
    assert.match(messages[0], /^SyncML custom codes file \/w\/missing\.json: cannot be read.*and 1 more problem/);
  });
});

describe('DocumentCache', () => {
  it('computes once per version and language, evicts least recently used, forgets on delete', () => {
    let computed = 0;
    const cache = new DocumentCache((d) => `${d.uri}@${d.version}#${++computed}`, { maxEntries: 2 });
    const a1 = TextDocument.create('file:///a', 'syncml', 1, 'a');
    const b1 = TextDocument.create('file:///b', 'syncml', 1, 'b');
    const c1 = TextDocument.create('file:///c', 'syncml', 1, 'c');
    assert.equal(cache.get(a1), 'file:///a@1#1');
    assert.equal(cache.get(a1), 'file:///a@1#1');
    assert.equal(cache.get(b1), 'file:///b@1#2');
    cache.get(a1); // a is now the most recent
    cache.get(c1); // evicts b
    assert.equal(cache.size, 2);
    assert.equal(cache.peek(b1), undefined);
    assert.equal(cache.peek(a1), 'file:///a@1#1');
    const a2 = TextDocument.update(a1, [{ text: 'aa' }], 2);
    assert.equal(cache.get(a2), 'file:///a@2#4');
    const asXml = TextDocument.create('file:///a', 'xml', 2, 'aa');
    assert.equal(cache.get(asXml), 'file:///a@2#5', 'a language change is a new entry');
    cache.delete('file:///a');
    assert.equal(cache.peek(asXml), undefined);
  });

  it('bounds the characters held, keeping at least the newest entry', () => {
    const cache = new DocumentCache(() => 1, { maxChars: 10 });
    cache.get(TextDocument.create('file:///a', 'syncml', 1, '123456'));
    cache.get(TextDocument.create('file:///b', 'syncml', 1, '123456'));
    assert.equal(cache.size, 1);
    cache.get(TextDocument.create('file:///big', 'syncml', 1, 'x'.repeat(100)));
    assert.equal(cache.size, 1);
  });
});

describe('DiagnosticsScheduler', () => {
  function fakeTimers() {
    let now = 0;
    let next = 1;
    const queue = new Map<number, { at: number; fn: () => void }>();
    const timers: Timers = {
      setTimeout: (fn, ms) => {
        const id = next++;
        queue.set(id, { at: now + ms, fn });
        return id;
      },
      clearTimeout: (id) => void queue.delete(id as number),
    };
    const advance = async (ms: number) => {
      now += ms;
      for (const [id, t] of [...queue].sort((x, y) => x[1].at - y[1].at)) {
        if (t.at <= now) {
          queue.delete(id);
          t.fn();
        }
      }
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    return { timers, advance, pending: () => queue.size };
  }

  it('publishes once per burst, for the current version, and clears on close', async () => {
    const versions = new Map<string, number>([['u', 1]]);
    const published: [string, number | undefined, number][] = [];
    const t = fakeTimers();
    const s = new DiagnosticsScheduler(
      {
        currentVersion: (uri) => versions.get(uri),
        compute: () => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x' }],
        publish: (uri, version, diags) => published.push([uri, version, diags.length]),
        onError: (m) => assert.fail(m),
      },
      100,
      t.timers,
    );
    s.schedule('u', 1);
    await t.advance(50);
    versions.set('u', 2);
    s.schedule('u', 2);
    await t.advance(60);
    assert.deepEqual(published, [], 'the first timer was cancelled by the change');
    await t.advance(50);
    assert.deepEqual(published, [['u', 2, 1]]);
    s.close('u');
    assert.deepEqual(published[1], ['u', undefined, 0]);
  });

  it('drops a result whose version changed while it was being computed', async () => {
    const versions = new Map<string, number>([['u', 1]]);
    const published: unknown[] = [];
    const t = fakeTimers();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const s = new DiagnosticsScheduler(
      {
        currentVersion: (uri) => versions.get(uri),
        compute: async () => {
          await gate;
          return [];
        },
        publish: (...args) => published.push(args),
        onError: (m) => assert.fail(m),
      },
      10,
      t.timers,
    );
    s.schedule('u', 1);
    await t.advance(10); // computing version 1
    versions.set('u', 2); // a change arrives meanwhile (its own timer not yet fired)
    release();
    await t.advance(0);
    assert.deepEqual(published, [], 'version 1 result is stale');
  });

  it('reports compute errors instead of throwing', async () => {
    const errors: string[] = [];
    const t = fakeTimers();
    const s = new DiagnosticsScheduler(
      {
        currentVersion: () => 1,
        compute: () => {
          throw new Error('boom');
        },
        publish: () => assert.fail('nothing to publish'),
        onError: (m, e) => errors.push(`${m}: ${(e as Error).message}`),
      },
      0,
      t.timers,
    );
    s.schedule('u', 1);
    await t.advance(0);
    assert.deepEqual(errors, ['Error while validating u: boom']);
  });
});
