/**
 * Enumerated DM-tree node values (states), codes.md §4.1-4.3: the FUMO State node, the SCOMO
 * Download / Delivered / Deployed Status and State nodes, and the LAWMO State node.
 */
import type { CodeEntry } from '../types';
import { family } from './build';

const FUMO = 'OMA FUMO 1.0 <x>/State node values (codes.md §4.1)';
const SCOMO = 'OMA SCOMO 1.0/1.1 node values (Symbian, MediaTek) (codes.md §4.2)';
const SCOMO_MTK = 'OMA SCOMO node values as implemented by MediaTek (single source) (codes.md §4.2)';
const LAWMO = 'OMA LAWMO 1.0 <lawmo>/State node values (codes.md §4.3)';

export const FUMO_STATE: readonly CodeEntry[] = family('fumo-state', FUMO, [
  [10, 'Idle / Start', 'Nothing is pending.'],
  [20, 'Download Failed', 'The last download did not succeed.'],
  [30, 'Download Progressing', 'A download has started.'],
  [40, 'Download Complete', 'The download finished successfully.'],
  [50, 'Ready to Update', 'The package is on the device, waiting for the update command.'],
  [60, 'Update Progressing', 'The update has started.'],
  [70, 'Update Failed / Have Data', 'The update failed; the package is still on the device.'],
  [80, 'Update Failed / No Data', 'The update failed and the package is gone.'],
  [90, 'Update Successful / Have Data', 'The update succeeded; the package is still on the device.'],
  [100, 'Update Successful / No Data', 'The update succeeded and the package has been removed.'],
]);

export const SCOMO_DOWNLOAD_STATUS: readonly CodeEntry[] = family('scomo-download-status', `${SCOMO} — Download/<x>/Status`, [
  [10, 'Idle', 'Nothing is going on for this download.'],
  [20, 'Download Failed', 'The download did not succeed.'],
  [30, 'Download Progressing', 'The download is running.'],
  [40, 'Download Complete', 'The download finished successfully.'],
  [50, 'Install Progressing', 'The downloaded component is being installed.'],
  [60, 'Install Failed With Data', 'The install failed; the downloaded data is kept.'],
  [70, 'Install Failed Without Data', 'The install failed and the downloaded data is gone.'],
]);

export const SCOMO_DELIVERED_STATUS: readonly CodeEntry[] = family('scomo-delivered-status', `${SCOMO} — Inventory/Delivered/<x>/Status`, [
  [10, 'Idle', 'Nothing is going on for this delivered package.'],
  [20, 'Remove Failed', 'Removing the package did not succeed.'],
  [30, 'Remove Progressing', 'The package is being removed.'],
  [40, 'Install Progressing', 'The package is being installed.'],
  [50, 'Install Failed With Data', 'The install failed; the package data is kept.'],
  [60, 'Install Failed Without Data', 'The install failed and the package data is gone.'],
]);

export const SCOMO_DELIVERED_STATE: readonly CodeEntry[] = family('scomo-delivered-state', `${SCOMO_MTK} — Inventory/Delivered/<x>/State`, [
  [10, 'Delivered', 'The package is on the device but not installed.'],
  [20, 'Installed', 'The package has been installed.'],
]);

export const SCOMO_DEPLOYED_STATUS: readonly CodeEntry[] = family('scomo-deployed-status', `${SCOMO} — Inventory/Deployed/<x>/Status`, [
  [10, 'Idle', 'Nothing is going on for this deployed component.'],
  [20, 'Remove Failed', 'Removing the component did not succeed.'],
  [30, 'Remove Progressing', 'The component is being removed.'],
  [40, 'Activate Failed', 'Activating the component did not succeed.'],
  [50, 'Activate Progressing', 'The component is being activated.'],
  [60, 'Deactivate Failed', 'Deactivating the component did not succeed.'],
  [70, 'Deactivate Progressing', 'The component is being deactivated.'],
]);

export const SCOMO_DEPLOYED_STATE: readonly CodeEntry[] = family('scomo-deployed-state', `${SCOMO_MTK} — Inventory/Deployed/<x>/State`, [
  [10, 'Inactive', 'The component is installed but not active.'],
  [20, 'Active', 'The component is active.'],
]);

export const LAWMO_STATE: readonly CodeEntry[] = family('lawmo-state', LAWMO, [
  [10, 'Fully Locked', 'The device is fully locked.'],
  [20, 'Partially Locked', 'The device is partially locked.'],
  [30, 'Unlocked', 'The device is not locked.'],
]);
