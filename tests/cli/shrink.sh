#!/bin/sh
# A file truncated by another process while --dump reads it: an error
# message and exit 1, never SIGBUS.
. "$top_srcdir/tests/lib.sh"

f="$tmp/shrinking"
# The output (5x the input) fills the pipe at once, so mapscope is still
# near the start of the file when it is cut down.
head -c 33554432 /dev/urandom >"$f"
"$MAPSCOPE" --dump "$f" 2>"$tmp/err" | {
   head -c 65536 >/dev/null
   truncate -s 4096 "$f"
   cat >/dev/null
}
# POSIX sh has no PIPESTATUS: run again with the status captured in a file.
head -c 33554432 /dev/urandom >"$f"
{ "$MAPSCOPE" --dump "$f" 2>"$tmp/err"; echo $? >"$tmp/rc"; } | {
   head -c 65536 >/dev/null
   truncate -s 4096 "$f"
   cat >/dev/null
}
rc=$(cat "$tmp/rc")
is "shrink during --dump: exit status 1 (not a signal)" "$rc" 1
like "shrink during --dump: says the object shrank" "$(cat "$tmp/err")" \
   "the object shrank while it was read (it is now 4096 bytes)"

# -W asks for mapped windows: the cut lands inside the first 8 MiB one, and
# the guard turns the SIGBUS into the same message.
head -c 33554432 /dev/urandom >"$f"
{ "$MAPSCOPE" --dump -W 8M "$f" 2>"$tmp/err"; echo $? >"$tmp/rc"; } | {
   head -c 65536 >/dev/null
   truncate -s 4096 "$f"
   cat >/dev/null
}
is "shrink inside a mapped window: exit status 1 (not a signal)" "$(cat "$tmp/rc")" 1
like "shrink inside a mapped window: says so" "$(cat "$tmp/err")" \
   "the object shrank while it was mapped (it is now 4096 bytes)"

# The same when the window is small and the cut lands between windows.
head -c 8388608 /dev/urandom >"$f"
{ "$MAPSCOPE" --dump -W 64K "$f" 2>"$tmp/err"; echo $? >"$tmp/rc"; } | {
   head -c 65536 >/dev/null
   truncate -s 100000 "$f"
   cat >/dev/null
}
is "shrink between windows: exit status 1" "$(cat "$tmp/rc")" 1
like "shrink between windows: message" "$(cat "$tmp/err")" "the object shrank"

# --xxd reads the same way.
head -c 33554432 /dev/urandom >"$f"
{ "$MAPSCOPE" --xxd "$f" 2>"$tmp/err"; echo $? >"$tmp/rc"; } | {
   head -c 65536 >/dev/null
   : >"$f"
   cat >/dev/null
}
is "truncated to zero during --xxd: exit status 1" "$(cat "$tmp/rc")" 1
like "truncated to zero during --xxd: message" "$(cat "$tmp/err")" "it is now 0 bytes"

done_testing
