#!/bin/sh
# A 5 GiB sparse file: the end and the middle, with a wider offset column.
. "$top_srcdir/tests/tui/tui.sh"
truncate -s 5G "$tmp/huge.img" 2>/dev/null || skip_all "no sparse files here"
printf 'the end' | dd of="$tmp/huge.img" bs=1 seek=$((5 * 1024 * 1024 * 1024 - 7)) \
   conv=notrunc 2>/dev/null

tui_start 80 24 huge.img
tui_send ":goto end"
tui_screen huge-end-80x24
tui_send ":goto 50%"
tui_screen huge-50-80x24
# Zeros in a hole: found by arithmetic, both ways, over 5 GiB at once.
tui_send ":goto end" "?x:00 00<Enter>"
expect_status "? 00 00 from the end: the last zeros of the hole" "offset 0x13ffffff7 = 5368709111 "
tui_send "n"
expect_status "n after ?: the match before it" "offset 0x13ffffff6 = 5368709110 "
tui_send ":goto 0x100" "/\\0\\0\\0<Enter>"
expect_status "/ \\0\\0\\0 inside the hole: the next byte" "offset 0x101 = 257 "
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
