#!/bin/sh
# A flush on the screen that fails half-way (EIO at fsync: a loop device
# over a sparse file on a full tmpfs) names the screen's way to roll the
# object back, :recover, not the command line's --recover.
. "$top_srcdir/tests/tui/tui.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root for a tmpfs and a loop device"
command -v losetup >/dev/null 2>&1 || skip_all "losetup is not installed"
tui_env="XDG_STATE_HOME='$tmp/state'"

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

tui_start 100 24 "$loop"
tui_send ":goto 0x200000" "ide<Esc>" ":goto 0x300000" "ica<Esc>" ":w"
tui_send ":messages"
all=$(tui_capture | sed '1d;$d' | tr -d '\n' | tr -s ' ')
like "the failed flush says the object may be half-written" "$all" "half-written"
like "... and names :recover, the screen's way" "$all" "(:recover)"
case "$all" in *"--recover"*) ok "... not --recover" false ;; *) ok "... not --recover" true ;; esac
tui_send "q"
tui_quit ":q!"
is "quit exits 0" "$tui_rc" 0
done_testing
