#!/bin/sh
# The mapping pane: the mmap() call, the MapViewOfFile equivalent, the
# alignment arithmetic and the page map, at 4K and at 64K granularity.
# The file is read first, so every page is resident: the page map is the
# same on every run.  The address mmap() returned is masked.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin 1048576

tui_start 80 24 -g 4K data.bin
tui_send ":goto 0x12345" "m"
tui_screen mapping-4k-80x24
tui_send ":granularity 64K" "<Esc>"
tui_screen mapping-64k-80x24
tui_send "m"
pane_gone() { ! tui_capture | grep -q 'mmap('; }
w=0
while ! pane_gone && [ $w -lt 25 ]; do sleep 0.2; w=$((w + 1)); done
ok "m hides the pane" pane_gone
tui_stop

tui_start 80 24 -g 64K -c 'goto 0x12345' -c mapping data.bin
tui_screen mapping-64k-80x24
tui_stop
is "quit exits 0" "$tui_rc" 0

tui_start 132 43 --granularity=64K --window=256K -o 0x12345 data.bin
tui_send "m"
tui_screen mapping-64k-256k-132x43
tui_stop
done_testing
