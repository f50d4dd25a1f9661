#!/usr/bin/env bash
# npm run test:e2e: the mocha suite in code-server 4.139.1 (Code-OSS 1.139.1 with a real Node extension
# host: the extension's `main` entry, vscode-languageclient/node, the server in its own process), then
# screenshots of the workbench to images/screenshot.png and images/csp-hover.png (SCREENSHOT= to skip, SCREENSHOT=path elsewhere: the second lands beside it).
# Offline-safe. Cold: about 3 min of install; warm: about 20 s.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bash "$here/install.sh"
(cd "$root" && node scripts/build.mjs ${SYNCML_E2E_BUILD_FLAGS:-})
node "$here/grammar-check.js" | grep -v '^ok ' # the TextMate grammars, tokenized by VS Code's engine
exec node "$here/code-server-driver.cjs" "$root" "$here/suite/index.js" "$here/workspace" "${SCREENSHOT-$root/images/screenshot.png}"
