/**
 * The facts of a DM tree node as DDF files state them (OMA DDF 1.2 and Microsoft's DDF v2 with its
 * `MSFT:` extensions). Shared by the reader, the bundled index and the tree lookup.
 */

export const ACCESS_TYPES = ['Get', 'Add', 'Replace', 'Delete', 'Exec', 'Copy'] as const;
export type AccessType = (typeof ACCESS_TYPES)[number];

/** Microsoft's `MSFT:AllowedValues` `ValueType`s. */
export const ALLOWED_KINDS = ['ENUM', 'Flag', 'Range', 'RegEx', 'ADMX', 'XSD', 'JSON', 'SDDL', 'None'] as const;
export type AllowedKind = (typeof ALLOWED_KINDS)[number];

export interface AllowedValue {
  value: string;
  /** `MSFT:ValueDescription`: the value's label ("Enabled", "Disabled"). */
  label?: string;
}

export interface AllowedValues {
  kind: AllowedKind;
  /** ENUM and Flag: the values and their labels, in the file's order. */
  values?: AllowedValue[];
  /** Range as written (`[0-23]`), with its bounds when they are plain integers. */
  range?: { text: string; min?: number; max?: number };
  /** RegEx: the pattern. */
  pattern?: string;
  /** ADMX: the policy's ADMX area, name and file (the payload is `<enabled/>` / `<disabled/>` plus `<data …/>`). */
  admx?: { area: string; name: string; file: string };
  /**
   * XSD schema or JSON example as written. Kept by the reader; the bundled index leaves it out
   * (it is large and nothing checks it yet).
   */
  text?: string;
  /** `MSFT:List Delimiter`: the value is a list separated by this. */
  listDelimiter?: string;
}

export interface NodeFacts {
  /** `DFFormat`: chr, int, bool, node, b64, bin, xml, null, date, time, float. */
  format?: string;
  access: AccessType[];
  /** `Occurrence`: One, ZeroOrOne, ZeroOrMore, OneOrMore, ZeroOrN, OneOrN. */
  occurrence?: string;
  scope?: 'Permanent' | 'Dynamic';
  /** `CaseSense`: CS (the default) or CIS. */
  caseSense?: 'CS' | 'CIS';
  defaultValue?: string;
  /** `DFTitle`: for an unnamed node, the placeholder name (`AreaName`). */
  title?: string;
  /** `DFType/MIME`. */
  mime?: string;
  allowed?: AllowedValues;
  /** `MSFT:Applicability`. */
  osBuild?: string;
  cspVersion?: string;
  /** `MSFT:Deprecated`, with `OsBuildDeprecated` when given (empty string when not). */
  deprecated?: string;
  /** `MSFT:DynamicNodeNaming`: ServerGeneratedUniqueIdentifier, ClientInventory or UniqueName. */
  dynamicNaming?: string;
  atomicRequired?: boolean;
  /** `Description` prose: only from a DDF the user loaded, never in the bundled index. */
  description?: string;
}

export interface DdfNode {
  /** The node's name; null for an unnamed (dynamic) node, which matches any segment. */
  name: string | null;
  facts: NodeFacts;
  children: DdfNode[];
  /** Top-level nodes: the `Path` of the parent (`./Device/Vendor/MSFT`), normalised without a trailing slash; '.' when none is given. */
  parentPath?: string;
  /** The node's path with dynamic segments written `{title}` (`{*}` without a title). */
  path: string;
}

export interface DdfProblem {
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /** What is wrong, without the place (for a caller that says the place its own way). */
  reason: string;
  /** `file:line:column: reason`, as the CLI prints it. */
  message: string;
}

export interface DdfReadResult {
  /** The top-level nodes of the file, each with its subtree. */
  roots: DdfNode[];
  /** Set when the file could not be read as a DDF (never thrown): one message naming the place. */
  problem?: DdfProblem;
}

/** The segment text used for an unnamed node in a path. */
export function dynamicSegment(title: string | undefined): string {
  return `{${title || '*'}}`;
}
