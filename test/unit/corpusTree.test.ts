/**
 * The DM tree diagnostics on the real-world corpus: every one the 260 files get, each read by hand
 * against the Windows DDF (the bundled index, windows-2026-01) with the reason it is a real mistake.
 * A finding that appears or disappears fails the test: a new one is a false alarm until reviewed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../server/src/api';
import { decodeBytes } from '../../server/src/model/encoding';
import { corpusFiles } from '../support/corpus';
import { service } from '../support/service';

const TREE_CODES = new Set(['unknown-node', 'command-not-allowed', 'format-mismatch', 'value-not-allowed', 'deprecated-node']);

interface Expected {
  file: string;
  /** 1-based line of the range's start. */
  line: number;
  code: string;
  covered: string;
  why: string;
}

const SUPL_ADD = 'SUPL1 is a permanent node: its settings allow Get and Replace, not Add (the sample adds them)';
const CRYPTO = 'CryptographySuite is a child of NativeProfile, not of NativeProfile/Authentication';

const EXPECTED: readonly Expected[] = [
  { file: 'syncml/msdocs-bitlocker-csp-21.xml', line: 9, code: 'deprecated-node', covered: 'RequireStorageCardEncryption', why: 'the BitLocker DDF marks it Deprecated' },
  { file: 'syncml/msdocs-firewall-csp-01.xml', line: 5, code: 'command-not-allowed', covered: 'Add', why: 'DefaultOutboundAction allows Get and Replace; the sample Adds it' },
  {
    file: 'syncml/msdocs-passportforwork-csp-01.xml',
    line: 198,
    code: 'unknown-node',
    covered: 'FacialFeatureUseEnhancedAntiSpoofing',
    why: 'the node is FacialFeaturesUseEnhancedAntiSpoofing (Features, plural)',
  },
  { file: 'syncml/msdocs-supl-csp-03.xml', line: 3, code: 'command-not-allowed', covered: 'Add', why: SUPL_ADD },
  { file: 'syncml/msdocs-supl-csp-03.xml', line: 13, code: 'command-not-allowed', covered: 'Add', why: SUPL_ADD },
  { file: 'syncml/msdocs-supl-csp-03.xml', line: 23, code: 'command-not-allowed', covered: 'Add', why: SUPL_ADD },
  { file: 'syncml/msdocs-supl-csp-03.xml', line: 33, code: 'command-not-allowed', covered: 'Add', why: SUPL_ADD },
  { file: 'syncml/msdocs-supl-csp-03.xml', line: 38, code: 'format-mismatch', covered: 'int', why: 'LocMasterSwitchDependencyNII is a bool node; the sample sends int 1' },
  { file: 'syncml/msdocs-supl-csp-03.xml', line: 43, code: 'command-not-allowed', covered: 'Add', why: SUPL_ADD },
  { file: 'syncml/msdocs-supl-csp-03.xml', line: 54, code: 'command-not-allowed', covered: 'Add', why: SUPL_ADD },
  { file: 'syncml/msdocs-windowslicensing-csp-06.xml', line: 7, code: 'deprecated-node', covered: 'UpgradeEditionWithLicense', why: 'the WindowsLicensing DDF marks it Deprecated' },
  {
    file: 'fragments/fleet-windows-defender-compliance-settings.xml',
    line: 20,
    code: 'unknown-node',
    covered: 'DisableAntiVirus',
    why: 'no such Policy CSP Defender setting (Microsoft: "not supported by the built-in ADMX", windows-itpro-docs#2296); a later version of the profile in fleetdm/fleet drops it',
  },
  {
    file: 'fragments/fleet-windows-defender-compliance-settings.xml',
    line: 34,
    code: 'unknown-node',
    covered: 'DisableAntiSpyware',
    why: 'no such Policy CSP Defender setting (the ADMX one is ADMX_MicrosoftDefenderAntivirus/DisableAntiSpywareDefender); dropped in the later version too',
  },
  {
    file: 'fragments/fleet-windows-defender-compliance-settings.xml',
    line: 104,
    code: 'unknown-node',
    covered: 'ADMX_MSSecurityGuide',
    why: 'no such area: the security guide settings are the MSSecurityGuide area, and an ingested ADMX area has ~ in its name; dropped in the later version too',
  },
  {
    file: 'fragments/msdocs-enterprisemodernappmanagement-csp-03.xml',
    line: 5,
    code: 'unknown-node',
    covered: 'Device',
    why: 'AppManagement/RemovePackage exists under ./User only; the sample addresses ./Device',
  },
  { file: 'fragments/msdocs-nodecache-csp-06.xml', line: 21, code: 'command-not-allowed', covered: 'Replace', why: 'AutoSetExpectedValue allows Get, Add and Delete; the sample Replaces it' },
  { file: 'fragments/msdocs-vpnv2-csp-08.xml', line: 113, code: 'unknown-node', covered: 'Lockdown', why: 'VPNv2 profiles have no Lockdown node (the sample predates the current DDF)' },
  { file: 'fragments/msdocs-vpnv2-csp-12.xml', line: 56, code: 'value-not-allowed', covered: 'Eap', why: 'NativeProfile/Authentication/MachineMethod takes Certificate only' },
  { file: 'fragments/msdocs-vpnv2-csp-12.xml', line: 65, code: 'unknown-node', covered: 'CryptographySuite', why: CRYPTO },
  { file: 'fragments/msdocs-vpnv2-csp-12.xml', line: 74, code: 'unknown-node', covered: 'CryptographySuite', why: CRYPTO },
  { file: 'fragments/msdocs-vpnv2-csp-12.xml', line: 83, code: 'unknown-node', covered: 'CryptographySuite', why: CRYPTO },
  { file: 'fragments/msdocs-vpnv2-csp-12.xml', line: 92, code: 'unknown-node', covered: 'CryptographySuite', why: CRYPTO },
  { file: 'fragments/msdocs-vpnv2-csp-12.xml', line: 101, code: 'unknown-node', covered: 'CryptographySuite', why: CRYPTO },
  { file: 'fragments/msdocs-vpnv2-csp-12.xml', line: 110, code: 'unknown-node', covered: 'CryptographySuite', why: CRYPTO },
];

describe('the DM tree diagnostics on the real-world corpus', () => {
  it('are exactly the reviewed findings, each a real mistake', () => {
    const found: Omit<Expected, 'why'>[] = [];
    for (const f of corpusFiles()) {
      const decoded = decodeBytes(f.bytes);
      if (!decoded.ok) throw new Error(`${f.name}: ${decoded.reason}`);
      const document = TextDocument.create(`file:///corpus/${f.name}`, f.languageId, 1, decoded.text);
      for (const d of service.doValidation(service.analyze(document, f.languageId), DEFAULT_SETTINGS)) {
        if (!TREE_CODES.has(String(d.code))) continue;
        found.push({ file: f.name, line: d.range.start.line + 1, code: String(d.code), covered: document.getText(d.range) });
      }
    }
    assert.deepEqual(
      found,
      EXPECTED.map(({ why: _why, ...finding }) => finding),
    );
  });

  it('Fleet profiles get none but the three nodes Windows lacks in the Defender profile', () => {
    const fleet = EXPECTED.filter((e) => e.file.startsWith('fragments/fleet-'));
    assert.deepEqual(new Set(fleet.map((e) => e.file)), new Set(['fragments/fleet-windows-defender-compliance-settings.xml']));
    assert.ok(corpusFiles().filter((f) => f.name.startsWith('fragments/fleet-')).length >= 5, 'the corpus holds Fleet profiles');
  });
});
