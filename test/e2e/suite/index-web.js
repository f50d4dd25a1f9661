// extensionTestsPath for the browser extension host (VS Code for the Web); bundled by run-web.sh.
// mocha's browser build sets up `mocha` as a global; the spec reporter writes through console.log.
require('mocha/mocha');

exports.run = function run() {
  return new Promise((resolve, reject) => {
    globalThis.mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60000 });
    require('./extension.test.js');
    globalThis.mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
};
