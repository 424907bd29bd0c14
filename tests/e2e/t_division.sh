# t_division.sh - kind: division (责任分工): the sample in all three
# source forms, the header row on every page of the table, merged cells,
# landscape sections, a unit typo, the --unit extract, and a 7-column
# table with long cells inside the page. Sourced by run.sh.

dv_src=samples/yangqu-division.md
dv_out="$TMP/yangqu-division.docx"
dv_dir="$TMP/division"
mkdir -p "$dv_dir"

# dv_xml DOCX: unpack it and print the path of its document.xml.
dv_xml() { local d="$dv_dir/x.$(basename "$1" .docx)"; unpack "$1" "$d"; echo "$d/word/document.xml"; }

check "division sample: renders" "$GWDOC" render "$dv_src" -o "$dv_out"
if [ -f "$dv_out" ]; then
  check "division sample: every part valid (plain xmllint, ECMA-376 schemas)" schema_valid "$dv_out"
  doc=$(dv_xml "$dv_out")
  rows=$(xpath "$doc" "count(//w:body/w:tbl[1]/w:tr[not(w:trPr/w:tblHeader)][count(w:tc)>1])")
  [ "${rows%.*}" -ge 30 ] && pass "division sample: $rows items" || fail "division sample: at least 30 items" "got $rows"
  got=$(xpath "$doc" "count(//w:body/w:tbl[1]/w:tr[w:trPr/w:tblHeader])")
  [ "${got%.*}" = 1 ] && pass "division sample: one header row marked w:tblHeader" || fail "division sample: w:tblHeader" "got $got"
  got=$(xpath "$doc" "string(//w:body/w:tbl[1]/w:tr[1]/w:tc[1]//w:rFonts/@w:eastAsia)")
  [ "$got" = 黑体 ] && pass "division sample: header row in 黑体" || fail "division sample: header row in 黑体" "got $got"
  got=$(xpath "$doc" "count(//w:body/w:tbl[1]//w:vMerge)")
  [ "${got%.*}" -gt 0 ] && pass "division sample: merge: [牵头单位] merges cells ($got)" || fail "division sample: merged cells" "none"
  grid=$(xpath "$doc" "sum(//w:body/w:tbl[1]/w:tblGrid/w:gridCol/@w:w)")
  tblw=$(xpath "$doc" "string(//w:body/w:tbl[1]/w:tblPr/w:tblW/@w:w)")
  tcw=$(xpath "$doc" "sum(//w:body/w:tbl[1]/w:tr[1]/w:tc/w:tcPr/w:tcW/@w:w)")
  [ "${grid%.*}" = "$tblw" ] && [ "${tcw%.*}" = "$tblw" ] && [ "$tblw" -le 8845 ] &&
    pass "division sample: gridCol = tcW = tblW = $tblw twips, inside the 版心" ||
    fail "division sample: widths" "grid $grid tcW $tcw tblW $tblw"
  got=$(xpath "$doc" "string(//w:body/w:tbl[1]/w:tr[3]/w:tc[1]/w:p/w:pPr/w:jc/@w:val)")
  [ "$got" = center ] && pass "division sample: 序号 centred" || fail "division sample: 序号 centred" "got $got"
  got=$(xpath "$doc" "string(//w:body/w:tbl[1]/w:tr[3]/w:tc[5]/w:p/w:pPr/w:jc/@w:val)")
  [ "$got" = center ] && pass "division sample: 完成时限 centred" || fail "division sample: 完成时限 centred" "got $got"
  got=$(xpath "$doc" "string(//w:body/w:tbl[2]/preceding-sibling::w:p[w:pPr/w:pStyle/@w:val='gwTitle'][1])")
  [ "$got" = 各单位任务清单 ] && pass "division sample: index: by-unit appends 各单位任务清单" || fail "division sample: index" "got $got"
  got=$(xpath "$doc" "string(//v:rect[@id='gwTail'])")
  case $got in
    *抄送：*共青团阳曲县委员会办公室*2021年9月10日印发*) pass "division sample: 版记 with 抄送 and the 印发 line" ;;
    *) fail "division sample: 版记" "got $got" ;;
  esac
  if [ -z "${QUICK:-}" ]; then
    pdf="$dv_dir/yangqu-division.pdf"
    check "division sample: docx-check renders it" "$DOCX_CHECK" --keep-pdf "$pdf" --png "$dv_dir/png" "$dv_out"
    if [ -f "$pdf" ]; then
      # Every page up to the one with the table's last row repeats the header row.
      pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
      last=0 missing=""
      for p in $(seq 1 "$pages"); do
        pdftotext -f "$p" -l "$p" "$pdf" - | tr -d ' \n' | grep -q 支持团组织参 && last=$p
      done
      for p in $(seq 1 "$last"); do
        t=$(pdftotext -f "$p" -l "$p" "$pdf" - | tr -d ' \n')
        for h in 序号 改革举措 牵头单位 责任单位 完成时限; do
          case $t in *"$h"*) ;; *) missing="$missing p$p:$h" ;; esac
        done
      done
      [ "$last" -gt 1 ] && [ -z "$missing" ] &&
        pass "division sample: header row on each of the table's $last pages" ||
        fail "division sample: header row on every page" "table pages $last, missing$missing"
    fi
  fi
fi

# A unit typo: an error at its FILE:LINE:COL naming the closest unit; no
# output, and an existing output is left untouched.
typo="$dv_dir/typo.md"
sed 's/（县非公工委牵头，县工信局、县人社局、团县委配合）/（县非公工委牵头，县工信局、县人设局、团县委配合）/' "$dv_src" >"$typo"
line=$(grep -n 县人设局 "$typo" | cut -d: -f1)
echo keep >"$dv_dir/typo.docx"
"$GWDOC" render "$typo" -o "$dv_dir/typo.docx" 2>"$dv_dir/typo.err"
rc=$?
[ $rc -eq 1 ] && grep -q "typo.md:$line:[0-9]*: error: .*县人设局.*“县人社局”" "$dv_dir/typo.err" &&
  pass "division: unit typo reported at FILE:$line:COL with the closest unit" ||
  fail "division: unit typo" "rc $rc: $(head -n 2 "$dv_dir/typo.err")"
[ "$(cat "$dv_dir/typo.docx")" = keep ] && pass "division: unit typo leaves the output untouched" ||
  fail "division: unit typo leaves the output untouched"
col=$(grep -o "typo.md:$line:[0-9]*" "$dv_dir/typo.err" | head -n 1 | cut -d: -f3)
want=$(/usr/bin/python3 -c "import sys; l=open(sys.argv[1]).read().split('\n')[int(sys.argv[2])-1]; print(l.index('县人设局')+1)" "$typo" "$line")
[ "$col" = "$want" ] && pass "division: the column points at the unit ($col)" || fail "division: typo column" "got $col want $want"

# --unit: exactly that unit's rows, its own title line.
unit_out="$dv_dir/edu.docx"
check "division: --unit 县教育局 renders" "$GWDOC" render --unit 县教育局 "$dv_src" -o "$unit_out"
if [ -f "$unit_out" ] && [ -f "$dv_out" ]; then
  check "division: --unit extract valid" schema_valid "$unit_out"
  full=$(dv_xml "$dv_out") part=$(dv_xml "$unit_out")
  items="//w:body/w:tbl[1]/w:tr[not(w:trPr/w:tblHeader)][count(w:tc)>1]"
  want=$(xpath "$full" "count($items[w:tc[3][contains(.,'县教育局')] or w:tc[4][contains(.,'县教育局')]])")
  got=$(xpath "$part" "count($items)")
  mine=$(xpath "$part" "count($items[w:tc[3][contains(.,'县教育局') or w:tcPr/w:vMerge[not(@w:val)]] or w:tc[4][contains(.,'县教育局')]])")
  [ "${got%.*}" = "${want%.*}" ] && [ "${mine%.*}" = "${want%.*}" ] && [ "${want%.*}" -gt 0 ] &&
    pass "division: the extract has exactly 县教育局's ${want%.*} rows" ||
    fail "division: --unit rows" "full $want, extract $got, naming the unit $mine"
  got=$(xpath "$part" "string(//w:p[w:pPr/w:pStyle/@w:val='gwTitle'][1])")
  case $got in *（县教育局）) pass "division: the extract's own title line" ;; *) fail "division: extract title" "got $got" ;; esac
fi
"$GWDOC" render --unit 县教育厅 "$dv_src" -o "$dv_dir/none.docx" 2>"$dv_dir/none.err"
[ $? -eq 1 ] && [ ! -f "$dv_dir/none.docx" ] && grep -q "县教育局" "$dv_dir/none.err" &&
  pass "division: --unit with an unknown unit names the closest one" ||
  fail "division: --unit unknown" "$(cat "$dv_dir/none.err")"

# Seven columns with long cells: landscape by itself, inside the turned
# 版心; forced portrait, inside 156 mm. Both validate and render.
seven="$dv_dir/seven.md"
cat >"$seven" <<'EOF'
---
kind: division
title: 七列责任分工
issuer: 共青团阳曲县委员会办公室
date: 2021-09-10
columns: [序号, 重点任务, 具体措施, 牵头单位, 责任单位, 完成时限, 成果形式]
merge: [牵头单位]
distribution:
  抄送: [团市委办公室]
---

为推动改革举措落地见效，现将责任分工印发如下。

## 一、组织建设

| 重点任务 | 具体措施 | 牵头单位 | 责任单位 | 完成时限 | 成果形式 |
|---|---|---|---|---|---|
| 将团的工作力量选配与党的政治骨干、年轻干部培育有机结合，多渠道充实县域各级团的工作骨干 | 选育引进高层次专业人才、选调生等人员兼任青工委委员，从事阳曲团建、队建工作充实团的基层力量 | 县委组织部 | 团县委、县人社局、县委编办、县教育局、县财政局 | 2021年12月底前 | 印发实施方案并建立工作台账，每季度通报进展情况 |
| 建立团干部任期目标责任制，通过约定式管理明确任务表、立好军令状、画好实绩肖像图 | 强化团干部责任意识，激发团干部工作内生动力，推动团干部全心全意服务青年 | 县委组织部 | 团县委 | 持续推进 | 形成制度文件并印发执行 |

各责任单位要按期报送工作进展。
EOF
for orient in auto portrait; do
  src="$dv_dir/seven-$orient.md"
  sed "s/^merge:/orientation: $orient\nmerge:/" "$seven" >"$src"
  out="$dv_dir/seven-$orient.docx"
  check "division 7 columns ($orient): renders" "$GWDOC" render "$src" -o "$out"
  [ -f "$out" ] || continue
  check "division 7 columns ($orient): valid" schema_valid "$out"
  doc=$(dv_xml "$out")
  grid=$(xpath "$doc" "sum(//w:body/w:tbl[1]/w:tblGrid/w:gridCol/@w:w)")
  land=$(xpath "$doc" "count(//w:sectPr/w:pgSz[@w:orient='landscape'])")
  sects=$(xpath "$doc" "count(//w:sectPr)")
  feet=$(xpath "$doc" "count(//w:sectPr[w:footerReference[@w:type='default'] and w:footerReference[@w:type='even']])")
  limit=8845; [ $orient = auto ] && limit=12756
  [ "${grid%.*}" -le $limit ] && pass "division 7 columns ($orient): $grid twips wide, inside $limit" ||
    fail "division 7 columns ($orient): width" "$grid > $limit"
  if [ $orient = auto ]; then
    # a one-line preamble goes onto the landscape page with the title, a
    # one-line closing stays there with the 版记
    [ "${land%.*}" = 1 ] && [ "${sects%.*}" = 1 ] && [ "${feet%.*}" = 1 ] &&
      pass "division 7 columns: title, preamble, table and closing landscape, footers" ||
      fail "division 7 columns: sections" "landscape $land, sections $sects, with footers $feet"
  else
    [ "${land%.*}" = 0 ] && pass "division 7 columns (portrait): stays portrait" || fail "division 7 columns (portrait)" "landscape $land"
  fi
  if [ -z "${QUICK:-}" ]; then
    "$DOCX_CHECK" --json --png "$dv_dir/png-$orient" "$out" >"$dv_dir/seven-$orient.json" 2>/dev/null
    verdict=$(/usr/bin/python3 - "$dv_dir/seven-$orient.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
if r["errors"]:
    print("schema:", r["errors"][0]["message"]); sys.exit()
bad = []
for i, p in enumerate(r["pages"], 1):
    landscape = p["width_mm"] > p["height_mm"]
    # the text stays inside the page's 版心 (landscape pages: turned margins)
    left, right = (35.0, 37.0) if landscape else (28.0, 26.0)
    e = p["text_extent_mm"]
    if landscape:
        # the page number is turned with the page, in the left margin at
        # the portrait footer's distance (24 mm): text starts there, and
        # nothing sits in the landscape footer
        if e["left"] is None or not (22 <= e["left"] <= 26) or e["right"] < right - 1:
            bad.append(f"page {i}: text {e['left']}..{e['right']} mm from the edges, no turned page number")
        if p["footer_lines"]:
            bad.append(f"page {i}: a page number at the landscape foot")
        continue
    if e["left"] is not None and (e["left"] < left - 1 or e["right"] < right - 1):
        bad.append(f"page {i}: text {e['left']}..{e['right']} mm from the edges")
    if not p["footer_lines"]:
        bad.append(f"page {i}: no page number")
kinds = "".join("L" if p["width_mm"] > p["height_mm"] else "P" for p in r["pages"])
print("; ".join(bad) if bad else "ok " + kinds)
PY
)
    case $verdict in
      ok*) pass "division 7 columns ($orient): renders inside the page, page numbers on every page (${verdict#ok })" ;;
      *) fail "division 7 columns ($orient): render" "$verdict" ;;
    esac
  fi
done

# A merged 牵头单位 running over pages is shown again atop each page
# (prepare.c); its text is checked once, at the cell it came from, however
# many pages it spans: the text check now runs after the layout, beside
# the package writer.
mg="$dv_dir/merged-unpaired.md"
{
  printf -- '---\nkind: division\ntitle: 合并单元格跨页\nissuer: 共青团阳曲县委员会办公室\ndate: 2021-09-10\n'
  printf -- 'merge: [牵头单位]\n---\n\n| 改革举措 | 牵头单位 | 责任单位 | 完成时限 |\n|---|---|---|---|\n'
  for i in $(seq 1 80); do
    printf '| 第%d项举措：建立健全团的基层组织，完善工作机制，推动改革举措落地见效，切实增强团组织的吸引力和凝聚力 | 县委组织部（牵头 | 团县委 | 2021年12月底前 |\n' "$i"
  done
} >"$mg"
"$GWDOC" render "$mg" -o "$dv_dir/merged-unpaired.docx" 2>"$dv_dir/merged-unpaired.err"
pages=$(unzip -p "$dv_dir/merged-unpaired.docx" docProps/app.xml 2>/dev/null | sed -n 's/.*<Pages>\([0-9]*\)<.*/\1/p')
unpaired=$(grep -c "没有与之配对" "$dv_dir/merged-unpaired.err")
restarts=$(unzip -p "$dv_dir/merged-unpaired.docx" word/document.xml | grep -o '<w:vMerge w:val="restart"/>' | wc -l)
[ "$unpaired" = 1 ] && [ "$restarts" -gt 1 ] &&
  pass "division: a merged cell over $restarts pages is warned of once ($unpaired)" ||
  fail "division: merged cell warned once" "warnings $unpaired, restarts $restarts, pages $pages: $(head -3 "$dv_dir/merged-unpaired.err")"
