/**
 * What each diagnostic code means, for `--help`-style output and the SARIF rule table.
 * The codes and default severities are fixed by the interfaces guide; the words are ours.
 */
import type { DiagnosticCode } from '../api';

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface RuleInfo {
  id: DiagnosticCode;
  /** PascalCase name, as SARIF consumers show it next to the id. */
  name: string;
  shortDescription: string;
  fullDescription: string;
  /** Default LSP severity name. */
  defaultSeverity: 'error' | 'warning' | 'information' | 'hint';
  /** Plain-text help: what to do about it. */
  help: string;
  /** A wrong example and its fix, as XML. */
  example: { wrong: string; right: string; note: string };
}

export const RULES: readonly RuleInfo[] = [
  {
    id: 'undefined-code',
    name: 'UndefinedCode',
    shortDescription: 'Code not defined in the expected family',
    fullDescription:
      'The number is not defined (or only reserved or obsolete) in the code family that this place in the message or tree expects, for example 1418 in a SACMO alert or 1420 in a SCOMO alert.',
    defaultSeverity: 'warning',
    help: 'Use a code that the family defines. An obsolete code names its replacement (SACMO 1418 became 1413); a reserved number is not valid on the wire.',
    example: {
      note: 'SACMO result 1418 is the pre-approval number of "Workflow aborted - authorization failure"; the approved table uses 1413.',
      wrong: '<Meta><Type xmlns="syncml:metinf">urn:oma:at:sacmo:1.0:OperationReport</Type></Meta>\n<Data>1418</Data>',
      right: '<Meta><Type xmlns="syncml:metinf">urn:oma:at:sacmo:1.0:OperationReport</Type></Meta>\n<Data>1413</Data>',
    },
  },
  {
    id: 'wrong-code-family',
    name: 'WrongCodeFamily',
    shortDescription: 'Code belongs to another family',
    fullDescription:
      'The number is not a code of the family this place expects, but it is a code of another family: for example 1200 (a SCOMO/SACMO/LAWMO result) in a Status, or 404 (a SyncML status) in a SCOMO alert.',
    defaultSeverity: 'warning',
    help: 'Use the code of the expected family with the same meaning: a Status carries SyncML status codes (200, 404, ...), a management-object Generic Alert carries that object\'s result codes.',
    example: {
      note: 'A Status answers with SyncML status codes; 1200 is a management-object result code.',
      wrong: '<Status>\n  <CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Exec</Cmd>\n  <Data>1200</Data>\n</Status>',
      right: '<Status>\n  <CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Exec</Cmd>\n  <Data>200</Data>\n</Status>',
    },
  },
  {
    id: 'unexpected-status-for-command',
    name: 'UnexpectedStatusForCommand',
    shortDescription: 'Status code not listed for this command',
    fullDescription:
      'A defined SyncML status code that the OMA DM representation protocol does not list for the command it answers, for example 201 (Item added, a Data Sync code) on a Replace, or 212 on an Add. DM messages only.',
    defaultSeverity: 'information',
    help: 'Check which command the Status answers (Cmd, CmdRef). DM answers Add and Replace with 200 on success; 201 belongs to Data Sync.',
    example: {
      note: 'DM RepPro 1.2 lists 200 for a successful Replace; 201 is the Data Sync "Item added" status.',
      wrong: '<Status><CmdID>4</CmdID><MsgRef>1</MsgRef><CmdRef>5</CmdRef><Cmd>Replace</Cmd><Data>201</Data></Status>',
      right: '<Status><CmdID>4</CmdID><MsgRef>1</MsgRef><CmdRef>5</CmdRef><Cmd>Replace</Cmd><Data>200</Data></Status>',
    },
  },
  {
    id: 'not-a-code',
    name: 'NotACode',
    shortDescription: 'Text where an integer code belongs',
    fullDescription: 'The content of an element that carries a numeric code (a Status Data, an Alert Data, a result code) is not an integer.',
    defaultSeverity: 'warning',
    help: 'Put the numeric code in the element; the name of a code (OK, Not Found) is not understood by the receiver.',
    example: {
      note: 'Status Data carries the number, not its name.',
      wrong: '<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data>OK</Data></Status>',
      right: '<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data>200</Data></Status>',
    },
  },
  {
    id: 'vendor-code',
    name: 'VendorCode',
    shortDescription: 'Vendor-specified code without a definition',
    fullDescription:
      'The number lies in a range the family leaves to device makers (for example FUMO 250-299 or SCOMO 1450-1499), and no definition for it was supplied.',
    defaultSeverity: 'hint',
    help: 'Nothing is wrong on the wire. To decode it, add the vendor\'s meaning as a custom code (setting syncml.customCodes).',
    example: {
      note: 'FUMO 260 is in the "Successful - Vendor Specified" range; its meaning comes from the device maker.',
      wrong: '<Data>260</Data>',
      right: '<Data>260</Data>  <!-- defined in a custom-codes file -->',
    },
  },
  {
    id: 'unknown-alert-type',
    name: 'UnknownAlertType',
    shortDescription: 'Generic Alert type names no known management object',
    fullDescription:
      'The Meta/Type of a Generic Alert (1226) item names no known management object, so the result code it carries cannot be checked.',
    defaultSeverity: 'information',
    help: 'Check the spelling of the alert type (for example urn:oma:at:scomo:1.0:OperationComplete). Vendor alert types are fine; their codes are simply not checked.',
    example: {
      note: 'The registered SCOMO alert type is urn:oma:at:scomo:1.0:OperationComplete.',
      wrong: '<Type xmlns="syncml:metinf">urn:oma:at:scomo:1.0:OperationCompleted</Type>',
      right: '<Type xmlns="syncml:metinf">urn:oma:at:scomo:1.0:OperationComplete</Type>',
    },
  },
  {
    id: 'xml-syntax',
    name: 'XmlSyntax',
    shortDescription: 'Document is not well-formed XML',
    fullDescription: 'The document is not well-formed at this place: an unclosed or mismatched tag, a bad character, an unterminated comment.',
    defaultSeverity: 'error',
    help: 'Fix the markup at the reported place. Codes before and after the error are still checked.',
    example: {
      note: 'Every start tag needs its end tag.',
      wrong: '<Item><Data>200</Data>\n</Alert>',
      right: '<Item><Data>200</Data></Item>\n</Alert>',
    },
  },
];

export function ruleFor(code: string): RuleInfo | undefined {
  return RULES.find((r) => r.id === code);
}

export const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

/** LSP DiagnosticSeverity (1..4, absent = error per LSP) to a name. */
export function severityName(severity: number | undefined): SeverityName {
  switch (severity) {
    case 2:
      return 'warning';
    case 3:
      return 'information';
    case 4:
      return 'hint';
    default:
      return 'error';
  }
}

export function sarifLevel(severity: number | undefined): SarifLevel {
  switch (severityName(severity)) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    default:
      return 'note';
  }
}
