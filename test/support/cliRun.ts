/**
 * Run the built command-line checker (dist/syncml-check.js) as a user would: a child process,
 * arguments, optional standard input; collect stdout, stderr and the exit status.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository root (this file runs from out/test/support/). */
export const ROOT = resolve(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'syncml-check.js');
export const EXAMPLES = join(ROOT, 'examples');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' (or node scripts/build.mjs) first`);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory with the given files (path -> content; a path ending in '/' is an empty directory). */
export function tempTree(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'syncml-check-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = join(dir, rel);
    if (rel.endsWith('/')) {
      mkdirSync(full, { recursive: true }); // an (empty) directory
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Lines of text output that report a diagnostic (`path:line:col: severity code message`). */
export interface TextLine {
  path: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

export function parseTextReport(stdout: string): TextLine[] {
  const out: TextLine[] = [];
  for (const l of stdout.split('\n')) {
    const m = /^(.+?):(\d+):(\d+): (error|warning|information|hint) ([a-z-]+) (.*)$/.exec(l);
    if (m) out.push({ path: m[1], line: +m[2], column: +m[3], severity: m[4], code: m[5], message: m[6] });
  }
  return out;
}

/** A small, valid DM 1.2 client message whose SyncBody is `body`. */
export function dmMessage(body: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<SyncML xmlns="SYNCML:SYNCML1.2">',
    '  <SyncHdr>',
    '    <VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>2</MsgID>',
    '    <Target><LocURI>https://dm.example.net/omadm</LocURI></Target>',
    '    <Source><LocURI>IMEI:490154203237518</LocURI></Source>',
    '  </SyncHdr>',
    '  <SyncBody>',
    body,
    '    <Final/>',
    '  </SyncBody>',
    '</SyncML>',
    '',
  ].join('\n');
}

export function status(cmdId: number, cmd: string, data: string, cmdRef = cmdId + 1): string {
  return `    <Status><CmdID>${cmdId}</CmdID><MsgRef>1</MsgRef><CmdRef>${cmdRef}</CmdRef><Cmd>${cmd}</Cmd><Data>${data}</Data></Status>`;
}
