#!/bin/sh
# edit.sh - a 1-byte edit and save on a 64 GiB sparse file: what is written
# (bytes, pages: strace and /proc/PID/io write_bytes) and how long it takes,
# mapscope --patch --flush against hexedit saving the same edit (driven in
# tmux).  A benchmark, not a test: it prints figures and ratios.
#
# mapscope's flush is journaled: it writes the journal, syncs it and its
# directory, writes the byte, syncs the object, removes the journal and
# syncs the directory (four fsyncs).  hexedit writes the byte and syncs
# nothing.  So the figures give the save with and without fsync:
#  - whole runs (median): mapscope --patch --flush against the same command
#    without --flush (start-up, open, map, edit); the difference is the flush;
#  - inside the process, from strace -tt -T: mapscope from re-opening the
#    object for the flush to the end of its last fsync; hexedit from reading
#    the ^W key to the end of its write();
#  - hexedit's ^W-to-byte-in-the-file time as a user sees it (tmux key
#    latency and polling included).
set -u

: "${MAPSCOPE:?run through make bench (MAPSCOPE=path/to/mapscope)}"
runs=${BENCH_RUNS:-11}
dir=$(mktemp -d "${TMPDIR:-/tmp}/mapscope-bench-edit.XXXXXX")
session=mapscope-bench-$$
cleanup() {
   tmux kill-session -t "$session" 2>/dev/null
   rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

big=$dir/big
off=$((32 << 30))                  # the middle of the file: 32 GiB
truncate -s 64G "$big"
export XDG_STATE_HOME="$dir/state"
page=$(getconf PAGESIZE)

now_ns() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms() { case $1 in -|'') echo - ;; *) awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e6 }' ;; esac; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b != "-" && b > 0) printf "%.2fx", a / b; else print "-" }'; }
byte_at() { od -An -tx1 -j "$off" -N 1 "$big" | tr -d ' '; }

# time_runs ARGS...: median wall time of RUNS runs of mapscope ARGS, in ns
time_runs() {
   times=""
   i=0
   while [ "$i" -lt "$runs" ]; do
      t0=$(now_ns)
      "$MAPSCOPE" "$@" >/dev/null || { echo "mapscope $* failed" >&2; exit 1; }
      t1=$(now_ns)
      times="$times$((t1 - t0))
"
      i=$((i + 1))
   done
   printf '%s' "$times" | median
}

# strace -tt -T lines: the end of a syscall in ns since midnight
# (start timestamp + duration); span FIRST-PATTERN LAST-PATTERN FILE: from the
# end of the first line matching FIRST to the end of the last matching LAST
span() {
   awk -v a="$1" -v b="$2" '
      function t(line,   f, h) { split(line, f, " "); split(f[2], h, ":");
         d = line; sub(/.*</, "", d); sub(/>.*/, "", d);
         return (h[1] * 3600 + h[2] * 60 + h[3]) * 1e9 + d * 1e9 }
      !first && $0 ~ a { first = t($0) } $0 ~ b { last = t($0) }
      END { if (first && last) printf "%d", last - first; else print "-" }' "$3"
}
sum_fsync() {
   awk '/fsync\(/ { d = $0; sub(/.*</, "", d); sub(/>.*/, "", d); s += d } END { printf "%d", s * 1e9 }' "$1"
}

# ---- mapscope ---------------------------------------------------------------------
ms_flush=$(time_runs --patch "$off:41" --flush "$big")
ms_dry=$(time_runs --patch "$off:42" "$big")
ms_diff=$((ms_flush - ms_dry))

# write_bytes: the shell's /proc/self/io includes the child it waited for
io=$(sh -c '"$1" --patch "$2:ee" --flush "$3" >/dev/null; cat /proc/$$/io' sh "$MAPSCOPE" "$off" "$big")
ms_wbytes=$(echo "$io" | awk '/^write_bytes/ { print $2 }')

ms_obj=- ms_jrn=- ms_fsyncs=- ms_save=- ms_fsync=0
if command -v strace >/dev/null 2>&1; then
   strace -f -tt -T -o "$dir/ms.trace" "$MAPSCOPE" --patch "$off:ef" --flush "$big" >/dev/null
   ms_obj=$(awk -v off="$off" '/pwrite64\(/ && $0 ~ ", " off "\\) *=" { sub(/.*= /, ""); sub(/ <.*/, ""); n += $1 } END { print n + 0 }' "$dir/ms.trace")
   jfd=$(awk '/openat\(.*\.journal", O_WRONLY/ { sub(/.*= /, ""); sub(/ <.*/, ""); print; exit }' "$dir/ms.trace")
   ms_jrn=$(awk -v fd="$jfd" '$0 ~ "pwrite64\\(" fd ", " { sub(/.*= /, ""); sub(/ <.*/, ""); n += $1 } END { print n + 0 }' "$dir/ms.trace")
   ms_fsyncs=$(grep -c 'fsync(' "$dir/ms.trace")
   ms_fsync=$(sum_fsync "$dir/ms.trace")
   # the flush re-opens the object read-write (the last such open) ...
   last_open=$(grep -n "openat(.*big\", O_RDWR" "$dir/ms.trace" | tail -n 1 | cut -d: -f1)
   last_sync=$(grep -n 'fsync(' "$dir/ms.trace" | tail -n 1 | cut -d: -f1)
   sed -n "${last_open},${last_sync}p" "$dir/ms.trace" >"$dir/ms.flush"
   ms_save=$(span 'openat' 'fsync\(' "$dir/ms.flush")
fi
ms_nosync=-
[ "$ms_save" != - ] && ms_nosync=$((ms_save - ms_fsync))

# ---- hexedit in tmux ------------------------------------------------------------------
hx_key=- hx_wbytes=- hx_obj=- hx_fsyncs=- hx_save=-
if ! command -v hexedit >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
   DEBIAN_FRONTEND=noninteractive apt-get install -y -q hexedit >/dev/null 2>&1
fi

# hexedit_save PREFIX: open the file, go to OFF, type 41, save (^W); sets
# hx_ns (^W to the byte in the file) and hx_pid
hexedit_save() {
   tmux kill-session -t "$session" 2>/dev/null
   tmux new-session -d -s "$session" -x 100 -y 30 "$1 hexedit $big"
   sleep 0.5
   tmux send-keys -t "$session" Enter
   sleep 0.2
   tmux send-keys -t "$session" "$(printf '%x' "$off")" Enter
   sleep 0.2
   tmux send-keys -t "$session" 41
   sleep 0.2
   before=$(byte_at)
   t0=$(now_ns)
   tmux send-keys -t "$session" C-w
   n=0
   while [ "$(byte_at)" = "$before" ] && [ "$n" -lt 5000 ]; do n=$((n + 1)); done
   t1=$(now_ns)
   hx_ns=$((t1 - t0))
   hx_pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
}

if command -v hexedit >/dev/null 2>&1 && command -v tmux >/dev/null 2>&1; then
   times=""
   i=0
   while [ "$i" -lt 5 ]; do
      "$MAPSCOPE" --patch "$off:00" --flush "$big" >/dev/null
      hexedit_save ""
      hx_wbytes=$(awk '/^write_bytes/ { print $2 }' "/proc/$hx_pid/io" 2>/dev/null)
      times="$times$hx_ns
"
      tmux send-keys -t "$session" C-c
      i=$((i + 1))
   done
   hx_key=$(printf '%s' "$times" | median)
   if command -v strace >/dev/null 2>&1; then
      "$MAPSCOPE" --patch "$off:00" --flush "$big" >/dev/null
      hexedit_save "strace -f -tt -T -o $dir/hx.trace"
      tmux send-keys -t "$session" C-c
      sleep 0.5
      hx_obj=$(awk '/ write\(3,/ { sub(/.*= /, ""); sub(/ <.*/, ""); n += $1 } END { print n + 0 }' "$dir/hx.trace")
      hx_fsyncs=$(grep -c 'fsync(' "$dir/hx.trace")
      hx_save=$(span 'read\(0, "\\\\27"' ' write\(3,' "$dir/hx.trace")
   fi
   tmux kill-session -t "$session" 2>/dev/null
else
   echo "hexedit or tmux is missing: mapscope figures only"
fi

# ---- figures ------------------------------------------------------------------------------
echo "1-byte edit + save at 32 GiB of a 64 GiB sparse file (page $page bytes)"
row() { printf '%-44s %12s %12s\n' "$1" "$2" "$3"; }
row "" mapscope hexedit
row "whole run with --flush, ms (median of $runs)" "$(ms "$ms_flush")" -
row "same without --flush, ms (median of $runs)" "$(ms "$ms_dry")" -
row "difference: the flush, ms" "$(ms "$ms_diff")" -
row "save inside the process (strace), ms" "$(ms "$ms_save")" "$(ms "$hx_save")"
row "  of which in fsync, ms" "$(ms "$ms_fsync")" "0"
row "  besides fsync, ms" "$(ms "$ms_nosync")" "$(ms "$hx_save")"
row "^W to the byte in the file (tmux), ms" - "$(ms "$hx_key")"
row "fsync calls" "$ms_fsyncs" "$hx_fsyncs"
row "bytes written to the object" "$ms_obj" "$hx_obj"
row "bytes written to the journal" "$ms_jrn" -
row "write_bytes (/proc/PID/io)" "$ms_wbytes" "$hx_wbytes"
row "  in pages" "$((ms_wbytes / page))" "$( [ "$hx_wbytes" = - ] && echo - || echo $((hx_wbytes / page)))"
echo "ratios mapscope/hexedit: save besides fsync $(ratio "$ms_nosync" "$hx_save"), save with fsync $(ratio "$ms_save" "$hx_save"), write_bytes $(ratio "$ms_wbytes" "$hx_wbytes")"
