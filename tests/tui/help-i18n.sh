#!/bin/sh
# Help in other languages: in Simplified Chinese the descriptions start in
# their column and the status stays at the right edge though a Chinese
# character takes two columns; in German a command whose translated
# argument has an umlaut (two bytes, one column) is aligned as the others.
. "$top_srcdir/tests/tui/tui.sh"
command -v msgfmt >/dev/null 2>&1 || skip_all "msgfmt not installed"
for lang in zh_CN de; do
   mkdir -p "$tmp/locale/$lang/LC_MESSAGES"
   msgfmt -o "$tmp/locale/$lang/LC_MESSAGES/mapscope.mo" "$top_srcdir/po/$lang.po"
done
tui_env="MAPSCOPE_LOCALEDIR='$tmp/locale' LANGUAGE=zh_CN"
make_data_file data.bin

tui_start 80 24 data.bin
tui_send "<F1>"
tui_screen help-zh-80x24
expect_status "the status is in Chinese" "帮助 1/"
tui_send "<PgDn>" "<PgDn>"
tui_screen help-zh-commands-80x24
# ":granularity 大小" is 17 columns, 21 bytes: its description starts in
# the column of the others.
tui_send "<PgDn>"
tui_screen help-zh-end-80x24
tui_send "q"
tui_stop
is "quit exits 0" "$tui_rc" 0

# German, on a screen tall enough for all of help: ":granularity GRÖSSE"
# is 19 columns (20 bytes); its description starts in column 26, as
# ":goto OFFSET"'s does.
tui_env="MAPSCOPE_LOCALEDIR='$tmp/locale' LANGUAGE=de"
tui_start 100 150 data.bin
tui_send "<F1>"
is "German help: the commands' descriptions share one column" \
   "$(tui_capture | grep -E '^  :(goto OFFSET|granularity GRÖSSE) ' |
      sed -e 's/^\(  :[a-z]* [A-ZÖ]* *\).*/\1/' |
      while IFS= read -r prefix; do printf '%s\n' "$prefix" | LC_ALL=C.UTF-8 wc -L; done |
      sort -u)" 25
tui_send "q"
tui_stop
is "German: quit exits 0" "$tui_rc" 0
done_testing
