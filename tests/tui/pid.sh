#!/bin/sh
# The screen on another process (tests/helpers/procmemhelper): the region
# list of mapscope pid:PID, sorted and filtered, Enter into a region, ??
# on the guard page with its reason, the attachers' Enter into a mapping
# as the process sees it, a flushed write checked against the process,
# the write refused when the bytes changed there since they were read,
# the process exiting under the view, its life (L) beside Windows', and
# as an unprivileged user the refusal with its cause.  Captures mask what
# varies from run to run: addresses (their last three digits stay), pids,
# the scratch directory, devices, inodes and the process's totals.
. "$top_srcdir/tests/tui/tui.sh"

[ -d /dev/shm ] || skip_all "no /dev/shm"
helper="$top_builddir/tests/helpers/procmemhelper"
shm_nm="mspv$$"

# helper_start: the helper, its facts as $h_pid, $h_known, $h_counter ...
helper_start() {
   printf 'the file itself\n' >"$tmp/priv.dat"
   truncate -s 8192 "$tmp/priv.dat"
   rm -f "$tmp/helper.out"
   "$helper" -s "$shm_nm" -f "$tmp/priv.dat" >"$tmp/helper.out" 2>"$tmp/helper.err" &
   hpid=$!
   await_line "$tmp/helper.out" '^pid=' "$hpid" "$tmp/helper.err" "procmemhelper started"
   for kv in $(cat "$tmp/helper.out"); do
      eval "h_${kv%%=*}=${kv#*=}"
   done
}
hx() { printf '%x' "$(($1))"; }
on_exit 'kill $hpid 2>/dev/null; wait $hpid 2>/dev/null'

# (the title's libmagic type comes when the lookup ends: not part of a golden)
tui_capture() {
   tui_tmux capture-pane -p -t tui 2>/dev/null |
      sed -e "s|$tmp|TMP|g" -e "s/$shm_nm/NAME/g" -e "s/pid:$h_pid/pid:PID/g" \
          -e "s/process $h_pid/process PID/g" -e "s|/proc/$h_pid/|/proc/PID/|g" \
          -e "s/(\($h_pid\), /(PID, /g" -e "s/, FALSE, $h_pid)/, FALSE, PID)/g" \
          -e 's/[0-9a-f]\{9\}\([0-9a-f]\{3\}\)/ADDRESS\1/g' \
          -e 's/ [0-9a-f][0-9a-f]:[0-9a-f][0-9a-f] [0-9][0-9]*/ DEV:INODE/' \
          -e 's/0x[0-9a-f]*…/0xADDRESS…/g' \
          -e 's/^total: [0-9]* regions .*/total: N regions .../' -e 's/ [0-9]* of [0-9]*$/ N of M/' \
          -e '1,2s/ │ \(ASCII text\|data\)$//' |
      if [ -n "${squeeze:-}" ]; then sed -e 's/   */  /g'; else cat; fi
}

helper_start

# ---- the region list ----
tui_start 132 30 "pid:$h_pid" -c "filter priv.dat"
expect_status "one region matches the filter" "region 1/1"
tui_screen pid-regions-132x30
tui_send ":sort -size"
expect_line 1 "sorted by size, descending" "sort: size, descending"
tui_send ":sort s"
expect_status ":sort s: ambiguous, as --sort says it" \
   ":sort 's': ambiguous column name (possibilities: size, swap)"
tui_send ":sort SW"
expect_line 1 ":sort SW: a unique prefix, any case" "sort: swap, ascending"
tui_send ":all"
like "the totals at the top" "$(tui_capture | sed -n 2,4p)" "total: "
tui_send ":sort backing" ":filter [stack]"
expect_status "the stack is one region" "region 1/1"
tui_send ":filter priv.dat" "<Enter>"
expect_line 1 "Enter opens the region's bytes" "pid:PID:0xADDRESS000-0xADDRESS000"
expect_line 3 "at its virtual address, the page the process copied marked C" "ADDRESS000C 4d 53 50"
tui_screen pid-region-open-132x30
tui_send "q"
expect_status "q comes back to the regions" "region 1/1"
tui_stop
is "quit exits 0" "$tui_rc" 0

# ---- ?? on the guard page, with its reason ----
tui_start 80 24 "pid:$h_pid:$(hx "$h_guard - 4096")-$(hx "$h_guard + 4096")"
expect_line 3 "the page before the guard page is read" "ADDRESS000  47 47 47 47"
tui_send ":goto 0x$(hx "$h_guard")"
expect_line 3 "the guard page shows as ??, from its address (:goto takes it)" "ADDRESS000  ?? ?? ?? ??"
expect_status "the status line says why" "guard page"
tui_screen pid-guard-80x24
tui_stop
# The inspector and the type line decode no byte the pane could not read:
# the reason instead; the readable page before it still decodes.
tui_start 100 50 -c mapping "pid:$h_pid:$(hx "$h_guard - 4096")-$(hx "$h_guard + 4096")"
expect_line 3 "with the inspector: the readable page" "ADDRESS000  47 47 47 47"
is "the readable page: values decoded" "$(tui_capture | grep -c '^u8 71 ')" 1
tui_send ":goto 0x$(hx "$h_guard")"
expect_line 3 "with the inspector: the guard page shows as ??" "ADDRESS000  ?? ?? ?? ??"
is "the guard page: no values in the inspector, the reason instead" \
   "$(tui_capture | grep -c '^no values: the bytes here could not be read (.*guard page')" 1
is "... no u8 cell" "$(tui_capture | grep -c '^u8 ')" 0
is "... and no type looked up" "$(tui_capture | grep -c 'not looked up: the bytes here could not be read')" 1
tui_send ":goto 0x$(hx "$h_guard - 4")"
is "four bytes before the guard page: u8 decodes, u64 (reaching into it) does not" \
   "$(tui_capture | grep -c '^u8 71 ') $(tui_capture | grep -c 'u64 -')" "1 1"
tui_stop

# ---- the attachers' Enter: the object as the process sees it ----
tui_start 100 24 -c "filter $shm_nm"
expect_status "the helper's shm object is listed" "object 1/1"
tui_send "a" "<Enter>"
expect_line 1 "Enter on the mapping opens the process's memory there" "pid:PID:ADDRESS000-"
w=0                                     # the region is found at the view's first tick
while ! tui_capture | head -2 | grep -qF "shm:/NAME rw-s +0x0" && [ $w -lt 100 ]; do
   sleep 0.2
   w=$((w + 1))
done
like "the title names the object and its offset" "$(tui_capture | head -2)" "shm:/NAME rw-s +0x0"
expect_line 3 "its bytes as the process sees them" "MSPROCMEM-SHM"
expect_status "the status says whose view it is" "as process PID sees it"
tui_send "q" "q"
tui_stop

# ---- the region list in a terminal too small, then grown ----
tui_start 10 4 "pid:$h_pid"
expect_line 2 "10x4: the region list says the terminal is too small" "too small"
tui_resize 132 30
expect_status "grown, the region list is back" "region 1/"
tui_stop

# ---- without -w, even one's own process is not edited ----
tui_start 120 24 "pid:$h_pid:$(hx "$h_known")-$(hx "$h_known + 8192")"
tui_send "i"
expect_status "an edit without -w says mapscope must be started with -w" \
   "writing a process needs mapscope started with -w"
tui_quit ":q!"

# ---- its life: found by its number, read, written back without a journal ----
# (wide enough that no line wraps where the pid's length would move it;
# runs of spaces squeezed, since the pid's length moves the right column)
squeeze=1
tui_start 280 30 "pid:$h_pid:$(hx "$h_known")-$(hx "$h_known + 8192")"
tui_send "L"
expect_line 1 "L opens the life of the process's memory" "(process memory) on this machine"
tui_screen pid-life-280x30
like "the region is read-write and private" "$(tui_capture)" "PROT_READ|PROT_WRITE, MAP_PRIVATE (rw-p)"
like "... as VirtualQueryEx would say" "$(tui_capture)" "PAGE_READWRITE"
like "opened to read, Windows opens it again to write at the flush" "$(tui_capture)" \
   "OpenProcess(PROCESS_VM_WRITE | PROCESS_VM_OPERATION, FALSE, PID) + WriteProcessMemory("
tui_send "q"
squeeze=
expect_line 2 "q: back to the bytes" "ADDRESS000  4d 53 50"
tui_stop
is "quit exits 0" "$tui_rc" 0

# ---- a flushed write, checked against the process ----
tui_start 120 24 -w "pid:$h_pid:$(hx "$h_known")-$(hx "$h_known + 8192")"
tui_send "i"
expect_status "edit mode says there is no journal" "no journal"
tui_send "58" "<Esc>"
expect_line 2 "the edit is staged" "staged (no journal)"
run_ms --dump -n 1 "pid:$h_pid:$(hx "$h_known")"
like "nothing written before the flush" "$out" " 4d "
tui_send ":flush"
expect_status "the flush writes in place" "flushed: 1 byte written in place"
run_ms --dump -n 16 "pid:$h_pid:$(hx "$h_known")"
like "the process holds the byte written" "$out" "|XSPROCMEM-KNOWN!|"

# ---- refused when the process changed the bytes since they were read ----
tui_send ":goto 0x1000" "i" "77" "<Esc>"
kill -USR1 "$h_pid"
w=0
while run_ms --dump -n 1 "pid:$h_pid:$(hx "$h_counter")"; case "$out" in *" 00 "*) true ;; *) false ;; esac; do
   w=$((w + 1)); [ $w -gt 50 ] && break; sleep 0.1
done
tui_send ":flush"
expect_status "a byte the process changed refuses the flush" "not flushed: 1 byte changed in the process"
expect_status "... naming :flush!" ":flush! writes anyway"
run_ms --dump -n 1 "pid:$h_pid:$(hx "$h_counter")"
like "the process's byte stays" "$out" " 01 "
tui_send ":flush!"
expect_status "forced, it writes" "flushed: 1 byte written in place"
run_ms --dump -n 1 "pid:$h_pid:$(hx "$h_counter")"
like "the process holds the forced byte" "$out" " 77 "

# ---- q with edits pending asks, and says there is no journal ----
tui_send "i" "00" "<Esc>" "q"
expect_status "q asks first, saying there is no journal" "(no journal: f writes it in place): f flush"
tui_send "s"
expect_status "s stays" "stayed"
# at 80 columns the choices stay whole on the status line, the why above it
tui_resize 80 24
tui_send "q"
expect_status "at 80 columns: the choices whole" "f flush, d discard, s stay"
like "... the why on the line above" "$(tui_capture | tail -n 2 | head -n 1)" \
   "(no journal: f writes it in place)"
tui_send "s"
tui_resize 120 24

# ---- the process exits under the view ----
kill "$h_pid"
wait "$h_pid" 2>/dev/null
expect_status "the exit is said on the status line" "no such process"
tui_send "j"
expect_line 3 "the last bytes read stay" "5a 5a 5a 5a"
tui_quit ":q!"
is "no crash: the screen ends normally" "$tui_rc" 0

# ---- a process killed under the view, its parent (sleep) not reaping it:
# a zombie has exited, it did not run another program (exec) ----
sh -c '"$0" >"$1" 2>/dev/null & exec sleep 1000' "$helper" "$tmp/z.out" &
zparent=$!
on_exit 'kill $zparent 2>/dev/null'
await_line "$tmp/z.out" '^pid=' "$zparent" "$tmp/helper.err" "procmemhelper started under sleep"
zp=$(sed -n 's/^pid=\([0-9]*\) .*/\1/p' "$tmp/z.out")
zk=$(sed -n 's/.* known=\(0x[0-9a-f]*\) .*/\1/p' "$tmp/z.out")
tui_start 160 24 -w "pid:$zp:$(hx "$zk")-$(hx "$zk + 8192")"
tui_send "i" "58" "<Esc>"
expect_line 2 "a zombie to be: the edit is staged" "staged (no journal)"
kill -KILL "$zp"
w=0
until [ "$(sed 's/.*) //' "/proc/$zp/stat" 2>/dev/null | cut -d' ' -f1)" = Z ] || [ $w -gt 100 ]; do
   w=$((w + 1)); sleep 0.05
done
tui_send ":flush"
expect_status "a flush to a zombie: it has exited" "process $zp has exited (a zombie not yet reaped"
ok "... never that it ran another program" sh -c '! printf "%s" "$0" | grep exec' "$(tui_capture)"
tui_quit ":q!"
is "no crash: the screen ends normally" "$tui_rc" 0
kill "$zparent"
wait "$zparent" 2>/dev/null

# ---- the region list of a process that exits; one that never was ----
helper_start
tui_start 100 24 "pid:$h_pid"
kill "$h_pid"
wait "$h_pid" 2>/dev/null
expect_status "the region list says the process has exited" "process PID has exited"
expect_line 1 "... and its title too" "exited: the last regions read"
tui_stop
is "no crash: quit exits 0" "$tui_rc" 0
run_ms "pid:$h_pid"
is "a process that is gone is refused before the screen: exit 1" "$rc" 1
like "... saying which" "$err" "mapscope: pid:$h_pid: "

# ---- an unprivileged user: refused, with the cause ----
helper_start
if [ "$(id -u)" -eq 0 ]; then
   run_ms_unprivileged "pid:$h_pid"
   is "the region list is refused: exit 1" "$rc" 1
   like "... naming the process and its owner" "$err" "mapscope: pid:$h_pid: "
   like "... and the capability that would allow it" "$err" "CAP_SYS_PTRACE"
   run_ms_unprivileged "pid:$h_pid:$(hx "$h_known")"
   is "its bytes are refused: exit 1" "$rc" 1
   like "... with the cause" "$err" "CAP_SYS_PTRACE"
else
   skip "the refusal of another user's process" "not root: no other user to be"
fi

done_testing
