/**
 * SACMO result codes: SACMO §8.4 "SACMO Result Code", final table of the OMA DM WG change
 * request in seeds/000 (R01). Result messages exactly as the seed writes them (doubled spaces
 * reduced to one, trailing spaces dropped); descriptions are ours. codes.md §3.3.
 *
 * The CR deleted five codes and renumbered the rest; the names of the deleted codes are unknown,
 * so only the one stale number the seed itself still prints is recorded: 1418, which the
 * informative copy of the Security Considerations gives for "Workflow aborted – authorization
 * failure" while the normative text (and the table) say 1413. The numbers the final table no longer
 * reaches (1414-1417) are no entries; the family's `removed` note (families.ts) speaks for them.
 */
import type { CodeEntry } from '../types';
import { family } from './build';

const SRC = 'OMA-DM-SACMO CR R01 (SACMO §8.4 “SACMO Result Code”, final table) (codes.md §3.3)';
const VENDOR = { kind: 'vendor' } as const;

export const SACMO_RESULT: readonly CodeEntry[] = family('sacmo-result', SRC, [
  [1200, 'Successful', 'The SACMO request succeeded.'],
  [1250, 'Successful – Vendor Specified', 'Success, with a result code chosen by the device maker.', { ...VENDOR, to: 1299 }],
  [1400, 'Client Error', 'The operation failed on the client side, because of the user or the device.'],
  [1401, 'User cancelled', 'The user declined the operation when asked.'],
  [1402, 'Transaction Failed', 'The transaction did not succeed.'],
  [1403, 'Transaction failed due to Device is out of memory', 'The device did not have enough memory to run the transaction.'],
  [1404, 'Start failed', 'The Start operation did not succeed.'],
  [1405, 'Stop failed', 'The Stop operation did not succeed.'],
  [1406, 'Suspend failed', 'The Suspend operation did not succeed.'],
  [1407, 'Resume failed', 'The Resume operation did not succeed.'],
  [1408, 'Rollback failed', 'The Rollback operation did not succeed.'],
  [1409, 'Undefined Error', 'A failure that no other code describes.'],
  [1410, 'Workflow does not exist', 'The workflow asked for is not on the device.'],
  [1411, 'Step does not exist', 'The step asked for is not on the device.'],
  [1412, 'Process does not exist', 'The process asked for is not on the device.'],
  [1413, 'Workflow aborted – authorization failure', 'The workflow was stopped because the requesting server has no rights on a management object that one of its processes uses.'],
  [
    1418,
    'Workflow aborted – authorization failure',
    'Stale number for the authorization failure: the CR changed it to 1413 but left 1418 in the informative copy of the Security Considerations. Use 1413.',
    {
      kind: 'obsolete',
      replacedBy: 1413,
      source: 'OMA-DM-SACMO CR R01, informative Security Considerations copy (stale pre-CR number) (codes.md §3.3)',
    },
  ],
  [1450, 'Client Error – Vendor Specified', 'A client-side failure, with a result code chosen by the device maker.', { ...VENDOR, to: 1499 }],
  [1500, 'Alternate Download Server Error', 'The alternate download server reported an error.'],
  [1501, 'Alternate Download Server Unavailable', 'The alternate download server is unavailable or does not answer.'],
  [1550, 'Alternate Download Server Error – Vendor Specified', 'A download-server failure, with a result code chosen by the device maker.', { ...VENDOR, to: 1599 }],
]);
