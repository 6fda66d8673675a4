#!/bin/sh
# Looking changes nothing: --list and --info leave the atime, mtime and
# ctime of every object they read as they were (stat and ipcs are the
# oracles); a read-only viewer does not make a semaphore look misused.
#
# Any other program that reads these objects meanwhile (another mapscope's
# scan of the machine) would change their times too: as root the test runs
# in IPC and mount name spaces of its own, with a /dev/shm of its own, so
# that it sees only what it did itself.
if [ -z "$MS_TIMES_PRIVATE" ] && [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null 2>&1 \
   && unshare -m -i --propagation private true 2>/dev/null; then
   MS_TIMES_PRIVATE=1 exec unshare -m -i --propagation private sh -c '
      umount -a -t mqueue 2>/dev/null
      mount -t tmpfs -o mode=1777 none /dev/shm && exec sh "$0"' "$0"
fi
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/objects-lib.sh"

need_shm
p="mti$$"
holder_start "$p" "0x7e$(printf '%06x' $(( $$ & 0xffffff )))"
mqueue_setup
hp=$(holder_get pid)
sid=$(holder_get sysv_shm_id)

# Times a day back, so that any access (relatime too) would show.
old="$(date -d '-2 days' '+%Y-%m-%d %H:%M:%S')"
for f in "/dev/shm/$p-shm" "/dev/shm/sem.$p-sem" "/dev/shm/sem.$p-same"; do
   touch -a -d "$old" "$f"
done
mqstat() {
   with_mq sh -c 'd=$(awk '"'"'$3 == "mqueue" { print $2; exit }'"'"' /proc/self/mounts); stat -c "%X %Y %Z" "$d/$1"' sh "$1"
}
obj_times() {
   for f in "/dev/shm/$p-shm" "/dev/shm/sem.$p-sem" "/dev/shm/sem.$p-same"; do
      printf '%s %s\n' "$f" "$(stat -c '%X %Y %Z' "$f")"
   done
   printf 'memfd %s\n' "$(stat -L -c '%X %Y %Z' "/proc/$hp/fd/$(holder_get memfd_fd)")"
   # ipcs -t: the segment's attach, detach and change times.
   printf 'sysv %s\n' "$(ipcs -m -t | awk -v id="$sid" '$1 == id' | tr -s ' ')"
   if [ "$have_mq" = yes ] && [ "$(holder_get mq)" = yes ]; then
      printf 'mq %s\n' "$(mqstat "$p-same")"
   fi
}
sleep 1.1          # a second boundary: a change now shows in seconds
obj_times >"$tmp/t0"
run_list --list
is "--list exits 0" "$rc" 0
run_list --list --json
obj_times >"$tmp/t1"
is "--list and --list --json change no time of any object (stat, ipcs -t)" \
   "$(diff "$tmp/t0" "$tmp/t1")" ""
for src in "shm:/$p-shm" "sem:/$p-sem" "sem:/$p-same" "/proc/$hp/fd/$(holder_get memfd_fd)" "sysv:$sid"; do
   run_list --info "$src"
   run_list --info --json "$src"
done
obj_times >"$tmp/t2"
is "--info of shm, sem, memfd and a segment changes no time either" "$(diff "$tmp/t0" "$tmp/t2")" ""
ok "the times compared are real ones (a day back for the semaphore)" \
   test "$(stat -c %X "/dev/shm/sem.$p-sem")" -lt "$(( $(date +%s) - 86400 ))"
run_list --list --json --kind=sem
printf '%s\n' "$out" >"$tmp/sem.json"
is "the semaphore's value is still read (O_NOATIME)" \
   "$(jq_py "$tmp/sem.json" "one('sem', '$p-sem')['value']")" 3
is "... and the atime --list reports is the object's, not mapscope's read" \
   "$(jq_py "$tmp/sem.json" "one('sem', '$p-sem')['atime']")" "$(stat -c %X "/dev/shm/sem.$p-sem")"

# Another user may not keep the access time (O_NOATIME is the owner's):
# the value is not read, and says why; the time stays.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
   chmod 0644 "/dev/shm/sem.$p-sem"
   before=$(stat -c '%X %Y %Z' "/dev/shm/sem.$p-sem")
   with_mq setpriv --reuid=65534 --regid=65534 --clear-groups -- "$MAPSCOPE" --list --kind=sem \
      --columns name,detail >"$tmp/nb.txt" 2>&1
   is "as another user: the semaphore's times stay" "$(stat -c '%X %Y %Z' "/dev/shm/sem.$p-sem")" "$before"
   ok "as another user: value=? and why" \
      grep -Eq "^/$p-sem +value=\\? \\(reading it would set its access time\\)" "$tmp/nb.txt"
   if [ "$have_mq" = yes ] && [ "$(holder_get mq)" = yes ]; then
      with_mq setpriv --reuid=65534 --regid=65534 --clear-groups -- "$MAPSCOPE" --list --kind=mq \
         --columns name,detail >"$tmp/nbq.txt" 2>&1
      ok "as another user: a queue it may not open says so" \
         grep -Eq "^/$p-same +messages=\\? \\(no permission to open it\\)" "$tmp/nbq.txt"
   else
      skip "as another user: a queue it may not open says so" "no mqueue file system"
   fi
else
   skip "as another user: the semaphore's times stay" "needs root and setpriv"
   skip "as another user: value=? and why" "needs root and setpriv"
   skip "as another user: a queue it may not open says so" "needs root and setpriv"
fi

# A read-only viewer (a descriptor and a r--s mapping, as mapscope's
# screen holds sem:/NAME) is no misuse of the semaphore.
mkfifo "$tmp/view.in"
python3 -c '
import mmap, os, sys
fd = os.open("/dev/shm/sem." + sys.argv[1], os.O_RDONLY)
m = mmap.mmap(fd, 32, mmap.MAP_SHARED, mmap.PROT_READ)
print("ready", flush=True)
sys.stdin.read()
' "$p-sem" <"$tmp/view.in" >"$tmp/view.out" 2>"$tmp/view.err" &
view_pid=$!
exec 9>"$tmp/view.in"
on_exit "exec 9>&-; kill $view_pid 2>/dev/null; wait $view_pid 2>/dev/null"
await_line "$tmp/view.out" '^ready$' "$view_pid" "$tmp/view.err" "the viewer did not get ready"
run_list --list --json --kind=sem
printf '%s\n' "$out" >"$tmp/viewed.json"
is "a viewer holds it by a descriptor and a read-only mapping" \
   "$(jq_py "$tmp/viewed.json" "sorted(set(a.get('perms', 'fd') for a in one('sem', '$p-sem')['attachers'] if a['pid'] == $view_pid))")" \
   "['fd', 'r--s']"
is "... and it is not flagged sem-shm" "$(jq_py "$tmp/viewed.json" "one('sem', '$p-sem')['flags']")" "[]"
run_list --info "sem:/$p-sem"
ok "--info: no sem-shm flag" sh -c '! grep -q "sem-shm" "$1"' sh "$tmp/.out"

done_testing
