#!/bin/sh
# The live view of shared memory: a shm object is re-read every interval
# and the bytes that changed since the last refresh are highlighted.  The
# timer is paused (p) and :refresh re-reads once, so the test decides when
# a refresh happens: no timing.
. "$top_srcdir/tests/tui/tui.sh"
[ -d /dev/shm ] && [ -w /dev/shm ] || skip_all "no writable /dev/shm"
name="mapscope-live-test-$$"
obj="/dev/shm/$name"
on_exit "rm -f '$obj'"
make_data_file data.bin 4096
cp "$tmp/data.bin" "$obj"

changed_on_row() {     # SGR 41: the changed style's red background
   tui_tmux capture-pane -e -p -t tui | sed -n "$1p" | grep -o '\[41m' | wc -l
}

tui_start 80 24 --color=always --refresh 0.5 "shm:$name"
expect_status "shared memory is live by default, at --refresh" "live 0.5 s"
tui_send "p"
expect_status "p pauses" "paused"
tui_send ":refresh"
is "the first refresh marks nothing" "$(changed_on_row 3)" 0
printf 'LIVE' | dd of="$obj" bs=1 seek=4 conv=notrunc 2>/dev/null
tui_send ":refresh"
like "the new bytes are shown" "$(tui_capture | sed -n 3p)" "4c 49 56 45"
ok "the changed bytes are highlighted" [ "$(changed_on_row 3)" -ge 2 ]
is "the other rows are not" "$(changed_on_row 4)" 0
tui_send ":refresh"
is "a refresh with no change clears the marks" "$(changed_on_row 3)" 0
tui_send ":interval 2"
expect_status ":interval sets the interval" "re-reads every 2.0 s"
tui_send ":interval 0"
expect_status "a bad interval is refused" "seconds from 0.1 to 3600"
tui_send "p"
expect_status "p resumes" "live 2.0 s"
tui_stop
is "quit exits 0" "$tui_rc" 0

run_ms --refresh 0 "shm:$name"
is "--refresh 0 is bad usage" "$rc" 2
done_testing
