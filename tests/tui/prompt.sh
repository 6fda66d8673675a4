#!/bin/sh
# The prompt (: / ? and the others) as readline and vi's command line have
# it: no silent limit (a line of thousands of bytes is taken whole, past
# PROMPT_MAX a key is refused with a word), Left Right Home End C-a C-e,
# C-w C-u C-k, Delete, insertion in the middle, Up and Down through the
# history of that prompt, Tab completing command names.
. "$top_srcdir/tests/tui/tui.sh"
a300=$(printf '%300s' '' | tr ' ' a)
printf '%s\n' "$a300" >"$tmp/aaa.txt"

tui_start 80 24 aaa.txt
a260=$(printf '%260s' '' | tr ' ' a)
tui_send "/${a260}Z<Enter>"
expect_status "a pattern of 261 bytes is searched whole" "not found"
a2000=$(printf '%2000s' '' | tr ' ' a)
tui_send "/$a2000" "$a2000" "Z<Enter>"
expect_status "a pattern of 4001 bytes too" "not found"
tui_send "/aZa<Left><BS><Enter>"
expect_status "Left, then Backspace removes the character before the cursor" "offset 0x1 = 1 "
tui_send "<Esc>:goto x5<Home><Right><Right><Right><Right><Right>0<C-e>1<Enter>"
expect_status "Home Right C-e: typing in the middle and at the end" "offset 0x51 = 81 "
tui_send "<Esc>:xgoto 0x12<C-a><Del><Enter>"
expect_status "C-a and Delete: the first character removed" "offset 0x12 = 18 "
tui_send "<Esc>:goto 0x1233<Left><Left><End><BS><Enter>"
expect_status "End goes back to the end" "offset 0x123 = 291 "
tui_send "<Esc>:goto 0x10 junk words<C-w><C-w><Enter>"
expect_status "C-w deletes a word before the cursor, twice two" "offset 0x10 = 16 "
tui_send "<Esc>:nothing at all<Left><Left><Left><C-u>goto 0x20<Enter>"
expect_status "C-u deletes what is before the cursor" "unexpected characters"
tui_send "<Esc>:goto 0x21 zz<Left><Left><Left><C-k><Enter>"
expect_status "C-k deletes what is after the cursor" "offset 0x21 = 33 "
tui_send "/ab<Left>"
is "the cursor stands where Left put it" "$(tui_tmux display -p -t tui '#{cursor_x}')" 7
tui_send "<Esc>"
x100=$(printf '%100s' '' | tr ' ' x)
tui_send "/${x100}TAIL<Home><Right>"
tui_screen prompt-cursor
is "Home on a long line: its start shows" "$(tui_tmux display -p -t tui '#{cursor_x}')" 2
tui_send "<Esc>"
# history: Up in / brings back the last pattern, not the last : line
tui_send "/aaa<Enter>" ":goto 0" "/<Up><Enter>"
expect_status "Up at / recalls the last pattern" "offset 0x1 = 1 "
tui_send "<Esc>:goto 0x30<Enter>" "<Esc>:<Up><Up><Down><Enter>"
expect_status "Up Up Down at : comes back to the last : line" "offset 0x30 = 48 "
# Tab completes command names from the tables
tui_send "<Esc>:go<Tab>0x40<Enter>"
expect_status ":go Tab is :goto" "offset 0x40 = 64 "
tui_send "<Esc>:g<Tab>"
expect_line 23 "an ambiguous start names the candidates above the prompt" "goto, granularity"
tui_send "<Esc>" "<Esc>:zzz<Tab>"
expect_line 23 "no command starts so: said" "no command starts with zzz"
tui_send "<Esc>"
# past PROMPT_MAX (65536 bytes) a key is refused, with a word
tui_send "/"
i=0
while [ $i -lt 33 ]; do tui_send "$a2000"; i=$((i + 1)); done
tui_send "$a2000"
expect_line 23 "past the limit: refused with a word" "the prompt holds at most 65536 bytes"
tui_send "<Esc>"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
