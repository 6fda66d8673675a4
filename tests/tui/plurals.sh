#!/bin/sh
# Every count on the screen agrees with its number (ngettext), in English
# and German: the title of a 1-byte file, the size messages of an object
# that shrinks to or grows from one byte, the object list's pane.
. "$top_srcdir/tests/tui/tui.sh"
command -v msgfmt >/dev/null 2>&1 || skip_all "msgfmt not installed"
for lang in zh_CN de; do
   mkdir -p "$tmp/locale/$lang/LC_MESSAGES"
   msgfmt -o "$tmp/locale/$lang/LC_MESSAGES/mapscope.mo" "$top_srcdir/po/$lang.po"
done

printf 'x' >"$tmp/one.bin"
printf 'xy' >"$tmp/two.bin"
tui_start 80 8 one.bin
tui_screen plurals-one-80x8
like "the title: 1 byte" "$(tui_capture | sed -n 1p)" "(1 byte)"
tui_stop
tui_start 80 8 two.bin
truncate -s 1 "$tmp/two.bin"
tui_send "j"
expect_status "shrank to 1 byte" "the object shrank to 1 byte (it was 2)"
truncate -s 0 "$tmp/two.bin"
tui_send "j"
expect_status "now empty (it was 1 byte)" "the object is now empty (it was 1 byte)"
tui_stop
is "quit exits 0" "$tui_rc" 0

tui_env="MAPSCOPE_LOCALEDIR='$tmp/locale' LANGUAGE=de"
printf 'xy' >"$tmp/two.bin"
tui_start 80 8 one.bin
tui_screen plurals-one-de-80x8
like "German title: 1 Byte" "$(tui_capture | sed -n 1p)" "(1 Byte)"
tui_stop
tui_start 80 8 two.bin
truncate -s 1 "$tmp/two.bin"
tui_send "j"
expect_status "German: auf 1 Byte geschrumpft" "auf 1 Byte geschrumpft (vorher 2)"
tui_stop

tui_env="MAPSCOPE_LOCALEDIR='$tmp/locale' LANGUAGE=zh_CN"
tui_start 80 8 one.bin
like "Chinese title: 1 字节" "$(tui_capture | sed -n 1p)" "1 字节"
tui_stop
tui_env=""

# The object list's pane: a 1-byte shm object.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
   shm_obj="msq$$-one"
   printf 'z' >"/dev/shm/$shm_obj"
   on_exit "rm -f '/dev/shm/$shm_obj'"
   tui_start 120 24 -c "filter msq$$-one"
   ok "the list's pane: shm, 1 byte" tui_wait_text "$shm_obj: shm, 1 byte,"
   tui_stop
else
   skip "the list's pane" "no writable /dev/shm"
fi
done_testing
