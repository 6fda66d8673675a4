#!/bin/sh
# --find pid:PID over a large, mostly untouched anonymous region (as a
# sanitizer's shadow memory): the untouched pages are zeros and are not
# read for a pattern zeros cannot match, through the PAGEMAP_SCAN ioctl
# and through the page map's entries (MAPSCOPE_TEST_NO_PAGEMAP_SCAN); the
# matches that lie half in a touched page and half in zeros are found.
. "$top_srcdir/tests/lib.sh"

helper="$top_builddir/tests/helpers/procmemhelper"
[ -x "$helper" ] || skip_all "tests/helpers/procmemhelper is not built"
command -v python3 >/dev/null || skip_all "python3 is needed to read the page map"

mib=1024
"$helper" -r "$mib" >"$tmp/h.out" 2>"$tmp/h.err" &
hpid=$!
on_exit "kill $hpid 2>/dev/null"
await_line "$tmp/h.out" '^pid=' "$hpid" "$tmp/h.err" "the helper did not start"
fact() { tr ' ' '\n' <"$tmp/h.out" | sed -n "s/^$1=//p"; }
sparse=$(fact sparse)
len=$((mib << 20))
hx() { printf '0x%x' "$(($1))"; }
# in_region: the matches inside the sparse region (a short pattern may also
# turn up by chance in the helper's other memory: its stack, its libraries)
in_region() { printf '%s\n' "$out" | awk -v lo=$((sparse)) -v hi=$((sparse + len)) '$2 >= lo && $2 < hi'; }

# present_pages: how many pages of the region the process has present
present_pages() {
   python3 - "$hpid" "$sparse" "$len" <<'PY'
import struct, sys
pid, start, length = int(sys.argv[1]), int(sys.argv[2], 16), int(sys.argv[3])
n = 0
with open("/proc/%d/pagemap" % pid, "rb") as f:
    f.seek(start // 4096 * 8)
    left = length // 4096
    while left:
        k = min(left, 65536)
        for (v,) in struct.iter_unpack("<Q", f.read(k * 8)):
            n += v >> 63 & 1 or v >> 62 & 1
        left -= k
print(n)
PY
}

for how in ioctl read; do
   if [ "$how" = read ]; then
      MAPSCOPE_TEST_NO_PAGEMAP_SCAN=1
      export MAPSCOPE_TEST_NO_PAGEMAP_SCAN
   fi
   run_ms --find MSPROCMEM-SPARSE pid:"$hpid"
   is "$how: both texts in the region, at their addresses" "$out" \
      "$(hx "$sparse + len / 2 + 100") $((sparse + len / 2 + 100))
$(hx "$sparse + len - 16") $((sparse + len - 16))"
   run_ms --find --hex a7c30000 pid:"$hpid"
   is "$how: a match that ends in the untouched page after" "$(in_region)" \
      "$(hx "$sparse + len / 4 + 4094") $((sparse + len / 4 + 4094))"
   run_ms --find --hex 0000e1f9 pid:"$hpid"
   is "$how: a match that starts in the untouched page before" "$(in_region)" \
      "$(hx "$sparse + len / 4 * 3") $((sparse + len / 4 * 3))"
   n=$(present_pages)
   ok "$how: the untouched pages were not read ($n of $((len / 4096)) present)" \
      test "$n" -lt $((len / 4096 / 16))
done
unset MAPSCOPE_TEST_NO_PAGEMAP_SCAN

# a pattern zeros can match still reads every byte: it is found in zeros
run_ms --find --count --hex "a7c30000" pid:"$hpid":"$(printf '%x-%x' "$((sparse + len / 4))" "$((sparse + len / 4 + 8192))")"
is "pid:PID:START-END reads the range itself" "$out" 1
done_testing
