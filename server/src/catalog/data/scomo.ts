/**
 * SCOMO result codes: SCOMO 1.1 Table 5 "SCOMO Result Codes" as amended by the OMA DM WG change
 * request in seeds/001 (which adds 1505). Result messages exactly as the seed writes them, with
 * the seed's doubled spaces reduced to one and trailing spaces dropped; descriptions are ours.
 * codes.md §3.2.
 */
import type { CodeEntry } from '../types';
import { family } from './build';

const SRC = 'OMA-DM-SCOMO CR (SCOMO 1.1 Table 5 “SCOMO Result Codes”, adds 1505) (codes.md §3.2)';
const VENDOR = { kind: 'vendor' } as const;

export const SCOMO_RESULT: readonly CodeEntry[] = family('scomo-result', SRC, [
  [1200, 'Successful', 'The software component operation succeeded.'],
  [1250, 'Successful – Vendor Specified', 'Success, with a result code chosen by the device maker.', { ...VENDOR, to: 1299 }],
  [1400, 'Client Error', 'The operation failed on the client side, because of the user or the device.'],
  [1401, 'User Cancelled', 'The user declined the operation when asked.'],
  [1402, 'Download Failed', 'Downloading the software component did not succeed.'],
  [1403, 'Alternate Download Authentication Failure', 'The download needed authentication, and authentication failed.'],
  [1404, 'Download Failed Due to Device being Out of Memory', 'There was not enough memory on the device to store the delivery package.'],
  [1405, 'Install Failed', 'Installing the software component did not succeed.'],
  [1406, 'Install Failed Due to Device being Out of Memory', 'There was not enough memory on the device to install the component.'],
  [1407, 'Failed Package Validation', 'The digital signature of the delivery package could not be validated.'],
  [1408, 'Remove Failed', 'Removing the software component did not succeed.'],
  [1409, 'Activate Failed', 'Activating the software component did not succeed.'],
  [1410, 'Deactivate Failed', 'Deactivating the software component did not succeed.'],
  [1411, 'Not Implemented', 'The device does not support the requested operation.'],
  [1412, 'Undefined Error', 'A failure that no other code describes.'],
  [1413, 'Operation Rejected – Unsupported Environment', 'Rejected because the device does not support the target environment type.'],
  [1414, 'Corrupted Package', 'The delivery package is corrupt (detected e.g. by a CRC check).'],
  [1415, 'Component Not Acceptable', 'The device will not accept the software component.'],
  [1416, 'Firmware Update In Progress', 'Rejected because a firmware update is running.'],
  [1450, 'Client Error – Vendor Specified', 'A client-side failure, with a result code chosen by the device maker.', { ...VENDOR, to: 1499 }],
  [1500, 'Alternate Download Server Error', 'The alternate download server reported an error.'],
  [1501, 'Alternate Download Server Unavailable', 'The alternate download server is unavailable or does not answer.'],
  [1502, 'Alternate Download Request Time-Out', 'Downloading the delivery package timed out.'],
  [1503, 'Malformed or Bad URL', 'The alternate download URL is malformed, or the server\'s answer is not in the expected format.'],
  [1504, 'Download Fails Due To Network Issues', 'The download failed because of a network or transport error.'],
  [1505, 'Download Fails Due To Unknown Reason', 'The download failed for a reason the device cannot tell (added by the CR, action DM-2011-A017).'],
  [1550, 'Alternate Download Server Error – Vendor Specified', 'A download-server failure, with a result code chosen by the device maker.', { ...VENDOR, to: 1599 }],
]);
