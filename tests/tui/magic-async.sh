#!/bin/sh
# The first screen never waits for the libmagic child: the screen is up
# while the child still runs, and the type fills the title in when it
# arrives, without a key.  A child that never answers is killed at its
# deadline and the title says the type is unknown.  The viewer never
# loads libmagic or libseccomp: only the child does.  (Interactive runs: a
# key script waits for the type on purpose.)
. "$top_srcdir/tests/tui/tui.sh"
printf 'plain words\nin a text file\n' >"$tmp/text.txt"

# screen_start ENV: mapscope on text.txt in tmux, with no key script.
screen_start() {
   tui_tmux kill-server >/dev/null 2>&1
   tui_server
   tui_tmux new-session -d -s tui -x 100 -y 24 \
      "cd '$tmp' && exec env TERM=screen LC_ALL=C.UTF-8 $1 '$MAPSCOPE' text.txt 2>'$tmp/stderr'"
   tui_tmux set-option -t tui status off >/dev/null
}
mapscope_pid() { tui_tmux display-message -p -t tui '#{pane_pid}'; }

screen_start ""
ok "the first screen is drawn" tui_wait_text "offset 0x0 = 0"
ok "the type fills the title in, with no key pressed" tui_wait_text "ASCII text"
# libmagic and libseccomp are loaded by the child alone: the viewer, which
# has drawn its screen and shown the child's answer, never mapped them.
viewer=$(mapscope_pid)
is "the viewer maps neither libmagic nor libseccomp" \
   "$(grep -cE 'libmagic|libseccomp|liblzma|libbz2' "/proc/$viewer/maps")" 0
tui_tmux send-keys -t tui q

screen_start "MAPSCOPE_TEST_SANDBOX=spin"
# The first capture that shows the screen: a screen that waited for the
# child would show its verdict in that same frame.
w=0
first=""
while [ $w -lt 400 ]; do
   first=$(tui_capture)
   case "$first" in *"offset 0x0 = 0"*) break ;; esac
   w=$((w + 1))
   sleep 0.05
done
like "a child that never answers: the first screen is drawn all the same" "$first" "offset 0x0 = 0"
ok "... before the child's end (no verdict on the type in it)" \
   test -z "$(printf '%s\n' "$first" | grep -F 'type unknown')"
pid=$(mapscope_pid)
# The lookup starts just after the first screen: give it a moment.
w=0
while [ -z "$(pgrep -P "$pid" 2>/dev/null)" ] && [ $w -lt 40 ]; do sleep 0.05; w=$((w + 1)); done
child=$(pgrep -P "$pid" 2>/dev/null | head -n 1)
ok "... the child runs beside the screen (or has met its deadline already)" \
   sh -c "test -n '$child' || '$TMUX_BIN' -S '$tui_sock' capture-pane -p -t tui | grep -qF 'type unknown'"
ok "the child is killed at its deadline and the title says so" tui_wait_text "(type unknown)" 15
ok "... the child is gone" sh -c "test -z '$child' || ! kill -0 '$child' 2>/dev/null"
tui_tmux send-keys -t tui j
ok "... j moves the cursor" tui_wait_text "offset 0x10 = 16"
tui_tmux send-keys -t tui q
done_testing
