#!/usr/bin/env bash
# Real third-party LSP clients against OUR server (dist/server-node.js --stdio):
# headless Neovim (nvim-test.lua) and Emacs + eglot in batch mode (emacs-test.el), both on sample.syncml.
# Installs Neovim / Emacs / eglot with apt when missing; builds nothing (run `npm run build` first).
# Exit status: 0 when both pass, 1 when one fails, 2 when the server bundle is missing.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SERVER="$ROOT/dist/server-node.js"
FILE="$HERE/sample.syncml"

if [ ! -f "$SERVER" ]; then
  echo "test/editors: $SERVER is missing; run \`npm run build\` first" >&2
  exit 2
fi

missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
compgen -G "/usr/share/emacs/site-lisp/elpa/eglot-*" >/dev/null || missing+=(elpa-eglot)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test/editors: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "test/editors: could not install ${missing[*]}" >&2; exit 1; }
fi

status=0
run() {
  local name="$1"; shift
  echo "== $name"
  ( cd "$HERE" && SERVER="$SERVER" FILE="$FILE" timeout 120 "$@" )
  local rc=$?
  if [ $rc -eq 0 ]; then echo "== $name: PASS"; else echo "== $name: FAIL (exit $rc)"; status=1; fi
}

run "Neovim $(nvim --version | head -1)" nvim --headless -u NONE -i NONE -n -c 'luafile nvim-test.lua'
# Emacs writes its own chatter ("[eglot] Connected! ...") to stderr; keep it, it helps when a run fails.
run "$(emacs --version | head -1) + eglot" emacs --batch -Q -l emacs-test.el

exit $status
