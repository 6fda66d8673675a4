#!/bin/sh
# Everything that uses a block device shows in --info and stops a flush:
# a partition's mount (the whole disk is in use), another program's O_EXCL
# claim, the loop device a regular file backs (and that device's mounts),
# and several mount points, one a line, whatever their names.  Loop devices
# over images in the scratch directory, partition nodes made there, mounts
# on scratch directories; all removed on exit.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root for loop devices and mounts"
for tool in losetup sfdisk mkfs.ext2 python3; do
   command -v "$tool" >/dev/null 2>&1 || skip_all "$tool is not installed"
done

disk="" loop="" swaps=""
pm="$tmp/part mnt" lm="$tmp/loop mnt" odd="$tmp/mnt b
x"
release() {
   [ -n "$swaps" ] && swapoff $swaps 2>/dev/null
   for m in "$odd" "$lm" "$pm"; do
      mountpoint -q "$m" 2>/dev/null && { umount "$m" 2>/dev/null || umount -l "$m"; }
   done
   [ -n "$disk" ] && losetup -d "$disk" 2>/dev/null
   [ -n "$loop" ] && losetup -d "$loop" 2>/dev/null
}
on_exit release
json() {    # json PYTHON-EXPRESSION-OF-j [ARG...]: evaluated on $out
   printf '%s\n' "$out" >"$tmp/out.json"
   python3 -c 'import json,sys; j=json.load(open(sys.argv[1]))
r = eval(sys.argv[2]); print(*r) if isinstance(r, tuple) else print(r)' \
      "$tmp/out.json" "$@"
}

# ---- a disk whose partition is mounted ----
truncate -s 32M "$tmp/disk.img"
printf 'label: dos\n,8M\n,8M\n' | sfdisk -q "$tmp/disk.img" >/dev/null 2>&1 ||
   skip_all "sfdisk cannot write a partition table"
disk=$(losetup -f -P --show "$tmp/disk.img" 2>"$tmp/losetup.err") ||
   { disk=""; skip_all "no loop device can be set up here: $(cat "$tmp/losetup.err")"; }
dname=${disk#/dev/}
# without udev no node appears, and a scan may need asking for
[ -e "/sys/block/$dname/${dname}p1" ] || partx -a "$disk" 2>/dev/null
[ -e "/sys/block/$dname/${dname}p1" ] || skip_all "no partition of $disk appears here"
part="$tmp/part1"
mknod "$part" b $(tr ':' ' ' <"/sys/block/$dname/${dname}p1/dev")
mkfs.ext2 -q -F "$part" >/dev/null 2>&1 || skip_all "mkfs.ext2 failed on $part"
mkdir "$pm"
mount "$part" "$pm" 2>"$tmp/mount.err" || skip_all "cannot mount ext2: $(cat "$tmp/mount.err")"

run_ms --info "$disk"
like "disk, partition mounted: --info says in use" "$out" "in use:      yes"
like "... and names the partition's mount point" "$out" \
   "mounted on:  partition ${dname}p1: $pm"
run_ms --info --json "$disk"
is "... --info --json: in use, the partition and its mount" \
   "$(json 'j["block"]["in_use"], j["block"]["claimed"], j["block"]["mounts"], j["block"]["partitions"]')" \
   "True False [] [{'name': '${dname}p1', 'mounts': ['$pm'], 'holders': [], 'swap': False}]"
before=$(od -An -tx1 -j 440 -N 1 "$disk" | tr -d ' ')
run_ms --patch 440:5a --flush "$disk"
is "flush to the disk: refused" "$rc" 1
like "... for the real cause" "$err" \
   "the block device is in use: its partition ${dname}p1 is mounted on $pm; --force writes anyway"
is "... nothing was written" "$(od -An -tx1 -j 440 -N 1 "$disk" | tr -d ' ')" "$before"
umount_free "$pm" "$disk"
run_ms --info "$disk"
like "partition unmounted: the disk is free" "$out" "in use:      no: nothing mounts, holds or claims it"
like "... nothing is mounted" "$out" "mounted on:  -"

# ---- a device another program claims with O_EXCL ----
python3 -c 'import os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_EXCL)
print("held", flush=True)
time.sleep(300)' "$disk" >"$tmp/claim.out" 2>"$tmp/claim.err" &
claimer=$!
on_exit "kill $claimer 2>/dev/null"
await_line "$tmp/claim.out" '^held$' "$claimer" "$tmp/claim.err" "the O_EXCL open failed"
run_ms --info "$disk"
like "claimed: --info says who has it" "$out" \
   "in use:      yes: claimed exclusively by another program; open by $claimer python3"
run_ms --info --json "$disk"
is "... --info --json: in use, claimed" "$(json 'j["block"]["in_use"], j["block"]["claimed"]')" \
   "True True"
if command -v setpriv >/dev/null 2>&1; then
   mode=$(stat -c %a "$disk")
   chmod 644 "$disk"
   run_ms_unprivileged --info "$disk"
   chmod "$mode" "$disk"
   like "claimed, as nobody (root's claimer not inspected): says who may hold it" "$out" \
      "in use:      yes: claimed exclusively by another program; perhaps by one of the processes that could not be inspected"
else
   skip "claimed, as nobody" "needs setpriv"
fi
run_ms --patch 440:5a --flush "$disk"
like "... the flush refusal agrees" "$err" \
   "the block device is in use: claimed exclusively by another program; --force writes anyway"
kill "$claimer"
wait "$claimer" 2>/dev/null
run_ms --info --json "$disk"
is "the claim let go: not in use" "$(json 'j["block"]["in_use"], j["block"]["claimed"]')" \
   "False False"

# ---- the backing file of a mounted loop device ----
truncate -s 8M "$tmp/fs.img"
mkfs.ext2 -q -F "$tmp/fs.img" >/dev/null 2>&1 || skip_all "mkfs.ext2 failed"
loop=$(losetup -f --show "$tmp/fs.img") || { loop=""; skip_all "no second loop device"; }
run_ms --info "$tmp/fs.img"
like "backing file, loop device not mounted: --info names it" "$out" "loop device: $loop"
like "... and says it is not in use" "$out" "in use:      no: nothing mounts, holds or claims it"
run_ms --patch 7M:5a --flush "$tmp/fs.img"
is "... a flush to the file goes through" "$rc" 0
run_ms --patch 7M:00 --flush "$tmp/fs.img"

mkdir "$lm"
mount "$loop" "$lm" 2>"$tmp/mount.err" || skip_all "cannot mount ext2: $(cat "$tmp/mount.err")"
run_ms --info "$tmp/fs.img"
like "loop device mounted: --info on its file names it" "$out" "loop device: $loop
in use:      yes
mounted on:  $lm"
run_ms --info --json "$tmp/fs.img"
is "... --info --json: the loop device, in use, its mount" \
   "$(json 'j["block"]["in_use"], [(d["device"], d["in_use"], d["mounts"]) for d in j["block"]["loop_devices"]]')" \
   "True [('$loop', True, ['$lm'])]"
byte() { od -An -tx1 -j $((7 * 1048576)) -N 1 "$tmp/fs.img" | tr -d ' '; }
before=$(byte)
run_ms --patch 7M:5a --flush "$tmp/fs.img"
is "flush to the file without --force: refused" "$rc" 1
like "... as a flush to the device would be" "$err" \
   "the file is in use: it backs $loop, which is in use: mounted on $lm; --force writes anyway"
is "... nothing was written" "$(byte)" "$before"
is "... no journal is left" "$(journals)" 0
run_ms --patch 7M:5a --flush --force "$tmp/fs.img"
is "--force: flushed" "$rc" 0
is "--force: the byte is written" "$(byte)" 5a

# ---- block devices in the object list, when asked for ----
run_ms --list --kind=blockdev
like "--list --kind=blockdev: the mounted loop device, its mount and backing file" \
   "$(printf '%s\n' "$out" | grep "^blockdev  $loop ")" "mounted on $lm; backing file $tmp/fs.img"
run_ms --list --kind=blockdev --json
printf '%s\n' "$out" >"$tmp/list.json"
ok "--list --kind=blockdev --json is valid JSON" python3 -m json.tool "$tmp/list.json"
is "... its row: kind, mounts, holders, backing file" \
   "$(json '[(o["kind"], o["block"]["mounts"], o["block"]["holders"], o["block"]["backing_file"]) for o in j["objects"] if o["name"] == sys.argv[3]]' "$loop")" \
   "[('blockdev', ['$lm'], [], '$tmp/fs.img')]"
run_ms --list --kind=sem,blockdev --json
is "... with another kind too" \
   "$(json 'sorted(set(o["kind"] for o in j["objects"]) - {"sem"})')" "['blockdev']"
run_ms --list --kind=blockdevs
is "--kind=blockdevs: a usage error" "$rc" 2
like "... whose hint names blockdev" "$err" "memfd, all, blockdev)"
run_ms --list
is "a plain --list has no block device" "$(printf '%s\n' "$out" | grep -c '^blockdev')" 0
run_ms --list --kind=all --json
is "... nor has --kind=all" "$(json 'sum(o["kind"] == "blockdev" for o in j["objects"])')" 0

# ---- several mount points: one a line, names escaped ----
mkdir "$odd"
mount --bind "$lm" "$odd" || skip_all "no bind mount here"
run_ms --info "$loop"
col="             "
like "two mount points: one a line, the newline escaped" "$out" "mounted on:  $lm
$col$tmp/mnt b\\nx
holders:     -"
run_ms --info --json "$loop"
is "... --info --json: an array of the real names" "$(json 'j["block"]["mounts"] == [sys.argv[3], sys.argv[4]]' "$lm" "$odd")" \
   "True"
umount "$odd"
umount_free "$lm" "$loop"

# ---- a block device open by a process (no mount, no claim) ----
run_ms --list --kind=blockdev
is "unmounted and closed: the loop device is no row" \
   "$(printf '%s\n' "$out" | grep -c "^blockdev  $loop ")" 0
python3 -c 'import os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY)
print("open", flush=True)
time.sleep(300)' "$loop" >"$tmp/open.out" 2>"$tmp/open.err" &
opener=$!
on_exit "kill $opener 2>/dev/null"
await_line "$tmp/open.out" '^open$' "$opener" "$tmp/open.err" "the open failed"
run_ms --list --kind=blockdev --json
is "open by a process: a row, with that process as its holder" \
   "$(json '[(a["pid"], "fd" in a) for o in j["objects"] if o["name"] == sys.argv[3] for a in o["attachers"]]' "$loop")" \
   "[($opener, True)]"
kill "$opener"
wait "$opener" 2>/dev/null

# ---- swap: a device, and a disk's partition ----
if command -v mkswap >/dev/null 2>&1 && command -v swapon >/dev/null 2>&1 &&
   mkswap "$loop" >"$tmp/swap.err" 2>&1 && swapon "$loop" 2>"$tmp/swap.err"; then
   swaps="$loop"
   run_ms --info "$loop"
   like "a swap device: --info says so" "$out" "in use:      yes: used as swap space"
   run_ms --info --json "$loop"
   is "... --info --json: in use, swap, not claimed" \
      "$(json 'j["block"]["in_use"], j["block"]["swap"], j["block"]["claimed"]')" "True True False"
   run_ms --patch 7M:00 --flush "$loop"
   like "... the flush refusal says so" "$err" \
      "the block device is in use: used as swap space; --force writes anyway"
   swapoff "$loop"
   part2="$tmp/part2"
   mknod "$part2" b $(tr ':' ' ' <"/sys/block/$dname/${dname}p2/dev")
   mkswap "$part2" >/dev/null 2>&1 && swapon "$part2" && swaps="$part2"
   run_ms --info "$disk"
   like "a disk whose partition is swap: --info says so" "$out" \
      "in use:      yes: its partition ${dname}p2 is used as swap space"
   swapoff "$part2"
   swaps=""
else
   skip "a swap device: --info says so" "no swap can be turned on here: $(tail -1 "$tmp/swap.err")"
fi

done_testing
