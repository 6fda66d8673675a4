#!/bin/sh
# make stress: the kill -9 loop of tests/cli/patch-crash.sh with many more
# rounds (MAPSCOPE_CRASH_ROUNDS, set by the make target; default 500).
: "${MAPSCOPE_CRASH_ROUNDS:=500}"
export MAPSCOPE_CRASH_ROUNDS
out=$(sh "$top_srcdir/tests/cli/patch-crash.sh" 2>&1)
status=$?
echo "$out" | grep -E '^(not ok|#)'
echo "$out" | awk '/^ok/ { p++ } /^not ok/ { f++ } END { printf "stress: %d passed, %d failed\n", p, f }'
exit $status
