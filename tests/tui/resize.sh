#!/bin/sh
# Resizing while open: the screen follows at once, whatever the size.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin

tui_start 80 24 data.bin
tui_screen open-80x24
tui_resize 132 43
tui_screen open-132x43
tui_resize 40 12
tui_screen resize-40x12
tui_resize 10 4
tui_screen tiny-10x4
tui_resize 80 24
tui_screen open-80x24
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
