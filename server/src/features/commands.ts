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

/** The commands by name: a document whose first element is one of them is a profile or a message fragment. */
export const COMMAND_NAMES: ReadonlySet<string> = new Set(COMMANDS);

/**
 * What a command holds (SyncML RepPro §6.6 content models: CmdID, NoResp, Cred, Meta, Item, ...; a
 * Status's references; an Atomic, Sequence or Sync holds commands): a command whose first child is
 * one of these is SyncML, and a generic XML file that happens to have an <Add> or <Status> root is not.
 */
export const COMMAND_PARTS: ReadonlySet<string> = new Set([
  'CmdID', 'NoResp', 'Cred', 'Meta', 'Item', 'Target', 'Source', 'Data', 'Correlator', 'Lang', 'MapItem',
  'MsgRef', 'CmdRef', 'Cmd', 'TargetRef', 'SourceRef', 'Chal', ...COMMANDS,
]);

/** Name ids of the commands (model/names.ts), for the features that walk the tree by id. */
export const COMMAND_IDS: ReadonlySet<number> = new Set(COMMANDS.map((c) => N[c]));

/**
 * What a Status's Cmd may name: the header, and every command but the two that are answers
 * themselves (Status and Results get no Status).
 */
export const ANSWERED_COMMANDS: readonly string[] = ['SyncHdr', ...COMMANDS.filter((c) => c !== 'Results' && c !== 'Status')];
