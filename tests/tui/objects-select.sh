#!/bin/sh
# The object list on the screen, filtered as lsof filters: by holding
# process (P, :pid, --pid) and by owner (u, :user, --user), sorted from the
# command line (--sort) or by :sort -COLUMN.
. "$top_srcdir/tests/tui/objects-lib.sh"

objtui_holder
hp=$holder_pid_text
printf 'x' >"/dev/shm/$p-free"
on_exit "rm -f '/dev/shm/$p-free'"
chown 65534 "/dev/shm/$p-free"

tui_start 120 24 -c "filter $p"
expect_status "all the holder's objects and the free one" "object 1/11"
tui_send ":pid $hp"
expect_line 1 ":pid PID: the title says so" "pid: $hp"
expect_status ":pid PID: only what the holder holds" "object 1/10"
tui_send ":pid 1,$hp"
expect_status ":pid PID,PID: either" "object 1/10"
tui_send ":pid 0"
expect_status ":pid 0: refused, with why" "pid 0: give process ids from 1 up"
tui_send ":pid $(( $(cat /proc/sys/kernel/pid_max) + 1 ))"
expect_status ":pid of no process: said, as --pid says it" \
   ":pid $(( $(cat /proc/sys/kernel/pid_max) + 1 )): no such process"
tui_send ":pid all"
expect_status ":pid all: any process again" "object 1/11"
tui_send "P" "$hp<Enter>"
expect_status "P types :pid" "object 1/10"
tui_send ":pid all" ":user nobody"
expect_line 1 ":user NAME: the title says so" "user: nobody"
expect_status ":user nobody: only nobody's object" "object 1/1"
expect_line 4 "... which is the free one" "/mstPREFIX_-free"
tui_send ":user no-such-user-here"
expect_status ":user: an unknown user is refused" "user no-such-user-here: no such user"
tui_send "u" "all<Enter>"
expect_status "u, all: any user again (the cursor stays on its object)" "object 2/11"
tui_send ":user 65534" ":pid $hp"
expect_status "both: nothing passes" "no objects"
tui_send ":all" ":filter $p"
expect_status ":all clears both" "object 1/11"
tui_send ":sort -size"
expect_line 1 ":sort -size: descending" "sort: size, descending"
expect_line 4 "... the largest first" "/mstPREFIX_-shm "
tui_send ":sort bogus"
expect_status ":sort bogus: names the valid columns, as --sort does" \
   ":sort 'bogus': no such column (kind, name, size, owner, mode, processes, flags, pids, detail)"
tui_send ":sort p"
expect_status ":sort p: ambiguous, naming both, as --sort does" \
   ":sort 'p': ambiguous column name (possibilities: processes, pids)"
tui_send ":sort SI"
expect_line 1 ":sort SI: a unique prefix, any case" "sort: size, ascending"
tui_send ":sort -Proc"
expect_line 1 ":sort -Proc: descending by processes" "sort: processes, descending"
tui_send ":kind SH"
expect_status ":kind SH: a unique prefix, any case (the shm objects)" "object 1/"
expect_line 4 "... shm rows only" "shm "
tui_send ":kind m"
expect_status ":kind m: ambiguous, naming both, as --kind does" \
   ":kind 'm': ambiguous kind name (possibilities: mq, memfd)"
tui_send ":kind sysv-s"
expect_status ":kind sysv-s: ambiguous" "(possibilities: sysv-shm, sysv-sem)"
tui_send ":kind all" ":columns NA,Flags"
expect_line 3 ":columns NA,Flags: prefixes in any case, only those columns" "NAME"
is "... KIND, SIZE and OWNER are gone from the heading" \
   "$(tui_capture | sed -n 3p | tr -s ' ' | sed 's/^ //; s/ $//')" "NAME FLAGS"
tui_send ":columns bogus"
expect_status ":columns bogus: refused in --columns' words" \
   ":columns 'bogus': no such column, or given twice (kind, name, size, owner, mode, processes, flags, pids, detail)"
tui_send ":columns all"
expect_line 3 ":columns all: every column again" "KIND"
tui_stop
is "quit exits 0" "$tui_rc" 0

# From the command line.
tui_start 120 24 --pid "$hp" --sort=-size -c "filter $p"
expect_line 1 "--pid and --sort on the screen: the title" "sort: size, descending"
expect_line 1 "... and the pid" "pid: $hp"
expect_status "... only the holder's objects" "object 1/10"
expect_line 4 "... the largest first" "/mstPREFIX_-shm "
tui_stop
is "--pid: quit exits 0" "$tui_rc" 0

done_testing
