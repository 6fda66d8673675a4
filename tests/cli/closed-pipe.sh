#!/bin/sh
# A reader that goes away ends every printing mode quietly, as it always
# ended --dump: killed by SIGPIPE (141 in the shell), nothing said; the
# modes that make objects (--tour, --demo) remove them first.  Another
# write error (a full device) is still said.
. "$top_srcdir/tests/lib.sh"

head -c 300000 /dev/urandom >"$tmp/data.bin"
TMPDIR=$tmp
export TMPDIR

# closed ARGS...: mapscope ARGS writing into a pipe whose reader has
# already closed its end (it says so through $tmp/go before mapscope
# starts); status in $rc, standard error in $err, mapscope's pid in $pid.
closed() {
   rm -f "$tmp/go" "$tmp/pid"
   mkfifo "$tmp/go"
   { read -r _ <"$tmp/go"
     sh -c 'echo $$ >"$0/pid"; exec "$@"' "$tmp" "$MAPSCOPE" "$@" </dev/null 2>"$tmp/err"
     echo $? >"$tmp/rc"; } | sh -c 'exec 0<&-; echo >"$0/go"' "$tmp"
   rc=$(cat "$tmp/rc")
   err=$(grep -v 'killed' "$tmp/err")       # a sweep of another killed tour is no error
   pid=$(cat "$tmp/pid")
}

set -f                     # the words as they are, no file names
for args in "--dump $tmp/data.bin" "--xxd $tmp/data.bin" "--find ?? $tmp/data.bin" \
            "--list" "--list --json" "--info $tmp/data.bin" "--help" "--version" "--tour"; do
   # shellcheck disable=SC2086
   closed $args
   is "$args into a closed pipe: killed by SIGPIPE, as --dump" "$rc" 141
   is "$args into a closed pipe: nothing said" "$err" ""
done
set +f
printf 'step 6\nstep 2\n' >"$tmp/script"
closed --tour --script "$tmp/script"
is "--tour --script into a closed pipe: 141" "$rc" 141
is "--tour --script into a closed pipe: nothing said" "$err" ""
is "--tour into a closed pipe: nothing left behind" \
   "$(ls /dev/shm | grep -c "mapscope-tour-$pid\b")$(ls "$tmp" | grep -c "mapscope-tour-$pid")" 00

if [ -d /dev/shm ]; then
   closed --demo
   is "--demo into a closed pipe: 141, not waiting for Enter" "$rc" 141
   is "--demo into a closed pipe: nothing said" "$err" ""
   is "--demo into a closed pipe: its scene removed" \
      "$(ls /dev/shm | grep -c "mapscope-demo-$pid\b")$(ls "$tmp" | grep -c "mapscope-demo-$pid")" 00
else
   skip "--demo into a closed pipe" "no /dev/shm"
fi

# Another error of the output is still said.
if [ -w /dev/full ]; then
   "$MAPSCOPE" --tour >/dev/full 2>"$tmp/err"
   is "--tour into /dev/full: 1" "$?" 1
   like "--tour into /dev/full: said" "$(cat "$tmp/err")" "write error (No space left on device)"
   "$MAPSCOPE" --list >/dev/full 2>"$tmp/err"
   like "--list into /dev/full: said" "$(cat "$tmp/err")" "write error (No space left on device)"
else
   skip "/dev/full" "no /dev/full"
fi
done_testing
