#!/bin/sh
# The first screen at 80x24 and 132x43: title, offsets, hex and text panes.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin

tui_start 80 24 data.bin
tui_screen open-80x24
tui_stop
is "quit exits 0" "$tui_rc" 0
is "nothing on stderr" "$(cat "$tmp/stderr")" ""

tui_start 132 43 data.bin
tui_screen open-132x43
tui_stop
is "quit exits 0 (132x43)" "$tui_rc" 0

done_testing
