/**
 * `npm run bench -- --only csp`: the bundled Windows CSP index. Its first load (fresh processes,
 * time and retained heap; budgets 30 ms and 15 MB) and the resolution of an OMA-URI to a node
 * (budget 2 µs), over URIs of each kind the resolver meets.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { windowsCspTree } from '../server/src/catalog/csp/windowsCsp';
import { median } from './stats';

export const CSP_BUDGETS = { loadMs: 30, retainedMB: 15, resolveUs: 2 };

/** The URIs resolved, each kind the resolver meets in a profile. */
export const CSP_URIS: readonly string[] = [
  './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled',
  './Vendor/MSFT/Policy/Config/Update/ActiveHoursStart',
  './User/Vendor/MSFT/Policy/Config/ADMX_AddRemovePrograms/NoServices',
  './Vendor/MSFT/VPNv2/Contoso%20VPN/NativeProfile/Servers',
  './Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Sales/ShowBanner',
  './Device/Vendor/MSFT/BitLocker/RequireDeviceEncryption/',
  './Device/Vendor/MSFT/Policy/Config/DeviceLock?list=Struct',
  './DevDetail/Ext/Microsoft/OSPlatform',
];
/** Misses: a typo (closest names computed) and a tree nobody describes. */
export const CSP_MISSES: readonly string[] = [
  './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabeld',
  './Vendor/Contoso/Agent/Mode',
];

export interface CspBenchResult {
  loadMs: number;
  retainedMB: number;
  /** Median µs per resolve of a URI naming a node. */
  resolveUs: number;
  /** Median µs per resolve of a miss. */
  missUs: number;
}

function perCallUs(uris: readonly string[], calls: number, rounds: number): number {
  const tree = windowsCspTree();
  let sink = 0;
  const times: number[] = [];
  for (let r = 0; r < rounds + 2; r++) {
    const t0 = performance.now();
    // Each call does the whole walk: resolve() remembers URIs it has seen, which would time a map lookup.
    for (let i = 0; i < calls; i++) sink += tree.resolveAnew(uris[i % uris.length]).kind.length;
    const us = ((performance.now() - t0) * 1000) / calls;
    if (r >= 2) times.push(us);
  }
  if (sink === 0) throw new Error('resolve returned nothing');
  return median(times);
}

export function runCspBench(options: { rounds: number; quick: boolean }): CspBenchResult {
  const child = path.join(__dirname, 'cspLoad.js');
  const loads: { ms: number; retained: number }[] = [];
  for (let i = 0; i < Math.max(3, options.rounds); i++) {
    const r = spawnSync(process.execPath, ['--expose-gc', child], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cspLoad failed: ${r.stderr}`);
    const j = JSON.parse(r.stdout) as { ms: number; retained: number; ok: boolean };
    if (!j.ok) throw new Error('cspLoad: the index did not resolve a known node');
    loads.push(j);
  }
  const calls = options.quick ? 100_000 : 1_000_000;
  return {
    loadMs: median(loads.map((l) => l.ms)),
    retainedMB: median(loads.map((l) => l.retained)) / (1024 * 1024),
    resolveUs: perCallUs(CSP_URIS, calls, options.rounds),
    missUs: perCallUs(CSP_MISSES, calls / 100, options.rounds),
  };
}
