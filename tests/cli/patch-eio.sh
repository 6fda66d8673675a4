#!/bin/sh
# A flush that fails with EIO: the block device is a loop device over a
# sparse file on a full tmpfs, so the writes reach its page cache and the
# fsync() fails (the loop driver turns the backing file's ENOSPC into EIO).
# The edits are kept, the journal stays for the next start, a start while
# the device still fails keeps it, and one after space is freed replays it.
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
like "EIO at fsync: the edits are kept" "$err" "the edits are kept"
like "EIO at fsync: names the journal that restores the object" "$err" \
   "restores the object at the next start"
is "EIO at fsync: the journal stays" "$(journals)" 1

# The device still fails: the replay cannot write either, and says so; the
# journal stays for the next start, and the dump itself goes on.
run_ms --dump -s 2M -n 16 "$loop"
like "still failing: the replay says it cannot roll back" "$err" "cannot roll back"
like "still failing: and that the journal is kept" "$err" "the journal is kept"
is "still failing: the journal stays" "$(journals)" 1
is "still failing: the dump shows the old bytes" "$out" \
"00200000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
00200010"

# Space again: the next start rolls the interrupted flush back.
rm -f "$mnt/fill"
run_ms --dump -s 3M -n 2 "$loop"
like "space again: the journal is replayed" "$err" "rolled back an interrupted flush: 6 bytes restored"
is "space again: no journal is left" "$(journals)" 0
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
