#!/bin/sh
# A process that runs another program (exec) or exits between the edit and
# the flush: the flush is refused, saying which, and writes nothing into
# what the id names now.
. "$top_srcdir/tests/lib.sh"

# journals in $tmp/state; wait_stopped
. "$top_srcdir/tests/cli/patch-lib.sh"

mkfifo "$tmp/go"
sh -c 'read x <"$1"; exec sleep 1000' sh "$tmp/go" &
sp=$!
on_exit "kill $sp 2>/dev/null"
i=0
# the child runs the script (not the fork of this shell before its exec)
until tr '\0' ' ' <"/proc/$sp/cmdline" 2>/dev/null | grep -q 'read x' || [ "$i" -gt 200 ]; do
   sleep 0.05
   i=$((i + 1))
done
addr=$(awk '$2 == "rw-p" { split($1, a, "-"); print a[1]; exit }' "/proc/$sp/maps")
MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" -w --patch 0:00 --flush pid:"$sp":"$addr" \
   >"$tmp/bg.out" 2>"$tmp/bg.err" &
bg=$!
on_exit "kill -9 $bg 2>/dev/null"
ok "the edit is staged" wait_stopped "$bg"
echo go >"$tmp/go"
i=0
until [ "$(cat "/proc/$sp/comm" 2>/dev/null)" = sleep ] || [ "$i" -gt 200 ]; do sleep 0.05; i=$((i + 1)); done
is "the process has run sleep" "$(cat "/proc/$sp/comm")" sleep
kill -CONT "$bg"
wait "$bg"
is "a flush after exec: refused (1)" "$?" 1
like "... saying the process runs another program" "$(cat "$tmp/bg.err")" \
   "process $sp has run another program (exec)"
done_testing
