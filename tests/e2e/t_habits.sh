# t_habits.sh - what drafters in other offices write, coming from Word:
# one numbered item a line, footnotes, links, <br> in cells, categories
# and deadline labels typed as plain text in divisions.
H="$TMP/habits"; mkdir -p "$H"

# paras DOCX: the text of every body paragraph, one a line.
paras() {
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$1")
  xpath "$H/x/word/document.xml" "//w:body/w:p[w:r]"
}

# styled DOCX: each paragraph as "style<TAB>text", a line break as /, a
# picture with no text as IMG.
styled() {
  /usr/bin/python3 - "$1" <<'PY'
import re, sys, zipfile
d = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode('utf-8')
for m in re.finditer(r'<w:p>(.*?)</w:p>', d):
    p = m.group(1)
    st = re.search(r'w:pStyle w:val="([^"]+)"', p)
    t = re.sub(r'<w:br/>', '/', re.sub(r'<(?!w:br/)[^>]*>', '', p))
    if not t.strip() and 'drawing' in p:
        t = 'IMG'
    print((st.group(1) if st else '') + '\t' + t)
PY
}

# want_styled NAME SOURCE LINE...: SOURCE renders, and each LINE
# ("style<TAB>text") is one of its paragraphs, whole.
want_styled() {
  local name=$1 src=$2 got want; shift 2
  if ! "$GWDOC" render "$src" -o "${src%.md}.docx" 2>"${src%.md}.err"; then
    fail "$name: renders" "$(cat "${src%.md}.err")"; return
  fi
  got=$(styled "${src%.md}.docx")
  for want in "$@"; do
    printf '%s\n' "$got" | grep -qxF "$want" && pass "$name: '$want'" \
      || fail "$name: '$want'" "$(printf '%s' "$got" | tr '\n' '|')"
  done
}

# One item a line with no blank line between: a paragraph each, but a
# wrapped line that starts with a number (3.5万, 2021.10) stays joined.
{ printf '%s' "$BULLETIN_FRONT"; cat <<'EOF'
# 工作动态

工作中，街道重点抓了以下几项：
1、摸清底数。对辖区1.2万户居民逐户走访登记。
2、建立台账。按照“一户一档”建立台账。
（1）重点人群台账；
(2) 困难群众台账。
① 老旧小区改造8项；
② 便民服务提升10项。

全年覆盖群众
3.5万人，时间截至
2021.10.18。
EOF
} >"$H/items.md"
if "$GWDOC" render "$H/items.md" -o "$H/items.docx" 2>"$H/items.err"; then
  got=$(paras "$H/items.docx")
  for want in "工作中，街道重点抓了以下几项：" "1、摸清底数。对辖区1.2万户居民逐户走访登记。" \
              "（1）重点人群台账；" "②便民服务提升10项。" "全年覆盖群众3.5万人，时间截至2021.10.18。"; do
    printf '%s\n' "$got" | grep -qxF "$want" && pass "one item a line: '$want' is a paragraph" \
      || fail "one item a line: '$want' is a paragraph" "$(printf '%s' "$got" | tr '\n' '|')"
  done
  schema_valid "$H/items.docx" && pass "one item a line: validates" || fail "one item a line: validates"
else
  fail "one item a line renders" "$(cat "$H/items.err")"
fi

# Footnotes keep their text (a mark in the text, 注①： at the end);
# links keep their address; <br> in a cell is a line break.
{ printf '%s' "$BULLETIN_FRONT"; cat <<'EOF'
# 科技节

科技节在县青少年活动中心开幕[^1]，详见[县教育局网站](http://jyj.example.gov.cn/a.html)或<http://www.example.cn>。

| 项目 | 获奖情况 |
|---|---|
| 机器人<br>编程 | 一等奖5名<br/>二等奖10名 |

[^1]: 县青少年活动中心位于古陶镇。
EOF
} >"$H/notes.md"
if "$GWDOC" render "$H/notes.md" -o "$H/notes.docx" 2>"$H/notes.err"; then
  got=$(paras "$H/notes.docx")
  printf '%s\n' "$got" | grep -qxF "科技节在县青少年活动中心开幕①，详见县教育局网站（http://jyj.example.gov.cn/a.html）或http://www.example.cn。" \
    && pass "footnote mark and link address in the text" || fail "footnote mark and link address in the text" "$(printf '%s' "$got" | tr '\n' '|')"
  printf '%s\n' "$got" | grep -qxF "注①：县青少年活动中心位于古陶镇。" \
    && pass "footnote text as 注①： at the end" || fail "footnote text as 注①： at the end" "$(printf '%s' "$got" | tr '\n' '|')"
  n=$(xpath "$H/x/word/document.xml" "count(/w:document/w:body/w:tbl//w:br)")
  [ "$n" -eq 2 ] && xpath "$H/x/word/document.xml" "//w:tc" | grep -qxF "机器人编程" \
    && pass "<br> in a cell: a line break, no tag text" || fail "<br> in a cell: a line break, no tag text" "br=$n"
  schema_valid "$H/notes.docx" && pass "footnotes, links, <br>: validates" || fail "footnotes, links, <br>: validates"
else
  fail "footnotes, links, <br> render" "$(cat "$H/notes.err")"
fi

# Division: categories typed as plain lines, a deadline with its label.
cat >"$H/plan.md" <<'EOF'
---
kind: division
title: 民生实事责任分工
issuer: 县人民政府办公室
date: 2022-01-20
units: [县教育局, 县民政局, 县卫健局, 县财政局]
---

一、教育民生
1.新建城区小学1所。（县教育局牵头，县财政局配合）
2.开展老年助餐服务。（县民政局负责；完成时限：2022年6月底前）

二、医疗民生

3.推进县域医共体建设。（县卫健局牵头，县财政局配合，2022年12月底前完成）
EOF
if "$GWDOC" render "$H/plan.md" -o "$H/plan.docx" 2>"$H/plan.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q ../plan.docx)
  rows=$(xpath "$H/x/word/document.xml" "(//w:tbl)[1]/w:tr[not(w:trPr/w:tblHeader)]/w:tc[1]")
  [ "$(printf '%s' "$rows" | tr '\n' '|')" = "一、教育民生|1|2|二、医疗民生|3" ] \
    && pass "division: plain 一、 lines are categories, 序号 runs on" \
    || fail "division: plain 一、 lines are categories, 序号 runs on" "$(printf '%s' "$rows" | tr '\n' '|')"
  deadline=$(xpath "$H/x/word/document.xml" "string(//w:tr[w:tc[1]='2']/w:tc[5])")
  [ "$deadline" = "2022年6月底前" ] && pass "division: 完成时限： label dropped from the date" \
    || fail "division: 完成时限： label dropped from the date" "$deadline"
  grep -q warning "$H/plan.err" && fail "division habits: no warnings" "$(cat "$H/plan.err")" \
    || pass "division habits: no warnings"
else
  fail "division habits render" "$(cat "$H/plan.err")"
fi

# System errors in the drafter's language, not strerror's English.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 图\n\n![网格员入户走访](images/none.jpg)\n'; } >"$H/nopic.md"
"$GWDOC" render "$H/nopic.md" -o "$H/nopic.docx" 2>"$H/nopic.err"; rc=$?
[ $rc -eq 1 ] && grep -q 'nopic.md:[0-9]*:[0-9]*: error: 无法读取图片“images/none.jpg”：文件或目录不存在' "$H/nopic.err" \
  && ! grep -q 'No such' "$H/nopic.err" && pass "missing picture: the reason in Chinese" \
  || fail "missing picture: the reason in Chinese" "exit $rc: $(cat "$H/nopic.err")"

# A landscape table that fills its page: the paragraph ending the section
# is one point high, so no page holds nothing but its number.
if [ -z "${QUICK:-}" ]; then
  cp tests/fixtures/division-full-page.md "$H/full.md"
  "$GWDOC" render "$H/full.md" -o "$H/full.docx" --pdf 2>"$H/full.err"
  pages=$(pdfinfo "$H/full.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  empty=0
  for ((i = 1; i <= ${pages:-0}; i++)); do
    text=$(pdftotext -f "$i" -l "$i" "$H/full.pdf" - 2>/dev/null | tr -d ' \n\f—0-9')
    [ -z "$text" ] && empty=$((empty + 1))
  done
  [ "${pages:-0}" -eq 3 ] && [ "$empty" -eq 0 ] && pass "full landscape table: 3 pages, none blank" \
    || fail "full landscape table: 3 pages, none blank" "pages=$pages empty=$empty $(cat "$H/full.err")"
fi

# Column names other offices use. Undeclared, a pasted table's own header
# is the columns (checked by meaning: 配合部门 is a unit column). Against
# declared columns a header may use a synonym (配合部门 for 责任单位); a
# name that is none lists every column, and the fix it offers (columns:
# the table's own names) renders.
cat >"$H/cols.md" <<'EOF2'
---
kind: division
title: 安全生产工作责任分工
issuer: 县安委会办公室
date: 2022-01-10
---

| 序号 | 工作任务 | 牵头部门 | 配合部门 | 时间要求 |
|---|---|---|---|---|
| 1 | 开展安全生产大检查。 | 县应急局 | 各乡镇 | 2022年3月底前 |
EOF2
"$GWDOC" render "$H/cols.md" -o "$H/cols.docx" 2>"$H/cols.err"; rc=$?
[ $rc -eq 0 ] && unzip -p "$H/cols.docx" word/document.xml | grep -q '>配合部门<' \
  && pass "table header: undeclared, the table's own columns" \
  || fail "table header: undeclared, the table's own columns" "rc=$rc $(cat "$H/cols.err")"
sed "s/^kind: division$/kind: division\ncolumns: [序号, 改革举措, 牵头单位, 责任单位, 完成时限]/" "$H/cols.md" >"$H/cols1.md"
"$GWDOC" render "$H/cols1.md" -o "$H/cols1.docx" 2>"$H/cols.err"; rc=$?
[ $rc -eq 0 ] && unzip -p "$H/cols1.docx" word/document.xml | grep -q '>责任单位<' \
  && pass "table header: synonyms of declared columns" \
  || fail "table header: synonyms of declared columns" "rc=$rc $(cat "$H/cols.err")"
sed "s/牵头部门/主办科室/" "$H/cols1.md" >"$H/cols3.md"
"$GWDOC" render "$H/cols3.md" -o "$H/cols3.docx" 2>"$H/cols.err"; rc=$?
[ $rc -eq 1 ] && grep -q 'cols3.md:9:[0-9]*: error: 表头“主办科室”不是 columns 里的列：是不是“.*”？' "$H/cols.err" \
  && grep -q '序号、改革举措、牵头单位、责任单位、完成时限' "$H/cols.err" \
  && pass "table header: an unknown name lists all columns" || fail "table header: an unknown name lists all columns" "$(cat "$H/cols.err")"
fix=$(grep -o 'columns: \[[^]]*\]' "$H/cols.err" | head -1)
sed "s/^columns: .*/$fix/" "$H/cols3.md" >"$H/cols2.md"
check "table header: the suggested columns: line renders" "$GWDOC" render "$H/cols2.md" -o "$H/cols2.docx"

# Typed with a Chinese input method: full-width digits and letters, in the
# text and in the front matter; a heading whose # count disagrees with its
# number is styled by the number; typed headings are numbered in order.
{ printf '%s' "$BULLETIN_FRONT" | sed -e 's/^number: 14$/number: １４/' -e 's/^date: .*/date: ２０２１年１０月１８日/'; cat <<'EOF2'
# 工作动态

### 一、基本情况

全县共有 ３２ 个乡镇，ＧＤＰ增长２．３个百分点，占比１２％以上，完成76%...

## （一）明确责任

正文。
EOF2
} >"$H/ime.md"
if "$GWDOC" render "$H/ime.md" -o "$H/ime.docx" 2>"$H/ime.err"; then
  got=$(paras "$H/ime.docx")
  printf '%s\n' "$got" | grep -qxF "全县共有32个乡镇，GDP增长2.3个百分点，占比12%以上，完成76%……" \
    && pass "full-width digits and letters become ASCII" || fail "full-width digits and letters become ASCII" "$(printf '%s' "$got" | tr '\n' '|')"
  printf '%s\n' "$got" | grep -qxF "〔2021〕第14期" && printf '%s\n' "$got" | grep -q "2021年10月18日" \
    && pass "full-width number: and date: are read" || fail "full-width number: and date: are read" "$(printf '%s' "$got" | tr '\n' '|')"
  h1=$(xpath "$H/x/word/document.xml" "string(//w:p[w:pPr/w:pStyle/@w:val='gwHeading1'])")
  h2=$(xpath "$H/x/word/document.xml" "string(//w:p[w:pPr/w:pStyle/@w:val='gwHeading2'])")
  [ "$h1" = "一、基本情况" ] && [ "$h2" = "（一）明确责任" ] \
    && pass "a heading is styled by its number, not its #" || fail "a heading is styled by its number, not its #" "h1='$h1' h2='$h2'"
else
  fail "full-width input renders" "$(cat "$H/ime.err")"
fi
printf '%s' "$BULLETIN_FRONT" >"$H/seq.md"
printf '# 测试\n\n一、加强组织领导\n\n正文。\n\n二、强化督导检查\n\n四、严格考核问责\n\n正文。\n' >>"$H/seq.md"
"$GWDOC" lint "$H/seq.md" >"$H/seq.out" 2>&1
grep -q 'seq.md:16:1: error: 标题编号跳号：上一个是“二、”，这里应为“三、”，而不是“四、” \[heading-sequence\]' "$H/seq.out" \
  && pass "lint: typed headings numbered in order" || fail "lint: typed headings numbered in order" "$(cat "$H/seq.out")"

# Long unit names do not take the measures' room: the 改革举措 column is
# the widest, a unit column at most the template's 6 characters (1890 twips).
cat >"$H/wide.md" <<'EOF2'
---
kind: division
title: 优化营商环境工作责任分工
issuer: 县政府办公室
date: 2022-01-10
---

| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 全面推行“一枚印章管审批”，实现审批事项“一窗受理、集成服务”。 | 县行政审批服务管理局 | 县政务服务中心 | 2022年6月底前 |
| 2 | 推行不动产登记“一窗受理、并行办理”，一般登记业务5个工作日内办结。 | 县不动产登记中心 | 县税务局、县住房和城乡建设局 | 持续推进 |
EOF2
if "$GWDOC" render "$H/wide.md" -o "$H/wide.docx" 2>"$H/wide.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/wide.docx")
  cols=$(xpath "$H/x/word/document.xml" "(//w:tbl)[1]/w:tblGrid/w:gridCol/@w:w" | tr -dc '0-9\n' | tr '\n' ' ')
  set -- $cols
  [ "$#" -eq 5 ] && [ "$2" -gt "$3" ] && [ "$2" -gt "$4" ] && [ "$3" -le 1890 ] && [ "$4" -le 1890 ] \
    && pass "division widths: 改革举措 widest, unit columns at most 6 characters" \
    || fail "division widths: 改革举措 widest, unit columns at most 6 characters" "gridCol: $cols"
else
  fail "division widths: renders" "$(cat "$H/wide.err")"
fi

# A statistics table of eight columns: the figures stay on one line (the
# headers wrap instead), a column of figures is centred, and the pipe
# table's own alignment (|---:|, |:---|) wins.
{ printf '%s' "$BULLETIN_FRONT"; cat <<'EOF2'
# 统计

| 学院 | 团支部数 | 团员数 | 参与人数 | 参与率 | 开展活动次数 | 宣传报道数 | 备注 |
|---|---|---|---|---|---:|:---|---|
| 文学院 | 45 | 1820 | 1790 | 98.4% | 45 | 12 | |
| 计算机与信息技术学院 | 66 | 3120 | 3001 | 96.2% | 70 | 20 | 含研究生和留学生在内 |
EOF2
} >"$H/stats.md"
if "$GWDOC" render "$H/stats.md" -o "$H/stats.docx" 2>"$H/stats.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/stats.docx")
  doc="$H/x/word/document.xml"
  cols=$(xpath "$doc" "(//w:tbl)[1]/w:tblGrid/w:gridCol/@w:w" | tr -dc '0-9\n' | tr '\n' ' ')
  set -- $cols
  # 98.4%: five half-width characters of 14 pt (700 twips) and the cell margins (170)
  [ "$#" -eq 8 ] && [ "$5" -ge 870 ] && pass "eight columns: 98.4% keeps one line" \
    || fail "eight columns: 98.4% keeps one line" "gridCol: $cols"
  jc() { xpath "$doc" "string((//w:tbl)[1]/w:tr[2]/w:tc[$1]/w:p/w:pPr/w:jc/@w:val)"; }
  got="$(jc 1) $(jc 2) $(jc 6) $(jc 7) $(jc 8)"
  [ "$got" = "left center right left left" ] && pass "table alignment: figures centred, |---:| and |:---| kept" \
    || fail "table alignment: figures centred, |---:| and |:---| kept" "got '$got'"
else
  fail "statistics table renders" "$(cat "$H/stats.err")"
fi

# A row with more cells than its header: cmark-gfm drops the extra cells,
# so render and lint say so, at the row's line.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 统计\n\n| 学院 | 人数 |\n|---|---|\n| 文学院 | 45 | 多出来的 |\n| 数学 \\| 统计 | 52 |\n'; } >"$H/extra.md"
"$GWDOC" render "$H/extra.md" -o "$H/extra.docx" 2>"$H/extra.err"; rc=$?
"$GWDOC" lint "$H/extra.md" >"$H/extra.lint" 2>&1
[ $rc -eq 0 ] && grep -q 'extra.md:12:1: warning: 这一行有 3 格，表头只有 2 列' "$H/extra.err" \
  && [ "$(grep -c '表头只有' "$H/extra.err")" -eq 1 ] \
  && grep -q 'extra.md:12:1: warning: 这一行有 3 格.*\[table-cells\]' "$H/extra.lint" \
  && pass "extra table cells: render and lint warn at the row" \
  || fail "extra table cells: render and lint warn at the row" "$(cat "$H/extra.err" "$H/extra.lint")"

# Punctuation drafters type: ‘…’ inside “…” pairs (not an apostrophe);
# a lone — is the 一字线 of a range and stays; a comma after 5.2% or App
# that follows Chinese is Chinese.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n局长强调：“要以‘百日行动’为契机。”活动于6月10日—20日举行，全县GDP增长5.2%%, 同比提高; 推广App, 下载量达12万次，完成率100%%.\n'; } >"$H/punct.md"
"$GWDOC" lint "$H/punct.md" >"$H/punct.lint" 2>&1; rc=$?
[ $rc -eq 0 ] && ! grep -q unbalanced "$H/punct.lint" && ! grep -q '\[dash\]' "$H/punct.lint" \
  && pass "lint: ‘…’ pairs inside “…”, a lone — left alone" || fail "lint: ‘…’ pairs inside “…”, a lone — left alone" "$(cat "$H/punct.lint")"
if "$GWDOC" render "$H/punct.md" -o "$H/punct.docx" 2>"$H/punct.err"; then
  got=$(paras "$H/punct.docx")
  printf '%s\n' "$got" | grep -qxF "局长强调：“要以‘百日行动’为契机。”活动于6月10日—20日举行，全县GDP增长5.2%，同比提高；推广App，下载量达12万次，完成率100%。" \
    && pass "punctuation after figures and Latin words is Chinese; — kept" || fail "punctuation after figures and Latin words is Chinese; — kept" "$(printf '%s' "$got" | tr '\n' '|')"
else
  fail "punctuation source renders" "$(cat "$H/punct.err")"
fi

# numbering: auto: the first unnumbered ## is a section, not a subtitle;
# a number the drafter typed as well is dropped (one warning), not doubled.
{ printf '%s' "$BULLETIN_FRONT" | sed 's/^date: .*/&\nnumbering: auto/'; printf '# 标题\n\n## 基本情况\n\n正文。\n\n## 二、主要做法\n\n### （一）培训\n\n正文。\n\n## 3、下一步\n\n正文。\n'; } >"$H/auto.md"
if "$GWDOC" render "$H/auto.md" -o "$H/auto.docx" 2>"$H/auto.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/auto.docx")
  got=$(xpath "$H/x/word/document.xml" "//w:p[starts-with(w:pPr/w:pStyle/@w:val,'gwHeading')]" | tr '\n' '|')
  [ "$got" = "一、基本情况|二、主要做法|（一）培训|三、下一步|" ] && [ "$(grep -c 'numbering: auto 会自动给标题编号' "$H/auto.err")" -eq 1 ] \
    && pass "numbering: auto: sections numbered once, from the first" || fail "numbering: auto: sections numbered once, from the first" "$got $(cat "$H/auto.err")"
else
  fail "numbering: auto renders" "$(cat "$H/auto.err")"
fi

# Two text columns (工作任务, 具体措施): "- 工作任务：…" fills its own column
# and the item's paragraph goes to the other, not both into one cell.
cat >"$H/twotext.md" <<'EOF2'
---
kind: division
title: 乡村振兴重点任务责任分工
issuer: 市委农办
date: 2022-01-25
columns: [序号, 工作任务, 具体措施, 牵头单位, 配合单位, 完成时限]
---

## 一、加快农业现代化

1. 建设高标准农田5万亩。
   - 工作任务：提升粮食供给保障能力
   - 牵头单位：市农业农村局
   - 配合单位：市财政局
   - 完成时限：2025年底前
EOF2
if "$GWDOC" render "$H/twotext.md" -o "$H/twotext.docx" 2>"$H/twotext.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/twotext.docx")
  got=$(xpath "$H/x/word/document.xml" "(//w:tbl)[1]/w:tr[3]/w:tc" | tr '\n' '|')
  [ "$got" = "1|提升粮食供给保障能力|建设高标准农田5万亩。|市农业农村局|市财政局|2025年底前|" ] \
    && pass "two text columns: field and paragraph in their own cells" || fail "two text columns: field and paragraph in their own cells" "$got"
else
  fail "two text columns renders" "$(cat "$H/twotext.err")"
fi

# The 版记: a 抄送 line ends with 。 (GB/T 9704 7.4.2); a distribution row
# written as one string is split at its ，and joined like a list, a 、
# inside a recipient kept.
cat >"$H/cc.md" <<'EOF2'
---
kind: division
title: 重点任务责任分工
issuer: 某县人民政府办公室
date: 2022-02-28
distribution:
  抄送: 县委各部门、县人大常委会办公室，县政协办公室。
  分送: 县安委会各成员单位
  抄报: 市河长办
---

1. 任务。（县财政局负责，2022年底前）
EOF2
if "$GWDOC" render "$H/cc.md" -o "$H/cc.docx" 2>"$H/cc.err"; then
  got=$(paras "$H/cc.docx")
  printf '%s\n' "$got" | grep -qF "抄送：县委各部门、县人大常委会办公室，县政协办公室。" \
    && printf '%s\n' "$got" | grep -qF "分送：县安委会各成员单位。" \
    && printf '%s\n' "$got" | grep -qF "抄报：市河长办。" \
    && pass "抄送 line: split at ，, ends with 。 (and 分送, 抄报)" || fail "抄送 line: split at ，, ends with 。" "$(printf '%s' "$got" | tr '\n' '|')"
else
  fail "抄送 source renders" "$(cat "$H/cc.err")"
fi

# The 编者按 however it is marked: 【编者按】, **编者按**：, [编者按],
# a wide space for the colon, the characters spaced out.
for v in '【编者按】本期刊发。' '**编者按**：本期刊发。' '[编者按] 本期刊发。' '编者按　本期刊发。' '编 者 按：本期刊发。'; do
  { printf '%s' "$BULLETIN_FRONT"; printf '> %s\n\n# 标题\n\n正文。\n' "$v"; } >"$H/note.md"
  if "$GWDOC" render "$H/note.md" -o "$H/note.docx" 2>"$H/note.err"; then
    (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/note.docx")
    got=$(xpath "$H/x/word/document.xml" "//w:p[w:pPr/w:pStyle/@w:val='gwNote']/w:r" | tr '\n' '|')
    [ "$got" = "编者按：|本期刊发。|" ] && pass "编者按 label '$v'" || fail "编者按 label '$v'" "$got"
  else
    fail "编者按 label '$v' renders" "$(cat "$H/note.err")"
  fi
done

# A full-width space after a heading's number: gone in the document,
# reported and fixed by lint.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n## 一、　主要做法\n\n（一）　加强宣传防范\n\n正文。\n'; } >"$H/gap.md"
if "$GWDOC" render "$H/gap.md" -o "$H/gap.docx" 2>"$H/gap.err"; then
  got=$(paras "$H/gap.docx")
  printf '%s\n' "$got" | grep -qxF "一、主要做法" && printf '%s\n' "$got" | grep -qxF "（一）加强宣传防范" \
    && pass "no gap after a heading number" || fail "no gap after a heading number" "$(printf '%s' "$got" | tr '\n' '|')"
fi
"$GWDOC" lint "$H/gap.md" >"$H/gap.lint" 2>&1
[ "$(grep -c '\[number-gap\]' "$H/gap.lint")" -eq 2 ] && pass "lint: number-gap" || fail "lint: number-gap" "$(cat "$H/gap.lint")"

# Unit names as offices write them: separated by a space (pasted from a
# spreadsheet), with a role note （牵头）, or abbreviated (县发改局: the
# message names 县发展改革局).
cat >"$H/units.md" <<'EOF2'
---
kind: division
title: 重点任务责任分工
issuer: 县政府办公室
date: 2022-02-28
units: [县发展改革局, 县财政局, 县农业农村局, 县水利局]
---

| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 建设高标准农田。 | 县农业农村局 县水利局 | 县发展改革局（牵头）、县财政局 | 2022年底前 |
EOF2
if "$GWDOC" render "$H/units.md" -o "$H/units.docx" 2>"$H/units.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/units.docx")
  got=$(xpath "$H/x/word/document.xml" "(//w:tbl)[1]/w:tr[2]/w:tc" | tr '\n' '|')
  [ "$got" = "1|建设高标准农田。|县农业农村局、县水利局|县发展改革局（牵头）、县财政局|2022年底前|" ] \
    && pass "units: space-separated and （牵头） names accepted" || fail "units: space-separated and （牵头） names accepted" "$got $(cat "$H/units.err")"
else
  fail "units: space-separated and （牵头） names accepted" "$(cat "$H/units.err")"
fi
sed 's/县农业农村局 县水利局/县发改局/' "$H/units.md" >"$H/abbr.md"
"$GWDOC" render "$H/abbr.md" -o "$H/abbr.docx" 2>"$H/abbr.err"
grep -q '单位“县发改局”不在 units 列表里：像是“县发展改革局”的简称' "$H/abbr.err" \
  && pass "units: an abbreviation suggests its full name" || fail "units: an abbreviation suggests its full name" "$(cat "$H/abbr.err")"

# A heading on its own line ends without 。 or ：.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n## 一、基本情况。\n\n正文。\n\n## 二、主要做法：\n\n正文。\n'; } >"$H/hend.md"
"$GWDOC" lint "$H/hend.md" >"$H/hend.lint" 2>&1
[ "$(grep -c '\[heading-end\]' "$H/hend.lint")" -eq 2 ] && pass "lint: heading-end" || fail "lint: heading-end" "$(cat "$H/hend.lint")"

# Nine columns: 亿元 (two characters, 560 twips, and the margins, 170) keeps one line.
{ printf '%s' "$BULLETIN_FRONT"; cat <<'EOF2'
# 经济运行

| 指标名称 | 单位 | 1—6月 | 同比增长（%） | 全年目标 | 完成进度（%） | 全省排位 | 备注 |
|---|---|---|---|---|---|---|---|
| 地区生产总值 | 亿元 | 312.56 | 5.8 | 650 | 48.1 | 12 | |
| 社会消费品零售总额 | 亿元 | 61.24 | 2.1 | 128 | 47.8 | 21 | 受疫情影响 |
EOF2
} >"$H/nine.md"
if "$GWDOC" render "$H/nine.md" -o "$H/nine.docx" 2>"$H/nine.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/nine.docx")
  cols=$(xpath "$H/x/word/document.xml" "(//w:tbl)[1]/w:tblGrid/w:gridCol/@w:w" | tr -dc '0-9\n' | tr '\n' ' ')
  set -- $cols
  [ "$2" -ge 730 ] && [ "$3" -ge 1010 ] && pass "many columns: 亿元 and 312.56 keep one line" \
    || fail "many columns: 亿元 and 312.56 keep one line" "gridCol: $cols"
else
  fail "nine-column table renders" "$(cat "$H/nine.err")"
fi

# A note goes at the end of the article that cites it, not after the last one.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 第一篇\n\n推广了分层作业手册[^1]。\n\n# 第二篇\n\n第二篇正文。\n\n[^1]: 见《教研通讯》第4期。\n'; } >"$H/notes2.md"
if "$GWDOC" render "$H/notes2.md" -o "$H/notes2.docx" 2>"$H/notes2.err"; then
  got=$(paras "$H/notes2.docx" | grep -A1 '^注①' | tr '\n' '|')
  [ "$got" = "注①：见《教研通讯》第4期。|第二篇|" ] && pass "footnote at the end of its own article" \
    || fail "footnote at the end of its own article" "$got"
else
  fail "footnote at the end of its own article" "$(cat "$H/notes2.err")"
fi

# A title that does not fit on a line breaks at the drafter's space, or
# between words into a trapezoid, never inside a word (GB/T 9704 7.3.3).
{ printf '%s' "$BULLETIN_FRONT"; printf '# 来远镇：用好“五个一”工作法　打造项目建设“快车道”\n\n正文。\n\n# 昔阳县开展食品安全“守底线、查隐患、保安全”专项行动\n\n正文。\n\n# 夯实政治责任 强化自身建设\n\n正文。\n'; } >"$H/titles.md"
if "$GWDOC" render "$H/titles.md" -o "$H/titles.docx" 2>"$H/titles.err"; then
  got=$(styled "$H/titles.docx" | awk -F'\t' '$1 == "gwTitle" {print $2}' | tr '\n' '|')
  [ "$got" = "来远镇：用好“五个一”工作法/打造项目建设“快车道”|昔阳县开展食品安全“守底线、/查隐患、保安全”专项行动|夯实政治责任 强化自身建设|" ] \
    && pass "long titles break between words, upper line no shorter" || fail "long titles break between words, upper line no shorter" "$got"
else
  fail "long titles render" "$(cat "$H/titles.err")"
fi

# render, too, warns about a skipped or repeated heading number (in
# typed headings and ## headings alike), and stays quiet in order.
"$GWDOC" render "$H/seq.md" -o "$H/seq.docx" 2>"$H/seq.err"; rc=$?
[ $rc -eq 0 ] && grep -q 'seq.md:16:1: warning: 标题编号跳号：上一个是“二、”，这里是“四、”' "$H/seq.err" \
  && [ "$(grep -c warning "$H/seq.err")" -eq 1 ] \
  && pass "render warns about a skipped heading number" || fail "render warns about a skipped heading number" "$(cat "$H/seq.err")"

# Division notes as offices word them: a deadline of two clauses, 年底前完成
# without a number, 落实 for the share; an unreadable note is said so.
cat >"$H/notes3.md" <<'EOF2'
---
kind: division
title: 稳就业措施责任分工
issuer: 县政府办公室
date: 2022-05-20
---

## 一、稳岗

1. 返还失业保险费。（县人社局牵头，县财政局配合；2022年6月底前完成，长期坚持）

2. 开展职业技能培训。（县人社局牵头，县财政局配合；2022年6月底前启动，年底前完成）

3. 加强水源地保护。（县水务局牵头，各乡镇人民政府落实；长期坚持）

4. 开展培训。（县人社局主抓，县财政局配合、支持）
EOF2
"$GWDOC" render "$H/notes3.md" -o "$H/notes3.docx" 2>"$H/notes3.err"
(cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/notes3.docx")
got=$(for r in 3 4 5; do xpath "$H/x/word/document.xml" "(//w:tbl)[1]/w:tr[$r]/w:tc[position()>2]" | tr '\n' '|'; echo; done)
want="县人社局|县财政局|2022年6月底前完成，长期坚持|
县人社局|县财政局|2022年6月底前启动，年底前完成|
县水务局|各乡镇人民政府|长期坚持|"
[ "$got" = "$want" ] && pass "division notes: two-clause deadlines, 年底前完成, 落实" || fail "division notes: two-clause deadlines, 年底前完成, 落实" "$got"
grep -q 'notes3.md:16:1: warning: 括号里的“县人社局主抓，县财政局配合、支持”没有读懂' "$H/notes3.err" \
  && pass "division notes: an unreadable note is named" || fail "division notes: an unreadable note is named" "$(cat "$H/notes3.err")"

# The same footnote label in two articles: the second note would vanish; say so.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 第一篇\n\n甲[^1]。\n\n[^1]: 注一。\n\n# 第二篇\n\n乙[^1]。\n\n[^1]: 注二。\n'; } >"$H/dupnote.md"
"$GWDOC" render "$H/dupnote.md" -o "$H/dupnote.docx" 2>"$H/dupnote.err"
grep -q 'dupnote.md:18:1: warning: 脚注标号“\[^1\]”前面已经用过' "$H/dupnote.err" \
  && pass "a footnote label used twice is reported" || fail "a footnote label used twice is reported" "$(cat "$H/dupnote.err")"

[ "$(grep -c warning "$H/dupnote.err")" = 1 ] && pass "a footnote label used twice: one warning" \
  || fail "a footnote label used twice: one warning" "$(cat "$H/dupnote.err")"
# A citation with no note is printed as typed, a note nobody cites is
# dropped: both are named, at their place.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 植树\n\n全县共植树12万株[^1]。\n\n[^2]: 数据来源：县林业局。\n'; } >"$H/lonenote.md"
"$GWDOC" render "$H/lonenote.md" -o "$H/lonenote.docx" 2>"$H/lonenote.err"
grep -q 'lonenote.md:10:10: warning: 脚注“\[^1\]”没有写内容' "$H/lonenote.err" &&
  grep -q 'lonenote.md:12:1: warning: 脚注“\[^2\]”在正文里没有引用' "$H/lonenote.err" \
  && pass "footnotes uncited or undefined are named" || fail "footnotes uncited or undefined are named" "$(cat "$H/lonenote.err")"

# Indented by hand with full-width spaces: the spaces go (the style
# indents); 附件 lines, numbered or 附件1：, stay one a line.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n　　正文第一段。\n\n附件：1. 督查发现问题清单\n　　　2. 整改责任分工表\n\n附件1：督查发现问题清单\n附件2：整改责任分工表\n'; } >"$H/att.md"
if "$GWDOC" render "$H/att.md" -o "$H/att.docx" 2>"$H/att.err"; then
  got=$(paras "$H/att.docx" | sed -n '/^正文第一段/,/^附件2/p' | tr '\n' '|')
  [ "$got" = "正文第一段。|附件：1. 督查发现问题清单|2. 整改责任分工表|附件1：督查发现问题清单|附件2：整改责任分工表|" ] \
    && pass "hand indentation dropped; 附件 lines one a line" || fail "hand indentation dropped; 附件 lines one a line" "$got"
else
  fail "附件 source renders" "$(cat "$H/att.err")"
fi
"$GWDOC" lint "$H/att.md" >"$H/att.lint" 2>&1
[ "$(grep -c '\[indent\]' "$H/att.lint")" -eq 2 ] && pass "lint: indent" || fail "lint: indent" "$(cat "$H/att.lint")"

# A category row as spreadsheets lay it out: | 一 | 教育民生 | | | |.
cat >"$H/cat.md" <<'EOF2'
---
kind: division
title: 民生实事责任分工
issuer: 县政府办公室
date: 2022-03-01
---

| 序号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |
|---|---|---|---|---|
| 一 | 教育民生 | | | |
| 1 | 新建幼儿园3所。 | 县教育局 | 县住建局 | 2022年8月底前 |
| 二、 | 医疗民生 | | | |
| 2 | 免费健康体检。 | 县卫健委 | 县医疗保障局 | 2022年12月底前 |
EOF2
if "$GWDOC" render "$H/cat.md" -o "$H/cat.docx" 2>"$H/cat.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/cat.docx")
  got=$(xpath "$H/x/word/document.xml" "(//w:tbl)[1]/w:tr/w:tc[1]" | tr '\n' '|')
  [ "$got" = "序号|一、教育民生|1|二、医疗民生|2|" ] && pass "table category rows: | 一 | 教育民生 |" \
    || fail "table category rows: | 一 | 教育民生 |" "$got"
else
  fail "table category rows render" "$(cat "$H/cat.err")"
fi

# Review findings: an empty number format under numbering: auto with an
# empty heading (was a crash); decimals are no section numbers.
mkdir -p "$H/tpl" && cat >"$H/tpl/noformat.yaml" <<'EOF2'
extends: jintuan-yaoxun
formats:
  headings: ["{zh}、", "（{zh}）", "{n}.", ""]
EOF2
{ printf '%s' "$BULLETIN_FRONT" | sed -e 's/^template: .*/template: noformat/' -e 's/^date: .*/&\nnumbering: auto/'; printf '# 标题\n\n## 1.5万名青年参加培训\n\n##### \n\n##### （1）甲\n'; } >"$H/tpl/auto.md"
"$GWDOC" render "$H/tpl/auto.md" -o "$H/tpl/auto.docx" 2>"$H/tpl/auto.err"; rc=$?
if [ $rc -eq 0 ]; then
  got=$(paras "$H/tpl/auto.docx" | grep -F '青年' | head -1)
  [ "$got" = "一、1.5万名青年参加培训" ] && pass "numbering: auto keeps 1.5万 and survives an empty format" \
    || fail "numbering: auto keeps 1.5万 and survives an empty format" "$got"
else
  fail "numbering: auto with an empty format renders" "rc=$rc $(cat "$H/tpl/auto.err")"
fi

# YAML typed with a Chinese input method: full-width indentation is an
# error; a list in full-width brackets and units joined by ， are read.
{ printf '%s' "$BULLETIN_FRONT" | sed 's/^date: .*/&\ndistribution:\n　报: [市委办公室]/'; printf '# 标题\n\n正文。\n'; } >"$H/wideyaml.md"
"$GWDOC" render "$H/wideyaml.md" -o "$H/wideyaml.docx" 2>"$H/wideyaml.err"; rc=$?
[ $rc -eq 1 ] && grep -q 'wideyaml.md:8:1: error: YAML 不能用全角空格缩进' "$H/wideyaml.err" \
  && pass "YAML: full-width indentation is an error" || fail "YAML: full-width indentation is an error" "rc=$rc $(cat "$H/wideyaml.err")"
{ printf '%s' "$BULLETIN_FRONT" | sed 's/^date: .*/&\ndistribution:\n  报: ［市委办公室，市政府办公室］/'; printf '# 标题\n\n正文。\n'; } >"$H/brackets.md"
"$GWDOC" render "$H/brackets.md" -o "$H/brackets.docx" 2>"$H/brackets.err" \
  && paras "$H/brackets.docx" | grep -F "报：市委办公室，市政府办公室" | grep -qvF "［" \
  && pass "distribution in full-width brackets" || fail "distribution in full-width brackets" "$(paras "$H/brackets.docx" | grep 报)"
sed 's/^units: .*/units: [县发展改革局，县财政局, 县农业农村局、县水利局]/' "$H/units.md" >"$H/units2.md"
"$GWDOC" render "$H/units2.md" -o "$H/units2.docx" 2>"$H/units2.err" \
  && pass "units: names joined by ， or 、 in one item" || fail "units: names joined by ， or 、 in one item" "$(cat "$H/units2.err")"

# A list of many units and a long deadline do not squeeze the measures:
# the 改革举措 column stays wider than any unit column, the deadline at
# most six characters (1890 twips).
cat >"$H/many.md" <<'EOF2'
---
kind: division
title: 优化营商环境责任分工
issuer: 县政府办公室
date: 2022-05-20
---

1. 深化“一枚印章管审批”改革，推进审批事项应进必进，实现企业和群众办事“只进一扇门、最多跑一次”。
   - 牵头单位：县行政审批服务管理局
   - 责任单位：县发展改革局、县工信局、县财政局、县人社局、县自然资源局、县住建局、县交通运输局、县水利局、县农业农村局、县商务局、县文旅局、县卫健委
   - 完成时限：2022年6月底前完成，长期坚持
EOF2
if "$GWDOC" render "$H/many.md" -o "$H/many.docx" 2>"$H/many.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/many.docx")
  cols=$(xpath "$H/x/word/document.xml" "(//w:tbl)[1]/w:tblGrid/w:gridCol/@w:w" | tr -dc '0-9\n' | tr '\n' ' ')
  set -- $cols
  [ "$2" -gt "$3" ] && [ "$2" -gt "$4" ] && [ "$5" -le 1890 ] && pass "many units: the measures stay the widest" \
    || fail "many units: the measures stay the widest" "gridCol: $cols"
else
  fail "many units renders" "$(cat "$H/many.err")"
fi

# 【编者按】 written as a plain paragraph, without the > of a quote.
{ printf '%s' "$BULLETIN_FRONT"; printf '【编者按】本期刊发。\n\n# 标题\n\n正文。\n'; } >"$H/note2.md"
if "$GWDOC" render "$H/note2.md" -o "$H/note2.docx" 2>"$H/note2.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/note2.docx")
  got=$(xpath "$H/x/word/document.xml" "//w:p[w:pPr/w:pStyle/@w:val='gwNote']/w:r" | tr '\n' '|')
  [ "$got" = "编者按：|本期刊发。|" ] && pass "编者按 as a plain paragraph" || fail "编者按 as a plain paragraph" "$got"
else
  fail "编者按 as a plain paragraph renders" "$(cat "$H/note2.err")"
fi
{ printf '%s' "$BULLETIN_FRONT"; printf '# 县人大常委会组织开展《中华人民共和国安全生产法》执法检查\n\n正文。\n'; } >"$H/title2.md"
"$GWDOC" render "$H/title2.md" -o "$H/title2.docx" 2>"$H/title2.err"
(cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/title2.docx")
got=$(python3 -c "
import re
d=open('$H/x/word/document.xml',encoding='utf-8').read()
print([re.sub(r'<w:br/>','/',re.sub(r'<(?!w:br/)[^>]*>','',m.group(1))) for m in re.finditer(r'<w:p>(.*?)</w:p>', d) if 'gwTitle' in m.group(1)][0])")
[ "$got" = "县人大常委会组织开展/《中华人民共和国安全生产法》执法检查" ] \
  && pass "a title does not break inside 《…》" || fail "a title does not break inside 《…》" "$got"
# The upper line no shorter than the lower, even against a drafter's space.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 坚持以学促干 推动团十九大精神在全市落地生根走深走实见行见效\n\n正文。\n'; } >"$H/title3.md"
"$GWDOC" render "$H/title3.md" -o "$H/title3.docx" 2>"$H/title3.err"
(cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/title3.docx")
got=$(python3 -c "
import re
d=open('$H/x/word/document.xml',encoding='utf-8').read()
t=[re.sub(r'<w:br/>','/',re.sub(r'<(?!w:br/)[^>]*>','',m.group(1))) for m in re.finditer(r'<w:p>(.*?)</w:p>', d) if 'gwTitle' in m.group(1)][0]
a,b=t.split('/')
print('ok' if len(a.replace(' ',''))>=len(b) else t)")
[ "$got" = ok ] && pass "a title breaks into a trapezoid" || fail "a title breaks into a trapezoid" "$got"

# A drafter's space between a title's two halves wins when the lower half
# is at most three characters longer (a drafter's review: 为 was pulled up
# over the space, …作风建设　为 / 高质量发展…).
{ printf '%s' "$BULLETIN_FRONT"; printf '# 以严的基调深化作风建设　为高质量发展提供坚强保障\n\n正文。\n'; } >"$H/title4.md"
want_styled "a title breaks at the drafter's space" "$H/title4.md" "gwTitle	以严的基调深化作风建设/为高质量发展提供坚强保障"

# A speech: the speaker's line and the day under the title are both
# subtitles, as ## lines or as plain ones (a drafter's review: the date
# was a level-1 heading).
{ printf '%s' "$BULLETIN_FRONT"; printf '# 在全市工作会议上的讲话\n\n## 市委书记　张某某\n\n## （2024年3月12日）\n\n同志们：\n\n正文。\n'; } >"$H/speech1.md"
want_styled "speech subtitles (##)" "$H/speech1.md" "gwSubtitle	市委书记　张某某" "gwSubtitle	（2024年3月12日）" "gwAddressee	同志们："
{ printf '%s' "$BULLETIN_FRONT"; printf '# 在全市工作会议上的讲话\n\n市委书记　张某某\n\n（2024年3月12日）\n\n同志们：\n\n正文。\n'; } >"$H/speech2.md"
want_styled "speech subtitles (plain lines)" "$H/speech2.md" "gwSubtitle	市委书记　张某某" "gwSubtitle	（2024年3月12日）" "gwAddressee	同志们："

# A drafter's review, three small things: > 按：… is the editor's note as
# 编者按 is (按照… stays text); headings typed all in bold are no bolder
# than the others; a 抄送 row among 报：送： rows ends with no 。 as they
# do not.
{ printf '%s' "$BULLETIN_FRONT" | sed 's/^kind: bulletin$/kind: bulletin\ndistribution:\n  报: [市委办公室]\n  抄送: [县人大办]/'; printf '# **县委召开常委会会议**\n\n> 按：现将有关做法刊发，供参考。\n\n按照县委部署开展活动。\n\n**一、提高政治站位**\n\n正文。\n\n## **二、强化组织领导**\n\n正文。\n'; } >"$H/small3.md"
want_styled "按：, bold headings, 抄送" "$H/small3.md" "gwNote	按：现将有关做法刊发，供参考。" "gwBody	按照县委部署开展活动。" "gwHeading1	一、提高政治站位" "gwTail	抄送：县人大办"
bolds=$(unzip -p "${H}/small3.docx" word/document.xml | grep -o '<w:p>.*' | grep -o '<w:b/>' | wc -l)
[ "$bolds" -eq 0 ] && pass "headings typed all in bold carry no w:b of their own" || fail "headings typed all in bold carry no w:b" "$bolds"

# label: (2024)第3期: the 期号's year is set in 〔〕, with a word (a
# drafter's review: printed as typed, render silent).
{ printf '%s' "$BULLETIN_FRONT" | sed 's/^kind: bulletin$/kind: bulletin\nlabel: (2024)第3期/'; printf '# 标题\n\n正文。\n'; } >"$H/label.md"
want_styled "label's year bracket" "$H/label.md" "gwIssueNumber	〔2024〕第3期"
grep -q 'label.md:[0-9]*:8: warning: 期号中的年份应使用六角括号〔〕：“(2024)第3期”已排作“〔2024〕第3期”' "$H/label.err" \
  && pass "label's year bracket: warned" || fail "label's year bracket: warned" "$(cat "$H/label.err")"
{ printf '%s' "$BULLETIN_FRONT" | sed 's/^kind: bulletin$/kind: bulletin\nlabel: [2024]第3期/'; printf '# 标题\n\n正文。\n'; } >"$H/label2.md"
"$GWDOC" render "$H/label2.md" -o "$H/label2.docx" 2>"$H/label2.err"; rc=$?
[ $rc -eq 1 ] && grep -q 'label2.md:3:14: error: 值以“\[”开头，YAML 把它读成了列表，括号后的文字就多了出来：请给整个值加英文引号，如“"\[2024\]第3期"”' "$H/label2.err" \
  && pass "label: [2024]第3期 explained" || fail "label: [2024]第3期 explained" "rc=$rc $(cat "$H/label2.err")"

# 表1　… right over its table is the table's title: centred, kept with it
# (a drafter's review: an indented body line); 表示… is no title.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n表示感谢。\n\n表1　1—2月全县主要经济指标\n\n| 指标 | 单位 | 1—2月 |\n|---|---|---|\n| 工业增加值 | 亿元 | 25.63 |\n'; } >"$H/tabletitle.md"
want_styled "table title" "$H/tabletitle.md" "gwBody	表示感谢。" "gwCaption	表1　1—2月全县主要经济指标"

# A lead-in ending in a colon under a title is no addressee; a 主送 line
# naming bodies is.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 甲\n\n今年以来，我县重点抓了三个方面的工作：\n\n正文。\n\n# 乙\n\n县委办公室，县政府办公室：\n\n正文。\n'; } >"$H/addressee.md"
want_styled "addressee or lead-in" "$H/addressee.md" "gwBody	今年以来，我县重点抓了三个方面的工作：" "gwAddressee	县委办公室，县政府办公室："

# A list three deep is numbered 1. （1） ① (a drafter's review: the third
# level repeated （1）).
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n1. 第一层\n   1. 第二层\n      1. 第三层\n      2. 第三层乙\n'; } >"$H/list3.md"
want_styled "three levels of list" "$H/list3.md" "gwBody	1.第一层" "gwBody	（1）第二层" "gwBody	①第三层" "gwBody	②第三层乙"

# An HTML comment (an editor's note to self) is left out with no word; an
# HTML block is still named.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n<!-- 编辑备注：此段待核实 -->\n\n正文。\n\n<div>块</div>\n'; } >"$H/htmlc.md"
"$GWDOC" render "$H/htmlc.md" -o "$H/htmlc.docx" 2>"$H/htmlc.err"
[ "$(grep -c '不支持 HTML 块' "$H/htmlc.err")" = 1 ] && grep -q 'htmlc.md:[0-9]*:1: warning: 不支持 HTML 块' "$H/htmlc.err" \
  && ! unzip -p "$H/htmlc.docx" word/document.xml | grep -q '编辑备注' \
  && pass "an HTML comment is left out quietly" || fail "an HTML comment is left out quietly" "$(cat "$H/htmlc.err")"

# The 报尾 breaks between recipients, never inside a name (团 / 中央办公厅).
{ printf '%s' "$BULLETIN_FRONT" | sed 's/^date: .*/&\ndistribution:\n  报: [省委办公厅, 省人大办公厅, 省政府办公厅, 省政协办公厅, 团中央办公厅]/'; printf '# 标题\n\n正文。\n'; } >"$H/tail.md"
if "$GWDOC" render "$H/tail.md" -o "$H/tail.docx" 2>"$H/tail.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/tail.docx")
  grep -q '，</w:t></w:r><w:r><w:br/></w:r><w:r>.*团中央办公厅' "$H/x/word/document.xml" \
    && pass "报尾: a long row breaks between names" || fail "报尾: a long row breaks between names" "$(grep -o '报.\{0,300\}' "$H/x/word/document.xml" | head -c 400)"
else
  fail "报尾 source renders" "$(cat "$H/tail.err")"
fi

# lint --fix in one run where its rules meet: marks at a heading's end,
# a number alone, mixed hand indentation, an indented typed heading.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n## 加强领导...\n\n正文。\n\n## 1、\n\n## 二、主要做法：.\n\n　 　正文内容。\n\n　　一、　加强组织领导\n\n正文。\n'; } >"$H/fix1.md"
"$GWDOC" lint --fix "$H/fix1.md" >/dev/null 2>&1; cp "$H/fix1.md" "$H/fix2.md"
"$GWDOC" lint --fix "$H/fix2.md" >/dev/null 2>&1
cmp -s "$H/fix1.md" "$H/fix2.md" && pass "lint --fix: one run settles meeting rules" \
  || fail "lint --fix: one run settles meeting rules" "$(diff "$H/fix1.md" "$H/fix2.md" | tr '\n' '|')"

# 落实 and 实施 end other phrases: 负责落实 is the duty, 牵头抓落实 the lead.
cat >"$H/luoshi.md" <<'EOF2'
---
kind: division
title: 测试
issuer: 县政府办公室
date: 2022-05-20
units: [县委组织部, 县财政局]
---

1. 甲。（县委组织部负责落实）

2. 乙。（县财政局牵头组织实施）
EOF2
if "$GWDOC" render "$H/luoshi.md" -o "$H/luoshi.docx" 2>"$H/luoshi.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/luoshi.docx")
  got=$(xpath "$H/x/word/document.xml" "(//w:tbl)[1]/w:tr[position()>1]/w:tc[3]" | tr '\n' '|')
  [ "$got" = "县委组织部|县财政局|" ] && pass "负责落实, 牵头组织实施: the unit leads" || fail "负责落实, 牵头组织实施: the unit leads" "$got"
else
  fail "负责落实 renders" "$(cat "$H/luoshi.err")"
fi

# Notes as published plans write them: labelled clauses, 县直各部门 as a
# collective, 县财政局等部门 checked as 县财政局.
cat >"$H/labels.md" <<'EOF2'
---
kind: division
title: 测试
issuer: 县政府办公室
date: 2022-05-20
units: [县行政审批服务管理局, 县市场监管局, 县财政局, 县税务局]
---

1. 甲。（牵头单位：县行政审批服务管理局；责任单位：县市场监管局；完成时限：2023年12月底前）

2. 乙。（县税务局牵头，县财政局等部门配合，县直各部门落实；长期坚持）
EOF2
if "$GWDOC" render "$H/labels.md" -o "$H/labels.docx" 2>"$H/labels.err"; then
  (cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/labels.docx")
  got=$(for r in 2 3; do xpath "$H/x/word/document.xml" "(//w:tbl)[1]/w:tr[$r]/w:tc[position()>2]" | tr '\n' '|'; echo; done)
  want="县行政审批服务管理局|县市场监管局|2023年12月底前|
县税务局|县财政局等部门、县直各部门|长期坚持|"
  [ "$got" = "$want" ] && pass "labelled notes, 等部门, 县直各部门" || fail "labelled notes, 等部门, 县直各部门" "$got"
else
  fail "labelled notes render" "$(cat "$H/labels.err")"
fi

# lint: a date range typed with a hyphen takes the 一字线; phone numbers
# and codes do not.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n1-6月全县完成投资，9月1日-9月10日开展检查，电话0351-4184708，G5-1线路，COVID-19疫情。\n'; } >"$H/range.md"
"$GWDOC" lint "$H/range.md" >"$H/range.lint" 2>&1
[ "$(grep -c '\[range-dash\]' "$H/range.lint")" -eq 2 ] && grep -q 'range.md:10:2: warning' "$H/range.lint" \
  && pass "lint: range-dash on date ranges only" || fail "lint: range-dash on date ranges only" "$(cat "$H/range.lint")"

# Pasted from Word: one paragraph a line, indented with full-width spaces,
# no blank lines; a heading line above its text; an editor's note of two
# lines. Each line is a paragraph of its own, the heading a heading, the
# note's second line still the note; lint --fix puts the blank lines in
# (not in the note: its indent is how it parts its paragraphs).
{ printf '%s' "$BULLETIN_FRONT"; cat <<'EOF2'
【编者按】今年以来，我县坚持把优化营商环境作为“一号工程”。
　　现将有关做法编发如下。

# 标题

一、强化组织领导
　　成立了工作领导小组。
　　明确28项重点任务。
二、深化改革
EOF2
} >"$H/paste.md"
if "$GWDOC" render "$H/paste.md" -o "$H/paste.docx" 2>"$H/paste.err"; then
  (cd "$H" && rm -rf p && mkdir p && cd p && unzip -q "$H/paste.docx")
  got=$(xpath "$H/p/word/document.xml" "//w:p[w:r/w:t][w:pPr/w:pStyle[@w:val='gwNote' or @w:val='gwBody' or @w:val='gwHeading1']]/w:pPr/w:pStyle/@w:val" | tr '\n' ' ')
  [ "$got" = "gwNote gwNote gwHeading1 gwBody gwBody gwHeading1 " ] \
    && pass "Word paste: a line a paragraph, heading lines, two-line note" \
    || fail "Word paste: a line a paragraph, heading lines, two-line note" "$got"
else
  fail "Word paste renders" "$(cat "$H/paste.err")"
fi
cp "$H/paste.md" "$H/paste2.md"
"$GWDOC" lint --fix "$H/paste2.md" >/dev/null 2>&1
[ "$(grep -c '^$' "$H/paste2.md")" -eq "$(( $(grep -c '^$' "$H/paste.md") + 2 ))" ] && [ "$(grep -c '　' "$H/paste2.md")" -eq 1 ] \
  && "$GWDOC" render "$H/paste2.md" -o "$H/paste2.docx" 2>/dev/null && cmp -s <(unzip -p "$H/paste.docx" word/document.xml) <(unzip -p "$H/paste2.docx" word/document.xml) \
  && pass "lint --fix: indented lines become paragraphs, same document" \
  || fail "lint --fix: indented lines become paragraphs, same document" "$(cat "$H/paste2.md")"

# Spaces left at a line's end (a paste from Word) after a full sentence
# end the paragraph; inside a sentence (联系人：张三 / 电话：…) they stay a
# line break, as does a backslash.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n第一句。  \n第二句。\n\n联系人：张三  \n电话：0351-4184708\n\n第三句\\\n第四句。\n'; } >"$H/trail.md"
if "$GWDOC" render "$H/trail.md" -o "$H/trail.docx" 2>"$H/trail.err"; then
  got=$(styled "$H/trail.docx" | awk -F'\t' '$1 == "gwBody" && $2 ~ /[^ ]/ {print $2}' | head -4 | paste -sd'|')
  [ "$got" = "第一句。|第二句。|联系人：张三/电话：0351-4184708|第三句/第四句。" ] \
    && pass "line-end spaces: a paragraph after a sentence, else a line break" \
    || fail "line-end spaces: a paragraph after a sentence, else a line break" "$got"
else
  fail "trailing spaces render" "$(cat "$H/trail.err")"
fi

# A contact line too long for one line breaks after a ， (传真 stays whole).
{ printf '%s' "$BULLETIN_FRONT" | sed 's/^kind: bulletin$/kind: bulletin\ncontact: 如有意见建议，请与团市委办公室联系。电话：0352-2043215，传真：0352-2043216/'; printf '# 标题\n\n正文。\n'; } >"$H/contact.md"
if "$GWDOC" render "$H/contact.md" -o "$H/contact.docx" 2>"$H/contact.err"; then
  unzip -p "$H/contact.docx" word/document.xml | grep -q '，</w:t></w:r><w:r><w:br/></w:r><w:r><w:rPr>[^>]*>[^<]*</w:rPr><w:t xml:space="preserve">传真：' \
    && pass "contact line breaks after a ，" || fail "contact line breaks after a ，" "$(unzip -p "$H/contact.docx" word/document.xml | grep -o '联系.\{0,400\}')"
else
  fail "contact line renders" "$(cat "$H/contact.err")"
fi

# A （图为…） line under a picture without a caption is its caption; an
# article title with nothing under it is warned about.
mkdir -p "$H/cap" && cp tests/fixtures/photo.png "$H/cap/"
{ printf '%s' "$BULLETIN_FRONT"; printf '# 甲县\n\n![](photo.png)\n\n（图为青年网格员入户走访）\n\n正文。\n\n# 乙县\n\n#\n\n正文。\n'; } >"$H/cap/cap.md"
if "$GWDOC" render "$H/cap/cap.md" -o "$H/cap/cap.docx" 2>"$H/cap/cap.err"; then
  (cd "$H/cap" && rm -rf x && mkdir x && cd x && unzip -q "$H/cap/cap.docx")
  got=$(xpath "$H/cap/x/word/document.xml" "//w:p[w:pPr/w:pStyle/@w:val='gwCaption'][w:r/w:t]" | tr '\n' '|')
  [ "$got" = "（图为青年网格员入户走访）|" ] && grep -q 'cap.md:16:1: warning: 这篇文章只有标题，没有正文' "$H/cap/cap.err" \
    && grep -q 'cap.md:18:1: warning: 文章标题是空的' "$H/cap/cap.err" \
    && pass "（图为…） under a picture is its caption; a bare title is warned about" \
    || fail "（图为…） under a picture is its caption; a bare title is warned about" "$got $(cat "$H/cap/cap.err")"
else
  fail "caption source renders" "$(cat "$H/cap/cap.err")"
fi

# A statistics table's headers break before their unit in brackets
# (下派专家 / （人次）), not inside it; 县（市、区） has room on one line.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n| 县（市、区） | 医共体数（个） | 成员单位（家） | 县域内就诊率（%%） | 下派专家（人次） |\n|:---|---:|---:|---:|---:|\n| 忻府区 | 1 | 21 | 91.5 | 56 |\n'; } >"$H/units.md"
"$GWDOC" render "$H/units.md" -o "$H/units.docx" 2>"$H/units.err"
(cd "$H" && rm -rf x && mkdir x && cd x && unzip -q "$H/units.docx")
got=$(python3 -c "
import re
d=open('$H/x/word/document.xml',encoding='utf-8').read()
row=re.search(r'<w:tr>.*?</w:tr>', d).group(0)
print('|'.join(re.sub(r'<w:br/>','/',re.sub(r'<(?!w:br/)[^>]*>','',c)) for c in re.findall(r'<w:tc>.*?</w:tc>', row)))")
[ "$got" = "县（市、区）|医共体数/（个）|成员单位/（家）|县域内就诊率/（%）|下派专家/（人次）" ] \
  && pass "table headers break before their unit" || fail "table headers break before their unit" "$got"

# lint finds a misspelt front-matter key, as render warns of it.
sed 's/^number:/nubmer:/' samples/jintuan-yaoxun-2021-14.md >"$H/key.md"
"$GWDOC" lint "$H/key.md" >"$H/key.lint" 2>&1
grep -q 'key.md:5:1: warning: 未知的键“nubmer”，已忽略：是不是“number”？ \[front-key\]' "$H/key.lint" \
  && pass "lint: a misspelt front-matter key" || fail "lint: a misspelt front-matter key" "$(cat "$H/key.lint")"

# Pastes, second round: a picture and its （图为…） line with no blank line
# between; a PDF line starting 一、二年级 stays in its paragraph; a plan's
# closing line under the last item's units; a header typed 序　号.
mkdir -p "$H/p2" && cp tests/fixtures/photo.png "$H/p2/"
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n![](photo.png)\n（图为青年志愿者在社区开展服务）\n活动期间，共有200名青年参加。\n\n暑期活动中，小学\n一、二年级学生全部参加了此次活动。\n'; } >"$H/p2/a.md"
if "$GWDOC" render "$H/p2/a.md" -o "$H/p2/a.docx" 2>"$H/p2/a.err"; then
  got=$(styled "$H/p2/a.docx" | awk -F'\t' '($1 == "gwCaption" || $1 == "gwBody" || $1 == "gwHeading1") && $2 ~ /[^ ]/ {print $1 ":" $2}' | head -4 | paste -sd'|')
  [ "$got" = "gwCaption:IMG|gwCaption:（图为青年志愿者在社区开展服务）|gwBody:活动期间，共有200名青年参加。|gwBody:暑期活动中，小学一、二年级学生全部参加了此次活动。" ] \
    && pass "pastes: picture, caption line, 一、二年级" || fail "pastes: picture, caption line, 一、二年级" "$got"
else
  fail "pastes render" "$(cat "$H/p2/a.err")"
fi
cat >"$H/p2/d.md" <<'EOF2'
---
kind: division
title: 责任分工
issuer: 县委办公室
date: 2021-09-10
units: [团县委, 县委组织部, 县教育局]
---

| 序　号 | 改革举措 | 牵头单位 | 责任单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 甲。 | 团县委 | 县委组织部 | 2021年12月底前 |

2.健全学校团组织，实现应建尽建。（县教育局牵头，团县委配合）
各单位要高度重视，抓好落实。
EOF2
if "$GWDOC" render "$H/p2/d.md" -o "$H/p2/d.docx" 2>"$H/p2/d.err"; then
  doc=$(unzip -p "$H/p2/d.docx" word/document.xml)
  heads=$(printf '%s' "$doc" | grep -o '>序号<' | wc -l)
  after=$(printf '%s' "$doc" | python3 -c "import sys; d=sys.stdin.read(); print(d.find('各单位要高度重视') > d.find('</w:tbl>') > d.find('健全学校团组织') > 0)")
  [ "$heads" -eq 1 ] && [ "$after" = True ] && pass "pastes: 序　号 header; closing line under the last item" \
    || fail "pastes: 序　号 header; closing line under the last item" "heads=$heads after=$after $(cat "$H/p2/d.err")"
else
  fail "pastes division renders" "$(cat "$H/p2/d.err")"
fi
printf -- '---\r\nkind: bulletin\r\ntemplate: jintuan-yaoxun\r\nyear: 2021\r\nnumber: 14\r\ndate: 2021-10-18\r\n---\r\n# 标题\r\n\r\n甲句。\r\n　　乙句。\r\n' >"$H/p2/crlf.md"
"$GWDOC" lint --fix "$H/p2/crlf.md" >/dev/null 2>&1
[ "$(grep -c $'\r$' "$H/p2/crlf.md")" -eq "$(wc -l <"$H/p2/crlf.md")" ] && grep -q $'^\r$' "$H/p2/crlf.md" \
  && pass "lint --fix: a blank line in a CRLF file is CRLF" || fail "lint --fix: a blank line in a CRLF file is CRLF" "$(cat -A "$H/p2/crlf.md" | tail -4)"

# Probe 3, bulletins: a （图为…） line under a picture with alt text is the
# caption (the alt is not printed as a second one, but stays the
# picture's description); a contact line breaks at its wide spaces;
# 抄送 各乡镇党委、政府 keeps its 、, and so does 市人大常委会、市政府、
# 市政协主要领导 in a row parted with ，(the leaders of the three).
mkdir -p "$H/p3" && cp tests/fixtures/photo.png "$H/p3/"
{ printf '%s' "$BULLETIN_FRONT" | sed 's/^kind: bulletin$/kind: bulletin\ncontact: 联系人：王晓燕　　电话：0354-3032156　　邮箱：jzwjwbgs@163.com\ndistribution:\n  报: 省委办公厅，市人大常委会、市政府、市政协主要领导\n  抄送: 市委办公室，县委各部门，各乡镇党委、政府/'; printf '# 标题\n\n![义诊](photo.png)\n（图为紧接的说明）\n\n正文。\n'; } >"$H/p3/a.md"
if "$GWDOC" render "$H/p3/a.md" -o "$H/p3/a.docx" 2>"$H/p3/a.err"; then
  doc=$(unzip -p "$H/p3/a.docx" word/document.xml)
  caps=$(printf '%s' "$doc" | grep -o '>义诊<' | wc -l)
  printf '%s' "$doc" | grep -q '各乡镇党委、政府' && [ "$caps" -eq 0 ] \
    && printf '%s' "$doc" | grep -q 'descr="义诊"' \
    && printf '%s' "$doc" | grep -q '市人大常委会、市政府、市政协主要领导' \
    && printf '%s' "$doc" | grep -q '　　</w:t></w:r><w:r><w:br/></w:r><w:r><w:rPr>[^>]*>[^<]*</w:rPr><w:t xml:space="preserve">邮箱：' \
    && pass "pastes: caption over alt, contact at wide spaces, 党委、政府" \
    || fail "pastes: caption over alt, contact at wide spaces, 党委、政府" "caps=$caps $(cat "$H/p3/a.err")"
else
  fail "probe 3 bulletin renders" "$(cat "$H/p3/a.err")"
fi
# A row parted with 、 alone whose last name is people (市委、市政府分管
# 领导: the leaders of both) is one recipient; parted, the issue went to
# the whole 市委 (a drafter's review).
{ printf '%s' "$BULLETIN_FRONT" | sed 's/^kind: bulletin$/kind: bulletin\ndistribution:\n  报: 市委办公室、市政府办公室\n  送: 市委、市政府分管领导\n  发: 县委、县政府主要负责同志/'; printf '# 标题\n\n正文。\n'; } >"$H/p3/people.md"
if "$GWDOC" render "$H/p3/people.md" -o "$H/p3/people.docx" 2>"$H/p3/people.err"; then
  doc=$(unzip -p "$H/p3/people.docx" word/document.xml)
  printf '%s' "$doc" | grep -q '市委、市政府分管领导' && printf '%s' "$doc" | grep -q '县委、县政府主要负责同志' \
    && printf '%s' "$doc" | grep -q '市委办公室，市政府办公室' \
    && pass "distribution: 市委、市政府分管领导 is one recipient, 市委办公室、市政府办公室 two" \
    || fail "distribution: 市委、市政府分管领导 is one recipient" "$(printf '%s' "$doc" | grep -o '送：[^<]*')"
else
  fail "distribution people row renders" "$(cat "$H/p3/people.err")"
fi

# Probe 4: a poem with backslash breaks and a list item with a trailing-
# space break keep their line breaks; a list inside an editor's note
# quote is printed in the note.
{ printf '%s' "$BULLETIN_FRONT"; printf '> 编者按：主要做法如下。\n>\n> 1. 坚持党建带团建；\n> 2. 切实强化组织领导。\n\n# 标题\n\n春眠不觉晓。\\\n处处闻啼鸟。\n\n1. 完成调研。  \n   形成报告。\n'; } >"$H/p4.md"
if "$GWDOC" render "$H/p4.md" -o "$H/p4.docx" 2>"$H/p4.err"; then
  got=$(styled "$H/p4.docx" | awk -F'\t' '($1 == "gwNote" || $1 == "gwBody") && $2 ~ /[^ ]/ {print substr($1, 3) ":" $2}' | head -5 | paste -sd'|')
  [ "$got" = "Note:编者按：主要做法如下。|Note:1.坚持党建带团建；|Note:2.切实强化组织领导。|Body:春眠不觉晓。/处处闻啼鸟。|Body:1.完成调研。/形成报告。" ] \
    && pass "breaks kept in poems and list items; a list in a note" || fail "breaks kept in poems and list items; a list in a note" "$got"
else
  fail "probe 4 renders" "$(cat "$H/p4.err")"
fi

# A PDF line starting （1）班 or ①号楼 names a class or a building: no item;
# 1.组织… and 2.队伍… lines still are items.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n其中\n（1）班和\n①号楼为试点。\n\n1.组织开展培训。\n2.队伍建设。\n'; } >"$H/thing.md"
if "$GWDOC" render "$H/thing.md" -o "$H/thing.docx" 2>"$H/thing.err"; then
  got=$(styled "$H/thing.docx" | awk -F'\t' '$1 == "gwBody" && $2 ~ /[^ ]/ {print $2}' | head -3 | paste -sd'|')
  [ "$got" = "其中（1）班和①号楼为试点。|1.组织开展培训。|2.队伍建设。" ] \
    && pass "（1）班, ①号楼 are no items; 1.组织… is" || fail "（1）班, ①号楼 are no items; 1.组织… is" "$got"
else
  fail "thing renders" "$(cat "$H/thing.err")"
fi

# The issuer/date line: the date's right tab one character (320 twips)
# short of the 版心 edge (8845), as the issuer is one in from the left.
# An issuer too long to share the line: a warning, and the date on a line
# of its own after a break, never split.
if "$GWDOC" render "$H/thing.md" -o "$H/tab.docx" 2>/dev/null; then
  unzip -p "$H/tab.docx" word/document.xml | grep -q '<w:tab w:val="right" w:pos="8525"/>' \
    && pass "issuer/date line: the date one character in from the right" \
    || fail "issuer/date line: the date one character in from the right" "$(unzip -p "$H/tab.docx" word/document.xml | grep -o '<w:tabs>.\{0,60\}')"
fi
{ printf '%s' "$BULLETIN_FRONT" | sed 's/^kind: bulletin$/kind: bulletin\nissuer: 山西综改示范区管委会经济发展和科技创新局（统计局）/'; printf '# 标题\n\n正文。\n'; } >"$H/long-issuer.md"
if "$GWDOC" render "$H/long-issuer.md" -o "$H/long-issuer.docx" 2>"$H/long-issuer.err"; then
  unzip -p "$H/long-issuer.docx" word/document.xml | grep -q '（统计局）</w:t></w:r><w:r><w:br/></w:r><w:r><w:rPr>.\{0,300\}</w:rPr><w:tab/></w:r>' \
    && grep -q 'long-issuer.md:3:9: warning: 编印单位.*日期已移到下一行' "$H/long-issuer.err" \
    && pass "a long issuer: the date on its own line, with a warning" \
    || fail "a long issuer: the date on its own line, with a warning" "$(cat "$H/long-issuer.err")"
else
  fail "long issuer renders" "$(cat "$H/long-issuer.err")"
fi

# Statistics tables: a header with its unit in brackets breaks there
# instead of widening a column of figures (同比增减 / （百分点）: narrower
# than the names beside it), and a cell mixing Chinese and digits gets
# room for the gaps LibreOffice sets between them (第0镇 on one line:
# 6 columns of 四号 half characters, 840 twips, and the margins).
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n正文。\n\n| 指标 | 2023年 | 同比增减（百分点） | 乡镇 |\n|---|---|---|---|\n| 一网通办率（%%） | 88.2 | +8.3 | 第0镇 |\n| 跑动次数为零事项占比（%%） | 60.5 | +13.6 | 第1镇 |\n'; } >"$H/stat.md"
if "$GWDOC" render "$H/stat.md" -o "$H/stat.docx" 2>"$H/stat.err"; then
  set -- $(unzip -p "$H/stat.docx" word/document.xml | grep -o '<w:gridCol w:w="[0-9]*"/>' | head -4 | grep -o '[0-9]*')
  [ "$3" -lt "$1" ] && [ "$3" -lt 2730 ] && [ "$4" -ge 1050 ] \
    && pass "statistics table: a unit header breaks, 第0镇 has room ($*)" \
    || fail "statistics table: a unit header breaks, 第0镇 has room" "$*"
else
  fail "statistics table renders" "$(cat "$H/stat.err")"
fi

# A long title typed as two # lines: the warning says how to join them.
# A bulletin with no distribution at all: a warning that the 报尾 has no
# 报/送/发 rows.
printf -- '---\nkind: bulletin\ntemplate: gbt9704\ntitle: 工作简报\nissuer: 县应急管理局\nyear: 2024\nnumber: 3\ndate: 2024-03-05\n---\n# 关于全县安全生产大检查\n# 工作情况的报告\n\n正文。\n' >"$H/two-titles.md"
"$GWDOC" render "$H/two-titles.md" -o "$H/two-titles.docx" 2>"$H/two-titles.err"
grep -q 'two-titles.md:10:1: warning: 这篇文章只有标题，没有正文：如果下一行 # 是这个标题的后半，请把两行并成一个 # 标题' "$H/two-titles.err" \
  && grep -q 'warning: 没有写 distribution（报送范围）' "$H/two-titles.err" \
  && pass "two # lines for one title; no distribution: warnings say what to do" \
  || fail "two # lines for one title; no distribution: warnings say what to do" "$(cat "$H/two-titles.err")"

# render warns of a bracket or quote without its partner, once a
# paragraph (lint names the column): a straight quote never closed, made
# “ by the normalising; an item's unclosed （; a 1） marker is no bracket.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n他表示："我们将持续打造品牌。\n\n1）完成调研。\n\n任务（县财政局牵头，2024年底前完成\n'; } >"$H/pairs.md"
"$GWDOC" render "$H/pairs.md" -o "$H/pairs.docx" 2>"$H/pairs.err"
[ "$(grep -c '没有与之配对' "$H/pairs.err")" -eq 2 ] \
  && grep -q 'pairs.md:10:1: warning: 这一段里的左引号“没有与之配对的右引号”' "$H/pairs.err" \
  && grep -q 'pairs.md:14:1: warning: 这一段里的左括号（没有与之配对的右括号）' "$H/pairs.err" \
  && pass "render warns of unpaired quotes and brackets" \
  || fail "render warns of unpaired quotes and brackets" "$(cat "$H/pairs.err")"

# A plan with a date that does not exist and a unit not in the list:
# both errors in one run, not the date only after the unit is mended.
printf -- '---\nkind: division\ntitle: 分工\nissuer: 某镇人民政府\ndate: 2024-02-30\nunits: [镇财政所]\n---\n\n1. 任务。（镇财政局牵头，2024年底前）\n' >"$H/stages.md"
"$GWDOC" render "$H/stages.md" -o "$H/stages.docx" 2>"$H/stages.err"
grep -q 'stages.md:5:7: error: date：2024-02-30 不是存在的日期' "$H/stages.err" && grep -q '单位“镇财政局”不在 units 列表里' "$H/stages.err" \
  && pass "a plan's bad date and unknown unit in one run" || fail "a plan's bad date and unknown unit in one run" "$(cat "$H/stages.err")"

# numbering: per-category starts again at 一、二、, not at each （一）.
printf -- '---\nkind: division\ntitle: 分工\nissuer: 某办\ndate: 2024-03-05\nnumbering: per-category\nindex: by-unit\n---\n\n一、甲类\n\n（一）小类\n\n1. 任务一。（县财政局负责，2024年底前）\n2. 任务二。（县财政局负责，2024年底前）\n\n（二）小类\n\n3. 任务三。（县财政局负责，2024年底前）\n\n二、乙类\n\n4. 任务四。（县民政局负责，2024年底前）\n' >"$H/percat.md"
if "$GWDOC" render "$H/percat.md" -o "$H/percat.docx" 2>"$H/percat.err"; then
  got=$(unzip -p "$H/percat.docx" word/document.xml | sed 's/<\/w:tr>/\n/g; s/<[^>]*>/ /g' | awk '$2 ~ /^任务/ {printf "%s", $1}')
  idx=$(unzip -p "$H/percat.docx" word/document.xml | sed 's/<\/w:tr>/\n/g; s/<\/w:tc>/|/g; s/<[^>]*>//g' | grep '^县' | tr '\n' ' ')
  [ "$got" = 1231 ] && [ "$idx" = "县财政局|一-1、一-2、一-3|| 县民政局|二-1|| " ] \
    && pass "per-category numbering and index: （一） does not start again" || fail "per-category numbering and index: （一） does not start again" "$got $idx"
else
  fail "per-category plan renders" "$(cat "$H/percat.err")"
fi

# ## 二、2025年主要目标 is heading 二、, not two numbers listed (as 一、二年级
# is): no "skipped number" warning between 一、 and 三、.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n## 一、会议精神\n\n正文。\n\n## 二、2025年主要预期目标\n\n正文。\n\n## 三、有关要求\n\n正文。\n'; } >"$H/yearhead.md"
"$GWDOC" render "$H/yearhead.md" -o "$H/yearhead.docx" 2>"$H/yearhead.err"
! grep -q '跳号' "$H/yearhead.err" && pass "二、2025年… is a heading number" || fail "二、2025年… is a heading number" "$(cat "$H/yearhead.err")"

# A title of 21 characters breaks before its quotation, not after it with
# 工作 alone on the second line.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 大同团市委扎实推进“青春建功乡村振兴”工作\n\n正文。\n'; } >"$H/stub.md"
"$GWDOC" render "$H/stub.md" -o "$H/stub.docx" 2>/dev/null
unzip -p "$H/stub.docx" word/document.xml | grep -q '团市委扎实推进</w:t></w:r><w:r><w:br/>' \
  && pass "a title breaks before its quotation, no 工作 alone" \
  || fail "a title breaks before its quotation, no 工作 alone" "$(unzip -p "$H/stub.docx" word/document.xml | grep -o '[^>]*</w:t></w:r><w:r><w:br/>' | head -2)"

# An item with units but no lead: the warning names the index only when
# the plan has one.
printf -- '---\nkind: division\ntitle: 分工\nissuer: 某办\ndate: 2024-03-05\n---\n\n1. 任务。（责任单位：县公安局、县司法局）\n' >"$H/nolead.md"
"$GWDOC" render "$H/nolead.md" -o "$H/nolead.docx" 2>"$H/nolead.err"
printf -- '---\nkind: division\ntitle: 分工\nissuer: 某办\ndate: 2024-03-05\nindex: by-unit\n---\n\n1. 任务。（责任单位：县公安局、县司法局）\n' >"$H/nolead2.md"
"$GWDOC" render "$H/nolead2.md" -o "$H/nolead2.docx" 2>"$H/nolead2.err"
grep -q 'warning: 这一项没有牵头单位，牵头单位一格空着' "$H/nolead.err" && grep -q '各单位任务清单里按责任单位中的第一个“县公安局”牵头计' "$H/nolead2.err" \
  && pass "no lead unit: the warning fits the plan" || fail "no lead unit: the warning fits the plan" "$(cat "$H/nolead.err" "$H/nolead2.err")"

# Six columns of figures: a four-character name (杏花岭区) keeps its line,
# and a long header's unit starts a line of its own even when the name
# itself wraps (… / （%）).
{ printf '%s' "$BULLETIN_FRONT"; printf '# 标题\n\n| 县（市、区） | 规上工业增加值增速（%%） | 固定资产投资增速（%%） | 社零总额（亿元） | 一般公共预算收入（亿元） | 同比增减（百分点） |\n|---|---|---|---|---|---|\n| 小店区 | 6.2 | 4.5 | 562.3 | 48.62 | 0.8 |\n| 杏花岭区 | 5.5 | 6.3 | 356.9 | 25.78 | 0.3 |\n'; } >"$H/six.md"
if "$GWDOC" render "$H/six.md" -o "$H/six.docx" 2>"$H/six.err"; then
  first=$(unzip -p "$H/six.docx" word/document.xml | grep -o '<w:gridCol w:w="[0-9]*"/>' | head -1 | grep -o '[0-9]*')
  unzip -p "$H/six.docx" word/document.xml | grep -q '增速</w:t></w:r><w:r><w:br/></w:r><w:r>[^（]*（%）' && [ "$first" -ge 1330 ] \
    && pass "six columns: 杏花岭区 whole, units on their own line ($first)" \
    || fail "six columns: 杏花岭区 whole, units on their own line" "first=$first"
else
  fail "six-column table renders" "$(cat "$H/six.err")"
fi

# A bulletin of 20 articles (16 pages): its titles, kept with the text
# under them, leave gaps at page feet that the page estimate now counts;
# it ended a page early and sent the 报尾 to a 17th page of its own,
# although the 16th had room for it.
if "$GWDOC" render tests/fixtures/bulletin-20-articles.md -o "$H/twenty.docx" 2>"$H/twenty.err"; then
  [ "$(unzip -p "$H/twenty.docx" word/document.xml | grep -c 'pageBreakBefore')" -eq 0 ] \
    && pass "20 articles: the 报尾 is not sent to a page of its own" \
    || fail "20 articles: the 报尾 is not sent to a page of its own"
else
  fail "20 articles render" "$(cat "$H/twenty.err")"
fi

# Text pasted from WeChat: a zero-width space before 一、 and a no-break
# space before （一） still leave headings; no-break spaces beside ，
# leave no gap, and none of these characters reaches the DOCX.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 文旅简讯\n\n\xe2\x80\x8b一、加强组织领导\n\n正文一段。\n\n\xc2\xa0（一）健全工作机制\n\n正文二段。\n\n二、狠抓工作落实\n\n开展活动20余场，\xc2\xa0\xc2\xa0吸引游客32万人次。\n\n联系人：张三\xe2\x80\x83\xe2\x80\x83李四\n'; } >"$H/nbsp.md"
want_styled "pasted odd spaces" "$H/nbsp.md" "gwHeading1	一、加强组织领导" "gwHeading2	（一）健全工作机制" "gwHeading1	二、狠抓工作落实" "gwBody	开展活动20余场，吸引游客32万人次。" "gwBody	联系人：张三　　李四"
[ -f "$H/nbsp.docx" ] && [ ! -s "$H/nbsp.err" ] && pass "pasted odd spaces: no heading-number warning" \
  || fail "pasted odd spaces: no heading-number warning" "$(cat "$H/nbsp.err")"

# Figures grouped by spaces lose the spaces, so that no line ends inside
# one (LibreOffice broke 4 / 500元 even at a no-break space); other
# spaces between figures stay.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 农业简讯\n\n新建高标准农田2 000亩，投资12 345 678元，编号1 23，共3 2024户。得分依次为 98 100 120 分，传真0351 418 4709，农田 3 215 亩，比分 3:2 100 分。\n'; } >"$H/groups.md"
want_styled "grouped figures" "$H/groups.md" \
  "gwBody	新建高标准农田2000亩，投资12345678元，编号1 23，共3 2024户。得分依次为98 100 120分，传真0351 418 4709，农田3215亩，比分3:2 100分。"

# Pasted from Word: a ——记… line under a title is its subtitle; points
# written 第一，… 第二，… a line each are paragraphs, but 排名 / 第一 broken
# mid-sentence stays one.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 扎根基层的“老黄牛”\n\n——记孝义市下堡镇党委书记王某某\n\n第一，抓好渠系配套。对12条主干渠清淤整修。\n第二，抓好高标准农田建设。\n全县考核排名\n第一，受到表彰。\n'; } >"$H/word-habits.md"
want_styled "Word habits" "$H/word-habits.md" "gwSubtitle	——记孝义市下堡镇党委书记王某某" "gwBody	第一，抓好渠系配套。对12条主干渠清淤整修。" "gwBody	第二，抓好高标准农田建设。" "gwBody	全县考核排名第一，受到表彰。"

# 1.加大宣传力度 and （1）开发政策性岗位 on lines of their own over their
# text are headings of the third and fourth level; a run of short
# numbered lines is a list, body text.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 就业简讯\n\n一、强化政策落实\n\n1.加大宣传力度\n\n通过公众号发布政策解读46期。\n\n（1）开发政策性岗位\n\n开发岗位860个。\n\n1.加强领导\n\n2.落实责任\n\n3.强化督查\n'; } >"$H/levels.md"
want_styled "plain numbered lines" "$H/levels.md" "gwHeading3	1.加大宣传力度" "gwHeading4	（1）开发政策性岗位" "gwBody	1.加强领导" "gwBody	3.强化督查"

# The same lines pasted from Word with no blank line under them: the
# text below is not run into the heading.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 就业简讯\n\n一、拓宽就业渠道\n\n1.开发公益性岗位\n全县开发乡村公益性岗位1200个。\n（1）开展订单式培训\n与重点企业合作开展培训8期。\n'; } >"$H/levels-tight.md"
want_styled "numbered lines over their text" "$H/levels-tight.md" "gwHeading3	1.开发公益性岗位" "gwBody	全县开发乡村公益性岗位1200个。" "gwHeading4	（1）开展订单式培训" "gwBody	与重点企业合作开展培训8期。"

# Points bulleted by hand (● from WeChat), one a line: a paragraph each.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 志愿服务\n\n● 招募志愿者1200名；\n● 开展岗前培训6场次；\n■ 设置“青春驿站”15个。\n'; } >"$H/bullets.md"
want_styled "bulleted lines" "$H/bullets.md" "gwBody	● 招募志愿者1200名；" "gwBody	● 开展岗前培训6场次；" "gwBody	■ 设置“青春驿站”15个。"

# Lines pasted one a line that end a quotation with a straight quote, an
# ellipsis or a closing bracket end their paragraph too (a drafter's
# review: they ran into the next line).
{ printf '%s' "$BULLETIN_FRONT"; printf '# 会议\n\n他指出:"要抓早抓实。"\n各部门要密切配合。\n他强调：“要久久为功……”\n会议要求抓好落实……\n会后印发了通知（见附件。）\n全县共开展活动12场。\n'; } >"$H/ends.md"
want_styled "paragraph ends: 。\" ……” …… 。）" "$H/ends.md" "gwBody	他指出：“要抓早抓实。”" "gwBody	各部门要密切配合。" "gwBody	他强调：“要久久为功……”" "gwBody	会议要求抓好落实……" "gwBody	会后印发了通知（见附件。）" "gwBody	全县共开展活动12场。"

# --- typed right under a paragraph makes it a heading in Markdown, and
# # 一、… an article of its own: both are warned about, at the line.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 邻里节\n\n5月5日，街道举办邻里节活动。\n---\n\n# 一、主要做法\n\n正文。\n'; } >"$H/meant.md"
"$GWDOC" render "$H/meant.md" -o "$H/meant.docx" 2>"$H/meant.err"
grep -q 'meant.md:10:1: warning: 这一段下面紧接着一行“---”或“===”，Markdown 把这一段读成了标题' "$H/meant.err" \
  && pass "--- under a paragraph: warned" || fail "--- under a paragraph: warned" "$(cat "$H/meant.err")"
grep -q 'meant.md:13:1: warning: 这一行用一个 # 写成了文章标题，却以“一、”开头：如是文中的一级标题，请写成“## 一、……”' "$H/meant.err" \
  && pass "# 一、 as an article title: warned" || fail "# 一、 as an article title: warned" "$(cat "$H/meant.err")"

# A quote after a figure (“12345”) or opening a line (“五四”专刊):
# LibreOffice ignores w:hint, so a run holding such punctuation names the
# Chinese font in every slot (else the quote comes out narrow there).
{ printf '%s' "$BULLETIN_FRONT"; printf '# 我县推进“12345”热线诉求办理\n\n“5+2”课后服务模式全面推行。\n'; } >"$H/quotes.md"
"$GWDOC" render "$H/quotes.md" -o "$H/quotes.docx" 2>/dev/null
bad=$(/usr/bin/python3 - "$H/quotes.docx" <<'PY2'
import re, sys, zipfile
d = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode()
n = 0
for r in re.findall(r'<w:r>(.*?)</w:r>', d):
    t = ''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', r))
    if '“' in t or '”' in t:
        f = re.search(r'<w:rFonts ([^>]*)/>', r).group(1)
        a = re.search(r'w:ascii="([^"]*)"', f); e = re.search(r'w:eastAsia="([^"]*)"', f)
        if not a or not e or a.group(1) != e.group(1): n += 1
print(n)
PY2
)
[ "$bad" = 0 ] && pass "runs with “ ” name the Chinese font in every slot" || fail "runs with “ ” name the Chinese font in every slot" "$bad runs"

# Table lines with no |---| row, or typed with the full-width ｜: no
# table to Markdown; said once a block, at its first line.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 投资情况\n\n| 乡镇 | 完成投资（万元） |\n| 冠山镇 | 3200 |\n\n｜乡镇｜户数｜\n｜娘子关镇｜1200｜\n'; } >"$H/bars.md"
"$GWDOC" render "$H/bars.md" -o "$H/bars.docx" 2>"$H/bars.err"
[ "$(grep -c '像是表格，却没有读成表格' "$H/bars.err")" = 2 ] && grep -q 'bars.md:10:1: warning: 这几行像是表格' "$H/bars.err" \
  && pass "table lines not read as a table: warned" || fail "table lines not read as a table: warned" "$(cat "$H/bars.err")"

# Two issuers too long for one line break after the 、 between them,
# both lines one character in, the date beside the second when it fits.
printf -- '---\nkind: bulletin\ntitle: 中共晋中市榆次区委员会办公室信息简报\nissuer: 中共晋中市榆次区委员会办公室、晋中市榆次区人民政府办公室\nnumber: 5\ndate: 2021-05-06\ndistribution: {}\n---\n\n# 会议\n\n正文。\n' >"$H/two-issuers.md"
want_styled "two issuers" "$H/two-issuers.md" "gwIssuerLine	中共晋中市榆次区委员会办公室、/晋中市榆次区人民政府办公室2021年5月6日"
unzip -p "$H/two-issuers.docx" word/document.xml | grep -q '<w:ind w:left="320" w:firstLine="0"/>' \
  && pass "two issuers: both lines indented" || fail "two issuers: both lines indented"

# Headings pasted from Word come bold: a paragraph bold as a whole is
# read as the plain line is (a heading when it is one), with no warning
# that its number repeats; a bold run-in head stays body text.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 推进会\n\n会议强调：\n\n**一、提高政治站位**\n\n要提高认识。\n\n二、完善创建机制\n\n**1.加大宣传力度**\n\n要宣传。\n\n**三、狠抓落实。**要抓落实。\n\n**四、这是一句完整的话。后面还有一句。**\n'; } >"$H/bold-heads.md"
want_styled "bold heading lines" "$H/bold-heads.md" "gwHeading1	一、提高政治站位" "gwHeading1	二、完善创建机制" "gwHeading3	1.加大宣传力度" "gwBody	三、狠抓落实。要抓落实。" "gwBody	四、这是一句完整的话。后面还有一句。"
grep -q '编号' "$H/bold-heads.err" && fail "bold heading lines: no numbering warning" "$(cat "$H/bold-heads.err")" \
  || pass "bold heading lines: no numbering warning"

# A signature pasted under an article (unit, then date, a line each) is
# two lines, not 东山乡人民政府2024年12月3日; a date that ends a phrase
# (截至 / 2024年12月3日) stays in its sentence.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 工作动态\n\n截至\n2024年12月3日\n全乡完成整治任务。\n\n东山乡人民政府\n2024年12月3日\n'; } >"$H/sign.md"
want_styled "signature lines" "$H/sign.md" "gwBody	截至2024年12月3日全乡完成整治任务。" "gwBody	东山乡人民政府" "gwBody	2024年12月3日"

# Near misses of the rules above, from a second probe: a dash list under
# a title is no subtitle; 第一、二季度 runs on; 十四．五 is no heading;
# a numbered line brought in by a colon is a list item.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 市直机关开展“七一”系列活动\n\n——重温入党誓词。各党支部组织党员重温入党誓词。\n\n——开展主题党日。各支部开展主题党日活动。\n\n全年工作稳步推进，\n第一、二季度全县地区生产总值增长5%%。\n\n十四．五期间，我县经济发展。\n\n诊疗时间：\n\n1.上午八点到十二点\n\n门诊照常开放，请群众合理安排时间。\n'; } >"$H/near.md"
want_styled "near misses" "$H/near.md" "gwBody	——重温入党誓词。各党支部组织党员重温入党誓词。" "gwBody	全年工作稳步推进，第一、二季度全县地区生产总值增长5%。" \
              "gwBody	十四．五期间，我县经济发展。" "gwBody	1.上午八点到十二点"

# Bold heads **一、…** and **二、…** are body text, but ## 三、 after them
# is next in the sequence: no warning.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 营商环境\n\n**一、突出重点，提升质量。**各单位要围绕中心工作开展工作。\n\n**二、强化考核，压实责任**\n\n每月通报一次。\n\n## 三、下一步打算\n\n继续努力。\n'; } >"$H/boldheads.md"
if "$GWDOC" render "$H/boldheads.md" -o "$H/boldheads.docx" 2>"$H/boldheads.err" && [ ! -s "$H/boldheads.err" ]; then
  pass "bold heads count in the heading sequence"
else
  fail "bold heads count in the heading sequence" "$(cat "$H/boldheads.err")"
fi

# A no-break space pasted at the end of a paragraph or cell leaves no
# trailing space behind.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 办结\n\n办结率100%%。\xc2\xa0\n'; } >"$H/trail-nbsp.md"
want_styled "trailing no-break space dropped" "$H/trail-nbsp.md" "gwBody	办结率100%。"

# A line of only zero-width spaces (pasted from a web page) leaves no
# empty line; year and number in Chinese numerals are read; an English
# sentence keeps the spaces around its quotes.
printf -- '---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 二〇二一\nnumber: 十四\ndate: 2021-10-18\n---\n\n# 动态\n\n甲段。\n\n\xe2\x80\x8b\xe2\x80\x8b\n\n乙段。He said “hello” to me.\n' >"$H/zw.md"
want_styled "Chinese year and number" "$H/zw.md" "gwIssueNumber	〔2021〕第14期"
if styled "$H/zw.docx" | grep -A1 -x $'gwBody\t甲段。' | tail -n 1 | grep -q '乙段'; then
  pass "zero-width line leaves no empty paragraph"
else
  fail "zero-width line leaves no empty paragraph" "$(styled "$H/zw.docx" | tr '\n' '|')"
fi
want_styled "English quotes keep their spaces" "$H/zw.md" "gwBody	乙段。He said “hello” to me."

# Ranges with ~ and products with * are figures, not strikethrough or
# italics: nothing of them is lost.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 招生\n\n招生人数3~5人，培训7~9天。计算公式为3*5*2=30。\n'; } >"$H/figs.md"
want_styled "tilde ranges and star products kept" "$H/figs.md" "gwBody	招生人数3~5人，培训7~9天。计算公式为3*5*2=30。"

# > 编者按 … with a plain space after the label is the 编者按 too.
{ printf '%s' "$BULLETIN_FRONT"; printf '> 编者按 这是一段没有冒号的按语。\n\n# 标题\n\n正文。\n'; } >"$H/note-space.md"
want_styled "编者按 with a space" "$H/note-space.md" "gwNote	编者按：这是一段没有冒号的按语。"

# An unpaired ** is printed as typed, with a warning that says so.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 安全\n\n会议要求各校落实**安全责任，确保师生安全。\n'; } >"$H/star.md"
"$GWDOC" render "$H/star.md" -o "$H/star.docx" 2>"$H/star.err"
grep -q 'star.md:10:1: warning: 这一段里的“\*\*”有 1 个，是单数' "$H/star.err" && pass "unpaired ** warned" \
  || fail "unpaired ** warned" "$(cat "$H/star.err")"

# A list item whose text opens with a figure keeps the space after its
# number: 1. 4月下旬, not 1.4月下旬.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 安排\n\n具体安排如下：\n\n1. 4月下旬，组织学生开展职业体验；\n2. 5月上旬，开展预调研。\n'; } >"$H/glued.md"
want_styled "list number apart from a figure" "$H/glued.md" "gwBody	1. 4月下旬，组织学生开展职业体验；" "gwBody	2. 5月上旬，开展预调研。"

# Paragraphs pasted from Word one a line, with no blank line between,
# stay paragraphs; a PDF's lines, cut at the page width, join even where
# a cut falls after a 。.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 会议\n\n3月5日，县里召开会议。会议由副县长主持。\n会议指出，今年以来各项工作取得明显成效。\n会议要求：\n一是加强领导；二是强化保障。\n\n今年以来，全县各级团组织认真贯彻落实上级部署要求，扎实推\n进基层组织改革，全县新建团支部一百二十个，覆盖面明显提升。\n团员青年参与热情高涨，各项工作取得明显成效，得到广泛好评。\n'; } >"$H/one-a-line.md"
want_styled "one paragraph a line" "$H/one-a-line.md" "gwBody	3月5日，县里召开会议。会议由副县长主持。" "gwBody	会议指出，今年以来各项工作取得明显成效。" \
  "gwBody	会议要求：" "gwBody	一是加强领导；二是强化保障。" \
  "gwBody	今年以来，全县各级团组织认真贯彻落实上级部署要求，扎实推进基层组织改革，全县新建团支部一百二十个，覆盖面明显提升。团员青年参与热情高涨，各项工作取得明显成效，得到广泛好评。"

# A short statistics table is kept on one page: every row but the last
# keeps with the next. A long one runs on across pages.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 统计\n\n3.排查情况统计\n\n| 区县 | 检查单位数 |\n|---|---|\n| 江北区 | 312 |\n| 江南区 | 287 |\n| 合计 | 599 |\n'; } >"$H/short-table.md"
{ printf '%s' "$BULLETIN_FRONT"; printf '# 统计\n\n| 区县 | 检查单位数 |\n|---|---|\n'; for i in $(seq 1 30); do printf '| 第%s区 | %s |\n' "$i" "$i"; done; } >"$H/long-table.md"
kept_rows() { "$GWDOC" render "$1" -o "${1%.md}.docx" 2>/dev/null && unzip -p "${1%.md}.docx" word/document.xml | /usr/bin/python3 -c '
import re, sys
t = re.search(r"<w:tbl>.*?</w:tbl>", sys.stdin.read(), re.S).group(0)
rows = re.findall(r"<w:tr>.*?</w:tr>", t, re.S)
print("".join("k" if "<w:keepNext/>" in r else "-" for r in rows))'; }
[ "$(kept_rows "$H/short-table.md")" = "kkk-" ] && pass "short table kept whole" || fail "short table kept whole" "$(kept_rows "$H/short-table.md")"
case "$(kept_rows "$H/long-table.md")" in *k*) fail "long table runs on" "$(kept_rows "$H/long-table.md")" ;; *) pass "long table runs on" ;; esac

# A 专刊 line too long for one line breaks between words, as a title does.
printf -- '---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2024\nnumber: 11\ndate: 2024-12-31\ncolumn: 深入学习贯彻党的二十届三中全会精神暨“青春建功新时代”主题团日活动成果展示专刊\n---\n\n# 标题\n\n正文。\n' >"$H/column.md"
want_styled "long column line breaks between words" "$H/column.md" "gwColumn	深入学习贯彻党的二十届三中全会精神暨“青春建功新时代”/主题团日活动成果展示专刊"

# A plan's unit bracket on the line under its sentence stays with it:
# one paragraph a line does not part them.
printf -- '---\nkind: division\ntitle: 某县重点任务责任分工\nissuer: 某县办公室\ndate: 2024-03-01\nunits: [县委办, 县财政局]\n---\n\n一、加强领导\n\n1.加强组织领导，完善工作机制。\n（县委办牵头，县财政局配合，2024年底前）\n\n2.强化经费保障。\n（县财政局牵头，2024年6月底前）\n' >"$H/bracket-under.md"
if "$GWDOC" render "$H/bracket-under.md" -o "$H/bracket-under.docx" 2>"$H/bracket-under.err" && [ ! -s "$H/bracket-under.err" ] &&
   unzip -p "$H/bracket-under.docx" word/document.xml | sed 's/<\/w:tr>/\n/g; s/<[^>]*>//g' | grep -q '^2强化经费保障。县财政局'; then
  pass "unit bracket under its sentence"
else
  fail "unit bracket under its sentence" "$(cat "$H/bracket-under.err")"
fi
# … once, also in a numbered line or a heading (read for their level,
# then for their text).
{ printf '%s' "$BULLETIN_FRONT"; printf '# 安全\n\n## 一、会议**安全\n\n1.会议要求**安全责任。\n'; } >"$H/star2.md"
"$GWDOC" render "$H/star2.md" -o "$H/star2.docx" 2>"$H/star2.err"
[ "$(grep -c '是单数' "$H/star2.err")" = 2 ] && pass "unpaired ** warned once a paragraph" \
  || fail "unpaired ** warned once a paragraph" "$(cat "$H/star2.err")"

# One paragraph a line, the near misses a second probe found: a line
# inside an open quotation goes on; several paragraphs copied from a PDF
# at once part only after their short last lines; a line of English ends
# with its full stop; label lines (联系人：… / 联系电话：…) part.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 会议\n\n会上，县委书记强调：“一要提高政治站位。\n二要压实工作责任。\n三要强化督导检查。”\n张局长说：“今年是关键之年！”\n\n今年以来，市应急管理局认真贯彻落实省委、省政府关于安全生产的决\n策部署，坚持人民至上、生命至上，扎实开展安全生产治本攻坚行动。\n全市安全生产形势总体平稳，生产安全事故起数和死亡人数实现“双\n下降”，为全市经济社会发展营造了良好的安全环境。\n在压实责任方面，制定《党政领导干部安全生产责任清单》，明确各\n级各部门安全监管职责。\n\n静升镇将全镇划分为126个网格。\nResidents can report problems via the mini program.\n网格员每天巡查不少于2次。\n\n联系人：王晓明\n联系电话：0354-4612345\n'; } >"$H/one-a-line2.md"
want_styled "one a line, near misses" "$H/one-a-line2.md" \
  "gwBody	会上，县委书记强调：“一要提高政治站位。二要压实工作责任。三要强化督导检查。”" "gwBody	张局长说：“今年是关键之年！”" \
  "gwBody	今年以来，市应急管理局认真贯彻落实省委、省政府关于安全生产的决策部署，坚持人民至上、生命至上，扎实开展安全生产治本攻坚行动。全市安全生产形势总体平稳，生产安全事故起数和死亡人数实现“双下降”，为全市经济社会发展营造了良好的安全环境。" \
  "gwBody	在压实责任方面，制定《党政领导干部安全生产责任清单》，明确各级各部门安全监管职责。" \
  "gwBody	Residents can report problems via the mini program." "gwBody	联系人：王晓明" "gwBody	联系电话：0354-4612345"

# The short line leading into a kept table goes with it (second probe),
# and a plan's category row keeps with the row under it.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 统计\n\n三、检查情况统计\n\n各行业领域检查情况见下表。\n\n| 行业 | 隐患 |\n|---|---|\n| 消防 | 96 |\n| 燃气 | 35 |\n'; } >"$H/lead-in.md"
"$GWDOC" render "$H/lead-in.md" -o "$H/lead-in.docx" 2>/dev/null
unzip -p "$H/lead-in.docx" word/document.xml | grep -q '<w:pStyle w:val="gwBody"/><w:keepNext/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t xml:space="preserve">各行业领域检查情况见下表。' &&
  pass "lead-in line kept with its table" || fail "lead-in line kept with its table"
printf -- '---\nkind: division\ntitle: 某县任务分工\nissuer: 某县办公室\ndate: 2024-03-01\nunits: [县委办]\n---\n\n## 一、加强领导\n\n1. 加强组织领导。\n   - 牵头单位：县委办\n' >"$H/cat-keep.md"
"$GWDOC" render "$H/cat-keep.md" -o "$H/cat-keep.docx" 2>/dev/null
unzip -p "$H/cat-keep.docx" word/document.xml | /usr/bin/python3 -c '
import re, sys
rows = re.findall(r"<w:tr>.*?</w:tr>", sys.stdin.read(), re.S)
cat = [r for r in rows if "加强领导" in r]
sys.exit(0 if cat and "<w:keepNext/>" in cat[0] else 1)' && pass "category row keeps with the next" || fail "category row keeps with the next"

# 要求： / 一、…； / 二、…； / 三、…。 is a list, not three headings: render
# keeps it body text and neither render nor lint reports the numbering
# of the real ## 二、 after it (second probe).
{ printf '%s' "$BULLETIN_FRONT"; printf '# 三夏\n\n## 一、抓好“三夏”生产\n区农业农村局召开专题会议，要求：\n一、抢抓农时，确保颗粒归仓；\n二、强化农机调度；\n三、做好秸秆禁烧工作。\n\n## 二、做好技术服务\n\n区农技中心组织技术人员深入田间地头。\n'; } >"$H/colon-list.md"
want_styled "numbered items after a colon" "$H/colon-list.md" "gwBody	一、抢抓农时，确保颗粒归仓；" "gwBody	三、做好秸秆禁烧工作。" "gwHeading1	二、做好技术服务"
"$GWDOC" lint "$H/colon-list.md" >"$H/colon-list.lint" 2>&1 && [ ! -s "$H/colon-list.err" ] &&
  pass "numbered items after a colon: no numbering findings" ||
  fail "numbered items after a colon: no numbering findings" "$(cat "$H/colon-list.lint" "$H/colon-list.err")"

# > 编者按 alone on its line, the note's text under it.
{ printf '%s' "$BULLETIN_FRONT"; printf '> 编者按\n> 近期，各地认真开展工作。\n\n# 标题\n\n正文。\n'; } >"$H/note-alone.md"
want_styled "编者按 alone on its line" "$H/note-alone.md" "gwNote	编者按：近期，各地认真开展工作。"

# A long title or 专刊 line does not break inside a set phrase the word
# breaker parts (社会/主义, 河/长制).
printf -- '---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2024\nnumber: 3\ndate: 2024-12-31\ncolumn: 深入学习贯彻习近平新时代中国特色社会主义思想主题教育专刊（第三期）\n---\n\n# 标题\n\n正文。\n' >"$H/phrase.md"
if "$GWDOC" render "$H/phrase.md" -o "$H/phrase.docx" 2>/dev/null && styled "$H/phrase.docx" | grep -q $'^gwColumn\t' &&
   ! styled "$H/phrase.docx" | grep $'^gwColumn\t' | grep -q '社会/主义'; then
  pass "no break inside a set phrase"
else fail "no break inside a set phrase" "$(styled "$H/phrase.docx" | grep gwColumn)"; fi
# Nor starts a line with the last character of a body's name (委员/会),
# nor parts 营商/环境.
printf -- '---\nkind: division\ntitle: 中共晋中市委全面深化改革委员会2022年工作要点重点任务分工\nissuer: 某办\ndate: 2022-03-01\n---\n\n1. 甲。（县委办牵头）\n' >"$H/org-title.md"
printf -- '---\nkind: division\ntitle: 晋中市2024年持续优化营商环境重点任务责任分工\nissuer: 某办\ndate: 2024-03-01\n---\n\n1. 甲。（县委办牵头）\n' >"$H/env-title.md"
t1=$("$GWDOC" render "$H/org-title.md" -o "$H/org-title.docx" 2>/dev/null && styled "$H/org-title.docx" | grep $'^gwTitle\t')
t2=$("$GWDOC" render "$H/env-title.md" -o "$H/env-title.docx" 2>/dev/null && styled "$H/env-title.docx" | grep $'^gwTitle\t')
case "$t1$t2" in
  *委员会/2022*营商环境/重点*) pass "no line starts with a name's last character (委员/会)" ;;
  *) fail "no line starts with a name's last character (委员/会)" "$t1 $t2" ;;
esac
# lint says the same, at the star.
"$GWDOC" lint "$H/star.md" 2>&1 | grep -q 'star.md:10:9: warning: 这一段里的“\*\*”有 1 个，是单数.*\[unpaired-bold\]' &&
  pass "lint: unpaired ** reported at the star" || fail "lint: unpaired ** reported at the star" "$("$GWDOC" lint "$H/star.md" 2>&1)"
