/**
 * Inlay hints on the DM tree: the label of an item's value after its Data (`1` → Disabled), as a
 * code's name follows the code. Only for nodes whose values are listed with labels (ENUM, Flag), and
 * only where the label says more than the value.
 */
import type { InlayHint } from 'vscode-languageserver-types';
import { lowerBound } from '../model/lowerBound';
import { work } from '../workCounter';
import type { DocumentAnalysis } from './analysis';
import { addressesProperty } from './treePlaces';
import { cut, readValues, valueHint } from './valueLabels';

/** Labels are cut here (after their first sentence, if longer); the tooltip has them whole. */
const MAX_LABEL = 40;

/** The hints for the Data values that start within [from, to]. */
export function treeInlayHints(a: DocumentAnalysis, from: number, to: number): InlayHint[] {
  const { xml } = a;
  const items = a.treeItems;
  const hints: InlayHint[] = [];
  for (let k = lowerBound(items.length, (i) => xml.end[items[i].item] < from); k < items.length && xml.start[items[k].item] <= to; k++, work.steps++) {
    const t = items[k];
    if (t.data < 0 || addressesProperty(t.uri)) continue;
    const [vs, ve] = xml.valueRange(t.data);
    if (vs === ve || vs < from || vs > to) continue;
    const r = a.resolveUri(t.uri);
    if (r.kind !== 'node') continue;
    const parts = readValues(r.node.facts, a.text, vs, ve);
    const label = parts && valueHint(parts);
    if (!label) continue;
    const brief = cut(label.brief, MAX_LABEL);
    hints.push({
      position: a.positionAt(ve),
      label: brief,
      paddingLeft: true,
      tooltip: `${brief !== label.whole.replace(/\.$/, '') ? label.whole + '\n' : ''}${r.node.facts.allowed!.kind} value of ${r.node.path}`,
    });
  }
  return hints;
}
