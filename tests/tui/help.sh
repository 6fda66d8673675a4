#!/bin/sh
# Help on ? and F1 lists every key and command; q and Esc close it.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin

tui_start 80 24 data.bin
tui_send "?"
tui_screen help-80x24
tui_send "<PgDn>"
tui_screen help-pgdn-80x24
tui_send "q"
tui_screen open-80x24
tui_send "<F1>"
tui_screen help-80x24
tui_send "<Esc>"
tui_screen open-80x24
tui_send ":help"
tui_screen help-80x24
tui_send "q"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
