#!/bin/sh
# --info describes what it may not open: another user's System V segment
# from the kernel's list (as --list does), a POSIX shm object or semaphore
# from stat, saying what could not be read and why; exit status 0 (it
# described the object).  The modes that read still refuse (exit 1).
. "$top_srcdir/tests/lib.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root to run as nobody"
command -v setpriv >/dev/null 2>&1 || skip_all "setpriv is not installed (util-linux)"
command -v ipcmk >/dev/null 2>&1 || skip_all "ipcmk is not installed (util-linux)"
[ -d /dev/shm ] && [ -r /proc/sysvipc/shm ] || skip_all "no /dev/shm or /proc/sysvipc"

p="msden$$"
id=$(ipcmk -M 4096 -p 0640 2>/dev/null | sed -n 's/^Shared memory id: //p')
[ -n "$id" ] || skip_all "cannot make a System V segment"
on_exit "ipcrm -m $id 2>/dev/null; rm -f /dev/shm/$p /dev/shm/sem.$p"
key=$(awk -v id="$id" 'NR > 1 && $2 == id { printf "0x%08x", $1 < 0 ? $1 + 4294967296 : $1 }' /proc/sysvipc/shm)
row() { awk -v id="$id" 'NR > 1 && $2 == id' /proc/sysvipc/shm; }
(umask 077; head -c 100 /dev/zero >"/dev/shm/$p"; head -c 32 /dev/zero >"/dev/shm/sem.$p")
before=$(row)

note_sysv="Note: it could not be opened (Permission denied): kind, size, owner and mode come from the kernel's list of System V segments, which any user may read; none of its bytes were read."
note_stat="Note: it could not be opened (Permission denied): kind, size, owner and mode come from its stat, which needs no permission to the object; none of its bytes were read."
for spec in "sysv:$id" "sysv:key=$key"; do
   run_ms_unprivileged --info "$spec"
   is "--info $spec as nobody: exits 0" "$rc" 0
   like "--info $spec: the kind" "$out" "kind:        System V shared memory"
   like "--info $spec: the size" "$out" "size:        4096"
   like "--info $spec: owner and mode" "$out" "owner:       root, 0640"
   like "--info $spec: what was not read, and why" "$out" "$note_sysv"
   like "--info $spec: the object's row" "$out" "sysv-shm key=$key id=$id"
done
run_ms_unprivileged --info --json "sysv:$id"
like "--info --json sysv:ID: not opened, and why" "$out" \
   "\"size\":4096,\"opened\":false,\"granularity\":4096,\"page_size\":4096,\"not_opened\":\"Permission denied\""
is "--info as nobody: the segment untouched" "$(row)" "$before"
run_ms_unprivileged --dump "sysv:$id"
is "--dump sysv:ID as nobody: still refused, exit 1" "$rc" 1
like "--dump sysv:ID: why" "$err" "Permission denied"

for spec in "shm:/$p" "shm:$p" "sem:$p"; do
   run_ms_unprivileged --info "$spec"
   is "--info $spec as nobody: exits 0" "$rc" 0
   like "--info $spec: what was not read, and why" "$out" "$note_stat"
   like "--info $spec: owner and mode" "$out" "owner:       root, 0600"
done
run_ms_unprivileged --info "shm:/$p"
like "--info shm: the kind" "$out" "kind:        POSIX shared memory"
like "--info shm: the size from stat" "$out" "size:        100"
run_ms_unprivileged --info "sem:$p"
like "--info sem: the kind" "$out" "kind:        POSIX semaphore"
run_ms_unprivileged --info --json "shm:$p"
like "--info --json shm: not opened, and why" "$out" "\"opened\":false"
like "--info --json shm: the reason" "$out" "\"not_opened\":\"Permission denied\""
run_ms_unprivileged --dump "shm:$p"
is "--dump shm: as nobody: still refused, exit 1" "$rc" 1
like "--dump shm: why" "$err" "cannot open (Permission denied)"
run_ms_unprivileged --info "shm:/$p.none"
is "--info of no object as nobody: still exit 1" "$rc" 1

done_testing
