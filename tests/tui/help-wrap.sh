#!/bin/sh
# Help entries wrap onto continuation lines in their description's column
# instead of being cut with an ellipsis, in English and German; at 20
# columns a description goes under its key and still says something.
. "$top_srcdir/tests/tui/tui.sh"
command -v msgfmt >/dev/null 2>&1 || skip_all "msgfmt not installed"
for lang in zh_CN de; do
   mkdir -p "$tmp/locale/$lang/LC_MESSAGES"
   msgfmt -o "$tmp/locale/$lang/LC_MESSAGES/mapscope.mo" "$top_srcdir/po/$lang.po"
done
make_data_file data.bin 4096

# pages N: N pages of help, each captured (without the status line), in $text
pages() {
   : >"$tmp/pages"
   i=0
   while [ $i -lt "$1" ]; do
      tui_capture | sed '$d' >>"$tmp/pages"
      tui_send "<PgDn>"
      i=$((i + 1))
   done
   text=$(cat "$tmp/pages")
}
no_ellipsis() {
   case "$2" in *…*) ok "$1" false; printf '%s\n' "$2" | grep '…' | sed 's/^/# /' ;;
                *) ok "$1" true ;; esac
}
tui_start 80 24 data.bin
tui_send "<F1>" "G"
tui_screen help-wrap-end-80x24
tui_send "g"
pages 12
no_ellipsis "English help at 80 columns: nothing cut" "$text"
like "the :quit entry goes on in its column" "$text" \
   "quit mapscope (also :q, C-c); asks first when edits are"
tui_send "q"
tui_stop
is "quit exits 0" "$tui_rc" 0

tui_env="MAPSCOPE_LOCALEDIR='$tmp/locale' LANGUAGE=de"
tui_start 80 24 data.bin
tui_send "<F1>"
tui_screen help-wrap-de-80x24
pages 14
no_ellipsis "German help at 80 columns: nothing cut" "$text"
tui_send "q"
tui_stop

tui_env=""
tui_start 20 12 data.bin
tui_send "<F1>"
tui_screen help-wrap-20x12
pages 80
no_ellipsis "help at 20 columns: nothing cut" "$text"
like "... a description under its key says something" "$text" "    down one row"
tui_send "q"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
