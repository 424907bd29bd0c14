#!/usr/bin/env bash
# run.sh - every end-to-end test file (tests/e2e/t_*.sh), then the totals.
# QUICK=1 skips the LibreOffice renders (for sanitizer runs).
set -u
cd "$(dirname "$0")/../.."
export GWDOC=${GWDOC:-./gwdoc} SHARED=${SHARED:-../shared}
case $GWDOC in /*) ;; *) GWDOC=$PWD/${GWDOC#./} ;; esac
case $SHARED in /*) ;; *) SHARED=$PWD/$SHARED ;; esac
export TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
: >"$TMP/.results"
. tests/e2e/lib.sh
for t in tests/e2e/t_*.sh; do
  echo "== $t"
  . "$t"
done
passed=$(grep -c pass "$TMP/.results")
failed=$(grep -c fail "$TMP/.results")
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
