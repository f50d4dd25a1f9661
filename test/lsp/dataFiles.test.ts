// The workspace data-file controller with a fake host: a kind of data file (here a dummy "word
// list") needs only a parse function and its words; folders of them; and the DDF kind.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customCodesKind } from '../../server/src/lsp/customCodes';
import { DataFileController, type DataFileHost, type DataFileKind } from '../../server/src/lsp/dataFiles';
import { ddfFilesKind } from '../../server/src/lsp/ddfFiles';
import type { Timers } from '../../server/src/lsp/validation';
import { BROKEN_DDF, contosoDdf } from '../support/userDdf';

/** One parsed file of the dummy kind: the words of a text file, one a line; a line with a space is an error. */
interface WordFile {
  file: string;
  words: string[];
}

const wordKind: DataFileKind<WordFile> = {
  setting: 'syncml.wordFiles',
  parse: (text, display) => {
    const lines = text.split('\n').filter((l) => l !== '');
    const bad = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.includes(' '));
    if (bad.length > 0) return { problems: bad.map(({ i }) => ({ file: display, message: `line ${i + 1} holds more than one word` })) };
    return { value: { file: display, words: lines }, problems: [] };
  },
  describe: (files) => `${files.reduce((n, f) => n + f.words.length, 0)} words`,
  messages: { fileLabel: 'Word file', stillUsed: 'The other words are still used.', fallback: 'no words', noun: 'word files' },
};

/** Timers that fire only when the test says so. */
class FakeTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, () => void>();
  setTimeout(callback: () => void, _ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, callback);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    due.forEach((f) => f());
  }
}

/** A promise that the test resolves. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const flush = () => new Promise<void>((r) => setImmediate(r));

function fakeHost(files: Map<string, string | Promise<string>>, overrides: Partial<DataFileHost> = {}) {
  const timers = new FakeTimers();
  const warnings: string[] = [];
  const logged: string[] = [];
  const reads: string[] = [];
  const watching: { uris: readonly string[]; onChange: (uri: string) => void; disposed: boolean; folders?: unknown }[] = [];
  const host: DataFileHost = {
    readFile: async (uri) => {
      reads.push(uri);
      const text = files.get(uri);
      if (text === undefined) throw new Error('no such file');
      return text;
    },
    watch: (_setting, uris, onChange, folders) => {
      const w = folders ? { uris, onChange, disposed: false, folders } : { uris, onChange, disposed: false };
      watching.push(w);
      return { dispose: () => (w.disposed = true) };
    },
    baseUri: () => 'file:///ws',
    log: { warn: (m) => logged.push(`warn: ${m}`), info: (m) => logged.push(`info: ${m}`) },
    showWarning: (m) => warnings.push(m),
    timers,
    ...overrides,
  };
  return { host, timers, warnings, logged, reads, watching };
}

const words = (c: DataFileController<WordFile>) => c.current.files.flatMap((f) => f.words);

describe('DataFileController', () => {
  it('loads the files of a new kind relative to the workspace folder, and watches them', async () => {
    const files = new Map([
      ['file:///ws/a.txt', 'alpha\nbeta\n'],
      ['file:///ws/lists/b.txt', 'gamma\n'],
    ]);
    const { host, logged, warnings, watching } = fakeHost(files);
    const c = new DataFileController(wordKind, host, () => assert.fail('a settings update does not call onDidChange'));
    assert.equal(await c.update(['a.txt', 'lists/b.txt']), true);
    assert.deepEqual(words(c), ['alpha', 'beta', 'gamma']);
    assert.deepEqual(warnings, []);
    assert.ok(logged.includes('info: syncml.wordFiles: 3 words from 2 of 2 file(s): /ws/a.txt, /ws/lists/b.txt'), logged.join('\n'));
    assert.deepEqual(watching.map((w) => w.uris), [['file:///ws/a.txt', 'file:///ws/lists/b.txt']]);
    // The same entries again: nothing to do.
    assert.equal(await c.update(['a.txt', 'lists/b.txt']), false);
  });

  it('reports each broken file once, by name, and keeps the files that loaded', async () => {
    const files = new Map([
      ['file:///ws/good.txt', 'one\n'],
      ['file:///ws/bad.txt', 'two words\nthree more words\n'],
    ]);
    const { host, warnings, logged } = fakeHost(files);
    const c = new DataFileController(wordKind, host, () => undefined);
    await c.update(['good.txt', 'bad.txt', 'missing.txt']);
    assert.deepEqual(words(c), ['one']);
    assert.deepEqual(warnings, [
      'Word file /ws/bad.txt: line 1 holds more than one word (and 1 more problem; see the SyncML server log). The other words are still used.',
      'Word file /ws/missing.txt: cannot be read: no such file. The other words are still used.',
    ]);
    assert.ok(logged.includes('warn: syncml.wordFiles: /ws/bad.txt: line 2 holds more than one word'));
  });

  it('reloads a watched file after it changes (debounced), and tells the server', async () => {
    const files = new Map([['file:///ws/a.txt', 'alpha\n']]);
    const { host, timers, watching, reads } = fakeHost(files);
    let changes = 0;
    const c = new DataFileController(wordKind, host, () => changes++);
    await c.update(['a.txt']);
    files.set('file:///ws/a.txt', 'alpha\nomega\n');
    c.filesChanged(['file:///ws/other.txt']);
    assert.equal(timers.pending.size, 0, 'a file that is not watched is ignored');
    watching[0].onChange('file:///ws/a.txt');
    c.filesChanged(['file:///ws/a.txt']);
    assert.equal(timers.pending.size, 1, 'two events, one reload');
    timers.fireAll();
    await flush();
    assert.deepEqual(words(c), ['alpha', 'omega']);
    assert.equal(changes, 1);
    assert.equal(reads.length, 2);
  });

  it('a read that finishes after a newer reload started never wins', async () => {
    const slow = deferred<string>();
    const files = new Map<string, string | Promise<string>>([
      ['file:///ws/old.txt', slow.promise],
      ['file:///ws/new.txt', 'fresh\n'],
    ]);
    const { host } = fakeHost(files);
    const c = new DataFileController(wordKind, host, () => undefined);
    const first = c.update(['old.txt']);
    const second = c.update(['new.txt']);
    assert.equal(await second, true);
    slow.resolve('stale\n');
    assert.equal(await first, false);
    assert.deepEqual(words(c), ['fresh']);
  });

  it('an emptied setting drops the loaded files and stops watching', async () => {
    const { host, logged, watching } = fakeHost(new Map([['file:///ws/a.txt', 'alpha\n']]));
    const c = new DataFileController(wordKind, host, () => undefined);
    await c.update(['a.txt']);
    assert.equal(await c.update([]), true);
    assert.deepEqual(words(c), []);
    assert.ok(logged.includes('info: syncml.wordFiles is empty: using no words only.'));
    assert.equal(watching[0].disposed, true);
    // Nothing was loaded: emptying again changes nothing.
    assert.equal(await c.update(['x.txt']), true);
    assert.equal(await c.update([]), false);
  });

  it('a host that cannot read files says so once per setting value, naming the kind', async () => {
    const { host, logged } = fakeHost(new Map(), { readFile: undefined, platform: 'browser' });
    const c = new DataFileController(wordKind, host, () => undefined);
    const warned = () => logged.filter((m) => m.startsWith('warn: syncml.wordFiles is not supported by the browser server'));
    assert.equal(await c.update(['a.txt']), false);
    await c.baseChanged();
    assert.equal(warned().length, 1);
    assert.match(warned()[0], /word files need the desktop \(Node\) language server\. Ignored: a\.txt\.$/);
    await c.update(['a.txt', 'b.txt']);
    assert.equal(warned().length, 2);
    assert.deepEqual(words(c), []);
  });

  it('reloads relative entries when the workspace folder moves', async () => {
    let base = 'file:///ws';
    const files = new Map([
      ['file:///ws/a.txt', 'here\n'],
      ['file:///other/a.txt', 'there\n'],
    ]);
    const { host } = fakeHost(files, { baseUri: () => base });
    let changes = 0;
    const c = new DataFileController(wordKind, host, () => changes++);
    await c.update(['a.txt']);
    base = 'file:///other';
    await c.baseChanged();
    assert.deepEqual(words(c), ['there']);
    assert.equal(changes, 1);
  });

  it('custom codes are a kind like any other', async () => {
    const json = JSON.stringify({ codes: [{ family: 'fumo-result', code: 451, name: 'Acme battery too low', description: 'd' }] });
    const { host, warnings } = fakeHost(new Map([['file:///ws/acme.json', json], ['file:///ws/broken.json', '{']]));
    const c = new DataFileController(customCodesKind(), host, () => undefined);
    await c.update(['acme.json', 'broken.json']);
    assert.deepEqual(
      c.current.files.flatMap((f) => f.entries.map((e) => `${e.code} ${e.name}`)),
      ['451 Acme battery too low'],
    );
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^SyncML custom codes file \/ws\/broken\.json: line 1, column 2: invalid JSON: .*The built-in codes are still used\.$/);
  });

  it('a problem in a valid custom-codes file is shown and logged with its line and column', async () => {
    const json = '{\n  "codes": [\n    { "family": "scomo", "code": 1, "name": "x" }\n  ]\n}\n';
    const { host, warnings, logged } = fakeHost(new Map([['file:///ws/acme.syncml-codes.json', json]]));
    const c = new DataFileController(customCodesKind(), host, () => undefined);
    await c.update(['acme.syncml-codes.json']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^SyncML custom codes file \/ws\/acme\.syncml-codes\.json: line 3, column 17: codes\[0\]\.family: "scomo" is not a family id/);
    assert.ok(logged.some((l) => l.includes('syncml.customCodes: /ws/acme.syncml-codes.json:3:17: codes[0].family')), logged.join('\n'));
  });
});

/** The word kind, taking folders of `.txt` files. */
const folderWordKind: DataFileKind<WordFile> = { ...wordKind, folderExtensions: ['.txt'] };

/** A fake lister over `files`: each URI in `folders` is a folder holding the files below it. */
function fakeLister(files: Map<string, unknown>, folders: Set<string>, asked: string[] = []): DataFileHost['listFolder'] {
  return async (uri, extensions) => {
    asked.push(uri);
    if (!folders.has(uri)) return undefined;
    const below = (u: string) => u.startsWith(uri + '/');
    return {
      files: [...files.keys()].filter((u) => below(u) && extensions.some((e) => u.toLowerCase().endsWith(e))).sort(),
      folders: [...folders].filter(below).sort(),
    };
  };
}

describe('DataFileController: folders', () => {
  it('a folder entry loads the files below it, is watched by a pattern, and a file added below it is loaded', async () => {
    const files = new Map([
      ['file:///ws/lists/a.txt', 'alpha\n'],
      ['file:///ws/lists/sub/b.txt', 'beta\n'],
      ['file:///ws/lists/notes.md', 'not a list\n'],
      ['file:///ws/c.txt', 'gamma\n'],
    ]);
    const folders = new Set(['file:///ws/lists', 'file:///ws/lists/sub']);
    const { host, logged, warnings, watching, timers } = fakeHost(files, { listFolder: fakeLister(files, folders) });
    let changes = 0;
    const c = new DataFileController(folderWordKind, host, () => changes++);
    assert.equal(await c.update(['lists', 'c.txt', 'lists/a.txt']), true);
    assert.deepEqual(words(c), ['alpha', 'beta', 'gamma'], 'a file reached twice is read once');
    assert.deepEqual(warnings, []);
    assert.ok(logged.includes('info: syncml.wordFiles: 3 words from 3 of 3 file(s): /ws/lists/a.txt, /ws/lists/sub/b.txt, /ws/c.txt'), logged.join('\n'));
    const w = watching[watching.length - 1];
    assert.deepEqual(w.uris, ['file:///ws/lists/a.txt', 'file:///ws/lists/sub/b.txt', 'file:///ws/c.txt']);
    assert.deepEqual(w.folders, { roots: ['file:///ws/lists'], inside: ['file:///ws/lists/sub'], pattern: '**/*.txt' });

    c.filesChanged(['file:///ws/listsmore/x.txt', 'file:///ws/other.txt']);
    assert.equal(timers.pending.size, 0, 'a file beside the folder is not watched');
    files.set('file:///ws/lists/sub/new.txt', 'delta\n');
    c.filesChanged(['file:///ws/lists/sub/new.txt']);
    timers.fireAll();
    await flush();
    assert.deepEqual(words(c), ['alpha', 'beta', 'delta', 'gamma']);
    assert.equal(changes, 1);
  });

  it('a folder with no such file, or one that cannot be listed, is one warning each; the rest loads', async () => {
    const files = new Map([
      ['file:///ws/c.txt', 'gamma\n'],
      ['file:///ws/docs/readme.md', 'no list here\n'],
    ]);
    const folders = new Set(['file:///ws/docs', 'file:///ws/locked']);
    const list = fakeLister(files, folders);
    const { host, warnings } = fakeHost(files, {
      listFolder: async (uri, extensions) => {
        if (uri === 'file:///ws/locked') throw new Error('permission denied');
        return list!(uri, extensions);
      },
    });
    const c = new DataFileController(folderWordKind, host, () => undefined);
    await c.update(['docs', 'locked', 'c.txt']);
    assert.deepEqual(words(c), ['gamma']);
    assert.deepEqual(warnings, [
      'Word file /ws/docs: is a folder that holds no .txt file. The other words are still used.',
      'Word file /ws/locked: cannot be listed: permission denied. The other words are still used.',
    ]);
  });

  it('a kind that takes no folders never asks the host to list one', async () => {
    const files = new Map([['file:///ws/acme.json', JSON.stringify({ codes: [] })]]);
    const asked: string[] = [];
    const { host } = fakeHost(files, { listFolder: fakeLister(files, new Set(['file:///ws']), asked) });
    const c = new DataFileController(customCodesKind(), host, () => undefined);
    await c.update(['acme.json']);
    assert.deepEqual(asked, []);
  });
});

describe('DDF files (syncml.ddfFiles)', () => {
  it('a broken DDF is one warning naming the file, line and column; the other files load, with their descriptions', async () => {
    const files = new Map([
      ['file:///ws/ddf/contoso.xml', contosoDdf('Mode')],
      ['file:///ws/ddf/broken.xml', BROKEN_DDF],
    ]);
    const { host, warnings, logged } = fakeHost(files);
    const c = new DataFileController(ddfFilesKind(), host, () => undefined);
    await c.update(['ddf/contoso.xml', 'ddf/broken.xml']);
    assert.deepEqual(
      c.current.files.map((f) => f.origin),
      ['/ws/ddf/contoso.xml'],
    );
    assert.equal(c.current.files[0].roots[0].children[0].facts.description, 'Contoso agent Mode.');
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(
      warnings[0],
      /^SyncML DDF file \/ws\/ddf\/broken\.xml: line 7, column 3: not well-formed XML: Expected closing tag 'DFProperties' .*\. The other DDF files and the bundled Windows CSP index are still used\.$/,
    );
    assert.ok(logged.some((l) => l.startsWith("warn: syncml.ddfFiles: /ws/ddf/broken.xml:7:3: not well-formed XML")), logged.join('\n'));
    assert.ok(logged.includes('info: syncml.ddfFiles: 2 DM tree nodes from 1 of 2 file(s): /ws/ddf/contoso.xml'), logged.join('\n'));
  });

  it('a folder entry reads its .xml and .ddf files, in subfolders too', async () => {
    const files = new Map([
      ['file:///ws/ddf/a.xml', contosoDdf('Mode')],
      ['file:///ws/ddf/more/b.DDF', contosoDdf('Level')],
      ['file:///ws/ddf/notes.txt', 'not a DDF'],
    ]);
    const { host, warnings } = fakeHost(files, { listFolder: fakeLister(files, new Set(['file:///ws/ddf', 'file:///ws/ddf/more'])) });
    const c = new DataFileController(ddfFilesKind(), host, () => undefined);
    await c.update(['ddf']);
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      c.current.files.map((f) => `${f.origin}: ${f.roots[0].children.map((n) => n.name).join(',')}`),
      ['/ws/ddf/a.xml: Mode', '/ws/ddf/more/b.DDF: Level'],
    );
  });
});
