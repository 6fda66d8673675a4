#!/bin/sh
# bench/xxd.sh - --xxd against the real xxd, layout by layout.
#
# Each of xxd's layouts (default, -c 32 -g 4, -e, -b, -p, -i, -u -d, -a on
# a sparse file) dumps the same page-cached random slice through both
# tools to /dev/null; the output must be identical, or the row says so.
# Wall time and CPU time (user + sys: what it would take on an idle core)
# are medians.
#
# Environment: BENCH_SLICE_MB (default 64), BENCH_RUNS (default 3),
# BENCH_DIR (where the fixtures go).
set -eu
: "${MAPSCOPE:?run through make bench, or set MAPSCOPE}"
: "${top_srcdir:=$(dirname "$0")/..}"
. "$top_srcdir/bench/bench-lib"

slice_mb=${BENCH_SLICE_MB:-64}
runs=${BENCH_RUNS:-3}

bench_setup xxd
machine
echo
have xxd || { echo "xxd is not installed: nothing to compare with"; exit 0; }

slice=$work/slice.bin
head -c "${slice_mb}M" /dev/urandom >"$slice"
bytes=$(wc -c <"$slice")
cat "$slice" >/dev/null

echo "== ${slice_mb} MiB page-cached random file (median of $runs runs; ratio: xxd / mapscope)"
printf '  %-22s %10s %10s %10s %10s %8s  %s\n' "options" "xxd s" "mapscope s" "xxd cpu" "ms cpu" "ratio" "same"
for opts in "" "-c 32 -g 4" "-e" "-b" "-p" "-i" "-u -d" "-a"; do
   # shellcheck disable=SC2086
   xxd $opts "$slice" >"$work/want"
   # shellcheck disable=SC2086
   "$MAPSCOPE" --xxd $opts "$slice" >"$work/got"
   same=no
   cmp -s "$work/want" "$work/got" && same=yes
   rm -f "$work/want" "$work/got"
   # shellcheck disable=SC2086
   tx=$(median_time "$runs" xxd $opts "$slice")
   # shellcheck disable=SC2086
   tm=$(median_time "$runs" "$MAPSCOPE" --xxd $opts "$slice")
   # shellcheck disable=SC2086
   cx=$(cpu_median "$runs" xxd $opts "$slice")
   # shellcheck disable=SC2086
   cm=$(cpu_median "$runs" "$MAPSCOPE" --xxd $opts "$slice")
   printf '  %-22s %10s %10s %10s %10s %8s  %s\n' "${opts:-(default)}" "$tx" "$tm" \
      "${cx:--}" "${cm:--}" "x$(ratio "$tx" "$tm")" "$same"
done
row "mapscope --xxd (default), wall" "$(median_time "$runs" "$MAPSCOPE" --xxd "$slice")" "$bytes"
