/**
 * SyncML response status codes (`<Status><Data>`), codes.md §1.1: SyncML RepPro 1.1/1.2 §10
 * "Response Status Codes" plus the DM 1.3 addition 217. Names are the short names of the table;
 * descriptions are our own. "DS+DM" and "DS(+DM)" rows are profile 'DM+DS'; pure "DS" rows 'DS'.
 * 515 is not assigned by any source and has no entry.
 */
import type { CodeEntry } from '../types';
import { family } from './build';

const REPPRO = 'SyncML RepPro 1.1/1.2 §10 Response Status Codes (codes.md §1.1)';
const DM13 =
  'OMA DM 1.3 status mapping via oneM2M TS-0005 / ETSI TS 118 105 (codes.md §1.1; single source)';
const BOTH = { profile: 'DM+DS' } as const;
const DS = { profile: 'DS' } as const;

export const SYNCML_STATUS: readonly CodeEntry[] = family('syncml-status', REPPRO, [
  [101, 'In progress', 'The command was accepted and is still being carried out.', BOTH],

  [200, 'OK', 'The command completed successfully; as the answer to a Confirm UI alert (1101) it means "yes".', BOTH],
  [201, 'Item added', 'The item was added to the recipient\'s store (a DS answer to Add in a Sync; a DM Add answers 200).', DS],
  [202, 'Accepted for processing', 'Accepted but not finished yet (Exec, Alert or another asynchronous operation); the outcome is reported later, e.g. by a Generic Alert.', BOTH],
  [203, 'Non-authoritative response', 'The answer was given by an entity other than the target.', DS],
  [204, 'No content', 'The command succeeded but there is no data to return.', BOTH],
  [205, 'Reset content', 'The originator should synchronize its content again from the start.', DS],
  [206, 'Partial content', 'Only part of the command was carried out.', DS],
  [207, 'Conflict resolved with merge', 'An update conflict was resolved by merging both versions.', DS],
  [208, 'Conflict resolved with client’s command “winning”', 'An update conflict was resolved in favour of the client\'s command.', DS],
  [209, 'Conflict resolved with duplicate', 'An update conflict was resolved by keeping both versions, one as a duplicate.', DS],
  [210, 'Delete without archive', 'The item was deleted but not archived, since archiving is not supported.', DS],
  [211, 'Item not deleted', 'The item to delete was not found; it may already be gone.', DS],
  [212, 'Authentication accepted', 'The credentials were accepted and no more authentication is needed in this session; in DM normally only the status of the SyncHdr.', BOTH],
  [213, 'Chunked item accepted and buffered', 'A chunk of a large object (MoreData) was received and buffered; the next chunk may follow.', BOTH],
  [214, 'Operation cancelled', 'DM: the user cancelled a UI alert. DS: the command succeeded but the session stops processing.', BOTH],
  [215, 'Not executed', 'The command was skipped because the user cancelled, or (DM 1.3) because an enclosing Atomic or Sequence was aborted.', BOTH],
  [216, 'Atomic roll back OK', 'The command was inside an Atomic that failed, and it has been rolled back.', BOTH],
  [217, 'OK with inherited ACL', 'The Get succeeded; the node\'s own ACL is empty, so the ACL returned is the inherited one (DM 1.3).', { profile: 'DM', source: DM13 }],

  [300, 'Multiple choices', 'The request matches several targets.', DS],
  [301, 'Moved permanently', 'The target has moved to a new address for good.', DS],
  [302, 'Found (moved temporarily)', 'The target is at another address for now.', DS],
  [303, 'See other', 'The answer is to be found at another address.', DS],
  [304, 'Not modified', 'The command was not carried out on the target; as the answer to a Confirm UI alert (1101) it means "no".', BOTH],
  [305, 'Use proxy', 'The target must be reached through a proxy.', BOTH],

  [400, 'Bad request', 'The command is malformed and could not be processed.', BOTH],
  [401, 'Invalid credentials / Unauthorized', 'Authentication is required or the credentials were refused; the status should carry a Chal.', BOTH],
  [402, 'Payment needed', 'Payment is needed before the command can be carried out.', DS],
  [403, 'Forbidden', 'The command was understood but refused for a reason other than the ACL (e.g. a permanent node).', BOTH],
  [404, 'Not found', 'The target node or item does not exist.', BOTH],
  [405, 'Command not allowed', 'The command is not allowed on this target, e.g. a write to a read-only node or a child under a leaf.', BOTH],
  [406, 'Optional feature not supported', 'The command relies on an optional feature the recipient lacks (e.g. UI alerts on a device without UI).', BOTH],
  [407, 'Missing credentials / Authentication required', 'The originator has to authenticate first; the status should carry a Chal.', BOTH],
  [408, 'Request timeout', 'The request timed out; in DM, the user did not answer a UI alert within MAXDT.', BOTH],
  [409, 'Conflict', 'The update conflicts with the current state of the target.', DS],
  [410, 'Gone', 'The target existed once but no longer does.', DS],
  [411, 'Size required', 'The item needs a Meta Size.', DS],
  [412, 'Incomplete command', 'Parts of the command are missing or wrong.', BOTH],
  [413, 'Request entity too large', 'The item is larger than the recipient accepts.', BOTH],
  [414, 'URI too long', 'The URI, one of its segments, or its number of segments exceeds what the recipient accepts.', BOTH],
  [415, 'Unsupported media type or format', 'The Meta Type or Meta Format of the item is not supported.', BOTH],
  [416, 'Requested size too big (DS) / Requested range not satisfiable (DM UI)', 'DS: the requested size is too big. DM: the device cannot present the UI alert as asked (e.g. a choice too long).', BOTH],
  [417, 'Retry later', 'The recipient cannot handle the command now; try again later.', DS],
  [418, 'Already exists', 'The target already exists: an Add target, a Copy destination, or a Replace renaming to an existing sibling.', BOTH],
  [419, 'Conflict resolved with server data', 'An update conflict was resolved in favour of the server\'s data.', DS],
  [420, 'Device full', 'The recipient has no storage left.', BOTH],
  [421, 'Unknown search grammar', 'The search grammar used by the command is not known.', DS],
  [422, 'Bad CGI script', 'The CGI script in the target URI is wrong.', DS],
  [423, 'Soft-delete conflict', 'The command conflicts with a soft delete of the item.', DS],
  [424, 'Size mismatch', 'The reassembled chunked object does not have the size declared in Meta Size.', BOTH],
  [425, 'Permission denied', 'The node\'s ACL does not let this server run the command.', BOTH],
  [426, 'Partial item not accepted', 'A partial item was refused; the sender may send the whole item again.', DS],
  [427, 'Item not empty', 'The item has children and so cannot be deleted.', DS],
  [428, 'Move failed', 'The Move could not be carried out.', DS],

  [500, 'Command failed', 'Generic recipient error: the command failed.', BOTH],
  [501, 'Command not implemented', 'The recipient does not implement the command.', BOTH],
  [502, 'Bad gateway', 'A gateway or proxy got an invalid answer from upstream.', DS],
  [503, 'Service unavailable', 'The service is unavailable for now.', BOTH],
  [504, 'Gateway timeout', 'A gateway or proxy gave up waiting for upstream.', DS],
  [505, 'DTD version not supported', 'The recipient does not support the message\'s VerDTD.', BOTH],
  [506, 'Processing error', 'An application error happened while processing; the command may be tried again.', BOTH],
  [507, 'Atomic failed', 'Status of an Atomic command itself when one of the commands inside it failed.', BOTH],
  [508, 'Refresh required', 'DS: the client has to do a slow sync or a refresh.', DS],
  [509, 'Reserved', 'Reserved for future use; not a valid status on the wire.', { kind: 'reserved' }],
  [510, 'Data store failure', 'The data store failed while carrying out the command.', BOTH],
  [511, 'Server failure', 'A severe server error; the originator should not retry.', DS],
  [512, 'Synchronization failed', 'The synchronization failed.', DS],
  [513, 'Protocol version not supported', 'The recipient does not support the message\'s VerProto.', BOTH],
  [514, 'Operation cancelled', 'The command was not completed because the operation had already been cancelled.', DS],
  [516, 'Atomic roll back failed', 'The command was inside an Atomic that failed, and it could not be rolled back.', BOTH],
  [517, 'Atomic response too large to fit', 'The responses to an Atomic do not fit in one message.', BOTH],
]);
