#!/bin/sh
# The attachers view shows the file locks on an object and who holds them:
# a flock lock and a POSIX record lock on a shm object, held by
# tests/helpers/locker; Enter on a lock opens the object through the
# descriptor that holds it.
. "$top_srcdir/tests/tui/objects-lib.sh"

[ -r /proc/locks ] || skip_all "no /proc/locks on this machine"
locker="$top_builddir/tests/helpers/locker"
[ -x "$locker" ] || skip_all "tests/helpers/locker is not built"
obj="/dev/shm/$p-locked"
head -c 4096 /dev/zero >"$obj"
on_exit "rm -f '$obj'"

# lock N ARGS...: a locker holding its lock until its input (descriptor N) ends
lock() {
   fd=$1
   shift
   mkfifo "$tmp/lock$fd.in"
   "$locker" "$@" <"$tmp/lock$fd.in" >"$tmp/lock$fd.out" 2>"$tmp/lock$fd.err" &
   eval "exec $fd>\"\$tmp/lock$fd.in\""
   on_exit "exec $fd>&-"
   await_line "$tmp/lock$fd.out" '^ready' "$!" "$tmp/lock$fd.err" "locker $fd is ready"
}
lock 6 "$obj" flock write 0 0
lock 7 "$obj" posix read 0 10

tui_start 80 24 -c "filter $p-locked"
expect_status "one object" "object 1/1"
expect_line 4 "the list flags it locked" "locked"
tui_send "a"
tui_screen locks-attachers-80x24
expect_line 1 "the title counts the locks (cut at 80 columns)" "held by 2 processes (2 descriptors, 0 mappings), 2 lo"
tui_send "jj"
expect_status "the first lock's row" "holder 3/4"
tui_send "<Enter>"
expect_line 1 "Enter on a lock opens the object through the descriptor holding it" "/proc/"
expect_line 1 "... the same object" "(4096 bytes)"
tui_send "q"
expect_status "q goes back to the attachers" "holder 3/4"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
