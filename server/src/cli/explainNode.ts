/**
 * `syncml-check explain <OMA-URI>`: a DM tree node's facts, from the bundled Windows CSP index and
 * the user's DDF files. Pure: a Resolution in, a report and its text or JSON out.
 */
import { learnUrl, type Resolution, type TreeScope } from '../catalog/ddf/dmTree';
import type { NodeFacts } from '../catalog/ddf/types';
import { nodeFactRows, otherScopePath } from '../features/nodeFacts';
import { PLAIN, type Style } from './format/text';

interface NodeReportFacts extends Omit<NodeFacts, 'deprecated'> {
  path: string;
  deprecated?: { osBuild: string | null };
  docs?: string;
  source: string;
}

export interface NodeExplainReport {
  input: string;
  kind: Resolution['kind'];
  node?: NodeReportFacts;
  /** The tree the URI is in (`./Device/…` and `./Vendor/…`: device, `./User/…`: user). */
  scope?: TreeScope;
  /** unknown-node: the segment that names no node, its offsets in the input, and what is near. */
  unknown?: { segment: string; start: number; end: number; parent: string; suggestions: string[]; otherScope?: TreeScope; otherPath?: string };
  /** What the answer was looked up in. */
  knownFrom: string[];
}

export function toNodeExplainReport(input: string, r: Resolution, knownFrom: string[]): NodeExplainReport {
  const report: NodeExplainReport = { input, kind: r.kind, knownFrom };
  if (r.kind === 'node') {
    const { deprecated, ...facts } = r.node.facts;
    const docs = learnUrl(r.node.path);
    report.node = {
      path: r.node.path,
      ...facts,
      ...(deprecated !== undefined ? { deprecated: { osBuild: deprecated || null } } : {}),
      ...(docs ? { docs } : {}),
      source: r.node.origin,
    };
    if (r.scope) report.scope = r.scope;
  } else if (r.kind === 'unknown-node') {
    report.unknown = {
      segment: r.segment,
      start: r.start,
      end: r.end,
      parent: r.parent.path,
      suggestions: r.suggestions,
      ...(r.otherScope ? { otherScope: r.otherScope, otherPath: otherScopePath(input, r.otherScope) } : {}),
    };
  }
  return report;
}

export function formatNodeExplainText(r: NodeExplainReport, style: Style = PLAIN): string {
  const out: string[] = [];
  if (r.kind === 'unknown-tree') {
    out.push(`${r.input}: not in any tree known here, so nothing to check it against (known: ${r.knownFrom.join('; ')}).`);
    return out.join('\n') + '\n';
  }
  if (r.kind === 'unknown-node' && r.unknown) {
    const u = r.unknown;
    const tree = r.scope ?? (/^\.?\/?User\//.test(r.input) ? 'user' : /^\.?\/?(?:Device|Vendor)\//.test(r.input) ? 'device' : undefined);
    out.push(`${r.input}: no such node${tree ? ` in the ${tree} tree` : ''}: '${u.segment}' is not a child of ${u.parent}.`);
    if (u.otherScope) out.push(`It exists in the ${u.otherScope} tree: ${u.otherPath}`);
    if (u.suggestions.length) out.push(`Did you mean: ${u.suggestions.join(', ')}?`);
    return out.join('\n') + '\n';
  }
  const n = r.node!;
  out.push(style.bold(n.path) + (n.path !== r.input ? style.dim(`  (for ${r.input})`) : ''));
  const row = (label: string, value: string | undefined) => {
    if (value !== undefined && value !== '') out.push(`  ${label.padEnd(12)} ${value}`);
  };
  const { path, docs, source, deprecated, ...facts } = n;
  for (const fact of nodeFactRows(path, { ...facts, ...(deprecated ? { deprecated: deprecated.osBuild ?? '' } : {}) })) {
    fact.lines.forEach((l, i) => row(i === 0 ? fact.label : '', l));
  }
  row('Docs', docs);
  out.push(`  ${style.dim('Source: ' + source)}`);
  return out.join('\n') + '\n';
}

export function formatNodeExplainJson(r: NodeExplainReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}
