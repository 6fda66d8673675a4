#!/bin/sh
# A block device that is mounted or held (a device-mapper device stacked on
# it) is not flushed to unless forced; --info names its mount points and
# holders.  A loop device over a file in the scratch directory, an ext2
# file system on it mounted on a scratch directory; all removed on exit.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root for a loop device and a mount"
command -v losetup >/dev/null 2>&1 || skip_all "losetup is not installed"
command -v mkfs.ext2 >/dev/null 2>&1 || skip_all "mkfs.ext2 is not installed (e2fsprogs)"

loop="" dm="" mnt="$tmp/mnt dir"
mkdir "$mnt"
release() {
   [ -n "$dm" ] && dmsetup remove "$dm" 2>/dev/null
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

# ---- mounted ----
run_ms --info "$loop"
like "--info: the mount point" "$out" "mounted on:  $mnt"
like "--info: no holders" "$out" "holders:     -"
run_ms --info --json "$loop"
printf '%s\n' "$out" >"$tmp/info.json"
is "--info --json: in use, mounted there" \
   "$(python3 -c 'import json,sys; b=json.load(open(sys.argv[1]))["block"]; print(b["in_use"], b["mounts"], b["holders"])' "$tmp/info.json")" \
   "True ['$mnt'] []"

run_ms --patch "$at:$new" --flush "$loop"
is "flush to a mounted device: refused, exit 1" "$rc" 1
like "... says it is mounted, where, and how to force" "$err" \
   "flush refused (the block device is in use: mounted on $mnt; --force writes anyway)"
is "... nothing was written" "$(byte_at)" "$before"
is "... no journal is left" "$(journals)" 0
run_ms --patch "$at:$new" --flush --force "$loop"
is "--force: flushed" "$rc" 0
is "--force: the byte is written" "$(byte_at)" "$new"

umount_free "$mnt" "$loop"
run_ms --info "$loop"
like "unmounted: --info says so" "$out" "mounted on:  -"
run_ms --patch "$at:$before" --flush "$loop"
is "unmounted: the flush goes through" "$rc" 0
is "unmounted: the byte is back" "$(byte_at)" "$before"

# ---- held: a device-mapper device stacked on it ----
if command -v dmsetup >/dev/null 2>&1 \
   && dmsetup create "ms-busy-$$" --table "0 16384 linear $loop 0" 2>/dev/null; then
   dm="ms-busy-$$"
   holder=$(basename "$(readlink -f "/dev/mapper/$dm")")
   run_ms --info "$loop"
   like "--info: the holder" "$out" "holders:     $holder"
   run_ms --patch "$at:$new" --flush "$loop"
   is "flush to a held device: refused" "$rc" 1
   like "... names the holder" "$err" "in use: held by $holder; --force writes anyway"
   is "... nothing was written" "$(byte_at)" "$before"
else
   skip "--info: the holder" "no device-mapper device can be made here"
   skip "flush to a held device: refused" "no device-mapper device can be made here"
   skip "... names the holder" "no device-mapper device can be made here"
   skip "... nothing was written" "no device-mapper device can be made here"
fi

# ---- claimed: another program has it open with O_EXCL (as mkfs, a
# device-mapper or a RAID tool would) ----
if command -v python3 >/dev/null 2>&1; then
   python3 -c 'import os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_EXCL)
print("held", flush=True)
time.sleep(300)' "$loop" >"$tmp/claim.out" 2>"$tmp/claim.err" &
   claimer=$!
   on_exit "kill $claimer 2>/dev/null"
   await_line "$tmp/claim.out" '^held$' "$claimer" "$tmp/claim.err" "the O_EXCL open failed"
   run_ms --patch "$at:$new" --flush "$loop"
   is "flush to a device another program claims: refused" "$rc" 1
   like "... says so" "$err" "in use: claimed exclusively by another program; --force writes anyway"
   is "... nothing was written" "$(byte_at)" "$before"
   kill "$claimer"
   wait "$claimer" 2>/dev/null
   run_ms --patch "$at:$new" --flush "$loop"
   is "the claim let go: the flush goes through" "$rc" 0
else
   skip "flush to a device another program claims: refused" "python3 is not installed"
fi

done_testing
