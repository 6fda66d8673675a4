#!/bin/sh
# Habits from less and vi: counts (5j 10l NG 3n), / and ? then Enter
# repeat the search, marks (ma 'a ''), :w :wq :x :q! and :q asking as q
# does, an ambiguous prefix naming its candidates, a search hit scrolled
# wholly into sight, i in the pane the cursor shows, and q asking flush /
# discard / stay in a hex view opened from the object list.
. "$top_srcdir/tests/tui/tui.sh"
tui_env="XDG_STATE_HOME='$tmp/state'"
make_data_file data.bin 65536
cp "$tmp/data.bin" "$tmp/orig.bin"
# "line two" is at 0x14 + 286 * k

tui_start 80 24 data.bin
tui_send "5j"
expect_status "5j: five rows down" "offset 0x50 = 80 "
tui_send "10l"
expect_status "10l: ten bytes on" "offset 0x5a = 90 "
tui_send "3k" "2h"
expect_status "3k 2h" "offset 0x28 = 40 "
tui_send "300G"
expect_status "NG: offset N, as :N" "offset 0x12c = 300 "
tui_send "g" "3n"
expect_status "/ before any pattern: n says so" "no pattern yet"
tui_send "/line two<Enter>" "2n"
expect_status "/ from 0, then 2n: the second match on" "offset 0x250 = 592 "
tui_send "/<Enter>"
expect_status "/ then Enter: the last search again" "offset 0x36e = 878 "
tui_send "?<Enter>"
expect_status "? then Enter: the same pattern backward" "offset 0x250 = 592 "
tui_send ":goto 0x100" "ma" "G"
expect_status "ma, then G" "offset 0xffff = 65535 "
tui_send "'a"
expect_status "'a: back to the mark" "offset 0x100 = 256 "
tui_send "''"
expect_status "'': back to where the jump came from" "offset 0xffff = 65535 "
tui_send "'b"
expect_status "a mark not set says so" "mark b is not set"
tui_send ":g 10"
expect_status "an ambiguous prefix names its candidates" "g is ambiguous: goto, granularity"
tui_send ":fl"
expect_status "flush! is matched only whole: :fl is :flush" "no edits to flush"
tui_send ":goto 0" "<Tab>i"
expect_status "i after Tab: the text pane, as the cursor shows" "editing the text pane"
expect_status "... and the mode says so too" "EDIT text"
tui_send "<Esc><Tab>i"
expect_status "i in the hex pane" "editing the hex pane"
tui_send "41<Esc>" ":w"
expect_status ":w flushes" "flushed: 1 byte in 1 page"
is ":w wrote the byte" "$(od -An -tx1 -N1 "$tmp/data.bin" | tr -d ' ')" 41
tui_send "i42<Esc>" ":q"
expect_status ":q with edits asks as q does" "1 byte edited and not flushed: f flush, d discard, s stay"
tui_send "s"
printf ':q!\n' >&3
tui_wait_file "$tmp/exit"
is ":q! quits at once, exit 0" "$(cat "$tmp/exit")" 0
is ":q! discarded the edit" "$(od -An -tx1 -N1 "$tmp/data.bin" | tr -d ' ')" 41

tui_start 80 24 data.bin
tui_send "i43<Esc>"
printf ':x\n' >&3
tui_wait_file "$tmp/exit"
is ":x flushes and quits" "$(od -An -tx1 -N1 "$tmp/data.bin" | tr -d ' ')" 43
tui_start 80 24 data.bin
tui_send "i44<Esc>"
printf ':wq\n' >&3
tui_wait_file "$tmp/exit"
is ":wq flushes and quits" "$(od -An -tx1 -N1 "$tmp/data.bin" | tr -d ' ')" 44

# A match that starts on the bottom row is scrolled into sight whole: 21
# rows of 16 bytes show [0, 0x150); a 16-byte match at 0x148 ends in the
# row at 0x150.
head -c 8192 /dev/zero >"$tmp/zero.bin"
printf 'ABCDEFGHIJKLMNOP' | dd of="$tmp/zero.bin" bs=1 seek=$((0x148)) conv=notrunc 2>/dev/null
tui_start 80 24 zero.bin
tui_send "/ABCDEFGHIJKLMNOP<Enter>"
expect_status "the match is found" "offset 0x148 = 328 "
like "its end is on the screen, not cut at the bottom row" \
   "$(tui_capture | sed -n 23p)" "00000150  49 4a 4b 4c 4d 4e 4f 50"
tui_stop
is "quit exits 0" "$tui_rc" 0

# q with edits pending in a hex view opened from the object list asks
# flush / discard / stay, and each answer does what it says.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
   shm_obj="mst$$-habits"
   head -c 4096 /dev/zero >"/dev/shm/$shm_obj"
   on_exit "rm -f '/dev/shm/$shm_obj'"
   tui_start 80 24 -c "filter mst$$-habits"
   tui_send "<Enter>" "i41<Esc>" "q"
   expect_status "q asks, from the list's hex view too" "f flush, d discard, s stay"
   tui_send "s"
   expect_status "s stays" "stayed"
   tui_send "<Esc>"
   expect_status "Esc asks too" "f flush, d discard, s stay"
   tui_send "d"
   expect_status "d discards and goes back to the list" "object 1/1"
   is "... nothing written" "$(od -An -tx1 -N1 "/dev/shm/$shm_obj" | tr -d ' ')" 00
   tui_send "<Enter>" "i42<Esc>" "q" "f"
   expect_status "f flushes and goes back to the list" "object 1/1"
   is "... the byte written" "$(od -An -tx1 -N1 "/dev/shm/$shm_obj" | tr -d ' ')" 42
   tui_send "<Enter>" "i43<Esc>"
   printf ':wq\n' >&3
   tui_wait_file "$tmp/exit"
   is ":wq there: flush and quit" "$(od -An -tx1 -N1 "/dev/shm/$shm_obj" | tr -d ' ')" 43
   is "... exit 0" "$(cat "$tmp/exit")" 0

   # counts in the object list too
   for i in 1 2 3; do
      head -c 4096 /dev/zero >"/dev/shm/mst$$-count$i"
      on_exit "rm -f '/dev/shm/mst$$-count$i'"
   done
   tui_start 80 24 -c "filter mst$$-count" -c "sort name"
   expect_status "three objects" "object 1/3"
   tui_send "2j"
   expect_status "2j in the list: two objects down" "object 3/3"
   tui_send "2k"
   expect_status "2k: two up" "object 1/3"
   tui_stop
fi
done_testing
