#!/bin/sh
# objects.sh - listing the named objects of a busy machine: 10,000 POSIX shm
# objects held by 200 processes (each maps 50 and keeps their descriptors
# open) and 1,000 System V segments attached by the same processes.
# mapscope --list (table and JSON) against `lsof +D /dev/shm` (which finds
# the same descriptors and mappings) and `lsipc` (System V only).  A
# benchmark, not a test: it prints medians and ratios.
#
#   BENCH_OBJECTS (10000), BENCH_PROCS (200), BENCH_SYSV (1000), BENCH_RUNS (5)
set -u

: "${MAPSCOPE:?run through make bench (MAPSCOPE=path/to/mapscope)}"
: "${top_srcdir:=$(dirname "$0")/..}"
n_obj=${BENCH_OBJECTS:-10000}
n_proc=${BENCH_PROCS:-200}
n_sysv=${BENCH_SYSV:-1000}
runs=${BENCH_RUNS:-5}
prefix=msbench$$
dir=$(mktemp -d "${TMPDIR:-/tmp}/mapscope-bench-objects.XXXXXX")
scene_pid=""
cleanup() {
   exec 9>&- 2>/dev/null             # end of input: the fixture removes what it made
   if [ -n "$scene_pid" ]; then
      t=0
      while kill -0 "$scene_pid" 2>/dev/null && [ $t -lt 300 ]; do
         t=$((t + 1))
         sleep 0.1
      done
      kill "$scene_pid" 2>/dev/null
      wait "$scene_pid" 2>/dev/null
   fi
   rm -f /dev/shm/"$prefix"-* 2>/dev/null
   rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

cc=${CC:-cc}
"$cc" -O2 -o "$dir/scene" "$top_srcdir/bench/objects-scene.c" -lrt 2>"$dir/cc.err" \
   || { cat "$dir/cc.err"; echo "objects.sh: cannot build the fixture"; exit 1; }
max=$(cat /proc/sys/kernel/shmmni 2>/dev/null || echo 4096)
[ "$n_sysv" -gt $((max - 64)) ] && n_sysv=$((max - 64))

echo "fixture: $n_obj shm objects, $n_proc processes, $n_sysv System V segments"
mkfifo "$dir/in"
"$dir/scene" "$prefix" "$n_obj" "$n_proc" "$n_sysv" <"$dir/in" >"$dir/scene.out" 2>&1 &
scene_pid=$!
exec 9>"$dir/in"
t=0
until grep -q ready "$dir/scene.out"; do
   t=$((t + 1))
   if [ $t -gt 600 ] || ! kill -0 "$scene_pid" 2>/dev/null; then
      cat "$dir/scene.out"; echo "objects.sh: the fixture did not get ready"; exit 1
   fi
   sleep 0.1
done

now_ns() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

# time_cmd NAME CMD...: the median wall time of RUNS runs, in ns.
time_cmd() {
   name=$1
   shift
   times=""
   i=0
   while [ "$i" -lt "$runs" ]; do
      t0=$(now_ns)
      "$@" >"$dir/out.$name" 2>/dev/null
      t1=$(now_ns)
      times="$times$((t1 - t0))
"
      i=$((i + 1))
   done
   printf '%s' "$times" | median
}

# Check that everyone saw the fixture before comparing times.
"$MAPSCOPE" --list --json >"$dir/check.json" || { echo "mapscope --list failed"; exit 1; }
python3 - "$dir/check.json" "$prefix" "$n_obj" "$n_sysv" <<'PY' || exit 1
import json, sys
j = json.load(open(sys.argv[1]))
p, n, s = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
mine = [o for o in j["objects"] if o["kind"] == "shm" and o["name"].startswith(p + "-")]
att = sum(len(o["attachers"]) for o in mine)
sysv = [o for o in j["objects"] if o["kind"] == "sysv-shm" and o["attachers"]]
print("mapscope sees %d shm objects with %d attachments (fd + map), %d attached segments"
      % (len(mine), att, len(sysv)))
if len(mine) != n or att != 2 * n:
    sys.exit("objects.sh: mapscope did not see the whole fixture")
PY

m_table=$(time_cmd table "$MAPSCOPE" --list)
m_json=$(time_cmd json "$MAPSCOPE" --list --json)
m_sysv=$(time_cmd sysv "$MAPSCOPE" --list --kind=sysv)
echo
printf '%-40s %10s\n' "command" "median ms"
printf '%-40s %10s\n' "mapscope --list" "$(ms "$m_table")"
printf '%-40s %10s\n' "mapscope --list --json" "$(ms "$m_json")"
printf '%-40s %10s\n' "mapscope --list --kind=sysv" "$(ms "$m_sysv")"

if command -v lsof >/dev/null 2>&1; then
   l=$(time_cmd lsof lsof +D /dev/shm)
   lines=$(grep -c "$prefix" "$dir/out.lsof")
   printf '%-40s %10s   (%s lines about the fixture)\n' "lsof +D /dev/shm" "$(ms "$l")" "$lines"
   lf=$(time_cmd lsofall lsof -n -P)
   printf '%-40s %10s\n' "lsof -n -P (everything)" "$(ms "$lf")"
else
   l=0
   echo "lsof: not installed (apt-get install lsof)"
fi
if command -v lsipc >/dev/null 2>&1; then
   s=$(time_cmd lsipc lsipc)
   sm=$(time_cmd lsipcm lsipc -m)
   printf '%-40s %10s\n' "lsipc" "$(ms "$s")"
   printf '%-40s %10s\n' "lsipc -m" "$(ms "$sm")"
else
   s=0
   sm=0
   echo "lsipc: not installed (util-linux)"
fi
echo
echo "ratios (other / mapscope; above 1 means mapscope is faster):"
[ "$l" != 0 ] && echo "  lsof +D /dev/shm  / mapscope --list:             $(ratio "$l" "$m_table")"
[ "$s" != 0 ] && echo "  lsipc             / mapscope --list:             $(ratio "$s" "$m_table")"
[ "$sm" != 0 ] && echo "  lsipc -m          / mapscope --list --kind=sysv: $(ratio "$sm" "$m_sysv")"
exit 0
