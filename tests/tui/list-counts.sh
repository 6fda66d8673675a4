#!/bin/sh
# Counts before the lists' moving keys, as in the text views and the hex
# view: in the object list, a process's regions and the attachers view,
# 2<PgDn> is two <PgDn>, Ng and NG go to row N, g Home G End to the first
# and last; the attachers view has PgDn PgUp g G Home End and the wheel.
. "$top_srcdir/tests/tui/tui.sh"
[ -d /dev/shm ] && [ -w /dev/shm ] || skip_all "no writable /dev/shm"
pre="mst$$-lc"
for i in 1 2 3 4 5 6 7 8; do
   head -c 4096 /dev/zero >"/dev/shm/$pre$i"
   on_exit "rm -f '/dev/shm/$pre$i'"
done
# Eight holders of the first object: eight rows in its attachers view.
for i in 1 2 3 4 5 6 7 8; do
   sleep 1000 3<"/dev/shm/${pre}1" &
   on_exit "kill $! 2>/dev/null"
done
last_sleep=$!

status() { tui_capture | sed -n '$p'; }

# ---- the object list: 8 objects ----
tui_start 80 10 -c "filter $pre" -c "sort name"
expect_status "eight objects" "object 1/8"
tui_send "5G"
expect_status "5G: the fifth object" "object 5/8"
tui_send "2g"
expect_status "2g: the second object" "object 2/8"
tui_send "G"
expect_status "G: the last" "object 8/8"
tui_send "3<Home>"
expect_status "3<Home>: the third" "object 3/8"
tui_send "<Home>"
expect_status "<Home>: the first" "object 1/8"
tui_send "99G"
expect_status "99G: past the end stops at the last" "object 8/8"
tui_send "g" "<PgDn>" "<PgDn>"
two=$(status)
tui_send "g" "2<PgDn>"
is "2<PgDn> is two <PgDn>" "$(status)" "$two"
tui_send "G" "<PgUp>" "<PgUp>"
two=$(status)
tui_send "G" "2<PgUp>"
is "2<PgUp> is two <PgUp>" "$(status)" "$two"

# ---- the attachers view of the first object: 8 holders, 7 rows ----
tui_send "g" "a"
expect_status "eight holders" "holder 1/8"
tui_send "5G"
expect_status "attachers: 5G the fifth holder" "holder 5/8"
tui_send "2g"
expect_status "attachers: 2g the second" "holder 2/8"
tui_send "G"
expect_status "attachers: G the last" "holder 8/8"
tui_send "g"
expect_status "attachers: g the first" "holder 1/8"
tui_send "<End>"
expect_status "attachers: End the last" "holder 8/8"
tui_send "<Home>"
expect_status "attachers: Home the first" "holder 1/8"
tui_send "<PgDn>"
expect_status "attachers: PgDn moves a page of 6 (7 rows less one)" "holder 7/8"
tui_send "<Home>" "<Space>"
expect_status "attachers: Space as PgDn" "holder 7/8"
tui_send "<Home>" "2<PgDn>"
expect_status "attachers: 2<PgDn> moves two pages, stopping at the last" "holder 8/8"
tui_send "2<PgUp>"
expect_status "attachers: 2<PgUp> two pages back, stopping at the first" "holder 1/8"
tui_send "<End>" "b"
expect_status "attachers: b as PgUp" "holder 2/8"
tui_send "<Home>" "<WheelDown>"
expect_status "attachers: the wheel moves three" "holder 4/8"
tui_send "<WheelUp>"
expect_status "attachers: back up three" "holder 1/8"
tui_send "q"
tui_stop
is "quit exits 0" "$tui_rc" 0

# ---- a process's regions ----
tui_start 80 24 "pid:$last_sleep"
expect_status "the regions" "region 1/"
tui_send "3G"
expect_status "3G: the third region" "region 3/"
tui_send "2g"
expect_status "2g: the second region" "region 2/"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
