#!/usr/bin/env bash
# `npm run test:wbxml`: the WBXML decoder against libwbxml's xml2wbxml on the whole corpus.
# Installs libwbxml2-utils with apt when xml2wbxml is missing; builds nothing (run `npm run build` first).
#  1. regenerates every committed vector (test/wbxml/vectors/) and checks it is byte for byte the same;
#  2. converts every corpus message xml2wbxml accepts and checks that its decoded XML has the source's
#     element tree and text, and the same diagnostics (corpus-check.js).
# Exit status: 0 when both pass, 1 when one fails, 2 when the build is missing or xml2wbxml cannot be had.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CORPUS="$ROOT/../shared/corpus"

if [ ! -f "$ROOT/out/server/src/model/wbxml/decoder.js" ]; then
  echo "test/wbxml: the build is missing; run \`npm run build\` first" >&2
  exit 2
fi
if ! command -v xml2wbxml >/dev/null 2>&1; then
  echo "test/wbxml: installing libwbxml2-utils"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libwbxml2-utils >/dev/null \
    || { echo "test/wbxml: could not install libwbxml2-utils" >&2; exit 2; }
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
status=0

echo "== committed vectors, regenerated"
for v in "$HERE"/vectors/*.wbxml; do
  name="$(basename "$v" .wbxml)"
  if ! xml2wbxml -o "$TMP/$name.wbxml" "$CORPUS/syncml/$name.xml" >/dev/null 2>&1 || ! cmp -s "$v" "$TMP/$name.wbxml"; then
    echo "   differs or fails: $name"; status=1
  fi
done

echo "== every corpus message xml2wbxml accepts"
mkdir -p "$TMP/corpus"
for f in "$CORPUS"/syncml/*.xml; do
  xml2wbxml -o "$TMP/corpus/$(basename "$f" .xml).wbxml" "$f" >/dev/null 2>&1 || rm -f "$TMP/corpus/$(basename "$f" .xml).wbxml"
done
node "$HERE/corpus-check.js" "$TMP/corpus" "$CORPUS/syncml" || status=1

[ $status -eq 0 ] && echo "test/wbxml: PASS" || echo "test/wbxml: FAIL"
exit $status
