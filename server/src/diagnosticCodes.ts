/**
 * Every diagnostic code the language service reports, with everything said about it: its default
 * severity, what its range covers, whether a quick fix exists, the settings description and the
 * SARIF rule text. The `DiagnosticCode` type, the default severities, settings validation, quick
 * fixes, the SARIF rule table and (through scripts/sync-diagnostics.mjs) package.json's settings
 * schema all derive from this table; test/unit/diagnosticCodes.test.ts keeps package.json and the
 * docs tables in step with it. Adding a code is one row here (see docs/diagnostics.md).
 * Pure data: no `vscode`, no Node built-ins.
 */

/** Severity names in LSP order: an LSP `DiagnosticSeverity` is the index + 1. */
export const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];
/** A severity as the settings spell it: a name, or 'off' to drop the diagnostic. */
export type SeveritySetting = SeverityName | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = [...SEVERITY_NAMES, 'off'];
export type LspSeverity = 1 | 2 | 3 | 4;

const LSP_SEVERITY = new Map<string, LspSeverity>(SEVERITY_NAMES.map((name, i) => [name, (i + 1) as LspSeverity]));

/** The LSP severity a setting shows as; undefined for 'off' (and for anything not a severity). */
export function lspSeverity(setting: SeveritySetting): LspSeverity | undefined {
  return LSP_SEVERITY.get(setting);
}

/** The name of an LSP severity; an absent one is an error, as LSP says. */
export function severityName(severity: number | undefined): SeverityName {
  return (severity !== undefined && SEVERITY_NAMES[severity - 1]) || 'error';
}

interface DiagnosticCodeInfo {
  /** Stable, kebab-case: what users put in settings and SARIF consumers key on. Fixed by the interfaces guide. */
  readonly id: string;
  readonly defaultSeverity: SeverityName;
  /**
   * What the diagnostic's range covers: a code's number, an alert type, the markup itself; for the
   * DM tree codes the interfaces guide names next, a URI (or one of its segments), a command name,
   * a `Meta/Format` value or a `Data` text.
   */
  readonly subject: 'number' | 'alert-type' | 'markup' | 'uri' | 'command' | 'format' | 'data';
  /** True when the finding can carry a replacement, offered as a quick fix keyed to the code. */
  readonly quickFix: boolean;
  /** One sentence on when it is reported: the description of its severity setting. */
  readonly summary: string;
  /** A title (SARIF rule shortDescription). */
  readonly title: string;
  /** The full description (SARIF rule fullDescription). */
  readonly description: string;
  /** What to do about it (SARIF rule help). */
  readonly help: string;
  /** A reported snippet and its fix, as XML, with a sentence saying why (SARIF rule help). */
  readonly example: { readonly note: string; readonly wrong: string; readonly right: string };
}

/** In the order settings, SARIF rules and docs tables list them. */
const CODES = [
  {
    id: 'undefined-code',
    defaultSeverity: 'warning',
    subject: 'number',
    quickFix: true,
    summary: 'The number is not defined (or only reserved) in the family this place expects, e.g. 1418 in a SACMO alert.',
    title: 'Code not defined in the expected family',
    description:
      'The number is not defined (or only reserved or obsolete) in the code family that this place in the message or tree expects, for example 1418 in a SACMO alert or 1420 in a SCOMO alert.',
    help: 'Use a code that the family defines. An obsolete code names its replacement (SACMO 1418 became 1413); a reserved number is not valid on the wire.',
    example: {
      note: 'SACMO result 1418 is the pre-approval number of "Workflow aborted - authorization failure"; the approved table uses 1413.',
      wrong: '<Meta><Type xmlns="syncml:metinf">urn:oma:at:sacmo:1.0:OperationReport</Type></Meta>\n<Data>1418</Data>',
      right: '<Meta><Type xmlns="syncml:metinf">urn:oma:at:sacmo:1.0:OperationReport</Type></Meta>\n<Data>1413</Data>',
    },
  },
  {
    id: 'wrong-code-family',
    defaultSeverity: 'warning',
    subject: 'number',
    quickFix: true,
    summary: 'The number belongs to another family than the one this place expects, e.g. 1200 in a Status.',
    title: 'Code belongs to another family',
    description:
      'The number is not a code of the family this place expects, but it is a code of another family: for example 1200 (a SCOMO/SACMO/LAWMO result) in a Status, or 404 (a SyncML status) in a SCOMO alert.',
    help: "Use the code of the expected family with the same meaning: a Status carries SyncML status codes (200, 404, ...), a management-object Generic Alert carries that object's result codes.",
    example: {
      note: 'A Status answers with SyncML status codes; 1200 is a management-object result code.',
      wrong: '<Status>\n  <CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Exec</Cmd>\n  <Data>1200</Data>\n</Status>',
      right: '<Status>\n  <CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Exec</Cmd>\n  <Data>200</Data>\n</Status>',
    },
  },
  {
    id: 'unexpected-status-for-command',
    defaultSeverity: 'information',
    subject: 'number',
    quickFix: false,
    summary: 'A defined status the DM protocol does not list for this command, e.g. 201 on a Replace (DM messages only).',
    title: 'Status code not listed for this command',
    description:
      'A defined SyncML status code that the OMA DM representation protocol does not list for the command it answers, for example 201 (Item added, a Data Sync code) on a Replace, or 212 on an Add. DM messages only.',
    help: 'Check which command the Status answers (Cmd, CmdRef). DM answers Add and Replace with 200 on success; 201 belongs to Data Sync.',
    example: {
      note: 'DM RepPro 1.2 lists 200 for a successful Replace; 201 is the Data Sync "Item added" status.',
      wrong: '<Status><CmdID>4</CmdID><MsgRef>1</MsgRef><CmdRef>5</CmdRef><Cmd>Replace</Cmd><Data>201</Data></Status>',
      right: '<Status><CmdID>4</CmdID><MsgRef>1</MsgRef><CmdRef>5</CmdRef><Cmd>Replace</Cmd><Data>200</Data></Status>',
    },
  },
  {
    id: 'not-a-code',
    defaultSeverity: 'warning',
    subject: 'number',
    quickFix: true,
    summary: 'The text where an integer code belongs is not an integer.',
    title: 'Text where an integer code belongs',
    description: 'The content of an element that carries a numeric code (a Status Data, an Alert Data, a result code) is not an integer.',
    help: 'Put the numeric code in the element; the name of a code (OK, Not Found) is not understood by the receiver.',
    example: {
      note: 'Status Data carries the number, not its name.',
      wrong: '<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data>OK</Data></Status>',
      right: '<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data>200</Data></Status>',
    },
  },
  {
    id: 'vendor-code',
    defaultSeverity: 'hint',
    subject: 'number',
    quickFix: false,
    summary: 'A code in a vendor-specified range with no definition in your custom codes.',
    title: 'Vendor-specified code without a definition',
    description:
      'The number lies in a range the family leaves to device makers (for example FUMO 250-299 or SCOMO 1450-1499), and no definition for it was supplied.',
    help: "Nothing is wrong on the wire. To decode it, add the vendor's meaning as a custom code (setting syncml.customCodes).",
    example: {
      note: 'FUMO 260 is in the "Successful - Vendor Specified" range; its meaning comes from the device maker.',
      wrong: '<Data>260</Data>',
      right: '<Data>260</Data>  <!-- defined in a custom-codes file -->',
    },
  },
  {
    id: 'unknown-alert-type',
    defaultSeverity: 'information',
    subject: 'alert-type',
    quickFix: false,
    summary: 'A Generic Alert whose type names no known management object, so its code cannot be checked.',
    title: 'Generic Alert type names no known management object',
    description:
      'The Meta/Type of a Generic Alert (1226) item names no known management object, so the result code it carries cannot be checked.',
    help: 'Check the spelling of the alert type (for example urn:oma:at:scomo:1.0:OperationComplete). Vendor alert types are fine; their codes are simply not checked.',
    example: {
      note: 'The registered SCOMO alert type is urn:oma:at:scomo:1.0:OperationComplete.',
      wrong: '<Type xmlns="syncml:metinf">urn:oma:at:scomo:1.0:OperationCompleted</Type>',
      right: '<Type xmlns="syncml:metinf">urn:oma:at:scomo:1.0:OperationComplete</Type>',
    },
  },
  {
    id: 'xml-syntax',
    defaultSeverity: 'error',
    subject: 'markup',
    quickFix: false,
    summary: 'The document is not well-formed at this place.',
    title: 'Document is not well-formed XML',
    description: 'The document is not well-formed at this place: an unclosed or mismatched tag, a bad character, an unterminated comment.',
    help: 'Fix the markup at the reported place. Codes before and after the error are still checked.',
    example: {
      note: 'Every start tag needs its end tag.',
      wrong: '<Item><Data>200</Data>\n</Alert>',
      right: '<Item><Data>200</Data></Item>\n</Alert>',
    },
  },
  {
    id: 'malformed-uri',
    defaultSeverity: 'warning',
    subject: 'uri',
    quickFix: true,
    summary: "A command item's LocURI the device cannot resolve as written: whitespace or a line break inside, an empty, '.' or '..' segment, a leading or trailing '/'.",
    title: 'Malformed node URI',
    description:
      "A LocURI of a command's Target or Source holds whitespace or a line break, an empty segment ('//'), a '.' or '..' segment other than a leading './', a leading or trailing '/', a segment that is only '*', or a query other than ?prop= and ?list= (OMA DM 1.2 TND §8.1, §8.3, §8.4; Microsoft's OMA DM protocol support page).",
    help: "Write the node's address relative to the tree root, one '/' between node names, no whitespace (escape a space in a node name as %20). The device answers a URI it cannot resolve with 404 or 400.",
    example: {
      note: 'A line break pasted into the LocURI becomes part of the node name the device looks for.',
      wrong: '<Target><LocURI>./Device/Vendor/MSFT/Policy/Config/\n  DeviceLock/DevicePasswordEnabled</LocURI></Target>',
      right: '<Target><LocURI>./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled</LocURI></Target>',
    },
  },
  {
    id: 'markup-in-data',
    defaultSeverity: 'warning',
    subject: 'data',
    quickFix: true,
    summary: 'Raw XML elements inside a Data whose Format is chr (or absent): the payload must be escaped or wrapped in CDATA.',
    title: 'Raw XML inside a text Data',
    description:
      "An item's Data whose Meta/Format is chr (or absent, chr by default) holds raw XML elements, such as a Wi-Fi profile, an AppLocker policy or an ADMX payload. OMA DM RepPro §4.1.3.1 requires the markup of Data content to be escaped or in CDATA; Windows expects the payload as text. A Data with Format xml carries markup legitimately and is not reported.",
    help: 'Escape the payload (&lt; for <, &amp; for &, &gt; for >) or wrap it in <![CDATA[ ... ]]>; either way the node receives the XML as its text value.',
    example: {
      note: 'The Wi-Fi CSP takes the profile XML as a chr value: "The profile XML must be escaped".',
      wrong:
        '<Meta><Format xmlns="syncml:metinf">chr</Format></Meta>\n<Data><WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1">…</WLANProfile></Data>',
      right:
        '<Meta><Format xmlns="syncml:metinf">chr</Format></Meta>\n<Data><![CDATA[<WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1">…</WLANProfile>]]></Data>',
    },
  },
  {
    id: 'unknown-node',
    defaultSeverity: 'warning',
    subject: 'uri',
    quickFix: true,
    summary: 'A URI names no node of a tree the product knows with authority (the bundled Windows CSP index or your DDF files), e.g. a typo in a policy name or a device-only policy under ./User.',
    title: 'URI names no node of the DM tree',
    description:
      "A command's LocURI names no node of a DM tree the product knows with authority: the bundled Windows CSP index, or a DDF file the user loaded (syncml.ddfFiles, --ddf). The range is the first segment that names no node; when the path exists only under the other scope (./Device against ./User), the message says so. Trees nobody describes (another vendor's, a retired CSP) get nothing.",
    help: "Correct the segment (the quick fix offers the parent's closest node names), or move the setting to the scope that has it. The device answers a node it does not have with 404 Not Found.",
    example: {
      note: 'The DeviceLock area has DevicePasswordEnabled; a typo in the node name is a 404 on the device.',
      wrong: '<Target><LocURI>./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabeld</LocURI></Target>',
      right: '<Target><LocURI>./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled</LocURI></Target>',
    },
  },
  {
    id: 'command-not-allowed',
    defaultSeverity: 'warning',
    subject: 'command',
    quickFix: false,
    summary: "The command is not among the node's access types (its DDF's AccessType), e.g. Replace on a Get-only node.",
    title: "Command not among the node's access types",
    description:
      "The command (Add, Replace, Get, Delete, Exec, Copy) is not among the access types the node's DDF lists, for example a Replace on a node that only allows Get. The range is the command's name in its start tag.",
    help: 'Use a command the node allows (the message lists them). The device answers 405 Command not allowed (Windows: 0x86000011, CFGMGR_E_COMMANDNOTALLOWED).',
    example: {
      note: 'DeviceStatus/OS/Edition is read-only: its DDF allows Get only.',
      wrong: '<Replace><CmdID>2</CmdID><Item><Target><LocURI>./Vendor/MSFT/DeviceStatus/OS/Edition</LocURI></Target><Data>4</Data></Item></Replace>',
      right: '<Get><CmdID>2</CmdID><Item><Target><LocURI>./Vendor/MSFT/DeviceStatus/OS/Edition</LocURI></Target></Item></Get>',
    },
  },
  {
    id: 'format-mismatch',
    defaultSeverity: 'warning',
    subject: 'format',
    quickFix: true,
    summary: "Meta/Format differs from the node's DFFormat (e.g. chr for an int node), or an int or bool node is sent with no Format (chr by default).",
    title: "Meta/Format differs from the node's format",
    description:
      "The Meta/Format of an Add or Replace item differs from the node's DFFormat in its DDF: for example chr for an int node, or int for a chr node. chr and xml are not told apart, nor b64 and bin. An int or bool node sent with no Format is sent as chr, the default (OMA DM RepPro), and is reported on its Data.",
    help: 'Send the value in the format the node takes (the quick fix writes the DDF\'s format): <Format xmlns="syncml:metinf">int</Format> for an int node, bool for a bool node, chr for text and ADMX-backed policies.',
    example: {
      note: 'DevicePasswordEnabled is an int node; the value 0 sent as chr is rejected.',
      wrong: '<Meta><Format xmlns="syncml:metinf">chr</Format></Meta>\n<Data>0</Data>',
      right: '<Meta><Format xmlns="syncml:metinf">int</Format></Meta>\n<Data>0</Data>',
    },
  },
  {
    id: 'value-not-allowed',
    defaultSeverity: 'warning',
    subject: 'data',
    quickFix: false,
    summary: "The Data of an Add or Replace is outside the node's allowed values: enumeration, range, pattern, boolean, integer, or the shape of an ADMX-backed payload.",
    title: "Value outside the node's allowed values",
    description:
      "The Data of an Add or Replace is not a value the node takes: not among its enumerated values, outside its range, not matching its pattern, not an integer for an int node, not true or false for a bool node, or, for an ADMX-backed policy, not an <enabled/> or <disabled/> payload (with optional <data id=\"…\" value=\"…\"/> elements).",
    help: "Send one of the values the message lists. An ADMX-backed policy takes <enabled/> (with its <data/> elements) or <disabled/>, escaped or in CDATA, never a number.",
    example: {
      note: 'ActiveHoursStart is an hour, 0 to 23.',
      wrong: '<Target><LocURI>./Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart</LocURI></Target>\n<Data>27</Data>',
      right: '<Target><LocURI>./Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart</LocURI></Target>\n<Data>7</Data>',
    },
  },
  {
    id: 'deprecated-node',
    defaultSeverity: 'hint',
    subject: 'uri',
    quickFix: false,
    summary: 'The node is deprecated: its DDF tags it MSFT:Deprecated.',
    title: 'Deprecated node',
    description: "The node a command addresses is tagged MSFT:Deprecated in its DDF (with the Windows build that deprecated it, when given). The range is the URI's last segment. A Delete is not reported.",
    help: "Move to the node that replaces it (see the node's Microsoft Learn page); a deprecated node may be ignored by newer Windows builds.",
    example: {
      note: 'AboveLock/AllowActionCenterNotifications is deprecated as of Windows 10.0.22000; removing it is not reported.',
      wrong:
        '<Replace><CmdID>2</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/AboveLock/AllowActionCenterNotifications</LocURI></Target><Meta><Format xmlns="syncml:metinf">int</Format></Meta><Data>0</Data></Item></Replace>',
      right: '<Delete><CmdID>2</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/AboveLock/AllowActionCenterNotifications</LocURI></Target></Item></Delete>',
    },
  },
] as const satisfies readonly DiagnosticCodeInfo[];

export type DiagnosticCode = (typeof CODES)[number]['id'];

export interface DiagnosticCodeEntry extends DiagnosticCodeInfo {
  readonly id: DiagnosticCode;
}

export const DIAGNOSTIC_CODES: readonly DiagnosticCodeEntry[] = CODES;

const BY_ID = new Map<string, DiagnosticCodeEntry>(DIAGNOSTIC_CODES.map((c) => [c.id, c]));

/** The registry entry of a code; undefined for anything else (a client may send any string). */
export function diagnosticCodeInfo(code: unknown): DiagnosticCodeEntry | undefined {
  return typeof code === 'string' ? BY_ID.get(code) : undefined;
}

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
  return diagnosticCodeInfo(code) !== undefined;
}
