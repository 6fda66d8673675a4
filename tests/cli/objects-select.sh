#!/bin/sh
# The object list as lsof and lsfd users expect it: --pid, --user, --sort,
# --columns; JSON that explains its flags and leaves unknown times null;
# --info counting processes; shm names with the slashes glibc collapses.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/objects-lib.sh"

need_shm
p="msl$$"
holder_start "$p" "$(printf '0x7d%06x' $(( $$ & 0xffffff )))"
hp=$(holder_get pid)

# ---- --pid and --user ----
run_ms --list --json --pid "$hp"
printf '%s\n' "$out" >"$tmp/pid.json"
is "--pid: exits 0" "$rc" 0
is "--pid: every object listed is held by that process" \
   "$(jq_py "$tmp/pid.json" "all($hp in pids(o) for o in objs) and len(objs) > 3")" "True"
is "--pid: the holder's shm object is there" \
   "$(jq_py "$tmp/pid.json" "one('shm', '$p-shm') is not None")" "True"
printf 'x' >"/dev/shm/$p-free"
on_exit "rm -f '/dev/shm/$p-free'"
run_ms --list --json
printf '%s\n' "$out" >"$tmp/all.json"
is "without --pid: an object nobody holds is listed" \
   "$(jq_py "$tmp/all.json" "one('shm', '$p-free') is not None")" "True"
is "--pid: an object nobody holds is not" \
   "$(jq_py "$tmp/pid.json" "one('shm', '$p-free')")" "None"
run_ms --list --pid "1,$hp" --columns name
like "--pid PID,PID: either process" "$out" "/$p-shm"
run_ms --list --pid 0
is "--pid 0: bad usage" "$rc" 2
like "--pid 0: said why" "$err" "--pid '0': invalid process list"
run_ms --list --pid 12,
is "--pid with a trailing comma: bad usage" "$rc" 2
run_ms --dump --pid 1 /dev/null
is "--pid with a SOURCE: bad usage" "$rc" 2
like "--pid with a SOURCE: said so" "$err" "--pid goes with --list or the object list"

chown 65534 "/dev/shm/$p-free"
run_ms --list --json --user nobody
printf '%s\n' "$out" >"$tmp/user.json"
is "--user NAME: only that owner's objects" \
   "$(jq_py "$tmp/user.json" "(all(o['uid'] == 65534 for o in objs), one('shm', '$p-free') is not None, one('shm', '$p-shm'))")" \
   "(True, True, None)"
run_ms --list --json --user 65534
printf '%s\n' "$out" >"$tmp/uid.json"
# (this test's own: tests running beside it make and remove nobody's objects)
is "--user UID: the same objects" "$(jq_py "$tmp/uid.json" "[o['name'] for o in objs if o['name'].startswith('$p')]")" \
   "$(jq_py "$tmp/user.json" "[o['name'] for o in objs if o['name'].startswith('$p')]")"
run_ms --list --columns name --user nobody --pid "$hp"
is "--user and --pid: both must hold" "$(printf '%s\n' "$out" | grep -c "$p")" 0
run_ms --list --user no-such-user-$$
is "--user: an unknown user is bad usage" "$rc" 2
like "--user: said so" "$err" "no such user"

# ---- --sort and --columns ----
run_ms --list --kind shm --columns name,size --sort size
is "--columns: exits 0" "$rc" 0
is "--columns name,size: those columns, in that order" \
   "$(printf '%s\n' "$out" | head -n 1 | tr -s ' ')" "NAME SIZE"
mine=$(printf '%s\n' "$out" | grep "/$p-" | awk '{ print $2 }' | tr '\n' ' ')
is "--sort size: the smallest first" "$mine" \
   "$(printf '%s\n' "$mine" | tr ' ' '\n' | grep . | sort -n | tr '\n' ' ')"
run_ms --list --kind shm --columns name,size --sort -size
mine=$(printf '%s\n' "$out" | grep "/$p-" | awk '{ print $2 }' | tr '\n' ' ')
is "--sort -size: the largest first" "$mine" \
   "$(printf '%s\n' "$mine" | tr ' ' '\n' | grep . | sort -rn | tr '\n' ' ')"
run_ms --list --json --sort name
printf '%s\n' "$out" >"$tmp/sorted.json"
is "--sort name with --json: the objects by the name the table shows" \
   "$(jq_py "$tmp/sorted.json" "[o['display_name'] for o in objs if not o['kind'].startswith('sysv')] == sorted(o['display_name'] for o in objs if not o['kind'].startswith('sysv'))")" "True"
run_ms --list --columns processes,pids,detail --kind sysv-shm
like "--columns: the screen's processes and --list's pids and detail" "$out" "PROCS  PIDS"
like "--columns detail: nattch" "$out" "nattch="
run_ms --list --sort bogus
is "--sort bogus: bad usage" "$rc" 2
like "--sort bogus: names the valid columns" "$err" \
   "no such column (kind, name, size, owner, mode, processes, flags, pids, detail)"
run_ms --list --columns name,bogus
is "--columns with a bad name: bad usage" "$rc" 2
like "--columns: names the bad one and the valid ones" "$err" \
   "--columns 'bogus': no such column, or given twice (kind, name"
run_ms --list --columns name,name
is "--columns: a column twice is bad usage" "$rc" 2
run_ms --list --json --columns name
is "--columns with --json: bad usage" "$rc" 2
run_ms --info --sort size /dev/null
is "--sort with --info: bad usage" "$rc" 2

# ---- the examples of README.md and mapscope(1) ----
run_ms --list --user nobody --sort -size --columns kind,name,size,pids
is "example: --list --user nobody --sort -size --columns kind,name,size,pids" "$rc" 0
like "... those columns" "$out" "KIND"
like "... nobody's object" "$out" "/$p-free"
run_ms --list --json --pid 1
is "example: --list --json --pid 1" "$rc" 0
printf '%s\n' "$out" >"$tmp/pid1.json"
is "... only what process 1 holds" "$(jq_py "$tmp/pid1.json" "all(1 in pids(o) for o in objs)")" True

# ---- JSON: flags explained, unknown times null ----
is "--list --json: each flag is explained in the object too" \
   "$(jq_py "$tmp/all.json" "one('sem', '$p-clash')['flag_explanations']['sem-shm'] == j['flags']['sem-shm'] != ''")" \
   "True"
is "--list --json: a removed object's times are known (its stat's)" \
   "$(jq_py "$tmp/all.json" "[one('shm', '$p-gone')[k] is None for k in ('atime', 'mtime', 'ctime')]")" \
   "[False, False, False]"
is "--list --json: no time anywhere is 0" \
   "$(jq_py "$tmp/all.json" "[o['name'] for o in objs for k in ('atime', 'mtime', 'ctime') if o[k] == 0]")" "[]"
run_ms --info --json "/proc/$hp/fd/$(holder_get memfd_fd)"
printf '%s\n' "$out" >"$tmp/info.json"
is "--info --json: no time is 0" \
   "$(jq_py "$tmp/info.json" "[k for k in ('atime', 'mtime', 'ctime') if j['object'][k] == 0]")" "[]"
is "--info --json: held by one process, through a descriptor and a mapping" \
   "$(jq_py "$tmp/info.json" "j['object']['held_by']")" \
   "{'processes': 1, 'descriptors': 1, 'mappings': 1}"

# ---- --info counts processes ----
run_ms --info "shm:$p-shm"
like "--info: held by counts processes, then descriptors and mappings" "$out" \
   "held by:     1 process (1 descriptor, 1 mapping)"
sleep 300 3<"/dev/shm/$p-shm" &
sleeper=$!
on_exit "kill $sleeper 2>/dev/null"
# the shell opens the descriptor, then execs sleep: wait for both
n=0
while [ "$(readlink "/proc/$sleeper/exe" 2>/dev/null)" != "$(command -v sleep)" ] ||
      [ ! -e "/proc/$sleeper/fd/3" ]; do
   n=$((n + 1)); [ $n -lt 100 ] || break; sleep 0.05
done
run_ms --info "shm:$p-shm"
like "--info: a second process" "$out" "held by:     2 processes (2 descriptors, 1 mapping)"
kill "$sleeper"

# ---- shm names as glibc reads them ----
run_ms --dump -n 4 "shm://$p-shm"
is "shm://NAME: glibc's shm_open collapses the slashes: the same object" \
   "$out" "$("$MAPSCOPE" --dump -n 4 "shm:/$p-shm")"
is "shm://NAME: exits 0" "$rc" 0
run_ms --info "shm:///$p-shm"
like "shm:///NAME: the same object" "$out" "object:      shm /$p-shm"
run_ms --dump -n 4 "sem://$p-sem"
is "sem://NAME: the same collapse" "$rc" 0
run_ms --dump shm://
is "shm:// alone: no name" "$rc" 2
like "shm:// alone: said so" "$err" "the name is empty"
run_ms --dump "shm://a/b"
is "shm://a/b: a slash after the name is still refused" "$rc" 2

done_testing
