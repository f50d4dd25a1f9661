import type { CodeEntry } from './types';

/** A code or a range of codes as a reader sees it (hover, messages, the CLI, the look-up command): "404", "1250–1299". */
export function codeText(e: Pick<CodeEntry, 'code' | 'to'>): string {
  return e.to !== undefined && e.to !== e.code ? `${e.code}–${e.to}` : String(e.code);
}
