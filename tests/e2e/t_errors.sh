# t_errors.sh - bad sources give FILE:LINE:COL: error: …, exit 1, and no
# output; an existing output is never damaged.
E="$TMP/errors"; mkdir -p "$E"
FRONT=$BULLETIN_FRONT
# expect_error NAME SOURCE-FILE EXPECTED-STDERR-PREFIX
expect_error() {
  local out="$E/$1.docx" rc
  rm -f "$out"
  "$GWDOC" render "$2" -o "$out" 2>"$E/$1.err"; rc=$?
  if [ $rc -ne 1 ]; then fail "$1: exit 1" "got $rc"; return; fi
  if [ -e "$out" ]; then fail "$1: no output file"; return; fi
  if ls -a "$E" | grep -q gwdoc-; then fail "$1: no temporary file left"; return; fi
  if grep -qF -- "$3" "$E/$1.err"; then pass "$1: $3"; else fail "$1" "stderr: $(head -c 300 "$E/$1.err")"; fi
}

printf '%s' "$FRONT" | sed 's/^number: 14/number: [14/' >"$E/yaml.md"; echo 正文。 >>"$E/yaml.md"
expect_error broken-yaml "$E/yaml.md" "$E/yaml.md:6:5: error: YAML 语法错误"

# What drafters get wrong in YAML, said in Chinese at the right place:
# a Chinese colon after a key, ": " inside a value, a tab.
printf '%s' "$FRONT" | sed 's/^year: /year： /' >"$E/zhcolon.md"; echo 正文。 >>"$E/zhcolon.md"
expect_error yaml-chinese-colon "$E/zhcolon.md" "$E/zhcolon.md:4:5: error: 名称后面要用英文冒号“:”，这里是中文冒号“：”"
# title:政法信息 (no space after the colon) is named on its own line, not
# the next one where libyaml notices
printf '%s' "$FRONT" | sed 's/^year: .*/&\ntitle:政法信息/' >"$E/nospace.md"; echo 正文。 >>"$E/nospace.md"
expect_error yaml-colon-unspaced "$E/nospace.md" "$E/nospace.md:5:6: error: 名称“title”的冒号后面要有一个空格：写成“title: 政法信息”"
printf '%s' "$FRONT" | sed 's/^date: .*/&\ncontact: 联系人: 王强/' >"$E/valcolon.md"; echo 正文。 >>"$E/valcolon.md"
expect_error yaml-colon-in-value "$E/valcolon.md" "error: YAML 语法错误：值里有“: ”（冒号加空格）：请给整个值加英文引号"
printf '%s' "$FRONT" | sed 's/^year: /\tyear: /' >"$E/yamltab.md"; echo 正文。 >>"$E/yamltab.md"
expect_error yaml-tab "$E/yamltab.md" "error: YAML 不能用 Tab 缩进或分隔：请改用空格"

printf '%s正文。\n' "$FRONT" | grep -v '^date:' >"$E/nodate.md"
expect_error missing-key "$E/nodate.md" "$E/nodate.md:6:1: error: 缺少必填项 date"  # at the closing ---, where it goes

printf '%s正文。\n' "$FRONT" | sed 's/template: jintuan-yaoxun/template: no-such-template/' >"$E/tpl.md"
expect_error unknown-template "$E/tpl.md" "$E/tpl.md:3:11: error: 找不到模板“no-such-template”"

# a template's name typed with a slip: the one meant, and the ones there
printf '%s正文。\n' "$FRONT" | sed 's/template: jintuan-yaoxun/template: jintuan-yaoxn/' >"$E/tpl2.md"
expect_error near-template "$E/tpl2.md" "找不到模板“jintuan-yaoxn”：是不是“jintuan-yaoxun”？"
grep -q '可用的模板有 gbt9704、jintuan-yaoxun' "$E/near-template.err" \
  && pass "unknown template: the templates there are listed" || fail "unknown template: the templates there are listed" "$(cat "$E/near-template.err")"

# every line's Chinese colon in one run, not one a run
printf -- '---\nkind：bulletin\ntemplate：jintuan-yaoxun\nnumber：3\ndate：2024-03-05\n---\n正文。\n' >"$E/zhcolons.md"
expect_error yaml-chinese-colons "$E/zhcolons.md" "$E/zhcolons.md:5:5: error: 名称后面要用英文冒号“:”，这里是中文冒号“：”"
[ "$(grep -c '这里是中文冒号' "$E/yaml-chinese-colons.err")" = 4 ] \
  && pass "Chinese colons: all four lines named" || fail "Chinese colons: all four lines named" "$(cat "$E/yaml-chinese-colons.err")"

# 报:[县委办公室] under distribution: YAML reads one string; the space named
printf '%s正文。\n' "$FRONT" | sed 's/^date: \(.*\)$/date: \1\ndistribution:\n  报:[县委办公室]/' >"$E/distspace.md"
expect_error distribution-colon-space "$E/distspace.md" "error: distribution 下标签的冒号后面要有一个空格：写成“报: [县委办公室]”"

{ printf '%s' "$FRONT"; printf '第一段。\n\n第二段\xff。\n'; } >"$E/utf8.md"
expect_error invalid-utf8 "$E/utf8.md" "$E/utf8.md:10:4: error: 第 110 字节处不是有效的 UTF-8 编码"

printf '%s正文。\n' "$FRONT" | sed 's/^number: 14/number: 14期/' >"$E/type.md"
expect_error wrong-type "$E/type.md" "$E/type.md:5:9: error: number 只写期数，如“number: 14”"

printf '# 标题\n\n正文。\n' >"$E/nofront.md"
expect_error no-front-matter "$E/nofront.md" "$E/nofront.md:1:1: error: 缺少前置元数据"

# A bad source leaves the previous output byte for byte.
printf '%s正文。\n' "$FRONT" >"$E/good.md"
"$GWDOC" render "$E/good.md" -o "$E/keep.docx"
cp "$E/keep.docx" "$E/keep.orig"
"$GWDOC" render "$E/type.md" -o "$E/keep.docx" 2>/dev/null
cmp -s "$E/keep.docx" "$E/keep.orig" && pass "failed render leaves the old output untouched" || fail "failed render leaves the old output untouched"

# Output problems: clear error, exit 1, old file untouched.
"$GWDOC" render "$E/good.md" -o "$E/good.md" 2>"$E/same.err"; rc=$?
[ $rc -eq 1 ] && grep -q '输出文件不能是源文件本身' "$E/same.err" && pass "output equal to the input is refused" || fail "output equal to the input is refused"
"$GWDOC" render "$E/good.md" -o "$E/no/such/dir/x.docx" 2>"$E/dir.err"; rc=$?
[ $rc -eq 1 ] && grep -q "error: 无法在目标目录创建文件" "$E/dir.err" && ! grep -q 原文件未改动 "$E/dir.err" && pass "missing output folder: clear error, no word of an original" || fail "missing output folder: clear error, no word of an original" "$(cat "$E/dir.err")"
chmod 444 "$E/keep.docx"
"$GWDOC" render "$E/good.md" -o "$E/keep.docx" 2>"$E/ro.err"; rc=$?
[ $rc -eq 1 ] && cmp -s "$E/keep.docx" "$E/keep.orig" && grep -q 只读 "$E/ro.err" && pass "read-only output: error, untouched" || fail "read-only output: error, untouched" "$(cat "$E/ro.err")"
chmod 644 "$E/keep.docx"

# Usage errors exit 2.
"$GWDOC" render 2>/dev/null; [ $? -eq 2 ] && pass "render without a source: exit 2" || fail "render without a source: exit 2"
"$GWDOC" frobnicate 2>/dev/null; [ $? -eq 2 ] && pass "unknown command: exit 2" || fail "unknown command: exit 2"
"$GWDOC" rendr x.md 2>"$E/rendr.err"; rc=$?
[ $rc -eq 2 ] && grep -q '未知命令 rendr：是不是 render？' "$E/rendr.err" && pass "rendr: did you mean render" || fail "rendr: did you mean render" "$(cat "$E/rendr.err")"
"$GWDOC" render --bogus x.md 2>/dev/null; [ $? -eq 2 ] && pass "unknown option: exit 2" || fail "unknown option: exit 2"
"$GWDOC" render samples/yangqu-division.md --unit "" -o "$E/u.docx" 2>/dev/null; [ $? -eq 2 ] && pass "--unit \"\": exit 2" || fail "--unit \"\": exit 2"
"$GWDOC" render samples/yangqu-division.md --unit 团县委 --unit 县教育局 -o "$E/u.docx" 2>"$E/u2.err"; rc=$?
[ $rc -eq 2 ] && grep -q '选项 --unit 只能给一次' "$E/u2.err" && pass "--unit twice: exit 2" || fail "--unit twice: exit 2" "rc=$rc"
"$GWDOC" --help | grep -q '用法' && pass "--help in Chinese" || fail "--help in Chinese"

# stdin to stdout.
printf '%s正文。\n' "$FRONT" | "$GWDOC" render - -o - >"$E/stdout.docx" && unzip -l "$E/stdout.docx" >/dev/null 2>&1 \
  && pass "stdin to stdout" || fail "stdin to stdout"

# A flood of errors (a plan naming 150 units its units: list lacks) shows
# the first hundred, errors before warnings, and counts the rest.
{ printf -- '---\nkind: division\ntitle: 测试\nissuer: 办公室\ndate: 2021-09-10\nunits: [县委组织部]\n---\n\n## 一、类别\n\n'
  for i in $(seq 1 150); do printf '%d. 举措%d。\n   - 牵头单位：未列单位%d\n   - 完成时限：2021年底\n' "$i" "$i" "$i"; done
} >"$E/flood.md"
"$GWDOC" render "$E/flood.md" -o "$E/flood.docx" 2>"$E/flood.err"; rc=$?
if [ $rc -eq 1 ] && [ "$(grep -c ': error: ' "$E/flood.err")" -eq 100 ] &&
   [ "$(head -n 1 "$E/flood.err" | cut -d: -f2)" -eq 12 ] &&
   tail -n 1 "$E/flood.err" | grep -q '^gwdoc: 另有 50 条错误没有列出'; then
  pass "150 errors: the first 100 shown, the rest counted"
else fail "150 errors: the first 100 shown, the rest counted" "rc=$rc $(tail -n 1 "$E/flood.err")"; fi

# A picture whose address has a space is no picture to Markdown: an
# error at it that says how to write it, not its text printed as typed.
{ printf '%s' "$BULLETIN_FRONT"; printf '# 活动\n\n现场气氛热烈。\n\n![活动现场](images/现场 照片.jpg)\n'; } >"$E/imgspace.md"
"$GWDOC" render "$E/imgspace.md" -o "$E/imgspace.docx" 2>"$E/imgspace.err"; rc=$?
[ $rc -eq 1 ] && [ ! -e "$E/imgspace.docx" ] &&
  grep -q 'imgspace.md:12:1: error: 图片地址“images/现场 照片.jpg”里有空格.*!\[活动现场\](<images/现场 照片.jpg>)' "$E/imgspace.err" \
  && pass "picture address with a space: error that says how" \
  || fail "picture address with a space: error that says how" "rc=$rc $(cat "$E/imgspace.err")"

# A Chinese key under distribution with no space after its colon is named
# on its own line, as a top-level key's is.
printf -- '---\nkind: bulletin\ntemplate: jintuan-yaoxun\nyear: 2021\nnumber: 5\ndate: 2021-05-06\ndistribution:\n  报: [市委办公室]\n  送:[县委常委]\n  发: [各乡镇]\n---\n\n# 标题\n\n正文。\n' >"$E/nospace-cn.md"
"$GWDOC" render "$E/nospace-cn.md" -o "$E/nospace-cn.docx" 2>"$E/nospace-cn.err"; rc=$?
[ $rc -eq 1 ] && grep -q 'nospace-cn.md:9:4: error: 名称“送”的冒号后面要有一个空格：写成“送: \[县委常委\]”' "$E/nospace-cn.err" \
  && pass "送:[…] under distribution: named on its line" || fail "送:[…] under distribution: named on its line" "rc=$rc $(cat "$E/nospace-cn.err")"

# A template's misspelt role (titel: for title) changes nothing: said,
# with the role meant. A value read twice is reported once.
mkdir -p "$E/tpl"
printf 'extends: gbt9704\nkind: bulletin\ntitle: 信息简报\nissuer: 某办\nlayout:\n  roles:\n    titel: {font: 方正小标宋简体}\n' >"$E/tpl/typo.yaml"
printf -- '---\ntemplate: typo\nnumber: 5\ndate: 2021-05-06\n---\n\n# 标题\n\n正文。\n' >"$E/tpl/typo.md"
( cd "$E/tpl" && "$GWDOC" render typo.md -o typo.docx 2>typo.err ); rc=$?
[ $rc -eq 0 ] && grep -q '^typo.yaml:7:5: warning: layout.roles 里没有“titel”这个角色，这一项不起作用：是不是“title”？' "$E/tpl/typo.err" \
  && pass "template: a misspelt role is named" || fail "template: a misspelt role is named" "rc=$rc $(cat "$E/tpl/typo.err")"

# A template that extends itself is named.
printf 'extends: self\nkind: bulletin\n' >"$E/tpl/self.yaml"
printf -- '---\ntemplate: self\nnumber: 1\ndate: 2024-03-05\n---\n正文。\n' >"$E/tpl/self.md"
( cd "$E/tpl" && "$GWDOC" render self.md -o self.docx 2>self.err ); rc=$?
[ $rc -eq 1 ] && grep -q '“self”一层层 extends 回到了自己' "$E/tpl/self.err" \
  && pass "template: one extending itself is named" || fail "template: one extending itself is named" "rc=$rc $(cat "$E/tpl/self.err")"

# A template's placeholder typed wrong ({yaer}) would print in the 期号
# as typed: an error at the template's line, with the ones there are; a
# top-level key it misspells (contacts:) is named as a front matter's is.
printf 'extends: gbt9704\nkind: bulletin\ntitle: 纪检监察工作简报\nissuer: 某纪委办公室\nformats:\n  issue: "〔{yaer}〕第{number}期"\ncontacts: 联系电话：0354-5622018\n' >"$E/tpl/fmt.yaml"
printf -- '---\ntemplate: fmt\nnumber: 5\ndate: 2021-05-06\n---\n\n# 标题\n\n正文。\n' >"$E/tpl/fmt.md"
( cd "$E/tpl" && "$GWDOC" render fmt.md -o fmt.docx 2>fmt.err ); rc=$?
[ $rc -eq 1 ] && grep -q '^fmt.yaml:6:10: error: formats.issue 里的“{yaer}”不是可用的占位符：可用的有 {year} {number} {total}' "$E/tpl/fmt.err" \
  && grep -q '^fmt.yaml:7:1: warning: 模板里未知的键“contacts”，已忽略：是不是“contact”？' "$E/tpl/fmt.err" \
  && pass "template: a wrong placeholder and a misspelt key are named" \
  || fail "template: a wrong placeholder and a misspelt key are named" "rc=$rc $(cat "$E/tpl/fmt.err")"
printf 'extends: gbt9704\nkind: bulletin\ntitle: 信息简报\nissuer: 某办\nlayout:\n  roles:\n    body: {font: 仿宋, size: 十六号}\n' >"$E/tpl/size.yaml"
sed 's/template: typo/template: size/' "$E/tpl/typo.md" >"$E/tpl/size.md"
( cd "$E/tpl" && "$GWDOC" render size.md -o size.docx 2>size.err ); rc=$?
[ $rc -eq 1 ] && [ "$(grep -c '字号应为字号名称' "$E/tpl/size.err")" = 1 ] \
  && pass "template: a bad size is reported once" || fail "template: a bad size is reported once" "rc=$rc $(cat "$E/tpl/size.err")"
