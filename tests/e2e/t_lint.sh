# t_lint.sh - `gwdoc lint SOURCE... [--fix] [--werror]`: findings at their
# exact place, exit codes, --fix in place (atomic, idempotent, byte for
# byte elsewhere), and the uncleaned seed bulletin.
L="$TMP/lint"; mkdir -p "$L"
FIX=tests/lint

# The fixture with every rule: the exact report, exit 1 (it has errors).
# Its front matter lacks the issuer render requires: that error is
# checked on its own (rules.expected lists the text rules only).
lint_rules_report() {
  "$GWDOC" lint $FIX/rules.md >"$L/rules.out" 2>"$L/rules.err"; local rc=$?
  [ $rc -eq 1 ] || { echo "exit $rc, want 1"; return 1; }
  grep -qx "$FIX/rules.md:9:1: error: 缺少必填项 issuer：请在前置元数据里写上“issuer: …” \[front-matter\]" "$L/rules.out" || return 1
  grep -v '\[front-matter\]$' "$L/rules.out" | diff -u $FIX/rules.expected -
}
check "lint: every rule at its line and column" lint_rules_report

# The raw seed, wrapped in front matter without cleaning: warnings at its
# artefacts only, so exit 0, and exit 1 with --werror.
lint_seed() {
  "$GWDOC" lint $FIX/seed-2021-14.md >"$L/seed.out" 2>&1 || { echo "exit $?"; return 1; }
  diff -u $FIX/seed-2021-14.expected "$L/seed.out" || return 1
  "$GWDOC" lint --werror $FIX/seed-2021-14.md >/dev/null 2>&1; [ $? -eq 1 ]
}
check "lint: seed bulletin warns at its artefacts only" lint_seed

# The seed straight from the shared folder gives the same findings.
lint_shared_seed() {
  local seed="$SHARED/seeds/jintuan-yaoxun-2021-14.txt"
  [ -f "$seed" ] || return 0
  head -n 8 $FIX/seed-2021-14.md >"$L/shared-seed.md"; cat "$seed" >>"$L/shared-seed.md"
  "$GWDOC" lint "$L/shared-seed.md" | sed "s|^$L/shared-seed.md:||" >"$L/shared.out"
  sed "s|^$FIX/seed-2021-14.md:||" $FIX/seed-2021-14.expected | diff -u - "$L/shared.out"
}
check "lint: shared seed text" lint_shared_seed

# --fix: the expected file, only the rest reported, then idempotent.
lint_fix() {
  cp $FIX/rules.md "$L/fix.md"; chmod 640 "$L/fix.md"
  "$GWDOC" lint --fix "$L/fix.md" >"$L/fix.out" 2>"$L/fix.err"; local rc=$?
  [ $rc -eq 1 ] || { echo "exit $rc, want 1 (errors remain)"; return 1; }
  cmp $FIX/rules.fixed "$L/fix.md" || return 1
  grep -q '已修正 25 处' "$L/fix.err" || { cat "$L/fix.err"; return 1; }
  ! grep -Eq '\[(punct-width|quotes|dash|ellipsis|cjk-space|nfc|year-bracket|list-marker|fullwidth-digit)\]' "$L/fix.out" || return 1
  [ "$(stat -c %a "$L/fix.md")" = 640 ] || { echo "mode changed"; return 1; }
  ls -a "$L" | grep -q gwdoc- && { echo "temporary file left"; return 1; }
  cp "$L/fix.md" "$L/fix2.md"
  "$GWDOC" lint --fix "$L/fix2.md" >/dev/null 2>&1
  cmp "$L/fix.md" "$L/fix2.md"
}
check "lint: --fix rewrites in place, idempotently" lint_fix

# --fix keeps CR LF line ends and a BOM, and only touches the fixes.
lint_fix_crlf() {
  { printf '\357\273\277'; sed 's/$/\r/' $FIX/rules.md; } >"$L/crlf.md"
  "$GWDOC" lint --fix "$L/crlf.md" >/dev/null 2>&1
  { printf '\357\273\277'; sed 's/$/\r/' $FIX/rules.fixed; } | cmp - "$L/crlf.md"
}
check "lint: --fix keeps CR LF and BOM" lint_fix_crlf

# A clean source: no output, exit 0, --fix leaves the file alone.
lint_clean() {
  printf -- '---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2021\nnumber: 14\ndate: 2021-10-18\n---\n\n# 标题\n\n## 一、总体要求\n\n1.**坚持党建带团建。**将党的领导贯彻始终，见`a, b`和http://a.cn/x,y。\n' >"$L/clean.md"
  cp "$L/clean.md" "$L/clean0.md"; touch -d '2020-01-01' "$L/clean.md"
  local out; out=$("$GWDOC" lint --werror --fix "$L/clean.md" 2>&1) || { echo "exit $?: $out"; return 1; }
  [ -z "$out" ] || { echo "$out"; return 1; }
  cmp "$L/clean0.md" "$L/clean.md" && [ "$(stat -c %Y "$L/clean.md")" = "$(date -d 2020-01-01 +%s)" ]
}
check "lint: clean source is silent and untouched" lint_clean

# A read-only source is not rewritten, and the error says so.
lint_readonly() {
  [ "$(id -u)" = 0 ] && return 0 # root writes anyway
  cp $FIX/rules.md "$L/ro.md"; chmod 444 "$L/ro.md"
  "$GWDOC" lint --fix "$L/ro.md" >/dev/null 2>&1; [ $? -eq 1 ] && cmp $FIX/rules.md "$L/ro.md"
}
check "lint: read-only source untouched" lint_readonly

# Several files, standard input, usage errors.
lint_cli() {
  "$GWDOC" lint $FIX/seed-2021-14.md $FIX/rules.md >"$L/two.out" 2>&1; [ $? -eq 1 ] || return 1
  grep -q '^tests/lint/seed-2021-14.md:31:5: warning' "$L/two.out" || return 1
  grep -q '^tests/lint/rules.md:27:4: error' "$L/two.out" || return 1
  "$GWDOC" lint - <$FIX/rules.md | grep -q '^<stdin>:15:3: warning' || return 1
  "$GWDOC" lint --fix - <$FIX/rules.md >/dev/null 2>&1; [ $? -eq 1 ] || return 1
  "$GWDOC" lint >/dev/null 2>&1; [ $? -eq 2 ] || return 1
  "$GWDOC" lint --bogus $FIX/rules.md >/dev/null 2>&1; [ $? -eq 2 ] || return 1
  "$GWDOC" lint "$L/no-such-file.md" 2>&1 | grep -q 'no-such-file.md: error: 无法读取源文件'
}
check "lint: several files, stdin, usage" lint_cli

# A block pasted from Word, 1.2 KB and more: full-width indents, no blank
# lines, a half-width comma on every line. Every line is reported and
# fixed (the lines split off the block once lost their place).
lint_long_pasted_block() {
  { printf '%s\n# 标题\n\n' "$BULLETIN_FRONT"
    for i in $(seq 0 29); do printf '　　第%d句有很多很多的文字在这里很多很多的文字在这里,有逗号。\n' "$i"; done
  } >"$L/pasted.md"
  "$GWDOC" lint "$L/pasted.md" >"$L/pasted.out" 2>&1
  [ "$(grep -c 'punct-width' "$L/pasted.out")" = 30 ] || { tail -n 2 "$L/pasted.out"; return 1; }
  grep -q "^$L/pasted.md:39:28: warning" "$L/pasted.out" || return 1
  "$GWDOC" lint --fix "$L/pasted.md" >/dev/null 2>"$L/pasted.err"
  grep -q '已修正 60 处' "$L/pasted.err" || { cat "$L/pasted.err"; return 1; }
  ! grep -q ',' "$L/pasted.md" || return 1
  [ -z "$("$GWDOC" lint "$L/pasted.md" 2>&1)" ]
}
check "lint: every line of a long block pasted from Word" lint_long_pasted_block

# Rows pasted from a spreadsheet into a plan (CR LF, a BOM, tabs between
# the cells, a header line): render reads them as a table, so lint has
# nothing to say of them, and --fix keeps every tab.
lint_tab_rows() {
  { printf '\357\273\277'
    printf -- '---\nkind: division\ntitle: 防汛工作责任分工\nissuer: 县防汛抗旱指挥部办公室\ndate: 2025-05-06\n---\n\n## 一、汛前准备\n\n'
    printf '序号\t工作任务\t牵头单位\t完成时限\n'
    printf '1\t开展汛前隐患排查。\t县水利局\t2025年5月底前\n'
    printf '2\t修订完善防汛应急预案。\t县应急管理局\t2025年5月20日前\n'
  } | sed 's/$/\r/' >"$L/tsv.md"
  cp "$L/tsv.md" "$L/tsv0.md"
  "$GWDOC" lint --fix "$L/tsv.md" >"$L/tsv.out" 2>&1
  # a plan's paste with its header line: render reads it as a table
  ! grep -q 'tab-columns' "$L/tsv.out" || { cat "$L/tsv.out"; return 1; }
  ! grep -q 'cjk-space' "$L/tsv.out" || { cat "$L/tsv.out"; return 1; }
  cmp "$L/tsv0.md" "$L/tsv.md"
}
check "lint: tabs of a spreadsheet paste are columns, not spaces" lint_tab_rows

# numbering: auto: render numbers the headings and drops the typed ones
# with one warning; lint gives that same warning, and no sequence errors.
lint_auto_numbering() {
  { printf '%s' "$BULLETIN_FRONT" | sed 's/^date:.*/&\nnumbering: auto/'
    printf '\n# 全市组织工作\n\n## 一、坚持政治引领\n\n正文。\n\n### （二）干部队伍建设\n\n正文。\n\n## 三、夯实基层基础\n\n正文。\n'
  } >"$L/auto.md"
  "$GWDOC" lint "$L/auto.md" >"$L/auto.out" 2>&1 || { echo "exit $?"; cat "$L/auto.out"; return 1; }
  "$GWDOC" render "$L/auto.md" -o "$L/auto.docx" 2>"$L/auto.render" || return 1
  grep 'numbering: auto' "$L/auto.render" >"$L/auto.want"
  [ -s "$L/auto.want" ] || { cat "$L/auto.render"; return 1; }
  sed 's/ \[numbering\]$//' "$L/auto.out" | diff -u "$L/auto.want" -
}
check "lint: numbering: auto warns as render does, no sequence errors" lint_auto_numbering

# What render rejects in the front matter, lint reports the same, at the
# same place: missing keys, a number or copies with a unit, a date that
# does not exist, a template that is not there.
lint_front_as_render() {
  local name f
  for name in missing units date template; do
    f="$L/front-$name.md"
    case $name in
      missing) printf -- '---\nkind: bulletin\ntemplate: gbt9704\ntitel: 安全生产简报\nyear: 2024\n---\n' ;;
      units) printf -- '---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2024\nnumber: 第3期\ndate: 2024-03-05\ncopies: 120份\n---\n' ;;
      date) printf -- '---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2024\nnumber: 3\ndate: 2024-02-30\n---\n' ;;
      template) printf -- '---\nkind: bulletin\ntemplate: anquan-jianbao\nyear: 2024\nnumber: 3\ndate: 2024-03-05\n---\n' ;;
    esac >"$f"
    printf '\n# 标题\n\n正文。\n' >>"$f"
    "$GWDOC" render "$f" -o "$L/front.docx" 2>&1 | grep ': error: ' >"$L/front-$name.want"
    [ -s "$L/front-$name.want" ] || { echo "$name: render accepts it"; return 1; }
    "$GWDOC" lint "$f" >"$L/front-$name.out" 2>&1; [ $? -eq 1 ] || { echo "$name: lint exit 0"; return 1; }
    grep ': error: ' "$L/front-$name.out" | sed 's/ \[front-matter\]$//' | diff -u "$L/front-$name.want" - || return 1
  done
  grep -q 'date：2024-02-30 不是存在的日期' "$L/front-date.out"
}
check "lint: front-matter errors as render reports them" lint_front_as_render

# A thousands separator typed in full width (1，286家次) reads as two
# numbers: reported, with both ways to write it; lists are not figures.
lint_number_comma() {
  { printf '%s\n# 标题\n\n' "$BULLETIN_FRONT"
    printf '全市共检查医疗卫生机构1，286家次。\n\n第1，2，3项，2021，2022年两年。\n'
  } >"$L/comma.md"
  "$GWDOC" lint "$L/comma.md" >"$L/comma.out" 2>&1
  [ "$(grep -c 'number-comma' "$L/comma.out")" = 1 ] || { cat "$L/comma.out"; return 1; }
  grep -q "^$L/comma.md:11:13: warning: .*“1，286”应写作“1286”（或用半角逗号分节：“1,286”） \[number-comma\]$" "$L/comma.out"
}
check "lint: a full-width comma inside a figure" lint_number_comma

# Dates in figures in the text (2024.3.5, 2024/3/5, 2024-3-5) are written
# 2024年3月5日 (GB/T 9704 7.3.5); --fix writes them so. Versions, phone
# numbers and URLs are no dates.
lint_figure_dates() {
  { printf '%s\n# 标题\n\n' "$BULLETIN_FRONT"
    printf '会议于2024.3.5召开，2024/3/5通报，2024-3-5总结。\n\n'
    printf '版本3.5.1，电话0351-4184708，见https://a.cn/2024/3/5/a.html。\n'
  } >"$L/dates.md"
  "$GWDOC" lint "$L/dates.md" >"$L/dates.out" 2>&1
  [ "$(grep -c 'date-format' "$L/dates.out")" = 3 ] || { cat "$L/dates.out"; return 1; }
  grep -q "^$L/dates.md:11:15: warning: 日期应写作“2024年3月5日”（GB/T 9704 7.3.5），而不是“2024/3/5” \[date-format\]$" "$L/dates.out" || return 1
  "$GWDOC" lint --fix "$L/dates.md" >/dev/null 2>&1
  grep -qx '会议于2024年3月5日召开，2024年3月5日通报，2024年3月5日总结。' "$L/dates.md" || return 1
  grep -qx '版本3.5.1，电话0351-4184708，见https://a.cn/2024/3/5/a.html。' "$L/dates.md"
}
check "lint: dates in figures are written 2024年3月5日" lint_figure_dates

# Text copied out of a PDF: a space between every two characters and
# before the %. Each is reported (numbers shown whole) and --fix closes
# them up; a name spaced out in a signature stays.
lint_pdf_spaces() {
  { printf '%s\n# 标题\n\n' "$BULLETIN_FRONT"
    printf '全 县 共 有 学 校 126 所，增长 5.2 %%。\n\n联系人：张  三\n'
  } >"$L/pdf.md"
  "$GWDOC" lint "$L/pdf.md" | sed "s|^$L/pdf.md:||" >"$L/pdf.out" 2>&1
  diff -u - "$L/pdf.out" <<'OUT' || return 1
11:1: warning: 汉字之间不加空格（像是从 PDF 复制的文字）：删去“全 县 共 有 学 校”中的空格 [spaced-han]
11:12: warning: 汉字与数字、西文之间不加空格：删去“校 126”中的空格 [cjk-space]
11:16: warning: 汉字与数字、西文之间不加空格：删去“126 所”中的空格 [cjk-space]
11:21: warning: 汉字与数字、西文之间不加空格：删去“增长 5.2”中的空格 [cjk-space]
11:25: warning: 数字与百分号之间不加空格：删去“5.2 %”中的空格 [percent-space]
OUT
  "$GWDOC" lint --fix "$L/pdf.md" >/dev/null 2>&1
  grep -qx '全县共有学校126所，增长5.2%。' "$L/pdf.md" && grep -qx '联系人：张  三' "$L/pdf.md"
}
check "lint: spaces of a PDF copy" lint_pdf_spaces

# ## 三.抓好落实: the dot is the heading number's. One finding (、), none
# that calls it a full stop, and --fix writes 三、, not 三。.
lint_numeral_dot() {
  { printf '%s\n# 标题\n\n' "$BULLETIN_FRONT"
    printf '## 一、加强领导\n\n## 二.抓好落实\n'
  } >"$L/dot.md"
  "$GWDOC" lint "$L/dot.md" | sed "s|^$L/dot.md:||" >"$L/dot.out" 2>&1
  echo '13:4: warning: 中文数字序号后用顿号，不用点：把“二.”的点改为“、” [list-marker]' | diff -u - "$L/dot.out" || return 1
  "$GWDOC" lint --fix "$L/dot.md" >/dev/null 2>&1
  grep -qx '## 二、抓好落实' "$L/dot.md"
}
check "lint: 二. at a heading's start becomes 二、" lint_numeral_dot

# What render refuses in the body, lint refuses too, at the same place.
printf -- '---\nkind: division\ntitle: 测试\nissuer: 某办\ndate: 2024-01-20\nunits: [县发展改革局]\n---\n\n| 序号 | 改革举措 | 牵头单位 | 完成时限 |\n|---|---|---|---|\n| 1 | 甲。 | 县发改局 | 2024年底前 |\n' >"$TMP/lint-render.md"
"$GWDOC" lint "$TMP/lint-render.md" >"$TMP/lint-render.out" 2>&1; rc=$?
[ $rc -eq 1 ] && grep -q 'lint-render.md:11:12: error: 单位“县发改局”不在 units 列表里.*\[render\]' "$TMP/lint-render.out" \
  && pass "lint: render's body errors, at their place" || fail "lint: render's body errors, at their place" "rc=$rc $(cat "$TMP/lint-render.out")"

# No noise on what render reads well: a labelled line of its own (来源：…,
# 电话：… over a signature) cuts no sentence, and 一、⇥主要做法 (Word's
# numbering as text) is a heading, not a spreadsheet's row.
printf -- '---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2021\nnumber: 5\ndate: 2021-05-06\n---\n\n# 标题\n\n来源：榆次区教育局\n\n今年以来，榆次区坚决落实“双减”政策。\n一、\t主要做法\n（一）\t强化安全保障\n假期前开展安全检查。\n\n联系人：张明\n电话：13800000000\n\n巨轮街道办事处\n' >"$TMP/lint-quiet.md"
out=$("$GWDOC" lint "$TMP/lint-quiet.md" 2>&1); rc=$?
[ $rc -eq 0 ] && ! printf '%s' "$out" | grep -q 'broken-paragraph\|tab-columns' \
  && pass "lint: no noise on label lines and Word's numbering" || fail "lint: no noise on label lines and Word's numbering" "$out"
