#!/bin/sh
# A flush that runs out of space (ENOSPC) fails, keeps the object unchanged
# (what was written is rolled back at once) and leaves no journal behind.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

mnt=$tmp/mnt
mkdir "$mnt"
if ! mount -t tmpfs -o size=64k tmpfs "$mnt" 2>"$tmp/mount.err"; then
   skip_all "cannot mount a tmpfs: $(cat "$tmp/mount.err")"
fi
on_exit "umount '$mnt' 2>/dev/null || umount -l '$mnt'"

# a sparse file: its first page is data, the rest holes
f=$mnt/data
truncate -s 256K "$f"
head -c 4096 /dev/urandom >"$tmp/page"
splice "$f" 0 "$tmp/page"
cp "$f" "$tmp/orig"

# tmpfs gives a hole a page as soon as a mapping touches it, so editing
# allocates the pages the flush will write.  To make the flush itself run out
# of space, the test stops after the edits, punches those pages out again
# (the bytes stay zeros, only the mtime changes: hence --force) and fills the
# file system.  Page 0 is then written first (it has its page), the holes
# need new pages: ENOSPC.
MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" --patch 0:01020304 --patch 65536:aa \
   --patch 131072:bb --flush --force "$f" >"$tmp/bg.out" 2>"$tmp/bg.err" &
pid=$!
on_exit "kill -9 $pid 2>/dev/null"
ok "the edits are applied" wait_stopped "$pid"
fallocate -p -o 65536 -l 4096 "$f"
fallocate -p -o 131072 -l 4096 "$f"
dd if=/dev/zero of="$mnt/fill" bs=4096 status=none 2>/dev/null
is "the file system is full" "$(df --output=avail "$mnt" | tail -n 1 | tr -d ' ')" 0
kill -CONT "$pid"
wait "$pid"
rc=$?
err=$(cat "$tmp/bg.err")
is "ENOSPC: exit 1" "$rc" 1
like "ENOSPC: says why" "$err" "No space left on device"
like "ENOSPC: says the object is unchanged" "$err" "No space left on device; the object is unchanged"
ok "ENOSPC: does not claim that the edits are kept (the process exits)" \
   sh -c 'case "$1" in *kept*) exit 1 ;; esac' - "$err"
ok "ENOSPC: the file is unchanged (page 0 rolled back)" same "$f" "$tmp/orig"
is "ENOSPC: no journal is left" "$(journals)" 0
run_ms --dump -n 16 "$f"
is "ENOSPC: the next run finds nothing to roll back" "$err" ""

# editing a hole of a full tmpfs: an error, not a crash
run_ms --patch 196608:aa "$f"
is "a hole with no room for its page: exit 1" "$rc" 1
like "a hole with no room for its page: says why" "$err" "SIGBUS"

# the journal itself has no room: nothing is touched
XDG_STATE_HOME=$mnt/state run_ms --patch 0:01020304 --flush "$f"
is "no room for the journal: exit 1" "$rc" 1
like "no room for the journal: says so" "$err" "journal"
ok "no room for the journal: the file is unchanged" same "$f" "$tmp/orig"
is "no room for the journal: none is left behind" "$(ls "$mnt/state/mapscope" 2>/dev/null | wc -l)" 0

# room again: the same flush now works
rm -f "$mnt/fill"
run_ms --patch 0:01020304 --patch 65536:aa --patch 131072:bb --flush "$f"
is "with room: exit 0" "$rc" 0
is "with room: the bytes are there" "$(bytes_at "$f" 0 4)$(bytes_at "$f" 65536 1)$(bytes_at "$f" 131072 1)" "01020304aabb"

done_testing
