#!/bin/sh
# The quit question (flush, discard or stay) with edits pending is seen
# and answered in every view, whichever is on top (help, :messages, the
# life view, the tour), at every width (the choices are never cut; the
# keys alone on a tiny screen); how it went is said on the status line of
# the view the user is in next and kept in :messages, also back in the
# object list.
. "$top_srcdir/tests/tui/tui.sh"
tui_env="XDG_STATE_HOME='$tmp/state'"
make_data_file data.bin 4096
cp "$tmp/data.bin" "$tmp/orig.bin"
send_last() { for line in "$@"; do printf '%s\n' "$line" >&3; done; }

# Ctrl-C over :messages asks where it can be seen; s stays and says so there.
tui_start 80 24 data.bin
tui_send "i99<Esc>" ":messages"
tui_tmux send-keys -t tui C-c
tui_wait_text "s stay" || true
tui_screen quit-over-messages-80x24
tui_send "s"
expect_status "s over :messages: stayed, said on its status line" "stayed: the edits are still pending"
tui_send "q"
# over help, :quit asks, and a flush that fails is said there and the edits stay
tui_send "<F1>" ":quit"
expect_status "over help, :quit asks" "1 byte edited and not flushed: f flush, d discard, s stay"
touch -d 2001-01-01 "$tmp/data.bin"
tui_send "s"
tui_tmux send-keys -t tui C-c
tui_wait_text "s stay" || true
tui_screen quit-over-help-80x24
tui_send "f"
expect_status "a flush that fails is said over help, and it stays" "not flushed:"
tui_send "q"
# over the life view (L) Ctrl-C asks too, and d discards and quits
tui_send "L"
tui_tmux send-keys -t tui C-c
tui_wait_text "s stay" || true
expect_status "over the life view, Ctrl-C asks" "f flush, d discard, s stay"
tui_quit "d"
is "d discards and quits: exit 0" "$tui_rc" 0
ok "... the file unchanged" cmp -s "$tmp/data.bin" "$tmp/orig.bin"

# Over the tour, f flushes and quits.
tui_start 80 24 data.bin
tui_send "i99<Esc>" ":tour"
tui_tmux send-keys -t tui C-c
tui_wait_text "s stay" || true
expect_status "over the tour, Ctrl-C asks" "1 byte edited and not flushed: f flush, d discard, s stay"
tui_quit "f"
is "f flushes and quits: exit 0" "$tui_rc" 0
is "... the byte written" "$(od -An -tx1 -N1 "$tmp/data.bin" | tr -d ' ')" 99
cp "$tmp/orig.bin" "$tmp/data.bin"

# Ctrl-C while typing at the prompt: the question takes the keys.
tui_start 80 24 data.bin
tui_send "i99<Esc>"
tui_tmux send-keys -t tui ':' 'goto 1'
tui_wait_text ":goto 1" || true
tui_tmux send-keys -t tui C-c
tui_wait_text "s stay" || true
expect_status "Ctrl-C at the prompt asks" "f flush, d discard, s stay"
tui_quit "d"
is "... d answers it: exit 0" "$tui_rc" 0
ok "... the file unchanged" cmp -s "$tmp/data.bin" "$tmp/orig.bin"

# Narrow: the choices whole on the status line, the why wrapped above it.
tui_start 30 10 data.bin
tui_send "i99<Esc>" "q"
tui_screen quit-question-30x10
tui_send "s"
tui_resize 20 6
tui_send "q"
tui_screen quit-question-20x6
tui_send "s"
tui_resize 10 4
tui_send "q"
tui_screen quit-question-10x4
tui_quit "d"
is "answered at 10x4: exit 0" "$tui_rc" 0
ok "... the file unchanged" cmp -s "$tmp/data.bin" "$tmp/orig.bin"

# Tiny: where the question can be shown, its outcome is shown after it on
# the bottom row, in the hex view and in the life view (stayed; a flush
# that fails and stays); d quits.
for size in "20 6" "16 5" "10 4"; do
   cp "$tmp/orig.bin" "$tmp/data.bin"     # mtime now: the touch below changes it
   tui_start $size data.bin
   tui_send "i41<Esc>" "q"
   tui_send "s"
   expect_status "$size, hex view: the outcome (stayed) on the bottom row" "stay"
   tui_send "L"
   tui_tmux send-keys -t tui C-c
   tui_wait_text "s?" || true
   tui_send "s"
   expect_status "$size, life view: the outcome (stayed) on the bottom row" "stay"
   tui_send "q"
   touch -d 2001-01-01 "$tmp/data.bin"
   tui_send "q"
   tui_send "f"
   expect_status "$size, hex view: a flush that fails, on the bottom row" "not"
   tui_send "q"
   tui_quit "d"
   is "$size: d quits, exit 0" "$tui_rc" 0
   ok "... the file unchanged" cmp -s "$tmp/data.bin" "$tmp/orig.bin"
done

# From the object list: the outcome is said in the list and kept in :messages.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
   shm_obj="msq$$-quit"
   head -c 4096 /dev/zero >"/dev/shm/$shm_obj"
   on_exit "rm -f '/dev/shm/$shm_obj'"
   tui_start 100 24 -c "filter msq$$-quit"
   tui_send "<Enter>" "i42<Esc>" "q" "f"
   expect_status "f: back in the list, the flush is said" "shm:/$shm_obj: flushed: 1 byte in 1 page"
   is "... the byte written" "$(od -An -tx1 -N1 "/dev/shm/$shm_obj" | tr -d ' ')" 42
   tui_send "<Enter>" "i43<Esc>" "<Esc>" "d"
   expect_status "d: back in the list, the discard is said" "discarded the edits of 1 byte"
   tui_send ":messages"
   like "... the flush in :messages" "$(tui_capture)" "shm:/$shm_obj: flushed: 1 byte in 1 page"
   like "... the discard in :messages" "$(tui_capture)" "shm:/$shm_obj: discarded the edits of 1 byte"
   tui_send "q"
   tui_stop
   is "list: quit exits 0" "$tui_rc" 0
else
   for i in 1 2 3 4 5 6; do skip "the list's hex view" "no writable /dev/shm"; done
fi
done_testing
