/**
 * The `.vsix` size budget (issue 13: it stays under 3 MB with the Windows CSP index bundled). Read
 * from the file `npm run package` wrote: the bench reports it, CI asserts it after packaging.
 *
 *   node out/bench/vsixSize.js [file]   (default syncml-codes.vsix; exit 1 when missing or over budget)
 */
import * as fs from 'node:fs';

/** 3 MB, in the bench's unit (2^20 bytes). */
export const VSIX_BUDGET_BYTES = 3 * 1024 * 1024;
export const VSIX_FILE = 'syncml-codes.vsix';

export interface VsixSize {
  bytes: number;
  mtimeMs: number;
}

/** The file's size, or undefined when there is none. */
export function vsixSize(file: string): VsixSize | undefined {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? { bytes: st.size, mtimeMs: st.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** "1.23 MB (1290000 bytes)" */
export function describeSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB (${bytes} bytes)`;
}

if (require.main === module) {
  const file = process.argv[2] ?? VSIX_FILE;
  const size = vsixSize(file);
  if (!size) {
    process.stderr.write(`${file}: not found (run npm run package first)\n`);
    process.exit(1);
  }
  const ok = size.bytes < VSIX_BUDGET_BYTES;
  process.stdout.write(`${file}: ${describeSize(size.bytes)}, budget < ${describeSize(VSIX_BUDGET_BYTES)}: ${ok ? 'met' : 'MISSED'}\n`);
  if (!ok) process.exit(1);
}
