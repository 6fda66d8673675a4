#!/bin/sh
# A count before a key (5j, 2<PgDn>, 3k) works in every view, as in the
# hex view: help, the message log, the object list and the attachers.
. "$top_srcdir/tests/tui/objects-lib.sh"

objtui_holder
# Three more holders of the shm object: five rows in its attachers view.
for i in 1 2 3; do
   sleep 1000 3<"/dev/shm/$p-shm" &
   on_exit "kill $! 2>/dev/null"
done
make_data_file data.bin 4096

# help: j, k and PgDn take counts
tui_start 80 12 data.bin
tui_send "<F1>"
expect_status "help opens at its top" "help 1/"
tui_send "5j"
expect_status "5j in help scrolls five lines" "help 6/"
tui_send "3k"
expect_status "3k in help scrolls three back" "help 3/"
tui_send "k" "k" "<PgDn>" "<PgDn>"
two=$(tui_capture | sed -n '$p')
tui_send "<PgUp>" "<PgUp>" "2<PgDn>"
is "2<PgDn> in help is two pages" "$(tui_capture | sed -n '$p')" "$two"
tui_send "q"

# the message log: 3j scrolls three lines
for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do
   tui_send ":goto 0x$n$n$n$n$n$n$n$n$n$n$n$n"
done
tui_send ":messages" "<PgUp>" "<PgUp>" "<PgUp>"
top=$(tui_capture | sed -n 2p)
tui_send "j" "j" "j"
three=$(tui_capture | sed -n 2p)
tui_send "k" "k" "k"
is "the message log is back at its top" "$(tui_capture | sed -n 2p)" "$top"
tui_send "3j"
is "3j in the message log scrolls three lines, as j j j" "$(tui_capture | sed -n 2p)" "$three"
tui_send "q"
tui_stop

# the object list and the attachers view
tui_start 80 24 -c "filter $p-"
expect_status "the list" "object 1/"
tui_send "3j"
expect_status "3j in the list moves three objects" "object 4/"
tui_send "2k"
expect_status "2k in the list moves two back" "object 2/"
tui_send ":filter $p-shm"
expect_status "one object" "object 1/1"
tui_send "a"
expect_status "the attachers: five holders" "holder 1/5"
tui_send "3j"
expect_status "3j in the attachers moves three holders" "holder 4/5"
tui_send "2k"
expect_status "2k in the attachers moves two back" "holder 2/5"
tui_send "9j"
expect_status "a count past the end stops at the last" "holder 5/5"
tui_send "q"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
