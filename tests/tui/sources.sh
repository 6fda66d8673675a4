#!/bin/sh
# Kinds that are not mapped the plain way: pseudo-files (/proc, /sys) are
# read, not mapped, and the screen says so; a System V segment's mapping
# pane shows the shmat() that attached it, not an mmap() that never
# happened.
. "$top_srcdir/tests/tui/objects-lib.sh"

# /proc/self/oom_score_adj: "0\n" for every process the test starts, and
# a size of 0 from stat(): the golden screen is the same on every run.
tui_start 80 24 /proc/self/oom_score_adj
tui_screen pseudo-80x24
tui_send "M"
ok "the mapping pane shows the read() that filled the window" tui_wait_text "read("
ok "... and its Windows counterpart" tui_wait_text "ReadFile(hFile, buf, 2, &got, NULL)"
pane=$(tui_capture)
ok "a pseudo-file shows no page map: nothing is mapped" sh -c '! printf "%s\n" "$1" | grep "^pages"' sh "$pane"
tui_stop
is "quit exits 0" "$tui_rc" 0

tui_start 80 24 /proc/cpuinfo
expect_line 1 "/proc/cpuinfo opens: its size is what reading it gave" "read to its end"
like "its bytes are shown" "$(tui_capture | sed -n 3p)" "processor"
tui_send "G"
expect_status "G goes to the end the read found" "100%"
tui_stop
is "quit exits 0" "$tui_rc" 0

# /proc/self/pagemap goes on for the whole address space: cut at 64 MiB,
# its size is not known and the title says so.
tui_start 80 24 /proc/self/pagemap
expect_line 1 "a pseudo-file cut short: size unknown" "size unknown (64 MiB read so far)"
tui_stop
is "quit exits 0" "$tui_rc" 0

thp=/sys/kernel/mm/transparent_hugepage/enabled
if [ -r "$thp" ]; then
   tui_start 80 24 "$thp"
   expect_line 1 "a /sys file opens, read" "read to its end"
   like "its text is shown" "$(tui_capture | sed -n 3p)" "$(head -c 16 "$thp" | od -An -tx1 | sed 's/^ //' | cut -c1-11)"
   tui_stop
else
   skip "a /sys file opens, read" "no $thp on this machine"
fi

objtui_holder
sid=$(holder_get sysv_shm_id)
tui_start 80 24 -c mapping "sysv:$sid"
ok "a System V segment: the shmat() that attached it" tui_wait_text "shmat($sid, NULL, SHM_RDONLY) = 0x"
ok "... and its Windows counterpart" tui_wait_text "OpenFileMapping + MapViewOfFile(hMap, FILE_MAP_READ, 0, 0, 0)"
pane=$(tui_capture)
ok "no mmap() that never happened" sh -c '! printf "%s\n" "$1" | grep "mmap("' sh "$pane"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
