#!/bin/sh
# SIGTERM, SIGHUP and SIGQUIT end the screen without asking (Ctrl-C asks
# when edits are pending); with edits pending, once the terminal is back,
# standard error says how many edited bytes were discarded and that nothing
# was written to the object; the exit status stays 128 + the signal.
. "$top_srcdir/tests/tui/tui.sh"

make_data_file data.bin 8192
cp "$tmp/data.bin" "$tmp/orig.bin"

# The pid of the mapscope the tmux pane runs (the pane's shell runs it).
ms_pid() {
   shell=$(tui_tmux display-message -p -t tui '#{pane_pid}')
   ps -o pid= --ppid "$shell" | tr -d ' ' | head -n 1
}

# end_by SIG: send SIG to mapscope, wait for it to end; $tui_rc its status.
end_by() {
   pid=$(ms_pid)
   [ -n "$pid" ] && kill -"$1" "$pid"
   tui_wait_file "$tmp/exit" || tui_fail "mapscope ended on SIG$1"
   tui_rc=$(cat "$tmp/exit" 2>/dev/null)
   exec 3>&-
}

for sig in TERM:143 HUP:129 QUIT:131; do
   name=${sig%%:*} want=${sig#*:}
   tui_start 80 24 data.bin
   tui_send "i4142<Esc>"
   like "SIG$name: two bytes edited first" "$(tui_capture | grep '^00000000 ')" "00000000  41 42"
   end_by "$name"
   is "SIG$name with edits pending: exit status $want" "$tui_rc" "$want"
   is "... stderr says what was discarded and that nothing was written" "$(cat "$tmp/stderr")" \
      "mapscope: data.bin: the edits of 2 bytes were discarded: nothing was written to it (ended by SIG$name)"
   ok "... and nothing was" cmp "$tmp/data.bin" "$tmp/orig.bin"
done

# one byte: the singular
tui_start 80 24 data.bin
tui_send "i41<Esc>"
end_by TERM
is "one byte: said in the singular" "$(cat "$tmp/stderr")" \
   "mapscope: data.bin: the edit of 1 byte was discarded: nothing was written to it (ended by SIGTERM)"

# without edits: nothing to say, the same status
tui_start 80 24 data.bin
end_by TERM
is "SIGTERM without edits: exit status 143" "$tui_rc" 143
is "... and nothing on stderr" "$(cat "$tmp/stderr")" ""

# Ctrl-C asks first, and stays when told to
tui_start 80 24 data.bin
tui_send "i41<Esc>" "<C-c>"
expect_status "Ctrl-C with edits pending asks" "f flush, d discard, s stay"
tui_send "s"
expect_status "... and stays" "stayed: the edits are still pending"
tui_quit ":q!"
is ":q! then exits 0" "$tui_rc" 0
is "... having said nothing on stderr (the user chose)" "$(cat "$tmp/stderr")" ""
ok "... nothing was written" cmp "$tmp/data.bin" "$tmp/orig.bin"
done_testing
