# t_hostile.sh - hostile and broken input, output failures (issue 5).
# Every input gets a valid DOCX or a clear FILE:LINE:COL error with exit 1
# and no output; an existing output is never damaged and no temporary
# file is left. t_errors.sh covers the basic error cases; these are the
# rest of the list.
H="$TMP/hostile"; mkdir -p "$H"
H_FRONT=$BULLETIN_FRONT

# h_error NAME SOURCE EXPECTED-STDERR: exit 1, no output, no temporary
# file, and EXPECTED somewhere on stderr.
h_error() {
  local out="$H/$1.docx" rc
  rm -f "$out"
  timeout 30 "$GWDOC" render "$2" -o "$out" 2>"$H/$1.err"; rc=$?
  if [ $rc -ne 1 ]; then fail "$1: exit 1" "got $rc: $(head -c 300 "$H/$1.err")"; return; fi
  if [ -e "$out" ]; then fail "$1: no output file"; return; fi
  if ls -a "$H" | grep -q 'gwdoc-'; then fail "$1: no temporary file left"; return; fi
  if grep -qF -- "$3" "$H/$1.err"; then pass "$1: $3"; else fail "$1" "stderr: $(head -c 300 "$H/$1.err")"; fi
}

# h_render NAME SOURCE [EXPECTED-STDERR]: exit 0 within the time limit, a
# schema-valid DOCX, and EXPECTED (a warning) on stderr when given.
h_render() {
  local out="$H/$1.docx" rc
  rm -f "$out"
  timeout 30 "$GWDOC" render "$2" -o "$out" 2>"$H/$1.err"; rc=$?
  if [ $rc -eq 124 ]; then fail "$1: renders within 30 s"; return; fi
  if [ $rc -ne 0 ]; then fail "$1: renders" "exit $rc: $(head -c 300 "$H/$1.err")"; return; fi
  if [ -n "${3:-}" ] && ! grep -qF -- "$3" "$H/$1.err"; then
    fail "$1: warns" "stderr: $(head -c 300 "$H/$1.err")"; return
  fi
  if schema_valid "$out" >"$H/$1.schema" 2>&1; then pass "$1: renders, schema-valid${3:+, warns $3}"
  else fail "$1: schema-valid" "$(head -c 300 "$H/$1.schema")"; fi
  rm -f "$out"
}

# --- characters XML 1.0 forbids: never written, a clear error ------------
{ printf '%s' "$H_FRONT"; printf '正文\0后面。\n'; } >"$H/nul.md"
h_error nul "$H/nul.md" "$H/nul.md:8:3: error: 第 93 字节处有 XML 不允许的字符（U+0000）"
{ printf '%s' "$H_FRONT"; printf '正文\xef\xbf\xbe。\n'; } >"$H/fffe.md"
h_error u-fffe "$H/fffe.md" "$H/fffe.md:8:3: error: 第 93 字节处有 XML 不允许的字符（U+FFFE）"
# Word's manual line break and page break paste as U+000B and U+000C:
# each ends its line, and the text after it stays.
{ printf '%s' "$H_FRONT"; printf '第一行。\v第二行。\f第三行。\n'; } >"$H/vt.md"
h_render vertical-tab "$H/vt.md"
"$GWDOC" render "$H/vt.md" -o "$H/vt.docx" 2>/dev/null
if [ "$(unzip -p "$H/vt.docx" word/document.xml | grep -o '第[一二三]行。</w:t></w:r></w:p>' | wc -l)" = 3 ]; then
  pass "Word's line and page breaks end their lines"
else fail "Word's line and page breaks end their lines" "$(unzip -p "$H/vt.docx" word/document.xml | grep -o '第.行[^<]*' | head -3)"; fi

# Made after the source check: CommonMark decodes &#1; (written as U+FFFD,
# never raw), YAML decodes "\x01" (refused where it is written).
printf '%s正文&#1;&#xB;&#xFFFF;。\n' "$H_FRONT" >"$H/charref.md"
h_render control-character-reference "$H/charref.md"
printf '%s正文。\n' "$H_FRONT" | sed 's/^year: 2021/year: 2021\ncolumn: "专刊\\x01"/' >"$H/yaml-escape.md"
h_error yaml-escape-control "$H/yaml-escape.md" "$H/yaml-escape.md:5:9: error: 引号里的转义写出了不允许的字符"

# --- BOM, CR LF and lone CR: accepted, positions still right -------------
{ printf '\xef\xbb\xbf'; printf '%s第一段。\n\n第二段。\n' "$H_FRONT" | sed 's/$/\r/'; } >"$H/bom-crlf.md"
h_render bom-crlf "$H/bom-crlf.md"
printf '%s第一段。\n\n第二段。\n' "$H_FRONT" | tr '\n' '\r' >"$H/cr.md"
h_render lone-cr "$H/cr.md"
{ printf '\xef\xbb\xbf'; printf '%s' "$H_FRONT" | sed 's/^number: 14/number: 14期/; s/$/\r/'; printf '正文。\r\n'; } >"$H/bom-crlf-type.md"
h_error bom-crlf-position "$H/bom-crlf-type.md" "$H/bom-crlf-type.md:5:9: error: number 只写期数"
printf '%s' "$H_FRONT" | sed 's/^number: 14/number: 14期/' | tr '\n' '\r' >"$H/cr-type.md"
h_error cr-position "$H/cr-type.md" "$H/cr-type.md:5:9: error: number 只写期数"
# The UTF-8 error is found before line ends are normalised: its line and
# column count CR LF and CR as one line end, its byte offset counts the
# BOM and every CR (offsets from 0, as a hex viewer shows them).
{ printf '\xef\xbb\xbf'; printf '%s第一段。\n\n第二段\xff。\n' "$H_FRONT" | sed 's/$/\r/'; } >"$H/bom-crlf-utf8.md"
h_error bom-crlf-utf8-position "$H/bom-crlf-utf8.md" "$H/bom-crlf-utf8.md:10:4: error: 第 122 字节处不是有效的 UTF-8 编码"
printf '%s第一段。\n\n第二段\xff。\n' "$H_FRONT" | tr '\n' '\r' >"$H/cr-utf8.md"
h_error cr-utf8-position "$H/cr-utf8.md" "$H/cr-utf8.md:10:4: error: 第 110 字节处不是有效的 UTF-8 编码"

# --- front matter and body -----------------------------------------------
printf '%s正文。\n' "$H_FRONT" | sed 's/^year: 2021/year: 2021\ntitel: 错字/' >"$H/unknown-key.md"
h_render unknown-key "$H/unknown-key.md" "$H/unknown-key.md:5:1: warning: 未知的键“titel”，已忽略：是不是“title”？"
# A field added in a hurry as a second block: an error, not a heading.
printf '%s---\ncopies: 100\n---\n\n正文。\n' "$H_FRONT" >"$H/second-block.md"
h_error second-front-matter "$H/second-block.md" "$H/second-block.md:8:1: error: 这里又有一块 --- 之间的前置元数据"
printf '%s---\n\n正文。\n\n---\n\n再一段。\n' "$H_FRONT" >"$H/rules.md"
h_render rules-are-no-block "$H/rules.md"
# Front-matter slips of a 增刊 and of an article title.
printf '%s正文。\n' "$H_FRONT" | sed 's/^number: 14/number: 增刊2/' >"$H/number-zengkan.md"
h_error number-zengkan "$H/number-zengkan.md" "$H/number-zengkan.md:5:9: error: number 只写期数：“增刊2”这样的期号请用 label 写出整行"
printf '%s正文。\n' "$H_FRONT" | sed 's/^number: 14/number: 14\nlabel: 增刊/' >"$H/label-number.md"
h_render label-drops-number "$H/label-number.md" "$H/label-number.md:5:9: warning: 写了 label，期号一行只排“增刊”，number（14）不再排出"
printf '%s正文。\n' "$H_FRONT" | sed 's/^number: 14/number: 14\nlabel: 增刊第2期/' >"$H/label-own-number.md"
h_render label-own-number "$H/label-own-number.md"
if grep -q "number（" "$H/label-own-number.err"; then fail "label with its own number: no warning"; else pass "label with its own number: no warning"; fi
printf '%s正文。\n' "$H_FRONT" | sed 's/^year: 2021/year: 2021\ntitle: 关于全县秋季开学工作情况的通报/' >"$H/title-article.md"
h_render title-as-article "$H/title-article.md" "$H/title-article.md:5:8: warning: title 是简报的报名"
printf '%s正文。\n' "$H_FRONT" | sed 's|^date: 2021-10-18|date: 10/08/2021|' >"$H/us-date.md"
h_error us-date "$H/us-date.md" "error: date 应写成 年-月-日"
if grep -q "year 是" "$H/us-date.err"; then fail "a refused date: no year warning"; else pass "a refused date: no year warning"; fi
printf '%s' "$H_FRONT" >"$H/empty-body.md"
h_render empty-body "$H/empty-body.md" "warning: 正文为空"
printf -- '---\nkind: bulletin\n正文。\n' >"$H/unterminated.md"
h_error unterminated-front-matter "$H/unterminated.md" "$H/unterminated.md:1:1: error: 前置元数据（front matter）没有结束"
h_error folder-as-source "$H" "$H: error: 这是一个文件夹"

# --- size and depth: render or clean error, in bounded time --------------
{ printf '%s' "$H_FRONT"; head -c 1048576 /dev/zero | tr '\0' 'x'; echo; } >"$H/mb-line.md"
h_render 1mb-line "$H/mb-line.md"
{ printf '%s' "$H_FRONT"; yes '长' | head -n 349526 | tr -d '\n'; echo; } >"$H/mb-line-zh.md"
h_render 1mb-line-chinese "$H/mb-line-zh.md"
rm -f "$H/mb-line.md" "$H/mb-line-zh.md"
{ printf '%s' "$H_FRONT"; head -c 10000 /dev/zero | tr '\0' '>'; echo ' 引用'; } >"$H/deep-quote.md"
h_render 10000-deep-quotes "$H/deep-quote.md" "warning: 嵌套超过"
{ printf '%s' "$H_FRONT"; for i in 1 2 3 4 5 6 7 8 9 10; do printf '>'; done
  for i in $(seq 2 1000); do printf '\n'; head -c $((i * 10)) /dev/zero | tr '\0' '>'; printf ' 第%d层' "$i"; done; echo; } >"$H/deep-quote-lines.md"
h_render 10000-deep-quotes-multiline "$H/deep-quote-lines.md"
{ printf '%s' "$H_FRONT"; printf '%.0s- ' $(seq 10000); echo '项'; } >"$H/deep-list.md"
h_render 10000-deep-lists "$H/deep-list.md" "warning: 嵌套超过"
{ printf '%s' "$H_FRONT"; printf '%.0s1. ' $(seq 10000); echo '项'; } >"$H/deep-olist.md"
h_render 10000-deep-ordered-lists "$H/deep-olist.md"
{ printf '%s' "$H_FRONT"; printf '%.0s> - ' $(seq 5000); echo '项'; } >"$H/deep-mixed.md"
h_render 10000-deep-quotes-and-lists "$H/deep-mixed.md"
{ printf '%s' "$H_FRONT"; yes '*' | head -n 10000 | tr -d '\n'; printf '强'; yes '*' | head -n 10000 | tr -d '\n'; echo;
  yes '[' | head -n 10000 | tr -d '\n'; printf '链'; yes '](u)' | head -n 10000 | tr -d '\n'; echo; } >"$H/deep-inline.md"
h_render 10000-deep-inlines "$H/deep-inline.md"
rm -f "$H"/deep-*.md
# 150,000 diagnostics on one 900 KB line: each column used to be counted
# from the start of the line (54 s); now from the previous one. The first
# hundred are printed, and a count of the rest.
{ printf '%s正文' "$H_FRONT"; printf '%.0s![](a)' $(seq 150000); echo; } >"$H/many-warnings.md"
h_render 150000-warnings-on-one-line "$H/many-warnings.md" "$H/many-warnings.md:8:597: warning: 图片“a”没有排入"
grep -q '^gwdoc: 另有 149900 条警告没有列出' "$H/150000-warnings-on-one-line.err" &&
  pass "150000 warnings: the rest counted" || fail "150000 warnings: the rest counted" "$(tail -n 1 "$H/150000-warnings-on-one-line.err")"
rm -f "$H/many-warnings.md"

# 100 MB: refused before it is read, quickly and with little memory.
{ printf '%s' "$H_FRONT"; yes '一段正文，一段正文，一段正文。' | head -c 100000000; } >"$H/100mb.md"
start=$(date +%s)
h_error 100mb-source "$H/100mb.md" "$H/100mb.md: error: 文件过大"
[ $(( $(date +%s) - start )) -le 5 ] && pass "100 MB source: refused within 5 s" || fail "100 MB source: refused within 5 s"
cat "$H/100mb.md" | timeout 30 "$GWDOC" render - -o "$H/stdin.docx" 2>"$H/stdin.err"; rc=$?
[ $rc -eq 1 ] && [ ! -e "$H/stdin.docx" ] && grep -q '<stdin>: error: 输入过大' "$H/stdin.err" \
  && pass "100 MB on stdin: read stops at the limit, clear error" || fail "100 MB on stdin" "exit $rc: $(cat "$H/stdin.err")"
rm -f "$H/100mb.md"

# --- paths in the source that point outside its folder -------------------
# Defined behaviour: a template: value is a name or a path to a .yaml file,
# relative to the source's folder (it may leave it: a shared templates
# folder); anything else is refused before a byte of it is read. Pictures
# are not supported yet: ignored with a warning, their files never read.
mkdir -p "$H/issues/2021" "$H/shared"
cp templates/jintuan-yaoxun.yaml "$H/shared/ours.yaml"
printf '%s正文。\n' "$H_FRONT" | sed 's|^template: .*|template: ../../etc/passwd|' >"$H/issues/2021/a.md"
h_error template-not-yaml "$H/issues/2021/a.md" "$H/issues/2021/a.md:3:11: error: 模板路径“../../etc/passwd”不是 .yaml 文件"
printf '%s正文。\n' "$H_FRONT" | sed 's|^template: .*|template: /etc/passwd|' >"$H/issues/2021/b.md"
h_error template-absolute-not-yaml "$H/issues/2021/b.md" "$H/issues/2021/b.md:3:11: error: 模板路径“/etc/passwd”不是 .yaml 文件"
printf '%s正文。\n' "$H_FRONT" | sed 's|^template: .*|template: ../../shared/ours.yaml|' >"$H/issues/2021/c.md"
h_render template-shared-folder "$H/issues/2021/c.md"
printf -- '- 不是\n- 映射\n' >"$H/shared/list.yaml"
printf '%s正文。\n' "$H_FRONT" | sed 's|^template: .*|template: ../../shared/list.yaml|' >"$H/issues/2021/d.md"
h_error template-yaml-not-a-map "$H/issues/2021/d.md" "shared/list.yaml:1:1: error: YAML 内容必须是“键: 值”的形式"
grep -qF "$H/issues/2021/d.md:3:11: error: 模板“../../shared/list.yaml”" "$H/template-yaml-not-a-map.err" \
  && pass "template error also points at the template: line" || fail "template error also points at the template: line" "$(cat "$H/template-yaml-not-a-map.err")"
printf '%s正文。![图](../../../../etc/shadow)\n' "$H_FRONT" >"$H/issues/2021/e.md"
h_render picture-outside-folder "$H/issues/2021/e.md" "$H/issues/2021/e.md:8:4: warning: 图片“../../../../etc/shadow”没有排入"

# --- output failures: clear error, old file untouched, no temporary ------
printf '%s正文。\n' "$H_FRONT" >"$H/good.md"
"$GWDOC" render "$H/good.md" -o "$H/keep.docx" 2>/dev/null
cp "$H/keep.docx" "$H/keep.orig"

"$GWDOC" render "$H/good.md" -o - >/dev/full 2>"$H/full.err"; rc=$?
[ $rc -eq 1 ] && grep -q '<stdout>: error: 写入标准输出失败' "$H/full.err" \
  && pass "stdout on a full disk (/dev/full): exit 1, clear error" || fail "stdout on /dev/full" "exit $rc: $(cat "$H/full.err")"

# An output path that is a folder or a device: told which, exit 1, nothing written.
mkdir -p "$H/outdir"
"$GWDOC" render "$H/good.md" -o "$H/outdir" 2>"$H/dir.err"; rc=$?
[ $rc -eq 1 ] && grep -q 'error: 输出路径是一个目录' "$H/dir.err" && [ -z "$(ls -A "$H/outdir")" ] \
  && pass "output path is a folder: exit 1, says so" || fail "output path is a folder" "exit $rc: $(cat "$H/dir.err")"
"$GWDOC" render "$H/good.md" -o /dev/full 2>"$H/dev.err"; rc=$?
[ $rc -eq 1 ] && grep -q 'error: 输出路径不是普通文件（是设备或管道）' "$H/dev.err" && ! grep -q 'Is a directory' "$H/dev.err" \
  && pass "output path is a device: exit 1, says so (not 'Is a directory')" || fail "output path is a device" "exit $rc: $(cat "$H/dev.err")"

# A 20 KB tmpfs holds the old output but not the new one; a read-only
# tmpfs stands for an unwritable folder (as root, chmod stops nothing).
H_MNT="$H/mnt"; mkdir -p "$H_MNT"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=20k tmpfs "$H_MNT" 2>/dev/null; then
  cp "$H/keep.docx" "$H_MNT/out.docx"
  { printf '%s' "$H_FRONT"; /usr/bin/python3 -c "
import random; random.seed(5)
for i in range(40): print(''.join(chr(random.randint(0x4e00, 0x9fa5)) for _ in range(400)) + '\n')"; } >"$H/big.md"
  "$GWDOC" render "$H/big.md" -o "$H_MNT/out.docx" 2>"$H/enospc.err"; rc=$?
  [ $rc -eq 1 ] && cmp -s "$H_MNT/out.docx" "$H/keep.orig" && ! ls -a "$H_MNT" | grep -q gwdoc- \
    && grep -q "$H_MNT/out.docx: error: 写入失败.*原文件未改动" "$H/enospc.err" \
    && pass "disk full (20 KB tmpfs): error, old output untouched, no temporary" \
    || fail "disk full (20 KB tmpfs)" "exit $rc: $(cat "$H/enospc.err"); $(ls -a "$H_MNT" | tr '\n' ' ')"
  umount "$H_MNT"
  mount -t tmpfs -o ro tmpfs "$H_MNT"
  "$GWDOC" render "$H/good.md" -o "$H_MNT/out.docx" 2>"$H/rofs.err"; rc=$?
  [ $rc -eq 1 ] && [ ! -e "$H_MNT/out.docx" ] && grep -q "error: 无法在目标目录创建文件" "$H/rofs.err" \
    && pass "unwritable folder (read-only tmpfs): clear error" || fail "unwritable folder (read-only tmpfs)" "exit $rc: $(cat "$H/rofs.err")"
  umount "$H_MNT"
elif [ "$(id -u)" != 0 ]; then
  mkdir -p "$H/locked"; chmod 555 "$H/locked"
  "$GWDOC" render "$H/good.md" -o "$H/locked/out.docx" 2>"$H/rofs.err"; rc=$?
  [ $rc -eq 1 ] && grep -q "error: 无法在目标目录创建文件" "$H/rofs.err" \
    && pass "unwritable folder (chmod 555): clear error" || fail "unwritable folder (chmod 555)" "exit $rc: $(cat "$H/rofs.err")"
  chmod 755 "$H/locked"
  pass "disk full on a tmpfs: skipped (needs root to mount; /dev/full covered above)"
else
  pass "disk full and unwritable folder: skipped (root without mount permission; /dev/full covered above)"
fi

# SIGINT/SIGTERM mid-write. With strace, the write of the temporary file is
# held for 3 s and the signal lands exactly then; without it, a big source
# is signalled after a moment (wherever it is).
{ printf '%s' "$H_FRONT"; /usr/bin/python3 -c "
import random; random.seed(7)
p = ''.join(chr(random.randint(0x4e00, 0x9fa5)) for _ in range(2000))
for i in range(3000): print(p[i % 2000:] + p[:i % 2000] + '\n')"; } >"$H/slow.md"
# A background job of a non-interactive shell starts with SIGINT ignored,
# and gwdoc keeps an ignored SIGINT ignored (as under nohup): start the
# job with the default action, as a terminal's Ctrl-C would find it.
default_int() { exec /usr/bin/python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' "$@"; }
h_signal() {
  local sig=$1 pid spid rc i
  rm -f "$H/sig.docx"; cp "$H/keep.orig" "$H/sig.docx"
  if command -v strace >/dev/null && strace -f -o /dev/null true 2>/dev/null; then
    default_int strace -f -o /dev/null -e trace=write -e inject=write:delay_enter=3000000 \
      "$GWDOC" render "$H/good.md" -o "$H/sig.docx" 2>"$H/sig.err" &
    spid=$!
    for i in $(seq 200); do ls -a "$H" | grep -q '^\.sig\.docx\.gwdoc-' && break; sleep 0.05; done
    ls -a "$H" | grep -q '^\.sig\.docx\.gwdoc-' || { fail "$sig mid-write" "no temporary file seen"; wait $spid; return; }
    pid=$(pgrep -P "$spid" | head -n 1)
    kill -"$sig" "$pid"
    wait $spid; rc=$?
    [ $rc -eq $((128 + $(kill -l "$sig"))) ] && cmp -s "$H/sig.docx" "$H/keep.orig" && ! ls -a "$H" | grep -q '^\.sig\.docx\.gwdoc-' \
      && pass "$sig while writing the temporary file: old output untouched, no temporary left" \
      || fail "$sig mid-write" "exit $rc; $(ls -a "$H" | grep gwdoc- | tr '\n' ' ')"
  else
    default_int "$GWDOC" render "$H/slow.md" -o "$H/sig.docx" 2>"$H/sig.err" &
    pid=$!
    sleep 0.3
    kill -"$sig" "$pid" 2>/dev/null
    wait $pid; rc=$?
    if [ $rc -eq 0 ]; then
      unzip -tq "$H/sig.docx" >/dev/null && pass "$sig mid-render: finished first, complete new output" || fail "$sig mid-render: output damaged"
    else
      cmp -s "$H/sig.docx" "$H/keep.orig" && ! ls -a "$H" | grep -q gwdoc- \
        && pass "$sig mid-render: old output untouched, no temporary left" || fail "$sig mid-render" "exit $rc"
    fi
  fi
}
h_signal TERM
h_signal INT
# And while converting a big source: killed, nothing written.
rm -f "$H/sig.docx"; cp "$H/keep.orig" "$H/sig.docx"
"$GWDOC" render "$H/slow.md" -o "$H/sig.docx" 2>/dev/null &
pid=$!; sleep 0.2; kill -TERM "$pid" 2>/dev/null; wait $pid; rc=$?
{ [ $rc -eq 143 ] && cmp -s "$H/sig.docx" "$H/keep.orig" || { [ $rc -eq 0 ] && unzip -tq "$H/sig.docx" >/dev/null; }; } \
  && ! ls -a "$H" | grep -q gwdoc- && pass "SIGTERM during conversion: old output untouched (or complete new), no temporary" \
  || fail "SIGTERM during conversion" "exit $rc"
rm -f "$H/slow.md" "$H/big.md"
