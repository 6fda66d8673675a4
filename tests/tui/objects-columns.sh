#!/bin/sh
# The object list's columns: a number is never cut (SIZE as wide as the
# widest size, as --list prints it whole).
. "$top_srcdir/tests/tui/tui.sh"
[ -d /dev/shm ] && [ -w /dev/shm ] || skip_all "no writable /dev/shm"
big="mst$$-big"
truncate -s 274877906944 "/dev/shm/$big" 2>/dev/null || skip_all "no sparse file of 256 GiB in /dev/shm"
on_exit "rm -f '/dev/shm/$big'"

tui_start 80 24 -c "filter $big"
expect_status "the object is listed" "object 1/1"
row=$(tui_capture | grep -a "^shm .*/$big ")
like "SIZE shows the whole size (was cut to 274877906…)" "$row" " 274877906944 "
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
