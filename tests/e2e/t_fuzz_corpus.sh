# t_fuzz_corpus.sh - replay the fuzz seed corpus (tests/fuzz/corpus) and
# every input the fuzzer ever crashed on (tests/fuzz/regressions) through
# the real command line. Each must give either exit 0 and a schema-valid
# DOCX, or exit 1 with a FILE:LINE:COL: error: line and no output file;
# never another exit code, a crash, a sanitizer report or a hang.
FC="$TMP/fuzz-corpus"; mkdir -p "$FC"
fc_replay() {
  local f=$1 name rc
  name="${f#tests/fuzz/}"
  # A copy in a folder of its own, so nothing is written into the tree.
  rm -f "$FC/src.md" "$FC/out.docx" "$FC"/.out.docx.gwdoc-*
  cp "$f" "$FC/src.md"
  timeout 10 "$GWDOC" render "$FC/src.md" -o "$FC/out.docx" >"$FC/stdout" 2>"$FC/stderr"; rc=$?
  if grep -q 'Sanitizer\|runtime error' "$FC/stderr"; then
    fail "$name: sanitizer report" "$(grep -m 1 'Sanitizer\|runtime error' "$FC/stderr")"
  elif [ $rc -eq 0 ]; then
    if [ ! -s "$FC/out.docx" ]; then fail "$name: exit 0 without a DOCX"
    elif schema_valid "$FC/out.docx" >"$FC/schema" 2>&1; then pass "$name: schema-valid DOCX"
    else fail "$name: schema-valid" "$(head -c 300 "$FC/schema")"; fi
  elif [ $rc -eq 1 ]; then
    if [ -e "$FC/out.docx" ]; then fail "$name: exit 1 but an output file"
    elif ls -a "$FC" | grep -q 'gwdoc-'; then fail "$name: temporary file left"
    elif grep -qE '^[^ ]+:[0-9]+:[0-9]+: error: ' "$FC/stderr"; then pass "$name: clean error"
    else fail "$name: exit 1 without FILE:LINE:COL: error:" "$(head -c 300 "$FC/stderr")"; fi
  elif [ $rc -eq 124 ]; then
    fail "$name: timed out (10 s)"
  else
    fail "$name: exit $rc" "$(tail -n 3 "$FC/stderr" | tr '\n' ' ')"
  fi
}
for f in tests/fuzz/corpus/* tests/fuzz/regressions/*; do
  [ -f "$f" ] || continue
  case $f in */README*) continue ;; esac
  fc_replay "$f"
done
