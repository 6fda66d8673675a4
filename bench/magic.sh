#!/bin/sh
# bench/magic.sh - ] (:magic): how fast libmagic finds the next offset it
# recognises, and where it stops on bytes that are nothing.
#
# Fixtures: a PNG at the end of 16 KiB of text (every offset asked), of
# 4 MiB of text looked at with :magic 512 (sector-aligned offsets only),
# of 16 MiB of zeros (skipped without asking libmagic) and of a 4 GiB
# sparse hole (skipped through SEEK_DATA); 1 MiB of random bytes, walked
# with ] 100 times, to count libmagic's weak guesses on noise.  mapscope runs in
# tmux with a key script (:magic, then @sync), the clock running from the
# start of the program to the sync file; the start alone (a script that only
# syncs) is measured and taken off.  binwalk, the usual signature scanner,
# runs over the same files when it is installed.
#
# Environment: BENCH_RUNS (default 3), BENCH_DIR (where the fixtures go).
set -eu
: "${MAPSCOPE:?run through make bench, or set MAPSCOPE}"
: "${top_srcdir:=$(dirname "$0")/..}"
. "$top_srcdir/bench/bench-lib"

runs=${BENCH_RUNS:-3}
bench_setup magic
bench_tools tmux binwalk
have tmux || { echo "tmux is missing: nothing to measure"; exit 0; }
have python3 || { echo "python3 is missing: no fixtures"; exit 0; }
machine
echo

python3 - "$work" <<'PY'
import os, struct, sys, zlib
w = sys.argv[1]
ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr \
      + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xffffffff)
line = b"plain words in a text file, line after line\n"
open(w + "/text.bin", "wb").write((line * 6000)[:16 * 1024] + png)
open(w + "/text4m.bin", "wb").write((line * 100000)[:4 << 20] + png)
with open(w + "/zeros.bin", "wb") as f:
    f.write(b"\0" * (16 << 20) + png)
with open(w + "/hole.bin", "wb") as f:
    f.seek(4 << 30)
    f.write(png)
open(w + "/random.bin", "wb").write(os.urandom(1 << 20))
PY

tm() { tmux -L "$tmux_socket" "$@"; }
tm new-session -d -s keep -x 100 -y 30 'sleep 1000000'

# scan FILE KEYS: seconds from the start of mapscope to the sync after KEYS.
scan() {
   rm -f "$work/synced"
   { printf '%s\n' "$2" | tr ';' '\n'; printf '@sync %s\n:quit\n' "$work/synced"; } >"$work/script"
   t0=$(now_ns)
   tm new-window -d "'$MAPSCOPE' --script '$work/script' '$1'"
   while [ ! -e "$work/synced" ]; do sleep 0.01; done
   t1=$(now_ns)
   awk -v d=$((t1 - t0)) 'BEGIN { printf "%.4f\n", d / 1e9 }'
}

med() { sort -n | awk '{ t[NR] = $1 } END { printf "%.4f\n", (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }

runs_of() {
   i=0
   while [ "$i" -lt "$runs" ]; do "$@"; i=$((i + 1)); done | med
}

start=$(runs_of scan "$work/text.bin" "#")
printf 'start and quit alone: %s s\n\n' "$start"
printf '%-40s %10s %12s %14s %10s\n' "fixture" "to PNG (s)" "offsets" "offsets/s" "binwalk (s)"
for f in text text4m zeros hole; do
   size=$(stat -c %s "$work/$f.bin")
   offsets=$((size - 33))
   cmd=":magic"
   [ "$f" = text4m ] && cmd=":magic 512" && offsets=$((offsets / 512))
   t=$(runs_of scan "$work/$f.bin" "$cmd")
   net=$(awk -v a="$t" -v b="$start" 'BEGIN { d = a - b; if (d < 0.001) d = 0.001; printf "%.3f", d }')
   rate=$(awk -v n="$offsets" -v s="$net" 'BEGIN { printf "%.0f", n / s }')
   bw="-"
   if have binwalk && [ "$f" != hole ]; then   # binwalk reads every byte of the hole
      bw=$(median_time "$runs" binwalk -q "$work/$f.bin")
   fi
   printf '%-40s %10s %12s %14s %10s\n' "$f ($size bytes, PNG at the end)" "$net" "$offsets" "$rate" "$bw"
done

# Noise: 100 presses of ] over random bytes; where the cursor ends says how
# many weak guesses libmagic makes per KiB of noise.
# One ] a line: the script waits for each search before the next line.
rm -f "$work/synced"
{ i=0; while [ $i -lt 100 ]; do echo ']'; i=$((i + 1)); done
  printf '@sync %s\n' "$work/synced"; } >"$work/script"
t0=$(now_ns)
tm new-window -d -n noise "'$MAPSCOPE' --script '$work/script' '$work/random.bin'; sleep 600"
while [ ! -e "$work/synced" ]; do sleep 0.01; done
t1=$(now_ns)
sleep 0.3
at=$(tm capture-pane -p -t noise | tail -n 1 | sed -n 's/.*offset 0x\([0-9a-f]*\) = .*/\1/p')
tm kill-window -t noise
at=$((0x${at:-0}))
echo
awk -v at="$at" -v d=$((t1 - t0)) 'BEGIN {
   printf "random bytes: 100 presses of ] stopped at offset %d: a weak guess every %.0f bytes, %.2f s\n",
          at, at / 100, d / 1e9 }'
