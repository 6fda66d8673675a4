#!/bin/sh
# File locks: POSIX record locks, OFD locks and flock locks held by a helper
# (tests/helpers/locker) and by flock(1), shown by --info, --list and their
# JSON with kind, type, range and the process that really holds them: an
# OFD lock is listed by the kernel with pid -1, a flock lock with the pid
# that took it, which may have exited while its child holds on.  A flush of
# mapscope holds the object's flock: shown as held by mapscope.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

[ -r /proc/locks ] || skip_all "no /proc/locks on this machine"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is needed to read the JSON"
locker="$top_builddir/tests/helpers/locker"
[ -x "$locker" ] || skip_all "tests/helpers/locker is not built"

# lock NAME FILE KIND TYPE START LEN [handoff]: a locker holding the lock
# until its input ends; its pid and descriptor in $NAME_pid and $NAME_fd.
n_lockers=0
lock() {
   name=$1
   shift
   n_lockers=$((n_lockers + 1))
   mkfifo "$tmp/$name.in"
   "$locker" "$@" <"$tmp/$name.in" >"$tmp/$name.out" 2>"$tmp/$name.err" &
   exec 9>"$tmp/$name.in"             # the input stays open while the test runs
   eval "exec $((n_lockers + 2))>&9"
   exec 9>&-
   on_exit "exec $((n_lockers + 2))>&-"
   await_line "$tmp/$name.out" '^ready' "$!" "$tmp/$name.err" "the $name locker is ready"
   eval "${name}_pid=\$(sed -n 's/^pid=\([0-9]*\).*/\1/p' \"\$tmp/\$name.out\")"
   eval "${name}_fd=\$(sed -n 's/^pid=.* fd=\([0-9]*\)$/\1/p' \"\$tmp/\$name.out\")"
   eval "on_exit \"kill \$${name}_pid 2>/dev/null\""
}

f="$tmp/locked.bin"
head -c 4096 /dev/zero >"$f"
lock posix "$f" posix write 100 100
lock ofd "$f" ofd read 1000 0
lock flk "$f" flock read 0 0 handoff

run_ms --info "$f"
is "--info: exits 0" "$rc" 0
like "--info: the object is flagged locked" "$out" "flag:        locked: A process holds a file lock"
like "--info: the POSIX lock, its range inclusive, and its owner" "$out" \
   "POSIX write advisory, bytes 100-199: pid $posix_pid fd $posix_fd locker"
like "--info: the OFD lock (pid -1 in /proc/locks) with the process that holds it" "$out" \
   "OFD read advisory, bytes 1000-EOF: pid $ofd_pid fd $ofd_fd locker"
like "--info: the flock lock held by the child after the taker exited" "$out" \
   "FLOCK read advisory, whole file: pid $flk_pid fd $flk_fd locker"
is "--info: three locks" "$(printf '%s\n' "$out" | grep -c 'advisory, ')" 3

run_ms --info --json "$f"
printf '%s\n' "$out" >"$tmp/info.json"
is "--info --json: the locks, in order" "$(python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))["object"]
for k in o["locks"]:
    print(k["kind"], k["type"], k["start"], k["end"], k["whole_file"], k["pid"], k["fd"], k["seen_on_fd"], k["self"])
' "$tmp/info.json")" "posix write 100 199 False $posix_pid $posix_fd True False
ofd read 1000 None False $ofd_pid $ofd_fd True False
flock read 0 None True $flk_pid $flk_fd True False"
is "--info --json: each lock explained, the flag too" "$(python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))["object"]
print(all(k["explanation"] for k in o["locks"]), "locked" in o["flags"], "locked" in o["flag_explanations"])
' "$tmp/info.json")" "True True True"

# A process waiting for a lock is listed as a waiter.
mkfifo "$tmp/waiter.in"
"$locker" "$f" posix write 150 10 wait <"$tmp/waiter.in" >"$tmp/waiter.out" 2>"$tmp/waiter.err" &
waiter=$!
exec 5>"$tmp/waiter.in"
on_exit "exec 5>&-; kill $waiter 2>/dev/null"
w=0
while ! grep -q -- "->.* $waiter " /proc/locks && [ $w -lt 100 ]; do sleep 0.1; w=$((w + 1)); done
run_ms --info "$f"
like "--info: the waiter, after the locks held" "$out" \
   "waiting: POSIX write advisory, bytes 150-159: pid $waiter locker"
run_ms --info --json "$f"
printf '%s\n' "$out" >"$tmp/wait.json"
is "--info --json: the waiter, with its pid and no descriptor" "$(python3 -c '
import json, sys
k = json.load(open(sys.argv[1]))["object"]["locks"][-1]
print(k["waiting"], k["pid"], k["fd"], k["start"], k["end"])
' "$tmp/wait.json")" "True $waiter None 150 159"
kill "$posix_pid"
await_line "$tmp/waiter.out" '^ready' "$waiter" "$tmp/waiter.err" "the waiter gets the lock"
run_ms --info "$f"
like "--info: once the holder is gone, the waiter holds it" "$out" \
   "POSIX write advisory, bytes 150-159: pid $waiter fd"
exec 5>&-

# A flock(1) holder of a POSIX shared-memory object.
if [ -d /dev/shm ] && [ -w /dev/shm ] && command -v flock >/dev/null 2>&1; then
   shm="mapscope-locks-$$"
   printf 'shared\n' >"/dev/shm/$shm"
   on_exit "rm -f '/dev/shm/$shm'"
   mkfifo "$tmp/flock.in"
   flock -x "/dev/shm/$shm" sh -c 'echo ready; exec cat' <"$tmp/flock.in" >"$tmp/flock.out" &
   exec 8>"$tmp/flock.in"
   on_exit "exec 8>&-"
   await_line "$tmp/flock.out" '^ready' "$!" /dev/null "flock(1) holds the lock"
   run_ms --list
   like "--list: the shm object is flagged locked" \
      "$(printf '%s\n' "$out" | grep "/$shm ")" "locked"
   like "--list: the lock under the table, held by flock(1)'s shell (the lock's open file)" \
      "$out" "shm /$shm: FLOCK write advisory, whole file: pid"
   like "--list: the legend explains the flag" "$out" "locked: A process holds a file lock"
   run_ms --list --json
   printf '%s\n' "$out" >"$tmp/list.json"
   # flock(1) and the command it runs share the open file: both hold it
   is "--list --json: the lock, held by flock(1), and the flag's explanation" "$(python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
o = [o for o in j["objects"] if o["name"] == sys.argv[2]][0]
print(sorted(set((k["kind"], k["type"], k["whole_file"]) for k in o["locks"])),
      "flock" in [k["command"] for k in o["locks"]], o["flags"],
      bool(o["flag_explanations"]["locked"]), bool(j["flags"]["locked"]))
' "$tmp/list.json" "$shm")" "[('flock', 'write', True)] True ['locked'] True True"
   exec 8>&-
else
   skip "--list: a shm object locked by flock(1)" "no writable /dev/shm or no flock(1)"
fi

# A flush of mapscope holds the object's flock until its journal is gone:
# stopped in the middle, it is shown as the holder.
g="$tmp/flushed.bin"
head -c 8192 /dev/zero >"$g"
MAPSCOPE_TEST_STOP_AT=journal-synced "$MAPSCOPE" --patch 0:41 --flush "$g" \
   >"$tmp/bg.out" 2>"$tmp/bg.err" &
flusher=$!
on_exit "kill -9 $flusher 2>/dev/null"
ok "the flush stops with its journal synced" wait_stopped "$flusher"
run_ms --info "$g"
like "--info: the flush's lock, held by mapscope" "$out" \
   "FLOCK write advisory, whole file: pid $flusher fd"
like "--info: its command is mapscope" "$out" "pid $flusher fd"
run_ms --info --json "$g"
printf '%s\n' "$out" >"$tmp/flush.json"
is "--info --json: held by the flushing mapscope, not this one" "$(python3 -c '
import json, sys
k = json.load(open(sys.argv[1]))["object"]["locks"]
print([(x["kind"], x["pid"], x["command"], x["self"]) for x in k])
' "$tmp/flush.json")" "[('flock', $flusher, 'mapscope', False)]"
kill -CONT "$flusher"
wait "$flusher"
is "the flush then completes" "$?" 0
run_ms --info "$g"
is "--info after the flush: no lock is left" "$(printf '%s\n' "$out" | grep -c '^locks:')" 0

run_ms --info "$tmp/nowhere"
is "--info of a missing file: exit 1" "$rc" 1
done_testing
