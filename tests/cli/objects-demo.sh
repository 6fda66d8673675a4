#!/bin/sh
# --demo builds its scene, keeps the counter moving, and leaves nothing
# behind: after Enter, after SIGINT, when its writer dies, and (through the
# writer) when it is killed outright.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/objects-lib.sh"

need_shm
mqueue_setup

# Start the demo on a FIFO; sets $demo (its pid), $writer, $sysv_id.
n_demo=0
demo_start() {
   n_demo=$((n_demo + 1))
   fifo="$tmp/demo$n_demo.in"
   log="$tmp/demo$n_demo.out"
   mkfifo "$fifo"
   with_mq "$MAPSCOPE" --demo <"$fifo" >"$log" 2>"$tmp/demo$n_demo.err" &
   demo_job=$!
   exec 8>"$fifo"
   await_line "$log" "Press Enter" "$demo_job" "$tmp/demo$n_demo.err" "the demo did not start"
   demo=$(sed -n 's/^mapscope demo (pid \([0-9]*\)).*writer (pid \([0-9]*\)).*/\1/p' "$log")
   writer=$(sed -n 's/^mapscope demo (pid \([0-9]*\)).*writer (pid \([0-9]*\)).*/\2/p' "$log")
   sysv_id=$(sed -n 's/.*mapscope --dump sysv:\([0-9]*\)$/\1/p' "$log")
   on_exit "kill $demo_job $writer 2>/dev/null; rm -f /dev/shm/*mapscope-demo-$demo* '$(platform_tmp)/mapscope-demo-$demo.bin'; ipcrm -m $sysv_id 2>/dev/null"
}

platform_tmp() { case "${TMPDIR:-}" in /*) echo "$TMPDIR" ;; *) echo /tmp ;; esac; }

# What of the scene exists now: one word per kind of thing found.
leftovers() {
   found=""
   ls /dev/shm 2>/dev/null | grep -q "mapscope-demo-$demo" && found="$found shm"
   awk -v id="$sysv_id" 'NR > 1 && $2 == id { f = 1 } END { exit !f }' /proc/sysvipc/shm && found="$found sysv"
   mq_names | grep -q "mapscope-demo-$demo" && found="$found mq"
   [ -e "$(platform_tmp)/mapscope-demo-$demo.bin" ] && found="$found file"
   kill -0 "$writer" 2>/dev/null && found="$found writer"
   echo "${found# }"
}

wait_gone() {
   i=0
   while kill -0 "$1" 2>/dev/null && [ $i -lt 50 ]; do
      i=$((i + 1))
      sleep 0.1
   done
}

# ---- a normal run, ended with Enter ----
demo_start
expect="shm sysv"
[ "$have_mq" = yes ] && expect="$expect mq"
is "the scene exists" "$(leftovers)" "$expect file writer"
like "the scene's table shows the semaphore used as shm" "$(cat "$log")" "sem-shm"
if [ "$have_mq" = yes ]; then
   like "the scene's table shows the shared name" "$(cat "$log")" "name-collision"
else
   skip "the scene's table shows the shared name" "no mqueue file system"
fi
like "the scene lists its writer as an attacher" "$(grep "^shm .*mapscope-demo-$demo " "$log")" "$writer"
c1=$("$MAPSCOPE" --dump -s 24 -n 8 "shm:/mapscope-demo-$demo" | head -n 1)
sleep 0.6
c2=$("$MAPSCOPE" --dump -s 24 -n 8 "shm:/mapscope-demo-$demo" | head -n 1)
ok "the writer moves the counter" test "$c1" != "$c2"
hdr=$("$MAPSCOPE" --dump -n 16 "shm:/mapscope-demo-$demo" | head -n 1)
like "the header starts with its magic and size" "$hdr" "4d 53 44 45 4d 4f 31 00  00 10 00 00 00 00 00 00"
echo >&8
exec 8>&-
wait "$demo_job"
is "Enter: exit status 0" "$?" 0
wait_gone "$writer"
is "Enter: nothing is left behind" "$(leftovers)" ""

# ---- Ctrl-C ----
demo_start
kill -INT "$demo"
wait "$demo_job"
is "SIGINT: exit status 0" "$?" 0
exec 8>&-
wait_gone "$writer"
is "SIGINT: nothing is left behind" "$(leftovers)" ""

# ---- the writer dies ----
demo_start
kill -KILL "$writer"
wait "$demo_job"
is "writer killed: exit status 1" "$?" 1
exec 8>&-
like "writer killed: the demo says why" "$(cat "$tmp/demo$n_demo.err")" "writer process ended"
is "writer killed: nothing is left behind" "$(leftovers)" ""

# ---- the demo is killed outright: its writer cleans up ----
demo_start
kill -KILL "$demo"
wait "$demo_job" 2>/dev/null
exec 8>&-
wait_gone "$writer"
is "demo killed: the writer removes the scene" "$(leftovers)" ""

done_testing
