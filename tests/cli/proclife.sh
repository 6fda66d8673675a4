#!/bin/sh
# A process that runs another program (exec) or exits between the edit and
# the flush: the flush is refused, saying which, and writes nothing into
# what the id names now.  A process killed and not yet reaped (a zombie),
# or whose /proc entry is gone, has exited: never "exec" (a zombie's stack
# and argument addresses read 0, as if another program ran).
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

# ---- a zombie: killed (SIGKILL), its parent (sleep) never reaps it ----
helper="$top_builddir/tests/helpers/procmemhelper"
[ -x "$helper" ] || { skip "a killed process" "tests/helpers/procmemhelper is not built"; done_testing; exit 0; }
# start_unreaped OUT: the helper under a parent (sleep) that never reaps
# it; sets $hp (its pid), $hparent and $known (the address of its known
# bytes)
start_unreaped() {
   sh -c '"$0" >"$1" & exec sleep 1000' "$helper" "$1" &
   hparent=$!
   on_exit "kill $hparent 2>/dev/null"
   i=0
   until grep -q '^pid=' "$1" 2>/dev/null || [ "$i" -gt 200 ]; do sleep 0.05; i=$((i + 1)); done
   hp=$(sed -n 's/^pid=\([0-9]*\) .*/\1/p' "$1")
   known=$(sed -n 's/.* known=0x\([0-9a-f]*\) .*/\1/p' "$1")
}
start_unreaped "$tmp/z.out"
on_exit "kill $hp 2>/dev/null"
zstate() { sed 's/.*) //' "/proc/$hp/stat" 2>/dev/null | cut -d' ' -f1; }
MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" -w --patch 0:00 --flush "pid:$hp:$known" \
   >"$tmp/z1.out" 2>"$tmp/z1.err" &
bg=$!
ok "a killed process: the edit is staged" wait_stopped "$bg"
kill -KILL "$hp"
i=0
until [ "$(zstate)" = Z ] || [ "$i" -gt 200 ]; do sleep 0.05; i=$((i + 1)); done
is "the helper is a zombie now" "$(zstate)" Z
kill -CONT "$bg"
wait "$bg"
is "a flush to a zombie: refused (1)" "$?" 1
like "... saying it has exited" "$(cat "$tmp/z1.err")" \
   "no such process (process $hp has exited (a zombie not yet reaped has no memory))"
ok "... not that it ran another program" sh -c '! grep exec "$0"' "$tmp/z1.err"
run_ms --dump -n 16 "pid:$hp:$known"
is "--dump of a zombie: exit 1" "$rc" 1
like "--dump of a zombie: it has exited" "$err" "process $hp has exited (a zombie"
run_ms --find MSPROCMEM "pid:$hp:$known"
is "--find in a zombie: exit 2 (an error, as grep)" "$rc" 2
like "--find in a zombie: it has exited" "$err" "process $hp has exited (a zombie"
run_ms --info "pid:$hp:$known"
like "--info of a zombie: it has exited" "$err" "process $hp has exited (a zombie"

# ---- reaped: its /proc entry is gone ----
zp=$hp zknown=$known
start_unreaped "$tmp/r.out"
rp=$hp rknown=$known rparent=$hparent hp=$zp known=$zknown
MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" -w --patch 0:00 --flush "pid:$rp:$rknown" \
   >"$tmp/r1.out" 2>"$tmp/r1.err" &
bg=$!
ok "a reaped process: the edit is staged" wait_stopped "$bg"
kill -KILL "$rp" "$rparent"         # the parent's end gives the zombie to init, which reaps it
wait "$rparent" 2>/dev/null
i=0
while [ -e "/proc/$rp" ] && [ "$i" -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
ok "the helper is reaped" test ! -e "/proc/$rp"
kill -CONT "$bg"
wait "$bg"
is "a flush to a reaped process: refused (1)" "$?" 1
like "... saying no process has its id" "$(cat "$tmp/r1.err")" \
   "no process has the id $rp (it has exited, or never ran)"
ok "... not that it ran another program" sh -c '! grep exec "$0"' "$tmp/r1.err"
done_testing
