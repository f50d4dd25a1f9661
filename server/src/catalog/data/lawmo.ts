/**
 * LAWMO 1.0 result codes, codes.md §3.4. The specification's own table was not reachable; the
 * values come from two implementations (Symbian, MediaTek) that agree. The vendor ranges follow
 * the convention of the other MOs and are unverified.
 */
import type { CodeEntry } from '../types';
import { family } from './build';

const SRC = 'OMA LAWMO 1.0 result codes as implemented by Symbian and MediaTek (spec table not reachable) (codes.md §3.4)';
const CONVENTION = 'LAWMO 1.0, vendor range by MO convention, unverified (codes.md §3.4)';

export const LAWMO_RESULT: readonly CodeEntry[] = family('lawmo-result', SRC, [
  [1200, 'Operation succeeded', 'The lock or wipe operation succeeded.'],
  [1201, 'Wipe data succeeded', 'The device data was wiped.'],
  [
    1202,
    'Wipe data and associated list items succeeded',
    'The device data and the items of the wipe list were wiped (seen in MediaTek\'s implementation only).',
    { source: 'OMA LAWMO 1.0 result codes, MediaTek implementation only (codes.md §3.4)' },
  ],
  [1250, 'Successful – vendor specified', 'Success with a code chosen by the device maker; a vendor range by MO convention, unverified for LAWMO.', { to: 1299, kind: 'vendor', source: CONVENTION }],
  [1400, 'Client error', 'The operation failed on the client side.'],
  [1401, 'User cancelled', 'The user declined the operation.'],
  [1402, 'Fully lock device failed', 'The device could not be fully locked.'],
  [1403, 'Partially lock device failed', 'The device could not be partially locked.'],
  [1404, 'Unlock device failed', 'The device could not be unlocked.'],
  [1405, 'Wipe device data failed', 'Wiping the device data did not succeed.'],
  [1406, 'Wipe operation not performed', 'The wipe was not carried out.'],
  [1450, 'Client error – vendor specified', 'A client-side failure with a code chosen by the device maker; a vendor range by MO convention, unverified for LAWMO.', { to: 1499, kind: 'vendor', source: CONVENTION }],
]);
