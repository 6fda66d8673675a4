#!/bin/sh
# A terminal too small: a short message, keys do no harm, and the screen
# comes back when the terminal grows.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin

tui_start 10 4 data.bin
tui_screen tiny-10x4
tui_send "jjj<PgDn><F1>q" "G" ":goto 50%"
tui_screen tiny-10x4
tui_send "g"
tui_resize 20 6
tui_screen tiny-20x6
tui_resize 80 24
tui_screen open-80x24
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
