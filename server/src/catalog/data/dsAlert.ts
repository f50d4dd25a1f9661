/**
 * SyncML DS alert codes (`<Alert><Data>` in Data Sync), codes.md §2.3. 226 (seen only as a
 * mislabelled pysyncml status constant) is unverified and has no entry.
 */
import type { CodeEntry } from '../types';
import { family } from './build';

const SRC = 'SyncML DS alert codes (codes.md §2.3)';
const FUNAMBOL = 'Funambol SDK alert constants, vendor extension (codes.md §2.3)';
const DS = { profile: 'DS' } as const;
const VENDOR = { profile: 'DS', kind: 'vendor', source: FUNAMBOL } as const;

export const DS_ALERT: readonly CodeEntry[] = family('ds-alert', SRC, [
  [100, 'DISPLAY', 'Show a message to the user.', DS],
  [101, 'reserved', 'Reserved; not a valid alert.', { ...DS, to: 150, kind: 'reserved' }],
  [200, 'TWO-WAY', 'Normal two-way synchronization.', DS],
  [201, 'SLOW SYNC', 'Two-way synchronization that compares every item.', DS],
  [202, 'ONE-WAY FROM CLIENT', 'Only the client\'s changes are sent to the server.', DS],
  [203, 'REFRESH FROM CLIENT', 'The server\'s data is replaced by the client\'s.', DS],
  [204, 'ONE-WAY FROM SERVER', 'Only the server\'s changes are sent to the client.', DS],
  [205, 'REFRESH FROM SERVER', 'The client\'s data is replaced by the server\'s.', DS],
  [206, 'TWO-WAY BY SERVER', 'Two-way synchronization, started at the server\'s request.', DS],
  [207, 'ONE-WAY FROM CLIENT BY SERVER', 'One-way synchronization from the client, started at the server\'s request.', DS],
  [208, 'REFRESH FROM CLIENT BY SERVER', 'Refresh from the client, started at the server\'s request.', DS],
  [209, 'ONE-WAY FROM SERVER BY SERVER', 'One-way synchronization from the server, started at the server\'s request.', DS],
  [210, 'REFRESH FROM SERVER BY SERVER', 'Refresh from the server, started at the server\'s request.', DS],
  [211, 'reserved', 'Reserved; not a valid alert.', { ...DS, to: 220, kind: 'reserved' }],
  [221, 'RESULT ALERT', 'Asks for the results of a synchronization.', DS],
  [222, 'NEXT MESSAGE', 'Asks for the next message of a package that spans several messages.', DS],
  [223, 'NO END OF DATA', 'The final chunk of a large object never arrived.', DS],
  [224, 'SUSPEND', 'Suspends the synchronization session (DS 1.2).', DS],
  [225, 'RESUME', 'Resumes a suspended synchronization session (DS 1.2).', DS],
  [250, '(Funambol) one-way from client, no slow', 'Funambol extension: one-way sync from the client without a slow sync.', VENDOR],
  [251, '(Funambol) one-way from client, slow', 'Funambol extension: one-way sync from the client with a slow sync.', VENDOR],
  [252, '(Funambol) one-way from server, slow', 'Funambol extension: one-way sync from the server with a slow sync.', VENDOR],
]);
