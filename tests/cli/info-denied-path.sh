#!/bin/sh
# --info of a path the user may not open (a regular file, a block device)
# describes it from stat as for shm: kind, size, owner, mode, a block
# device's mounts by its device number, the "could not be opened" note
# and "opened":false,"not_opened" in JSON, exit status 0.  The object line
# names the real type (blockdev, fifo, directory, symlink), and a size
# nobody measured is null.  Loop device over an image in the scratch
# directory, mounted on a scratch directory; removed on exit.
. "$top_srcdir/tests/lib.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root to run as nobody and for loop devices"
command -v setpriv >/dev/null 2>&1 || skip_all "setpriv is not installed (util-linux)"
command -v python3 >/dev/null 2>&1 || skip_all "needs python3"

json() {    # json PYTHON-EXPRESSION-OF-j: evaluated on $out
   printf '%s\n' "$out" >"$tmp/out.json"
   python3 -c 'import json,sys; j=json.load(open(sys.argv[1]))
r = eval(sys.argv[2]); print(*r) if isinstance(r, tuple) else print(r)' "$tmp/out.json" "$1"
}
chmod 755 "$tmp"
note_stat="Note: it could not be opened (Permission denied): kind, size, owner and mode come from its stat, which needs no permission to the object; none of its bytes were read."

# ---- a regular file ----
printf 'secret\n' >"$tmp/secret"
chmod 600 "$tmp/secret"
run_ms_unprivileged --info "$tmp/secret"
is "--info FILE as nobody: exits 0, nothing on stderr" "$rc:$err" "0:"
like "... the kind" "$out" "kind:        file"
like "... the size from stat" "$out" "size:        7"
like "... owner and mode" "$out" "owner:       root, 0600"
like "... what was not read, and why" "$out" "$note_stat"
like "... its object line" "$out" "object:      file $tmp/secret"
run_ms_unprivileged --info --json "$tmp/secret"
is "--info --json FILE as nobody: exits 0" "$rc" 0
is "... not opened, why, the size, the object" \
   "$(json 'j["opened"], j["not_opened"], j["size"], j["object"]["kind"], j["object"]["size"], j["block"]["loop_devices"]')" \
   "False Permission denied 7 file 7 []"
run_ms_unprivileged --dump "$tmp/secret"
is "--dump FILE as nobody: still refused, exit 1" "$rc" 1
run_ms_unprivileged --info "$tmp/none"
is "--info of no file as nobody: still exit 1" "$rc" 1

# ---- a FIFO, a directory, a symbolic link in the shm directory: their real kind ----
f="/dev/shm/msfifo$$" d="/dev/shm/msdir$$" s="/dev/shm/mslink$$"
on_exit "rm -rf '$f' '$d' '$s'"
mkfifo "$f"; mkdir "$d"; ln -s /nowhere "$s"
run_ms --info "shm:msfifo$$"
like "--info of a FIFO: its object is a fifo" "$out" "object:      fifo /msfifo$$"
run_ms --info --json "shm:msfifo$$"
is "... JSON: kind fifo, size null, not 0" "$(json 'j["size"], j["object"]["kind"], j["object"]["size"]')" \
   "None fifo None"
run_ms --info --json "shm:msdir$$"
is "--info of a directory: its object is a directory, size null" \
   "$(json 'j["object"]["kind"], j["object"]["size"]')" "directory None"
run_ms --info --json "shm:mslink$$"
is "--info of a symbolic link: its object is a symlink, size null" \
   "$(json 'j["object"]["kind"], j["object"]["size"]')" "symlink None"

# ---- a block device, mounted ----
command -v losetup >/dev/null 2>&1 || { done_testing; exit; }
loop="" mnt="$tmp/mnt"
release() {
   mountpoint -q "$mnt" 2>/dev/null && { umount "$mnt" 2>/dev/null || umount -l "$mnt"; }
   [ -n "$loop" ] && losetup -d "$loop" 2>/dev/null
}
on_exit release
truncate -s 8M "$tmp/img$$"
if loop=$(losetup -f --show "$tmp/img$$" 2>"$tmp/losetup.err") && [ -n "$loop" ]; then
   chmod 600 "$loop"
   mkdir "$mnt"
   mounted=no
   if command -v mkfs.ext2 >/dev/null 2>&1 && mkfs.ext2 -q -F "$loop" >/dev/null 2>&1 &&
      mount "$loop" "$mnt" 2>/dev/null; then
      mounted=yes
   fi
   run_ms --info "$loop"
   like "--info of a block device as root: its object is a blockdev" "$out" \
      "object:      blockdev $loop"
   run_ms_unprivileged --info "$loop"
   is "--info BLOCKDEV as nobody: exits 0, nothing on stderr" "$rc:$err" "0:"
   like "... the kind" "$out" "kind:        block device"
   like "... the size, from the kernel's list" "$out" "size:        8388608"
   like "... owner and mode" "$out" "owner:       root, 0600"
   like "... what was not read, and why" "$out" \
      "Note: it could not be opened (Permission denied): kind, size, owner and mode come from its stat and the kernel's list of block devices, which need no permission to the device; none of its bytes were read."
   like "... its object line" "$out" "object:      blockdev $loop"
   if [ "$mounted" = yes ]; then
      like "... its mount, by its device number" "$out" "mounted on:  $mnt"
      like "... so it is in use" "$out" "in use:      yes"
   else
      skip "... its mount" "cannot mount ext2 here"
      skip "... in use" "cannot mount ext2 here"
   fi
   run_ms_unprivileged --info --json "$loop"
   is "--info --json BLOCKDEV as nobody: not opened, why, the size, the object" \
      "$(json 'j["opened"], j["not_opened"], j["size"], j["object"]["kind"], j["object"]["size"]')" \
      "False Permission denied 8388608 blockdev 8388608"
   [ "$mounted" = yes ] && is "... its mount in JSON" "$(json 'j["block"]["mounts"]')" "['$mnt']"
   mountpoint -q "$mnt" && { umount "$mnt" 2>/dev/null || umount -l "$mnt"; }
   run_ms_unprivileged --info "$loop"
   like "unmounted, as nobody: in use cannot be told without the exclusive open" "$out" \
      "in use:      unknown: nothing mounts or holds it, but a claim cannot be seen without opening it (Permission denied)"
   run_ms_unprivileged --info --json "$loop"
   is "... JSON: in_use and claimed are null, not false" \
      "$(json 'j["block"]["in_use"], j["block"]["claimed"]')" "None None"
   run_ms_unprivileged --dump "$loop"
   is "--dump BLOCKDEV as nobody: still refused, exit 1" "$rc" 1
else
   skip "block device as nobody" "no loop device here: $(cat "$tmp/losetup.err")"
fi

done_testing
