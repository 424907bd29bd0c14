# lib.sh - helpers for the end-to-end tests (sourced by run.sh).
# Each test file t_*.sh calls `check NAME COMMAND...` or `pass NAME` /
# `fail NAME WHY`; run.sh prints "N passed, N failed".
: "${GWDOC:=./gwdoc}"
: "${SHARED:=../shared}"
SHARED=$(cd "$SHARED" && pwd)
XSD="$SHARED/ooxml-xsd/ISO-IEC29500-4_2016/wml.xsd"
OPC_CT="$SHARED/ooxml-xsd/opc/opc-contentTypes.xsd"
OPC_REL="$SHARED/ooxml-xsd/opc/opc-relationships.xsd"
DOCX_CHECK="$SHARED/tools/docx-check"
TMP=${TMP:-$(mktemp -d)}
# Front matter of a minimal valid bulletin, for the error and hostile tests.
BULLETIN_FRONT='---
kind: bulletin
template: jintuan-yaoxun
year: 2021
number: 14
date: 2021-10-18
---
'


pass() { echo "ok   $1"; echo pass >>"$TMP/.results"; }
fail() { echo "FAIL $1${2:+: $2}"; echo fail >>"$TMP/.results"; }
# check NAME CMD...: passes when CMD exits 0.
check() { local name=$1; shift; if "$@" >"$TMP/.out" 2>&1; then pass "$name"; else fail "$name" "$(tail -n 3 "$TMP/.out" | tr '\n' ' ')"; fi; }

# unpack DOCX DIR
unpack() { rm -rf "$2"; mkdir -p "$2"; (cd "$2" && unzip -q -o "$OLDPWD/$1" 2>/dev/null || unzip -q -o "$1"); }

# xpath FILE EXPR: prints the string value (w: bound to WordprocessingML).
xpath() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys
from lxml import etree
ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "v": "urn:schemas-microsoft-com:vml"}
t = etree.parse(sys.argv[1])
r = t.xpath(sys.argv[2], namespaces=ns)
if isinstance(r, list):
    print("\n".join((x if isinstance(x, str) else "".join(x.itertext())) for x in r))
elif isinstance(r, float) and r.is_integer():
    print(int(r))
else:
    print(r)
PY
}

# schema_valid DOCX: every XML part against the ECMA-376 schemas with
# plain xmllint (no markup-compatibility processing needed).
schema_valid() {
  local d="$TMP/schema.$$" f rc=0
  rm -rf "$d"; mkdir -p "$d"; (cd "$d" && unzip -q "$1") || return 1
  for f in "$d"/word/*.xml; do
    xmllint --noout --nonet --schema "$XSD" "$f" >"$d.log" 2>&1 || { grep -v 'parser warning\|Skipping import\|^$' "$d.log" | head -3; rc=1; }
  done
  xmllint --noout --nonet --schema "$OPC_CT" "$d/[Content_Types].xml" >"$d.log" 2>&1 || { head -3 "$d.log"; rc=1; }
  for f in "$d"/_rels/.rels "$d"/word/_rels/*.rels; do
    xmllint --noout --nonet --schema "$OPC_REL" "$f" >"$d.log" 2>&1 || { head -3 "$d.log"; rc=1; }
  done
  rm -rf "$d" "$d.log"
  return $rc
}
