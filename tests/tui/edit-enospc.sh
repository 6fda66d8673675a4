#!/bin/sh
# On the screen, a flush that runs out of space keeps the edits; once space
# is freed, a plain W writes them (the restore of the old bytes changed
# the object's mtime, not its bytes: it is not "modified").
. "$top_srcdir/tests/tui/tui.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"
tui_env="XDG_STATE_HOME='$tmp/state'"

[ "$(id -u)" -eq 0 ] || skip_all "needs root for a tmpfs"
mnt=$tmp/mnt
mkdir "$mnt"
if ! mount -t tmpfs -o size=64k tmpfs "$mnt" 2>"$tmp/mount.err"; then
   skip_all "cannot mount a tmpfs: $(cat "$tmp/mount.err")"
fi
on_exit "umount '$mnt' 2>/dev/null || umount -l '$mnt'"

# a sparse file: page 0 is data, the rest holes (see tests/cli/patch-enospc.sh:
# editing gives the holes their pages; punching them out again makes the
# flush need new ones, which a full file system refuses)
f=$mnt/data
truncate -s 256K "$f"
head -c 4096 /dev/urandom >"$tmp/page"
splice "$f" 0 "$tmp/page"
cp "$f" "$tmp/orig"

# small windows, and the view back on page 0 before the file system fills
# (a shown hole of a full tmpfs cannot be read: SIGBUS)
tui_start 80 24 -g 4K -W 4K mnt/data
tui_send ":goto 0x10000" "iaa<Esc>" ":goto 0" "i01<Esc>"
fallocate -p -o 65536 -l 4096 "$f"
dd if=/dev/zero of="$mnt/fill" bs=4096 status=none 2>/dev/null
tui_send ":flush!"
expect_status "ENOSPC: the status line says why" "No space left on device"
expect_status "ENOSPC: the edits are kept" "edits kept: flush failed"
ok "ENOSPC: the file is unchanged" same "$f" "$tmp/orig"
is "ENOSPC: no journal is left" "$(journals)" 0
rm -f "$mnt/fill"
tui_send "W"
expect_status "space again: a plain W flushes" "flushed: 2 bytes"
is "space again: the bytes are written" "$(bytes_at "$f" 0 1)$(bytes_at "$f" 65536 1)" 01aa
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
