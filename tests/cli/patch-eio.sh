#!/bin/sh
# A flush that fails with EIO: the block device is a loop device over a
# sparse file on a full tmpfs, so the writes reach its page cache and the
# fsync() fails (the loop driver turns the backing file's ENOSPC into EIO).
# The journal stays; a read-only start says the object is half-written,
# --recover while the device still fails keeps it, and one after space is
# freed replays it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root for a tmpfs and a loop device"
command -v losetup >/dev/null 2>&1 || skip_all "losetup is not installed"

mnt=$tmp/mnt
loop=""
mkdir "$mnt"
if ! mount -t tmpfs -o size=1M tmpfs "$mnt" 2>"$tmp/mount.err"; then
   skip_all "cannot mount a tmpfs: $(cat "$tmp/mount.err")"
fi
release() {
   [ -n "$loop" ] && losetup -d "$loop" 2>/dev/null
   umount "$mnt" 2>/dev/null || umount -l "$mnt"
}
on_exit release

truncate -s 4M "$mnt/backing"
loop=$(losetup -f --show "$mnt/backing" 2>"$tmp/losetup.err") ||
   { loop=""; skip_all "no loop device can be set up here: $(cat "$tmp/losetup.err")"; }
dd if=/dev/zero of="$mnt/fill" bs=4096 status=none 2>/dev/null
is "the file system under the loop device is full" \
   "$(df --output=avail "$mnt" | tail -n 1 | tr -d ' ')" 0

run_ms --patch 2M:deadbeef --patch 3M:cafe --flush "$loop"
is "EIO at fsync: exit 1" "$rc" 1
like "EIO at fsync: says why" "$err" "Input/output error"
like "EIO at fsync: says the object may be half-written" "$err" "half-written"
like "EIO at fsync: names the journal and how to restore the object" "$err" \
   "restores it (mapscope --recover"
is "EIO at fsync: the journal stays" "$(journals)" 1

# A read-only start says so and writes nothing; the device still fails:
# --recover cannot write either, and says so; the journal stays.
run_ms --dump -s 2M -n 16 "$loop"
like "a dump says the object is half-written" "$err" "half-written"
like "and how to roll it back" "$err" "mapscope --recover"
run_ms --recover "$loop"
is "still failing: --recover exits 1" "$rc" 1
like "still failing: --recover says it cannot roll back" "$err" "cannot roll back"
like "still failing: and that the journal is kept" "$err" "is kept"
is "still failing: the journal stays" "$(journals)" 1
run_ms --dump -s 2M -n 16 "$loop"
is "still failing: the dump shows the old bytes" "$out" \
"00200000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
00200010"

# Space again: --recover rolls the interrupted flush back.
rm -f "$mnt/fill"
run_ms --recover "$loop"
is "space again: --recover exits 0" "$rc" 0
like "space again: the journal is replayed" "$out" "rolled back an interrupted flush: 6 bytes restored"
is "space again: no journal is left" "$(journals)" 0
run_ms --dump -s 3M -n 2 "$loop"
is "space again: the old bytes are there" "$out" \
"00300000  00 00                                             |..|
00300002"
is "space again: on the device's backing file too" \
   "$(bytes_at "$mnt/backing" 2097152 4)$(bytes_at "$mnt/backing" 3145728 2)" "000000000000"

# And the same flush now works.
run_ms --patch 2M:deadbeef --patch 3M:cafe --flush "$loop"
is "with room: exit 0" "$rc" 0
is "with room: the bytes reach the backing file" \
   "$(bytes_at "$mnt/backing" 2097152 4)$(bytes_at "$mnt/backing" 3145728 2)" "deadbeefcafe"

done_testing
