#!/bin/sh
# Start-up: -o, -c, --cols, colours and NO_COLOR, refusals before the screen
# starts, Ctrl-C, and Ctrl-Z from a shell with job control.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin
: >"$tmp/empty.bin"

run_ms "$tmp/empty.bin"
is "an empty file: exit 1" "$rc" 1
like "an empty file is refused" "$err" "cannot map a zero-length object"
is "nothing drawn on stdout" "$out" ""
run_ms "$tmp/data.bin" </dev/null
is "not a terminal: exit 1" "$rc" 1
like "not a terminal: said so" "$err" "cannot start the screen"
run_ms --color=sometimes "$tmp/data.bin"
is "bad --color: exit 2" "$rc" 2
run_ms --cols=0 "$tmp/data.bin"
is "bad --cols: exit 2" "$rc" 2
run_ms -o 1M "$tmp/data.bin"
like "-o past the end is refused" "$err" "past the end"
run_ms --script "$tmp/none" "$tmp/data.bin"
is "missing script: exit 1" "$rc" 1

tui_start 80 24 -o 0x100 data.bin
expect_status "-o sets the cursor" "offset 0x100 = 256"
tui_stop

tui_start 80 24 --cols=8 -c 'goto 0x40' -c bogus data.bin
tui_screen cols8-80x24
tui_stop

# -c quit: runs and exits without waiting for a key.
tui_server
tui_tmux new-session -d -s once -x 80 -y 24 \
   "cd '$tmp' && '$MAPSCOPE' -c 'goto end' -c quit data.bin; echo \$? >'$tmp/once'"
ok "-c 'goto end' -c quit exits by itself" tui_wait_file "$tmp/once"
is "-c quit exits 0" "$(cat "$tmp/once")" 0

# Colours: byte classes in colour by default, none with NO_COLOR or never.
colours() { tui_tmux capture-pane -p -e -t tui | grep -c '\[3[0-7]m\|\[3[0-7];'; }
coloured() {
   w=0
   while [ "$(colours)" -eq 0 ] && [ $w -lt 25 ]; do sleep 0.2; w=$((w + 1)); done
   [ "$(colours)" -gt 0 ]
}
tui_start 80 24 data.bin
ok "colours by default" coloured
tui_stop
tui_env="NO_COLOR=1"
tui_start 80 24 data.bin
is "NO_COLOR: no colours" "$(colours)" 0
tui_stop
tui_start 80 24 --color=always data.bin
ok "--color=always beats NO_COLOR" coloured
tui_stop
tui_env=""
tui_start 80 24 --color=never data.bin
is "--color=never: no colours" "$(colours)" 0
tui_stop

# Ctrl-C quits cleanly.
tui_start 80 24 data.bin
tui_tmux send-keys -t tui C-c
ok "Ctrl-C quits" tui_wait_file "$tmp/exit"
is "Ctrl-C: exit 0" "$(cat "$tmp/exit")" 0
exec 3>&-

# SIGTERM quits cleanly too, with the status of the signal.
tui_start 80 24 data.bin
shell_pid=$(tui_tmux display-message -p -t tui '#{pane_pid}')
ms_pid=$(ps -o pid= --ppid "$shell_pid" | tr -d ' ')
kill -TERM "$ms_pid"
ok "SIGTERM quits" tui_wait_file "$tmp/exit"
is "SIGTERM: exit 143" "$(cat "$tmp/exit")" 143
exec 3>&-

# SIGQUIT (kill -QUIT, or Ctrl-\ from the keyboard) restores the terminal
# too: it left the shell without echo and canonical input.
tui_server
tui_tmux new-session -d -s quit -x 80 -y 24 \
   "cd '$tmp' && env TERM=screen LC_ALL=C.UTF-8 '$MAPSCOPE' data.bin 2>'$tmp/stderr.q'; echo \$? >'$tmp/exit.q'; stty -a | tr ' ;' '\n\n' | grep -x -e echo -e icanon | tr '\n' ' ' >'$tmp/stty.t'; mv '$tmp/stty.t' '$tmp/stty.q'; sleep 60"
quit_text() { tui_tmux capture-pane -p -t quit | grep -qF -- "$1"; }
w=0; while ! quit_text "offset 0x0 = 0" && [ $w -lt 200 ]; do w=$((w + 1)); sleep 0.05; done
shell_pid=$(tui_tmux display-message -p -t quit '#{pane_pid}')
ms_pid=$(ps -o pid= --ppid "$shell_pid" | tr -d ' ')
kill -QUIT "$ms_pid"
ok "SIGQUIT quits" tui_wait_file "$tmp/stty.q"
is "SIGQUIT: exit 131" "$(cat "$tmp/exit.q")" 131
is "SIGQUIT: the terminal is restored (icanon, echo)" "$(cat "$tmp/stty.q")" "icanon echo "
tui_tmux kill-session -t quit

# Ctrl-Z in a shell: the shell gets a sane terminal, fg brings the screen back.
command -v bash >/dev/null || { done_testing; }
tui_server
tui_tmux new-session -d -s sh -x 80 -y 24 \
   "cd '$tmp' && env -i PATH='$PATH' TERM=screen LC_ALL=C.UTF-8 PS1='$ ' bash --norc --noprofile -i"
sh_text() { tui_tmux capture-pane -p -t sh | grep -qF -- "$1"; }
wait_sh() { w=0; while ! sh_text "$1"; do w=$((w + 1)); [ $w -gt 600 ] && { tui_tmux capture-pane -p -t sh >&2; return 1; }; sleep 0.05; done; }
ok "the shell prompts" wait_sh '$'
tui_tmux send-keys -t sh "'$MAPSCOPE' data.bin" Enter
ok "started from a shell" wait_sh "offset 0x0 = 0"
tui_tmux send-keys -t sh C-z
ok "Ctrl-Z suspends" wait_sh "Stopped"
tui_tmux send-keys -t sh "stty -a | tr ' ;' '\n\n' | grep -x -e echo -e icanon | tr '\n' ' '; echo END" Enter
ok "the shell has its terminal back (icanon, echo)" wait_sh "icanon echo END"
tui_tmux send-keys -t sh "clear; fg" Enter
ok "fg redraws the screen" wait_sh "offset 0x0 = 0"
tui_tmux send-keys -t sh "q"
tui_tmux send-keys -t sh "stty -a | tr ' ;' '\n\n' | grep -x -e echo -e icanon | tr '\n' ' '; echo QUIT" Enter
ok "q restores the terminal" wait_sh "icanon echo QUIT"
done_testing
