#!/bin/sh
# make soak: the crash and race tests by the thousand, with counts.
#
#   killed flushes     SIGKILL at random moments of the flush (from the
#                      edits applied to its exit), then --recover: files
#                      neither old nor new, journals left
#   races              flushes while two --dump loops and a --recover loop
#                      run on the same file: flushes undone
#   benign changes     a kill after the journal, then a byte appended or
#                      cut outside the runs, then --recover: half-written
#                      files left, and crashes not rolled back
#   foreign journals   not ours (another user's, symlinked, writable by
#                      others, a forged header, 5 GiB) or not the file's
#                      (the first format; a deleted file's, its inode
#                      number given to a copy of its half-written bytes):
#                      replayed, and flushes they blocked
#
# Counts: MAPSCOPE_SOAK_KILLS (1000), MAPSCOPE_SOAK_RACES (1000),
# MAPSCOPE_SOAK_BENIGN (200), MAPSCOPE_SOAK_FOREIGN (60); files in
# MAPSCOPE_SOAK_DIR (default $TMPDIR, or /tmp).  Exit 1 when any bad count is not 0.
set -u
: "${MAPSCOPE:?run it through make soak}"
# A real disk by default: there the flush's fsyncs take time, and the
# random kills land inside it.
dir=${MAPSCOPE_SOAK_DIR:-${TMPDIR:-/tmp}}
tmp=$(mktemp -d "$dir/mapscope-soak.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
. "$top_srcdir/tests/cli/patch-lib.sh"
. "$top_srcdir/tests/soak/soak-lib.sh"

bad=0
check() {       # check NAME COUNT: a bad count
   [ "$2" -eq 0 ] || { echo "soak: FAILED: $1: $2"; bad=1; }
}

soak_files
{ soak_crashes "${MAPSCOPE_SOAK_KILLS:-1000}"; } 2>/dev/null     # (the shell's "Killed" notices)
echo "soak: killed flushes: $crash_killed (rolled back $crash_rolled; all old $crash_old, all new $crash_new); neither old nor new: $crash_mixed; journals left: $crash_left"
check "files neither old nor new" "$crash_mixed"
check "journals left" "$crash_left"
[ "$crash_killed" -ge "${MAPSCOPE_SOAK_KILLS:-1000}" ] || { echo "soak: FAILED: only $crash_killed flushes were killed"; bad=1; }

{ soak_race "${MAPSCOPE_SOAK_RACES:-1000}"; } 2>/dev/null     # (the shell's "Killed" notices)
echo "soak: flushes with two reader loops and a --recover loop: $race_done completed, $race_failed failed; undone: $race_undone; journals left: $race_left"
check "flushes undone" "$race_undone"
[ "$race_done" -ge "${MAPSCOPE_SOAK_RACES:-1000}" ] || { echo "soak: FAILED: only $race_done flushes completed"; bad=1; }
check "journals left after the races" "$race_left"

{ soak_benign "${MAPSCOPE_SOAK_BENIGN:-200}"; } 2>/dev/null     # (the shell's "Killed" notices)
echo "soak: crash then a benign size change: $benign_runs (rolled back $benign_rolled); half-written left: $benign_half"
check "half-written files left" "$benign_half"
check "benign changes not rolled back" $((benign_runs - benign_rolled))

{ soak_foreign "${MAPSCOPE_SOAK_FOREIGN:-60}"; } 2>/dev/null     # (the shell's "Killed" notices)
echo "soak: foreign, forged, symlinked, oversized, old and reused-inode journals: $foreign_runs (reused inodes $foreign_reused); replayed: $foreign_replayed; flushes blocked: $foreign_blocked"
check "foreign journals replayed" "$foreign_replayed"
check "flushes blocked by a foreign journal" "$foreign_blocked"

[ "$bad" -eq 0 ] && echo "soak: all counts good"
exit "$bad"
