/**
 * Run as a child of the bench (a fresh process, so the index is really loaded for the first time):
 * prints the time and the retained heap of the first use of the bundled Windows CSP index.
 */
import { windowsCspTree } from '../server/src/catalog/csp/windowsCsp';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
gc();
const before = process.memoryUsage().heapUsed;
const t0 = performance.now();
const tree = windowsCspTree();
const ms = performance.now() - t0;
gc();
const retained = process.memoryUsage().heapUsed - before;
const ok = tree.resolve('./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled').kind === 'node';
process.stdout.write(JSON.stringify({ ms, retained, ok }) + '\n');
