#!/bin/sh
# Moving around: page down, goto 50%, cursor keys, the wheel, g and G, keys
# as a real terminal sends them, and the command line's errors.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin

tui_start 80 24 data.bin
tui_send "<PgDn>"
tui_screen pagedown-80x24
tui_send ":goto 50%"
tui_screen goto50-80x24
tui_send "jjjll"
expect_status "j and l move the cursor (hex and decimal)" "offset 0x8032 = 32818"
tui_send "kh<Up><Left><Down><Right>"
expect_status "k, h and the arrows" "offset 0x8021 = 32801"
tui_send "g"
expect_status "g goes to the start" "offset 0x0 = 0"
tui_send "<WheelDown><WheelDown>"
expect_line 3 "the wheel scrolls three rows" "00000060  "
tui_send "G"
expect_status "G goes to the last byte" "offset 0xffff = 65535"
tui_send "<Home><C-d>"
expect_status "C-d goes down half a screen" "offset 0xb0 = 176"
tui_send "<C-u><End>b"
tui_send "<PgUp>"
expect_status "PgUp goes back a screen" "offset 0xfd5f = 64863"
tui_send ":0x100"
expect_status ":N is :goto N" "offset 0x100 = 256"
tui_send ":goto +0x10"
expect_status ":goto +N moves forward" "offset 0x110 = 272"
tui_send ":goto .-0x10"
expect_status ":goto .-N moves back" "offset 0x100 = 256"
tui_send ":goto .+020"
expect_status ":goto .+N moves forward, 020 is octal" "offset 0x110 = 272"
tui_send ":goto .-0x1000"
expect_status ":goto .-N that passes the start is refused" "would move before the start"
tui_send ":goto -0x10"
expect_status ":goto -N counts from the end, as -o -N does" "offset 0xfff0 = 65520"
tui_send ":goto 100%"
expect_status ":goto 100% is the last byte" "offset 0xffff = 65535"
tui_send ":goto -0x10001"
expect_status ":goto -N before the start is refused" "is before the start of the"
tui_send ":goto 1KB"
expect_status ":goto 1KB is 1000 bytes" "offset 0x3e8 = 1000"
tui_send ":goto 1M"
expect_status ":goto past the end is refused" "is past the end"
tui_send ":frobnicate"
expect_status "an unknown command says so" "unknown command: frobnicate"
tui_send ":g 0"
expect_status "an ambiguous prefix names its candidates" "g is ambiguous: goto, granularity"

# The mouse: a click on a byte puts the cursor there, in either pane.  At
# 80 columns rows start at screen row 2, the hex pane at column 10 (byte 9
# at 10 + 28), the text pane at column 60.
tui_send ":goto 0" "<Click:3,38>"
expect_status "a click on a hex pair: that byte" "offset 0x19 = 25"
tui_send "<Click:3,40>"
expect_status "the gap after a pair counts as its byte" "offset 0x19 = 25"
tui_send "<Click:4,65>"
expect_status "a click in the text pane: that byte" "offset 0x25 = 37"
tui_send "iZ<Esc>"
expect_line 5 "... and typing goes to the text pane" "00000020  02 03 04 05 06 5a"
tui_send ":discard" "<Click:4,3>"
expect_status "a click on the offset column does nothing" "offset 0x26 = 38"
tui_send "<Click:0,20>"
expect_status "nor one on the title" "offset 0x26 = 38"

# Keys as the terminal sends them, through tmux: the same screen as above.
tui_send ":goto 0"
tui_tmux send-keys -t tui NPage
ok "PgDn from the terminal" tui_wait_text "offset 0x150 = 336"
tui_screen pagedown-80x24
tui_tmux send-keys -t tui ':goto 50%' Enter
ok ":goto typed at the prompt" tui_wait_text "offset 0x8000 = 32768"
tui_screen goto50-80x24

tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
