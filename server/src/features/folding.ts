import type { FoldingRange } from 'vscode-languageserver-types';
import type { ServiceSettings } from '../api';
import type { DocumentAnalysis } from './analysis';

/** One range per element that spans lines; the end tag's line stays visible. */
export function getFoldingRanges(a: DocumentAnalysis, settings: ServiceSettings, limit = 5000): FoldingRange[] {
  const { xml } = a;
  if (a.text.length > settings.largeFileThreshold) return [];
  const out: FoldingRange[] = [];
  for (let i = 0; i < xml.count && out.length < limit; i++) {
    if (xml.subtreeEnd[i] === i + 1 && xml.closeStart[i] < 0) continue;
    const startLine = a.positionAt(xml.start[i]).line;
    const endLine = a.positionAt(xml.closeStart[i] >= 0 ? xml.closeStart[i] : xml.end[i]).line - 1;
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  return out;
}
