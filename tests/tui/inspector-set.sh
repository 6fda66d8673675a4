#!/bin/sh
# A value typed into a field of the data inspector (= or :set FIELD VALUE)
# edits the bytes at the cursor through the copy-on-write edits: the object
# is untouched until :flush, u undoes, bad input and too few bytes get a
# clear message, a read-only object refuses.
. "$top_srcdir/tests/tui/tui.sh"
tui_env="XDG_STATE_HOME='$tmp/state'"
make_data_file data.bin 4096
cp "$tmp/data.bin" "$tmp/orig.bin"

row0() { tui_capture | grep '^0*00 ' | head -n 1; }
row10() { tui_capture | grep '^0*10 ' | head -n 1; }

tui_start 80 24 -c mapping data.bin
tui_send ":set u32 0x11223344" "<Enter>"
like ":set u32 writes little-endian" "$(row0)" "00000000  44 33 22 11 "
expect_status "... and says how many bytes, where" "u32: 4 bytes edited at 0x0 (u undoes)"
ok "nothing reached the file before the flush" cmp -s "$tmp/data.bin" "$tmp/orig.bin"
tui_send "u"
like "u undoes it" "$(row0)" "00000000  6d 61 70 73 "
tui_send "e" ":set u16 0x1234" "<Enter>"
like "big-endian after e" "$(row0)" "00000000  12 34 70 73 "
tui_send ":set f16 -2" "<Enter>"
like "f16 -2 big-endian: c0 00" "$(row0)" "00000000  c0 00 70 73 "
tui_send "e" ":goto 0x10" "=guid {00112233-4455-6677-8899-AABBCCDDEEFF}<Enter>"
like "= opens the prompt; a GUID as Windows writes it" "$(row10)" \
   "33 22 11 00 55 44 77 66  88 99 aa bb cc dd ee ff"
expect_line 23 "the inspector reads the GUID back" "guid {00112233-4455-6677-8899-AABBCCDDEEFF}"
tui_send ":set filetime 2023-03-01T12:34:56.1234567Z" "<Enter>"
like "a FILETIME date: 87 2e ba 3a 3a 4c d9 01" "$(row10)" "87 2e ba 3a 3a 4c d9 01"
expect_line 22 "the inspector shows that date" "filetime 2023-03-01T12:34:56.1234567Z"
tui_screen inspector-set-80x24
tui_send ":set u8 300" "<Enter>"
expect_status "a value out of range is refused" "set u8 300: out of range for the type"
tui_send ":set dos 2019-05-12 13:45:31" "<Enter>"
expect_status "odd DOS seconds are refused" "set dos 2019-05-12 13:45:31: DOS times hold even seconds only"
tui_send ":set u24 1" "<Enter>"
expect_status "no such field" "set u24 1: no such field (u8 ... uuid, or bytes)"
tui_send ":set u8" "<Enter>"
expect_status "a field without a value" "set: give a field and a value"
tui_send "G" ":set bytes de ad" "<Enter>"
expect_status "two bytes at the last byte" "the value takes 2 bytes and 1 remains"
tui_send ":set bytes 7e" "<Enter>" ":flush" "<Enter>"
expect_status "the flush writes them" "flushed"
tui_stop
is "quit exits 0" "$tui_rc" 0

# What the file holds: c0 00 at 0, the GUID's bytes then the FILETIME at
# 0x10 (it overwrote the first 8), 7e at the last byte.
cp "$tmp/orig.bin" "$tmp/want.bin"
printf '\300\000' | dd of="$tmp/want.bin" bs=1 seek=0 conv=notrunc 2>/dev/null
printf '\207\056\272\072\072\114\331\001\210\231\252\273\314\335\356\377' \
   | dd of="$tmp/want.bin" bs=1 seek=16 conv=notrunc 2>/dev/null
printf '\176' | dd of="$tmp/want.bin" bs=1 seek=4095 conv=notrunc 2>/dev/null
ok "the file holds exactly the values typed" cmp "$tmp/data.bin" "$tmp/want.bin"

# ---- refusal ------------------------------------------------------------
cp "$tmp/orig.bin" "$tmp/ro.bin"
if [ "$(id -u)" -eq 0 ]; then
   chown 65534:65534 "$tmp/ro.bin"
else
   chmod 0444 "$tmp/ro.bin"
fi
tui_start 80 24 ro.bin
tui_send ":set u8 1" "<Enter>"
expect_status "a read-only object refuses the value" "cannot edit"
ok "no edit was made" cmp -s "$tmp/ro.bin" "$tmp/orig.bin"
tui_stop
done_testing
