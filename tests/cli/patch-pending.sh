#!/bin/sh
# While edits are pending, other processes see the old bytes: the edits live
# in private copies of the pages, in the editing process only.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

f=$tmp/data
random_file "$f" 16384
cp "$f" "$tmp/orig"
off=5000

MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" --patch "$off:c0ffee" "$f" \
   >"$tmp/bg.out" 2>"$tmp/bg.err" &
pid=$!
on_exit "kill -9 $pid 2>/dev/null"
ok "the editing process stops with its edits applied" wait_stopped "$pid"
ok "another process reads the old bytes" same "$f" "$tmp/orig"
is "the old bytes at the edit" "$(bytes_at "$f" "$off" 3)" "$(bytes_at "$tmp/orig" "$off" 3)"

# The editing process's private mapping of the window holds the new bytes.
map=$(awk -v f="$f" '$6 == f && $2 == "rw-p" { print $1, $3; exit }' "/proc/$pid/maps")
is "a private (rw-p) mapping of the file exists" "$(echo "$map" | wc -w)" 2
start=$(echo "$map" | cut -d- -f1)
foff=$(echo "$map" | cut -d' ' -f2)
addr=$((0x$start + off - 0x$foff))
got=$(dd if="/proc/$pid/mem" bs=1 skip="$addr" count=3 status=none 2>/dev/null | od -An -tx1 | tr -d ' \n')
is "the private mapping holds the new bytes" "$got" "c0ffee"

kill -CONT "$pid"
wait "$pid"
rc=$?
is "the dry run exits 0" "$rc" 0
ok "and leaves the file as it was" same "$f" "$tmp/orig"

# During a flush, before the journal is synced nothing is written; after it
# the old bytes are still what others see until the pwrite.
MAPSCOPE_TEST_STOP_AT=journal-synced "$MAPSCOPE" --patch "$off:c0ffee" --flush "$f" \
   >"$tmp/bg.out" 2>"$tmp/bg.err" &
pid=$!
on_exit "kill -9 $pid 2>/dev/null"
ok "the flushing process stops with its journal synced" wait_stopped "$pid"
is "the journal exists" "$(journals)" 1
ok "the file still holds the old bytes" same "$f" "$tmp/orig"
# the flush holds the object's lock: others neither replay its journal
# (it is not an interrupted one) nor start a flush of their own
run_ms --dump -n 16 "$f"
is "a reader says nothing of a running flush's journal" "$err" ""
run_ms --recover "$f"
is "--recover meanwhile: exit 1" "$rc" 1
like "--recover leaves a running flush's journal alone" "$err" "another process is flushing"
is "the journal is still there" "$(journals)" 1
run_ms --patch 0:00 --flush "$f"
is "a second flush meanwhile: exit 1" "$rc" 1
like "a second flush meanwhile: says why" "$err" "another process is flushing"
ok "the file still holds the old bytes" same "$f" "$tmp/orig"
kill -CONT "$pid"
wait "$pid"
rc=$?
is "the flush then completes" "$rc" 0
is "the new bytes are in the file" "$(bytes_at "$f" "$off" 3)" "c0ffee"
is "the journal is removed" "$(journals)" 0

done_testing
