/**
 * A DM tree node's facts in words, one row per fact, for every place that shows them: the hover on a
 * URI segment (markdown) and `syncml-check explain <OMA-URI>` (text). Pure: facts in, rows out; each
 * caller lays the rows out its own way.
 */
import type { AllowedValues, NodeFacts } from '../catalog/ddf/types';

export type FactKey =
  | 'format'
  | 'access'
  | 'occurrence'
  | 'scope'
  | 'caseSense'
  | 'default'
  | 'allowed'
  | 'osBuild'
  | 'deprecated'
  | 'naming'
  | 'atomic'
  | 'description';

export interface FactRow {
  key: FactKey;
  label: string;
  /** One line each; only `allowed` has more than one. */
  lines: string[];
}

/** What each way of naming a dynamic node (`MSFT:DynamicNodeNaming`) asks of the author. */
const NAMING: Record<string, string> = {
  ServerGeneratedUniqueIdentifier: 'a name the server makes up, unique among its siblings',
  UniqueName: 'a name the server chooses, unique among its siblings',
  ClientInventory: 'a name the device gives it for what it has (read them with Get)',
};

/** The `{Title}` of a path whose last segment is a dynamic node, undefined for a named node. */
export function dynamicPlaceholder(path: string): string | undefined {
  return /\/(\{[^/]*\})$/.exec(path)?.[1];
}

/** An ADMX-ingested area under Policy/Config: its name contains `~` (`Contoso~Policy~Sales`). */
export function isIngestedArea(path: string): boolean {
  return /\/Vendor\/MSFT\/Policy\/Config\/\{[^/]*\}$/.test(path);
}

/** What the name of a dynamic node stands for, in words (`a name the server makes up, …`); undefined for a named node. */
export function dynamicNameMeaning(path: string, facts: NodeFacts): string | undefined {
  if (!dynamicPlaceholder(path)) return undefined;
  if (isIngestedArea(path)) return 'an ADMX-ingested area, named App~Policy~Category (a name with ~)';
  const naming = facts.dynamicNaming;
  const meaning = naming ? NAMING[naming] : undefined;
  return `${meaning ?? 'any name'}${naming ? ` (${naming})` : ''}`;
}

/** `{Title} stands for …`, for a dynamic node; undefined for a named node. */
export function dynamicMeaning(path: string, facts: NodeFacts): string | undefined {
  const meaning = dynamicNameMeaning(path, facts);
  return meaning && `${dynamicPlaceholder(path)} stands for ${meaning}`;
}

/** The allowed values in words, one line each (ENUM and Flag: `value = label`). */
export function allowedLines(a: AllowedValues): string[] {
  const list = a.listDelimiter !== undefined ? [`a list separated by '${a.listDelimiter}'`] : [];
  switch (a.kind) {
    case 'ENUM':
    case 'Flag': {
      const rows = (a.values ?? []).map((v) => (v.label ? `${v.value} = ${v.label}` : v.value));
      return [...(a.kind === 'Flag' ? [FLAGS_NOTE] : []), ...rows, ...list];
    }
    case 'Range':
      return [rangeText(a), ...list];
    case 'RegEx':
      return [`text matching ${a.pattern ?? ''}`, ...list];
    case 'ADMX':
      return [ADMX_NOTE, ...(a.admx ? [admxPolicy(a.admx)] : [])];
    case 'XSD':
      return ['XML valid against the schema in the DDF', ...list];
    case 'JSON':
      return ['JSON', ...list];
    case 'SDDL':
      return ['an SDDL security descriptor', ...list];
    case 'None':
      return list;
  }
}

export const FLAGS_NOTE = 'flags, combined by adding them:';
export const ADMX_NOTE = 'ADMX-backed: <enabled/> or <disabled/>, with <data id="…" value="…"/> elements, escaped or in CDATA';

export function admxPolicy(admx: NonNullable<AllowedValues['admx']>): string {
  return `policy ${admx.name} of ${admx.file} (category ${admx.area})`;
}

export function rangeText(a: AllowedValues): string {
  return a.range?.min !== undefined && a.range.max !== undefined && a.range.min !== a.range.max
    ? `${a.range.min} to ${a.range.max}`
    : `range ${a.range?.text ?? '(not given)'}`;
}

/**
 * The node's facts in the order a reader wants them: what it is and which commands it takes, its
 * values, where it applies, how its name is made. The path, docs link and source are the caller's.
 */
export function nodeFactRows(path: string, f: NodeFacts): FactRow[] {
  const rows: FactRow[] = [];
  const row = (key: FactKey, label: string, value: string | undefined) => {
    if (value !== undefined && value !== '') rows.push({ key, label, lines: [value] });
  };
  row('format', 'Format', f.format);
  row('access', 'Access', f.access.join(', '));
  row('occurrence', 'Occurrence', f.occurrence);
  row('scope', 'Scope', f.scope);
  if (f.caseSense === 'CIS') row('caseSense', 'Name case', 'insensitive (CIS)');
  row('default', 'Default', f.defaultValue);
  if (f.allowed) {
    const lines = allowedLines(f.allowed);
    if (lines.length) rows.push({ key: 'allowed', label: 'Allowed', lines });
  }
  if (f.osBuild) row('osBuild', 'Min OS build', `${f.osBuild}${f.cspVersion ? ` (CSP version ${f.cspVersion})` : ''}`);
  if (f.deprecated !== undefined) row('deprecated', 'Deprecated', f.deprecated ? `as of Windows ${f.deprecated}` : 'yes');
  row('naming', 'Naming', dynamicMeaning(path, f) ?? f.dynamicNaming);
  if (f.atomicRequired) row('atomic', 'Atomic', 'required: set it inside an Atomic command');
  row('description', 'Description', f.description);
  return rows;
}

/** The same URI in the other scope's tree (`./Vendor/MSFT/…` counts as the device's). */
export function otherScopePath(uri: string, scope: 'device' | 'user'): string {
  return uri.replace(/[?].*$/, '').replace(/^\.\/(?:Device|User)\/|^\.\/(?=Vendor\/)/, scope === 'device' ? './Device/' : './User/');
}
