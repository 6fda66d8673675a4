#!/bin/sh
# bench/search.sh - search throughput: mapscope --find against its peers, in
# one run on the same page-cached files.
#
#   2 GiB of random data with a needle at the end: mapscope --find --count,
#   a plain read()+memmem() loop (bench/memmem-loop.c, compiled here),
#   grep -F -c, the searches of hexedit and tweak driven in tmux, and the
#   command-line search of dhex (-sa, with a search log) in tmux.
#   64 GiB sparse file with one data block at the end: the same tools.
#
# Environment: BENCH_SIZE_MB (default 2048), BENCH_RUNS (default 5),
# BENCH_TUI_RUNS (default 3), BENCH_TUI_TIMEOUT (seconds a hex editor gets
# for the warm file, default 90), BENCH_TIMEOUT (seconds any peer gets for the
# sparse file, default 20), BENCH_DIR (where the fixtures go, default $TMPDIR
# or /tmp).
set -eu
: "${MAPSCOPE:?run through make bench, or set MAPSCOPE}"
: "${top_srcdir:=$(dirname "$0")/..}"
. "$top_srcdir/bench/bench-lib"

size_mb=${BENCH_SIZE_MB:-2048}
runs=${BENCH_RUNS:-5}
tui_runs=${BENCH_TUI_RUNS:-3}
slow=${BENCH_TIMEOUT:-20}
tui_slow=${BENCH_TUI_TIMEOUT:-90}
needle="NEEDLE-AT-THE-END-OF-THE-FILE"

bench_setup search
bench_tools tmux hexedit tweak dhex
machine
echo

# ---- fixtures ----------------------------------------------------------------
big=$work/random.bin
head -c "${size_mb}M" /dev/urandom >"$big"
# A few bytes after the needle: dhex misses a match that ends at the end.
printf '%s\n-- end --\n' "$needle" >>"$big"
bytes=$(wc -c <"$big")
at=$((size_mb * 1024 * 1024))
cat "$big" >/dev/null                      # warm the page cache

sparse=$work/sparse.bin
sparse_size=$((64 * 1024 * 1024 * 1024))
sparse_at=$((sparse_size - 4096))
truncate -s "$sparse_size" "$sparse"
printf '%s' "$needle" | dd of="$sparse" bs=4096 seek=$((sparse_at / 4096)) conv=notrunc status=none

cc=${CC:-cc}
$cc -O2 -o "$work/memmem-loop" "$top_srcdir/bench/memmem-loop.c"

# Every tool must find the needle where it is, or its time means nothing.
check() {
   if [ "$2" != "$3" ]; then
      echo "  $1: wrong answer ($2, want $3): left out"
      return 1
   fi
}

echo "== ${size_mb} MiB page-cached random file, needle at the end (median of $runs runs)"
check "mapscope" "$("$MAPSCOPE" --find "$needle" "$big")" "$(printf '0x%08x %d' "$at" "$at")"
check "memmem loop" "$("$work/memmem-loop" "$needle" "$big")" 1
check "grep -F -c" "$(grep -F -c -a "$needle" "$big")" 1
dhome=$(dhex_home)

t_ms=$(median_time "$runs" "$MAPSCOPE" --find "$needle" --count "$big")
t_mm=$(median_time "$runs" "$work/memmem-loop" "$needle" "$big")
t_gr=$(median_time "$runs" grep -F -c "$needle" "$big")
# The two TUI peers need the whole file in view and a search prompt.
hex_at=$(printf '%X' "$at")
if have hexedit && have tmux; then
   t_he=$(median_of "$tui_runs" tui_search "$tui_slow" "0x$hex_at/" "--0x0/" "hexedit '$big'" -- Tab C-s -- "$needle")
else
   t_he=missing
fi
if have tweak && have tmux; then
   t_tw=$(median_of "$tui_runs" tui_search "$tui_slow" "posn=0x$hex_at " "TWEAK:" "tweak '$big'" -- C-s -- "$needle")
else
   t_tw=missing
fi

# dhex searches from its command line (-sa) and, with a search log (-w),
# scans the whole file, says how many it found and waits for a key.
if have dhex && have tmux; then
   t_dh=$(median_of "$tui_runs" tui_run "$tui_slow" "1 occurrences found" \
      "HOME='$dhome' dhex -sa '$needle' -w '$work/dhex.log' '$big'")
else
   t_dh=missing
fi

ref=$(mbps "$bytes" "$t_mm")
echo "  (ratios: throughput / the memmem loop's)"
row "mapscope --find --count" "$t_ms" "$bytes" "$ref"
row "read()+memmem loop" "$t_mm" "$bytes" "$ref"
row "grep -F -c" "$t_gr" "$bytes" "$ref"
for pair in "hexedit (tmux, Ctrl-S):$t_he" "tweak (tmux, Ctrl-S):$t_tw" \
            "dhex -sa -w (tmux, whole file):$t_dh"; do
   name=${pair%%:*} t=${pair#*:}
   case $t in
   timeout) printf '  %-40s did not finish in %s s\n' "$name" "$tui_slow" ;;
   missing) printf '  %-40s not installed\n' "$name" ;;
   *) row "$name (median of $tui_runs)" "$t" "$bytes" "$ref" ;;
   esac
done
echo "  mapscope / memmem loop: x$(ratio "$(mbps "$bytes" "$t_ms")" "$ref")   (target >= 0.8)"
echo "  mapscope / grep -F -c:  x$(ratio "$(mbps "$bytes" "$t_ms")" "$(mbps "$bytes" "$t_gr")")   (target >= 1)"
echo

# ---- the sparse file -------------------------------------------------------------
echo "== 64 GiB sparse file, one data block at the end"
check "mapscope (sparse)" "$("$MAPSCOPE" --find "$needle" "$sparse")" \
   "$(printf '0x%08x %d' "$sparse_at" "$sparse_at")"
t_sp=$(median_time "$runs" "$MAPSCOPE" --find "$needle" --count "$sparse")
printf '  %-40s %9.4f s   (target < 0.1 s)\n' "mapscope --find --count" "$t_sp"
printf 'x' >"$work/tiny"
t_start=$(median_time "$runs" "$MAPSCOPE" --find "$needle" --count "$work/tiny")
printf '  %-40s %9.4f s   (of which: starting the program)\n' "mapscope on a 1-byte file" "$t_start"
once() {
   name=$1
   shift
   t0=$(now_ns)
   if timeout "$slow" "$@" >/dev/null 2>&1 || [ $? -ne 124 ]; then
      t1=$(now_ns)
      printf '  %-40s %9.3f s\n' "$name" "$(awk -v d=$((t1 - t0)) 'BEGIN { print d / 1e9 }')"
   else
      printf '  %-40s did not finish in %s s\n' "$name" "$slow"
   fi
}
once "read()+memmem loop" "$work/memmem-loop" "$needle" "$sparse"
once "grep -F -c" grep -F -c "$needle" "$sparse"
sparse_hex=$(printf '%X' "$sparse_at")
for peer in hexedit tweak dhex; do
   have "$peer" && have tmux || continue
   case $peer in
   hexedit) r=$(tui_search "$slow" "0x$sparse_hex/" "--0x0/" "hexedit '$sparse'" -- Tab C-s -- "$needle") ;;
   tweak) r=$(tui_search "$slow" "posn=0x$sparse_hex " "TWEAK:" "tweak '$sparse'" -- C-s -- "$needle") ;;
   dhex) r=$(tui_run "$slow" "1 occurrences found" \
            "HOME='$dhome' dhex -sa '$needle' -w '$work/dhex.log' '$sparse'") ;;
   esac
   if [ "$r" = timeout ]; then
      printf '  %-40s did not finish in %s s\n' "$peer (tmux)" "$slow"
   else
      printf '  %-40s %9.3f s\n' "$peer (tmux)" "$r"
   fi
done

# ---- zeros in a hole ----------------------------------------------------------------
# A pattern that matches zeros matches at every start inside a hole: counted
# by arithmetic, it must take no longer than a needle that skips the hole.
echo "== 16 GiB sparse file, no data: a zero pattern against a non-zero needle"
holes=$work/holes.bin
truncate -s 16G "$holes"
check "mapscope (zeros in a hole)" "$("$MAPSCOPE" --hex --find '00 00' --count "$holes")" \
   "$((16 * 1024 * 1024 * 1024 - 1))"
t_zero=$(median_time "$runs" "$MAPSCOPE" --hex --find '00 00' --count "$holes")
t_needle=$(median_time "$runs" "$MAPSCOPE" --find "$needle" --count "$holes")
printf '  %-40s %9.4f s\n' "mapscope --hex --find '00 00' --count" "$t_zero"
printf '  %-40s %9.4f s\n' "mapscope --find NEEDLE --count" "$t_needle"
echo "  zero pattern / needle: x$(awk -v a="$t_zero" -v b="$t_needle" 'BEGIN { printf "%.2f", b > 0 ? a / b : 0 }')   (target <= 1, milliseconds)"
rm -f "$holes"
