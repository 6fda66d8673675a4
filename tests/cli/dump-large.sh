#!/bin/sh
# Past 4 GiB, sparse files, block devices.
. "$top_srcdir/tests/lib.sh"

[ -x "${HEXDUMP:-}" ] || skip_all "hexdump not found"
[ -x "${XXD:-}" ] || skip_all "xxd not found"

# A 5 GiB sparse file with data near the end (and a little at 4 GiB).
big="$tmp/sparse5g"
truncate -s 5G "$big" || skip_all "cannot create a 5 GiB sparse file here"
head -c 5000 /dev/urandom | dd of="$big" bs=1 seek=$((5 * 1024 * 1024 * 1024 - 9000)) conv=notrunc status=none
printf 'four gigabytes' | dd of="$big" bs=1 seek=$((4 * 1024 * 1024 * 1024 - 5)) conv=notrunc status=none

# The whole file through hexdump takes a while (it reads every zero); do it
# once, and compare.
"$HEXDUMP" -C "$big" >"$tmp/want"
"$MAPSCOPE" --dump "$big" >"$tmp/got"
ok "5 GiB sparse: --dump equals hexdump -C" cmp "$tmp/want" "$tmp/got"
like "5 GiB sparse: ends with the 5 GiB offset" "$(tail -n 1 "$tmp/got")" "140000000"
"$MAPSCOPE" --dump -g 64K "$big" >"$tmp/got"
ok "5 GiB sparse through mapped windows (-g 64K): equals hexdump -C" cmp "$tmp/want" "$tmp/got"

for args in "-s 4294967296 -n 64" "-s 0xfffffff0 -n 48" "-s 5G-1" "-s -9100 -n 9200" "-s 4294967000 -n 600"; do
   case $args in
   *"5G-1"*) args="-s $((5 * 1024 * 1024 * 1024 - 1))" ;;
   *"-s -9100"*) args="-s $((5 * 1024 * 1024 * 1024 - 9100)) -n 9200" ;;
   esac
   # shellcheck disable=SC2086
   "$HEXDUMP" -C $args "$big" >"$tmp/want"
   # shellcheck disable=SC2086
   "$MAPSCOPE" --dump $args "$big" >"$tmp/got"
   ok "5 GiB sparse, $args: equals hexdump -C" cmp "$tmp/want" "$tmp/got"
   xargs=$(echo "$args" | sed 's/-n/-l/')
   # shellcheck disable=SC2086
   "$XXD" $xargs "$big" >"$tmp/want"
   # shellcheck disable=SC2086
   "$MAPSCOPE" --xxd $xargs "$big" >"$tmp/got"
   ok "5 GiB sparse, $args: equals xxd" cmp "$tmp/want" "$tmp/got"
done
"$MAPSCOPE" --dump -s -4K "$big" >"$tmp/got"
"$HEXDUMP" -C -s $((5 * 1024 * 1024 * 1024 - 4096)) "$big" >"$tmp/want"
ok "-s -4K counts from the end" cmp "$tmp/want" "$tmp/got"
rm -f "$big"

# Holes are skipped at any start offset: a dump that starts off a line
# boundary (-s 17) of a 4 TiB sparse file ends at once; a byte-by-line walk
# over its holes would need hours (the timeout is only a backstop).
huge="$tmp/sparse4t"
if truncate -s 4T "$huge" 2>/dev/null; then
   printf 'middle' | dd of="$huge" bs=1 seek=$((2 * 1024 * 1024 * 1024 * 1024 + 3)) conv=notrunc status=none
   for s in 17 5 4095 -4097; do
      timeout 120 "$MAPSCOPE" --dump -s "$s" "$huge" >"$tmp/got"
      is "4 TiB sparse, -s $s: the dump skips the holes and ends" "$?" 0
      like "4 TiB sparse, -s $s: ends at 4 TiB" "$(tail -n 1 "$tmp/got")" "40000000000"
   done
   "$MAPSCOPE" --dump -s 17 "$huge" >"$tmp/got"
   like "4 TiB sparse, -s 17: the data in the middle is shown" "$(cat "$tmp/got")" "middle"
   for args in "-a -s 17" "-a -c 7 -s 4099"; do
      # shellcheck disable=SC2086
      timeout 120 "$MAPSCOPE" --xxd $args "$huge" >"$tmp/got"
      is "4 TiB sparse, --xxd $args: the squeezed holes are skipped" "$?" 0
      like "4 TiB sparse, --xxd $args: the data in the middle is shown" "$(cat "$tmp/got")" "midd"
   done
   rm -f "$huge"
else
   skip "4 TiB sparse: holes skipped at any start" "no 4 TiB sparse file here"
fi

# A block device: a loop device over a small file, where we may make one.
head -c 1048576 /dev/urandom >"$tmp/disk.img"
if [ "$(id -u)" -eq 0 ] && loop=$(losetup -f --show "$tmp/disk.img" 2>/dev/null); then
   on_exit "losetup -d $loop"
   "$HEXDUMP" -C "$tmp/disk.img" >"$tmp/want"
   "$MAPSCOPE" --dump "$loop" >"$tmp/got"
   ok "block device: --dump equals hexdump -C of its image" cmp "$tmp/want" "$tmp/got"
   "$MAPSCOPE" --dump -W 64K "$loop" >"$tmp/got"
   ok "block device through mapped windows (-W 64K)" cmp "$tmp/want" "$tmp/got"
   "$HEXDUMP" -C -s 1000000 "$loop" >"$tmp/want"
   "$MAPSCOPE" --dump -s 1000000 "$loop" >"$tmp/got"
   ok "block device: size from BLKGETSIZE64 (skip near the end)" cmp "$tmp/want" "$tmp/got"
else
   skip "block device: --dump equals hexdump -C" "no loop device can be set up here"
   skip "block device through mapped windows (-W 64K)" "no loop device can be set up here"
   skip "block device: size from BLKGETSIZE64" "no loop device can be set up here"
fi

done_testing
