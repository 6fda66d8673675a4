#!/bin/sh
# What mapscope says must be true, and looking must not change what it
# looks at: --info and --list read /proc/sysvipc and never attach a System
# V segment (its nattch, lpid and times stay); the modes that read its
# bytes attach, and say so.  Without the mqueue file system, --list and
# --demo say why no message queue is listed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/objects-lib.sh"

need_shm
[ -r /proc/sysvipc/shm ] || skip_all "no /proc/sysvipc on this machine"
command -v ipcmk >/dev/null 2>&1 || skip_all "ipcmk is not installed (util-linux)"

id=$(ipcmk -M 8192 2>/dev/null | sed -n 's/^Shared memory id: //p')
[ -n "$id" ] || skip_all "cannot make a System V segment"
on_exit "ipcrm -m $id 2>/dev/null"
# The row of the segment: key id perms size cpid lpid nattch ... atime dtime ctime ...
row() { awk -v id="$id" 'NR > 1 && $2 == id' /proc/sysvipc/shm; }
before=$(row)

run_ms --info "sysv:$id"
is "--info sysv:ID: exits 0" "$rc" 0
like "--info: the segment" "$out" "sysv-shm"
is "--info: the segment's nattch, lpid and times are untouched" "$(row)" "$before"
run_ms --info --json "sysv:$id"
is "--info --json: untouched" "$(row)" "$before"
printf '%s\n' "$out" >"$tmp/info.json"
is "--info --json: nattch 0, none of it mapscope's" \
   "$(python3 -c 'import json,sys; o=json.load(open(sys.argv[1]))["object"]; print(o["nattch"], o["nattch_mapscope"])' "$tmp/info.json")" \
   "0 0"
run_ms --info "sysv:key=$(awk -v id="$id" 'NR > 1 && $2 == id { printf "0x%08x", $1 < 0 ? $1 + 4294967296 : $1 }' /proc/sysvipc/shm)"
is "--info sysv:key=KEY: untouched" "$(row)" "$before"
run_ms --list --kind sysv-shm
is "--list: untouched" "$(row)" "$before"
run_ms --list --json
is "--list --json: untouched" "$(row)" "$before"

run_ms --dump -n 16 "sysv:$id"
is "--dump sysv:ID: exits 0" "$rc" 0
like "--dump: says it attached, and what that did" "$err" \
   "sysv:$id: attached by mapscope: counted in nattch while open; lpid and the attach time now name mapscope"
lpid=$(row | awk '{ print $6 }')
is "--dump: the kernel's lpid names the dump, as said" "$([ "$lpid" != 0 ] && echo changed)" changed
run_ms --find xyz "sysv:$id"
like "--find: says so too" "$err" "attached by mapscope: counted in nattch"
run_ms --dump -n 0 "sysv:$id"
is "--dump -n 0: nothing read, nothing attached, nothing said" "$err" ""
# Every mode that attaches says so, once (one hook in the source layer).
before=$(row)
run_ms --xxd -l 16 "sysv:$id"
is "--xxd: exits 0" "$rc" 0
is "--xxd: says it attached, once" "$err" \
   "mapscope: sysv:$id: attached by mapscope: counted in nattch while open; lpid and the attach time now name mapscope"
run_ms --xxd -l 16 -s 4096 -g 4 -c 8 "sysv:$id"
like "--xxd -s: says it too" "$err" "sysv:$id: attached by mapscope"
run_ms --find --count xyz "sysv:$id"
is "--find --count: says it once" "$(printf '%s\n' "$err" | grep -c 'attached by mapscope')" 1
run_ms --dump -n 16 "sysv:key=$(awk -v id="$id" 'NR > 1 && $2 == id { printf "0x%08x", $1 < 0 ? $1 + 4294967296 : $1 }' /proc/sysvipc/shm)"
like "--dump sysv:key=KEY: says it" "$err" "attached by mapscope"

# ---- the mqueue file system, not mounted ----
# A private mount namespace without any mqueue mount, where we may make one.
no_mq() {
   unshare -m sh -c 'awk '"'"'$3 == "mqueue" { print $2 }'"'"' /proc/self/mounts |
      while read -r m; do umount "$m" || exit 1; done; exec "$@"' sh "$@"
}
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null 2>&1 && no_mq true 2>/dev/null; then
   out=$(no_mq "$MAPSCOPE" --list 2>&1)
   like "--list: says why no queue is listed" "$out" \
      "Note: message queues are not listed: the mqueue file system is not mounted (mount -t mqueue none /dev/mqueue)."
   out=$(no_mq "$MAPSCOPE" --list --kind shm 2>&1)
   unlike_mq=$(printf '%s\n' "$out" | grep -c "message queues are not listed")
   is "--list --kind shm: no word about queues" "$unlike_mq" 0
   out=$(echo | no_mq "$MAPSCOPE" --demo 2>&1)
   like "--demo: says why its queue is not listed" "$out" \
      "message queues are not listed: the mqueue file system is not mounted"
   # --info of a shm object or semaphore (one name space with the queues):
   # a colliding queue cannot be seen, and it says so instead of nothing.
   q="msnoq$$"
   printf 'x' >"/dev/shm/$q"
   head -c 32 /dev/zero >"/dev/shm/sem.$q"
   on_exit "rm -f /dev/shm/$q /dev/shm/sem.$q"
   unseen="Note: message queues cannot be seen: the mqueue file system is not mounted (mount -t mqueue none /dev/mqueue), so a queue with this name would not be flagged as a collision."
   out=$(no_mq "$MAPSCOPE" --info "shm:/$q" 2>&1)
   like "--info shm: without mqueue: a colliding queue cannot be seen" "$out" "$unseen"
   out=$(no_mq "$MAPSCOPE" --info "sem:$q" 2>&1)
   like "--info sem: without mqueue: the same" "$out" "$unseen"
   out=$(no_mq "$MAPSCOPE" --info --json "shm:/$q" 2>/dev/null)
   like "--info --json: queues_unseen" "$out" '"queues_unseen":"message queues cannot be seen: the mqueue file system is not mounted'
   out=$(no_mq "$MAPSCOPE" --info "sysv:$id" 2>&1)
   is "--info sysv: no word about queues (another name space)" "$(printf '%s\n' "$out" | grep -c 'message queues cannot be seen')" 0
   mkdir "$tmp/mqd"
   if unshare -m sh -c 'mount -t mqueue none "$0"' "$tmp/mqd" 2>/dev/null; then
      out=$(unshare -m sh -c 'mount -t mqueue none "$0" && exec "$@"' "$tmp/mqd" \
            "$MAPSCOPE" --info "shm:/$q" 2>&1)
      like "--info shm: with mqueue mounted: described" "$out" "object:      shm /$q"
      is "--info shm: with mqueue mounted: no such note" "$(printf '%s\n' "$out" | grep -c 'message queues cannot be seen')" 0
   else
      skip "--info shm: with mqueue mounted: described" "cannot mount mqueue in a namespace"
      skip "--info shm: with mqueue mounted: no such note" "cannot mount mqueue in a namespace"
   fi
else
   skip "--list: says why no queue is listed" "needs root and unshare for a namespace without mqueue"
   skip "--list --kind shm: no word about queues" "needs root and unshare"
   skip "--demo: says why its queue is not listed" "needs root and unshare"
   skip "--info shm: without mqueue: a colliding queue cannot be seen" "needs root and unshare"
   skip "--info sem: without mqueue: the same" "needs root and unshare"
   skip "--info --json: queues_unseen" "needs root and unshare"
   skip "--info sysv: no word about queues (another name space)" "needs root and unshare"
   skip "--info shm: with mqueue mounted: described" "needs root and unshare"
   skip "--info shm: with mqueue mounted: no such note" "needs root and unshare"
fi

done_testing
