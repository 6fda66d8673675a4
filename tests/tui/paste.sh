#!/bin/sh
# Typed-ahead keys (a paste) at the prompt are all taken, in order, and
# the keys after the line's Enter go on as typed: a 20,000-byte pattern
# pasted at / is searched whole; a paste of several : lines runs each.
. "$top_srcdir/tests/tui/tui.sh"
a=$(printf '%19997s' '' | tr ' ' a)
# the pattern (a x 19997, END) matches at offset 1 alone, and only whole:
# a byte lost matches later or not at all
printf 'b%sENDb\n' "$a" >"$tmp/paste.txt"
printf '%sEND' "$a" >"$tmp/pattern"
is "the pattern is 20,000 bytes" "$(wc -c <"$tmp/pattern" | tr -d ' ')" 20000

tui_start 80 24 paste.txt
tui_send ":goto 0x100"
expect_status "the cursor starts away from the match" "offset 0x100 = 256 "
tui_tmux send-keys -t tui /
tui_wait_text "/" 10 || true
tui_tmux load-buffer -b pat "$tmp/pattern"
tui_tmux paste-buffer -d -b pat -t tui
tui_wait_text "aaaEND" 120 || true
expect_status "the prompt shows the end of the paste" "aaaEND"
tui_tmux send-keys -t tui Enter
tui_wait_text "offset 0x1 = 1 " 30 || true
expect_status "the search used all 20,000 bytes: found at 1" "offset 0x1 = 1 "

# lines pasted at once: each Enter runs its line, the next : opens the prompt again
printf ':goto 0x10\n:goto 0x4e20\n' >"$tmp/lines"
tui_tmux load-buffer -b lines "$tmp/lines"
tui_tmux paste-buffer -d -b lines -t tui
tui_wait_text "offset 0x4e20 = 20000 " 30 || true
expect_status "two : lines pasted: both ran, the last one last" "offset 0x4e20 = 20000 "
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
