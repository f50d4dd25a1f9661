/**
 * DM per-command status lists (OMA DM RepPro 1.2 "Status codes" tables), codes.md §1.2.
 * Written as in the table (status -> commands that list it) and inverted at load time.
 * Sequence itself lists 200, 401, 407, 500; the table's "(children)" mark on 215 is about the
 * commands inside an aborted Sequence, not the Sequence's own status, so it is not listed.
 */
import type { StatusCommand } from '../api';

const STATUS_COMMANDS: readonly StatusCommand[] = [
  'Add',
  'Alert',
  'Atomic',
  'Copy',
  'Delete',
  'Exec',
  'Get',
  'Replace',
  'Sequence',
  'SyncHdr',
];

const ALL = STATUS_COMMANDS;

/** Status -> the commands whose DM RepPro 1.2 table lists it. */
const DM_STATUS_MATRIX: ReadonlyArray<readonly [number, readonly StatusCommand[]]> = [
  [200, ALL],
  [202, ['Alert', 'Exec']],
  [212, ['SyncHdr']],
  [213, ['Add', 'Replace']],
  [214, ['Alert']],
  [215, ['Add', 'Alert', 'Atomic', 'Copy', 'Delete', 'Get', 'Replace']],
  [216, ['Add', 'Alert', 'Copy', 'Delete']],
  [217, ['Get']],
  [304, ['Alert']],
  [401, ALL],
  [403, ['Copy', 'Delete', 'Exec', 'Replace']],
  [404, ['Add', 'Delete', 'Exec', 'Get', 'Replace']],
  [405, ['Add', 'Alert', 'Copy', 'Delete', 'Exec', 'Replace']],
  [406, ['Alert', 'Atomic', 'Copy', 'Exec', 'Get']],
  [407, ['Add', 'Atomic', 'Copy', 'Delete', 'Exec', 'Get', 'Replace', 'Sequence', 'SyncHdr']],
  [408, ['Alert']],
  [412, ['Alert']],
  [413, ['Add', 'Get', 'Replace']],
  [414, ['Add', 'Copy', 'Delete', 'Exec', 'Get', 'Replace']],
  [415, ['Add', 'Alert', 'Get', 'Replace']],
  [416, ['Alert']],
  [418, ['Add', 'Copy', 'Replace']],
  [420, ['Add', 'Copy', 'Exec', 'Replace']],
  [424, ['Add', 'Replace']],
  [425, ['Add', 'Copy', 'Delete', 'Exec', 'Get', 'Replace']],
  [500, ['Add', 'Alert', 'Atomic', 'Copy', 'Exec', 'Get', 'Replace', 'Sequence']],
  [507, ['Atomic']],
  [510, ['Copy', 'Exec']],
  [516, ['Add', 'Alert', 'Copy', 'Delete', 'Replace']],
  [517, ['Atomic']],
];

/** Command -> sorted status list. Command names are case-sensitive, as in SyncML. */
export function buildCommandStatuses(): ReadonlyMap<string, readonly number[]> {
  const byCommand = new Map<string, number[]>(STATUS_COMMANDS.map((c) => [c, []]));
  for (const [status, commands] of DM_STATUS_MATRIX) {
    for (const c of commands) byCommand.get(c)!.push(status);
  }
  const frozen = new Map<string, readonly number[]>();
  for (const [c, list] of byCommand) frozen.set(c, Object.freeze(list.sort((a, b) => a - b)));
  return frozen;
}
