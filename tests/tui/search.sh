#!/bin/sh
# Search on the screen: / forward, ? backward, n and N, wrap-around with a
# message, hex patterns with ?? and case-insensitive text, bad patterns,
# pending edits seen by the search, the matches on screen highlighted, and
# a long search cancelled with Esc and with Ctrl-C.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin 65536
# "line two" is at 0x14 + 286 * k (the test data repeats every 286 bytes).

tui_start 80 24 --color=always data.bin
tui_send "/line two<Enter>"
expect_status "/ finds the first match after the cursor" "offset 0x14 = 20 "
tui_screen search-80x24
tui_send "n"
expect_status "n: the next one" "offset 0x132 = 306 "
tui_send "N"
expect_status "N: the previous one" "offset 0x14 = 20 "
tui_send "N"
expect_status "N at the first match wraps to the last" "search wrapped around"
last=$(( (65536 - 8 - 20) / 286 * 286 + 20 ))
expect_status "the last match" "$(printf 'offset 0x%x = %d ' $last $last)"
tui_send "n"
expect_status "n at the last match wraps to the first" "search wrapped around"
expect_status "the first match" "offset 0x14 = 20 "
tui_send "?MAPSCOPE<Enter>"
expect_status "? is case-sensitive: MAPSCOPE is not there" "not found: MAPSCOPE"
tui_send "?i:MAPSCOPE<Enter>"
expect_status "? with i: searches backward, either case" "offset 0x0 = 0 "
tui_send "n"
expect_status "n goes on backward after ? (wraps)" "search wrapped around"
tui_send ":goto 0" ":find x:6c 69 ?? 65"
expect_status ":find with hex and a wildcard" "offset 0x14 = 20 "
tui_send ":find x:6z"
expect_status "a bad pattern says what is wrong" "bad pattern x:6z"
tui_send ":goto 0x100" "i<Tab>QQQQ<Esc><Tab>" ":goto 0"
tui_send "/QQQQ<Enter>"
expect_status "the search sees pending edits" "offset 0x100 = 256 "
tui_send ":discard"
# the highlight: the bytes of every match on screen in another look
tui_send ":goto 0" "/test<Enter>"
# (black on yellow: the SGR 43 of the match style: on each of the four hex
# pairs, and on the text, which tmux may draw as one run)
hl=$(tui_tmux capture-pane -e -p -t tui | sed -n 3p | grep -o '\[43m' | wc -l)
ok "matches on screen are highlighted (hex and text)" [ "$hl" -ge 5 ]
nohl=$(tui_tmux capture-pane -e -p -t tui | sed -n 4p | grep -o '\[43m' | wc -l)
is "a row without a match has no highlight" "$nohl" 0
tui_send "<Esc>"
tui_stop
is "quit exits 0" "$tui_rc" 0

# ---- cancel: the test hook makes the search wait for a key at its first
# poll, so it is certainly running when Esc or Ctrl-C arrives ----------
make_data_file big.bin 4194304
tui_env="MAPSCOPE_TEST_SEARCH_WAIT=1"
tui_start 80 24 big.bin
printf '/nowhere to be found<Enter>\n' >&3
ok "progress shows while searching" tui_wait_text "searching:"
tui_tmux send-keys -t tui Escape
tui_send
expect_status "Esc cancels the search" "search cancelled"
printf '/nowhere to be found<Enter>\n' >&3
tui_wait_text "searching:" || true
tui_tmux send-keys -t tui C-c
tui_send
expect_status "Ctrl-C cancels the search" "search cancelled"
tui_send ":goto 0x10"
expect_status "and mapscope goes on" "offset 0x10 = 16 "
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
