#!/bin/sh
# The object list: mapscope without SOURCE, on objects made by
# tests/helpers/objholder (the list is filtered to them): columns, flags,
# the pane that explains them, sorting, kinds, help, and no terminal.
. "$top_srcdir/tests/tui/objects-lib.sh"

run_ms </dev/null
is "no SOURCE, no terminal: exit 1" "$rc" 1
like "no SOURCE, no terminal: said so" "$err" "standard input and output must be a terminal"
is "no SOURCE, no terminal: nothing on stdout" "$out" ""

objtui_holder

tui_start 80 24 -c "filter $p"
tui_screen objects-list-80x24
expect_status "the cursor is on the first object" "object 1/10"
tui_send "<Click:5,10>"
expect_status "a click selects the object on that row" "object 3/10"
tui_send "<Click:2,10>"
expect_status "a click on the heading does nothing" "object 3/10"
tui_send "g"

tui_send "jjjj"
tui_screen objects-shrunk-80x24
expect_line 21 "the pane explains size-mismatch" "size-mismatch: A process maps more than"

tui_send "s"
expect_line 1 "s sorts by name" "sort: name, ascending (s, S)"
expect_status "the cursor stays on its object (memfd:... sorts among the names as shown)" "object 9/10"
tui_send "S"
tui_screen objects-name-desc-80x24

tui_send "S" ":sort size" "g"
expect_line 4 "sort size: the smallest first" "/mstPREFIX_-clash "
tui_send ":sort flags" "S"
expect_line 4 "sort flags, reversed: the highest flag first" "removed"

tui_send ":kind sem"
expect_status ":kind sem: four semaphores" "/4"
tui_send ":kind memfd"
expect_line 4 ":kind memfd: the memfd" "memfd:mstPREFIX_-memfd"
tui_send ":kind bogus"
expect_status ":kind bogus is refused" ":kind 'bogus': unknown kind"
tui_send ":all" ":filter $p-gone"
expect_line 4 "the removed object is flagged" "removed"
expect_line 21 "the pane explains removed" "removed: The object has been removed but"

tui_send "p"
expect_line 1 "p pauses the live refresh" "paused (p resumes)"
tui_send "p" "r"
expect_status "r refreshes now" "refreshed: 1 object"
tui_send ":live 1"
expect_line 1 ":live 1" "live every 1 s"
tui_send ":live never"
expect_status ":live never is refused" "live never: give seconds"

tui_send "<F1>"
ok "help lists the keys of the list" tui_wait_text "next object"
ok "help lists sorting" tui_wait_text "sort by the next column"
ok "help lists the attachers key" tui_wait_text "who holds the object"
tui_send "q"
expect_status "q closes help" "object 1/1"

tui_send ":filter no-such-object-here"
expect_line 20 "no match: said so" "No object matches"
tui_stop
is "quit exits 0" "$tui_rc" 0
is "nothing on stderr" "$(cat "$tmp/stderr")" ""

# --kind filters the list from the start; q quits the list itself.
tui_start 80 24 --kind=memfd -c "filter $p"
expect_line 4 "--kind=memfd" "memfd:mstPREFIX_-memfd"
expect_status "--kind=memfd: one object" "object 1/1"
printf 'q\n' >&3
ok "q on the list quits" tui_wait_file "$tmp/exit"
is "q: exit 0" "$(cat "$tmp/exit")" 0
exec 3>&-

done_testing
