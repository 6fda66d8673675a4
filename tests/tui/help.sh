#!/bin/sh
# Help on F1 lists every key and command; q and Esc close it.  In the hex
# view ? is the backward search (as in less and vi), so help is F1 there.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin

tui_start 80 24 data.bin
tui_send "?"
expect_status "? in the hex view opens the backward search" ":rfind"
tui_send "<Esc>" "<F1>"
tui_screen help-80x24
tui_send "<PgDn>"
tui_screen help-pgdn-80x24
tui_send "<PgUp>" "<Space>"
tui_screen help-pgdn-80x24
expect_status "Space scrolls help by a page, not a line" "help 23/"
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

# On a screen tall enough for all of help: C-c is listed once.
tui_start 100 150 data.bin
tui_send "<F1>"
is "help lists C-c once" "$(tui_capture | grep -c '^  C-c ')" 1
is "... and the count keys" "$(tui_capture | grep -c '^  5j 10l 3n ')" 1
tui_send "q"
tui_stop
done_testing
