/**
 * Runs `syncml-check explain <OMA-URI>`: loads the --ddf files, resolves the URI, prints the report.
 * Returns the exit status: 0 a node, 1 no node (or a tree nobody describes), 2 a --ddf path unreadable.
 */
import { windowsCspDrop, windowsCspSource, windowsCspTree } from '../catalog/csp/windowsCsp';
import { DmTree } from '../catalog/ddf/dmTree';
import type { ExplainCommand } from './args';
import { loadDdfFiles } from './ddfFiles';
import { formatNodeExplainJson, formatNodeExplainText, toNodeExplainReport } from './explainNode';
import type { Style } from './format/text';

export function explainNode(cmd: ExplainCommand, out: (text: string) => void, err: (line: string) => void, style: Style): number {
  const loaded = loadDdfFiles(cmd.ddf, process.cwd());
  for (const w of loaded.warnings) err(`syncml-check: warning: ${w}`);
  for (const u of loaded.unreadable) err(`syncml-check: ${u}`);
  const tree = loaded.sources.length ? new DmTree([windowsCspSource(), ...loaded.sources]) : windowsCspTree();
  const drop = windowsCspDrop();
  const knownFrom = [`the bundled Windows CSP index, ${drop.name}`, ...loaded.sources.map((s) => s.origin)];
  const input = cmd.input.trim();
  const report = toNodeExplainReport(input, tree.resolve(input), knownFrom);
  out(cmd.format === 'json' ? formatNodeExplainJson(report) : formatNodeExplainText(report, style));
  if (loaded.unreadable.length) return 2;
  return report.kind === 'node' ? 0 : 1;
}
