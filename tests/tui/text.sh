#!/bin/sh
# Text in screen columns: a Cyrillic name that fits is shown whole, one too
# long is cut with an ellipsis, CJK takes two columns a letter; UTF-8 typed
# at the / prompt and in the text pane arrives as its bytes; names with
# bidi controls and line separators are escaped.
. "$top_srcdir/tests/tui/tui.sh"

cyr=""
i=0
while [ $i -lt 49 ]; do cyr="${cyr}Ж"; i=$((i + 1)); done
# 49 letters, 98 bytes: it fits the 80 columns of the title's first line
{ printf 'abc w then w\303\266 here\n'; head -c 4000 /dev/zero; } >"$tmp/$cyr"
tui_start 80 24 "$cyr"
expect_line 1 "a 49-column Cyrillic name is shown whole" " $cyr "
tui_send "/w<Enter>"
expect_status "/w finds the first w" "offset 0x4 = 4 "
tui_send ":goto 0" "/wö<Enter>"
expect_status "/wö searches for 77 c3 b6, not for w" "offset 0xb = 11 "
tui_send ":goto 0" "/wö<BS><Enter>"
expect_status "Backspace takes back the whole ö" "offset 0x4 = 4 "
tui_send ":goto 0x20" "i<Tab>ö日<Esc>"
like "ö and 日 typed in the text pane are their UTF-8 bytes" \
   "$(tui_capture | grep '^00000020 ')" "00000020  c3 b6 e6 97 a5"
tui_quit ":q!"

long="$cyr$cyr"
cp "$tmp/$cyr" "$tmp/$long"
tui_start 80 24 "$long"
like "a name too long for the line is cut with an ellipsis, keeping its end" \
   "$(tui_capture | sed -n 1p)" " …ЖЖЖ"
is "... in the columns there are (a margin each side)" "$(tui_capture | sed -n 1p | sed 's/ *$//' | tr -d '\n' | wc -m)" 79
tui_stop

# CJK: two columns each; the fields after the name are placed by columns
cjk="日本語のファイル名"
cp "$tmp/$cyr" "$tmp/$cjk"
tui_start 80 24 "$cjk"
tui_screen text-cjk-80x24
tui_stop

# A name that would turn the title around or break it is escaped
evil=$(printf 'evil\342\200\256txt.exe\342\200\250line')
cp "$tmp/$cyr" "$tmp/$evil"
tui_start 80 24 "$evil"
expect_line 1 "U+202E and U+2028 in a name are shown escaped" 'evil\u202etxt.exe\u2028line'
tui_stop
is "quit exits 0" "$tui_rc" 0

# ... and so in the object list
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
   shm_obj="mst$$-$(printf 'a\342\200\256b\342\200\251c')"
   head -c 4096 /dev/zero >"/dev/shm/$shm_obj"
   on_exit "rm -f '/dev/shm/$shm_obj'"
   tui_start 100 24 -c "filter mst$$-"
   ok "an object's bidi override and separator are escaped in the list" \
      tui_wait_text "/mst$$-a\\u202eb\\u2029c"
   tui_stop
fi
done_testing
