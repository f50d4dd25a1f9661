// Preload (node -r) for @vscode/test-web, which has no executablePath option: its
// playwright.chromium.launch() gets Debian's chromium instead of a downloaded one.
const playwright = require('playwright');
const { launchOptions, tidy } = require('./browser.cjs');

const launch = playwright.chromium.launch.bind(playwright.chromium);
playwright.chromium.launch = (opts) => launch(launchOptions(opts));
process.on('exit', tidy);
