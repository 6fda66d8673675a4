#!/bin/sh
# The mapping pane: the mmap() call, the MapViewOfFile equivalent, the
# alignment arithmetic and the page map, at 4K and at 64K granularity.
# The file is read first, so every page is resident: the page map is the
# same on every run.  The address mmap() returned is masked.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin 1048576
# The kernel may still evict a page of it under memory pressure (seen on a
# loaded machine): the count of resident pages and an evicted page's mark
# are masked, the layout is what these screens hold (tests/tui/
# residency.sh checks the marks themselves).
tui_mask() {
   sed -e '/^── mapping/s/resident: [0-9]*/resident: N/' -e '/^pages /s/[r·]/█/g'
}

tui_start 80 24 -g 4K data.bin
tui_send ":goto 0x12345" "M"
tui_screen mapping-4k-80x24
tui_send ":granularity 64K" "<Esc>"
tui_screen mapping-64k-80x24
tui_send "M"
pane_gone() { ! tui_capture | grep -q 'mmap('; }
w=0
while ! pane_gone && [ $w -lt 25 ]; do sleep 0.2; w=$((w + 1)); done
ok "M hides the pane" pane_gone
tui_stop

tui_start 80 24 -g 64K -c 'goto 0x12345' -c mapping data.bin
tui_screen mapping-64k-80x24
tui_stop
is "quit exits 0" "$tui_rc" 0

# The data inspector at the foot of the pane: the bytes at the cursor
# (af b0 b1 b2 b3 b4 b5 b6 at 0x12345) in either byte order.
tui_start 80 24 -c 'goto 0x12345' -c mapping data.bin
expect_line 15 "the inspector says where and in which order" "data at 0x12345, little-endian"
expect_line 17 "little-endian u16 of af b0" "u16 45231 "
tui_send "e"
expect_line 15 "e: big-endian" "data at 0x12345, big-endian (e: little-endian)"
expect_line 17 "big-endian u16 of af b0" "u16 44976 "
expect_line 17 "big-endian u32 of af b0 b1 b2" "u32 2947592626 "
tui_send ":endian little" "<Enter>"
expect_line 15 ":endian little" "little-endian (e: big-endian)"
tui_send ":endian middle" "<Enter>"
expect_status ":endian refuses what is neither" "endian middle: give little or big"
tui_send "l"
expect_line 15 "the cursor moves: so does the inspector" "data at 0x12346"
expect_line 17 "... and its values" "u8 176 "
tui_send "G"
expect_line 17 "at the last byte (0x45): one byte left" "u8 69 "
expect_line 17 "... too few for u16" "u16 -  "
tui_send "M" "e"
expect_status "e with the pane hidden says where the inspector is" "big-endian (m shows it)"
tui_stop

tui_start 132 43 --granularity=64K --window=256K -o 0x12345 data.bin
tui_send "M"
tui_screen mapping-64k-256k-132x43
tui_stop
done_testing
