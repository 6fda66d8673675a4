#!/bin/sh
# bench/dump.sh - --dump throughput against hexdump -C, xxd and hexyl.
#
# mapscope dumps a 2 GiB page-cached random file to /dev/null and to a
# pipe, by read() (the default) and through mapped windows (-W); the peers,
# a hundred times slower, dump a 32 MiB slice of it (and so does mapscope,
# for a like-for-like ratio).  The output must equal
# hexdump -C's and xxd's byte for byte, or the figures mean nothing.
#
# Environment: BENCH_SIZE_MB (default 2048), BENCH_SLICE_MB (default 32),
# BENCH_RUNS (default 3), BENCH_DIR (where the fixtures go).
set -eu
: "${MAPSCOPE:?run through make bench, or set MAPSCOPE}"
: "${top_srcdir:=$(dirname "$0")/..}"
. "$top_srcdir/bench/bench-lib"

size_mb=${BENCH_SIZE_MB:-2048}
slice_mb=${BENCH_SLICE_MB:-32}
runs=${BENCH_RUNS:-3}

bench_setup dump
bench_tools hexyl xxd
machine
echo

big=$work/random.bin
slice=$work/slice.bin
head -c "${size_mb}M" /dev/urandom >"$big"
head -c "${slice_mb}M" "$big" >"$slice"
bytes=$(wc -c <"$big")
slice_bytes=$(wc -c <"$slice")
cat "$big" >/dev/null

echo "== identical output on the ${slice_mb} MiB slice"
if have hexdump; then
   hexdump -C "$slice" >"$work/hd.out"
   if "$MAPSCOPE" --dump "$slice" | cmp -s - "$work/hd.out"; then
      echo "  --dump equals hexdump -C: yes"
   else
      echo "  --dump equals hexdump -C: NO (figures below are void)"
   fi
   rm -f "$work/hd.out"
fi
if have xxd; then
   xxd "$slice" >"$work/xxd.out"
   if "$MAPSCOPE" --xxd "$slice" | cmp -s - "$work/xxd.out"; then
      echo "  --xxd equals xxd: yes"
   else
      echo "  --xxd equals xxd: NO (figures below are void)"
   fi
   rm -f "$work/xxd.out"
fi
echo

to_pipe() { "$@" | cat >/dev/null; }

echo "== ${size_mb} MiB page-cached random file (median of $runs runs; target >= 1000 MB/s)"
t_null=$(median_time "$runs" "$MAPSCOPE" --dump "$big")
t_pipe=$(median_time "$runs" to_pipe "$MAPSCOPE" --dump "$big")
t_xnull=$(median_time "$runs" "$MAPSCOPE" --xxd "$big")
t_mapped=$(median_time "$runs" "$MAPSCOPE" --dump -W 8M "$big")
row "mapscope --dump > /dev/null" "$t_null" "$bytes"
row "mapscope --dump | cat" "$t_pipe" "$bytes"
row "mapscope --xxd > /dev/null" "$t_xnull" "$bytes"
row "mapscope --dump -W 8M (mapped windows)" "$t_mapped" "$bytes"
c_null=$(cpu_median "$runs" "$MAPSCOPE" --dump "$big")
[ -n "$c_null" ] && row "mapscope --dump, CPU time (user+sys)" "$c_null" "$bytes"
echo

echo "== ${slice_mb} MiB slice, to /dev/null (median of $runs runs; ratio: mapscope / peer)"
t_ms=$(median_time "$runs" "$MAPSCOPE" --dump "$slice")
ms_rate=$(mbps "$slice_bytes" "$t_ms")
row "mapscope --dump" "$t_ms" "$slice_bytes"
peer() {
   name=$1
   shift
   have "$1" || { printf '  %-40s not installed\n' "$name"; return 0; }
   t=$(median_time "$runs" "$@")
   rate=$(mbps "$slice_bytes" "$t")
   printf '  %-40s %9.3f s %8s MB/s   mapscope is x%s faster\n' "$name" "$t" "$rate" \
      "$(ratio "$ms_rate" "$rate")"
}
peer "xxd" xxd "$slice"
peer "hexdump -C" hexdump -C "$slice"
peer "od -A x -t x1z" od -A x -t x1z "$slice"
peer "hexyl --color=never" hexyl --color=never "$slice"
