#!/bin/sh
# pid: sources against tests/helpers/procmemhelper: the region list against
# /proc/PID/maps read here, the helper's known bytes at its addresses, the
# counter it changes, the copy-on-write flag, --find over every region,
# --info, and every refusal with its stated cause (an unreadable page, an
# unmapped address, a process that is gone before and during a read,
# another user's process, a non-dumpable one, Yama's ptrace_scope).
. "$top_srcdir/tests/lib.sh"

helper="$top_builddir/tests/helpers/procmemhelper"
[ -x "$helper" ] || skip_all "tests/helpers/procmemhelper is not built"
[ -d /dev/shm ] || skip_all "no /dev/shm on this machine"

shm="/ms-procmem-$$"
head -c 8192 /dev/zero | tr '\0' 'F' >"$tmp/priv"
: >"$tmp/lock"
priv_before=$(od -An -tx1 "$tmp/priv" | head -1)

# start_helper NAME ARGS...: a helper whose line is in $tmp/NAME.out.
start_helper() {
   name=$1
   shift
   "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
   eval "${name}_pid=\$!"
   on_exit "kill \$${name}_pid 2>/dev/null"
   await_line "$tmp/$name.out" '^pid=' "$!" "$tmp/$name.err" "the helper $name did not start"
}
fact() { tr ' ' '\n' <"$tmp/$1.out" | sed -n "s/^$2=//p"; }

start_helper h "$helper" -s "$shm" -f "$tmp/priv" -l "$tmp/lock"
pid=$(fact h pid)
known=$(fact h known)
counter=$(fact h counter)
guard=$(fact h guard)
shmaddr=$(fact h shm)
privaddr=$(fact h priv)

# ---- the region list against /proc/PID/maps ----
run_ms --list --columns=range pid:"$pid"
is "--list pid:PID succeeds" "$rc" 0
ranges=$(printf '%s\n' "$out" | sed -n 's/^\([0-9a-f]*\)-\([0-9a-f]*\) *$/\1 \2/p' |
         while read -r a b; do printf '%x-%x\n' "$((0x$a))" "$((0x$b))"; done)
maps=$(awk '{ print $1 }' "/proc/$pid/maps" |
       while IFS=- read -r a b; do printf '%x-%x\n' "$((0x$a))" "$((0x$b))"; done)
is "every region of /proc/PID/maps, in order" "$ranges" "$maps"
like "the totals come first" "$(printf '%s\n' "$out" | sed -n 2p)" "Rss "
n=$(wc -l <"/proc/$pid/maps")
like "the region count" "$(printf '%s\n' "$out" | head -1)" "$n regions"

run_ms --list --columns=range,perms,flags,backing pid:"$pid"
row() { printf '%s\n' "$out" | awk -v a="$(printf '%012x' "$(($1))")" 'index($1, a "-") == 1'; }
like "the shm object: shm:/NAME, shared" "$(row "$shmaddr")" "rw-s  "
like "the shm object's name" "$(row "$shmaddr")" "shm:$shm"
like "the private file mapping is flagged cow" "$(row "$privaddr")" "cow"
like "... and names its file" "$(row "$privaddr")" "$tmp/priv"
like "the guard page has no permissions" "$(row "$guard")" "---p"
like "[stack] is named" "$out" "[stack]"
is "the file itself is untouched (copy-on-write)" "$(od -An -tx1 "$tmp/priv" | head -1)" "$priv_before"

run_ms --list --kind=shm --columns=backing pid:"$pid"
is "--kind=shm: only the shm object" "$(printf '%s\n' "$out" | sed -n '5,$p')" "shm:$shm"
run_ms --list --sort=-size --columns=size pid:"$pid"
sizes=$(printf '%s\n' "$out" | sed -n '5,$p' | tr -d ' ')
is "--sort=-size: largest first" "$sizes" "$(printf '%s\n' "$sizes" | sort -rn)"
run_ms --list --kind=nope pid:"$pid"
is "a bad --kind: usage (2)" "$rc" 2
like "... naming the region kinds" "$err" "anon, file, shm"
run_ms --list --columns=range,bogus pid:"$pid"
is "a bad --columns: usage (2)" "$rc" 2
run_ms --list --pid=1 pid:"$pid"
is "--pid does not choose regions: usage (2)" "$rc" 2

if command -v python3 >/dev/null 2>&1; then
   run_ms --list --json pid:"$pid"
   printf '%s\n' "$out" >"$tmp/list.json"
   got=$(python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
priv = int(sys.argv[2], 16)
shm = int(sys.argv[3], 16)
r = {x["start"]: x for x in j["regions"]}
print(j["pid"], len(j["regions"]), r[priv]["cow"], r[priv]["kind"], r[shm]["kind"],
      r[shm]["backing"], r[shm]["shared"], j["totals"]["known"], r[priv]["anonymous"] > 0)
' "$tmp/list.json" "$privaddr" "$shmaddr")
   is "--list --json: the regions, cow, shm, totals" "$got" \
      "$pid $n True file shm shm:$shm True True True"
else
   skip "--list --json" "python3 is needed to read the JSON"
fi

# ---- bytes at addresses ----
run_ms --xxd -p -l 16 pid:"$pid":"$known"
is "the known bytes at their address" "$out" "4d5350524f434d454d2d4b4e4f574e21"
run_ms --dump -n 32 pid:"$pid":"${known#0x}"
first=$(printf '%s\n' "$out" | head -1)
is "--dump prints the address (hex without 0x taken too)" "${first%% *}" "${known#0x}"
like "... and the bytes" "$first" "|MSPROCMEM-KNOWN!|"
is "... closing with the end address" "$(printf '%s\n' "$out" | tail -1)" \
   "$(printf '%x' "$((known + 32))")"
run_ms --dump -n 16 pid:"$pid":"$(printf '%x' "$((known + 16))")"
like "pid:PID:ADDR starts at ADDR" "$out" "00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f"
run_ms --dump -s 16 -n 16 pid:"$pid":"$known"
like "-s counts from ADDR" "$out" "$(printf '%x' "$((known + 16))")  00 01 02"
run_ms --dump -n 16 pid:"$pid":"$(printf '%x-%x' "$((known + 32))" "$((known + 48))")"
like "pid:PID:START-END" "$out" "$(printf '%x' "$((known + 32))")  10 11 12 13"

run_ms --xxd -p -l 1 pid:"$pid":"$counter"
is "the counter starts at 0" "$out" "00"
# await_counter VALUE: read the counter until it is VALUE (5 s at most)
await_counter() {
   i=0
   while [ "$i" -lt 50 ]; do
      run_ms --xxd -p -l 1 pid:"$pid":"$counter"
      [ "$out" = "$1" ] && break
      i=$((i + 1))
      sleep 0.1
   done
}
kill -USR1 "$pid"
await_counter 01
is "the counter, read live, after a signal" "$out" "01"
kill -USR1 "$pid"
await_counter 02
is "... and after another" "$out" "02"

run_ms --find MSPROCMEM-KNOWN! pid:"$pid"
like "--find pid:PID prints the known address" "$out" "$known $((known))"
is "--find succeeds" "$rc" 0
run_ms --find --count MSPROCMEM-SHM pid:"$pid"
is "--find --count over every region finds the shm object's text" "$out" 1
run_ms --find MSPROCMEM-KNOWN! pid:"$pid":"$known"
is "--find in one region prints addresses" "$out" "$known $((known))"
run_ms --find -s 4 MSPROCMEM pid:"$pid"
is "-s with a whole process: usage (2)" "$rc" 2

run_ms --info pid:"$pid"
like "--info pid:PID: the process" "$out" "($(cat /proc/$pid/comm))"
like "--info pid:PID: no journal" "$out" "no journal"
like "--info pid:PID: readable" "$out" "yes"
run_ms --info pid:"$pid":"$known"
like "--info pid:PID:ADDR: the address" "$out" "${known#0x}"
like "--info pid:PID:ADDR: no journal" "$out" "no journal"

# ---- what cannot be read, and why ----
range=$(printf '%x-%x' "$((guard - 16))" "$((guard + 16))")
run_ms --dump pid:"$pid":"$range"
is "a dump into the guard page fails (1)" "$rc" 1
like "... after the bytes before it" "$out" "$(printf '%x' "$((guard - 16))")  47 47 47"
like "... saying it is a guard page, and where" "$err" "$(printf '0x%x' "$guard") is in a guard page"
run_ms --dump pid:"$pid":1000
is "an unmapped address (1)" "$rc" 1
like "... is said" "$err" "0x1000 is not mapped in process $pid"
for bad in "pid:$pid:zz" "pid:x" "pid:$pid:$known-1000" "pid:0:1000" "pid:$pid:1000-" \
           "pid:$pid:12345678901234567"; do
   run_ms --dump "$bad"
   is "'$bad': usage (2)" "$rc" 2
   like "'$bad': says what a pid: source is" "$err" "invalid source"
done
run_ms --dump pid:"$pid"
is "--dump of a whole process: usage (2)" "$rc" 2
like "... pointing at --list" "$err" "--list pid:PID"
run_ms --dump pid:999999999:1000
is "a pid no process has (1)" "$rc" 1
like "... is said" "$err" "no process has the id 999999999"
run_ms --list pid:999999999
is "--list of a missing process (1)" "$rc" 1

# ---- refusals, as another user ----
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
   run_ms_unprivileged --dump pid:"$pid":"$known"
   is "another user's process: refused (1)" "$rc" 1
   like "... it belongs to root, you are 65534" "$err" "belongs to user root (uid 0), you are uid 65534"
   like "... CAP_SYS_PTRACE would do" "$err" "CAP_SYS_PTRACE"
   run_ms_unprivileged --list pid:"$pid"
   like "--list of another user's process: the same cause" "$err" "CAP_SYS_PTRACE"
   run_ms_unprivileged --find x pid:"$pid"
   like "--find of another user's process: the same cause" "$err" "CAP_SYS_PTRACE"

   start_helper d setpriv --reuid=65534 --regid=65534 --clear-groups -- "$helper" -D
   run_ms_unprivileged --dump -n 16 pid:"$(fact d pid)":"$(fact d known)"
   is "a non-dumpable process of the same user: refused (1)" "$rc" 1
   like "... because it is not dumpable" "$err" "is not dumpable"

   yama=/proc/sys/kernel/yama/ptrace_scope
   if [ -w "$yama" ]; then
      old=$(cat "$yama")
      on_exit "echo $old >$yama"
      start_helper y setpriv --reuid=65534 --regid=65534 --clear-groups -- "$helper"
      echo 1 >"$yama"
      run_ms_unprivileged --dump -n 16 pid:"$(fact y pid)":"$(fact y known)"
      like "ptrace_scope 1: the cause and the fix" "$err" "kernel.yama.ptrace_scope is 1"
      echo 0 >"$yama"
      run_ms_unprivileged --dump -n 16 pid:"$(fact y pid)":"$(fact y known)"
      is "ptrace_scope 0: the same user's process is read" "$rc" 0
      echo "$old" >"$yama"
   else
      skip "ptrace_scope 1: the cause and the fix" "this kernel has no Yama ($yama is absent)"
      skip "ptrace_scope 0: the same user's process is read" "this kernel has no Yama"
   fi
   run_ms_unprivileged --dump pid:"$(fact d pid)":"$(fact d known)"
   case $err in *yama*) ok "Yama is named only where the kernel has it" test -e "$yama" ;;
   *) ok "Yama is named only where the kernel has it" true ;; esac
else
   skip "refusals as another user" "needs root and setpriv"
fi

# ---- writes: staged edits flushed with process_vm_writev, no journal ----
# journals in $tmp/state; wait_stopped
. "$top_srcdir/tests/cli/patch-lib.sh"
run_ms --patch 0:4142 --flush pid:"$pid":"$known"
is "--patch --flush into a process without -w: usage (2)" "$rc" 2
like "... naming -w" "$err" "writing into a running process needs -w"
run_ms --patch 0:4142 pid:"$pid":"$known"
is "--patch into a process without -w, even unflushed: usage (2)" "$rc" 2
run_ms -w --patch 0:4142 pid:"$pid":"$known"
like "--patch without --flush writes nothing" "$out" "not flushed"
run_ms --xxd -p -l 2 pid:"$pid":"$known"
is "... the process's bytes are as they were" "$out" "4d53"
run_ms -w --patch 2:c0ffee --flush pid:"$pid":"$known"
is "--patch --flush into a process (0)" "$rc" 0
run_ms --xxd -p -l 5 pid:"$pid":"$known"
is "... the bytes are there, at ADDR + 2" "$out" "4d53c0ffee"
is "... and no journal was made" "$(ls "$tmp/state/mapscope" 2>/dev/null | grep -c journal)" 0
run_ms -w --patch 20:aa --flush pid:"$pid":"$(printf '%x-%x' "$((guard - 16))" "$((guard + 16))")"
is "a write into the guard page: refused (1)" "$rc" 1
like "... with its cause" "$err" "guard page"

# patch_while_counting [--force]: an edit of the counter, then the
# process changes it, then the flush.
patch_while_counting() {
   before=$("$MAPSCOPE" --xxd -p -l 1 pid:"$pid":"$counter")
   MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" -w "$@" --patch 0:77 --flush \
      pid:"$pid":"$counter" >"$tmp/bg.out" 2>"$tmp/bg.err" &
   bg=$!
   on_exit "kill -9 $bg 2>/dev/null"
   ok "the edit of the counter is staged" wait_stopped "$bg"
   kill -USR1 "$pid"
   await_counter "$(printf '%02x' "$((0x$before + 1))")"
   kill -CONT "$bg"
   wait "$bg"
   rc=$?
}
patch_while_counting
is "a byte the process changed since the edit: the flush is refused (1)" "$rc" 1
like "... saying so, with the address" "$(cat "$tmp/bg.err")" "1 byte changed in the process since it was read (the first at $counter)"
run_ms --xxd -p -l 1 pid:"$pid":"$counter"
is "... and nothing was written" "$out" "$(printf '%02x' "$((0x$before + 1))")"
patch_while_counting --force
is "--force writes it anyway (0)" "$rc" 0
run_ms --xxd -p -l 1 pid:"$pid":"$counter"
is "... the byte is written" "$out" 77

# ---- a process that ends while it is read ----
start_helper g "$helper" -g 64
gpid=$(fact g pid)
mkfifo "$tmp/fifo"
"$MAPSCOPE" --dump -v pid:"$gpid":"$(fact g big)" >"$tmp/fifo" 2>"$tmp/gone.err" &
ms=$!
exec 3<"$tmp/fifo"
head -c 4096 <&3 >"$tmp/gone.head"
kill "$gpid"
i=0
while kill -0 "$gpid" 2>/dev/null && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
cat <&3 >/dev/null
exec 3<&-
wait "$ms"
is "a process gone mid-read: the dump fails (1)" "$?" 1
like "... and says the process is gone" "$(cat "$tmp/gone.err")" "no such process"
like "... after what it had read" "$(cat "$tmp/gone.head")" "11 11 11 11"
run_ms --list pid:"$gpid"
like "--list of the process that ended: no such process" "$err" "no such process"

# a zombie: the child of a process that never reaps it
sh -c 'sleep 0 & exec sleep 30' &
zparent=$!
on_exit "kill $zparent 2>/dev/null"
zombie=""
i=0
while [ -z "$zombie" ] && [ "$i" -lt 100 ]; do
   for c in $(cat "/proc/$zparent/task/$zparent/children" 2>/dev/null); do
      [ "$(sed 's/.*) //' "/proc/$c/stat" | cut -d' ' -f1)" = Z ] && zombie=$c
   done
   i=$((i + 1))
   sleep 0.05
done
if [ -n "$zombie" ]; then
   run_ms --dump pid:"$zombie":1000
   is "a zombie: no such process (1)" "$rc" 1
   like "... it has exited, not yet reaped" "$err" "process $zombie has exited (a zombie not yet reaped"
   run_ms --list pid:"$zombie"
   like "--list of a zombie: the same" "$err" "a zombie not yet reaped"
else
   skip "a zombie" "none could be made here"
fi
kill "$zparent" 2>/dev/null

kill "$h_pid"
wait "$h_pid" 2>/dev/null
is "the helper removed its shm object" "$(ls /dev/shm | grep -c "^${shm#/}\$")" 0
done_testing
