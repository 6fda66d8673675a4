#!/bin/sh
# The mapping pane's sections and the life of the object: what if (the
# request at 4 KiB, 64 KiB, 2 MiB), figures (the page map beside the
# window's smaps figures, before and after a copy-on-write edit), and the
# life view (this machine beside Windows), for a file, a POSIX shm object
# and a System V segment; narrow and tiny terminals wrap or say why not.
. "$top_srcdir/tests/tui/objects-lib.sh"
make_data_file data.bin 1048576

# An address the life view wrapped onto a line of its own is masked too.
tui_capture() {
   tui_tmux capture-pane -p -t tui 2>/dev/null | objtui_mask |
      sed -e 's/^\( *\)0x[0-9a-f]\{6,\}\( \|$\)/\10xADDRESS\2/' -e "s/${sid:-@none@}/SYSVID/g"
}

# ---- a file ----
tui_start 80 24 -c 'goto 0x12345' -c 'mapping whatif' data.bin
tui_screen figures-whatif-80x24
tui_send "S"
tui_screen figures-file-80x24
# an edit: the copy-on-write mapping appears, its page private and dirty
tui_send "i" "41" "<Esc>"
tui_screen figures-file-edited-80x24
ok "the edits' copy: the page copied is Private_Dirty and Anonymous" \
   tui_wait_text "Private_Dirty 4, Anonymous 4"
ok "... the window's own page stays clean" tui_wait_text "Private_Clean 4, Private_Dirty 0"
tui_send "S"
ok "S again: back to the calls" tui_wait_text "mapping (M hides)"
tui_send ":mapping sideways"
expect_status ":mapping refuses a section it does not have" "mapping sideways: give calls, whatif or figures"
tui_send "L"
tui_screen figures-life-edited-80x24
tui_send "G"
expect_status "the life view says which lines it shows" "life: lines"
tui_send "q"
ok "q: back to the hex view" tui_wait_text "mapping (M hides)"
tui_quit ":q!"
is "quit exits 0" "$tui_rc" 0

# Another process maps the page too: the window's page is shared and
# clean; an edit gives the edits' copy a private, dirty, anonymous page of
# its own while the window's stays shared and clean.
mkfifo "$tmp/mapper.in"
python3 -c '
import mmap, sys
f = open(sys.argv[1], "rb")
m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
m[0x12000]
print("ready", flush=True)
sys.stdin.read()
' "$tmp/data.bin" <"$tmp/mapper.in" >"$tmp/mapper.out" 2>"$tmp/mapper.err" &
mapper=$!
exec 8>"$tmp/mapper.in"
on_exit "exec 8>&-; kill $mapper 2>/dev/null; wait $mapper 2>/dev/null"
await_line "$tmp/mapper.out" '^ready$' "$mapper" "$tmp/mapper.err" "the second mapper did not start"
tui_start 80 24 -c 'goto 0x12345' -c 'mapping figures' data.bin
tui_screen figures-shared-80x24
flat() { tui_capture | tr -s ' \n' '  '; }
like "mapped by two: the window's page is Shared_Clean" "$(flat)" \
   "Rss 4, Pss 2, Shared_Clean 4, Shared_Dirty 0, Private_Clean 0, Private_Dirty 0, Anonymous 0"
tui_send "i" "41" "<Esc>"
tui_screen figures-shared-edited-80x24
like "after the edit: the copy's page is Private_Dirty and Anonymous" "$(flat)" \
   "copy (a mapping of 4 KiB), in KiB: Rss 4, Pss 4, Shared_Clean 0, Shared_Dirty 0, Private_Clean 0, Private_Dirty 4, Anonymous 4"
like "... while the window's page stays Shared_Clean" "$(flat)" \
   "mapping (a mapping of 4 KiB), in KiB: Rss 4, Pss 2, Shared_Clean 4, Shared_Dirty 0"
tui_quit ":q!"
is "quit exits 0" "$tui_rc" 0
exec 8>&-
wait $mapper

tui_start 132 43 -g 64K -c 'goto 0x12345' data.bin
tui_send "L"
tui_screen figures-life-132x43
tui_send "<Esc>" ":mapping whatif"
tui_screen figures-whatif-132x43
tui_stop
is "quit exits 0" "$tui_rc" 0

# narrow: every line wraps, nothing is cut
tui_start 40 30 -c 'mapping figures' data.bin
tui_screen figures-file-40x30
tui_send "L"
tui_screen figures-life-40x30
tui_send "q"
tui_resize 30 30
ok "30 columns: the heading is the section's name alone, not cut" tui_wait_text "── figures ───"
ok "... and the figures wrap" tui_wait_text "Private_Dirty 0,"
tui_stop
is "quit exits 0" "$tui_rc" 0

# tiny: every view says the terminal is too small; short: the pane says
# how many rows it needs; tall enough: it is back
tui_start 10 4 -c 'mapping whatif' data.bin
tui_screen tiny-10x4
tui_send "L"
tui_screen tiny-10x4
tui_send "<Esc>"
tui_resize 80 8
expect_status "a terminal too short for the pane says so" "the mapping pane needs"
tui_resize 80 24
tui_screen figures-whatif-0-80x24
tui_stop
is "quit exits 0" "$tui_rc" 0

# ---- a POSIX shm object and a System V segment, held by another process ----
objtui_holder
tui_start 80 24 -c 'mapping figures' "shm:$p-shm"
tui_screen figures-shm-80x24
tui_send "L"
tui_screen figures-shm-life-80x24
tui_send "q" ":mapping whatif"
tui_screen figures-shm-whatif-80x24
tui_stop
is "quit exits 0" "$tui_rc" 0

sid=$(holder_get sysv_shm_id)
# every page of the segment made once, so the figures are the same every run
"$MAPSCOPE" --dump "sysv:$sid" >/dev/null 2>&1
tui_start 80 24 -c 'mapping figures' "sysv:$sid"
tui_screen figures-sysv-80x24
tui_send "L"
tui_screen figures-sysv-life-80x24
tui_send "q" ":mapping whatif"
tui_screen figures-sysv-whatif-80x24
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
