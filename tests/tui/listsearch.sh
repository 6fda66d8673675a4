#!/bin/sh
# / ? n N in the lists (the object list, a process's regions, the holders
# of an object): the selection moves to the next row showing the text, with
# counts, wrapping with a word; the text typed never runs as keys.
. "$top_srcdir/tests/tui/tui.sh"
[ -d /dev/shm ] && [ -w /dev/shm ] || skip_all "no writable /dev/shm"
p="ksrch$$"
for n in alpha beta beta2 gamma; do printf 'x' >"/dev/shm/$p-$n"; done
on_exit "rm -f /dev/shm/$p-alpha /dev/shm/$p-beta /dev/shm/$p-beta2 /dev/shm/$p-gamma"
# two holders of -gamma: a sleep and a tail
sh -c "exec 5</dev/shm/$p-gamma; exec sleep 1000" &
h1=$!
tail -f "/dev/shm/$p-gamma" >/dev/null 2>&1 &
h2=$!
on_exit "kill $h1 $h2 2>/dev/null; wait $h1 $h2 2>/dev/null"
sleep 0.3

tui_start 120 24 -c "filter $p" -c "sort name"
expect_status "four objects" "object 1/4"
tui_send "/beta<Enter>"
expect_status "/beta: the first row showing beta" "object 2/4"
tui_send "n"
expect_status "n: the next" "object 3/4"
tui_send "n"
expect_status "n past the last match wraps, with a word" "search wrapped around"
expect_status "... to the first" "object 2/4"
tui_send "N"
expect_status "N: backward" "object 3/4"
tui_send "?alpha<Enter>"
expect_status "?alpha: backward" "object 1/4"
tui_send "g" "2/$p<Enter>"
expect_status "2/TEXT: the second match on" "object 3/4"
tui_send "/i:GAMMA<Enter>"
expect_status "i:TEXT: any case" "object 4/4"
tui_send "/bpq<Enter>"
expect_status "no row shows it: said" "not found: bpq"
expect_status "... and b, p, q did not run as keys" "object 4/4"
tui_send "<C-b>"
expect_status "C-b: a page up in the list" "object 1/4"
tui_send "<C-f>"
expect_status "C-f: a page down" "object 4/4"
tui_send "<C-p>"
expect_status "C-p: up one" "object 3/4"
# the holders of -gamma
tui_send "G" "a"
expect_line 1 "a: the holders" "held by 2 processes"
tui_send "/tail<Enter>"
t=$(tui_capture | sed -n '$p' | grep -o 'holder [0-9]/2')
tui_send "/sleep<Enter>"
s=$(tui_capture | sed -n '$p' | grep -o 'holder [0-9]/2')
ok "/ in the holders: tail and sleep on different rows ($t, $s)" \
   [ -n "$t" ] && [ -n "$s" ] && [ "$t" != "$s" ]
tui_send "n"
expect_status "the only match: n wraps onto it" "search wrapped around"
tui_send "/nobody here<Enter>"
expect_status "not found in the holders" "not found: nobody here"
tui_send "q"
tui_stop
is "quit exits 0" "$tui_rc" 0

# a process's regions: / finds the stack, the pattern never runs as keys
tui_start 120 24 "pid:$h1"
tui_send "/[stack]<Enter>"
st=$(tui_capture | sed -n '$p')
case "$st" in
   *"not found"*|*"region 1/"*) ok "/[stack] selects the stack's region: $st" false ;;
   *region*) ok "/[stack] selects the stack's region" true ;;
   *) ok "/[stack] selects the stack's region: $st" false ;;
esac
tui_send "/heap zzz<Enter>"
expect_status "a row nobody shows: said, nothing run" "not found: heap zzz"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
