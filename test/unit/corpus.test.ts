import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../server/src/api';
import { asDocumentAnalysis } from '../../server/src/features/analysis';
import { decodeBytes } from '../../server/src/model/encoding';
import { corpusFiles, corpusNotes } from '../support/corpus';
import { service } from '../support/service';

const files = corpusFiles();
const notes = corpusNotes();

function analyseFile(f: (typeof files)[number]) {
  const result = decodeBytes(f.bytes);
  if (!result.ok) throw new Error(`${f.name}: ${result.reason}`);
  const decoded = result;
  const document = TextDocument.create(`file:///corpus/${f.name}`, f.languageId, 1, decoded.text);
  const analysis = service.analyze(document, f.languageId);
  const diagnostics = service.doValidation(analysis, DEFAULT_SETTINGS);
  return { decoded, document, analysis, diagnostics };
}

/**
 * Code diagnostics the corpus is known to deserve, reviewed by hand. Anything else on a code is a
 * false alarm: a defined code in its proper place must never be flagged.
 */
const EXPECTED_CODE_FINDINGS = [
  // Windows alert types that codes.md has no source for: the data cannot be checked, and we say so.
  'fragments/msdocs-enterprise-app-management-16.xml unknown-alert-type Reversed-Domain-Name:com.microsoft.mdm.EnterpriseHostedAppInstall.result',
  'fragments/msdocs-enterprise-app-management-23.xml unknown-alert-type Reversed-Domain-Name:com.microsoft.mdm.EnterpriseAppUninstall.result',
];

/**
 * The URI and Data findings on the corpus, each reviewed by hand: file:line, code, and why the file
 * deserves it. Every one is a Microsoft documentation sample; Fleet's profiles get none.
 */
const EXPECTED_HYGIENE_FINDINGS: readonly [string, string][] = [
  ['syncml/msdocs-applocker-csp-08.xml:14 markup-in-data', 'raw <RuleCollection> AppLocker policy in a chr Data (DM RepPro §4.1.3.1: escape it or use CDATA)'],
  ['syncml/msdocs-applocker-csp-09.xml:30 markup-in-data', 'the same raw AppLocker policy, chr'],
  ['syncml/msdocs-applocker-csp-11.xml:30 markup-in-data', 'the same raw AppLocker policy, chr'],
  ['syncml/msdocs-enterpriseassignedaccess-csp-16.xml:9 markup-in-data', 'raw <?xml?><HandheldLockdown> with no Format (chr by default)'],
  ['syncml/msdocs-enterprisedesktopappmanagement-csp-06.xml:7 malformed-uri', "'./Device /Vendor/…': a stray space after Device"],
  ['syncml/msdocs-enterprisedesktopappmanagement-csp-06.xml:16 malformed-uri', "'./Device /Vendor/…' again"],
  ['syncml/msdocs-understanding-admx-backed-policies-07.xml:14 markup-in-data', 'raw ADMX <disabled/> in a chr Data, which the ADMX note says must be XML-encoded'],
  ['syncml/msdocs-vpnv2-csp-01.xml:13 markup-in-data', 'raw <VPNProfile> with no Format (chr by default)'],
  ['syncml/msdocs-wifi-csp-01.xml:14 markup-in-data', 'raw <?xml?><WLANProfile> in a chr WlanXml, which the Wi-Fi CSP says must be escaped'],
  ['syncml/msdocs-win32-and-centennial-app-policy-configuration-02.xml:13 markup-in-data', 'raw ADMX <policyDefinitions> file in a chr Data'],
  ['syncml/msdocs-win32-and-centennial-app-policy-configuration-11.xml:7 malformed-uri', "'ContosoCompanyApp~ Policy~…': a stray space in a node name"],
  ['fragments/msdocs-appv-deploy-and-config-04.xml:67 malformed-uri', "'…/Sync/PublishXM L': a space inside the node name PublishXML"],
  ['fragments/msdocs-appv-deploy-and-config-06.xml:16 malformed-uri', "'…/Sync/PublishXM L' again"],
  ['fragments/msdocs-dynamicmanagement-csp-02.xml:11 markup-in-data', 'a raw nested <SyncML> message in a chr Data (SOURCES.md notes it)'],
  ['fragments/msdocs-dynamicmanagement-csp-02.xml:26 markup-in-data', 'a raw <rule> in a chr Data'],
  ['fragments/msdocs-dynamicmanagement-csp-03.xml:11 markup-in-data', 'a raw nested <SyncML> message in a chr Data (SOURCES.md notes it)'],
  ['fragments/msdocs-dynamicmanagement-csp-03.xml:26 markup-in-data', 'a raw <rule> in a chr Data'],
  ['fragments/msdocs-enterpriseappmanagement-csp-02.xml:8 malformed-uri', "'%7B D5DC1EBB-…': a space inside an escaped GUID"],
  ['fragments/msdocs-tpmpolicy-csp-01.xml:6 malformed-uri', 'no-break spaces (U+00A0) from the web page before the URI'],
  ['fragments/msdocs-tpmpolicy-csp-01.xml:6 malformed-uri', 'a line break and more no-break spaces after it'],
  ['fragments/msdocs-wifi-csp-05.xml:12 markup-in-data', 'raw <?xml?><WLANProfile> in a chr WlanXml, which the Wi-Fi CSP says must be escaped'],
];

const HYGIENE_CODES = new Set(['malformed-uri', 'markup-in-data']);
/** The DM tree findings are listed, each with its reason, in corpusTree.test.ts. */
const TREE_CODES = new Set(['unknown-node', 'command-not-allowed', 'format-mismatch', 'value-not-allowed', 'deprecated-node']);

describe(`the real-world corpus (${files.length} files)`, () => {
  it('has the 260 files SOURCES.md lists', () => {
    assert.equal(files.length, 260);
    for (const f of files) assert.ok(notes.has(f.name), `${f.name} is not in SOURCES.md`);
  });

  it('never throws, and every diagnostic range lies inside its document', () => {
    for (const f of files) {
      const { document, diagnostics } = analyseFile(f);
      const length = document.getText().length;
      for (const d of diagnostics) {
        const s = document.offsetAt(d.range.start);
        const e = document.offsetAt(d.range.end);
        assert.ok(s <= e && e <= length, `${f.name}: range ${s}-${e} outside 0-${length}`);
        assert.deepEqual(document.positionAt(s), d.range.start, `${f.name}: start position is not canonical`);
        assert.deepEqual(document.positionAt(e), d.range.end, `${f.name}: end position is not canonical`);
        assert.equal(d.source, 'syncml');
      }
    }
  });

  it('flags no defined code in its proper place (only the reviewed findings)', () => {
    const found: string[] = [];
    for (const f of files) {
      const { document, diagnostics } = analyseFile(f);
      for (const d of diagnostics) {
        if (d.code === 'xml-syntax' || HYGIENE_CODES.has(String(d.code)) || TREE_CODES.has(String(d.code))) continue;
        found.push(`${f.name} ${d.code} ${document.getText(d.range)}`);
      }
    }
    assert.deepEqual(found, EXPECTED_CODE_FINDINGS);
  });

  it('flags only the reviewed malformed URIs and raw markup in Data, none in Fleet\'s profiles', () => {
    const found: string[] = [];
    for (const f of files) {
      const { diagnostics } = analyseFile(f);
      for (const d of diagnostics) {
        if (HYGIENE_CODES.has(String(d.code))) found.push(`${f.name}:${d.range.start.line + 1} ${d.code}`);
      }
    }
    assert.deepEqual(found, EXPECTED_HYGIENE_FINDINGS.map(([finding]) => finding));
    assert.ok(files.some((f) => f.name.startsWith('fragments/fleet-')), 'the corpus holds Fleet profiles');
  });

  it('decodes the codes the corpus carries (statuses, DM and DS alerts)', () => {
    const decoded: Record<string, number> = {};
    for (const f of files) {
      const { analysis, document } = analyseFile(f);
      for (const s of asDocumentAnalysis(analysis).contexts.sites) {
        const raw = document.getText().slice(s.start, s.end);
        if (/^\d+$/.test(raw) && service.catalog.lookup(s.family, Number(raw))) decoded[s.family] = (decoded[s.family] ?? 0) + 1;
      }
    }
    assert.ok(decoded['syncml-status'] >= 80, JSON.stringify(decoded));
    assert.ok(decoded['dm-alert'] >= 15, JSON.stringify(decoded));
    assert.ok(decoded['ds-alert'] >= 10, JSON.stringify(decoded));
  });

  it('reports the XML mistakes SOURCES.md notes, and none where it notes none', () => {
    const missed: string[] = [];
    const extra: string[] = [];
    for (const f of files) {
      const note = notes.get(f.name)!;
      const { decoded, diagnostics } = analyseFile(f);
      const syntax = diagnostics.filter((d) => d.code === 'xml-syntax').length + (decoded.declarationProblem ? 1 : 0);
      const notWellFormed = /not well-formed/i.test(note);
      // Bare command lists are fine as fragments; SOURCES marks those "(OK when wrapped as fragment list)".
      const onlyAsDocument = /\(OK when wrapped as fragment list\)/.test(note);
      if (notWellFormed && !onlyAsDocument && syntax === 0) missed.push(f.name);
      if (!notWellFormed && syntax > 0) extra.push(f.name);
    }
    assert.deepEqual(missed, []);
    assert.deepEqual(extra, []);
  });

  it('answers hover, completion and inlay hints at sampled offsets without throwing', () => {
    for (const f of files) {
      const { analysis, document } = analyseFile(f);
      const text = document.getText();
      const step = Math.max(1, Math.floor(text.length / 40));
      for (let off = 0; off <= text.length; off += step) {
        const pos = document.positionAt(off);
        service.doHover(analysis, pos);
        service.doComplete(analysis, pos);
      }
      service.getInlayHints(analysis, { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, DEFAULT_SETTINGS);
      service.findDocumentSymbols(analysis, DEFAULT_SETTINGS);
      service.getFoldingRanges(analysis, DEFAULT_SETTINGS);
    }
  });

  it('the DS corpus gets no DM-only warnings', () => {
    for (const f of files.filter((x) => /SyncML DS/.test(notes.get(x.name)!))) {
      const { diagnostics } = analyseFile(f);
      const dmOnly = diagnostics.filter((d) => d.code === 'unexpected-status-for-command' || d.code === 'wrong-code-family');
      assert.deepEqual(dmOnly.map((d) => d.message), [], f.name);
    }
  });
});
