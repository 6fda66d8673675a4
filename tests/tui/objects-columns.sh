#!/bin/sh
# The object list's columns: a number is never cut (SIZE as wide as the
# widest size, as --list prints it whole); :columns takes every column
# --columns takes (pids, detail), and :sort by a column not shown shows it.
. "$top_srcdir/tests/tui/tui.sh"
[ -d /dev/shm ] && [ -w /dev/shm ] || skip_all "no writable /dev/shm"
big="mst$$-big"
truncate -s 274877906944 "/dev/shm/$big" 2>/dev/null || skip_all "no sparse file of 256 GiB in /dev/shm"
on_exit "rm -f '/dev/shm/$big'"

tui_start 80 24 -c "filter $big"
expect_status "the object is listed" "object 1/1"
row=$(tui_capture | grep -a "^shm .*/$big ")
like "SIZE shows the whole size (was cut to 274877906…)" "$row" " 274877906944 "
sleep 1000 3<"/dev/shm/$big" &
holder=$!
on_exit "kill $holder 2>/dev/null"
tui_send ":columns kind,name,pids"
head=$(tui_capture | sed -n 3p)
like ":columns kind,name,pids: accepted, PIDS shown" "$head" "PIDS"
case "$head" in *SIZE*) ok "... and SIZE not" false ;; *) ok "... and SIZE not" true ;; esac
tui_send "r"
like ":columns: the holder's pid in PIDS" "$(tui_capture | grep -a "^shm .*/$big ")" " $holder"
tui_send ":columns detail,name"
like ":columns detail,name: accepted, DETAIL shown" "$(tui_capture | sed -n 3p)" "DETAIL"
tui_send ":columns all" ":columns kind,name,size"
tui_send ":sort pids"
like ":sort pids: PIDS shown, with the sort mark" "$(tui_capture | sed -n 3p)" "PIDS▲"
tui_send "s"
like "s steps on to the next column shown (KIND)" "$(tui_capture | sed -n 3p)" "KIND▲"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
