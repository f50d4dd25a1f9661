/**
 * DCMO result codes: the rows labelled "DCMO(…)" in Microsoft Intune's "OMA response codes" table
 * (Common error codes and descriptions in Microsoft Intune,
 * learn.microsoft.com/troubleshoot/mem/intune/general/troubleshoot-company-resource-access-problems).
 * Result messages as that table spells them; descriptions are ours.
 *
 * Left out on purpose: the same table lists 1403 ("Certificate not found") and 1404 ("Certificate
 * access denied") without the DCMO label, so they are not DCMO rows, and no source gives DCMO
 * vendor ranges.
 */
import type { CodeEntry } from '../types';
import { family } from './build';

const SRC = 'Microsoft Intune, Common error codes: “OMA response codes”, DCMO rows (codes.md §3.5)';

export const DCMO_RESULT: readonly CodeEntry[] = family('dcmo-result', SRC, [
  [1200, 'Operation is performed successfully', 'The DCMO operation succeeded.'],
  [1201, 'Enable operation is performed successfully and the Device Capability is currently attached', 'The capability was enabled and is attached to the device.'],
  [1202, 'Enable operation is performed successfully but the Device Capability is currently detached', 'The capability was enabled, but it is not attached to the device now.'],
  [1203, 'Device Capability is disabled and User is not allowed to re-enable it', 'The capability was disabled and the user may not enable it again.'],
  [1204, 'Device Capability is disabled and User is allowed to re-enable it', 'The capability was disabled; the user may enable it again.'],
  [1400, 'Client error', 'The operation failed on the client side.'],
  [1401, 'User chose not to accept the operation when prompted', 'The user declined the operation when asked.'],
  [1402, 'The Operation failed', 'The DCMO operation did not succeed.'],
]);
