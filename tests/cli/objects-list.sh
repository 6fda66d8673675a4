#!/bin/sh
# --list and --list --json against objects made by tests/helpers/objholder:
# every kind, every collision, the right sizes, attachers and flags.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/objects-lib.sh"

need_shm
p="mst$$"
holder_start "$p" "0x5e$(printf '%06x' $(( $$ & 0xffffff )))"
mqueue_setup
hp=$(holder_get pid)

# A shm object named with a newline, unlinked while it stays mapped: the
# kernel prints the name in /proc/PID/maps with the newline as \012.
mkfifo "$tmp/nl.in"
python3 -c '
import mmap, os, sys
path = "/dev/shm/" + sys.argv[1] + "-nl\nx"
fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
os.ftruncate(fd, 4096)
m = mmap.mmap(fd, 4096)
os.unlink(path)
os.close(fd)
print("ready", flush=True)
sys.stdin.read()
' "$p" <"$tmp/nl.in" >"$tmp/nl.out" 2>"$tmp/nl.err" &
nl_pid=$!
exec 8>"$tmp/nl.in"
on_exit "exec 8>&-; kill $nl_pid 2>/dev/null; wait $nl_pid 2>/dev/null"
await_line "$tmp/nl.out" '^ready$' "$nl_pid" "$tmp/nl.err" "the newline holder did not get ready"
run_list --list --json
is "--list --json exits 0" "$rc" 0
printf '%s\n' "$out" >"$tmp/list.json"
is "the JSON parses" "$(jq_py "$tmp/list.json" '"yes"')" yes
is "processes were scanned" "$(jq_py "$tmp/list.json" 'j["processes"]["scanned"] > 0')" True

is "shm: kind, size" "$(jq_py "$tmp/list.json" "one('shm', '$p-shm')['size']")" 8192
is "shm: the holder holds it by its descriptor" \
   "$(jq_py "$tmp/list.json" "[a['fd'] for a in one('shm', '$p-shm')['attachers'] if a['pid'] == $hp and 'fd' in a]")" \
   "[$(holder_get shm_fd)]"
is "shm: and maps it rw-s at offset 0" \
   "$(jq_py "$tmp/list.json" "[(a['perms'], a['offset']) for a in one('shm', '$p-shm')['attachers'] if a['pid'] == $hp and 'perms' in a]")" \
   "[('rw-s', 0)]"
is "shm: no flags" "$(jq_py "$tmp/list.json" "one('shm', '$p-shm')['flags']")" "[]"

is "sem: kind sem, 32 bytes" "$(jq_py "$tmp/list.json" "one('sem', '$p-sem')['size']")" 32
is "sem: its value as glibc keeps it" "$(jq_py "$tmp/list.json" "one('sem', '$p-sem')['value']")" 3
is "sem: the holder's mapping is matched by dev:inode" \
   "$(jq_py "$tmp/list.json" "pids(one('sem', '$p-sem'))")" "[$hp]"
is "sem: no flags" "$(jq_py "$tmp/list.json" "one('sem', '$p-sem')['flags']")" "[]"

is "sem opened as shm sem.X and written: sem-shm, no value" \
   "$(jq_py "$tmp/list.json" "(one('sem', '$p-clash')['flags'], 'value' in one('sem', '$p-clash'))")" \
   "(['sem-shm'], False)"
is "shm named sem.X of 4096 bytes: a sem with sem-shm" \
   "$(jq_py "$tmp/list.json" "(one('sem', '$p-fat')['size'], one('sem', '$p-fat')['flags'])")" \
   "(4096, ['sem-shm'])"

is "one name as shm and semaphore: name-collision on both" \
   "$(jq_py "$tmp/list.json" "[one(k, '$p-same')['flags'] for k in ('shm', 'sem')]")" \
   "[['name-collision'], ['name-collision']]"
if [ "$have_mq" = yes ] && [ "$(holder_get mq)" = yes ]; then
   is "mq: listed with name-collision" \
      "$(jq_py "$tmp/list.json" "one('mq', '$p-same')['flags']")" "['name-collision']"
   # The holder made it with mq_maxmsg 4, mq_msgsize 32, and sent one.
   is "mq: the count and the limits (mq_getattr), no size in bytes" \
      "$(jq_py "$tmp/list.json" "[one('mq', '$p-same')[k] for k in ('messages', 'maxmsg', 'msgsize', 'size')]")" \
      "[1, 4, 32, None]"
   run_list --list --kind=mq --columns name,size,detail
   ok "mq: the table's DETAIL, as sysv-msg rows have theirs" \
      grep -Eq "^/$p-same +- +messages=1 maxmsg=4 msgsize=32 *\$" "$tmp/.out"
else
   skip "mq: listed with name-collision" "the mqueue file system cannot be mounted here"
   skip "mq: the count and the limits" "the mqueue file system cannot be mounted here"
   skip "mq: the table's DETAIL" "the mqueue file system cannot be mounted here"
fi

is "mapped past its end: size-mismatch" \
   "$(jq_py "$tmp/list.json" "(one('shm', '$p-shrunk')['size'], one('shm', '$p-shrunk')['flags'])")" \
   "(4096, ['size-mismatch'])"
is "unlinked but mapped: removed" \
   "$(jq_py "$tmp/list.json" "(one('shm', '$p-gone')['removed'], one('shm', '$p-gone')['flags'], pids(one('shm', '$p-gone')))")" \
   "(True, ['removed'], [$hp])"
# The kernel prints a newline in a mapped file's name as \012: decoded,
# the JSON name is the object's own (JSON's escapes carry the newline),
# display_name the text the table shows.
is "unlinked, named with a newline: the name decoded, the real name in JSON" \
   "$(jq_py "$tmp/list.json" "(one('shm', '$p-nl\\nx')['name'], one('shm', '$p-nl\\nx')['removed'], one('shm', '$p-nl\\nx')['display_name'])")" \
   "('$p-nl\\nx', True, '/$p-nl\\\\nx')"
is "memfd: found, sized, held by its descriptor" \
   "$(jq_py "$tmp/list.json" "(one('memfd', '$p-memfd')['size'], [a['fd'] for a in one('memfd', '$p-memfd')['attachers'] if 'fd' in a])")" \
   "(3000, [$(holder_get memfd_fd)])"

# Names are untrusted: ESC and other controls never reach the output raw.
is "JSON: a name with control characters is itself, in JSON's escapes" \
   "$(jq_py "$tmp/list.json" "[(o['name'], o['display_name']) for o in objs if o['name'].startswith('$p-esc')]")" \
   "[('$p-esc\\x1b[31m\\x01x', '/$p-esc\\\\e[31m\\\\x01x')]"
ok "JSON: the escapes are JSON's (\\u001b), not the table's" grep -qF '"name":"'"$p"'-esc\u001b[31m\u0001x"' "$tmp/list.json"
# Names that reorder a line (U+202E) or are not UTF-8 (JSON strings are
# Unicode): the first is itself, as \u202e; the second has its bytes in hex.
python3 -c '
import os, sys
for n in (sys.argv[1] + "-bidi\u202eabc", sys.argv[1] + "-bad\udcffz"):
    fd = os.open(os.fsencode("/dev/shm/" + n), os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
' "$p"
on_exit "rm -f /dev/shm/$p-bidi* /dev/shm/$p-bad*"
run_list --list --json
printf '%s\n' "$out" >"$tmp/list2.json"
is "JSON: a bidi override in a name is itself" \
   "$(jq_py "$tmp/list2.json" "[o['name'] == '$p-bidi\\u202eabc' for o in objs if o['name'].startswith('$p-bidi')]")" "[True]"
ok "... written as \\u202e, never raw" grep -qF '"name":"'"$p"'-bidi\u202eabc"' "$tmp/list2.json"
is "JSON: a name that is not UTF-8: U+FFFD, and its bytes in name_bytes" \
   "$(jq_py "$tmp/list2.json" "[(o['name'] == '$p-bad\\ufffdz', bytes.fromhex(o['name_bytes'])) for o in objs if o['name'].startswith('$p-bad')]")" \
   "[(True, b'$p-bad\\xffz')]"
run_list --list
is "--list exits 0" "$rc" 0
like "table: the escaped name" "$out" "/$p-esc\\e[31m\\x01x"
ok "table: no raw ESC or ^A byte anywhere" sh -c '! grep -q "$(printf "[\033\001]")" "$1"' sh "$tmp/.out"
ok "JSON: no raw ESC byte anywhere" sh -c '! grep -q "$(printf "\033")" "$1"' sh "$tmp/list.json"
header=$(printf '%s\n' "$out" | head -n 1)
like "table: a header" "$header" "KIND"
col=$(printf '%s\n' "$header" | awk '{ print index($0, "OWNER") }')
rows=$(printf '%s\n' "$out" | grep -c " /$p-")
me=$(id -un)
aligned=$(printf '%s\n' "$out" | grep " /$p-" |
   awk -v c="$col" -v me="$me " 'substr($0, c, length(me)) == me { n++ } END { print n + 0 }')
ok "table: a row for each of the holder's objects" test "$rows" -ge 8
is "table: the OWNER column is aligned on every row" "$aligned" "$rows"
like "table: the flags are explained" "$out" "name-collision: "
like "table: size-mismatch explained with SIGBUS" "$out" "SIGBUS"

run_list --list --json --kind=sem
printf '%s\n' "$out" >"$tmp/sem.json"
is "--kind=sem: only semaphores" "$(jq_py "$tmp/sem.json" "sorted(set(o['kind'] for o in objs))")" "['sem']"
run_list --list --kind=shm,bogus
is "--kind with an unknown kind: exit 2" "$rc" 2
like "--kind: the unknown word is named" "$err" "'bogus'"
run_list --list extra
is "--list takes no SOURCE" "$rc" 2

# Processes that cannot be inspected are counted, never dropped silently.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
   with_mq setpriv --reuid=65534 --regid=65534 --clear-groups -- "$MAPSCOPE" --list --json \
      >"$tmp/nobody.json" 2>"$tmp/nobody.err"
   is "as nobody: the holder's processes are counted as not inspected" \
      "$(jq_py "$tmp/nobody.json" "j['processes']['denied'] > 0")" True
   setpriv --reuid=65534 --regid=65534 --clear-groups -- "$MAPSCOPE" --list >"$tmp/nobody.txt" 2>&1
   ok "as nobody: the table says so" grep -q "could not be inspected" "$tmp/nobody.txt"
else
   skip "as nobody: not inspected processes are counted" "needs root and setpriv"
   skip "as nobody: the table says so" "needs root and setpriv"
fi

done_testing
