/**
 * Generic Alert (1226) and Client Event (1224) type strings (`Item/Meta/Type`), codes.md §3.8.
 * `family` is set only where the alert's Item/Data is a result code of that family.
 *
 * Left out on purpose:
 * - GwMO: OMNA registers a root (urn:oma:at:oma-gwmo) and type names, but how they are joined
 *   into one string is unverified; we do not guess it.
 * - The FUMO devicerequest / userrequest types are listed, but without a family: they ask the
 *   server for an update rather than report an outcome, and FUMO §10.3.1.4 makes their data
 *   vendor-specific or empty, so it is not a FUMO result code (nor is the Source path consulted).
 */
import type { AlertTypeInfo } from '../types';

const OMNA = 'OMNA DM alert type registry (codes.md §3.8)';

const TYPES: AlertTypeInfo[] = [
  // FUMO (reversed-domain types; no urn:oma:at:fumo type exists)
  { type: 'org.openmobilealliance.dm.firmwareupdate.download', family: 'fumo-result', mo: 'FUMO', alert: 1226, format: 'int', source: OMNA, description: 'Result of a FUMO Exec on <x>/Download.' },
  { type: 'org.openmobilealliance.dm.firmwareupdate.update', family: 'fumo-result', mo: 'FUMO', alert: 1226, format: 'int', source: OMNA, description: 'Result of a FUMO Exec on <x>/Update.' },
  { type: 'org.openmobilealliance.dm.firmwareupdate.downloadandupdate', family: 'fumo-result', mo: 'FUMO', alert: 1226, format: 'int', source: OMNA, description: 'Result of a FUMO Exec on <x>/DownloadAndUpdate.' },
  { type: 'org.openmobilealliance.dm.firmwareupdate.devicerequest', mo: 'FUMO', alert: 1226, source: OMNA, description: 'The device asks the server for a firmware update (device-initiated); its data is not a result code.' },
  { type: 'org.openmobilealliance.dm.firmwareupdate.userrequest', mo: 'FUMO', alert: 1226, source: OMNA, description: 'The user asks for a firmware update check (user-initiated); its data is not a result code.' },

  // SCOMO
  { type: 'urn:oma:at:scomo:1.0:OperationComplete', family: 'scomo-result', mo: 'SCOMO', alert: 1226, format: 'int', source: OMNA, description: 'Result of a SCOMO operation.' },
  {
    type: 'org.openmobilealliance.dm.softwarecomponent.OperationComplete',
    family: 'scomo-result',
    mo: 'SCOMO',
    alert: 1226,
    format: 'int',
    legacy: true,
    source: 'Nokia/Symbian pre-standard SCOMO type (codes.md §3.8, §6)',
    description: 'Pre-standard (Nokia) spelling of the SCOMO result alert; the registered type is urn:oma:at:scomo:1.0:OperationComplete.',
  },

  // LAWMO, SACMO, DCMO
  { type: 'urn:oma:at:lawmo:1.0:OperationComplete', family: 'lawmo-result', mo: 'LAWMO', alert: 1226, format: 'int', source: 'LAWMO implementations (MediaTek, Symbian, ASUS); not in the OMNA page copy (codes.md §3.8)', description: 'Result of a LAWMO operation (lock, unlock, wipe).' },
  { type: 'urn:oma:at:sacmo:1.0:OperationReport', family: 'sacmo-result', mo: 'SACMO', alert: 1226, format: 'int', source: OMNA, description: 'Outcome of a SACMO operation.' },
  { type: 'urn:oma:at:dcmo:1.0:OperationComplete', family: 'dcmo-result', mo: 'DCMO', alert: 1226, format: 'int', source: 'OMA DM 2.0 specification example; not in the OMNA page copy (codes.md §3.8, §3.5); codes from Microsoft Intune “OMA response codes”', description: 'Result of a DCMO operation (enable or disable a device capability).' },

  // DiagMon
  { type: 'urn:oma:at:diagmon:1.0:OperationComplete', mo: 'DiagMon', alert: 1226, source: OMNA, description: 'Result of a DiagMon operation (DiagMon 1.0 and 1.1); no result-code table is published.' },
  { type: 'urn:oma:at:diagmon:1.0:TrapNotification', mo: 'DiagMon', alert: 1226, source: OMNA, description: 'A DiagMon trap is active or has fired.' },
  { type: 'urn:oma:at:diagmon:1.0:CollectedSimpleDataReport', mo: 'DiagMon', alert: 1226, source: OMNA, description: 'Collected diagnostics data, reported as node values.' },
  { type: 'urn:oma:at:diagmon:1.0:TrapInactiveNotification', mo: 'DiagMon', alert: 1226, source: OMNA, description: 'A DiagMon trap became inactive.' },
  { type: 'urn:oma:at:diagmon:1.0:TrapDeregistered', mo: 'DiagMon', alert: 1226, source: OMNA, description: 'An inward DiagMon trap was deregistered.' },

  // MgmtPolicyMO
  { type: 'urn:oma:at:oma-mgmtpolicymo:1.0:policyreport', mo: 'MgmtPolicyMO', alert: 1226, source: OMNA, description: 'Results of management-policy actions.' },

  // Windows MDM
  { type: 'com.microsoft:mdm.unenrollment.userrequest', mo: 'Windows MDM', alert: 1226, format: 'int', source: 'Microsoft MDM documentation (codes.md §3.8)', description: 'The user unenrolled the Windows device from management.' },
  {
    type: 'com.microsoft.mdm:HealthAttestation.Result',
    family: 'healthattestation-status',
    mo: 'Windows HealthAttestation',
    alert: 1226,
    format: 'int',
    source: 'Microsoft HealthAttestation CSP documentation (codes.md §3.8); its sample alert carries Data 3, a Status value (COMPLETE)',
    description: 'A device health attestation result is ready (raised from ./Vendor/MSFT/HealthAttestation/VerifyHealth); its data is a HealthAttestation Status value.',
  },
  { type: 'Reversed-Domain-Name:com.microsoft.mdm.EnterpriseStoreAppInstall.result', mo: 'Windows MDM', alert: 1226, source: 'Third-party server code only, unverified (codes.md §3.8)', description: 'Result of a Store app install (seen only in third-party server code; unverified).' },
  { type: 'com.microsoft/MDM/LoginStatus', mo: 'Windows MDM', alert: 1224, source: '[MS-MDM] and Microsoft MDM documentation (codes.md §3.8)', description: 'Client event in package 1: who is logged in (data user, others or none).' },
  { type: 'com.microsoft/MDM/AADUserToken', mo: 'Windows MDM', alert: 1224, source: '[MS-MDM] §3.2.5.1.2 (codes.md §3.8)', description: 'Client event carrying the Microsoft Entra user token.' },
  { type: 'com.microsoft.mdm.synctype', mo: 'Windows MDM', alert: 1224, source: '[MS-MDM] §3.2.5.1.5 (codes.md §3.8)', description: 'Client event giving the session scope on multi-session Windows (data user, device or mixed).' },
  { type: 'com.microsoft/MDM/DevicePrepSync', mo: 'Windows MDM', alert: 1224, source: '[MS-MDM] §3.2.5.1.6 (codes.md §3.8)', description: 'Client event reporting the device preparation phase (Windows 11 24H2).' },
  { type: 'Reversed-Domain-Name:com.microsoft.mdm.win32csp_install', mo: 'Windows MDM', alert: 1224, format: 'int', source: 'Microsoft EnterpriseDesktopAppManagement CSP documentation (codes.md §3.8)', description: 'Result of an asynchronous MSI install.' },

  // Hotspot 2.0 (Passpoint) OSU over OMA DM
  ...(['SubscriptionCreation', 'SubscriptionProvisioning', 'SubscriptionRemediation', 'PolicyUpdate'] as const).map(
    (t): AlertTypeInfo => ({
      type: `Reversed-Domain-Name: org.wi-fi.hotspot2dot0.${t}`,
      mo: 'Hotspot 2.0 PerProviderSubscription',
      alert: 1226,
      format: 'xml',
      source: 'hostap hs20/client/oma_dm_client.c (codes.md §3.8)',
      description: `Hotspot 2.0 online sign-up over OMA DM: ${t.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}; the data is XML from ./Wi-Fi/org.wi-fi/PerProviderSubscription.`,
    }),
  ),
];

export const ALERT_TYPES: readonly AlertTypeInfo[] = TYPES.map((t) => Object.freeze(t));
