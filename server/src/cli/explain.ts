/**
 * `syncml-check explain <number>`: every meaning of a number across code families, from
 * LanguageService.explain. Pure formatting of an Explanation.
 */
import type { Explanation } from '../api';
import type { Catalog } from '../catalog/api';
import { codeText } from '../catalog/codeText';
import type { CodeEntry, FamilyId } from '../catalog/types';
import { PLAIN, type Style } from './format/text';

interface ExplainedMeaning extends CodeEntry {
  familyTitle: string;
}

interface ExplainReport {
  input: string;
  number: number | null;
  family: FamilyId | null;
  hresult: Explanation['hresult'] | null;
  windowsError: Explanation['windowsError'] | null;
  note: string | null;
  meanings: ExplainedMeaning[];
}

export function toExplainReport(e: Explanation, catalog: Catalog, family?: FamilyId): ExplainReport {
  return {
    input: e.input,
    number: e.number ?? null,
    family: family ?? null,
    hresult: e.hresult ?? null,
    windowsError: e.windowsError ?? null,
    note: e.note ?? null,
    meanings: e.meanings.map((m) => ({ ...m, familyTitle: catalog.family(m.family).title })),
  };
}

const KIND_TEXT: Record<CodeEntry['kind'], string> = {
  defined: '',
  vendor: 'vendor-specified range',
  reserved: 'reserved',
  obsolete: 'obsolete',
};

function qualifiers(m: CodeEntry): string {
  const q: string[] = [];
  if (m.kind !== 'defined') q.push(KIND_TEXT[m.kind] + (m.replacedBy !== undefined ? `, use ${m.replacedBy}` : ''));
  else if (m.replacedBy !== undefined) q.push(`use ${m.replacedBy} instead`);
  q.push(m.cls);
  if (m.profile) q.push(m.profile);
  if (m.customFile) q.push(`custom code from ${m.customFile}`);
  return q.join(', ');
}

export function formatExplainText(r: ExplainReport, style: Style = PLAIN): string {
  const out: string[] = [];
  const we = r.windowsError;
  if (r.hresult) {
    out.push(
      `${r.input} is a Windows MDM HRESULT: ${r.hresult.hex} = ${r.hresult.signed}, SyncML status ${r.hresult.status} in the 0x87D1xxxx range.`,
      '',
    );
  } else if (we) {
    out.push(`${r.input} is a Windows error value: ${we.hex} = ${we.signed}, ${we.summary}`);
    if (we.erratum) out.push(`  Erratum: ${we.erratum}`);
    out.push(`  ${style.dim('Source: ' + we.source)}`, '');
  }
  // An HRESULT wraps a code of one family (a SyncML status, a DCMO result): lead with that; the
  // same bare number's other meanings are a pointer.
  const inner = r.hresult ? { family: 'syncml-status' as FamilyId, code: r.hresult.status } : we?.carries;
  const innerTitle = inner && (r.meanings.find((m) => m.family === inner.family)?.familyTitle ?? inner.family);
  const subject = r.hresult ? `Status ${r.hresult.status}` : inner ? `${innerTitle} ${inner.code}` : r.input;
  const scope = r.family ? ` in ${r.family}` : '';
  let meanings = r.meanings;
  let elsewhere: ExplainedMeaning[] = [];
  if (inner && !r.family && meanings.some((m) => m.family === inner.family)) {
    elsewhere = meanings.filter((m) => m.family !== inner.family);
    meanings = meanings.filter((m) => m.family === inner.family);
  }
  if (meanings.length === 0) {
    if (we && !inner) return out.join('\n').trimEnd() + '\n';
    out.push(r.note ?? `${subject}: no meaning${scope} in any known code family.`);
    return out.join('\n') + '\n';
  }
  out.push(
    style.bold(
      meanings.length === 1 ? `${subject}: 1 meaning${scope}` : `${subject}: ${meanings.length} meanings${scope}, by family`,
    ),
  );
  for (const m of meanings) {
    out.push('');
    out.push(`  ${style.bold(m.familyTitle)} ${style.dim(`(${m.family})`)}`);
    out.push(`    ${codeText(m)}  ${m.name}  ${style.dim('\u00b7 ' + qualifiers(m))}`);
    if (m.description) out.push(`    ${m.description}`);
    if (m.source) out.push(`    ${style.dim('Source: ' + m.source)}`);
  }
  if (elsewhere.length) {
    const n = inner!.code;
    out.push(
      '',
      style.dim(
        `As a bare number, ${n} also means: ${elsewhere.map((m) => `${m.name} (${m.familyTitle})`).join('; ')}. See: syncml-check explain ${n}`,
      ),
    );
  }
  if (r.note) out.push('', r.note);
  return out.join('\n') + '\n';
}

export function formatExplainJson(r: ExplainReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}
