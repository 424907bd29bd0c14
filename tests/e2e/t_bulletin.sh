# t_bulletin.sh - every bulletin sample renders to a valid, standard DOCX.
# Sourced by run.sh (helpers from lib.sh).

for src in samples/*.md; do
  grep -q '^kind: bulletin' "$src" || continue
  name=$(basename "$src" .md)
  out="$TMP/$name.docx"
  check "$name: renders" "$GWDOC" render "$src" -o "$out"
  [ -f "$out" ] || continue
  check "$name: every part valid (plain xmllint, ECMA-376 schemas)" schema_valid "$out"
  first=$(sleep 1; "$GWDOC" render "$src" -o "$TMP/$name.again.docx" && cmp "$out" "$TMP/$name.again.docx" && echo same)
  [ "$first" = same ] && pass "$name: byte-identical on a second run" || fail "$name: byte-identical on a second run"
  if [ -z "${QUICK:-}" ]; then
    # The GB/T 9704 geometry as LibreOffice renders it. A page that holds
    # nothing but the 报尾 (moved whole to a new page) has no body text to
    # measure; its expectations are left out and the rest must hold.
    "$DOCX_CHECK" --gbt9704 --json "$out" >"$TMP/$name.json" 2>"$TMP/$name.err"
    verdict=$(/usr/bin/python3 - "$TMP/$name.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
pages = r["pages"]
tail_only = set()
last = pages[-1] if pages else None
if last and last["text_extent_mm"]["top"] and last["text_extent_mm"]["top"] > 140:
    tail_only.add(len(pages))
tail_only.discard(1)
# A short issue has no page of plain body text: the 22-line test needs one.
fills_a_page = any(p["full_page"] and p["uniform_pitch"] for p in pages)
bad = [e for e in r["expectations"] if not e.get("ok")
       and not any(f"page {p} " in e.get("check", "") for p in tail_only)
       and (fills_a_page or "lines (full page" not in e.get("check", ""))]
if r["errors"]:
    print("schema:", r["errors"][0]["message"])
elif bad:
    print("; ".join(f'{e["check"]}: got {e.get("got")} want {e.get("want")}' for e in bad))
else:
    s = r["summary"]
    print("ok", s.get("lines_per_uniform_full_page"), s.get("chars_per_full_line"))
PY
)
    case $verdict in
      ok*) pass "$name: docx-check --gbt9704 (22 lines x 28 characters) ${verdict#ok }" ;;
      *) fail "$name: docx-check --gbt9704" "$verdict" ;;
    esac
  fi
done

# XPath assertions on the seed issue.
seed="$TMP/jintuan-yaoxun-2021-14.docx"
if [ -f "$seed" ]; then
  d="$TMP/seed.x"; rm -rf "$d"; mkdir -p "$d"; (cd "$d" && unzip -q "$seed")
  doc="$d/word/document.xml"
  want() { # want NAME EXPECTED XPATH [FILE]
    local got; got=$(xpath "${4:-$doc}" "$3")
    [ "$got" = "$2" ] && pass "$1" || fail "$1" "got '$got', want '$2'"
  }
  role_font() { echo "string((//w:p[w:pPr/w:pStyle/@w:val='$1']/w:r/w:rPr/w:rFonts/@w:eastAsia)[1])"; }
  want "masthead is red" FF0000 "string(//w:style[@w:styleId='gwMasthead']/w:rPr/w:color/@w:val)" "$d/word/styles.xml"
  want "masthead paragraphs use the masthead style" 1 "count(//w:p[w:pPr/w:pStyle/@w:val='gwMasthead'])"
  want "masthead text" 晋团要讯 "string(//w:p[w:pPr/w:pStyle/@w:val='gwMasthead'])"
  want "期号 line" "〔2021〕第14期" "string(//w:p[w:pPr/w:pStyle/@w:val='gwIssueNumber'])"
  want "issuer and date on one line" "共青团山西省委2021年10月18日" "string(//w:p[w:pPr/w:pStyle/@w:val='gwIssuerLine'])"
  want "red rule under the issuer line" "single FF0000 12" "concat(//w:pBdr/w:bottom/@w:val,' ',//w:pBdr/w:bottom/@w:color,' ',//w:pBdr/w:bottom/@w:sz)"
  want "column line" 全国县域共青团基层组织改革试点专刊二 "string(//w:p[w:pPr/w:pStyle/@w:val='gwColumn'])"
  want "报尾 rows in order 报, 送, 发" "报送发" "concat(substring(string((//w:txbxContent//w:tc)[1]),1,1),substring(string((//w:txbxContent//w:tc)[2]),1,1),substring(string((//w:txbxContent//w:tc)[3]),1,1))"
  want "报尾 pinned to the foot of the page" 1 "count(//v:rect[contains(@style,'mso-position-vertical:bottom') and contains(@style,'mso-position-vertical-relative:margin')])"
  want "title font 方正小标宋简体" 方正小标宋简体 "$(role_font gwTitle)"
  want "subtitle font 楷体_GB2312" 楷体_GB2312 "$(role_font gwSubtitle)"
  want "heading 一、 font 黑体" 黑体 "$(role_font gwHeading1)"
  want "body font 仿宋_GB2312" 仿宋_GB2312 "$(role_font gwBody)"
  want "编者按 label font 黑体" "黑体" "string(//w:p[w:pPr/w:pStyle/@w:val='gwNote']/w:r[1]/w:rPr/w:rFonts/@w:eastAsia)"
  want "编者按 text font 楷体_GB2312" "楷体_GB2312" "string(//w:p[w:pPr/w:pStyle/@w:val='gwNote']/w:r[2]/w:rPr/w:rFonts/@w:eastAsia)"
  want "bold run-in head" "坚持党建带团建。" "string((//w:r[w:rPr/w:b]/w:t)[1])"
  want "every run names the font of the slot it uses" 0 "count(//w:r[w:t and not(w:rPr/w:rFonts/@w:eastAsia or w:rPr/w:rFonts/@w:ascii)])"
  want "Chinese runs name their East Asian font" 0 "count(//w:r[contains(w:t,'。') and not(w:rPr/w:rFonts/@w:eastAsia)])"
  want "no theme fonts anywhere" 0 "count(//@*[contains(local-name(),'Theme')])"
  want "language zh-CN in the document defaults" zh-CN "string(//w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:eastAsia)" "$d/word/styles.xml"
  want "no run overrides the language" 0 "count(//w:r/w:rPr/w:lang[@w:eastAsia!='zh-CN'])"
  want "quotes carry the East Asian hint" 0 "count(//w:r[contains(w:t,'“') and not(w:rPr/w:rFonts/@w:hint='eastAsia')])"
  want "extraction artefact repaired: 强团改革50条" 1 "number(contains(string(//w:body),'“强团改革50条”'))"
  want "odd and even footers referenced" "default even" "concat(//w:body/w:sectPr/w:footerReference[1]/@w:type,' ',//w:body/w:sectPr/w:footerReference[2]/@w:type)"
  want "odd footer right" right "string(//w:jc/@w:val)" "$d/word/footer1.xml"
  want "even footer left" left "string(//w:jc/@w:val)" "$d/word/footer2.xml"
  want "page number — N — in 宋体 4号" "— 1 —|宋体|28" "concat((//w:t)[1],(//w:t)[2],(//w:t)[3],'|',(//w:rFonts/@w:eastAsia)[1],'|',(//w:sz/@w:val)[1])" "$d/word/footer1.xml"
  want "even and odd headers on" 1 "count(//w:evenAndOddHeaders)" "$d/word/settings.xml"
  want "A4 and GB/T 9704 margins" "11906 16838 2098 1984 1587 1474" "concat(//w:body/w:sectPr/w:pgSz/@w:w,' ',//w:body/w:sectPr/w:pgSz/@w:h,' ',//w:pgMar/@w:top,' ',//w:pgMar/@w:bottom,' ',//w:pgMar/@w:left,' ',//w:pgMar/@w:right)"
  want "line grid 579 twips" "lines 579" "concat(//w:docGrid/@w:type,' ',//w:docGrid/@w:linePitch)"
fi

# The second sample: total, print run, no column line; the 报尾 fits on
# the last page of text. The seed's 报尾 has no room left and starts a page.
s15="$TMP/jintuan-yaoxun-2021-15.docx"
if [ -f "$s15" ] && [ -f "$seed" ]; then
  d15="$TMP/s15.x"; rm -rf "$d15"; mkdir -p "$d15"; (cd "$d15" && unzip -q "$s15")
  want "期号 with the running total" "〔2021〕第15期（总第236期）" "string(//w:p[w:pPr/w:pStyle/@w:val='gwIssueNumber'])" "$d15/word/document.xml"
  want "print run in the 报尾" "（共印120份）" "string((//w:txbxContent//w:tc)[last()-1])" "$d15/word/document.xml"
  want "no column line without column:" 0 "count(//w:p[w:pPr/w:pStyle/@w:val='gwColumn'])" "$d15/word/document.xml"
  want "报尾 stays on the last page of text when it fits" 0 "count(//w:p[w:r/w:pict]/w:pPr/w:pageBreakBefore)" "$d15/word/document.xml"
fi

# The 内部资料 mark, top left above the masthead.
{ sed -n '1,/^date:/p' samples/jintuan-yaoxun-2021-15.md; printf 'mark: 内部资料　注意保存\n---\n正文。\n'; } >"$TMP/mark.md"
if "$GWDOC" render "$TMP/mark.md" -o "$TMP/mark.docx" 2>/dev/null; then
  dm="$TMP/mark.x"; rm -rf "$dm"; mkdir -p "$dm"; (cd "$dm" && unzip -q "$TMP/mark.docx")
  want "mark: the first paragraph" "内部资料　注意保存" "string(//w:body/w:p[1][w:pPr/w:pStyle/@w:val='gwMark'])" "$dm/word/document.xml"
  want "mark: left, in 黑体" "left|黑体" "concat(//w:style[@w:styleId='gwMark']/w:pPr/w:jc/@w:val,'|',//w:style[@w:styleId='gwMark']/w:rPr/w:rFonts/@w:eastAsia)" "$dm/word/styles.xml"
else
  fail "mark: renders"
fi

# A long 报名 stays on one line: letter spacing first, then narrower
# characters (w:w) down to 60 %, then a smaller size.
masthead_fit() { # NAME TITLE EXPECTED(w|spacing|size)
  { sed -n '1,/^date:/p' samples/jintuan-yaoxun-2021-15.md; printf 'title: %s\n---\n正文。\n' "$2"; } >"$TMP/mh.md"
  if "$GWDOC" render "$TMP/mh.md" -o "$TMP/mh.docx" 2>/dev/null; then
    local dh="$TMP/mh.x"; rm -rf "$dh"; mkdir -p "$dh"; (cd "$dh" && unzip -q "$TMP/mh.docx")
    want "$1" "$3" "concat(//w:style[@w:styleId='gwMasthead']/w:rPr/w:w/@w:val,'|',//w:style[@w:styleId='gwMasthead']/w:rPr/w:spacing/@w:val,'|',//w:style[@w:styleId='gwMasthead']/w:rPr/w:sz/@w:val)" "$dh/word/styles.xml"
  else fail "$1: renders"; fi
}
masthead_fit "masthead of 4 characters: as the template sets it" 晋团要讯 "|120|84"
masthead_fit "masthead of 10 characters: letter spacing narrowed" 晋中市卫生健康工作报 "|44|84"
masthead_fit "masthead of 11 characters: characters narrowed to 95 %" 晋中市卫生健康工作简报 "95||84"
masthead_fit "masthead of 15 characters: narrowed to 70 %" 中共清徐县委政法委员会政法信息 "70||84"
masthead_fit "masthead of 21 characters: 60 % and a smaller size" 中共清徐县委政法委员会政法信息中共清徐县委 "60||70"

# The 报尾 moves whole to the next page when the text leaves no room: add
# one-line paragraphs until gwdoc starts a page for it (only where its
# estimate is sure the page is full); then LibreOffice must show the 报尾
# alone at the foot of the last page. With one paragraph fewer the break
# is not forced, and the 报尾 is either under the text on a page fewer or
# (near the edge, the word processor's own move) alone at the foot: never
# anywhere else. A tall 报尾 (five rows, wrapped), so that a page with
# room for two lines or more but not for it is forced (with less, the
# break is left to the word processor: the estimate may be that short).
mk_lines() { { sed -n '1,/^date:/p' samples/jintuan-yaoxun-2021-15.md; printf 'distribution:\n  报: [省委办公厅, 省人大办公厅, 省政府办公厅, 省政协办公厅, 团中央办公厅, 省纪委监委机关, 省委组织部]\n  送: [省直有关单位, 各市党委政府, 团省委班子成员, 省委宣传部, 省委统战部, 省教育厅]\n  发: [市级团委, 团省委机关各部门、直属事业单位, 各高校团委, 省属企业团委, 省直机关团工委]\n  抄送: [省委办公厅督查室, 省政府办公厅督查室]\n---\n'; for i in $(seq "$1"); do printf '第%03d段正文内容用于测试报尾的分页位置是否正确。\n\n' "$i"; done; } >"$TMP/lines.md"; }
moved=""
for n in $(seq 20 60); do
  mk_lines "$n"; "$GWDOC" render "$TMP/lines.md" -o "$TMP/lines.docx" 2>/dev/null || break
  if unzip -p "$TMP/lines.docx" word/document.xml | grep -q '<w:pageBreakBefore/><w:spacing w:before="0" w:after="0" w:line="20"'; then moved=$n; break; fi
done
if [ -z "$moved" ]; then
  fail "报尾 moves whole to a new page" "no paragraph count between 20 and 60 started a page"
elif [ -z "${QUICK:-}" ]; then
  "$DOCX_CHECK" --json "$TMP/lines.docx" >"$TMP/lines.json" 2>/dev/null
  mk_lines $((moved - 1)); "$GWDOC" render "$TMP/lines.md" -o "$TMP/lines-1.docx"
  "$DOCX_CHECK" --json "$TMP/lines-1.docx" >"$TMP/lines-1.json" 2>/dev/null
  got=$(/usr/bin/python3 - "$TMP/lines.json" "$TMP/lines-1.json" <<'PY'
import json, sys
a, b = (json.load(open(f))["pages"] for f in sys.argv[1:3])
# moved: last page holds only the 报尾 (its text starts low on the page);
# one paragraph fewer: same pages minus one, the 报尾 under the text.
print(len(a), a[-1]["text_extent_mm"]["top"] > 180, len(b), b[-1]["body_lines"] > 6,
      b[-1]["text_extent_mm"]["top"] > 180)
PY
)
  set -- $got
  [ "$2" = True ] && { { [ "$3" -eq $(($1 - 1)) ] && [ "$4" = True ]; } || { [ "$3" -eq "$1" ] && [ "$5" = True ]; }; } \
    && pass "报尾 moves whole to a new page ($moved paragraphs: $1 pages, alone at the foot; $((moved - 1)): $3 pages)" \
    || fail "报尾 moves whole to a new page" "$got"
else
  pass "报尾 moves whole to a new page at $moved one-line paragraphs"
fi

# An issue the page estimate fills to the last line (a drafter's, 21
# paragraphs): LibreOffice runs its text a line onto a fourth page. The
# 报尾 must not be forced onto a page of its own after that line: it
# goes on the fourth page, under the text (before: five pages).
edge=tests/fixtures/bulletin-tail-edge.md
if "$GWDOC" render "$edge" -o "$TMP/edge.docx" 2>/dev/null; then
  forced=$(unzip -p "$TMP/edge.docx" word/document.xml | grep -c '<w:pageBreakBefore/><w:spacing w:before="0" w:after="0" w:line="20"')
  if [ "$forced" != 0 ]; then
    fail "报尾 not forced to a new page when the estimate fills the page" "pageBreakBefore on the 报尾"
  elif [ -z "${QUICK:-}" ]; then
    "$DOCX_CHECK" --json "$TMP/edge.docx" >"$TMP/edge.json" 2>/dev/null
    got=$(/usr/bin/python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["pages"]; print(len(p), p[-1]["body_lines"])' "$TMP/edge.json" 2>&1)
    set -- $got 0 0
    [ "$1" = 4 ] && [ "$2" -gt 4 ] \
      && pass "报尾 under the text that ran onto the last page (pages $1, lines there $2)" \
      || fail "报尾 under the text that ran onto the last page" "pages, lines on the last: $got"
  else
    pass "报尾 not forced to a new page when the estimate fills the page"
  fi
else
  fail "tail edge fixture renders"
fi

# Headings typed without ## (pasted from Word) still get their fonts;
# a sentence that happens to start with 一、 stays body text.
{ sed -n '1,/^date:/p' samples/jintuan-yaoxun-2021-15.md; printf -- '---\n# 标题\n\n一、夯实政治责任，强化组织保障\n\n（一）坚持党建带团建\n\n一、这是一句完整的话。后面还有正文。\n'; } >"$TMP/typed.md"
if "$GWDOC" render "$TMP/typed.md" -o "$TMP/typed.docx" 2>/dev/null; then
  dt="$TMP/typed.x"; rm -rf "$dt"; mkdir -p "$dt"; (cd "$dt" && unzip -q "$TMP/typed.docx")
  want "typed 一、 heading is a level-1 heading" "一、夯实政治责任，强化组织保障" "string(//w:p[w:pPr/w:pStyle/@w:val='gwHeading1'])" "$dt/word/document.xml"
  want "typed （一） heading is a level-2 heading" "（一）坚持党建带团建" "string(//w:p[w:pPr/w:pStyle/@w:val='gwHeading2'])" "$dt/word/document.xml"
  want "a sentence starting 一、 stays body" 1 "count(//w:p[w:pPr/w:pStyle/@w:val='gwBody' and starts-with(string(.),'一、这是')])" "$dt/word/document.xml"
else
  fail "typed headings: renders"
fi

# A part over 256 KB is deflated on a second thread while it is written:
# the package must be the same bytes every time, every entry's CRC must
# hold, and the text must all be there, the last paragraph included.
big=$TMP/big-bulletin.md
{
  printf '%s' "$BULLETIN_FRONT"
  for i in $(seq 1 2500); do
    printf '第%d段：各级团组织要把强团改革落到实处，以钉钉子精神抓好每一项任务。\n\n' "$i"
  done
} >"$big"
check "big bulletin: renders" "$GWDOC" render "$big" -o "$TMP/big1.docx"
check "big bulletin: renders again" "$GWDOC" render "$big" -o "$TMP/big2.docx"
check "big bulletin: byte-identical on a second run (threaded deflate)" cmp "$TMP/big1.docx" "$TMP/big2.docx"
check "big bulletin: every entry's CRC holds, document.xml over 256 KB, all 2,500 paragraphs in it" \
  /usr/bin/python3 - "$TMP/big1.docx" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, "bad CRC"
doc = z.read("word/document.xml").decode("utf-8")
assert len(doc.encode()) > 256 * 1024, len(doc)
# digits are runs of their own (Latin font slot), between 第 and 段
assert all(f">{i}<" in doc for i in (1, 1250, 2500)), "missing paragraph numbers"
assert doc.count("以钉钉子精神") == 2500, doc.count("以钉钉子精神")
PY
check "big bulletin: every part valid" schema_valid "$TMP/big1.docx"

# A big body is built in two halves at once (bulletin.c, start_ahead):
# the document and every message must be those of a body built in order.
# A link definition at the end keeps the same body from being cut (it
# prints nothing). The shapes: pictures numbered across the halves, a
# note pasted without > (the tree changed), warnings and titles with
# nothing under them on both sides; and articles ending with an item
# 一、…； whose number the next article's list may continue (the second
# half is built again in order).
/usr/bin/python3 - "$TMP" <<'PY'
import struct, sys, zlib
tmp = sys.argv[1]
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
raw = b"".join(b"\x00" + b"\xc0\x10\x10" * 40 for _ in range(30))
open(tmp + "/halves-pic.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 30, 8, 2, 0, 0, 0))
                                         + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
front = "---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2021\nnumber: 14\ndate: 2021-10-18\n---\n\n"
text = "团员青年积极参与志愿服务活动，覆盖社区多个，服务群众数千人次，取得了良好的社会效果。" * 3
def article(i, shape):
    if shape == "take":
        if i % 29 == 3:
            return "# 只有标题的文章%d\n\n" % i
        warned = "## 三、跳过编号\n\n这里有（未闭合的括号%s\n\n" % text if i % 10 == 5 else ""
        return ("# 第%d篇 关于开展青年工作的情况\n\n【编者按】近期各地积极开展活动。\n现将经验做法编发如下。\n\n"
                "![图%d](halves-pic.png)\n\n（图为青年志愿者在社区服务）\n\n## 一、加强领导\n\n%s\n\n%s"
                % (i, i, text, warned))
    return ("# 第%d篇 工作动态\n\n%s\n\n一、抢抓农时，确保颗粒归仓；\n\n二、加强统筹协调，形成工作合力\n\n%s\n\n"
            "一、做好秋收工作；\n\n" % (i, text, text))
for shape in ("take", "redo"):
    body = "".join(article(i, shape) for i in range(300))
    open("%s/halves-%s.md" % (tmp, shape), "w").write(front + body)
    open("%s/halves-%s-whole.md" % (tmp, shape), "w").write(front + body + "\n[gwdoc-no-cut]: https://example.com\n")
PY
for shape in take redo; do
  "$GWDOC" render "$TMP/halves-$shape.md" -o "$TMP/halves-$shape.docx" 2>"$TMP/halves-$shape.err"
  cut_rc=$?
  "$GWDOC" render "$TMP/halves-$shape-whole.md" -o "$TMP/halves-$shape-whole.docx" 2>"$TMP/halves-$shape-whole.err"
  whole_rc=$?
  sed "s/halves-$shape-whole\.md/halves-$shape.md/" "$TMP/halves-$shape-whole.err" >"$TMP/halves-$shape-whole.msg"
  size=$(wc -c <"$TMP/halves-$shape.md")
  warnings=$(grep -c warning "$TMP/halves-$shape.err")
  if [ "$cut_rc" = 0 ] && [ "$whole_rc" = 0 ] && [ "$size" -gt 131072 ] &&
     cmp -s "$TMP/halves-$shape.docx" "$TMP/halves-$shape-whole.docx" &&
     cmp -s "$TMP/halves-$shape.err" "$TMP/halves-$shape-whole.msg"; then
    pass "big bulletin built in halves ($shape): the document and the $warnings warnings of one built in order"
  else
    fail "big bulletin built in halves ($shape)" "rc $cut_rc/$whole_rc, $size bytes: $(diff "$TMP/halves-$shape.err" "$TMP/halves-$shape-whole.msg" | head -3)"
  fi
done
# (fewer than the 100 messages shown, so that both halves' are compared)
bare=$(grep -c '只有标题' "$TMP/halves-take.err")
skipped=$(grep -c '跳号' "$TMP/halves-take.err")
unpaired=$(grep -c '没有与之配对' "$TMP/halves-take.err")
pictures=$(grep -c '^!\[' "$TMP/halves-take.md")
[ "$bare" = 11 ] && [ "$skipped" = 29 ] && [ "$unpaired" = 29 ] &&
  unzip -l "$TMP/halves-take.docx" | grep -q "word/media/image$pictures.png" &&
  pass "big bulletin built in halves: $bare bare titles, $skipped skipped numbers, $pictures pictures numbered through" ||
  fail "big bulletin built in halves: warnings and pictures" "bare $bare, skipped $skipped, unpaired $unpaired, pictures $pictures"

# Without year: the 期号 takes the date's year.
{ sed -n '1,/^date:/p' samples/jintuan-yaoxun-2021-15.md | grep -v '^year:'; printf -- '---\n正文。\n'; } >"$TMP/noyear.md"
if "$GWDOC" render "$TMP/noyear.md" -o "$TMP/noyear.docx" 2>"$TMP/noyear.err"; then
  dn="$TMP/noyear.x"; rm -rf "$dn"; mkdir -p "$dn"; (cd "$dn" && unzip -q "$TMP/noyear.docx")
  want "no year: the 期号 takes the date's" "〔2021〕第15期（总第236期）" "string(//w:p[w:pPr/w:pStyle/@w:val='gwIssueNumber'])" "$dn/word/document.xml"
else fail "no year: renders" "$(cat "$TMP/noyear.err")"; fi
