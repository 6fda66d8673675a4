#!/bin/sh
# Every write to a block device refuses while it is mounted, held or
# claimed, unless forced, and the refusal is no look before the write: the
# descriptor that writes is the kernel's exclusive claim (O_EXCL), held
# for the whole write.  So a mount made while a flush runs fails (EBUSY),
# and a device mounted before the write is refused with nothing written.
# The same for the roll-back of an interrupted flush (--recover, and the
# one a flush or --xxd -r does first) and for --xxd -r, whose --force goes
# before --xxd or after it; --xxd INFILE OUTFILE too, whose dump would
# land on the device.  A loop device over an ext4 image in the
# scratch directory, mounted on a scratch directory; all removed on exit.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root for a loop device and a mount"
command -v losetup >/dev/null 2>&1 || skip_all "losetup is not installed"
command -v mkfs.ext4 >/dev/null 2>&1 || skip_all "mkfs.ext4 is not installed (e2fsprogs)"

loop="" mnt="$tmp/mnt b
x-$$" pid=""
mkdir "$mnt"
release() {
   [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
   mountpoint -q "$mnt" && { umount "$mnt" 2>/dev/null || umount -l "$mnt"; }
   [ -n "$loop" ] && losetup -d "$loop" 2>/dev/null
}
on_exit release

truncate -s 16M "$tmp/disk-$$.img"
loop=$(losetup -f --show "$tmp/disk-$$.img" 2>"$tmp/losetup.err") ||
   { loop=""; skip_all "no loop device can be set up here: $(cat "$tmp/losetup.err")"; }
# no lazy initialisation: nothing but mapscope writes the device later
mkfs.ext4 -q -F -E lazy_itable_init=0,lazy_journal_init=0 "$loop" >/dev/null 2>&1 ||
   skip_all "mkfs.ext4 failed on $loop"
mount "$loop" "$mnt" 2>"$tmp/mount.err" || skip_all "cannot mount ext4: $(cat "$tmp/mount.err")"
umount_free "$mnt" "$loop"

# the mount point escaped once, as mapscope prints it
shown=$(printf '%s' "$mnt" | sed 's/$/\\n/' | tr -d '\n' | sed 's/\\n$//')
at=$((15 * 1048576))
byte_at() { od -An -tx1 -j "$at" -N 1 "$loop" | tr -d ' '; }
before=$(byte_at)
new=5a
[ "$before" = 5a ] && new=a5
try_mount() { mount "$loop" "$mnt" 2>"$tmp/mount.err"; }

# ---- a mount while a flush runs: the flush holds the claim ----
MAPSCOPE_TEST_STOP_AT=journal-synced "$MAPSCOPE" --patch "$at:$new" --flush "$loop" \
   >"$tmp/bg.out" 2>"$tmp/bg.err" &
pid=$!
ok "the flush stops with its journal written, before its first byte" wait_stopped "$pid"
if try_mount; then mounted=yes; else mounted=no; fi
is "a mount meanwhile fails: the device is the flush's alone" "$mounted" no
like "... with EBUSY" "$(cat "$tmp/mount.err")" "busy"
kill -CONT "$pid"
wait "$pid"
rc=$? pid=""
is "the flush then completes" "$rc" 0
is "... its byte is written" "$(byte_at)" "$new"
ok "once it is over, the device mounts" try_mount
ok "unmounted" umount_free "$mnt" "$loop"

# ---- mounted between the first look and the write: refused ----
MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" --patch "$at:$before" --flush "$loop" \
   >"$tmp/bg.out" 2>"$tmp/bg.err" &
pid=$!
ok "a flush stops once its edits are made" wait_stopped "$pid"
ok "the device is mounted meanwhile" try_mount
kill -CONT "$pid"
wait "$pid"
rc=$? pid=""
is "the flush is refused" "$rc" 1
like "... saying where it is mounted, escaped once" "$(cat "$tmp/bg.err")" \
   "flush refused (the block device is in use: mounted on $shown; --force writes anyway)"
is "... nothing was written" "$(byte_at)" "$new"
is "... no journal is left" "$(journals)" 0
ok "unmounted" umount_free "$mnt" "$loop"
run_ms --patch "$at:$before" --flush "$loop"
is "unmounted: the flush goes through" "$rc" 0
is "... the byte is back" "$(byte_at)" "$before"

# ---- an interrupted flush, then the device mounted: no roll-back ----
interrupt() {   # a flush killed with the object written, its journal kept
   MAPSCOPE_TEST_CRASH_AT=object-synced "$MAPSCOPE" --patch "$at:$new" --flush "$loop" \
      >"$tmp/crash.out" 2>&1
   echo "byte $(byte_at), journals $(journals), what the flush said:"
   cat "$tmp/crash.out"
   [ "$(byte_at)" = "$new" ] && [ "$(journals)" = 1 ]
}
ok "a flush killed after its write leaves its journal" interrupt
ok "the device is mounted" try_mount
run_ms --recover "$loop"
is "--recover on a mounted device: refused, exit 1" "$rc" 1
like "... says why and how to force" "$err" \
   "cannot roll back an interrupted flush: the block device is in use: mounted on $shown; --force writes anyway; nothing was written"
is "... nothing was written" "$(byte_at)" "$new"
is "... the journal is kept" "$(journals)" 1
run_ms --patch "$((at + 1)):00" --flush "$loop"
is "the roll-back a flush does first: refused too" "$rc" 1
like "... saying why" "$err" "cannot roll back an interrupted flush: the block device is in use: mounted on $shown"
is "... nothing was written" "$(byte_at)" "$new"
is "... the journal is kept" "$(journals)" 1
printf '%08x: 00\n' "$at" >"$tmp/zero"
run_ms --xxd -r - "$loop" <"$tmp/zero"
is "the roll-back --xxd -r does first: refused too" "$rc" 1
is "... nothing was written" "$(byte_at)" "$new"
run_ms --recover --force "$loop"
is "--recover --force: rolled back" "$rc" 0
like "... and says so" "$out" "rolled back an interrupted flush: 1 byte restored"
is "... the old byte is back" "$(byte_at)" "$before"
is "... the journal is gone" "$(journals)" 0
ok "unmounted" umount_free "$mnt" "$loop"

ok "interrupted once more" interrupt
ok "mounted once more" try_mount
run_ms --patch "$((at + 1)):00" --flush --force "$loop"
is "--flush --force: the roll-back first, then the flush" "$rc" 0
is "... the byte rolled back" "$(byte_at)" "$before"
ok "unmounted" umount_free "$mnt" "$loop"
ok "--recover unmounted: nothing left to do" run_ms --recover "$loop"
like "... says so" "$out" "no interrupted flush to roll back"

# ---- --xxd -r: refused while mounted, --force before or after --xxd ----
ok "mounted for --xxd -r" try_mount
printf '%08x: %s\n' "$at" "$new" >"$tmp/dump"
run_ms --xxd -r "$tmp/dump" "$loop"
is "--xxd -r onto a mounted device: refused" "$rc" 1
like "... names the mount point, and --force" "$err" \
   "the block device is in use: mounted on $shown; --force writes anyway"
is "... nothing was written" "$(byte_at)" "$before"
run_ms --xxd -r --force "$tmp/dump" "$loop"
is "--xxd -r --force: written" "$rc" 0
is "... the byte" "$(byte_at)" "$new"
printf '%08x: %s\n' "$at" "$before" >"$tmp/old"
run_ms --force --xxd -r - "$loop" <"$tmp/old"
is "--force --xxd -r - DEV: written" "$rc" 0
is "... the byte" "$(byte_at)" "$before"
ok "unmounted" umount_free "$mnt" "$loop"
size=$((16 * 1048576))
last=$(od -An -tx1 -j $((size - 1)) -N 1 "$loop" | tr -d ' ')
printf '%08x: %s%s\n' $((size - 1)) "$new" "$new" >"$tmp/past"
run_ms --xxd -r "$tmp/past" "$loop"
is "--xxd -r past the end of a device: refused" "$rc" 1
like "... says a device does not grow" "$err" \
   "offset is past the end (the dump writes up to byte $((size + 1)) of a device of $size bytes; nothing was written)"
is "... its last byte is untouched" "$(od -An -tx1 -j $((size - 1)) -N 1 "$loop" | tr -d ' ')" "$last"
ok "mounted again" try_mount
head64() { od -An -tx1 -N 64 "$loop" | tr -d ' \n'; }
first=$(head64)
run_ms --xxd "$tmp/dump" "$loop"
is "--xxd INFILE DEV (a dump written into a mounted device): refused" "$rc" 1
like "... names the mount point, and --force" "$err" \
   "cannot open (the block device is in use: mounted on $shown; --force writes anyway)"
is "... nothing was written" "$(head64)" "$first"
run_ms --force --xxd "$loop"
is "--force without an OUTFILE: a usage error" "$rc" 2
like "... says so" "$err" "--xxd: --force goes with an OUTFILE only"
run_ms --xxd -r --force "$tmp/dump"
is "... with -r too" "$rc" 2
run_ms --xxd -l 16 --force "$loop"
is "... after --xxd too" "$rc" 2
ok "unmounted" umount_free "$mnt" "$loop"

done_testing
