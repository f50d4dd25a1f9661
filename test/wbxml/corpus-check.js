// Decodes every <name>.wbxml in argv[2] and compares it with <name>.xml in argv[3]: the element tree
// and text (test/support/xmlTree) and the diagnostics by code and message. Uses the build in out/.
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { isDeepStrictEqual } = require('node:util');
const out = join(__dirname, '..', '..', 'out');
const { decodeBytes } = require(join(out, 'server/src/model/encoding.js'));
const { xmlTree } = require(join(out, 'test/support/xmlTree.js'));
const { diagnostics } = require(join(out, 'test/support/service.js'));

const [wbxmlDir, xmlDir] = process.argv.slice(2);
const findings = (text) => diagnostics(text).map((d) => `${d.code}: ${d.message}`);
let checked = 0;
const failures = [];
for (const f of readdirSync(wbxmlDir).filter((n) => n.endsWith('.wbxml')).sort()) {
  const name = f.replace(/\.wbxml$/, '');
  // xml2wbxml writes a DevInf as WBXML and says so in its Meta Type: the one change it makes.
  const source = readFileSync(join(xmlDir, `${name}.xml`), 'utf8').replace(/devinf\+xml/g, 'devinf+wbxml');
  const r = decodeBytes(readFileSync(join(wbxmlDir, f)));
  checked++;
  if (!r.ok || !r.wbxml || r.wbxml.problem) failures.push(`${name}: ${r.ok ? r.wbxml?.problem?.message ?? 'not recognised as WBXML' : r.reason}`);
  else if (!isDeepStrictEqual(xmlTree(r.text), xmlTree(source))) failures.push(`${name}: the element tree or text differs`);
  else if (!isDeepStrictEqual(findings(r.text), findings(source))) failures.push(`${name}: the diagnostics differ`);
}
for (const f of failures) console.log(`   ${f}`);
console.log(`   ${checked} messages, ${failures.length} failure(s)`);
process.exit(failures.length || checked === 0 ? 1 : 0);
