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

done_testing
