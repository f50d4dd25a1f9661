/**
 * OMA DM alert codes (`<Alert><Data>`), codes.md §2.1: DM RepPro 1.2 "Alert Codes". Only these
 * codes are valid in OMA DM; the gaps are reserved ranges.
 */
import type { CodeEntry } from '../types';
import { family } from './build';

const SRC = 'OMA DM RepPro 1.2 Alert Codes (codes.md §2.1)';
const DM = { profile: 'DM' } as const;

export const DM_ALERT: readonly CodeEntry[] = family('dm-alert', SRC, [
  [1100, 'DISPLAY', 'UI alert from the server: show a text to the user.', DM],
  [1101, 'CONFIRM OR REJECT', 'UI alert: ask the user to accept or reject; answered 200 (yes), 304 (no) or 214 (cancelled).', DM],
  [1102, 'TEXT INPUT', 'UI alert: ask the user to type a text, returned in the Status Item/Data.', DM],
  [1103, 'SINGLE CHOICE', 'UI alert: let the user pick one of the options.', DM],
  [1104, 'MULTIPLE CHOICE', 'UI alert: let the user pick one or more of the options.', DM],
  [1105, 'reserved', 'Reserved by DM 1.2 for future use; not a valid alert.', { ...DM, to: 1199, kind: 'reserved' }],
  [1200, 'SERVER-INITIATED MGMT', 'Sent in the client\'s first package when a server notification (package 0) started the session.', DM],
  [1201, 'CLIENT-INITIATED MGMT', 'Sent in the client\'s first package when the client started the session on its own.', DM],
  [1202, 'reserved', 'Reserved by DM 1.2; not a valid alert.', { ...DM, to: 1220, kind: 'reserved' }],
  [
    1221,
    '(Symbian “Result alert”)',
    'Not in the DM 1.2 table, which reserves 1202–1220 and continues at 1222. Symbian uses 1221 for its own result alert (KNSmlDMAgentResultAlert), which is not standard.',
    { ...DM, kind: 'reserved', source: `${SRC}; Symbian constant KNSmlDMAgentResultAlert (unverified)` },
  ],
  [1222, 'NEXT MESSAGE', 'Asks for the next message of a package that spans several messages.', DM],
  [1223, 'SESSION ABORT', 'Either side ends the session early.', DM],
  [1224, 'CLIENT EVENT', 'The client reports an event named by the Item\'s Meta/Type, with its data in Item/Data (used by Windows MDM).', DM],
  [1225, 'NO END OF DATA', 'The final chunk of a large object never arrived before another command.', DM],
  [1226, 'GENERIC ALERT', 'Alert raised by the client, typically to report the result of a management-object operation; the Item\'s Meta/Type says which (new in DM 1.2).', DM],
  [1227, 'reserved', 'Reserved by DM 1.2; not a valid alert.', { ...DM, to: 1299, kind: 'reserved' }],
]);
