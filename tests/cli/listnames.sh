#!/bin/sh
# The lists' names and times as lsof, lsfd and ps users expect them: times
# from stat, names decoded exactly (or said to be ambiguous), a semaphore
# under its own name, what is deleted and what is not, commands with any
# byte, sorting by what the NAME column shows.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/objects-lib.sh"

need_shm
p="mln$$"
mkdir "$tmp/d"
helper="$top_builddir/tests/helpers/nameholder"
[ -x "$helper" ] || skip_all "tests/helpers/nameholder is not built"
mkfifo "$tmp/holder.in"
"$helper" "$p" "$tmp/d" <"$tmp/holder.in" >"$tmp/holder.out" 2>"$tmp/holder.err" &
holder_pid=$!
exec 7>"$tmp/holder.in"
on_exit "exec 7>&-; kill $holder_pid 2>/dev/null; wait $holder_pid 2>/dev/null; rm -f /dev/shm/$p-* /dev/shm/sem.$p-*"
await_line "$tmp/holder.out" '^ready$' "$holder_pid" "$tmp/holder.err" "nameholder did not get ready"
hp=$(holder_get pid)

# A python expression over the JSON in FILE (j the document; regs its
# regions; reg(kind, name) the one region of that kind and name).
py() {
   python3 -c '
import json, os, sys
j = json.load(open(sys.argv[1]))
regs = j.get("regions", [])
objs = j.get("objects", [])
def reg(kind, name):
    r = [x for x in regs if x["kind"] == kind and x["name"] == name]
    return r[0] if len(r) == 1 else None
def obj(kind, name):
    r = [x for x in objs if x["kind"] == kind and x["name"] == name]
    return r[0] if len(r) == 1 else None
def times(path):
    s = os.stat(path)
    return [int(s.st_atime), int(s.st_mtime), int(s.st_ctime)]
def mapfile(r):
    return "/proc/%d/map_files/%x-%x" % (int(sys.argv[3]), r["start"], r["end"])
def attfile(o):
    a = [x for x in o["attachers"] if "start" in x][0]
    return "/proc/%d/map_files/%s-%s" % (a["pid"], a["start"].lstrip("0x") or "0", a["end"][2:].lstrip("0") or "0")
print(eval(sys.argv[2]))
' "$1" "$2" "$hp"
}

# ---- 1. times: every object whose stat is known has all three ----
printf 'x' >"$tmp/f"
touch -a -d @1000000000 "$tmp/f"
touch -m -d @1100000000 "$tmp/f"
run_ms --info --json "$tmp/f"
printf '%s\n' "$out" >"$tmp/f.json"
is "--info --json FILE: atime, mtime and ctime are stat's" \
   "$(py "$tmp/f.json" "[j['object'][k] for k in ('atime', 'mtime', 'ctime')] == times('$tmp/f')")" True
touch -a -m -d @0 "$tmp/f"
run_ms --info --json "$tmp/f"
printf '%s\n' "$out" >"$tmp/f0.json"
is "--info --json: a time of 0 (the epoch) is a time, not null" \
   "$(py "$tmp/f0.json" "[j['object'][k] for k in ('atime', 'mtime')]")" "[0, 0]"
run_ms --info --json /dev/null
printf '%s\n' "$out" >"$tmp/null.json"
is "--info --json on a device: its three times" \
   "$(py "$tmp/null.json" "[j['object'][k] for k in ('atime', 'mtime', 'ctime')] == times('/dev/null')")" True
run_ms --list --json --pid "$hp"
printf '%s\n' "$out" >"$tmp/objs.json"
is "--list --json: a removed shm object's times are its stat's (through its mapping)" \
   "$(py "$tmp/objs.json" "[obj('shm', '$p-real\\nx')[k] for k in ('atime', 'mtime', 'ctime')] == times(attfile(obj('shm', '$p-real\\nx')))")" True
is "--list --json: a memfd's times are its stat's (through its mapping)" \
   "$(py "$tmp/objs.json" "[obj('memfd', 'mfd')[k] for k in ('atime', 'mtime', 'ctime')] == times(attfile(obj('memfd', 'mfd')))")" True
is "--list --json: a live shm object's times are its stat's" \
   "$(py "$tmp/objs.json" "[obj('shm', '$p-a')[k] for k in ('atime', 'mtime', 'ctime')] == times('/dev/shm/$p-a')")" True
is "--list --json: no time of an object whose stat is known is null" \
   "$(py "$tmp/objs.json" "[o['name'] for o in objs if not o['kind'].startswith('sysv') and None in (o['atime'], o['mtime'], o['ctime'])]")" "[]"

# ---- 2. names: exact, from the mapping's own link ----
run_ms --list --json "pid:$hp"
printf '%s\n' "$out" >"$tmp/regs.json"
is "region list: a literal backslash-012 in a removed shm name stays four characters" \
   "$(py "$tmp/regs.json" "(reg('shm', '/$p-lit\\\\012x') is not None, reg('shm', '/$p-lit\\\\012x')['name_ambiguous'])")" \
   "(True, False)"
is "region list: a newline in a removed shm name is a newline" \
   "$(py "$tmp/regs.json" "reg('shm', '/$p-real\\nx') is not None")" True
is "region list: the same for files" \
   "$(py "$tmp/regs.json" "(reg('file', '$tmp/d/lit\\\\012y') is not None, reg('file', '$tmp/d/real\\ny') is not None)")" \
   "(True, True)"
is "region list: no name holds a newline that is not the real name's" \
   "$(py "$tmp/regs.json" "sorted(r['name'] for r in regs if '\\n' in r['name'])")" \
   "$(py "$tmp/regs.json" "sorted(['/$p-real\\nx', '$tmp/d/real\\ny'])")"
run_ms --list "pid:$hp"
like "region list, text: the literal one shows its backslash escaped" "$out" "shm:/$p-lit\\\\012x"
like "region list, text: the newline shows as \\n" "$out" "shm:/$p-real\\nx"
is "object list: both names exact" \
   "$(py "$tmp/objs.json" "(obj('shm', '$p-lit\\\\012x') is not None, obj('shm', '$p-real\\nx') is not None)")" \
   "(True, True)"

# ---- 3. what a region really is: a semaphore, deleted or not ----
is "region list: a sem_open()ed semaphore is sem:/NAME, not glibc's temporary name" \
   "$(py "$tmp/regs.json" "reg('sem', '/$p-sem')['backing']")" "sem:/$p-sem"
is "... the same device and inode as sem.NAME, and not deleted" \
   "$(py "$tmp/regs.json" "(reg('sem', '/$p-sem')['inode'] == os.stat('/dev/shm/sem.$p-sem').st_ino, reg('sem', '/$p-sem')['deleted'])")" \
   "(True, False)"
is "region list: no shm region is named after a temporary sem.XXXXXX" \
   "$(py "$tmp/regs.json" "[r['name'] for r in regs if r['kind'] == 'shm' and r['name'].startswith('/sem.')]")" "[]"
live=$(holder_get sysv_live)
gone=$(holder_get sysv_removed)
is "region list: a live System V segment is not deleted, a removed one is" \
   "$(py "$tmp/regs.json" "[r['deleted'] for i in ($live, $gone) for r in regs if r['kind'] == 'sysv' and r['inode'] == i]")" \
   "[False, True]"
is "region list: a memfd is not deleted (it never had a name to lose)" \
   "$(py "$tmp/regs.json" "[r['deleted'] for r in regs if r['kind'] == 'memfd']")" "[False]"
is "region list: removed shm objects are deleted, live ones not" \
   "$(py "$tmp/regs.json" "(reg('shm', '/$p-real\\nx')['deleted'], reg('shm', '/$p-a')['deleted'])")" "(True, False)"
run_ms --list --kind sem "pid:$hp"
like "--kind sem keeps the semaphore's region" "$out" "sem:/$p-sem"

# ---- 4. commands: every byte PR_SET_NAME took ----
is "JSON: the command holds its newline and the rest" \
   "$(py "$tmp/regs.json" "j['command'] == 'a\\nb\\t\\u202e\\x1b[7m'")" True
is "object list JSON: the same command for each attacher" \
   "$(py "$tmp/objs.json" "set(a['command'] for o in objs for a in o['attachers'])")" "{'a\\nb\\t\\u202e\\x1b[7m'}"
like "region list, text: the command escaped, not cut" "$out" '(a\nb\t\u202e\e[7m)'
run_ms --info "shm:$p-a"
like "--info: the holder's command escaped, not cut" "$out" "$hp a\\nb\\t\\u202e\\e[7m map"
python3 -c 'import ctypes, sys, time
ctypes.CDLL(None).prctl(15, b"x\xff\ny\n", 0, 0, 0)
print("ready", flush=True)
time.sleep(60)' >"$tmp/py.out" 2>&1 &
pyp=$!
on_exit "kill $pyp 2>/dev/null"
await_line "$tmp/py.out" '^ready$' "$pyp" "$tmp/py.out" "the renamed python did not start"
run_ms --list --json "pid:$pyp"
printf '%s\n' "$out" >"$tmp/py.json"
is "JSON: a command that is not UTF-8 has its bytes, trailing newline and all, in command_bytes" \
   "$(py "$tmp/py.json" "j['command_bytes']")" "78ff0a790a"
run_ms --list "pid:$pyp"
like "text: that command escaped, both newlines kept" "$out" '(x\xff\ny\n)'

# ---- 5. --sort name sorts what the NAME column shows ----
run_ms --list --pid "$hp" --sort name --columns name
names=$(printf '%s\n' "$out" | sed -n '2,/^$/p' | grep .)
is "--sort name: the NAME column in order (System V, memfd and shm rows alike)" \
   "$names" "$(printf '%s\n' "$names" | LC_ALL=C sort)"
like "... System V rows by their key, not first for an empty name" "$names" "key=0x00000000"
run_ms --list --pid "$hp" --sort -name --columns name
rnames=$(printf '%s\n' "$out" | sed -n '2,/^$/p' | grep .)
is "--sort -name: the reverse" "$rnames" "$(printf '%s\n' "$names" | LC_ALL=C sort -r)"
run_ms --list "pid:$hp" --sort backing --columns backing
bk=$(printf '%s\n' "$out" | sed -n '/^BACKING/,$p' | sed 1d)
is "region list --sort backing: the BACKING column in order" "$bk" "$(printf '%s\n' "$bk" | LC_ALL=C sort)"

# ---- 6. --kind takes prefixes in any case, as --sort and --columns ----
run_ms --list --pid "$hp" --kind=SH --columns kind
is "--kind=SH: the shm objects (a prefix, any case)" "$(printf '%s\n' "$out" | sed -n '2,/^$/p' | grep . | sort -u)" "shm"
run_ms --list --pid "$hp" --kind=Sysv-Sh,ME --columns kind
is "--kind=Sysv-Sh,ME: the System V segments and the memfd" \
   "$(printf '%s\n' "$out" | sed -n '2,/^$/p' | grep . | sort -u | tr '\n' ' ')" "memfd sysv-shm "
run_ms --list --kind=m
is "--kind=m: bad usage" "$rc" 2
like "--kind=m: ambiguous, naming both as --sort does" "$err" \
   "mapscope: --kind 'm': ambiguous kind name (possibilities: mq, memfd)"
run_ms --list --kind=shm,sysv-s
like "--kind=shm,sysv-s: the ambiguous word is named" "$err" \
   "--kind 'sysv-s': ambiguous kind name (possibilities: sysv-shm, sysv-sem)"
run_ms --list --kind=bogus
like "--kind=bogus: unknown, with the valid ones" "$err" \
   "--kind 'bogus': unknown kind (one of shm, sem, mq, sysv-shm, sysv-sem, sysv-msg, sysv, memfd, all, blockdev)"
run_ms --list --kind=SE "pid:$hp" --columns backing
like "region list --kind=SE: the semaphore (a prefix, any case)" "$out" "sem:/$p-sem"
run_ms --list --kind=s "pid:$hp"
like "region list --kind=s: ambiguous, naming the candidates" "$err" \
   "--kind 's': ambiguous kind name (possibilities: shm, sysv, stack, special, sem)"
run_ms --list --kind=bogus "pid:$hp"
like "region list --kind=bogus: unknown, with the valid ones" "$err" \
   "unknown kind (one of anon, file, shm, sysv, memfd, heap, stack, special, sem, all)"
run_ms --list --sort=s "pid:$hp"
like "region list --sort=s: ambiguous, as the object list says it" "$err" \
   "--sort 's': ambiguous column name (possibilities: size, swap)"

# ---- 7. --pid: its limit, a pid that names no process, the notes ----
run_ms --list --pid "$(seq -s, 1 20000)"
is "--pid with 20000 pids: bad usage" "$rc" 2
like "... says the limit" "$err" "invalid process list (at most 64 processes)"
like "... quotes the start of the argument, cut with an ellipsis" "$err" "--pid '1,2,3,4,5,"
ok "... and not the whole 100 KB of it" test "$(printf '%s' "$err" | wc -c)" -lt 400
run_ms --list --pid "$(seq -s, 1 64)" --columns name
is "--pid with 64 pids: accepted (the ones that are no process are said, status 1)" \
   "$rc:$(printf '%s\n' "$err" | grep -c 'invalid process list')" "1:0"
none=$(( $(cat /proc/sys/kernel/pid_max) + 1 ))
run_ms --list --pid "$none" --columns name
is "--pid of no process: exit status 1, as lsof -p" "$rc" 1
like "... said on stderr, as ps and lsof do" "$err" "mapscope: --pid $none: no such process"
like "... the (empty) list is still printed" "$out" "NAME"
run_ms --list --pid "$none,$hp" --columns name
is "--pid of one missing and one live process: status 1" "$rc" 1
like "... the live one's objects are listed" "$out" "/$p-a"
like "... the missing one is named" "$err" "--pid $none: no such process"
run_ms --list --json --pid "$none"
is "--pid of no process with --json: status 1 too" "$rc" 1
run_ms --list --pid "$hp" --columns name
is "--pid of a live process: status 0, nothing on stderr" "$rc:$err" "0:"
if [ "$(id -u)" -eq 0 ]; then
   run_ms_unprivileged --list --json --pid "$hp"
   printf '%s\n' "$out" >"$tmp/nobody-pid.json"
   is "--pid as another user: only the selected process in the not-inspected notes (JSON)" \
      "$(py "$tmp/nobody-pid.json" "([d['pid'] for d in j['processes']['not_inspected']], j['processes']['denied'])")" \
      "([$hp], 1)"
   run_ms_unprivileged --list --pid "$hp" --columns name
   like "... and in text: it is named" "$out" "    1 process ($hp "
   is "... and no other process is" "$(printf '%s\n' "$out" | grep -c '^    [0-9]')" 1
   run_ms_unprivileged --list --json
   printf '%s\n' "$out" >"$tmp/nobody-all.json"
   is "without --pid: every process that could not be inspected (more than the one)" \
      "$(py "$tmp/nobody-all.json" "len(j['processes']['not_inspected']) > 1")" True
else
   for i in 1 2 3 4; do skip "--pid as another user" "needs root to become nobody"; done
fi

done_testing
