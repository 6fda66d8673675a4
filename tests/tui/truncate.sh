#!/bin/sh
# A file that shrinks under the view: the new size and a message, never
# SIGBUS.  One that grows is picked up by :reload and by the periodic check.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin

tui_start 80 24 data.bin
tui_send ":goto 0xc000"
truncate -s 16K "$tmp/data.bin"
tui_send "j"
tui_screen truncate-80x24
truncate -s 128K "$tmp/data.bin"
tui_send ":reload"
expect_status "reload sees the growth" "131072 bytes"
tui_send "<Esc>G"
expect_status "and the end is the new end" "offset 0x1ffff = 131071"
truncate -s 256K "$tmp/data.bin"
ok "the periodic check sees growth without a key" tui_wait_text "grew to 262144 bytes"
truncate -s 0 "$tmp/data.bin"
tui_send "k"
expect_status "an emptied file says so" "the object is now empty"
tui_stop
is "still alive, quit exits 0" "$tui_rc" 0
is "nothing on stderr" "$(cat "$tmp/stderr")" ""
done_testing
