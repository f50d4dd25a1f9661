/**
 * Diagnostics (server/src/features/diagnostics.ts): one sample per code of the registry
 * (server/src/diagnosticCodes.ts) with the exact range it reports, marked `[[...]]` in the text, and
 * its exact message; then the settings that shape them. Which family applies where (and so which
 * code a number gets) is test/unit/context.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../server/src/api';
import { DIAGNOSTIC_CODES, lspSeverity, type DiagnosticCode } from '../../../server/src/diagnosticCodes';
import { analyze, dmMessage, genericAlert, service, status } from '../../support/service';

interface Sample {
  code: DiagnosticCode;
  /** What the sample shows, for the test's name. */
  what: string;
  /** The document, with the range the diagnostic must cover between `[[` and `]]`. */
  text: string;
  languageId?: string;
  message: string;
}

/** A profile's command of one item (Fleet's and Intune's shape: no SyncML envelope). */
function profile(command: string, uri: string, format: string | undefined, data: string): string {
  const meta = format === undefined ? '' : `<Meta><Format xmlns="syncml:metinf">${format}</Format></Meta>`;
  return `<${command}>\n  <CmdID>1</CmdID>\n  <Item>\n    <Target><LocURI>${uri}</LocURI></Target>\n    ${meta}\n    <Data>${data}</Data>\n  </Item>\n</${command}>\n`;
}

/** Adding a code to the registry fails the last test below until it has a sample here. */
const SAMPLES: readonly Sample[] = [
  {
    code: 'undefined-code',
    what: 'SACMO 1418, the obsolete number of 1413',
    text: dmMessage(genericAlert('urn:oma:at:sacmo:1.0:OperationReport', '[[1418]]')),
    message:
      '1418 is not a SACMO result code: Stale number for the authorization failure: the CR changed it to 1413 but left 1418 in the informative copy of the Security Considerations. Use 1413.',
  },
  {
    code: 'wrong-code-family',
    what: '1200 in a Status',
    text: dmMessage(status('Replace', '[[1200]]')),
    message:
      '1200 is not a SyncML status code (Status for Replace (CmdRef 3, MsgRef 1)); it is an OMA DM alert code ("SERVER-INITIATED MGMT"), a SCOMO result code ("Successful"), a SACMO result code ("Successful") and 2 more',
  },
  {
    code: 'unexpected-status-for-command',
    what: '201 answering a Replace',
    text: dmMessage(status('Replace', '[[201]]')),
    message:
      '201 (Item added) is not among the statuses the DM protocol lists for Replace: 200, 213, 215, 401, 403, 404, 405, 407, 413, 414, 415, 418, 420, 424, 425, 500, 516',
  },
  {
    code: 'not-a-code',
    what: 'a name where a status belongs',
    text: dmMessage(status('Get', '[[OK]]')),
    message: "'OK' is not an integer: a SyncML status code belongs here (Status for Get (CmdRef 3, MsgRef 1))",
  },
  {
    code: 'not-a-code',
    what: 'an empty Data: an empty range where the code belongs',
    text: dmMessage(status('Get', '[[]]')),
    message: 'Empty Data: a SyncML status code belongs here (Status for Get (CmdRef 3, MsgRef 1))',
  },
  {
    code: 'vendor-code',
    what: 'FUMO 260, in the vendor-specified range',
    text: dmMessage(genericAlert('org.openmobilealliance.dm.firmwareupdate.update', '[[260]]')),
    message:
      '260 is in the vendor-specified range 250–299 of FUMO result codes ("Successful – Vendor Specified"): its meaning is the device maker\'s. Name it in a custom-codes file (syncml.customCodes) to have it decoded',
  },
  {
    code: 'unknown-alert-type',
    what: 'a Generic Alert type no management object has',
    text: dmMessage(genericAlert('[[com.example.unknown]]', '1')),
    message: "Generic Alert type 'com.example.unknown' names no known management object, so its Data cannot be checked",
  },
  {
    code: 'xml-syntax',
    what: 'a root element the document never closes',
    text: '[[<SyncML]]><SyncBody><Final/></SyncBody>',
    message: '<SyncML> is not closed: the document ends first',
  },
  {
    code: 'malformed-uri',
    what: "a line break pasted into the LocURI of a profile (Fleet's shape, opened as xml)",
    text: [
      '<Replace>',
      '  <!-- Enable device passwords -->',
      '  <CmdID>1</CmdID>',
      '  <Item>',
      '    <Target>',
      '      <LocURI>./Device/Vendor/MSFT/Policy/Config/[[',
      '        ]]DeviceLock/DevicePasswordEnabled</LocURI>',
      '    </Target>',
      '    <Meta><Format xmlns="syncml:metinf">int</Format></Meta>',
      '    <Data>0</Data>',
      '  </Item>',
      '</Replace>',
      '',
    ].join('\n'),
    languageId: 'xml',
    message: 'A line break inside the LocURI: the device reads it as part of the URI and answers 404',
  },
  {
    code: 'markup-in-data',
    what: "a raw Wi-Fi profile in a chr WlanXml (Fleet issue #16316's shape)",
    text: [
      '<Replace>',
      '  <CmdID>2</CmdID>',
      '  <Item>',
      '    <Target><LocURI>./Device/Vendor/MSFT/WiFi/Profile/MARGROUP/WlanXml</LocURI></Target>',
      '    <Meta><Format xmlns="syncml:metinf">chr</Format><Type xmlns="syncml:metinf">text/plain</Type></Meta>',
      '    <Data>',
      '      [[<WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1">',
      '        <name>MARGROUP</name>',
      '      </WLANProfile>]]',
      '    </Data>',
      '  </Item>',
      '</Replace>',
      '',
    ].join('\n'),
    languageId: 'xml',
    message:
      'Raw XML (<WLANProfile>) inside a Data whose Format is chr: the node takes its value as text, so the markup must be escaped or wrapped in CDATA (OMA DM RepPro §4.1.3.1)',
  },
  {
    code: 'unknown-node',
    what: 'a typo in a policy name (quick fix: the closest name)',
    text: profile('Replace', './Device/Vendor/MSFT/Policy/Config/DeviceLock/[[DevicePasswordEnabeld]]', 'int', '0'),
    languageId: 'xml',
    message: "'DevicePasswordEnabeld' is not a node of ./Device/Vendor/MSFT/Policy/Config/DeviceLock: did you mean 'DevicePasswordEnabled'?",
  },
  {
    code: 'unknown-node',
    what: 'a device-only policy under ./User: the range is the scope, and the message names the one that has it',
    text: profile('Replace', './[[User]]/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled', 'int', '0'),
    languageId: 'xml',
    message: "'DeviceLock' is not a node of ./User/Vendor/MSFT/Policy/Config: it exists under ./Device, not ./User: this policy is device-only",
  },
  {
    code: 'command-not-allowed',
    what: 'a Replace on a Get-only node: the range is the command name',
    text: '<[[Replace]]><CmdID>1</CmdID><Item><Target><LocURI>./Vendor/MSFT/DeviceStatus/OS/Edition</LocURI></Target><Data>4</Data></Item></Replace>',
    languageId: 'xml',
    message: 'Replace is not allowed on Edition: its access types are Get (the device answers 405 Command not allowed)',
  },
  {
    code: 'format-mismatch',
    what: 'chr for an int node: the range is the Format value',
    text: profile('Replace', './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled', '[[chr]]', '0'),
    languageId: 'xml',
    message: "Format chr, but DevicePasswordEnabled is an int node (its DDF's DFFormat): the device rejects a value in another format",
  },
  {
    code: 'format-mismatch',
    what: 'an int node sent with no Format (chr by default): the range is the Data',
    text: profile('Replace', './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled', undefined, '[[0]]'),
    languageId: 'xml',
    message:
      'No Meta/Format, so the Data is sent as chr (the default), but DevicePasswordEnabled is an int node: add <Meta><Format xmlns="syncml:metinf">int</Format></Meta> to the item',
  },
  {
    code: 'value-not-allowed',
    what: 'an hour of 27 where the range is 0 to 23',
    text: profile('Replace', './Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart', 'int', '[[27]]'),
    languageId: 'xml',
    message: '27 is outside the allowed range of ActiveHoursStart: 0 to 23',
  },
  {
    code: 'value-not-allowed',
    what: 'an integer sent to an ADMX-backed policy',
    text: profile('Replace', './Device/Vendor/MSFT/Policy/Config/ADMX_PowerShellExecutionPolicy/EnableScripts', 'chr', '[[1]]'),
    languageId: 'xml',
    message:
      '\'1\' is not an ADMX policy payload: EnableScripts is ADMX-backed and takes <enabled/> or <disabled/>, optionally followed by <data id="…" value="…"/> elements, escaped or in CDATA',
  },
  {
    code: 'deprecated-node',
    what: 'a policy its DDF marks deprecated: the range is the last segment',
    text: profile('Replace', './Device/Vendor/MSFT/Policy/Config/AboveLock/[[AllowActionCenterNotifications]]', 'int', '0'),
    languageId: 'xml',
    message: 'AllowActionCenterNotifications is deprecated as of Windows 10.0.22000 (its DDF marks it Deprecated)',
  },
];

/** The sample's text without its markers, and the offsets of the marked range in that text. */
function unmark(sample: string): { text: string; start: number; end: number } {
  const start = sample.indexOf('[[');
  const close = sample.indexOf(']]', start);
  assert.ok(start >= 0 && close > start, 'a sample marks its range with [[ and ]]');
  const text = sample.slice(0, start) + sample.slice(start + 2, close) + sample.slice(close + 2);
  assert.ok(!text.includes('[[') && !text.includes(']]'), 'a sample marks one range');
  return { text, start, end: close - 2 };
}

describe('diagnostics: one sample per code, with its exact range and message', () => {
  for (const sample of SAMPLES) {
    it(`${sample.code}: ${sample.what}`, () => {
      const { text, start, end } = unmark(sample.text);
      const a = analyze(text, sample.languageId);
      const defaultSeverity = DIAGNOSTIC_CODES.find((c) => c.id === sample.code)!.defaultSeverity;
      assert.deepEqual(
        service.doValidation(a, DEFAULT_SETTINGS).map(({ code, range, severity, source, message }) => ({ code, range, severity, source, message })),
        [
          {
            code: sample.code,
            range: { start: a.document.positionAt(start), end: a.document.positionAt(end) },
            severity: lspSeverity(defaultSeverity),
            source: 'syncml',
            message: sample.message,
          },
        ],
      );
    });
  }

  it('every code of the registry has a sample above', () => {
    const sampled = new Set(SAMPLES.map((s) => s.code));
    assert.deepEqual(
      DIAGNOSTIC_CODES.map((c) => c.id).filter((id) => !sampled.has(id)),
      [],
    );
  });
});

describe('diagnostics and the settings', () => {
  it('severity overrides and off', () => {
    const a = analyze(dmMessage(status('Replace', '1200')));
    const asError = service.doValidation(a, { ...DEFAULT_SETTINGS, diagnostics: { enable: true, severity: { 'wrong-code-family': 'error' } } });
    assert.equal(asError[0].severity, 1);
    assert.deepEqual(service.doValidation(a, { ...DEFAULT_SETTINGS, diagnostics: { enable: true, severity: { 'wrong-code-family': 'off' } } }), []);
    assert.deepEqual(service.doValidation(a, { ...DEFAULT_SETTINGS, diagnostics: { enable: false, severity: {} } }), []);
  });

  it('a document above the large-file threshold is still checked, and hover answers on it', () => {
    const small = { ...DEFAULT_SETTINGS, largeFileThreshold: 100 };
    const a = analyze(dmMessage(status('Replace', '1200')));
    assert.equal(service.doValidation(a, small).length, 1);
    assert.ok(service.doHover(a, a.document.positionAt(a.document.getText().indexOf('1200') + 1)));
  });
});
