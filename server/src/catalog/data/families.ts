/**
 * One FamilyInfo per family id, in FAMILY_IDS order, and the management objects that have no
 * published code table (codes.md §3.6).
 */
import type { FamilyId, FamilyInfo } from '../types';

export const FAMILY_INFO: Readonly<Record<FamilyId, FamilyInfo>> = {
  'syncml-status': {
    id: 'syncml-status',
    title: 'SyncML status code',
    source: 'SyncML RepPro 1.1/1.2 §10 Response Status Codes, plus DM 1.3 (217) (codes.md §1.1)',
    description: 'The outcome of a command, carried in Status/Data (101-517; DM and DS profiles).',
  },
  'dm-alert': {
    id: 'dm-alert',
    title: 'OMA DM alert code',
    source: 'OMA DM RepPro 1.2 Alert Codes (codes.md §2.1)',
    description: 'The kind of a DM Alert command, carried in Alert/Data (1100-1299).',
  },
  'ds-alert': {
    id: 'ds-alert',
    title: 'SyncML DS alert code',
    source: 'SyncML DS alert codes, plus Funambol extensions (codes.md §2.3)',
    description: 'The kind of a Data Sync Alert command (sync type and session control), carried in Alert/Data (100-252).',
  },
  'fumo-result': {
    id: 'fumo-result',
    title: 'FUMO result code',
    source: 'OMA FUMO 1.0 Result Codes (codes.md §3.1)',
    description: 'Outcome of a firmware update operation, in a FUMO Generic Alert or a synchronous Exec result (200-599).',
  },
  'scomo-result': {
    id: 'scomo-result',
    title: 'SCOMO result code',
    source: 'SCOMO 1.1 Table 5 “SCOMO Result Codes” as amended by the OMA-DM-SCOMO CR (seeds/001) (codes.md §3.2)',
    description: 'Outcome of a software component operation, in a SCOMO Generic Alert or a synchronous Exec result (1200-1599).',
  },
  'sacmo-result': {
    id: 'sacmo-result',
    title: 'SACMO result code',
    source: 'SACMO §8.4 “SACMO Result Code” as amended by the OMA-DM-SACMO CR R01 (seeds/000) (codes.md §3.3)',
    description: 'Outcome of a software and application control operation, in a SACMO Generic Alert or a synchronous Exec result (1200-1599).',
    removed: {
      from: 1414,
      to: 1417,
      note: 'removed from the SACMO table before approval: the change request deleted five codes and renumbered the rest, so this number has no SACMO meaning (codes.md §3.3)',
    },
  },
  'lawmo-result': {
    id: 'lawmo-result',
    title: 'LAWMO result code',
    source: 'OMA LAWMO 1.0 result codes from the Symbian and MediaTek implementations (codes.md §3.4)',
    description: 'Outcome of a lock or wipe operation, in a LAWMO Generic Alert or a synchronous Exec result (1200-1499).',
  },
  'fumo-state': {
    id: 'fumo-state',
    title: 'FUMO state',
    source: 'OMA FUMO 1.0 State node (codes.md §4.1)',
    description: 'Value of the FUMO <x>/State node (10-100).',
  },
  'scomo-download-status': {
    id: 'scomo-download-status',
    title: 'SCOMO download status',
    source: 'OMA SCOMO Download/<x>/Status node (codes.md §4.2)',
    description: 'Value of the SCOMO Download/<x>/Status node (10-70).',
  },
  'scomo-delivered-status': {
    id: 'scomo-delivered-status',
    title: 'SCOMO delivered-package status',
    source: 'OMA SCOMO Inventory/Delivered/<x>/Status node (codes.md §4.2)',
    description: 'Value of the SCOMO Inventory/Delivered/<x>/Status node (10-60).',
  },
  'scomo-delivered-state': {
    id: 'scomo-delivered-state',
    title: 'SCOMO delivered-package state',
    source: 'OMA SCOMO Inventory/Delivered/<x>/State node, as implemented by MediaTek (codes.md §4.2)',
    description: 'Value of the SCOMO Inventory/Delivered/<x>/State node (10, 20).',
  },
  'scomo-deployed-status': {
    id: 'scomo-deployed-status',
    title: 'SCOMO deployed-component status',
    source: 'OMA SCOMO Inventory/Deployed/<x>/Status node (codes.md §4.2)',
    description: 'Value of the SCOMO Inventory/Deployed/<x>/Status node (10-70).',
  },
  'scomo-deployed-state': {
    id: 'scomo-deployed-state',
    title: 'SCOMO deployed-component state',
    source: 'OMA SCOMO Inventory/Deployed/<x>/State node, as implemented by MediaTek (codes.md §4.2)',
    description: 'Value of the SCOMO Inventory/Deployed/<x>/State node (10, 20).',
  },
  'lawmo-state': {
    id: 'lawmo-state',
    title: 'LAWMO state',
    source: 'OMA LAWMO 1.0 State node (codes.md §4.3)',
    description: 'Value of the LAWMO <lawmo>/State node (10-30).',
  },
  'healthattestation-status': {
    id: 'healthattestation-status',
    title: 'HealthAttestation status',
    source: 'Windows HealthAttestation CSP Status node (codes.md §4.6)',
    description: 'Value of the Windows ./Vendor/MSFT/HealthAttestation/Status node (0-36, 400, 404, 0xFFFF); not a SyncML status.',
  },
  'dcmo-result': {
    id: 'dcmo-result',
    title: 'DCMO result code',
    source: 'Microsoft Intune “OMA response codes”, the DCMO rows (codes.md §3.5)',
    description: 'Outcome of a device capability operation (enable, disable), in a DCMO Generic Alert or a synchronous Exec result (1200-1204, 1400-1402).',
  },
};

export const UNPUBLISHED: readonly { mo: string; note: string }[] = [
  {
    mo: 'DiagMon',
    note: 'DiagMon alert types are registered (OperationComplete, trap and data reports) but no result-code table was found in any source (codes.md §3.6).',
  },
  {
    mo: 'ConnMO',
    note: 'ConnMO objects are settings (NAP, proxy, 3GPP, CDMA, EAP, HTTP, WAP, WLAN); no alert type is registered and no result-code table was found (codes.md §3.6).',
  },
  {
    mo: 'GwMO',
    note: 'GwMO alert types are registered as a root plus type names, but how they are joined is unverified, and no result-code table was found (codes.md §3.6, §3.8).',
  },
  {
    mo: 'MgmtPolicyMO',
    note: 'The policyreport alert type is registered, but no result-code table was found (codes.md §3.6).',
  },
  {
    mo: 'BMO',
    note: 'OMA BMO (urn:oma:mo:oma_bmo:1.0) defines no codes that could be found (codes.md §3.6).',
  },
  {
    mo: 'VendorMO',
    note: 'No codes found (codes.md §3.6).',
  },
];
