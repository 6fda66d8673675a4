#!/bin/sh
# The screen's flush to a mounted block device: :flush refuses and says
# where it is mounted and that :flush! writes anyway; :flush! writes.  The
# same for the file behind that loop device, and the notice for a device
# another program claims with O_EXCL.
. "$top_srcdir/tests/tui/tui.sh"
tui_env="XDG_STATE_HOME='$tmp/state'"

[ "$(id -u)" -eq 0 ] || skip_all "needs root for a loop device and a mount"
command -v losetup >/dev/null 2>&1 || skip_all "losetup is not installed"
command -v mkfs.ext2 >/dev/null 2>&1 || skip_all "mkfs.ext2 is not installed (e2fsprogs)"

loop="" mnt="$tmp/mnt"
mkdir "$mnt"
release() {
   mountpoint -q "$mnt" && { umount "$mnt" 2>/dev/null || umount -l "$mnt"; }
   [ -n "$loop" ] && losetup -d "$loop" 2>/dev/null
}
on_exit release
truncate -s 8M "$tmp/disk.img"
loop=$(losetup -f --show "$tmp/disk.img" 2>"$tmp/losetup.err") ||
   { loop=""; skip_all "no loop device can be set up here: $(cat "$tmp/losetup.err")"; }
mkfs.ext2 -q -F "$loop" >/dev/null 2>&1 || skip_all "mkfs.ext2 failed on $loop"
mount "$loop" "$mnt" 2>"$tmp/mount.err" || skip_all "cannot mount ext2: $(cat "$tmp/mount.err")"
at=$((7 * 1048576))
byte_at() { od -An -tx1 -j "$at" -N 1 "$loop" | tr -d ' '; }
before=$(byte_at)
new=5a
[ "$before" = 5a ] && new=a5

tui_start 200 24 -o "$at" "$loop"
expect_status "opened: the screen says the device is mounted, and what a flush will do" \
   "the block device is in use: mounted on $mnt; :flush refuses, :flush! writes anyway"
tui_send "i$new<Esc>" ":flush"
expect_status ":flush to a mounted device: refused, with where and how to force" \
   "flush refused (the block device is in use: mounted on $mnt; :flush! writes anyway)"
is ":flush: nothing was written" "$(byte_at)" "$before"
tui_send ":flush!"
expect_status ":flush! writes anyway" "flushed: 1 byte in 1 page"
is ":flush!: the byte is written" "$(byte_at)" "$new"
tui_stop
is "quit exits 0" "$tui_rc" 0

# ---- the file the mounted loop device is backed by ----
fbyte() { od -An -tx1 -j "$at" -N 1 "$tmp/disk.img" | tr -d ' '; }
before=$(fbyte)
tui_start 200 24 -o "$at" "$tmp/disk.img"
expect_status "the backing file: the screen names the loop device and its mount" \
   "the file is in use: it backs $loop, which is in use: mounted on $mnt; :flush refuses, :flush! writes anyway"
tui_send "i00<Esc>" ":flush"
expect_status ":flush to the backing file: refused as for the device" \
   "flush refused (the file is in use: it backs $loop, which is in use: mounted on $mnt; :flush! writes anyway)"
is ":flush: nothing was written to the file" "$(fbyte)" "$before"
tui_quit ":q!"

# ---- the object list shows block devices when asked ----
tui_start 200 24
tui_send ":kind blockdev" ":filter ${loop#/dev/}"
ok ":kind blockdev: the loop device's row, with its mount point" \
   tui_wait_text "mounted on $mnt; backing file $tmp/disk.img"
tui_send "<Enter>"
expect_status "Enter opens the device through its node" "$loop (q or Esc: back to the list)"
tui_stop
umount_free "$mnt" "$loop"

# ---- a device another program claims with O_EXCL ----
python3 -c 'import os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_EXCL)
print("held", flush=True)
time.sleep(300)' "$loop" >"$tmp/claim.out" 2>"$tmp/claim.err" &
claimer=$!
on_exit "kill $claimer 2>/dev/null"
await_line "$tmp/claim.out" '^held$' "$claimer" "$tmp/claim.err" "the O_EXCL open failed"
tui_start 200 24 "$loop"
expect_status "claimed: the screen says so when it opens the device" \
   "the block device is in use: claimed exclusively by another program; :flush refuses, :flush! writes anyway"
tui_stop
kill "$claimer"

done_testing
