#!/bin/sh
# Replay the fuzz corpus through each harness (its invariants abort on a
# violation): what a fuzzer once found stays fixed.
. "$top_srcdir/tests/lib.sh"

for h in offset escape values; do
   bin="$top_builddir/fuzz/$h-replay"
   files=$(ls "$top_srcdir/fuzz/corpus/$h"/* 2>/dev/null)
   [ -n "$files" ] || { ok "$h: corpus present" false; continue; }
   # shellcheck disable=SC2086
   ok "$h: every corpus input keeps the invariants" "$bin" $files
done

done_testing
