#!/bin/sh
# Opening objects from the list: Enter shows a shm object's bytes in the
# hex view, q and Esc come back; the attachers view; memfd and removed
# objects through /proc/PID/fd; System V read-only through sysv:ID; kinds
# without bytes are refused with a message.
. "$top_srcdir/tests/tui/objects-lib.sh"

objtui_holder

tui_start 80 24 -c "filter $p-shm"
expect_status "one object" "object 1/1"
tui_send "<Enter>"
objtui_no_status=1
tui_screen objects-open-shm-80x24
objtui_no_status=0
expect_status "the status line says how to come back" "(q or Esc: back to the list)"
tui_send "q"
expect_status "q goes back to the list" "object 1/1"
tui_send "<Enter>"
expect_line 1 "Enter opens it again" "shm:/mstPREFIX_-shm"
tui_send "<Esc>"
expect_status "Esc goes back to the list" "object 1/1"

tui_send "a"
tui_screen objects-attachers-80x24
tui_send "<Click:3,10>"
expect_status "a click selects the holder on that row" "holder 2/2"
tui_send "<Click:2,10>"
expect_status "... and on the first one" "holder 1/2"
tui_send "<Enter>"
expect_line 1 "Enter in the attachers opens the holder's descriptor" "/proc/"
expect_line 1 "... the same object" "(8192 bytes)"
tui_send "q"
expect_status "q goes back to the attachers" "holder 1/2"
tui_send "q"
expect_status "q goes back to the list" "object 1/1"

tui_send ":filter $p-memfd" "<Enter>"
expect_line 1 "memfd: opened through /proc/PID/fd" "/proc/"
expect_line 1 "memfd: its 3000 bytes" "(3000 bytes)"
tui_send "q" ":filter $p-gone" "<Enter>"
expect_line 1 "an unlinked shm object: opened through /proc" "/proc/"
expect_line 1 "... 4096 bytes" "(4096 bytes)"
tui_send "q"

tui_send ":filter ${key_prefix}00" ":kind sysv-shm" "<Enter>"
expect_line 1 "System V: opened through sysv:ID" "sysv:$(holder_get sysv_shm_id)"
expect_line 1 "System V: its 12345 bytes" "(12345 bytes)"
tui_send "q" ":kind sysv-sem" "<Enter>"
expect_status "a semaphore set cannot be opened: said so" "has no bytes to map"
expect_status "... and the list stays" "object 1/1"

tui_stop
is "quit exits 0" "$tui_rc" 0
is "nothing on stderr" "$(cat "$tmp/stderr")" ""

# The command line's settings (-g here, -w alike) reach objects opened
# from the list.
tui_start 80 24 -g 64K -c "filter $p-shm"
tui_send "<Enter>"
expect_line 2 "-g 64K reaches an object opened from the list" "granularity 64 KiB"
tui_stop

# The attachers view is live: a process that opens the object appears, one
# that exits goes, and an object that is removed is said to be gone.
live=/dev/shm/$p-live
head -c 4096 /dev/zero >"$live"
on_exit "rm -f '$live'"
# Up to 30 s for each change: a scan of /proc on a loaded machine may
# stretch the one-second interval.
tui_start 80 24 -c "filter $p-live" -c "live 1"
expect_status "an object nobody holds" "object 1/1"
tui_send "a"
# None seen: 0, or "?" where some processes could not be inspected.
none_seen() {
   w=0
   while ! tui_capture | grep -qF -e "held by 0 processes (0 descriptors, 0 mappings)" \
      -e "held by ? processes (0 descriptors, 0 mappings seen)"; do
      w=$((w + 1))
      [ $w -gt $(($1 * 20)) ] && return 1
      sleep 0.05
   done
}
ok "its attachers: none" none_seen 30
sleep 300 3<"$live" &
sleeper=$!
on_exit "kill $sleeper 2>/dev/null"
ok "a process opens it: the view shows it without a key" \
   tui_wait_text "held by 1 process (1 descriptor, 0 mappings)" 30
ok "... with its command" tui_wait_text "sleep" 30
kill "$sleeper"
wait "$sleeper" 2>/dev/null
ok "the process exits: it goes" none_seen 30
rm -f "$live"
ok "the object is removed: the view says it is gone" tui_wait_text "gone (q or Esc: back)" 30
ok "... in the body too" tui_wait_text "The object is gone" 30
tui_send "q"
expect_status "q goes back to the list" "no objects"
tui_stop
is "live attachers: quit exits 0" "$tui_rc" 0

done_testing
