// Tokenizes SyncML and DDF snippets with the extension's TextMate grammars through vscode-textmate and
// vscode-oniguruma (the engine VS Code uses) and checks the scopes a theme colours. Run by run-code-server.sh.
const fs = require('fs');
const path = require('path');
const tm = require('vscode-textmate');
const onig = require('vscode-oniguruma');

const root = path.resolve(__dirname, '../..');
const grammars = {
  'text.xml.syncml': path.join(root, 'syntaxes/syncml.tmLanguage.json'),
  'text.xml.dmtree': path.join(root, 'syntaxes/dmtree.tmLanguage.json'),
};

const registry = new tm.Registry({
  onigLib: onig.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer).then(() => ({
    createOnigScanner: (patterns) => new onig.OnigScanner(patterns),
    createOnigString: (s) => new onig.OnigString(s),
  })),
  loadGrammar: async (scopeName) => {
    const file = grammars[scopeName];
    return file ? tm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
  },
});

/** Every token of `text` as [text, scopes joined by spaces]. */
function tokenize(grammar, text) {
  let stack = tm.INITIAL;
  const tokens = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, stack);
    for (const t of result.tokens) tokens.push([line.slice(t.startIndex, t.endIndex), t.scopes.join(' ')]);
    stack = result.ruleStack;
  }
  return tokens;
}

let failures = 0;
function expectScope(tokens, text, scope, nth = 0) {
  const found = tokens.filter(([t]) => t === text)[nth];
  const ok = found && found[1].split(' ').some((s) => s === scope || s.startsWith(`${scope}.`));
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${JSON.stringify(text)}${nth ? ` #${nth}` : ''} ~ ${scope}${ok ? '' : `  (got: ${found ? found[1] : 'no such token'})`}`);
}

(async () => {
  const syncml = await registry.loadGrammar('text.xml.syncml');
  const s = tokenize(syncml, [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE SyncML PUBLIC "-//SYNCML//DTD SyncML 1.2//EN" "http://www.openmobilealliance.org/tech/DTD/OMA-TS-SyncML_RepPro_DTD-V1_2.dtd">',
    '<SyncML xmlns="SYNCML:SYNCML1.2"><!-- a comment -->',
    '  <SyncBody><Status><Cmd>Get</Cmd><Data>404</Data></Status>',
    '  <Alert><Data>',
    '    1226',
    '  </Data><Item><Data>0x87D10194</Data><Data>-2016345708</Data><Data/></Item></Alert>',
    '  <Replace><Item><Target><LocURI>./Vendor/MSFT/<ProviderID>/Name</LocURI></Target>',
    '  <Data><![CDATA[<wap-provisioningdoc/>]]></Data><Data>a &amp; b & c</Data></Item></Replace>',
    '  <Sync/><SyncHdr/>',
    '</SyncBody></SyncML>',
  ].join('\n'));
  expectScope(s, 'xml', 'meta.tag.preprocessor.xml');
  expectScope(s, 'DOCTYPE', 'keyword.other.doctype.xml');
  expectScope(s, 'xmlns', 'entity.other.attribute-name');
  expectScope(s, 'SYNCML:SYNCML1.2', 'string.quoted.double.xml');
  expectScope(s, ' a comment ', 'comment.block.xml');
  expectScope(s, 'Status', 'keyword.control.command.syncml');
  expectScope(s, 'Alert', 'keyword.control.command.syncml');
  expectScope(s, 'SyncBody', 'keyword.control.command.syncml');
  expectScope(s, 'Sync', 'keyword.control.command.syncml');
  expectScope(s, 'Item', 'entity.name.tag.localname.xml');
  expectScope(s, 'Get', 'support.function.command.syncml');
  expectScope(s, '404', 'constant.numeric.code.syncml');
  expectScope(s, '1226', 'constant.numeric.code.syncml');
  expectScope(s, '0x87D10194', 'constant.numeric.code.syncml');
  expectScope(s, '-2016345708', 'constant.numeric.code.syncml');
  expectScope(s, './Vendor/MSFT/', 'string.unquoted.uri.locuri.syncml');
  expectScope(s, 'ProviderID', 'entity.name.tag.localname.xml');
  expectScope(s, '<wap-provisioningdoc/>', 'string.unquoted.cdata.xml');
  expectScope(s, 'amp', 'constant.character.entity.xml');
  expectScope(s, '&', 'invalid.illegal.bad-ampersand.xml', 1);
  expectScope(s, 'SyncML', 'keyword.control.command.syncml', 2);

  const dmtree = await registry.loadGrammar('text.xml.dmtree');
  const d = tokenize(dmtree, [
    '<MgmtTree><VerDTD>1.2</VerDTD><Node><NodeName>State</NodeName>',
    '<DFProperties><AccessType><Get/><Replace/></AccessType><DefaultValue>10</DefaultValue>',
    '<DFFormat><int/></DFFormat><Occurrence><ZeroOrOne/></Occurrence><Scope><Dynamic/></Scope>',
    '<DFType><MIME>text/plain</MIME></DFType><!-- note --></DFProperties></Node></MgmtTree>',
  ].join('\n'));
  expectScope(d, 'MgmtTree', 'keyword.control.structure.dmtree');
  expectScope(d, 'Node', 'keyword.control.structure.dmtree');
  expectScope(d, 'State', 'entity.name.section.nodename.dmtree');
  expectScope(d, 'Get', 'support.function.access-type.dmtree');
  expectScope(d, '10', 'constant.numeric.value.dmtree');
  expectScope(d, 'int', 'storage.type.format.dmtree');
  expectScope(d, 'ZeroOrOne', 'constant.language.property-value.dmtree');
  expectScope(d, 'DFType', 'entity.name.tag.property.dmtree');
  expectScope(d, ' note ', 'comment.block.xml');
  console.log(failures ? `grammar check: ${failures} failure(s)` : 'grammar check: all scopes as expected');
  process.exit(failures ? 1 : 0);
})().catch((err) => { console.error(err); process.exit(1); });
