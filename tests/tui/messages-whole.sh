#!/bin/sh
# :messages keeps every message whole, however long (the status line cuts
# it with an ellipsis): a command quoting 240 typed bytes, and a long
# path with the reason after it.
. "$top_srcdir/tests/tui/tui.sh"
make_data_file data.bin 4096
x240=$(printf '%240s' '' | tr ' ' x)

tui_start 80 24 data.bin
tui_send ":goto 1$x240"
like "the status line cuts it with an ellipsis" "$(tui_capture | sed -n '$p')" "…"
tui_send ":messages"
tui_screen messages-whole-80x24
all=$(tui_capture | sed '1d;$d' | tr -d ' \n')
like ":messages has the command whole" "$all" "goto1$x240:"
like "... and what follows it, whole" "$all" "$x240:unexpectedcharactersafterthenumber"
tui_send "q"
tui_stop
is "quit exits 0" "$tui_rc" 0

# A long name (200 + 80 wide characters): the reason after it is kept.
d=$(printf '%200s' '' | tr ' ' d)
n=$(i=0; while [ $i -lt 80 ]; do printf '日'; i=$((i + 1)); done)
mkdir "$tmp/$d"
cp "$tmp/data.bin" "$tmp/$d/$n.bin"
tui_start 80 24 "$d/$n.bin"
rm "$tmp/$d/$n.bin"
tui_send "R" ":messages"
all=$(tui_capture | sed '1d;$d' | tr -d ' \n')
like ":messages keeps the name whole" "$all" "$n.bin:"
like "... and the reason after it" "$all" "notreopened:itnolongerexists"
tui_send "q"
tui_stop
is "quit exits 0" "$tui_rc" 0

# A search pattern of 300 bytes that is not there: "not found" quotes it
# whole in :messages (the finder kept only 199 bytes of it).
y300=$(printf '%297s' '' | tr ' ' y)END
tui_start 80 24 data.bin
tui_send "/$y300<Enter>"
tui_send ":messages"
all=$(tui_capture | sed '1d;$d' | tr -d ' \n')
like ":messages has the whole pattern" "$all" "notfound:${y300}"
tui_send "q"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
