// Shared by the drivers: launch Debian's chromium through playwright (no browser download), and tidy
// up the ~/.config/chromium folder that Debian's chromium creates on every start, when it was ours.
const fs = require('fs');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const chromiumConfig = path.join(os.homedir(), '.config', 'chromium');
const hadChromiumConfig = fs.existsSync(chromiumConfig);

function launchOptions(opts = {}) {
  return { ...opts, executablePath: CHROMIUM, headless: !process.env.HEADED, args: [...(opts.args || []), ...ARGS] };
}

function tidy() {
  if (!hadChromiumConfig) fs.rmSync(chromiumConfig, { recursive: true, force: true });
}

module.exports = { launchOptions, tidy };
