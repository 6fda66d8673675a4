#!/bin/sh
# libmagic at the cursor: the mapping pane names what the bytes from the
# cursor on are (an embedded PNG where it starts), ] jumps to the next
# offset libmagic recognises, :magic ALIGN looks only at multiples of
# ALIGN.  Built --without-libmagic, both say plainly that libmagic is not
# built in.
. "$top_srcdir/tests/tui/tui.sh"

# 0x200 zero bytes, text up to 0x321, a minimal PNG (signature and IHDR of
# a 1 x 1 RGB image, its CRC computed here), text again up to 0x800, a
# small ZIP archive made by python3's zipfile.
python3 - "$tmp/embedded.bin" <<'PY'
import io, struct, sys, zlib, zipfile
ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr \
      + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xffffffff)
text = (b"plain words in a text file\n" * 64)
data = b"\0" * 0x200 + text[:0x321 - 0x200] + png
data += text[:0x800 - len(data)]
z = io.BytesIO()
with zipfile.ZipFile(z, "w") as f:
    f.writestr("hello.txt", "hello\n")
open(sys.argv[1], "wb").write(data + z.getvalue() + text[:0x100])
PY
sync "$tmp/embedded.bin"     # clean pages: the page map tells dirty ones apart
png_at=$(python3 -c "import sys; print(open(sys.argv[1],'rb').read().find(b'\x89PNG'))" "$tmp/embedded.bin")
is "the PNG starts at 0x321" "$png_at" 801

if grep -q '^#define HAVE_LIBMAGIC 1' "$top_builddir/config.h"; then
   tui_start 80 24 -c mapping embedded.bin
   expect_line 16 "the pane names the type at the cursor" "type at 0x0: data"
   tui_send "]"
   expect_status "] lands on the PNG and says what it is" "0x321: PNG image data, 1 x 1"
   expect_line 16 "the pane names it at the cursor" "type at 0x321: PNG image data, 1 x 1, 8-bit/color RGB"
   tui_screen magic-png-80x24
   tui_send "l"
   expect_line 16 "one byte on it is not a PNG" "type at 0x322: "
   # From inside the PNG on, libmagic makes weak guesses (the bytes at
   # 0x327 pass for a PAK archive): ] stops at the next one after the cursor.
   tui_send "]"
   expect_status "] again goes on after the cursor" "(] finds the next)"
   at=$(tui_capture | tail -n 1 | sed -n 's/.*offset 0x\([0-9a-f]*\) = .*/\1/p')
   ok "... to an offset past 0x322 (0x$at)" test "$((0x${at:-0}))" -gt $((0x322))
   tui_send ":goto 0x800" "<Enter>"
   expect_line 16 "a ZIP archive is named where it starts" "type at 0x800: Zip archive data"
   tui_send "g" ":magic 0x400" "<Enter>"
   expect_status ":magic 0x400 skips the PNG at 0x321, lands on the ZIP at 0x800" "0x800: Zip archive data"
   tui_send "g" ":magic 0x321" "<Enter>"
   expect_status ":magic 0x321: the PNG is at a multiple of it" "0x321: PNG image data"
   tui_send "''"
   expect_status "'' comes back from the jump" "offset 0x0 = 0"
   tui_send ":magic fast" "<Enter>"
   expect_status ":magic refuses an alignment that is no number" \
      "magic fast: give an alignment, a number of bytes (512, 4K)"
   tui_stop
   is "quit exits 0" "$tui_rc" 0

   # Interactive, with a libmagic child that never answers: the screen
   # does not wait for the lookup at the cursor, and Esc stops a search
   # (its child killed and reaped).
   tui_tmux kill-server >/dev/null 2>&1
   tui_server
   tui_tmux new-session -d -s tui -x 80 -y 24 \
      "cd '$tmp' && exec env TERM=screen LC_ALL=C.UTF-8 MAPSCOPE_TEST_SANDBOX=spin '$MAPSCOPE' -c mapping embedded.bin 2>'$tmp/stderr'"
   tui_tmux set-option -t tui status off >/dev/null
   ok "the pane says the lookup is under way" tui_wait_text "type at 0x0: looking..."
   tui_tmux send-keys -t tui l
   ok "... and the screen goes on: l moves the cursor" tui_wait_text "offset 0x1 = 1"
   pid=$(tui_tmux display-message -p -t tui '#{pane_pid}')
   ok "the lookup meets its deadline: the type is unknown" tui_wait_text "type at 0x1: (type unknown)" 15
   tui_tmux send-keys -t tui ']'
   ok "] shows the search's progress" tui_wait_text "libmagic at 0x2: 0%, 0 offsets asked, Esc stops"
   w=0
   while [ -z "$(pgrep -P "$pid" 2>/dev/null)" ] && [ $w -lt 40 ]; do sleep 0.05; w=$((w + 1)); done
   child=$(pgrep -P "$pid" 2>/dev/null | head -n 1)
   ok "... its child runs" test -n "$child"
   tui_tmux send-keys -t tui Escape
   ok "Esc stops it" tui_wait_text "libmagic: stopped at 0x2"
   ok "... its child is gone" sh -c "! kill -0 '$child' 2>/dev/null"
   tui_tmux send-keys -t tui q
else
   tui_start 80 24 -c mapping embedded.bin
   expect_line 16 "the pane says libmagic is not built in" "type here: libmagic is not built in"
   tui_send "]"
   expect_status "] says libmagic is not built in" \
      "magic: libmagic is not built in (configure --without-libmagic)"
   tui_send ":magic" "<Enter>"
   expect_status ":magic says so too" "magic: libmagic is not built in (configure --without-libmagic)"
   tui_stop
   is "quit exits 0" "$tui_rc" 0
fi
done_testing
