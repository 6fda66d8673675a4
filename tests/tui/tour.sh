#!/bin/sh
# --tour on a terminal: the steps' screens, the tour script's words driving
# them, :tour over an open file (q comes back), and nothing left behind
# after quit, SIGTERM or Ctrl-C.
. "$top_srcdir/tests/tui/tui.sh"

[ -d /dev/shm ] || skip_all "no /dev/shm"
tui_env="TMPDIR='$tmp'"
# What varies from run to run (as tests/cli/tour.sh masks it).
. "$top_srcdir/tests/cli/tour-lib.sh"
# A tour sweeps what killed tours left, and tests/cli/tour.sh kills tours
# at the same time as this one runs: the note of such a sweep is blanked.
tui_mask() {
   tour_mask | perl -pe 's/^(removed \d+ objects? left by (?:a tour that was|tours that were) killed)/" " x length($1)/e'
}

# The pid in the tour's title ($tour).
tour_pid() {
   tour=$(tui_tmux capture-pane -p -t tui | sed -n '1s/.*mapscope tour (pid \([0-9]*\)).*/\1/p')
}

leftovers() {
   found=""
   ls /dev/shm 2>/dev/null | grep -q "mapscope-tour-$1\b" && found="$found shm"
   [ -e "$tmp/mapscope-tour-$1" ] && found="$found dir"
   echo "${found# }"
}

# ---- the steps' screens, driven by the tour's own words ----
tui_start 80 24 --tour
tour_pid
ok "the title names the tour's pid" test -n "$tour"
tui_screen tour-step1-80x24
tui_send "next"
tui_screen tour-step2-80x24
tui_send "step 6"
ok "step 6: the copied page in the page map" tui_wait_text "[0] a private copy"
expect_status "the status line says the step" "step 6/10"
tui_send "prev"
expect_status "prev: step 5" "step 5/10"
# (typed: a tour script has no ':' commands)
for bad in 0 11 -1 -18446744073709551615 99999999999999999999 3x; do
   tui_tmux send-keys -t tui ":step $bad" Enter
   ok ":step $bad: refused" tui_wait_text "step: wrong arguments"
   expect_status ":step $bad: the step stays" "step 5/10"
   tui_tmux send-keys -t tui Escape
   tui_send
done
tui_send "step 7"
is "the tour's objects exist while it runs" "$(leftovers "$tour")" "shm dir"
tui_quit "quit"
is "quit: exit 0" "$tui_rc" 0
is "quit: nothing left behind" "$(leftovers "$tour")" ""

# ---- resized mid-step, down to a tiny terminal and back; LC_ALL=C ----
tui_env="TMPDIR='$tmp' LC_ALL=C"
tui_start 80 24 --tour
tour_pid
tui_send "step 6"
tui_resize 10 4
tui_send "next"
tui_resize 1 1
tui_send "prev"
tui_resize 80 24
tui_send
ok "resized to 10x4 and 1x1 and back: step 6 drawn again" tui_wait_text "Step 6 of 10: copy-on-write"
expect_status "resized: the status line says the step" "step 6/10"
tui_quit "quit"
is "resized, LC_ALL=C: exit 0" "$tui_rc" 0
is "resized: nothing left behind" "$(leftovers "$tour")" ""
tui_env="TMPDIR='$tmp'"

# ---- every step's screen, wide enough for its lines not to wrap ----
tui_start 140 40 --tour
for n in 1 2 3 4 5 6 7 8 9 10; do
   tui_send "step $n"
   if [ "$n" = 8 ] && [ "$(id -u)" -ne 0 ]; then
      skip "screen tour-step8-140x40" "name spaces need root"
      continue
   fi
   tui_screen "tour-step$n-140x40"
done
tui_quit "quit"
is "every step: exit 0" "$tui_rc" 0

# ---- keys: n, p, 3g, and q ----
tui_start 80 24 --tour
tour_pid
tui_tmux send-keys -t tui n
ok "n: the next step" tui_wait_text "Step 2 of 10"
tui_tmux send-keys -t tui 9 g
ok "9g: step 9" tui_wait_text "Step 9 of 10"
ok "step 9 decodes the header" tui_wait_text "MSTOUR1"
tui_tmux send-keys -t tui p
ok "p: the step before" tui_wait_text "Step 8 of 10"
tui_tmux send-keys -t tui q
tui_wait_file "$tmp/exit"
is "q: exit 0" "$(cat "$tmp/exit")" 0
is "q: nothing left behind" "$(leftovers "$tour")" ""
exec 3>&-

# ---- SIGTERM and Ctrl-C ----
for how in TERM C-c; do
   tui_start 80 24 --tour
   tour_pid
   tui_send "step 4"
   is "$how: the objects exist" "$(leftovers "$tour")" "shm dir"
   if [ "$how" = TERM ]; then kill -TERM "$tour"; else tui_tmux send-keys -t tui C-c; fi
   tui_wait_file "$tmp/exit"
   is "$how: nothing left behind" "$(leftovers "$tour")" ""
   exec 3>&-
done

# ---- a bad line in a FIFO script ends the screen with the message ----
tui_start 80 24 --tour
tour_pid
printf 'bogus\n' >&3
tui_wait_file "$tmp/exit"
is "a bad line: exit 2" "$(cat "$tmp/exit")" 2
like "a bad line: says why" "$(cat "$tmp/stderr")" "'bogus': unknown command"
is "a bad line: nothing left behind" "$(leftovers "$tour")" ""
exec 3>&-

# ---- @sync on the screen: never over a file, never through a symlink ----
printf 'keep me\n' >"$tmp/victim"
ln -s victim "$tmp/link"
tui_start 140 40 --tour
printf '@sync %s\n' "$tmp/victim" >&3
ok "@sync on an existing file: said" tui_wait_text "victim: cannot create it (File exists)"
printf '@sync %s\n' "$tmp/link" >&3
ok "@sync on a symlink: said" tui_wait_text "link: cannot create it (File exists)"
is "@sync: the file is as it was" "$(cat "$tmp/victim")" "keep me"
printf 'quit\000@sync %s\n' "$tmp/after-nul" >&3
tui_wait_file "$tmp/exit"
is "a NUL byte in a line: exit 2" "$(cat "$tmp/exit")" 2
like "a NUL byte in a line: says why" "$(cat "$tmp/stderr")" "the line holds a NUL byte"
exec 3>&-
rm -f "$tmp/victim" "$tmp/link"

# ---- :tour over an open file: q comes back to it ----
make_data_file data.bin
tui_start 80 24 data.bin
tui_send ":tour"
ok ":tour shows step 1" tui_wait_text "Step 1 of 10"
tour_pid
is ":tour: its objects exist" "$(leftovers "$tour")" "dir"
tui_send ":tour"
expect_status ":tour in the tour: refused" "the tour is open already"
tui_send "q"
ok "q in the tour: back to the file" tui_wait_text "data.bin"
is ":tour then q: nothing left behind" "$(leftovers "$tour")" ""
tui_stop
is ":tour: the screen goes on, and quits with 0" "$tui_rc" 0

done_testing
