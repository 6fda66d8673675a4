#!/bin/sh
# The Simplified Chinese catalogue in use: --help, --info and the errors in
# Chinese, activated as German is (LANGUAGE with a UTF-8 locale), with the
# program's name and exit statuses unchanged and the columns of --help and
# --info kept though a Chinese character takes two of them.
. "$top_srcdir/tests/lib.sh"

command -v msgfmt >/dev/null 2>&1 || skip_all "msgfmt not installed"
mkdir -p "$tmp/locale/zh_CN/LC_MESSAGES"
msgfmt -o "$tmp/locale/zh_CN/LC_MESSAGES/mapscope.mo" "$top_srcdir/po/zh_CN.po"
MAPSCOPE_LOCALEDIR="$tmp/locale"
LANGUAGE=zh_CN
export MAPSCOPE_LOCALEDIR LANGUAGE

run_ms --help
is "--help: exit 0" "$rc" 0
like "--help: the usage line is in Chinese" "$out" "用法：mapscope [选项]... [SOURCE]"
like "--help: the options are described in Chinese" "$out" \
   "  -o, --offset=OFFSET    打开时光标位于 OFFSET"
like "--help: the exit statuses are in Chinese" "$out" "退出状态：成功为 0"
# Measured in columns (wc -L counts a Chinese character as two).
is "--help: no line is wider than 80 columns" \
   "$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L | awk '$1 > 80 { print "wider" }')" ""
is "--help: continuation lines start in the description column (26)" \
   "$(printf '%s\n' "$out" | grep -E '^ +[^ -]' | grep -vE '^ {25}[^ ]')" ""

# A source that cannot be opened: "mapscope: SUBJECT: what (why)", exit 1.
run_ms --dump "$tmp/nope"
is "missing file: exit 1" "$rc" 1
like "missing file: the program's name and the subject" "$err" "mapscope: $tmp/nope: "
like "missing file: the message is in Chinese" "$err" "无法打开 ("
is "missing file: nothing on stdout" "$out" ""

# Bad usage: the value, its fault and the hint in Chinese, exit 2.
run_ms --granularity 3 --dump "$tmp/nope"
is "bad granularity: exit 2" "$rc" 2
like "bad granularity: the option and its value" "$err" \
   "mapscope: --granularity '3': 无效的粒度 (必须是不小于页大小的 2 的幂)"
like "bad granularity: the hint to --help" "$err" "“mapscope --help” 可显示更多信息。"
run_ms --bogus
is "unknown option: exit 2" "$rc" 2
like "unknown option: in Chinese, named" "$err" "mapscope: 未知的选项“--bogus”"

# --info: the labels are padded in columns, so every value starts in the
# same column whatever the width of its Chinese label.
printf 'hello world\n' >"$tmp/d.txt"
cd "$tmp" || exit 1
run_ms --info d.txt
is "--info: exit 0" "$rc" 0
like "--info: the source line" "$out" "源：         d.txt"
like "--info: the kind line" "$out" "种类：       文件"
# (0 only where every process could be inspected; else unknown, "?")
case $out in
*"持有者：     ? 个进程"*)
   like "--info: the holders line, unknown" "$out" "持有者：     ? 个进程（看到 0 个描述符，0 个映射；无法检查的进程可能持有它）" ;;
*) like "--info: the holders line (one plural form)" "$out" "持有者：     0 个进程（0 个描述符，0 个映射）" ;;
esac
# value_columns: the screen column where each "label：  value" line of
# standard input puts its value, each column once
value_columns() {
   while IFS= read -r line; do
      label=${line%%：*}：
      rest=${line#"$label"}
      value=${rest#"${rest%%[! ]*}"}
      printf '%s\n' "${line%"$value"}" | LC_ALL=C.UTF-8 wc -L
   done | sort -u
}
is "--info: every value starts at column 14" \
   "$(printf '%s\n' "$out" | grep '：' | grep -v '^注意' | grep -v '^ ' | value_columns)" 13
# ... and so do a process's (pid:PID, pid:PID:ADDR)
sleep 30 &
spid=$!
on_exit "kill $spid 2>/dev/null"
for src in "pid:$spid" "pid:$spid:$(awk '/\[stack\]/ { split($1, a, "-"); print a[1]; exit }' /proc/$spid/maps)"; do
   run_ms --info "$src"
   is "--info $src: every value starts at column 14" \
      "$(printf '%s\n' "$out" | grep '：' | value_columns)" 13
done

# --patch without --flush reports in Chinese and writes nothing.
run_ms --patch 0:41 d.txt
is "--patch: exit 0" "$rc" 0
like "--patch: the report is in Chinese" "$out" "d.txt：未写回（--flush 写回编辑）：字节 1，页 1"
is "--patch: the file is unchanged" "$(cat d.txt)" "hello world"

# --find: no match is exit 1 and no output, in any language.
run_ms --find zzz d.txt
is "--find, no match: exit 1" "$rc" 1
is "--find, no match: nothing printed" "$out$err" ""

done_testing
