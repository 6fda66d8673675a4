#!/bin/sh
# --demo on a terminal: the scene in the object list, and nothing left
# behind after q, SIGTERM, Ctrl-C, or when the writer dies.
. "$top_srcdir/tests/tui/tui.sh"
. "$top_srcdir/tests/cli/objects-lib.sh"

need_shm

platform_tmp() { case "${TMPDIR:-}" in /*) echo "$TMPDIR" ;; *) echo /tmp ;; esac; }

# Start the demo's screen; sets $demo and $writer from its title.
demo_start() {
   tui_start 80 24 --demo
   tui_wait_text "mapscope demo (pid" || { echo "Bail out! the demo did not start"; exit 1; }
   title=$(tui_capture | sed -n 1p)
   demo=$(printf '%s\n' "$title" | sed -n 's/.*mapscope demo (pid \([0-9]*\), writer \([0-9]*\)).*/\1/p')
   writer=$(printf '%s\n' "$title" | sed -n 's/.*mapscope demo (pid \([0-9]*\), writer \([0-9]*\)).*/\2/p')
   on_exit "kill $demo $writer 2>/dev/null; rm -f /dev/shm/*mapscope-demo-$demo* '$(platform_tmp)/mapscope-demo-$demo.bin'; for id in \$(awk -v p=$demo 'NR > 1 && \$5 == p { print \$2 }' /proc/sysvipc/shm); do ipcrm -m \$id; done 2>/dev/null"
}

# What of the scene exists now: one word per kind of thing found.
leftovers() {
   found=""
   ls /dev/shm 2>/dev/null | grep -q "mapscope-demo-$demo" && found="$found shm"
   awk -v p="$demo" 'NR > 1 && $5 == p { f = 1 } END { exit !f }' /proc/sysvipc/shm && found="$found sysv"
   [ -e "$(platform_tmp)/mapscope-demo-$demo.bin" ] && found="$found file"
   kill -0 "$writer" 2>/dev/null && found="$found writer"
   echo "${found# }"
}

wait_exit() {
   tui_wait_file "$tmp/exit"
   i=0
   while kill -0 "$writer" 2>/dev/null && [ $i -lt 50 ]; do i=$((i + 1)); sleep 0.1; done
}

# ---- q ----
demo_start
ok "the demo's pid is in the title" test -n "$demo"
ok "the scene's shm object is listed" tui_wait_text "/mapscope-demo-$demo "
ok "the colliding semaphore is listed" tui_wait_text "/mapscope-demo-$demo.clash"
ok "the System V segment is listed" tui_wait_text "sysv-shm"
ok "only the scene is listed" sh -c "! tmux -S '$tui_sock' capture-pane -p -t tui | sed -n '4,12p' | grep -v -e 'mapscope-demo-$demo' -e '^ *\$' -e 'sysv-shm'"
is "the scene exists while it is shown" "$(leftovers)" "shm sysv file writer"
tui_send ":filter mapscope-demo-$demo" "<Enter>"
ok "Enter opens the shm object with its header" tui_wait_text "MSDEMO1"
tui_send "q"
tui_stop
is "q: exit 0" "$tui_rc" 0
wait_exit
is "q: nothing left behind" "$(leftovers)" ""

# ---- SIGTERM ----
demo_start
kill -TERM "$demo"
wait_exit
is "SIGTERM: exit 143" "$(cat "$tmp/exit")" 143
is "SIGTERM: nothing left behind" "$(leftovers)" ""
exec 3>&-

# ---- Ctrl-C ----
demo_start
tui_tmux send-keys -t tui C-c
wait_exit
is "Ctrl-C: exit 0" "$(cat "$tmp/exit")" 0
is "Ctrl-C: nothing left behind" "$(leftovers)" ""
exec 3>&-

# ---- the writer dies ----
demo_start
kill -KILL "$writer"
wait_exit
is "writer killed: exit 1" "$(cat "$tmp/exit")" 1
like "writer killed: said so" "$(cat "$tmp/stderr")" "the writer process ended"
is "writer killed: nothing left behind" "$(leftovers)" ""
exec 3>&-

done_testing
