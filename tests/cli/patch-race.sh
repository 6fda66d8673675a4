#!/bin/sh
# Races with other processes: a flush is never undone by a concurrent
# reader or --recover (they lock before they read a journal); a replay
# never writes to a file renamed over the object's name; a flush refuses
# when the object shrank under it, and never brings a truncated file back.
# `make soak` runs the race loop by the thousand.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"
. "$top_srcdir/tests/soak/soak-lib.sh"

# ---- flushes while two readers and a --recover loop run ----
n=${MAPSCOPE_RACE_FLUSHES:-40}
soak_race "$n"
echo "# $race_done flushes completed, $race_failed refused (lock held too long), $race_undone undone"
is "flushes with concurrent readers: none undone" "$race_undone" 0
is "flushes with concurrent readers: all completed" "$race_done" "$n"
is "flushes with concurrent readers: no journal left" "$race_left" 0

f=$tmp/data
random_file "$tmp/orig" 65536
random_file "$tmp/other" 65536

# ---- --recover started while a flush holds the lock, its journal there ----
# It waits for the lock, and only then reads: the flush has completed, so
# there is nothing to roll back (reading first replayed a finished flush).
cp "$tmp/orig" "$f"
MAPSCOPE_TEST_STOP_AT=object-synced "$MAPSCOPE" --patch 100:c0ffee --flush "$f" \
   >"$tmp/bg.out" 2>"$tmp/bg.err" &
pid=$!
on_exit "kill -9 $pid 2>/dev/null"
ok "the flush stops with the object synced, its journal still there" wait_stopped "$pid"
is "the journal is there" "$(journals)" 1
"$MAPSCOPE" --recover "$f" >"$tmp/rec.out" 2>"$tmp/rec.err" &
rpid=$!
sleep 0.3
kill -CONT "$pid"
wait "$pid"
is "the flush completes" "$?" 0
wait "$rpid"
is "--recover, once it has the lock: exit 0" "$?" 0
like "--recover finds nothing to roll back" "$(cat "$tmp/rec.out")" "no interrupted flush"
is "the completed flush is not undone" "$(bytes_at "$f" 100 3)" c0ffee

# ---- a file renamed over the name while --recover holds the lock ----
cp "$tmp/orig" "$f"
MAPSCOPE_TEST_CRASH_AT=mid-write "$MAPSCOPE" --patch 100:c0ffee --patch 20000:c0ffee --flush "$f" \
   >/dev/null 2>&1
MAPSCOPE_TEST_STOP_AT=recover-locked "$MAPSCOPE" --recover "$f" >"$tmp/bg.out" 2>"$tmp/bg.err" &
pid=$!
on_exit "kill -9 $pid 2>/dev/null"
ok "--recover stops with the lock held and the journal read" wait_stopped "$pid"
cp "$tmp/other" "$tmp/swap"
mv "$tmp/swap" "$f"
kill -CONT "$pid"
wait "$pid"
is "renamed over: --recover exits 1" "$?" 1
like "renamed over: says the name refers to another object" "$(cat "$tmp/bg.err")" \
   "refers to another object"
ok "renamed over: the new file is not written" same "$f" "$tmp/other"
is "renamed over: the journal is kept" "$(journals)" 1
rm -f "$XDG_STATE_HOME"/mapscope/*

# ---- truncated while the flush runs: refused, nothing resurrected ----
cp "$tmp/orig" "$f"
MAPSCOPE_TEST_STOP_AT=journal-synced "$MAPSCOPE" --patch 100:c0ffee --flush "$f" \
   >"$tmp/bg.out" 2>"$tmp/bg.err" &
pid=$!
on_exit "kill -9 $pid 2>/dev/null"
ok "the flush stops with its journal synced" wait_stopped "$pid"
truncate -s 0 "$f"
kill -CONT "$pid"
wait "$pid"
is "truncated under the flush: exit 1" "$?" 1
like "truncated under the flush: says it shrank" "$(cat "$tmp/bg.err")" "shrank from 65536 to 0"
is "truncated under the flush: the file stays empty" "$(stat -c %s "$f")" 0
is "truncated under the flush: no journal is left" "$(journals)" 0

# truncated between the edit and the flush, even with --force
for force in "" --force; do
   cp "$tmp/orig" "$f"
   MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" --patch 100:c0ffee --flush $force "$f" \
      >"$tmp/bg.out" 2>"$tmp/bg.err" &
   pid=$!
   on_exit "kill -9 $pid 2>/dev/null"
   wait_stopped "$pid"
   truncate -s 0 "$f"
   kill -CONT "$pid"
   wait "$pid"
   is "truncated after the edit ${force:-without --force}: exit 1" "$?" 1
   is "truncated after the edit ${force:-without --force}: the file stays empty" \
      "$(stat -c %s "$f")" 0
done

done_testing
