#!/bin/sh
# The live view: a shm object another process writes is re-read, the bytes
# that changed are lit and fade over three refreshes, the status line
# counts them; between refreshes (paused, or a key pressed) the screen
# keeps what the last refresh read.  The timer is paused (p) and :refresh
# re-reads once, so the test decides when a refresh happens: no timing.
# The screens with their colours are goldens (SGR codes shown as {..}).
# Then the timer itself, a file that grows and shrinks while live, and
# the sources that cannot be live.
. "$top_srcdir/tests/tui/tui.sh"
[ -d /dev/shm ] && [ -w /dev/shm ] || skip_all "no writable /dev/shm"
shm_name="mapscope-live-test-$$"
obj="/dev/shm/$shm_name"
on_exit "rm -f '$obj'"
make_data_file data.bin 4096
cp "$tmp/data.bin" "$obj"

# The screen with its colours: tmux's SGR sequences made visible.
tui_capture_sgr() {
   tui_tmux capture-pane -e -p -t tui | sed -e 's/\x1b\[\([0-9;]*\)m/{\1}/g' \
      -e 's/= 0x[0-9a-f]\{6,\}/= 0xADDRESS/' -e "s/$shm_name/mapscope-live-test-PID/"
}
# lit ROW SGR: how many cells of screen row ROW begin with that SGR code
lit() {
   tui_tmux capture-pane -e -p -t tui | sed -n "$1p" | grep -o "\[$2m" | wc -l
}
tui_screen_sgr() {
   file="$golden_dir/$1.txt"
   if [ "${MAPSCOPE_REGEN:-}" = 1 ]; then
      tui_capture_sgr >"$file"
      ok "screen $1 (regenerated)" true
      return
   fi
   w=0
   while [ "$(tui_capture_sgr)" != "$(cat "$file" 2>/dev/null)" ] && [ $w -lt 25 ]; do
      sleep 0.2
      w=$((w + 1))
   done
   got=$(tui_capture_sgr)
   if [ "$got" = "$(cat "$file" 2>/dev/null)" ]; then
      ok "screen $1" true
   else
      ok "screen $1" false
      printf '%s\n' "$got" | diff "$file" - | sed 's/^/# /' | head -20
   fi
}
poke() { printf "$2" | dd of="$obj" bs=1 seek="$1" conv=notrunc 2>/dev/null; }

tui_start 80 24 --color=always --refresh 0.5 "shm:$shm_name"
expect_status "shared memory is live from the start, at --refresh" "live 0.5 s"
tui_send "p"
expect_status "p pauses" "paused"
tui_send ":refresh"
is "the first refresh marks nothing" "$(lit 3 41)" 0
poke 4 'LIVE'
tui_send ":refresh"
like "the new bytes are shown" "$(tui_capture | sed -n 3p)" "4c 49 56 45"
expect_status "the status line counts them" "paused, 4 changed"
tui_screen_sgr live-lit-80x24
is "the other rows are not lit" "$(lit 4 41)" 0
tui_send ":refresh"
expect_status "a refresh without change: no count" "paused  offset"
tui_screen_sgr live-fade2-80x24
is "... the marks fade a step (magenta)" "$(lit 3 41)" 0
tui_send ":refresh"
tui_screen_sgr live-fade1-80x24
tui_send ":refresh"
is "after three refreshes nothing is lit" "$(tui_capture_sgr | sed -n 3p | grep -c '{41}\|{45}\|{1}{31}')" 0

poke 16 'XY'
tui_send "j" "k"
like "paused: a key draws what the last refresh read, not the new bytes" \
   "$(tui_capture | sed -n 4p)" "00000010  74 61 0a 09"
tui_send ":refresh"
like "the next refresh shows them" "$(tui_capture | sed -n 4p)" "00000010  58 59"
expect_status "... lit and counted" "paused, 2 changed"

# The view's own flush changes the object: shown at once, not lit.
tui_send ":refresh" ":refresh" ":refresh"
tui_send "i" "41" "<Esc>" ":w"
expect_status "the flush writes" "flushed: 1 byte"
like "the flushed byte is shown at once" "$(tui_capture | sed -n 3p)" "00000000  41 61"
tui_send ":refresh"
is "... and not lit as a change by another process" "$(tui_capture_sgr | sed -n 3p | grep -c '{41}\|{45}\|{1}{31}')" 0
is "the object holds it" "$(od -An -tx1 -N1 "$obj" | tr -d ' ')" 41

tui_send ":refresh 2"
expect_status ":refresh SECONDS sets the interval" "re-reads every 2.0 s"
tui_send ":refresh 0"
expect_status "a bad interval is refused" "refresh 0: seconds from 0.1 to 3600"
tui_send "p"
expect_status "p resumes at the interval set" "live 2.0 s"

# The timer: a writer changes a byte again and again; a refresh lights it.
tui_send ":refresh 0.1"
( i=0; while [ $i -lt 400 ] && [ -e "$obj" ]; do poke 40 "\\$(printf %03o $((i % 200 + 32)))"; i=$((i + 1)); sleep 0.05; done ) &
writer=$!
on_exit "kill $writer 2>/dev/null"
w=0
while [ "$(lit 5 41)" -eq 0 ] && [ $w -lt 200 ]; do sleep 0.05; w=$((w + 1)); done
ok "running, the timer re-reads and lights what the writer changes" [ "$(lit 5 41)" -gt 0 ]
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
tui_stop
is "quit exits 0" "$tui_rc" 0

# A file is live when asked: --refresh, or p.  It grows and shrinks.
printf '0123456789abcdef0123456789abcdef' >"$tmp/grow.txt"
tui_start 80 24 --color=always "$tmp/grow.txt"
expect_status "a file is not live unless asked" "offset 0x0 = 0"
is "... the status line says nothing of it" "$(tui_capture | sed -n '$p' | grep -c 'live\|paused')" 0
tui_send "p"
expect_status "p starts it" "live 1.0 s"
tui_send "p"
expect_status "p pauses it" "paused"
printf 'GROWN' >>"$tmp/grow.txt"
tui_send ":refresh"
expect_line 1 "the growth is seen" "(37 bytes)"
like "the new bytes are shown" "$(tui_capture | sed -n 5p)" "47 52 4f 57 4e"
expect_status "... counted as changed" "paused, 5 changed"
ok "... and lit" [ "$(lit 5 41)" -ge 1 ]
truncate -s 10 "$tmp/grow.txt"
tui_send ":refresh"
expect_line 1 "the shrink is seen, no crash" "(10 bytes)"
is "... the rows past the end are gone" "$(tui_capture | sed -n 4p | tr -d ' ')" ""
tui_stop
is "a file that shrank under the live view: quit exits 0" "$tui_rc" 0

tui_start 80 24 --refresh 0.5 "$tmp/grow.txt"
expect_status "--refresh makes a file live from the start" "live 0.5 s"
tui_stop

tui_start 80 24 /proc/self/status
tui_send "p"
expect_status "a pseudo-file read once cannot be live: p says why" "no live view: the kernel makes this file's contents anew at each read"
tui_send ":refresh"
expect_status "... and :refresh too" "no live view"
tui_stop

run_ms --refresh 0 "shm:$shm_name"
is "--refresh 0 is bad usage" "$rc" 2
done_testing
