#!/bin/sh
# bench/paste.sh - a 70,000-byte paste at the prompt.
#
# mapscope shows a 1 MiB file in tmux (80x24); `:` opens the prompt, then
# tmux pastes 70,000 bytes (load-buffer + paste-buffer): 60,000 a's, C-u
# (the line so far removed, so that the rest fits PROMPT_MAX), 9,996 a's
# and END.  The clock runs from the paste until the prompt's line shows
# "aaaEND" (polled every 20 ms through capture-pane): every key read,
# the screen drawn.  Typed-ahead keys are taken before the next draw and
# only the prompt's line is drawn while it takes them, so this is a
# fraction of a second; drawing the whole view for each key made it
# minutes.  BENCH_BEFORE=PATH times another build the same way (a ratio
# follows).
#
# Environment: BENCH_RUNS (default 3), BENCH_BEFORE, BENCH_DIR.
set -eu
: "${MAPSCOPE:?run through make bench, or set MAPSCOPE}"
: "${top_srcdir:=$(dirname "$0")/..}"
. "$top_srcdir/bench/bench-lib"

runs=${BENCH_RUNS:-3}
bench_setup paste
have tmux || { echo "tmux is missing: nothing to measure"; exit 0; }
machine
echo

tm() { tmux -L "$tmux_socket" -f /dev/null "$@"; }

head -c 1M /dev/urandom >"$work/data.bin"
{
   head -c 60000 /dev/zero | tr '\0' a
   printf '\025'
   head -c 9996 /dev/zero | tr '\0' a
   printf 'END'
} >"$work/paste"

# paste_once PROGRAM: seconds from the paste to its end on the prompt's line.
paste_once() {
   tm new-session -d -s paste -x 80 -y 24 \
      "env TERM=screen LC_ALL=C.UTF-8 '$1' '$work/data.bin'"
   until tm capture-pane -p -t paste 2>/dev/null | grep -q '^00000000'; do sleep 0.02; done
   tm send-keys -t paste :
   until tm capture-pane -p -t paste | tail -n 1 | grep -q '^:'; do sleep 0.02; done
   tm load-buffer -b paste "$work/paste"
   t0=$(now_ns)
   tm paste-buffer -d -b paste -t paste
   until tm capture-pane -p -t paste | tail -n 1 | grep -q 'aaaEND'; do sleep 0.02; done
   t1=$(now_ns)
   tm kill-session -t paste
   awk -v n=$((t1 - t0)) 'BEGIN { printf "%.3f\n", n / 1e9 }'
}

median_paste() {
   : >"$work/times"
   i=0
   while [ "$i" -lt "$runs" ]; do
      paste_once "$1" >>"$work/times"
      i=$((i + 1))
   done
   sort -n "$work/times" | awk '{ t[NR] = $1 } END {
      printf "%.3f\n", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}

echo "70,000-byte paste at the : prompt, until the prompt shows its end (median of $runs)"
now=$(median_paste "$MAPSCOPE")
printf '%-10s %10s s\n' mapscope "$now"
if [ -n "${BENCH_BEFORE:-}" ]; then
   before=$(median_paste "$BENCH_BEFORE")
   printf '%-10s %10s s\n' before "$before"
   echo "ratio mapscope / before: x$(ratio "$now" "$before"); before / mapscope: x$(ratio "$before" "$now")"
fi
