/**
 * Windows error values that are not a SyncML status wrapped in 0x87D1xxxx: Intune's error tables
 * (intuneErrors.ts) and the Windows SDK's configuration manager errors (cfgmgrErrors.ts), as one
 * list. Only values a published table lists; a value in no table is not guessed at.
 */
import type { WindowsError } from '../types';
import { CFGMGR_ERRORS } from './cfgmgrErrors';
import { INTUNE_ERRORS } from './intuneErrors';

/**
 * The HRESULT span whose low word is the SyncML status inside (codes.md §1.3): Intune's "OMA
 * response codes" table lists 0x87D10065 (101) to 0x87D10205 (517), the lowest and highest SyncML
 * status codes. Other 0x87D1xxxx values are Intune's own errors, or in no table.
 */
export const SYNCML_HRESULT_FIRST = 0x87d10065;
export const SYNCML_HRESULT_LAST = 0x87d10205;

export const WINDOWS_ERRORS: readonly WindowsError[] = Object.freeze([...CFGMGR_ERRORS, ...INTUNE_ERRORS]);
