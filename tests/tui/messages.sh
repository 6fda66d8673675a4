#!/bin/sh
# Messages: a long one is cut with an ellipsis and :messages shows it in
# full; a flush refused because the file changed names :flush! (the
# screen's way), not --force; M on a terminal too short for the mapping
# pane says why; the pane's mmap() line wraps at 60 columns.
. "$top_srcdir/tests/tui/tui.sh"
tui_env="XDG_STATE_HOME='$tmp/state'"
make_data_file data.bin 65536

tui_start 60 20 data.bin
tui_send ":goto 0xffffffffffffffffffffffffffffffffffffffffffffffffffff"
like "a long message is cut with an ellipsis" "$(tui_capture | sed -n '$p')" "…"
tui_send ":messages"
ok ":messages shows it in full, wrapped" tui_wait_text "ffffffffffff"
like "... the heading says how to close it" "$(tui_capture | sed -n 1p)" "messages, oldest first"
full=$(tui_capture | sed '1d;$d' | tr -d ' \n')
like "... every character of it" "$full" "goto0xffffffffffffffffffffffffffffffffffffffffffffffffffff:"
tui_send "q"
tui_send "M"
tui_screen mapping-wrap-60x20
like "the mmap() line wraps, the address on the next line" \
   "$(tui_capture | grep -A1 '^mmap(' | tail -n 1)" "0xADDRESS"
tui_send "M"

tui_send "i41<Esc>"
touch -d '2001-01-01' "$tmp/data.bin"
tui_send ":w"
expect_status "a refused flush names :flush!" ":flush! writes anyway"
like "... not --force" "$(tui_capture | sed -n '$p')" "mtime"
case "$(tui_capture)" in *--force*) ok "no --force on the screen" false ;;
                         *) ok "no --force on the screen" true ;; esac
tui_send ":flush!"
expect_status ":flush! writes" "flushed: 1 byte in 1 page"
tui_stop
is "quit exits 0" "$tui_rc" 0

tui_start 80 8 data.bin
tui_send "M"
expect_status "M on a short terminal says why nothing shows" "the mapping pane needs"
tui_send "m"
expect_status "m asks for a mark and points at M" "M shows the mapping pane"
tui_send "<Esc>"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
