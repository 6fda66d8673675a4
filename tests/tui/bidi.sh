#!/bin/sh
# Untrusted bytes never reach the terminal raw, whatever path draws them:
# text typed or scripted at a prompt is echoed escaped (U+202E as \u202e,
# U+2028 as \u2028, a C1 control as \xc2\x85), and so are the status line
# that quotes it and the :messages log; the search still looks for the
# bytes typed.  Everything mapscope writes to the terminal is recorded
# (tmux pipe-pane) and must hold none of those characters raw.
. "$top_srcdir/tests/tui/tui.sh"

rlo=$(printf '\342\200\256')      # U+202E right-to-left override
lsep=$(printf '\342\200\250')     # U+2028 line separator
rlm=$(printf '\342\200\217')      # U+200F right-to-left mark
nel=$(printf '\302\205')          # U+0085 next line (a C1 control)
fsi=$(printf '\342\201\250')      # U+2068 first strong isolate
alm=$(printf '\330\234')          # U+061C Arabic letter mark

# the pattern is in the file at 0x100: the search must find its bytes
{ head -c 256 /dev/zero; printf 'A%sB%sC' "$rlo" "$lsep"; head -c 4000 /dev/zero; } >"$tmp/f.bin"
printf 'hello\n' >"$tmp/plain.txt"

# The bytes mapscope writes to the terminal, from the start on.
tui_record() { tui_tmux pipe-pane -o -t tui "cat >>'$tmp/raw'"; }
# raw_has BYTES: the recorded output holds BYTES somewhere.
raw_has() { LC_ALL=C grep -qF -- "$1" "$tmp/raw"; }

tui_start 80 24 f.bin
tui_record
tui_send "/A${rlo}B${lsep}C"
expect_status "the prompt echoes U+202E and U+2028 escaped" ':find A\u202eB\u2028C'
tui_send "<Enter>"
expect_status "the search finds the bytes typed" "offset 0x100 = 256 "
tui_send ":goto 0" "/X${rlo}Y${lsep}Z<Enter>"
expect_status "the status line quotes the pattern escaped" 'not found: X\u202eY\u2028Z'
tui_send "<Esc>:no${rlm}such${nel}cmd${fsi}x${alm}"     # keys: the prompt typed
expect_status "U+200F, U+0085, U+2068, U+061C at the : prompt are escaped" \
   ':no\u200fsuch\xc2\x85cmd\u2068x\u061c'
tui_send "<Enter>"
expect_status "... and in the message that quotes the command" \
   'unknown command: no\u200fsuch\xc2\x85cmd\u2068x\u061c'
tui_send ":messages"
ok ":messages shows the logged messages escaped" tui_wait_text 'not found: X\u202eY\u2028Z'
like "... each of them" "$(tui_capture)" 'unknown command: no\u200fsuch\xc2\x85cmd\u2068x\u061c'
tui_send "q"
# U+200F typed on the keyboard (tmux sends it as the terminal would)
tui_send ":goto 0"
tui_tmux send-keys -t tui "/" 2>/dev/null
tui_tmux send-keys -t tui -l "q${rlm}r" 2>/dev/null
ok "U+200F typed at the / prompt is echoed escaped" tui_wait_text ':find q\u200fr'
tui_tmux send-keys -t tui Enter 2>/dev/null
ok "... and quoted escaped" tui_wait_text 'not found: q\u200fr'
tui_stop
is "quit exits 0" "$tui_rc" 0
ok "the terminal got output to check" test -s "$tmp/raw"
for c in "$rlo:U+202E" "$lsep:U+2028" "$rlm:U+200F" "$nel:U+0085" "$fsi:U+2068" "$alm:U+061C"; do
   ok "no raw ${c#*:} reached the terminal" eval '! raw_has "${c%%:*}"'
done

# The object list: its own messages quote what was typed
rm -f "$tmp/raw"
tui_start 100 24 -c "filter mst$$-none"
tui_record
tui_send ":kind x${rlo}y"
expect_status "the list's message quotes a kind escaped" ":kind 'x\\u202ey': unknown kind"
tui_send ":user a${rlm}b${lsep}c"
expect_status "... and a user" 'user a\u200fb\u2028c: '
tui_send ":pid 1${fsi}2"
expect_status "... and a pid" 'pid 1\u20682: '
tui_stop
is "quit exits 0" "$tui_rc" 0
for c in "$rlo:U+202E" "$lsep:U+2028" "$rlm:U+200F" "$fsi:U+2068"; do
   ok "the list: no raw ${c#*:} reached the terminal" eval '! raw_has "${c%%:*}"'
done

# The same through a key script outside tmux (script(1) records the screen).
if command -v script >/dev/null 2>&1; then
   printf '/A%sB%sC<Enter>\n:quit\n' "$rlo" "$lsep" >"$tmp/ks.txt"
   (cd "$tmp" && TERM=xterm LC_ALL=C.UTF-8 script -q -c "'$MAPSCOPE' --script ks.txt plain.txt" \
      out.raw </dev/null >/dev/null 2>&1)
   ok "script(1): the status line said not found, escaped" \
      env LC_ALL=C grep -qF 'not found: A\u202eB\u2028C' "$tmp/out.raw"
   ok "script(1): no raw U+202E or U+2028 in what was written" \
      eval "! LC_ALL=C grep -qF -e '$rlo' -e '$lsep' '$tmp/out.raw'"
else
   skip "script(1): the status line said not found, escaped" "no script(1)"
   skip "script(1): no raw U+202E or U+2028 in what was written" "no script(1)"
fi
done_testing
