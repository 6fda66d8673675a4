#!/bin/sh
# kill -9 during flushes of multi-page edits: after recovery (the next run
# replays the journal) every file is all old or all new.
#
# Rounds: MAPSCOPE_CRASH_ROUNDS (default 20; `make stress` runs 500).  The
# first third crash through the test hook at each stage of the flush, the
# rest are killed by a real kill -9 after a random delay.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

rounds=${MAPSCOPE_CRASH_ROUNDS:-20}
hooked=$((rounds / 3))
[ "$hooked" -ge 3 ] || hooked=3

f=$tmp/data
random_file "$tmp/orig" 262144
random_file "$tmp/n1" 20000
random_file "$tmp/n2" 30000
random_file "$tmp/n3" 8000
cp "$tmp/orig" "$tmp/want"
splice "$tmp/want" 1000 "$tmp/n1"
splice "$tmp/want" 100000 "$tmp/n2"
splice "$tmp/want" 200003 "$tmp/n3"
set -- --patch "1000:$(hex_of "$tmp/n1")" --patch "100000:$(hex_of "$tmp/n2")" \
       --patch "200003:$(hex_of "$tmp/n3")" --flush

# recover: the next run of mapscope on the file replays its journal
recover() {
   run_ms --dump -n 16 "$f"
}

state_of() {
   if same "$f" "$tmp/orig"; then echo old
   elif same "$f" "$tmp/want"; then echo new
   else echo mixed
   fi
}

# the flush works at all; how long a whole run takes sets the range of
# the random delays below (so they land inside the flush in any build)
cp "$tmp/orig" "$f"
t0=$(date +%s%N)
run_ms "$@" "$f"
t1=$(date +%s%N)
span=$(awk -v ns="$((t1 - t0))" 'BEGIN { printf "%.4f", ns / 1e9 * 1.2 }')
is "an uninterrupted flush writes the new file" "$(state_of)" new

i=1
while [ "$i" -le "$hooked" ]; do
   case $((i % 3)) in
   1) stage=journal-synced ;;
   2) stage=mid-write ;;
   *) stage=object-synced ;;
   esac
   cp "$tmp/orig" "$f"
   MAPSCOPE_TEST_CRASH_AT=$stage "$MAPSCOPE" "$@" "$f" >/dev/null 2>&1
   killed=$?
   before=$(state_of)
   recover
   is "round $i: killed at $stage" "$killed" 137
   [ "$stage" = mid-write ] && is "round $i: the file was half written" "$before" mixed
   like "round $i: the next run says it rolled back" "$err" "rolled back"
   is "round $i: after recovery the file is all old" "$(state_of)" old
   is "round $i: no journal is left" "$(journals)" 0
   i=$((i + 1))
done

olds=0 news=0 rolled=0
while [ "$i" -le "$rounds" ]; do
   cp "$tmp/orig" "$f"
   delay=$(awk -v s="$$$i" -v span="$span" 'BEGIN { srand(s); printf "%.4f", rand() * span }')
   "$MAPSCOPE" "$@" "$f" >/dev/null 2>&1 &
   pid=$!
   sleep "$delay"
   kill -9 "$pid" 2>/dev/null
   wait "$pid"
   recover
   case $err in *"rolled back"*) rolled=$((rolled + 1)) ;; esac
   st=$(state_of)
   case $st in
   old) olds=$((olds + 1)) ;;
   new) news=$((news + 1)) ;;
   esac
   ok "round $i: kill -9 after ${delay}s: all old or all new ($st)" [ "$st" != mixed ]
   is "round $i: no journal is left" "$(journals)" 0
   i=$((i + 1))
done
echo "# real kill -9: $olds rounds ended all old, $news all new; $rolled interrupted flushes rolled back"

# a torn journal (the crash came while it was written): discarded, and the
# object, never touched, stays as it is
cp "$tmp/orig" "$f"
MAPSCOPE_TEST_CRASH_AT=journal-synced "$MAPSCOPE" "$@" "$f" >/dev/null 2>&1
j=$(ls "$XDG_STATE_HOME"/mapscope/*.journal)
truncate -s -10 "$j"
recover
like "torn journal: the next run says so" "$err" "incomplete journal"
is "torn journal: the object is untouched" "$(state_of)" old
is "torn journal: it is removed" "$(journals)" 0

# a journal that no longer matches (the object changed after the crash)
cp "$tmp/orig" "$f"
MAPSCOPE_TEST_CRASH_AT=journal-synced "$MAPSCOPE" "$@" "$f" >/dev/null 2>&1
printf 'someone else' >"$tmp/other"
splice "$f" 1000 "$tmp/other"
cp "$f" "$tmp/changed"
recover
like "stale journal: the next run says so" "$err" "no longer matches"
ok "stale journal: the object keeps the other writer's bytes" same "$f" "$tmp/changed"
is "stale journal: it is removed" "$(journals)" 0

done_testing
