/**
 * FUMO 1.0 result codes (Generic Alert Item/Data or synchronous Exec result), codes.md §3.1.
 * Three-digit codes that collide with SyncML statuses: the context decides which table applies.
 * Where the Chinese FUMO translation and MediaTek's enum disagree (412, 500), codes.md §6 trusts
 * MediaTek, and so do we.
 */
import type { CodeEntry } from '../types';
import { family } from './build';

const SRC = 'OMA FUMO 1.0 (OMA-TS-DM-FUMO-V1_0) Result Codes (codes.md §3.1)';
const VENDOR = { kind: 'vendor' } as const;

export const FUMO_RESULT: readonly CodeEntry[] = family('fumo-result', SRC, [
  [200, 'Successful', 'The firmware operation succeeded.'],
  [250, 'Successful – Vendor Specified', 'Success, with a result code chosen by the device maker.', { ...VENDOR, to: 299 }],
  [400, 'Management Client Error', 'The operation failed on the client side, because of the user or the device.'],
  [401, 'User Cancelled', 'The user declined the operation.'],
  [402, 'Corrupted Firmware Update Package', 'The stored update package is corrupt (e.g. a CRC error).'],
  [403, 'Firmware Update Package – Device Mismatch', 'The update package is not meant for this device.'],
  [404, 'Failed Firmware Update Package Validation', 'The signature of the update package could not be validated.'],
  [405, 'Firmware Update Package Not Acceptable', 'The device will not accept the update package.'],
  [406, 'Alternate Download Authentication Failure', 'Authentication failed while downloading from the alternate download server.'],
  [407, 'Alternate Download Request Time-Out', 'The download request timed out.'],
  [408, 'Not Implemented', 'The device does not support the requested operation.'],
  [409, 'Undefined Error', 'A failure that no other code describes.'],
  [410, 'Firmware Update Failed', 'The device failed to apply the update.'],
  [411, 'Malformed or Bad URL', 'The alternate download URL is malformed or wrong.'],
  [412, 'Alternate Download Server Unavailable', 'The alternate download server is unavailable or does not answer.'],
  [450, 'Client Error – Vendor Specified', 'A client-side failure, with a result code chosen by the device maker.', { ...VENDOR, to: 499 }],
  [500, 'Alternate Download Server Error', 'The alternate download server reported an error.'],
  [501, 'Download fails due to device is out of memory', 'There is no room on the device to store the package.'],
  [502, 'Firmware update fails due to device out of memory', 'There is no room on the device to carry out the update.'],
  [503, 'Download fails due to network issues', 'The download failed because of a network or transport error.'],
  [550, 'Alternate Download Server Error – Vendor Specified', 'A download-server failure, with a result code chosen by the device maker.', { ...VENDOR, to: 599 }],
]);
