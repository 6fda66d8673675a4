#!/bin/sh
# The edit mode's message matches the mode and the pane: Tab in edit mode
# says the other pane, Esc (or i again) leaves the mode and the message
# goes with it; a message said meanwhile is not taken away.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin 4096

tui_start 100 12 data.bin
tui_send "i"
expect_status "i: the hex pane" "editing the hex pane: type hex digits; Tab: text pane"
tui_send "<Tab>"
tui_screen edit-note-tab-100x12
expect_status "Tab: the message says the text pane" "editing the text pane: type characters; Tab: hex pane"
tui_send "<Tab>"
expect_status "Tab again: the hex pane" "editing the hex pane"
tui_send "<Esc>"
tui_screen edit-note-esc-100x12
case "$(tui_capture | sed -n '$p')" in
*editing*) ok "Esc: the edit message goes" false ;;
*) ok "Esc: the edit message goes" true ;;
esac
tui_send "jj"
case "$(tui_capture | sed -n '$p')" in
*editing*) ok "... and stays gone when moving" false ;;
*) ok "... and stays gone when moving" true ;;
esac
tui_send "i" "i"
case "$(tui_capture | sed -n '$p')" in
*editing*) ok "i twice: out of edit mode, no edit message" false ;;
*) ok "i twice: out of edit mode, no edit message" true ;;
esac
tui_send "i" ":goto 0x10" "<Esc>"
expect_status "another message said meanwhile stays" "0x10"
tui_stop
is "quit exits 0" "$tui_rc" 0

# Another user's file: the screen says mapscope must be started with -w
# (it has no way to allow it itself), not just "-w allows".
if [ "$(id -u)" -eq 0 ]; then
   cp "$tmp/data.bin" "$tmp/theirs.bin"
   chown 65534:65534 "$tmp/theirs.bin"
   tui_start 80 12 theirs.bin
   tui_send "i"
   expect_status "i on another user's file: needs mapscope started with -w" \
      "uid 65534 owns it; editing it needs mapscope started with -w"
   tui_stop
   is "quit exits 0" "$tui_rc" 0
else
   skip "another user's file" "needs root to chown"
   skip "quit" "needs root to chown"
fi
done_testing
