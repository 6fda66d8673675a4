#!/bin/sh
# A file truncated by another process while --dump reads it: an error
# message and exit 1, never SIGBUS.
. "$top_srcdir/tests/lib.sh"

f="$tmp/shrinking"

# cut_during BYTES SIZE ARGS...: fill $f with BYTES random bytes, run
# mapscope ARGS $f into a pipe whose reader cuts $f down to SIZE after the
# first 64 KiB of output.  The output (5x the input) fills the pipe at once,
# so mapscope is still near the start of the file when it is cut.  Sets $rc
# (POSIX sh has no PIPESTATUS: the status goes through a file) and $err.
cut_during() {
   bytes=$1 size=$2
   shift 2
   head -c "$bytes" /dev/urandom >"$f"
   { "$MAPSCOPE" "$@" "$f" 2>"$tmp/err"; echo $? >"$tmp/rc"; } | {
      head -c 65536 >/dev/null
      truncate -s "$size" "$f"
      cat >/dev/null
   }
   rc=$(cat "$tmp/rc")
   err=$(cat "$tmp/err")
}

cut_during 33554432 4096 --dump
is "shrink during --dump: exit status 1 (not a signal)" "$rc" 1
like "shrink during --dump: says the object shrank" "$err" \
   "the object shrank while it was read (it is now 4096 bytes)"

# -W asks for mapped windows: the cut lands inside the first 8 MiB one, and
# the guard turns the SIGBUS into the same message.
cut_during 33554432 4096 --dump -W 8M
is "shrink inside a mapped window: exit status 1 (not a signal)" "$rc" 1
like "shrink inside a mapped window: says so" "$err" \
   "the object shrank while it was mapped (it is now 4096 bytes)"

# The same when the window is small and the cut lands between windows.
cut_during 8388608 100000 --dump -W 64K
is "shrink between windows: exit status 1" "$rc" 1
like "shrink between windows: message" "$err" "the object shrank"

# --xxd reads the same way.
cut_during 33554432 0 --xxd
is "truncated to zero during --xxd: exit status 1" "$rc" 1
like "truncated to zero during --xxd: message" "$err" "it is now 0 bytes"

done_testing
