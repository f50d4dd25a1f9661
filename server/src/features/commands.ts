/**
 * The SyncML commands (SyncML RepPro §6.6, as OMA DM and DS use them): the one list the features
 * derive theirs from, so that the outline, completion and decoding agree on what a command is.
 * (The catalog's StatusCommand is another thing: the columns of DM's per-command status table.)
 */
import { N } from '../model/names';

const COMMANDS = [
  'Add', 'Alert', 'Atomic', 'Copy', 'Delete', 'Exec', 'Get', 'Replace', 'Sequence', 'Sync', 'Map',
  'Put', 'Search', 'Move', 'Results', 'Status',
] as const;

/** Name ids of the commands (model/names.ts), for the features that walk the tree by id. */
export const COMMAND_IDS: ReadonlySet<number> = new Set(COMMANDS.map((c) => N[c]));

/**
 * What a Status's Cmd may name: the header, and every command but the two that are answers
 * themselves (Status and Results get no Status).
 */
export const ANSWERED_COMMANDS: readonly string[] = ['SyncHdr', ...COMMANDS.filter((c) => c !== 'Results' && c !== 'Status')];
