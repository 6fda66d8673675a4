#!/bin/sh
# A journal not written for the object on the screen (here one of the first
# format, which did not say which file it belongs to): opening says it is
# ignored and moves nothing; a flush moves it aside, says so, and writes
# the edit (never the journal's bytes).
. "$top_srcdir/tests/tui/tui.sh"
tui_env="XDG_STATE_HOME='$tmp/state'"
make_data_file data.bin 65536
cp "$tmp/data.bin" "$tmp/orig.bin"
cp "$tmp/orig.bin" "$tmp/want.bin"
printf 'A' | dd of="$tmp/want.bin" bs=1 conv=notrunc 2>/dev/null

# the journal directory, made by a flush of another file
cp "$tmp/orig.bin" "$tmp/other.bin"
XDG_STATE_HOME="$tmp/state" "$MAPSCOPE" --patch 0:00 --flush "$tmp/other.bin" >/dev/null 2>&1
j=$tmp/state/mapscope/$(stat -c '%d:%i' "$tmp/data.bin").journal
{ printf 'MSJRNL01'; head -c 64 /dev/zero; } >"$j"
chmod 600 "$j"

tui_start 200 24 data.bin
expect_status "opening says the journal is ignored" "ignoring the journal $j: it was not written for this object"
ok "opening moved nothing" test -f "$j"
ok "opening wrote nothing" cmp -s "$tmp/data.bin" "$tmp/orig.bin"
tui_send "i41<Esc>" ":flush"
expect_status "the flush says it moved the journal aside" "a journal not written for this object was moved aside to $j.aside.1"
ok "the journal is kept aside" test -f "$j.aside.1"
ok "nothing is left at the journal's name" test ! -e "$j"
ok "the file holds the edit and nothing else" cmp -s "$tmp/data.bin" "$tmp/want.bin"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
