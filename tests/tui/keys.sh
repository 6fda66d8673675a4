#!/bin/sh
# Keys of less, vi, emacs and hexedit in the hex view: ? Enter and :rfind
# alone turn n backward, counts before / and ?, C-s (flow control is off
# while the screen is up), C-f C-b C-v C-e C-y C-n C-p, N C-d remembered,
# N% and Np, ZZ and ZQ, `a and ``, capital marks, :$ and :e!.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin 65536
first=$(od -An -tx1 -N1 "$tmp/data.bin" | tr -d ' ')
# "line two" is at 0x14 + 286 * k: 20 306 592 878 1164

tui_start 80 24 data.bin
tui_send "/line two<Enter>" "n" "n"
expect_status "/ then n n: the third match" "offset 0x250 = 592 "
tui_send "?<Enter>"
expect_status "? Enter: back one match" "offset 0x132 = 306 "
tui_send "n"
expect_status "... and n goes on backward, as in vi" "offset 0x14 = 20 "
tui_send "N"
expect_status "... N forward" "offset 0x132 = 306 "
tui_send "/<Enter>" "n"
expect_status "/ Enter turns it forward again" "offset 0x36e = 878 "
tui_send ":rfind" "n"
expect_status ":rfind alone: backward, and n after it too" "offset 0x132 = 306 "
tui_send ":goto 0" "3/line two<Enter>"
expect_status "3/PATTERN: the third match" "offset 0x250 = 592 "
tui_send "2?<Enter>"
expect_status "2? Enter: two matches back" "offset 0x14 = 20 "
tui_send ":goto 0"
tty=$(tui_tmux display -p -t tui '#{pane_tty}')
case "$(stty -F "$tty" -a 2>/dev/null)" in
   *-ixon*) ok "flow control (IXON) is off while the screen is up" true ;;
   '') skip "flow control: the pane's terminal cannot be read" ;;
   *) ok "flow control (IXON) is off while the screen is up" false ;;
esac
tui_tmux send-keys -t tui C-s
tui_wait_text ":find " 5 || true
tui_send "line two<Enter>"
expect_status "C-s searches forward, as in hexedit" "offset 0x14 = 20 "
tui_send ":goto 0" "<C-f>"
expect_status "C-f: a screen down" "offset 0x150 = 336 "
tui_send "<C-b>"
expect_status "C-b: a screen up" "offset 0x0 = 0 "
tui_send "<C-v>"
expect_status "C-v: a screen down (emacs)" "offset 0x150 = 336 "
tui_send ":goto 0" "<C-n><C-n><C-p>"
expect_status "C-n C-n C-p: a row down" "offset 0x10 = 16 "
top_row() { tui_capture | grep -m1 -o '^[0-9a-f]\{8\}'; }
tui_send ":goto 0" "<C-e><C-e><C-e>"
is "C-e scrolls a row at a time" "$(top_row)" 00000030
tui_send "<C-y>"
is "C-y scrolls back a row" "$(top_row)" 00000020
tui_send ":goto 0" "3<C-d>"
expect_status "3 C-d: three rows" "offset 0x30 = 48 "
tui_send "<C-d>"
expect_status "C-d then: three rows again" "offset 0x60 = 96 "
tui_send "<C-u>"
expect_status "C-u too" "offset 0x30 = 48 "
tui_send "50%"
expect_status "50%: half way" "offset 0x8000 = 32768 "
tui_send "25p"
expect_status "25p: a quarter, as less" "offset 0x4000 = 16384 "
tui_send "%"
expect_status "% alone says what it wants" "type a count first"
tui_send ":goto 0x40" "mA" ":goto 0x80" "ma" "G" "\`A"
expect_status "mA and \`A: capital marks" "offset 0x40 = 64 "
tui_send "\`a"
expect_status "\`a: back to mark a" "offset 0x80 = 128 "
tui_send "\`\`"
expect_status "\`\`: back where the jump came from" "offset 0x40 = 64 "
tui_send "<Esc>:$<Enter>"
expect_status ":\$ goes to the end" "offset 0xffff = 65535 "
tui_send ":goto 0" "i41<Esc>" ":e"
expect_status ":e refuses while edits are pending" "edits are pending"
tui_send ":e!"
expect_status ":e! drops them and reopens, and says both" \
   "dropped 1 edited byte; reopened the same object: 65536"
is ":e! wrote nothing" "$(od -An -tx1 -N1 "$tmp/data.bin" | tr -d ' ')" "$first"
case "$(tui_capture | sed -n 2p)" in
   *edited*) ok "... and the edit is gone from the title" false ;;
   *) ok "... and the edit is gone from the title" true ;;
esac
tui_send "i42<Esc>" "Zx"
expect_status "Z then another key: said" "only ZZ and ZQ"
tui_quit "ZQ"
is "ZQ quits at once, exit 0" "$tui_rc" 0
is "ZQ dropped the edit" "$(od -An -tx1 -N1 "$tmp/data.bin" | tr -d ' ')" "$first"

tui_start 80 24 data.bin
tui_send "i43<Esc>"
tui_quit "ZZ"
is "ZZ flushes and quits, exit 0" "$tui_rc" 0
is "ZZ wrote the edit" "$(od -An -tx1 -N1 "$tmp/data.bin" | tr -d ' ')" 43
done_testing
