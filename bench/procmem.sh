#!/bin/sh
# bench/procmem.sh - another process's memory, in one run:
#
#   the region list of a process with 50,000 mappings: mapscope --list
#   pid:PID against pmap -X PID (target: half its time or less);
#   --find over 1 GiB of another process's memory against --find over a
#   page-cached 1 GiB file with the same bytes (target: at least half its
#   throughput).
#
# The process is tests/helpers/procmemhelper, compiled here; every process
# started is killed on exit.
#
# Environment: BENCH_MAPPINGS (default 50000), BENCH_SIZE_MB (default
# 1024), BENCH_RUNS (default 5), BENCH_DIR (where the fixtures go).
set -eu
: "${MAPSCOPE:?run through make bench, or set MAPSCOPE}"
: "${top_srcdir:=$(dirname "$0")/..}"
. "$top_srcdir/bench/bench-lib"

mappings=${BENCH_MAPPINGS:-50000}
size_mb=${BENCH_SIZE_MB:-1024}
runs=${BENCH_RUNS:-5}
needle="MSPROCMEM-NEEDLE"

bench_setup procmem
helpers=""
trap 'for p in $helpers; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
have pmap || bench_tools procps     # pmap comes with procps
machine
echo

cc=${CC:-cc}
$cc -O2 -o "$work/procmemhelper" "$top_srcdir/tests/helpers/procmemhelper.c"

# start_helper ARGS...: a helper process; its line in $work/helper.out,
# its pid in $hpid.
start_helper() {
   "$work/procmemhelper" "$@" >"$work/helper.out" &
   hpid=$!
   helpers="$helpers $hpid"
   i=0
   until grep -q '^pid=' "$work/helper.out" 2>/dev/null; do
      i=$((i + 1))
      if [ "$i" -gt 600 ] || ! kill -0 "$hpid" 2>/dev/null; then
         echo "the helper did not start"
         exit 1
      fi
      sleep 0.1
   done
}
fact() { tr ' ' '\n' <"$work/helper.out" | sed -n "s/^$1=//p"; }

# ---- the region list ----------------------------------------------------------
max=$(cat /proc/sys/vm/max_map_count)
if [ "$max" -le "$((mappings + 100))" ]; then
   echo "vm.max_map_count is $max: fewer mappings than asked for"
   mappings=$((max - 200))
fi
start_helper -n "$mappings"
pid=$hpid
regions=$(wc -l <"/proc/$pid/maps")
echo "== the region list of a process with $regions mappings (median of $runs runs)"
got=$("$MAPSCOPE" --list pid:"$pid" | sed -n '1s/.*: \([0-9]*\) regions$/\1/p')
[ "$got" = "$regions" ] || echo "  mapscope listed $got regions, /proc/$pid/maps has $regions"
t_ms=$(median_time "$runs" "$MAPSCOPE" --list pid:"$pid")
c_ms=$(cpu_median "$runs" "$MAPSCOPE" --list pid:"$pid")
t_js=$(median_time "$runs" "$MAPSCOPE" --list --json pid:"$pid")
if have pmap; then
   t_pm=$(median_time "$runs" pmap -X "$pid")
   c_pm=$(cpu_median "$runs" pmap -X "$pid")
else
   t_pm=missing
   c_pm=""
fi
printf '  %-34s %9.3f s  cpu %s s\n' "mapscope --list pid:PID" "$t_ms" "${c_ms:--}"
printf '  %-34s %9.3f s\n' "mapscope --list --json pid:PID" "$t_js"
if [ "$t_pm" != missing ]; then
   printf '  %-34s %9.3f s  cpu %s s\n' "pmap -X PID" "$t_pm" "${c_pm:--}"
   echo "  mapscope / pmap -X: wall $(ratio "$t_ms" "$t_pm"), cpu $(ratio "${c_ms:-0}" "${c_pm:-0}")" \
        "(target: 0.50 or less)"
else
   echo "  pmap -X: missing"
fi
kill "$pid"
wait "$pid" 2>/dev/null || true
echo

# ---- --find over another process's memory ---------------------------------------
echo "== --find over $size_mb MiB of another process's memory and of a page-cached file (median of $runs runs)"
start_helper -g "$size_mb"
pid=$hpid
big=$(fact big)
bytes=$((size_mb * 1024 * 1024))
file=$work/same-bytes.bin
head -c "$((bytes - 16))" /dev/zero | tr '\0' '\021' >"$file"
printf '%s' "$needle" >>"$file"
cat "$file" >/dev/null                     # warm the page cache
want_p=$(printf '0x%x %d' "$((big + bytes - 16))" "$((big + bytes - 16))")
got_p=$("$MAPSCOPE" --find "$needle" pid:"$pid" | grep -c "^$want_p\$" || true)
[ "$got_p" = 1 ] || echo "  mapscope did not find the needle in the process"
got_f=$("$MAPSCOPE" --find --count "$needle" "$file")
[ "$got_f" = 1 ] || echo "  mapscope did not find the needle in the file"
t_p=$(median_time "$runs" "$MAPSCOPE" --find --count "$needle" pid:"$pid")
t_r=$(median_time "$runs" "$MAPSCOPE" --find --count "$needle" pid:"$pid":"$big")
t_f=$(median_time "$runs" "$MAPSCOPE" --find --count "$needle" "$file")
r_f=$(mbps "$bytes" "$t_f")
row "--find pid:PID (every region)" "$t_p" "$bytes" "$r_f"
row "--find pid:PID:ADDR (the 1 GiB region)" "$t_r" "$bytes" "$r_f"
row "--find FILE (page-cached)" "$t_f" "$bytes"
echo "  process / file throughput: $(ratio "$(mbps "$bytes" "$t_p")" "$r_f") (target: 0.50 or more)"
kill "$pid"
wait "$pid" 2>/dev/null || true
echo

# ---- --find over a huge, mostly untouched anonymous region ----------------------
# As a sanitizer's shadow memory: BENCH_SPARSE_MB (default 65536) reserved
# with MAP_NORESERVE, four pages touched.  Untouched pages are zeros and
# are not read: the PAGEMAP_SCAN ioctl (Linux 6.7), else the page map read
# in large batches (MAPSCOPE_TEST_NO_PAGEMAP_SCAN=1 forces it).
sparse_mb=${BENCH_SPARSE_MB:-65536}
echo "== --find over a $sparse_mb MiB anonymous region with four pages touched (median of $runs runs)"
start_helper -r "$sparse_mb"
pid=$hpid
got=$("$MAPSCOPE" --find --count MSPROCMEM-SPARSE pid:"$pid")
[ "$got" = 2 ] || echo "  mapscope found $got of the 2 texts"
t_s=$(median_time "$runs" "$MAPSCOPE" --find --count MSPROCMEM-SPARSE pid:"$pid")
t_m=$(median_time "$runs" env MAPSCOPE_TEST_NO_PAGEMAP_SCAN=1 "$MAPSCOPE" --find --count MSPROCMEM-SPARSE pid:"$pid")
printf '  %-44s %9.3f s\n' "--find pid:PID (PAGEMAP_SCAN)" "$t_s"
printf '  %-44s %9.3f s\n' "--find pid:PID (page map read)" "$t_m"
