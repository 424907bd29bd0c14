# t_division_probe.sh - plans written the way drafters write them (a
# tester's probes): the 版记 after a table whose unit cells break into
# lines stays on the table's last page when it has room. Sourced by run.sh.

pr_dir="$TMP/division-probe"
mkdir -p "$pr_dir"

# pr_tail_break DOCX: prints 1 when the 版记 starts a page of its own.
pr_tail_break() {
  unzip -p "$1" word/document.xml | grep -c '<w:pageBreakBefore/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr><w:r><w:pict><v:rect id="gwTail"'
}

# Nine landscape rows, unit cells of three or four names one a line: the
# page estimate must count those lines, or it falls a page behind and
# sends the 版记 to a page of its own (probe 03c).
nine="$pr_dir/nine.md"
cat >"$nine" <<'EOF2'
---
kind: division
title: 小店区2024年党建引领基层治理重点工作任务清单
issuer: 中共小店区委办公室
date: 2024-03-15
merge: [工作任务, 责任领导]
units:
  - 区委组织部
  - 区委宣传部
  - 区委政法委
  - 区委社会工作部
  - 区委编办
  - 区民政局
  - 区财政局
  - 区住房和城乡建设局
  - 区人力资源和社会保障局
  - 区卫生健康局
  - 区城市管理局
  - 区市场监督管理局
  - 区数据和政务服务局
  - 区司法局
  - 公安小店分局
  - 区妇联
  - 团区委
  - 各街道党工委
distribution:
  抄送: [市委组织部, 市委社会工作部]
---

## 一、健全基层治理组织体系

| 序号 | 工作任务 | 具体措施 | 责任领导 | 牵头单位 | 配合单位 | 完成时间 |
|---|---|---|---|---|---|---|
| 1 | 完善街道管理体制 | 深化街道管理体制改革，制定街道职责清单和履职事项清单，推动资源、服务、管理向基层下沉。 | 王建国 | 区委编办 | 区委组织部、区委社会工作部、各街道党工委 | 2024年6月底前 |
| 2 | | 落实街道对区直部门派驻机构负责人人事考核和征得同意权。 | | 区委组织部 | 区委编办、各街道党工委 | 长期坚持 |
| 3 | 加强社区工作者队伍建设 | 按每万名城镇常住人口不少于18人的标准配齐社区工作者，健全职业体系。 | 李红梅 | 区委社会工作部 | 区民政局、区财政局、区人力资源和社会保障局 | 2024年12月 |
| 4 | | 建立社区工作者薪酬动态调整机制，落实“三岗十八级”薪酬体系。 | | 区人力资源和社会保障局 | 区财政局、区委社会工作部 | 2025年6月底前 |
| 5 | | 每季度开展社区工作者专题培训，全年培训不少于4期。 | | 区委组织部 | 区委社会工作部、各街道党工委 | 每季度 |

## 二、提升基层服务管理能力

| 序号 | 工作任务 | 具体措施 | 责任领导 | 牵头单位 | 配合单位 | 完成时间 |
|---|---|---|---|---|---|---|
| 6 | 推进网格化管理 | 科学划分网格，推动“多网合一”，实现“一网统管”，配齐专兼职网格员。 | 张伟 | 区委政法委 | 区数据和政务服务局、公安小店分局、区城市管理局 | 2024年9月底前 |
| 7 | | 开发网格事项准入清单，严禁随意向网格员摊派任务。 | | 区委政法委  | 区委社会工作部 | 2024年6月底前 |
| 8 | 深化“街乡吹哨、部门报到” | 建立街道“吹哨”、部门“报到”工作机制，明确响应时限和考核办法。 | 王建国 | 区委社会工作部 | 区委组织部、区住房和城乡建设局、区城市管理局、区市场监督管理局 | 2024年6月底前 |
| 9 | | 推动党员干部到社区报到、服务群众，每名党员每年参加社区服务不少于2次。 | | 区委组织部 | 各街道党工委 | 长期坚持 |
EOF2
check "division probe: nine rows render" "$GWDOC" render "$nine" -o "$pr_dir/nine.docx"
if [ -f "$pr_dir/nine.docx" ]; then
  got=$(pr_tail_break "$pr_dir/nine.docx")
  [ "$got" = 0 ] && pass "division probe: the 版记 follows the table on its last page" ||
    fail "division probe: the 版记 takes a page of its own" "pageBreakBefore $got"
  if [ -z "${QUICK:-}" ]; then
    pdf="$pr_dir/nine.pdf"
    "$DOCX_CHECK" --keep-pdf "$pdf" "$pr_dir/nine.docx" >/dev/null 2>&1
    last=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    t=$(pdftotext -f "$last" -l "$last" "$pdf" - 2>/dev/null | tr -d ' \n')
    case $t in
      *推动党员干部*印发*) pass "division probe: rendered, the last row and the 版记 share page $last" ;;
      *) fail "division probe: last row and 版记 on one page" "page $last: ${t:0:60}" ;;
    esac
  fi
fi

# A one-page plan whose last rows leave no room for the 版记: LibreOffice
# moved the whole table to page 2 and left the title alone on page 1
# (25 one-line rows), unless the 版记 is sent to the next page. Also when
# the estimate puts the last row alone on page 2 (27 rows: they all fit
# on page 1). With 22 rows all fits; with 29 the table runs on.
pr_rows() { # N: a plan of N one-line rows
  printf -- '---\nkind: division\ntitle: 某县工作任务分工\nissuer: 某县人民政府办公室\ndate: 2024-05-06\ndistribution:\n  抄送: [县委办公室, 县人大常委会办公室, 县政协办公室]\n---\n\n'
  for i in $(seq "$1"); do printf '%d. 落实第%d项工作任务。（县应急局牵头，县公安局配合，长期坚持）\n' "$i" "$i"; done
}
for n_want in 22:0 25:1 27:1 29:0; do
  n=${n_want%:*}; want=${n_want#*:}
  pr_rows "$n" >"$pr_dir/rows$n.md"
  if "$GWDOC" render "$pr_dir/rows$n.md" -o "$pr_dir/rows$n.docx" 2>/dev/null; then
    got=$(pr_tail_break "$pr_dir/rows$n.docx")
    [ "$got" = "$want" ] && pass "division probe: $n rows, 版记 sent to the next page: $want" ||
      fail "division probe: $n rows, 版记 sent to the next page: $want" "got $got"
    if [ -z "${QUICK:-}" ] && [ "$n" = 27 ]; then
      "$DOCX_CHECK" --keep-pdf "$pr_dir/rows27.pdf" "$pr_dir/rows27.docx" >/dev/null 2>&1
      t=$(pdftotext -f 1 -l 1 "$pr_dir/rows27.pdf" - 2>/dev/null | tr -d ' \n')
      case $t in
        *落实第27项*) pass "division probe: rendered, 27 rows stay under the title on page 1" ;;
        *) fail "division probe: 27 rows stay under the title on page 1" "page 1: ${t:0:60}" ;;
      esac
    fi
  else fail "division probe: $n rows render"; fi
done

# The same with longer unit names: 27 rows run onto page 2, ending
# halfway down it, and the 版记 stays under them (the estimate had
# counted 落实第1项工作任务。 as two lines of its cell, and sent the 版记
# to a page of its own).
pr_rows_long() {
  printf -- '---\nkind: division\ntitle: 某县工作任务分工\nissuer: 某县人民政府办公室\ndate: 2024-05-06\ndistribution:\n  抄送: [县委办公室, 县人大常委会办公室, 县政协办公室]\n---\n\n'
  for i in $(seq "$1"); do printf '%d. 落实第%d项工作任务。（县农业农村局牵头，县市场监管局配合，长期坚持）\n' "$i" "$i"; done
}
pr_rows_long 27 >"$pr_dir/long27.md"
if "$GWDOC" render "$pr_dir/long27.md" -o "$pr_dir/long27.docx" 2>/dev/null; then
  got=$(pr_tail_break "$pr_dir/long27.docx")
  [ "$got" = 0 ] && pass "division probe: 27 rows over two pages keep the 版记 under them" ||
    fail "division probe: 27 rows over two pages keep the 版记 under them" "pageBreakBefore $got"
else fail "division probe: long27 renders"; fi

# pr_text DOCX: the table rows of the document, a line each, every cell
# followed by "|" (line breaks inside a cell dropped).
pr_text() {
  unzip -p "$1" word/document.xml | sed 's/<\/w:tc>/|/g; s/<\/w:tr>/\n/g; s/<[^>]*>//g'
}
pr_head='---
kind: division
title: 测试任务分工
issuer: 某县人民政府办公室
date: 2024-03-15
'

# A unit marked （牵头） in a 责任单位 cell is the lead when the 牵头单位
# cell is empty (probe h2): no warning of a missing lead, and the index
# credits it, not the unit named first.
printf '%sindex: by-unit\nunits: [县发展改革局, 县财政局, 县教育科技局]\n---\n\n%s\n' "$pr_head" \
'| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 谋划储备一批重大产业项目。 | | 县发展改革局（牵头）、县财政局 | 2024年6月底前 |
| 2 | 加快推进重点项目建设。 | | 县财政局、县教育科技局（牵头） | 2024年6月底前 |' >"$pr_dir/lead-mark.md"
if "$GWDOC" render "$pr_dir/lead-mark.md" -o "$pr_dir/lead-mark.docx" 2>"$pr_dir/lead-mark.err"; then
  t=$(pr_text "$pr_dir/lead-mark.docx")
  if ! grep -q 牵头单位一格空着 "$pr_dir/lead-mark.err" && ! grep -q 没有牵头单位 "$pr_dir/lead-mark.err" &&
     grep -q '^2|加快推进重点项目建设。|县教育科技局|县财政局|' <<<"$t" &&
     grep -q '^县教育科技局|2||' <<<"$t"; then
    pass "division probe: a unit marked （牵头） is the lead"
  else fail "division probe: a unit marked （牵头） is the lead" "$(cat "$pr_dir/lead-mark.err") $(grep 加快 <<<"$t")"; fi
else fail "division probe: lead-mark renders" "$(cat "$pr_dir/lead-mark.err")"; fi

# A group named among units parted by spaces is not checked against
# units:, as with 、 (probe e): no false error blocking the output.
printf '%sunits: [市市场监管局, 市司法局, 市税务局]\n---\n\n%s\n' "$pr_head" \
'| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 落实“首违不罚”清单。 | 市市场监管局 | 市司法局 市税务局 各县（区）人民政府 | 2024年6月底前 |' >"$pr_dir/space-group.md"
if "$GWDOC" render "$pr_dir/space-group.md" -o "$pr_dir/space-group.docx" 2>"$pr_dir/space-group.err" &&
   pr_text "$pr_dir/space-group.docx" | grep -q '|市司法局、市税务局、各县（区）人民政府|'; then
  pass "division probe: a group among space-parted units is not checked"
else fail "division probe: a group among space-parted units is not checked" "$(cat "$pr_dir/space-group.err")"; fi

# A missing 完成时限 is warned about at its item (probes e2b, k): a list
# item without the field, a table row one cell short; a deadline fallen
# into a unit column says the row is a cell short, not that the unit is
# unknown.
printf '%sunits: [市行政审批局, 市市场监管局, 市税务局, 市发展改革委]\n---\n\n%s\n' "$pr_head" \
'1. 企业开办时间压缩至1个工作日以内。
   - 牵头单位：市行政审批局
   - 责任单位：市市场监管局、市税务局
2. 推行经营范围规范化登记。
   - 牵头单位：市市场监管局
   - 责任单位：市行政审批局
   - 完成时限：2024年6月底前

| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |
|---|---|---|---|---|
| 3 | 定期召开政企恳谈会。 | 市发展改革委 | 2024年12月底前 |' >"$pr_dir/deadline.md"
"$GWDOC" render "$pr_dir/deadline.md" -o "$pr_dir/deadline.docx" 2>"$pr_dir/deadline.err"
if grep -q 'deadline.md:9:1: warning: 这一项没有写完成时限' "$pr_dir/deadline.err" &&
   grep -q 'deadline.md:19:29: error: 这一行少了一格' "$pr_dir/deadline.err" &&
   ! grep -q '不在 units 列表里' "$pr_dir/deadline.err"; then
  pass "division probe: a missing 完成时限 is said at its item"
else fail "division probe: a missing 完成时限 is said at its item" "$(cat "$pr_dir/deadline.err")"; fi

# A 完成时限 that does not exist (probe g, row 8) stops render with the
# diagnosis lint gives, at the same place.
printf '%sunits: [县委组织部, 县财政局]\n---\n\n%s\n' "$pr_head" \
'| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 加强干部培训。 | 县委组织部 | 县财政局 | 2024年13月底前 |' >"$pr_dir/bad-date.md"
if "$GWDOC" render "$pr_dir/bad-date.md" -o "$pr_dir/bad-date.docx" 2>"$pr_dir/bad-date.err"; then
  fail "division probe: render stops at a 完成时限 that does not exist" "exit 0"
else
  want=$("$GWDOC" lint "$pr_dir/bad-date.md" 2>&1 | grep -o 'bad-date.md:[0-9]*:[0-9]*: error: 日期不存在[^[]*' | sed 's/ *$//')
  if [ -n "$want" ] && grep -qF "$want" "$pr_dir/bad-date.err"; then
    pass "division probe: render stops at a 完成时限 that does not exist, as lint says"
  else fail "division probe: render stops at a 完成时限 that does not exist, as lint says" "lint: $want; render: $(cat "$pr_dir/bad-date.err")"; fi
fi

# A row pasted twice (probe e3) is warned about at the copy.
printf '%sunits: [市市场监管局, 市行政审批局]\n---\n\n%s\n' "$pr_head" \
'| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 推行经营范围规范化登记。 | 市市场监管局 | 市行政审批局 | 2024年6月底前 |
| 1 | 推行经营范围规范化登记。 | 市市场监管局 | 市行政审批局 | 2024年6月底前 |' >"$pr_dir/dup.md"
"$GWDOC" render "$pr_dir/dup.md" -o "$pr_dir/dup.docx" 2>"$pr_dir/dup.err"
grep -q 'dup.md:12:1: warning: .*完全相同' "$pr_dir/dup.err" &&
  pass "division probe: a row pasted twice is warned about" ||
  fail "division probe: a row pasted twice is warned about" "$(cat "$pr_dir/dup.err")"

# Rows pasted from Excel with the categories as Excel lays them out
# (一、压减作业总量⇥⇥⇥, （一）⇥小类⇥⇥) are a table with category rows, not
# paragraphs cut at each 一、 (probe c).
printf '%sunits: [基础教育科, 督导室]\n---\n\n序号\t工作任务\t责任单位\t完成时间\n一、压减作业总量\t\t\t\n（一）\t健全作业管理机制\t\t\n1\t健全作业管理办法。\t基础教育科\t2024年9月\n二、提升课后服务水平\t\t\t\n2\t推动课后服务全覆盖。\t督导室\t2024年9月\n' "$pr_head" >"$pr_dir/tsv-cat.md"
if "$GWDOC" render "$pr_dir/tsv-cat.md" -o "$pr_dir/tsv-cat.docx" 2>"$pr_dir/tsv-cat.err"; then
  got=$(pr_text "$pr_dir/tsv-cat.docx" | grep '|' | tr '\n' '#')
  case "$got" in
    *"一、压减作业总量|#（一）健全作业管理机制|#1|健全作业管理办法。|基础教育科|2024年9月|#二、提升课后服务水平|#2|推动课后服务全覆盖。|督导室|2024年9月|#"*)
      pass "division probe: pasted rows with Excel-style category rows" ;;
    *) fail "division probe: pasted rows with Excel-style category rows" "$got" ;;
  esac
else fail "division probe: pasted rows with Excel-style category rows" "$(cat "$pr_dir/tsv-cat.err")"; fi

# Units parted by ， in the bracket (probe d) and a （一） row in a pipe
# table (probe p1) are read.
printf '%sunits: [市水利局, 市财政局, 市生态环境局]\n---\n\n一、强化水资源保护\n\n1.严格落实水资源管理制度。（市水利局牵头，市财政局，市生态环境局配合，2024年6月底前）\n' "$pr_head" >"$pr_dir/comma-units.md"
"$GWDOC" render "$pr_dir/comma-units.md" -o "$pr_dir/comma-units.docx" 2>"$pr_dir/comma-units.err"
pr_text "$pr_dir/comma-units.docx" | grep -q '^1|严格落实水资源管理制度。|市水利局|市财政局、市生态环境局|2024年6月底前|' &&
  pass "division probe: units parted by ， in the bracket" ||
  fail "division probe: units parted by ， in the bracket" "$(pr_text "$pr_dir/comma-units.docx" | grep '^1|') $(cat "$pr_dir/comma-units.err")"
printf '%sunits: [基础教育科]\n---\n\n| 序号 | 工作任务 | 责任单位 | 完成时间 |\n|---|---|---|---|\n| 一 | 压减作业总量 | | |\n| （一） | 健全作业管理机制 | | |\n| 1 | 健全作业管理办法。 | 基础教育科 | 2024年9月 |\n' "$pr_head" >"$pr_dir/sub-row.md"
"$GWDOC" render "$pr_dir/sub-row.md" -o "$pr_dir/sub-row.docx" 2>"$pr_dir/sub-row.err"
got=$(pr_text "$pr_dir/sub-row.docx" | grep '|' | tr '\n' '#')
case "$got" in
  *"（一）健全作业管理机制|#1|健全作业管理办法。|"*) [ ! -s "$pr_dir/sub-row.err" ] && pass "division probe: a （一） row is a sub-category" ||
      fail "division probe: a （一） row is a sub-category" "$(cat "$pr_dir/sub-row.err")" ;;
  *) fail "division probe: a （一） row is a sub-category" "$got" ;;
esac

# Nine columns leave the measures four characters a line even in
# landscape (probe f): the drafter is told which columns to drop.
printf '%sunits: [区城市管理局, 区财政局]\n---\n\n%s\n' "$pr_head" \
'| 序号 | 工作任务 | 具体措施 | 责任领导 | 牵头单位 | 责任单位 | 推进步骤 | 成果形式 | 完成时限 |
|---|---|---|---|---|---|---|---|---|
| 1 | 推进老旧小区改造 | 完成老旧小区改造42个，涉及居民5600户，同步实施加装电梯、停车设施和充电桩建设。 | 王副区长 | 区城市管理局 | 区财政局 | 5月底前完成设计招标；8月底前开工 | 验收报告 | 2024年11月底前 |' >"$pr_dir/nine.md"
"$GWDOC" render "$pr_dir/nine.md" -o "$pr_dir/nine.docx" 2>"$pr_dir/nine.err"
grep -q 'nine.md:11:1: warning: 表格有 9 列，放不下' "$pr_dir/nine.err" &&
  pass "division probe: nine columns are warned about" ||
  fail "division probe: nine columns are warned about" "$(cat "$pr_dir/nine.err")"

# Items typed a line each with their fields under them, no list marks
# (1.加强组织领导 / 牵头单位：… / 完成时限：…), as pasted from Word.
printf '%sunits: [县委办, 县财政局]\n---\n\n一、加强领导\n1.加强组织领导\n牵头单位：县委办\n责任单位：县财政局\n完成时限：2024年底前\n2.强化经费保障。\n牵头单位：县财政局\n完成时限：2024年6月底前\n' "$pr_head" >"$pr_dir/field-lines.md"
if "$GWDOC" render "$pr_dir/field-lines.md" -o "$pr_dir/field-lines.docx" 2>"$pr_dir/field-lines.err"; then
  got=$(pr_text "$pr_dir/field-lines.docx" | grep '^[12]|' | tr '\n' '#')
  [ "$got" = "1|加强组织领导|县委办|县财政局|2024年底前|#2|强化经费保障。|县财政局||2024年6月底前|#" ] &&
    pass "division probe: fields a line each under their item" ||
    fail "division probe: fields a line each under their item" "$got"
else fail "division probe: fields a line each under their item" "$(cat "$pr_dir/field-lines.err")"; fi

# Landscape pages carry the page number where the portrait pages have it
# once the page is turned (probe j): their own footers, a text box by the
# left edge with turned text; portrait pages and portrait-only plans keep
# footer1/footer2 alone.
printf '%sorientation: landscape\nunits: [县委办]\n---\n\n| 序号 | 改革举措 | 牵头单位 | 完成时限 |\n|---|---|---|---|\n| 1 | 加强组织领导。 | 县委办 | 2024年底前 |\n' "$pr_head" >"$pr_dir/turned.md"
if "$GWDOC" render "$pr_dir/turned.md" -o "$pr_dir/turned.docx" 2>"$pr_dir/turned.err"; then
  doc=$(unzip -p "$pr_dir/turned.docx" word/document.xml)
  odd=$(unzip -p "$pr_dir/turned.docx" word/footer3.xml 2>/dev/null)
  even=$(unzip -p "$pr_dir/turned.docx" word/footer4.xml 2>/dev/null)
  case "$doc" in *'w:orient="landscape"'*) ;; *) doc="" ;; esac
  if printf '%s' "$doc" | grep -q '<w:footerReference w:type="default" r:id="rId6"/><w:footerReference w:type="even" r:id="rId7"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' &&
     printf '%s' "$odd" | grep -q 'layout-flow:vertical' && printf '%s' "$odd" | grep -q '<w:jc w:val="right"/>' &&
     printf '%s' "$even" | grep -q '<w:jc w:val="left"/>' && schema_valid "$pr_dir/turned.docx"; then
    pass "division probe: landscape pages number as turned portrait pages"
  else fail "division probe: landscape pages number as turned portrait pages"; fi
else fail "division probe: landscape pages number as turned portrait pages" "$(cat "$pr_dir/turned.err")"; fi
"$GWDOC" render samples/yangqu-division.md -o "$pr_dir/portrait.docx" 2>/dev/null &&
  ! unzip -l "$pr_dir/portrait.docx" | grep -q footer3 &&
  pass "division probe: a portrait plan has no turned footers" || fail "division probe: a portrait plan has no turned footers"

# Units after a lead with no 配合 (second probe, d8): they share the work,
# with or without a date after them; 市残联 is a unit's name.
printf '%sunits: [市残联, 市卫生健康委, 市教育局, 市民政局]\n---\n\n一、康复服务\n\n1.建设康复中心。（市残联牵头，市卫生健康委，市教育局，2024年12月底前）\n\n2.开展就业帮扶。（市残联牵头，市教育局、市民政局）\n\n3.完善救助制度。（市民政局牵头，市残联，市教育局配合，2024年6月底前）\n' "$pr_head" >"$pr_dir/no-peihe.md"
"$GWDOC" render "$pr_dir/no-peihe.md" -o "$pr_dir/no-peihe.docx" 2>"$pr_dir/no-peihe.err"
got=$(pr_text "$pr_dir/no-peihe.docx" | grep '^[0-9]|' | tr '\n' '#')
[ "$got" = "1|建设康复中心。|市残联|市卫生健康委、市教育局|2024年12月底前|#2|开展就业帮扶。|市残联|市教育局、市民政局||#3|完善救助制度。|市民政局|市残联、市教育局|2024年6月底前|#" ] &&
  pass "division probe: units after a lead with no 配合 share" ||
  fail "division probe: units after a lead with no 配合 share" "$got $(cat "$pr_dir/no-peihe.err")"

# A （牵头） mark in 责任单位 when the 牵头单位 cell names another unit
# (second probe, d1): the table's lead is the index's, and the drafter
# is warned of the two leads.
printf '%sunits: [市公安局, 市应急管理局, 市交通运输局]\nindex: by-unit\n---\n\n| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n| 1 | 开展道路交通安全整治。 | 市公安局 | 市应急管理局（牵头）、市交通运输局 | 2024年6月底前 |\n' "$pr_head" >"$pr_dir/two-leads.md"
"$GWDOC" render "$pr_dir/two-leads.md" -o "$pr_dir/two-leads.docx" 2>"$pr_dir/two-leads.err"
got=$(pr_text "$pr_dir/two-leads.docx" | grep '^市应急管理局|')
if [ "$got" = "市应急管理局||1|" ] && grep -q 'two-leads.md:12:1: warning: 这一项的牵头单位是“市公安局”' "$pr_dir/two-leads.err"; then
  pass "division probe: a second lead marked in 责任单位 is warned of"
else fail "division probe: a second lead marked in 责任单位 is warned of" "$got $(cat "$pr_dir/two-leads.err")"; fi

# The text under the last field line is the closing, not part of the
# deadline; a measure's colon over its fields and a deadline's full stop
# go (second probe, d3 and r8).
printf '%sunits: [镇党政办, 镇财政所]\n---\n\n一、基层党建\n1.加强组织领导：\n牵头单位：镇党政办\n完成时限：2024年12月底前。\n2.落实包联责任\n牵头单位：镇财政所\n完成时限：长期坚持\n各办要按照分工，细化工作措施，确保按时完成任务。\n' "$pr_head" >"$pr_dir/closing-under.md"
"$GWDOC" render "$pr_dir/closing-under.md" -o "$pr_dir/closing-under.docx" 2>"$pr_dir/closing-under.err"
got=$(pr_text "$pr_dir/closing-under.docx" | grep '^[12]|' | tr '\n' '#')
if [ "$got" = "1|加强组织领导|镇党政办||2024年12月底前|#2|落实包联责任|镇财政所||长期坚持|#" ] &&
   unzip -p "$pr_dir/closing-under.docx" word/document.xml | grep -q '</w:tbl>.*各办要按照分工'; then
  pass "division probe: the closing under the last field line"
else fail "division probe: the closing under the last field line" "$got $(cat "$pr_dir/closing-under.err")"; fi

# A line of text right over a pasted header (second probe, d6): the
# error says to put a blank line before the header, at the header.
printf '%sunits: [市教育局]\n---\n\n现将任务分工如下。\n序号\t工作任务\t牵头单位\t完成时限\n1\t规范校外培训。\t市教育局\t2024年6月底前\n' "$pr_head" >"$pr_dir/tsv-under-text.md"
"$GWDOC" render "$pr_dir/tsv-under-text.md" -o "$pr_dir/tsv-under-text.docx" 2>"$pr_dir/tsv-under-text.err"
grep -q 'tsv-under-text.md:10:1: error: 表头上面紧接着一行文字：请在表头' "$pr_dir/tsv-under-text.err" &&
  pass "division probe: text right over a pasted header" ||
  fail "division probe: text right over a pasted header" "$(cat "$pr_dir/tsv-under-text.err")"

# A row holding only more units under a task (an Excel merged cell, the
# second probe's r10) adds them to the task above, not an empty task.
printf '%sunits: [县发展改革局, 县财政局, 县水利局]\n---\n\n| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|---|\n| 1 | 谋划储备重大项目。 | 县发展改革局 | 县财政局 | 2024年6月底前 |\n| | | | 县水利局 | |\n| 2 | 加快重点项目建设。 | 县发展改革局 | 县财政局 | 2024年12月底前 |\n' "$pr_head" >"$pr_dir/cont-row.md"
"$GWDOC" render "$pr_dir/cont-row.md" -o "$pr_dir/cont-row.docx" 2>"$pr_dir/cont-row.err"
got=$(pr_text "$pr_dir/cont-row.docx" | grep '^[0-9]|' | tr '\n' '#')
[ "$got" = "1|谋划储备重大项目。|县发展改革局|县财政局、县水利局|2024年6月底前|#2|加快重点项目建设。|县发展改革局|县财政局|2024年12月底前|#" ] &&
  pass "division probe: a row of more units joins the task above" ||
  fail "division probe: a row of more units joins the task above" "$got $(cat "$pr_dir/cont-row.err")"
