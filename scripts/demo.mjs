// `npm run demo`: show syncml-check on the examples.
//
// 1. Builds first when dist/syncml-check.js is missing or older than any source it is built from.
// 2. Runs `syncml-check examples/` and shows its report. examples/mistakes.xml holds one deliberate
//    mistake per diagnostic code (each announced by a comment), so the checker exits 1 there. The
//    demo is not a gate: it exits 0 when the checker found exactly those mistakes, in the places
//    the comments announce, and nothing in the correct examples; otherwise it says what differs
//    and exits 1.
// 3. Runs `syncml-check explain 404` and `syncml-check decode examples/dm-session.xml`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const cli = join(root, 'dist', 'syncml-check.js');
const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s) => (colour ? `\u001b[1m${s}\u001b[22m` : s);
const green = (s) => (colour ? `\u001b[32m${s}\u001b[39m` : s);
const red = (s) => (colour ? `\u001b[31m${s}\u001b[39m` : s);

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const sources = Math.max(newestSource(join(root, 'server', 'src')), statSync(join(root, 'package.json')).mtimeMs);
  if (existsSync(cli) && statSync(cli).mtimeMs >= sources) return;
  console.log(bold(existsSync(cli) ? '# Sources changed since the last build: building' : '# No build yet: building'));
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(cli)) {
    console.error(red('demo: the build failed (see above); nothing to show.'));
    process.exit(1);
  }
  console.log();
}

/** Run syncml-check in the repository root, echo the command and its output. */
function show(args, { echo = true } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: colour ? '1' : '0' } });
  if (r.error) throw r.error;
  if (echo) {
    console.log(bold(`$ syncml-check ${args.join(' ')}`));
    process.stdout.write(r.stdout);
    process.stdout.write(r.stderr);
    console.log(`(exit status ${r.status})\n`);
  }
  return r;
}

/**
 * The mistakes examples/mistakes.xml announces: a comment starting with a diagnostic code (one of
 * `codes`), the diagnostic on the next line.
 */
function announcedMistakes(codes) {
  const lines = readFileSync(join(root, 'examples', 'mistakes.xml'), 'utf8').split(/\r?\n/);
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /<!--\s*([a-z-]+)[\s:(]/.exec(lines[i]);
    if (!m || !codes.includes(m[1])) continue;
    let j = i;
    while (j < lines.length && !lines[j].includes('-->')) j++;
    j++;
    while (j < lines.length && lines[j].trim() === '') j++;
    out.push(`examples/mistakes.xml:${j + 1} ${m[1]}`);
    i = j - 1;
  }
  return out;
}

ensureBuilt();
console.log(bold('# 1. Check every example. mistakes.xml has one deliberate mistake per diagnostic code.\n'));
const check = show(['examples/']);

// Compare with what the examples announce, through the SARIF report: its rule table names every
// diagnostic code the checker has, so this script keeps no list of its own.
const sarif = show(['--format', 'sarif', 'examples/'], { echo: false });
const problems = [];
let found = [];
let codes = [];
try {
  const run = JSON.parse(sarif.stdout).runs[0];
  codes = run.tool.driver.rules.map((r) => r.id);
  found = run.results.map((r) => {
    const { artifactLocation, region } = r.locations[0].physicalLocation;
    return `${decodeURIComponent(artifactLocation.uri)}:${region.startLine} ${r.ruleId}`;
  });
} catch {
  problems.push('the SARIF report could not be read');
}
const expected = announcedMistakes(codes);
for (const e of expected) if (!found.includes(e)) problems.push(`not reported: ${e}`);
for (const f of found) if (!expected.includes(f)) problems.push(`not expected: ${f}`);
if (check.status !== 1) problems.push(`exit status ${check.status}, expected 1 (mistakes.xml has an XML error)`);

console.log(bold('# 2. Every meaning of 404, by family (the same number is decoded by where it stands).\n'));
show(['explain', '404']);
console.log(bold('# 3. A captured session, decoded line by line (the inlay hints of the editor, in a terminal).\n'));
show(['decode', 'examples/dm-session.xml']);

if (problems.length === 0) {
  console.log(green(`Demo OK: the checker reported the ${expected.length} deliberate mistakes in examples/mistakes.xml, each where its comment says,`));
  console.log(green('and nothing in the correct examples. It exited 1 on examples/ because mistakes.xml has an XML error, as it should.'));
} else {
  console.log(red('Demo: the checker did not report what the examples announce:'));
  for (const p of problems) console.log(red(`  - ${p}`));
  console.log(red(`(examples: ${relative(process.cwd(), join(root, 'examples')) || '.'}; see examples/README.md)`));
  process.exitCode = 1;
}
