#!/bin/sh
# The screen's roll-back of an interrupted flush onto a mounted block
# device: :recover refuses, says where it is mounted and that :recover!
# writes anyway, and writes nothing; :recover! rolls back.
. "$top_srcdir/tests/tui/tui.sh"
XDG_STATE_HOME=$tmp/state
export XDG_STATE_HOME
unset MAPSCOPE_TEST_CRASH_AT MAPSCOPE_TEST_STOP_AT
tui_env="XDG_STATE_HOME='$tmp/state'"

[ "$(id -u)" -eq 0 ] || skip_all "needs root for a loop device and a mount"
command -v losetup >/dev/null 2>&1 || skip_all "losetup is not installed"
command -v mkfs.ext4 >/dev/null 2>&1 || skip_all "mkfs.ext4 is not installed (e2fsprogs)"

loop="" mnt="$tmp/mnt-$$"
mkdir "$mnt"
release() {
   mountpoint -q "$mnt" && { umount "$mnt" 2>/dev/null || umount -l "$mnt"; }
   [ -n "$loop" ] && losetup -d "$loop" 2>/dev/null
}
on_exit release
truncate -s 16M "$tmp/disk-$$.img"
loop=$(losetup -f --show "$tmp/disk-$$.img" 2>"$tmp/losetup.err") ||
   { loop=""; skip_all "no loop device can be set up here: $(cat "$tmp/losetup.err")"; }
mkfs.ext4 -q -F -E lazy_itable_init=0,lazy_journal_init=0 "$loop" >/dev/null 2>&1 ||
   skip_all "mkfs.ext4 failed on $loop"
at=$((15 * 1048576))
byte_at() { od -An -tx1 -j "$at" -N 1 "$loop" | tr -d ' '; }
journals() { ls "$XDG_STATE_HOME/mapscope" 2>/dev/null | grep -c 'journal$'; }
before=$(byte_at)
new=5a
[ "$before" = 5a ] && new=a5

MAPSCOPE_TEST_CRASH_AT=object-synced "$MAPSCOPE" --patch "$at:$new" --flush "$loop" \
   >/dev/null 2>&1
is "a flush killed after its write: the byte is new" "$(byte_at)" "$new"
is "... its journal is kept" "$(journals)" 1
mount "$loop" "$mnt" 2>"$tmp/mount.err" || skip_all "cannot mount ext4: $(cat "$tmp/mount.err")"

tui_start 200 24 -o "$at" "$loop"
tui_send ":recover"
expect_status ":recover onto a mounted device: refused, with where and how to force" \
   "cannot roll back an interrupted flush: the block device is in use: mounted on $mnt; :recover! writes anyway"
is ":recover: nothing was written" "$(byte_at)" "$new"
is ":recover: the journal is kept" "$(journals)" 1
tui_send ":recover!"
expect_status ":recover! rolls back anyway" "rolled back an interrupted flush: 1 byte restored"
is ":recover!: the old byte is back" "$(byte_at)" "$before"
is ":recover!: the journal is gone" "$(journals)" 0
tui_stop
is "quit exits 0" "$tui_rc" 0

done_testing
