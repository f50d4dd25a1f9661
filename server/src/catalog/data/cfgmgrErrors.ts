/**
 * The configuration manager errors of the Windows SDK header cfgmgr2err.h (um/cfgmgr2err.h, the
 * same values in SDK 10.0.10240.0 and 10.0.16299.0): the symbol and the message the header gives
 * each, verbatim ("occured" included). Windows MDM reports them, e.g. in
 * `msft:originalerror="0x86000002"` ([MS-MDM] §2.2.5.1).
 *
 * The header defines nothing at 0x8600001A-0x8600001F, so those values are not decoded.
 * CFGMGR_S_COMMANDFAILEDDUETOTRANSACTIONROLLBACK is a success code, 0x06000007, severity bit clear.
 */
import type { WindowsError } from '../types';
import { windowsError } from './build';

const TABLE = 'Windows configuration manager (cfgmgr2err.h)';
const SRC = 'Windows SDK header cfgmgr2err.h (um/cfgmgr2err.h, SDK 10.0.10240.0 and 10.0.16299.0)';

const ROWS: ReadonlyArray<readonly [value: number, symbol: string, message: string]> = [
  [0x86000000, 'CFGMGR_E_INVALIDNODEOPTIONS', 'The node options provided are invalid.'],
  [0x86000001, 'CFGMGR_E_INVALIDDATATYPE', 'The data type is invalid.'],
  [0x86000002, 'CFGMGR_E_NODENOTFOUND', "The specified node doesn't exist."],
  [0x86000003, 'CFGMGR_E_ILLEGALOPERATIONINATRANSACTION', 'The operation is illegal inside of a transaction.'],
  [0x86000004, 'CFGMGR_E_ILLEGALOPERATIONOUTSIDEATRANSACTION', 'The operation is illegal outside of a transaction.'],
  [0x86000005, 'CFGMGR_E_ONEORMOREEXECUTIONFAILURES', 'One or more commands failed to Execute.'],
  [0x86000006, 'CFGMGR_E_ONEORMORECANCELFAILURES', 'One or more commands failed to revert during the cancel.'],
  [
    0x06000007,
    'CFGMGR_S_COMMANDFAILEDDUETOTRANSACTIONROLLBACK',
    'The command was executed, but the transaction failed so the command was rolled back successfully.',
  ],
  [0x86000008, 'CFGMGR_E_COMMITFAILURE', 'The transaction failed during the commit phase.'],
  [0x86000009, 'CFGMGR_E_ROLLBACKFAILURE', 'The transaction failed during the rollback phase.'],
  [0x8600000a, 'CFGMGR_E_ONEORMORECLEANUPFAILURES', 'One or more commands failed during the cleanup phase after the transactions were committed.'],
  [0x8600000b, 'CFGMGR_E_CONFIGNODESTATEOBJECTNOLONGERVALID', 'The IConfigNodeState interface may not be used after the validation call.'],
  [0x8600000c, 'CFGMGR_E_CSPREGISTRATIONCORRUPT', 'The CSP registration in the registry is corrupted.'],
  [0x8600000d, 'CFGMGR_E_NODEFAILEDTOCANCEL', 'The cancel operation failed on the node.'],
  [0x8600000e, 'CFGMGR_E_DEPENDENTOPERATIONFAILURE', 'The operation failed on the node because of a prior operation failure.'],
  [0x8600000f, 'CFGMGR_E_CSPNODEILLEGALSTATE', 'The requested command failed because the node is in an invalid state.'],
  [0x86000010, 'CFGMGR_E_REQUIRESINTERNALTRANSACTIONING', 'The node must be internally transactioned to call this command.'],
  [0x86000011, 'CFGMGR_E_COMMANDNOTALLOWED', 'The requested command is not allowed on the target.'],
  [0x86000012, 'CFGMGR_E_INTERCSPOPERATION', 'Inter-CSP copy and move operations are illegal.'],
  [0x86000013, 'CFGMGR_E_PROPERTYNOTSUPPORTED', 'The requested property is not supported by the node.'],
  [0x86000014, 'CFGMGR_E_INVALIDSEMANTICTYPE', 'The semantic type is invalid.'],
  [0x86000015, 'CFGMGR_E_FORBIDDENURISEGMENT', 'The URI contains a forbidden segment.'],
  [0x86000016, 'CFGMGR_E_READWRITEACCESSDENIED', 'The requested read/write permission was not allowed.'],
  [0x86000017, 'CFGMGR_E_SECRETDATAACCESSDENIED', 'The requested read permission was not allowed because the data is secret.'],
  [0x86000018, 'CFGMGR_E_XMLPARSEERROR', 'Error occured in XML parser.'],
  [0x86000019, 'CFGMGR_E_COMMANDTIMEOUT', 'The requested command timed out.'],
  [0x86000020, 'CFGMGR_E_IMPERSONATIONERROR', 'The CSP impersonation reference count value is incorrect.'],
  [0x86000021, 'CFGMGR_E_WMIOPERATIONERROR', 'The WMI operation error results from invalid arg, duplicate content, type mismatch, etc.'],
  [0x86000022, 'CFGMGR_E_NOIMPERSONATIONTARGET', 'No target SID for the CSP impersonation.'],
  [0x86000023, 'RESOURCEMGR_E_RESOURCEALREADYOWNED', 'Resource already provisioned by another configuration source.'],
];

export const CFGMGR_ERRORS: readonly WindowsError[] = ROWS.map(([value, symbol, message]) =>
  windowsError(value, { symbol, message, summary: `${symbol}, “${message}”`, table: TABLE, source: SRC }),
);
