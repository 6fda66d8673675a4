#!/bin/sh
# The text views (help, the message log, the life of the object, the tour)
# scroll with one set of keys, counts and all: 3j as j j j, 2<PgDn> as two
# <PgDn>, 2<PgUp> as two <PgUp>, 4G (and 4g) line 4 at the top, g Home G
# End, the wheel; in the tour Space and g stay its steps' keys, and help
# lists the scrolling keys each view has.
. "$top_srcdir/tests/tui/tui.sh"
[ -d /dev/shm ] || skip_all "no /dev/shm"
tui_env="TMPDIR='$tmp'"
make_data_file data.bin 4096

# The screen but its status line (each view says where it is its own way).
body() { tui_capture | sed '$d'; }

# same VIEW NAME KEYS1 KEYS2: from the top of the text ($top), KEYS1 and
# KEYS2 show the same lines, and not the top's.
same() {
   tui_send "$top"
   first=$(body)
   tui_send "$3"
   a=$(body)
   tui_send "$top" "$4"
   b=$(body)
   is "$1: $2" "$b" "$a"
   ok "$1: $2 moved" test "$a" != "$first"
}

# Every scrolling key with and without a count, in the view on screen.
scroll_checks() {
   same "$1" "3j is j j j" "3j" "jjj"
   same "$1" "3<Down> is three <Down>" "3<Down>" "<Down><Down><Down>"
   same "$1" "2<PgDn> is two <PgDn>" "2<PgDn>" "<PgDn><PgDn>"
   same "$1" "4k is k k k k" "8j4k" "4j"
   same "$1" "2<PgUp> is two <PgUp>" "3<PgDn>2<PgUp>" "<PgDn>"
   same "$1" "2b is two b" "3<PgDn>2b" "<PgDn>"
   same "$1" "2<C-d> scrolls two lines, as in less and vi" "2<C-d>" "2j"
   same "$1" "<C-d> then scrolls those two again" "2<C-d><C-d>" "4j"
   same "$1" "3<C-u> scrolls three lines up" "8j3<C-u>" "5j"
   same "$1" "<C-u> then scrolls those three again" "8j<C-u>" "5j"
   same "$1" "4G puts line 4 at the top" "4G" "3j"
   same "$1" "<End> is G" "<End>" "G"
   same "$1" "<WheelDown> scrolls three lines" "<WheelDown>" "3j"
   same "$1" "<Home> is back at the top" "5j<Home>j" "j"
}

tui_start 40 10 data.bin

# ---- help ----
tui_send "<F1>"
top="g"
scroll_checks help
same help "4g puts line 4 at the top" "4g" "3j"
same help "Space is PgDn" "2<Space>" "2<PgDn>"
tui_send "g" "2<PgDn>"
expect_status "help: 2<PgDn> is two pages of 8 lines" "help 17/"
tui_send "3G"
expect_status "help: 3G is line 3" "help 3/"
tui_send "<C-d>"
expect_status "help: C-d keeps the 3 lines of the last 3<C-u>" "help 6/"
tui_send "q"

# ---- the life of the object ----
tui_send "L"
expect_status "the life opens at its top" "life: lines 1-9 of "
scroll_checks life
same life "4g puts line 4 at the top" "4g" "3j"
same life "Space is PgDn" "2<Space>" "2<PgDn>"
tui_send "g" "2<PgDn>"
expect_status "life: 2<PgDn> is two pages of 8 lines" "life: lines 17-25 of "
tui_send "3j"
expect_status "life: then 3j three lines" "life: lines 20-28 of "
tui_send "2<PgUp>"
expect_status "life: then 2<PgUp> two pages back" "life: lines 4-12 of "
tui_send "q"

# ---- the message log ----
for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do
   tui_send ":goto 0x$n$n$n$n$n$n$n$n$n$n$n$n"
done
tui_send ":messages"
ok "the message log is open" tui_wait_text "messages, oldest first"
top="g"
scroll_checks messages
same messages "4g puts line 4 at the top" "4g" "3j"
same messages "Space is PgDn" "2<Space>" "2<PgDn>"
tui_send "q"

# ---- the tour, over the file ----
tui_send ":tour"
ok "the tour is open" tui_wait_text "Step 1 of 10"
top="<Home>"
scroll_checks tour
tui_send "<Home>" "2<Space>"
expect_status "tour: 2 Space is still the next step" "step 2/10"
tui_send "3g"
expect_status "tour: 3g is still step 3" "step 3/10"
ok "... at the top of its text" tui_wait_text "Step 3 of 10"
tui_resize 80 24
tui_send "<F1>"
ok "tour help: the scrolling keys, Space not among them" \
   tui_wait_text "  PgDn C-f C-v     next page"
ok "... Home under its own name, g being the step's" \
   tui_wait_text "  Home             to the first line"
tui_screen textscroll-tour-help-80x24
tui_send "q" "q"
ok "the tour is closed: the file again" tui_wait_text "00000000"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
