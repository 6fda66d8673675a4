#!/bin/sh
# bench/viewer.sh - the screen: launch to first screen, and peak memory.
#
# mapscope, hexedit and dhex each open a 1 TiB sparse file and a 2 GiB
# random file in tmux (80x24), driven the same way: the clock starts before
# tmux starts the program and stops when the first screen shows (polled
# every 10 ms through capture-pane, which costs the same for all three).
# Peak RSS is VmHWM from /proc once the first screen is up.  Each table ends
# with the first-screen ratio mapscope / hexedit of the same run (the
# target: no slower than hexedit, x1.00 or less).  Then mapscope
# alone is driven through goto end, goto 50% and 300 page-downs on the
# 1 TiB file and on a 1 MiB file, to show that its memory stays flat.
#
# Then the same first screens without tmux, each program in a pseudo-
# terminal of its own (bench/first-screen.c), with their ratio: tmux's
# polling costs more than the programs themselves.
#
# Environment: BENCH_RUNS (default 7), BENCH_PTY_RUNS (default 101),
# BENCH_RANDOM_MB (default 2048),
# BENCH_PAGES (page-downs, default 300), BENCH_DIR (where the fixtures go).
set -eu
: "${MAPSCOPE:?run through make bench, or set MAPSCOPE}"
: "${top_srcdir:=$(dirname "$0")/..}"
. "$top_srcdir/bench/bench-lib"

runs=${BENCH_RUNS:-7}
random_mb=${BENCH_RANDOM_MB:-2048}
pages=${BENCH_PAGES:-300}

bench_setup viewer
bench_tools tmux hexedit dhex
have tmux || { echo "tmux is missing: nothing to measure"; exit 0; }
machine
echo

tm() { tmux -L "$tmux_socket" "$@"; }

# dhex asks for its keys on first start; give it the answers tmux's keys need.
dhex_home=$work/dhex-home
mkdir -p "$dhex_home"
{
   printf 'KEYESC:1b \nKEYF1:1b 4f 50 \nKEYF2:1b 4f 51 \nKEYF3:1b 4f 52 \nKEYF4:1b 4f 53 \n'
   printf 'KEYF5:1b 5b 31 35 7e \nKEYF6:1b 5b 31 37 7e \nKEYF7:1b 5b 31 38 7e \n'
   printf 'KEYF8:1b 5b 31 39 7e \nKEYF9:1b 5b 32 30 7e \nKEYF10:1b 5b 32 31 7e \n'
   printf 'KEYBACKSPACE:7f \nKEYDEL:1b 5b 33 7e \nKEYENTER:0a \nKEYTAB:09 \n'
   printf 'KEYUP:1b 5b 41 \nKEYDOWN:1b 5b 42 \nKEYRIGHT:1b 5b 43 \nKEYLEFT:1b 5b 44 \n'
   printf 'KEYPGUP:1b 5b 35 7e \nKEYPGDOWN:1b 5b 36 7e \nKEYHOME:1b 5b 31 7e \nKEYEND:1b 5b 34 7e \n'
} >"$dhex_home/.dhexrc"

huge=$work/huge.img
random=$work/random.bin
small=$work/small.bin
truncate -s 1T "$huge"
head -c "${random_mb}M" /dev/urandom >"$random"
head -c 1M /dev/urandom >"$small"
cat "$random" "$small" >/dev/null       # page-cached: we time the tools, not the disk

# first_screen CMD MARKER: seconds from launch to MARKER on the screen, and
# the peak RSS in KiB then; prints "SECONDS KIB", or "timeout".
# One tmux server for every run: starting a server costs more than any of
# the tools, so each run is a new window in it.
start_server() {
   tm kill-server 2>/dev/null || true
   tm new-session -d -s keep -x 80 -y 24 'sleep 1000000'
   tm set-option -g default-size 80x24 >/dev/null
   tm set-option -g status off >/dev/null
}

first_screen() {
   t0=$(now_ns)
   tm new-window -d -t keep -n run "exec env HOME='$dhex_home' TERM=screen LC_ALL=C.UTF-8 $1"
   deadline=$((t0 + 20000000000))
   while ! tm capture-pane -p -t keep:run 2>/dev/null | grep -qF -- "$2"; do
      [ "$(now_ns)" -gt "$deadline" ] && { echo timeout; tm kill-window -t keep:run 2>/dev/null; return 0; }
      sleep 0.005
   done
   t1=$(now_ns)
   pid=$(tm display-message -p -t keep:run '#{pane_pid}')
   hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
   tm kill-window -t keep:run 2>/dev/null || true
   awk -v d=$((t1 - t0)) -v h="$hwm" 'BEGIN { printf "%.4f %d\n", d / 1e9, h }'
}

median_col() { sort -n -k"$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END {
   m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'; }

# measure_once NAME CMD MARKER: one run, appended to $work/NAME.runs.
measure_once() {
   [ -f "$work/$1" ] && return 0           # timed out before: skip
   r=$(first_screen "$2" "$3")
   if [ "$r" = timeout ]; then echo timeout >"$work/$1"; else echo "$r" >>"$work/$1.runs"; fi
}

# medians NAME: the medians of the runs into $work/NAME.
medians() {
   [ -f "$work/$1" ] && return 0
   [ -s "$work/$1.runs" ] || return 0
   echo "$(median_col 1 "$work/$1.runs") $(median_col 2 "$work/$1.runs")" >"$work/$1"
}

report() {   # report FILE-LABEL
   printf '\n== %s: launch to first screen, peak RSS (median of %s)\n' "$1" "$runs"
   printf '  %-10s %10s %10s %12s %10s\n' tool seconds "vs mapscope" "peak RSS" "vs mapscope"
   read -r ms_t ms_m <"$work/mapscope-$2"
   for t in mapscope hexedit dhex; do
      [ -f "$work/$t-$2" ] || continue
      if [ "$(cat "$work/$t-$2")" = timeout ]; then
         printf '  %-10s %10s\n' "$t" "timeout"
         continue
      fi
      read -r tt tm_ <"$work/$t-$2"
      printf '  %-10s %10.4f %10s %9s KiB %10s\n' "$t" "$tt" "x$(ratio "$tt" "$ms_t")" \
         "$tm_" "x$(ratio "$tm_" "$ms_m")"
   done
   first_screen_ratio "$2"
}

# The line the first screen is judged by: mapscope's median over hexedit's,
# both from this run.
first_screen_ratio() {
   if [ ! -f "$work/hexedit-$1" ] || [ "$(cat "$work/hexedit-$1")" = timeout ]; then
      printf '  first screen, mapscope / hexedit: - (no hexedit figure in this run)\n'
      return 0
   fi
   read -r he_t _ <"$work/hexedit-$1"
   r=$(ratio "$ms_t" "$he_t")
   verdict=$(awk -v r="$r" 'BEGIN { print (r <= 1.0) ? "no slower than hexedit" : "slower than hexedit" }')
   printf '  first screen, mapscope / hexedit: x%s (%s; target x1.00 or less)\n' "$r" "$verdict"
}

# walk FILE: mapscope goes to the end, to 50% and pages down $pages times
# (each key drawn before the next); prints the peak RSS in KiB afterwards.
walk() {
   rm -f "$work/done"
   {
      echo ":goto end"
      echo ":goto 50%"
      i=0
      while [ "$i" -lt "$pages" ]; do printf '<PgDn>'; i=$((i + 1)); done
      echo
      echo "@sync $work/done"
   } >"$work/walk.script"
   tm new-window -d -t keep -n walk \
      "exec env TERM=screen LC_ALL=C.UTF-8 '$MAPSCOPE' --script '$work/walk.script' '$1'"
   w=0
   while [ ! -e "$work/done" ] && [ "$w" -lt 600 ]; do sleep 0.05; w=$((w + 1)); done
   pid=$(tm display-message -p -t keep:walk '#{pane_pid}')
   awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0
   tm kill-window -t keep:walk 2>/dev/null || true
}

# The tools take turns, run after run, so that drifting load on a shared
# machine falls on all of them alike.
start_server
for f in huge random; do
   eval "path=\$$f"
   i=0
   while [ "$i" -lt "$runs" ]; do
      measure_once "mapscope-$f" "'$MAPSCOPE' '$path'" "offset 0x0 = 0"
      have hexedit && measure_once "hexedit-$f" "hexedit '$path'" "--0x0/0x"
      have dhex && measure_once "dhex-$f" "dhex '$path'" "0Quit"
      i=$((i + 1))
   done
   for t in mapscope hexedit dhex; do medians "$t-$f"; done
done
report "1 TiB sparse file" huge
report "${random_mb} MiB random file" random

# The floor under any first screen (bench/curses-floor.c): a program that
# only starts curses and shows one line, built against the wide library
# with the locale set (what a program that shows UTF-8 must do) and against
# the narrow one without (what hexedit does), timed as above.  The part of
# the ratio that is the library and the locale, not the program's own work.
floors() {
   for lib in ncursesw ncurses; do
      $cc -O2 -o "$work/floor-$lib" "$top_srcdir/bench/curses-floor.c" -l"$lib" 2>/dev/null || {
         echo "  (no lib$lib to link with: no floor figures)"
         return 0
      }
   done
   : >"$work/floor-wl"
   : >"$work/floor-w"
   : >"$work/floor-n"
   i=0
   while [ "$i" -lt "$pty_runs" ]; do
      LC_ALL=C.UTF-8 "$work/first-screen" "floor line" "$work/floor-ncursesw" --locale "floor line" >>"$work/floor-wl" || true
      LC_ALL=C.UTF-8 "$work/first-screen" "floor line" "$work/floor-ncursesw" "floor line" >>"$work/floor-w" || true
      LC_ALL=C.UTF-8 "$work/first-screen" "floor line" "$work/floor-ncurses" "floor line" >>"$work/floor-n" || true
      i=$((i + 1))
   done
   wl=$(grep -v timeout "$work/floor-wl" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
   w=$(grep -v timeout "$work/floor-w" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
   n=$(grep -v timeout "$work/floor-n" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
   printf '  %-22s ncursesw and locale %6s us, ncursesw %6s us, ncurses %6s us\n' "curses floor" "$wl" "$w" "$n"
   printf '  %-22s the locale %s us, the wide library %s us: x%s before any work of its own\n' \
      "" "$((wl - w))" "$((w - n))" "$(ratio "$wl" "$n")"
}

# The same first screen without tmux: each program in a pseudo-terminal of
# its own, timed from fork() to the marker in what it wrote
# (bench/first-screen.c).  tmux's polling above costs more than the
# programs themselves; this is the programs alone.  Turns alternate.
cc=${CC:-cc}
if have hexedit && $cc -O2 -o "$work/first-screen" "$top_srcdir/bench/first-screen.c" -lutil 2>/dev/null; then
   pty_runs=${BENCH_PTY_RUNS:-101}
   for f in huge random; do
      eval "path=\$$f"
      : >"$work/pty-ms-$f"
      : >"$work/pty-he-$f"
      i=0
      while [ "$i" -lt "$pty_runs" ]; do
         LC_ALL=C.UTF-8 "$work/first-screen" "offset 0x0 = 0" "$MAPSCOPE" "$path" >>"$work/pty-ms-$f" || true
         LC_ALL=C.UTF-8 "$work/first-screen" "--0x0/0x" hexedit "$path" >>"$work/pty-he-$f" || true
         i=$((i + 1))
      done
   done
   printf '\n== first screen in a pseudo-terminal, no tmux (median of %s, microseconds)\n' "$pty_runs"
   for f in huge random; do
      ms=$(grep -v timeout "$work/pty-ms-$f" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
      he=$(grep -v timeout "$work/pty-he-$f" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
      r=$(ratio "$ms" "$he")
      verdict=$(awk -v r="$r" 'BEGIN { print (r <= 1.0) ? "no slower than hexedit" : "slower than hexedit" }')
      printf '  %-22s mapscope %6s us, hexedit %6s us: first screen, mapscope / hexedit: x%s (%s)\n' \
         "$([ "$f" = huge ] && echo "1 TiB sparse file" || echo "${random_mb} MiB random file")" \
         "$ms" "$he" "$r" "$verdict"
   done
   floors
else
   echo
   echo "(no hexedit or no C compiler: no pseudo-terminal figures)"
fi
echo
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== mapscope's memory stays flat: peak RSS after goto end, goto 50% and $pages page-downs"
read -r _ first_huge <"$work/mapscope-huge"
walk_huge=$(walk "$huge")
walk_small=$(walk "$small")
printf '  %-44s %9s KiB\n' "1 TiB sparse file, first screen" "$first_huge"
printf '  %-44s %9s KiB\n' "1 TiB sparse file, after the walk" "$walk_huge"
printf '  %-44s %9s KiB\n' "1 MiB file, after the same walk" "$walk_small"
d=$((walk_huge - walk_small))
printf '  %-44s %9s KiB (the promise: within 2048 KiB)\n' "difference, 1 TiB - 1 MiB" "$d"
