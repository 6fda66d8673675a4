#!/bin/sh
# Copy-on-write edits on the screen: typing in the hex and the text pane,
# the edit surviving a move 1 GiB away, the object untouched until :flush,
# undo and redo, the flush writing exactly the edited bytes, the quit
# question (stay, discard, flush; q, :quit and Ctrl-C), read-only refusal.
. "$top_srcdir/tests/tui/tui.sh"
tui_env="XDG_STATE_HOME='$tmp/state'"
make_data_file data.bin 65536
truncate -s 2G "$tmp/data.bin" 2>/dev/null || skip_all "no sparse files here"
cp "$tmp/data.bin" "$tmp/orig.bin"

# What the object holds after the edits: 41 42 at 0x10, "xy" at 0x12.
cp "$tmp/orig.bin" "$tmp/want.bin"
printf 'ABxy' | dd of="$tmp/want.bin" bs=1 seek=16 conv=notrunc 2>/dev/null

row1() { tui_capture | grep '^0*10 ' | head -n 1; }
# Lines after which mapscope quits: no sync point to wait for.
tui_send_last() { for line in "$@"; do printf '%s\n' "$line" >&3; done; }

tui_start 80 24 -g 4K data.bin
tui_send ":goto 0x10" "i4142<Tab>xy<Esc>"
tui_screen edit-80x24
like "hex and text typed" "$(row1)" "41 42 78 79"
ok "nothing reached the file before the flush" cmp -s "$tmp/data.bin" "$tmp/orig.bin"
tui_send ":goto 1G" "jjjj" ":goto 0x10"
like "the edit is still there after 1 GiB away and back" "$(row1)" "41 42 78 79"
tui_send "M"
tui_screen edit-mapping-80x24
tui_send "M" "u"
like "undo: the old bytes" "$(row1)" "74 61 0a 09"
expect_status "undo says what it did" "undone: 4 bytes at 0x10"
tui_send "<C-r>"
like "redo: the new bytes" "$(row1)" "41 42 78 79"
tui_send ":flush"
expect_status ":flush says what it wrote" "flushed: 4 bytes in 1 page"
ok "the flush wrote exactly the edited bytes" cmp -s "$tmp/data.bin" "$tmp/want.bin"
tui_send ":flush"
expect_status "nothing left to flush" "no edits to flush"
tui_stop
is "quit after the flush exits 0 at once" "$tui_rc" 0

# ---- the quit question --------------------------------------------------
cp "$tmp/orig.bin" "$tmp/data.bin"
tui_start 80 24 data.bin
tui_send "i00<Esc>" ":quit"
expect_status ":quit asks" "1 byte edited and not flushed: f flush, d discard, s stay"
tui_send "s"
expect_status "s stays" "stayed"
tui_send "q"
expect_status "q asks" "f flush, d discard, s stay"
tui_send "x"
expect_status "any other key stays" "stayed"
tui_tmux send-keys -t tui C-c
tui_wait_text "d discard, s stay" || true
expect_status "Ctrl-C asks" "f flush, d discard, s stay"
tui_send "s"
tui_send_last "q" "d"
tui_wait_file "$tmp/exit"
is "d discards and quits: exit 0" "$(cat "$tmp/exit")" 0
ok "discard: the file is unchanged" cmp -s "$tmp/data.bin" "$tmp/orig.bin"
exec 3>&-

cp "$tmp/orig.bin" "$tmp/want2.bin"
printf '\252' | dd of="$tmp/want2.bin" bs=1 seek=0 conv=notrunc 2>/dev/null
tui_start 80 24 data.bin
tui_send "iaa<Esc>"
tui_send_last "q" "f"
tui_wait_file "$tmp/exit"
is "f flushes and quits: exit 0" "$(cat "$tmp/exit")" 0
ok "f: the file holds the edit" cmp -s "$tmp/data.bin" "$tmp/want2.bin"
exec 3>&-

# ---- a flush killed half-way: the screen says so, :recover rolls it back ------
cp "$tmp/orig.bin" "$tmp/data.bin"
XDG_STATE_HOME="$tmp/state" MAPSCOPE_TEST_CRASH_AT=mid-write \
   "$MAPSCOPE" --patch 0:ffff --patch 0x2000:ffff --flush "$tmp/data.bin" >/dev/null 2>&1
cp "$tmp/data.bin" "$tmp/half.bin"
tui_start 80 24 data.bin
expect_status "the screen says the object is half-written" "half-written"
expect_status "and how to roll it back" ":recover"
ok "opening it wrote nothing" cmp -s "$tmp/data.bin" "$tmp/half.bin"
tui_send ":recover"
expect_status ":recover says it rolled back an interrupted flush" "rolled back"
ok "the file is all old again" cmp -s "$tmp/data.bin" "$tmp/orig.bin"
tui_stop
is "quit exits 0" "$tui_rc" 0

# ---- refusal ------------------------------------------------------------
cp "$tmp/orig.bin" "$tmp/ro.bin"
if [ "$(id -u)" -eq 0 ]; then
   chown 65534:65534 "$tmp/ro.bin"
   why="-w"
else
   chmod 0444 "$tmp/ro.bin"
   why="write"
fi
tui_start 80 24 ro.bin
tui_send "i"
expect_status "edit mode refused" "cannot edit"
expect_status "and says why" "$why"
tui_send "41"
ok "no edit was made" cmp -s "$tmp/ro.bin" "$tmp/orig.bin"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
