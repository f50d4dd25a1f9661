// The real-editor suite: the same file runs in code-server's Node extension host (run-code-server.sh),
// in the VS Code web build's browser extension host (run-web.sh) and under @vscode/test-electron
// (run-desktop.js). It talks to the editor only through the `vscode` API, as a user's editor would.
const assert = require('./assert');
const vscode = require('vscode');

const EXTENSION_ID = 'syncml-tools.syncml-codes';
const WAIT_MS = 30000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value; fails with `what` after `ms`. */
async function waitFor(what, probe, ms = WAIT_MS) {
  const start = Date.now();
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

function workspaceUri(name) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Position inside the `nth` (0-based) occurrence of `needle`, `delta` characters into it; `from` starts the search. */
function positionOf(doc, needle, { from = '', delta = 0, nth = 0 } = {}) {
  const text = doc.getText();
  let at = from ? text.indexOf(from) : 0;
  assert.ok(at >= 0, `"${from}" is in ${doc.uri.path}`);
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, i === 0 ? at : at + 1);
    assert.ok(at >= 0, `"${needle}" (#${i}) is in ${doc.uri.path}`);
  }
  return doc.positionAt(at + delta);
}

/** Range of the number inside `<Data>N</Data>`, the first one after `from`. */
function dataRange(doc, number, from) {
  const start = positionOf(doc, `<Data>${number}</Data>`, { from, delta: '<Data>'.length });
  return new vscode.Range(start, start.translate(0, String(number).length));
}

const codeOf = (d) => (d.code !== null && typeof d.code === 'object' ? d.code.value : d.code);

function diagnosticsWith(uri, code) {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

const markdown = (hovers) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');

async function hoverText(doc, position) {
  const hovers = await waitFor(`a hover at ${position.line}:${position.character}`, async () => {
    const result = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position);
    return result && result.length && markdown(result).trim() ? result : undefined;
  });
  return markdown(hovers);
}

const isNodeHost = typeof process !== 'undefined' && !!(process.versions && process.versions.node);

const label = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

suite('SyncML & OMA DM Codes in a real editor', function () {
  this.timeout(120000);
  let sample;

  suiteSetup(async () => {
    const where = isNodeHost ? `Node ${process.versions.node} extension host` : 'browser (web worker) extension host';
    console.log(`[e2e] ${vscode.env.appName} ${vscode.version}, ${where}, uiKind=${vscode.UIKind[vscode.env.uiKind]}`);
    sample = await open('sample.syncml');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await ext.activate();
  });

  test('languages: .syncml, .ddf, and a SyncML first line without extension', async () => {
    assert.strictEqual(sample.languageId, 'syncml');
    assert.strictEqual((await open('fumo.ddf')).languageId, 'dmtree');
    assert.strictEqual((await open('dm-session')).languageId, 'syncml');
    sample = await open('sample.syncml');
  });

  test('diagnostics: 1200 in a Status is a wrong-code-family warning on exactly the number', async () => {
    const [diagnostic] = await waitFor('a wrong-code-family diagnostic', () => {
      const found = diagnosticsWith(sample.uri, 'wrong-code-family');
      return found.length ? found : undefined;
    });
    console.log(`[e2e] diagnostic: ${diagnostic.message}`);
    assert.strictEqual(diagnostic.source, 'syncml');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(diagnostic.range.isEqual(dataRange(sample, 1200, '<Cmd>Replace</Cmd>')), `range ${JSON.stringify(diagnostic.range)}`);
  });

  test('diagnostics: a SyncML message in a plain .xml file is served too', async () => {
    const doc = await open('message.xml');
    assert.strictEqual(doc.languageId, 'xml');
    await waitFor('a wrong-code-family diagnostic in message.xml', () => diagnosticsWith(doc.uri, 'wrong-code-family').length > 0);
    sample = await open('sample.syncml');
  });

  test('hover: 404 in the Status of a Get says Not Found', async () => {
    const text = await hoverText(sample, positionOf(sample, '404', { from: '<Cmd>Get</Cmd>', delta: 1 }));
    console.log(`[e2e] hover 404 in Status: ${text.split('\n')[0]}`);
    assert.match(text, /not found/i);
  });

  test('hover: 404 in a FUMO Generic Alert is Failed Firmware Update Package Validation', async () => {
    const text = await hoverText(sample, positionOf(sample, '404', { from: 'firmwareupdate', delta: 1 }));
    console.log(`[e2e] hover 404 in FUMO alert: ${text.split('\n')[0]}`);
    assert.match(text, /Failed Firmware Update Package Validation/);
  });

  test('completion: inside an empty Status <Data></Data> lists 200, named, placed and documented', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'syncml',
      content: sample.getText().replace('<Data>404</Data>', '<Data></Data>'),
    });
    const position = positionOf(doc, '<Data></Data>', { from: '<Cmd>Get</Cmd>', delta: '<Data>'.length });
    // Resolve every item: the list itself carries no documentation (completionItem/resolve adds it).
    const items = await waitFor('completion items', async () => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position, undefined, 200);
      return list && list.items.length ? list.items : undefined;
    });
    console.log(`[e2e] completion: ${items.length} items, first ${items.slice(0, 3).map(label).join(' | ')}`);
    const ok = items.find((item) => /^200\b/.test(label(item)) || item.insertText === '200');
    assert.ok(ok, `200 among ${items.map(label).slice(0, 20).join(', ')}`);
    // The server says the range and the family once for the list (itemDefaults): the client gives them to each item.
    assert.strictEqual(typeof ok.label === 'string' ? ok.detail : ok.label.description, 'OK');
    const range = ok.range && 'inserting' in ok.range ? ok.range.inserting : ok.range;
    assert.ok(range && range.start.isEqual(position), `the item's range starts at the cursor: ${JSON.stringify(ok.range)}`);
    const docs = typeof ok.documentation === 'string' ? ok.documentation : ok.documentation && ok.documentation.value;
    assert.match(String(docs), /SyncML status code/, 'resolving the item documents it');
  });

  test('quick fix: 1200 in a Status becomes 200', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'syncml', content: sample.getText() });
    const range = dataRange(doc, 1200, '<Cmd>Replace</Cmd>');
    await waitFor('the diagnostic on the untitled copy', () => diagnosticsWith(doc.uri, 'wrong-code-family').length > 0);
    const action = await waitFor('a quick fix', async () => {
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
      return (actions || []).find((a) => 'edit' in a && a.edit && /\b200\b/.test(a.title));
    });
    console.log(`[e2e] quick fix: ${action.title}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.strictEqual(doc.getText(new vscode.Range(range.start, range.start.translate(0, 3))), '200');
    assert.strictEqual(doc.getText(), sample.getText().replace('<Data>1200</Data>', '<Data>200</Data>'));
    await waitFor('the diagnostic to go away', () => diagnosticsWith(doc.uri, 'wrong-code-family').length === 0);
  });

  test('settings: syncml.diagnostics.severity can turn a code off, and back on', async () => {
    const config = vscode.workspace.getConfiguration('syncml');
    await config.update('diagnostics.severity', { 'wrong-code-family': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('wrong-code-family to be turned off', () => diagnosticsWith(sample.uri, 'wrong-code-family').length === 0);
    } finally {
      await config.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('wrong-code-family to come back', () => diagnosticsWith(sample.uri, 'wrong-code-family').length > 0);
  });

  test('custom codes: *.syncml-codes.json files are checked against the schema', async () => {
    const doc = await open('acme.syncml-codes.json');
    assert.strictEqual(doc.languageId, 'json');
    const editor = await vscode.window.showTextDocument(doc);
    const at = positionOf(doc, '"fumo-result"', { delta: 1 });
    await editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, 'fumo-result'.length)), 'fumo'));
    try {
      const [problem] = await waitFor('a schema diagnostic on "fumo"', () => {
        const found = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.range.contains(at));
        return found.length ? found : undefined;
      });
      console.log(`[e2e] schema: ${problem.message.split('\n')[0]}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  // In the web the server (a Web Worker) reads the files through the client (syncml/readFile), relative
  // to the workspace folder's URI (vscode-test-web://mount/ under test-web); in code-server it reads
  // them itself. Either way the client's file watcher makes it reload a file that changes.
  test('custom codes: syncml.customCodes adds vendor codes to the look-up, reloaded when a file changes', async () => {
    const config = vscode.workspace.getConfiguration('syncml');
    const extra = workspaceUri('e2e-reload.syncml-codes.json');
    const write = (name) =>
      vscode.workspace.fs.writeFile(extra, new TextEncoder().encode(JSON.stringify({ codes: [{ family: 'fumo-result', code: 252, name }] })));
    const custom = async (code, name) => {
      const explanation = await vscode.commands.executeCommand('syncml.lookupCode', String(code));
      return explanation.meanings.find((m) => m.family === 'fumo-result' && m.name === name);
    };
    await write('Deferred once');
    await config.update('customCodes', ['acme.syncml-codes.json', 'e2e-reload.syncml-codes.json'], vscode.ConfigurationTarget.Global);
    try {
      const meaning = await waitFor('the custom FUMO 251 in the look-up', () => custom(251, 'Update deferred by the user'));
      console.log(`[e2e] custom code: ${meaning.code} ${meaning.name} from ${meaning.customFile}`);
      assert.ok(meaning.customFile && /acme\.syncml-codes\.json$/.test(meaning.customFile), `customFile ${meaning.customFile}`);
      await waitFor('the custom FUMO 252 from the second file', () => custom(252, 'Deferred once'));
      await write('Deferred twice');
      await waitFor('FUMO 252 reloaded after the file changed', () => custom(252, 'Deferred twice'));
    } finally {
      await config.update('customCodes', undefined, vscode.ConfigurationTarget.Global);
      await Promise.resolve(vscode.workspace.fs.delete(extra)).catch(() => undefined);
    }
    await waitFor('the custom codes to go with the setting', async () => !(await custom(251, 'Update deferred by the user')));
  });

  test('command: syncml.lookupCode 404 lists its meanings across families', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('syncml.lookupCode'));
    const explanation = await vscode.commands.executeCommand('syncml.lookupCode', '404');
    assert.ok(explanation && Array.isArray(explanation.meanings), JSON.stringify(explanation));
    console.log(`[e2e] lookupCode 404: ${explanation.meanings.map((m) => `${m.family} ${m.name}`).join('; ')}`);
    assert.strictEqual(explanation.number, 404);
    assert.ok(explanation.meanings.some((m) => m.family === 'fumo-result' && m.name === 'Failed Firmware Update Package Validation'));
    assert.ok(explanation.meanings.some((m) => m.family === 'syncml-status' && /not found/i.test(m.name)));
  });

  test('command: syncml.lookupCode decodes a 0x87D1xxxx HRESULT', async () => {
    const explanation = await vscode.commands.executeCommand('syncml.lookupCode', '0x87D10194');
    assert.ok(explanation && explanation.hresult, JSON.stringify(explanation));
    assert.strictEqual(explanation.hresult.status, 404);
    assert.ok(explanation.meanings.some((m) => m.family === 'syncml-status' && m.code === 404));
  });

  test('command: syncml.lookupCode names an Intune error, not a SyncML status', async () => {
    const explanation = await vscode.commands.executeCommand('syncml.lookupCode', '0x87D1FDE8');
    assert.ok(explanation && explanation.windowsError, JSON.stringify(explanation));
    assert.strictEqual(explanation.windowsError.message, 'Remediation failed');
    assert.strictEqual(explanation.hresult, undefined);
  });

  // A session split into one file per message: the server pairs the open files of one folder by
  // SessionID and direction. The lens's click runs syncml.showLocation (registered by the client from
  // the server's executeCommandProvider), and the server asks the editor to show the answer.
  test('session: definition, references and code lens across the two files of a session', async () => {
    const request = await open('session-1-server.syncml');
    const reply = await open('session-2-client.syncml');
    const cmdRef = positionOf(reply, '<CmdRef>5', { delta: '<CmdRef>'.length });
    const [definition] = await waitFor('a definition in the other file', async () => {
      const found = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', reply.uri, cmdRef);
      return found && found.length ? found : undefined;
    });
    const target = definition.targetUri || definition.uri;
    const targetRange = definition.targetSelectionRange || definition.targetRange || definition.range;
    assert.strictEqual(target.toString(), request.uri.toString());
    assert.ok(targetRange.start.isEqual(positionOf(request, '<CmdID>5', { delta: '<CmdID>'.length })), `definition at ${JSON.stringify(targetRange)}`);

    const refs = await vscode.commands.executeCommand('vscode.executeReferenceProvider', request.uri, positionOf(request, '<CmdID>4', { delta: 7 }));
    const places = refs.map((r) => `${r.uri.path.split('/').pop()}:${r.range.start.line}`).sort().join(' ');
    assert.strictEqual(places, 'session-1-server.syncml:10 session-2-client.syncml:11 session-2-client.syncml:12');

    await vscode.window.showTextDocument(request);
    const lenses = await waitFor('resolved code lenses', async () => {
      const found = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', request.uri, 10);
      return found && found.length >= 4 && found.every((l) => l.command && l.command.title) ? found : undefined;
    });
    const titles = lenses.map((l) => l.command.title);
    console.log(`[e2e] code lenses: ${titles.join(' | ')}`);
    assert.strictEqual(titles.join(' | '), '212 Authentication accepted | 200 OK | 1 Results | 404 Not found \u00b7 Status 4 in message 2 (session-2-client.syncml)');

    const click = lenses[3].command;
    await vscode.commands.executeCommand(click.command, ...(click.arguments || []));
    const editor = await waitFor('the reply shown at the Status', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === reply.uri.toString() ? e : undefined;
    });
    assert.ok(editor.selection.start.isEqual(positionOf(reply, '<CmdRef>5', { delta: '<CmdRef>'.length })), `selection ${JSON.stringify(editor.selection)}`);
    sample = await open('sample.syncml');
  });

  test('WBXML: capture.wbxml (sample.syncml encoded) opens as its decoded XML, served like any SyncML document', async () => {
    const doc = await vscode.commands.executeCommand('syncml.openDecodedWbxml', workspaceUri('capture.wbxml'));
    assert.ok(doc, 'the command returns the decoded document');
    assert.strictEqual(doc.uri.scheme, 'syncml-wbxml');
    assert.strictEqual(doc.languageId, 'syncml');
    assert.match(doc.getText(), /<SyncML xmlns="SYNCML:SYNCML1\.2">/);
    const [diagnostic] = await waitFor('a wrong-code-family diagnostic in the decoded capture', () => {
      const found = diagnosticsWith(doc.uri, 'wrong-code-family');
      return found.length ? found : undefined;
    });
    assert.ok(diagnostic.range.isEqual(dataRange(doc, 1200, '<Cmd>Replace</Cmd>')), `range ${JSON.stringify(diagnostic.range)}`);
    const text = await hoverText(doc, positionOf(doc, '404', { from: '<Cmd>Get</Cmd>', delta: 1 }));
    assert.match(text, /not found/i);
    sample = await open('sample.syncml');
  });

  test('DM tree: a hover on a CSP value gives its label, and a misspelt node is an unknown-node warning', async () => {
    const doc = await open('passcode-profile.xml');
    assert.strictEqual(doc.languageId, 'xml');
    const text = await hoverText(doc, positionOf(doc, '1</Data>', { from: 'DevicePasswordEnabled' }));
    console.log(`[e2e] hover on DevicePasswordEnabled's value: ${text.split('\n')[0]}`);
    assert.match(text, /Disabled/);
    const [diagnostic] = await waitFor('an unknown-node diagnostic', () => {
      const found = diagnosticsWith(doc.uri, 'unknown-node');
      return found.length ? found : undefined;
    });
    console.log(`[e2e] diagnostic: ${diagnostic.message}`);
    const start = positionOf(doc, 'MinDevicePasswordLenght');
    assert.ok(diagnostic.range.isEqual(new vscode.Range(start, start.translate(0, 'MinDevicePasswordLenght'.length))), `range ${JSON.stringify(diagnostic.range)}`);
    assert.match(diagnostic.message, /MinDevicePasswordLength/);
    sample = await open('sample.syncml');
  });

  suiteTeardown(async () => {
    // Leave no dirty untitled editors behind (a closing window would ask to save them).
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isUntitled && doc.isDirty) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
  });
});
