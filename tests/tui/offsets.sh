#!/bin/sh
# One meaning per offset form, wherever an offset places the cursor: -o X,
# -c 'goto X' and :goto X land on the same byte for every form (N, 0x, 0
# octal, units, fractions, N%, 100% and end the last byte, -N from the end,
# +N and .+N from the cursor, which is 0 at start), and an offset outside
# the object is refused by -o with status 1 and a message naming the side,
# by :goto with an error of the same kind.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin 65536

cur() { tui_capture | sed -n '$p' | grep -o 'offset 0x[0-9a-f]* = [0-9]*'; }

# FORM EXPECTED (the offset, decimal)
forms='0x100 256
4096 4096
010 8
1K 1024
1KB 1000
1.5K 1536
0% 0
50% 32768
33.3% 21823
100% 65535
end 65535
END 65535
-1 65535
-0x10 65520
-64K 0
+0x20 32
.+16 16'
printf '%s\n' "$forms" >"$tmp/forms"

tui_start 80 24 data.bin
while read -r form want <&4; do
   tui_send ":goto 0" ":goto $form"
   is ":goto $form" "$(cur)" "$(printf 'offset 0x%x = %d' "$want" "$want")"
done 4<"$tmp/forms"
tui_stop

while read -r form want <&4; do
   tui_start 80 24 -o "$form" data.bin
   is "-o $form: where :goto $form goes" "$(cur)" "$(printf 'offset 0x%x = %d' "$want" "$want")"
   tui_stop
   tui_start 80 24 -c "goto $form" data.bin
   is "-c 'goto $form': the same" "$(cur)" "$(printf 'offset 0x%x = %d' "$want" "$want")"
   tui_stop
done 4<"$tmp/forms"

# Outside the object: status 1 both sides, the side named; :goto says the same.
run_ms -o 65536 "$tmp/data.bin"
is "-o past the end: status 1" "$rc" 1
like "-o past the end: said" "$err" "offset is past the end (offset 65536, size 65536)"
run_ms -o -65537 "$tmp/data.bin"
is "-o before the start: status 1, as past the end" "$rc" 1
like "-o before the start: said" "$err" "offset is before the start (offset -65537, size 65536)"
run_ms -o 1M "$tmp/data.bin"
is "-o 1M past the end: status 1" "$rc" 1
run_ms -o 101% "$tmp/data.bin"
is "-o 101%: a form that cannot be: usage, status 2" "$rc" 2
like "-o 101%: why" "$err" "a percentage cannot exceed 100%"
run_ms -o 12zz "$tmp/data.bin"
is "-o 12zz: usage, status 2" "$rc" 2
tui_start 80 24 data.bin
tui_send ":goto 65536"
expect_status ":goto past the end" "is past the end"
tui_send ":goto -65537"
expect_status ":goto before the start" "is before the start"
tui_send ":goto 101%"
expect_status ":goto 101%" "a percentage cannot exceed 100%"
tui_stop
done_testing
