#!/bin/sh
# Messages that describe the screen's size hold for that size only: --cols
# wider than the terminal says once what it shows instead, the mapping
# pane too tall for the terminal says what it needs; a resize says it
# again with the new numbers, or takes it back when it fits (or no longer
# matters), and leaves any other message alone.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin 65536

# bytes in the first row of data
row_bytes() { tui_capture | grep '^00000000 ' |
              awk '{ n = 0; for (i = 2; i <= NF && $i ~ /^[0-9a-f][0-9a-f]$/; i++) n++; print n }'; }

tui_start 80 24 --cols=256 data.bin
expect_status "--cols 256 on 80 columns says what it shows" \
   "256 bytes a row, as asked, do not fit in 80 columns: showing 16 bytes a row"
is "... and shows that" "$(row_bytes)" 16
tui_send "<Esc>" "j"
is "said once: not again at the same size" "$(tui_capture | sed -n '$p' | grep -c 'do not fit')" 0
tui_resize 100 24
expect_status "a resize that still does not fit says it with the new numbers" \
   "256 bytes a row, as asked, do not fit in 100 columns: showing"
tui_resize 1100 24
is "a resize that fits takes it back" "$(tui_capture | sed -n '$p' | grep -c 'do not fit')" 0
is "... and shows the 256 bytes asked for" "$(row_bytes)" 256
tui_resize 80 24
expect_status "narrow again: said again" "256 bytes a row, as asked, do not fit in 80 columns: showing 16"
tui_send ":bogus"
tui_resize 1100 24
expect_status "a resize leaves another message alone" "unknown command: bogus"
tui_stop
is "quit exits 0" "$tui_rc" 0

tui_start 80 24 --cols=16 data.bin
is "--cols that fits: no message" "$(tui_capture | sed -n '$p' | grep -c 'do not fit')" 0
tui_stop

# the mapping pane
tui_start 80 10 data.bin
tui_send "M"
expect_status "M on a short terminal says what the pane needs" \
   "the mapping pane needs"
need=$(tui_capture | sed -n '$p' | sed -n 's/.*needs \([0-9]*\) rows.*/\1/p')
has=$(tui_capture | sed -n '$p' | sed -n 's/.*the screen has \([0-9]*\):.*/\1/p')
ok "... in rows, and what the screen has" test -n "$need" -a -n "$has"
tui_resize 80 11
expect_status "a resize still too short says it with the new height" \
   "needs $need rows and the screen has $((has + 1)):"
tui_resize 80 60
is "a resize that fits the pane takes the message back" \
   "$(tui_capture | grep -c 'the mapping pane needs')" 0
like "... and the pane shows" "$(tui_capture)" "mapping (M hides)"
tui_resize 80 10
expect_status "short again: said again" "the mapping pane needs $need rows"
tui_send "M"
is "M hides the pane: the message goes with it" \
   "$(tui_capture | grep -c 'the mapping pane needs')" 0
tui_resize 80 9
is "... and no resize brings it back while the pane is hidden" \
   "$(tui_capture | grep -c 'the mapping pane needs')" 0
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
