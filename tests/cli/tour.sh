#!/bin/sh
# --tour without a terminal: each of the ten steps against its golden text
# (the calls' real results; addresses, pids, inodes and name-space ids
# masked), the tour script's words and its errors, and nothing left behind
# after the end, quit, SIGTERM, SIGINT or SIGHUP.
. "$top_srcdir/tests/lib.sh"

golden="$top_srcdir/tests/cli/golden"
[ -d /dev/shm ] || skip_all "no /dev/shm"
TMPDIR=$tmp
export TMPDIR

# What varies from run to run, masked (and the segment's id, which a
# screen shows as it is).
. "$top_srcdir/tests/cli/tour-lib.sh"
mask() { tour_mask | sed -e 's/IPC_EXCL) = [0-9][0-9]*$/IPC_EXCL) = ID/'; }

# run_tour ARGS...: mapscope --tour ARGS with its pid known ($pid), output
# in $tmp/out and $tmp/err, status in $rc.
run_tour() {
   sh -c 'echo $$ >"$0/pid"; exec "$@"' "$tmp" "$MAPSCOPE" --tour "$@" \
      </dev/null >"$tmp/out" 2>"$tmp/err"
   rc=$?
   pid=$(cat "$tmp/pid")
}

# What of the tour of process $1 is still there: one word a kind.
leftovers() {
   found=""
   ls /dev/shm 2>/dev/null | grep -q "mapscope-tour-$1\b" && found="$found shm"
   [ -e "$tmp/mapscope-tour-$1" ] && found="$found dir"
   key=$(printf '0x4d54%04x' $(($1 & 0xffff)))
   ipcs -m 2>/dev/null | grep -qi "^$key " && found="$found sysv"
   echo "${found# }"
}

# Step N's text (from its heading to the line before the next one).
step_text() {
   awk -v n="$1" '/^Step [0-9]+ of 10: / { on = ($2 == n) } on' "$tmp/out" | mask
}

compare() {
   if [ "${MAPSCOPE_REGEN:-}" = 1 ]; then
      step_text "$1" >"$golden/tour-$1.txt"
   fi
   step_text "$1" >"$tmp/got"
   ok "step $1: $2" diff -u "$golden/tour-$1.txt" "$tmp/got"
}

# ---- every step, in order (no script) ----
run_tour
is "the whole tour: exit 0" "$rc" 0
# (another tour on this machine may have been killed: the note of its sweep is no error)
is "the whole tour: nothing on stderr" "$(grep -v 'killed' "$tmp/err")" ""
like "the banner names the objects" "$(head -1 "$tmp/out")" "/mapscope-tour-$pid*"
is "ten steps" "$(grep -c '^Step [0-9]* of 10: ' "$tmp/out")" 10
compare 1 "an aligned view, the offset's two words"
compare 2 "the real EINVAL, then aligned down with its delta"
compare 3 "a zero-length object: SIGBUS caught, then refused"
compare 4 "a second process sees the first's writes by name"
compare 5 "O_EXCL: EEXIST"
compare 6 "copy-on-write in the page map and smaps, then the flush"
compare 7 "a semaphore and a shm object of one name"
if grep -q 'unshare(CLONE_NEWIPC|CLONE_NEWNS) = 0 ' "$tmp/out"; then
   compare 8 "an object in new name spaces is invisible from the old ones"
else
   skip "step 8: new name spaces" "unshare is not allowed here (see the unprivileged case)"
fi
compare 9 "a header at the head of shared memory, decoded"
compare 10 "unmap and close, and the leak"
is "the end: nothing left behind" "$(leftovers "$pid")" ""

# ---- a reader that goes away: the tour ends quietly (as --dump does: by
# SIGPIPE, 141 in the shell), once it has removed what it made ----
# to_closed_pipe ARGS...: mapscope --tour ARGS writing into a pipe whose
# reader has gone (it closes its end, then lets the writer start).
to_closed_pipe() {
   rm -f "$tmp/go"
   mkfifo "$tmp/go"
   { read -r _ <"$tmp/go"
     sh -c 'echo $$ >"$0/pid"; exec "$@"' "$tmp" "$MAPSCOPE" --tour "$@" </dev/null 2>"$tmp/err"
     echo $? >"$tmp/rc"; } | sh -c 'exec 0<&-; echo >"$0/go"' "$tmp"
   rc=$(cat "$tmp/rc")
   pid=$(cat "$tmp/pid")
}
to_closed_pipe
is "a closed pipe: ended as SIGPIPE ends --dump (141)" "$rc" 141
is "a closed pipe: nothing said" "$(grep -v 'killed' "$tmp/err")" ""
is "a closed pipe: nothing left behind" "$(leftovers "$pid")" ""
printf 'step 6\nstep 2\n' >"$tmp/s62"
to_closed_pipe --script "$tmp/s62"
is "a closed pipe, with a script: 141" "$rc" 141
is "a closed pipe, with a script: nothing said" "$(grep -v 'killed' "$tmp/err")" ""
is "a closed pipe, with a script: nothing left behind" "$(leftovers "$pid")" ""
# The tester's case: the reader goes mid-way (head); whenever it goes, the
# tour says nothing of it.
sh -c 'echo $$ >"$0/pid"; exec "$@" 2>"$0/err"' "$tmp" "$MAPSCOPE" --tour </dev/null | head -5 >/dev/null
pid=$(cat "$tmp/pid")
is "| head -5: nothing said" "$(grep -v 'killed' "$tmp/err")" ""
is "| head -5: nothing left behind" "$(leftovers "$pid")" ""

# ---- the real results are not made up ----
like "step 2's EINVAL is the kernel's" "$(step_text 2)" "0x11234) = MAP_FAILED, errno EINVAL"
like "step 6 copied exactly one page" "$(step_text 6)" "Private_Clean 4 kB, Private_Dirty 4 kB"

# ---- a script: the steps its lines come to, in its order, and no other ----
steps() { sed -n 's/^Step \([0-9]*\) of 10: .*/\1/p' "$tmp/out" | tr '\n' ' '; }
printf '# a comment\n\nstep 4\nnext\nprev\n  step   9  \nprev\n10\nnext\nstep 1\n' >"$tmp/walk"
run_tour --script "$tmp/walk"
is "script: exit 0" "$rc" 0
is "script: the steps it goes to" "$(steps)" "4 5 4 9 8 10 "
is "script: next after the last step ends the tour" "$(leftovers "$pid")" ""
printf 'prev\nquit\nstep 3\n' >"$tmp/quit"
run_tour --script "$tmp/quit"
is "script: prev at the first step stays, quit ends: no step printed" "$(steps)" ""
is "script: ... the banner alone" "$(grep -c . "$tmp/out")" 1
printf 'step 6\nquit\n' >"$tmp/six"
run_tour --script "$tmp/six"
is "script: step 6 alone prints step 6 alone" "$(steps)" "6 "
# (its descriptor's number is another: no step before it holds one)
fdmask() { sed -e 's/O_RDONLY) = [0-9]* /O_RDONLY) = FD /' -e 's/MAP_PRIVATE, [0-9]*, /MAP_PRIVATE, FD, /'; }
step_text 6 | fdmask >"$tmp/got"
ok "step 6 alone: the same calls and results as in the whole tour" \
   sh -c 'fdmask() { sed -e "s/O_RDONLY) = [0-9]* /O_RDONLY) = FD /" -e "s/MAP_PRIVATE, [0-9]*, /MAP_PRIVATE, FD, /"; }
          fdmask <"$0" | diff -u - "$1"' "$golden/tour-6.txt" "$tmp/got"
printf 'next\nnext\n' >"$tmp/next"
run_tour --script "$tmp/next"
is "script: the tour starts at step 1 (unprinted): next is step 2" "$(steps)" "2 3 "
printf 'step 5\n' | sh -c 'echo $$ >"$0/pid"; exec "$@"' "$tmp" "$MAPSCOPE" --tour --script /dev/stdin \
   >"$tmp/out" 2>"$tmp/err"
is "script on a pipe: the steps it goes to" "$(steps)" "5 "

printf 'step 7\nstep 7\nstep 4\nstep 4\n' >"$tmp/again"
run_tour --script "$tmp/again"
is "a step run again makes its calls again (7)" "$(grep -c 'sem_open(' "$tmp/out")" 2
is "a step run again makes its calls again (4)" "$(grep -c 'O_RDWR|O_CREAT|O_EXCL, 0600), ftruncate' "$tmp/out")" 2
is "... and leaves nothing behind" "$(leftovers "$pid")" ""

printf 'step 3\n' >"$tmp/env"
MAPSCOPE_SCRIPT=$tmp/env
export MAPSCOPE_SCRIPT
run_tour
unset MAPSCOPE_SCRIPT
is "MAPSCOPE_SCRIPT drives it as --script does" "$(steps)" "3 "

printf '@sync %s/no/such/dir\033[31m\n' "$tmp" >"$tmp/sync"
run_tour --script "$tmp/sync"
is "@sync to a path that cannot be made: still exit 0" "$rc" 0
like "@sync to a path that cannot be made: said, escaped" "$(cat "$tmp/err")" \
   "$tmp/no/such/dir\\e[31m: cannot create it (No such file or directory)"

# ---- @sync never writes over a file, nor through a symlink ----
printf 'keep me\n' >"$tmp/victim"
ln -s victim "$tmp/link"
ln -s made-by-sync "$tmp/dangling"
printf '@sync %s\n@sync %s\n@sync %s\n' "$tmp/victim" "$tmp/link" "$tmp/dangling" >"$tmp/sync"
run_tour --script "$tmp/sync"
is "@sync on existing names: exit 0" "$rc" 0
is "@sync on an existing file: not written" "$(cat "$tmp/victim")" "keep me"
like "@sync on an existing file: said" "$(cat "$tmp/err")" "$tmp/victim: cannot create it (File exists)"
like "@sync on a symlink: said" "$(cat "$tmp/err")" "$tmp/link: cannot create it (File exists)"
is "@sync on a dangling symlink: its target not made" "$(ls "$tmp" | grep -c made-by-sync)" 0
rm -f "$tmp/victim" "$tmp/link" "$tmp/dangling"

# ---- lines that are not what they seem: no part of them is carried out ----
printf 'quit\000@sync %s\n' "$tmp/after-nul" >"$tmp/nul"
run_tour --script "$tmp/nul"
is "a NUL byte in a line: exit 2" "$rc" 2
like "a NUL byte in a line: said" "$(cat "$tmp/err")" "nul: line 1: 'quit': the line holds a NUL byte"
{ printf '#'; head -c 9000 /dev/zero | tr '\0' x; printf '@sync %s\n' "$tmp/hidden"; } >"$tmp/long"
run_tour --script "$tmp/long"
is "an overlong comment: exit 2" "$rc" 2
like "an overlong comment: said" "$(cat "$tmp/err")" "xxx...': the line is too long"
is "an overlong comment: its message is short" "$(head -1 "$tmp/err" | wc -c | awk '$1 < 300 { print "short" }')" short
is "an overlong comment: the @sync in its tail is not carried out" "$(ls "$tmp" | grep -c hidden)" 0
{ head -c 3000 /dev/zero | tr '\0' '#'; printf '\nstep 3\n'; } >"$tmp/long2"
run_tour --script "$tmp/long2"
is "a line of 3000 bytes is too long, not cut to 2047" "$rc" 2
printf 'junk\377\001\033[2J\n' >"$tmp/junk"
run_tour --script "$tmp/junk"
is "binary junk: exit 2" "$rc" 2
like "binary junk: escaped" "$(cat "$tmp/err")" "junk\\xff\\x01\\e[2J': unknown command"

# ---- bad scripts: a usage error, nothing made ----
# A bad line anywhere: nothing printed, nothing made; from a regular file,
# and from a pipe (the whole script is read and checked first).
bad_script() {
   printf "$1" >"$tmp/bad"
   run_tour --script "$tmp/bad"
   is "bad script ($2): exit 2" "$rc" 2
   like "bad script ($2): says why" "$(cat "$tmp/err")" "$3"
   is "bad script ($2): nothing printed, nothing made" "$(cat "$tmp/out")$(leftovers "$pid")" ""
   printf "step 2\n$1" | sh -c 'echo $$ >"$0/pid"; exec "$@"' "$tmp" "$MAPSCOPE" --tour \
      --script /dev/stdin >"$tmp/out" 2>"$tmp/err"
   rc=$?
   pid=$(cat "$tmp/pid")
   is "bad script ($2) on a pipe, after a good line: exit 2" "$rc" 2
   like "bad script ($2) on a pipe: says why" "$(cat "$tmp/err")" "${3#*line [0-9]*: }"
   is "bad script ($2) on a pipe: nothing printed, nothing made" \
      "$(cat "$tmp/out")$(leftovers "$pid")" ""
}
bad_script 'next\nfoo\n' "unknown word" "bad: line 2: 'foo': unknown command (a line says next, prev, step N (1 to 10), quit or @sync PATH)"
bad_script 'step 11\n' "step past 10" "line 1: 'step 11': step needs a number from 1 to 10"
bad_script 'step 0\n' "step 0" "step needs a number from 1 to 10"
bad_script 'step -1\n' "step -1" "step needs a number from 1 to 10"
bad_script 'step 99999999999999999999\n' "a step past any integer" "step needs a number from 1 to 10"
bad_script 'step 18446744073709551617\n' "a step that wraps to 1" "step needs a number from 1 to 10"
bad_script 'step\n' "step without N" "step needs a number"
bad_script 'next 2\n' "next with more" "this command takes nothing after it"
bad_script '@sync\n' "@sync without PATH" "@sync needs a PATH"
bad_script ':goto 5\n' "a screen command" "unknown command"
bad_script 'bogus\n' "the tester's bogus" "'bogus': unknown command"
yes next | head -n 65537 >"$tmp/many"
run_tour --script "$tmp/many"
is "a script of 65537 commands: exit 2" "$rc" 2
like "a script of 65537 commands: says so" "$(cat "$tmp/err")" \
   "many: line 65537: 'next': a script holds at most 65536 commands"
is "a script of 65537 commands: nothing printed, nothing made" "$(cat "$tmp/out")$(leftovers "$pid")" ""
{ yes '# only a comment' | head -n 70000; echo 'step 2'; } >"$tmp/comments"
run_tour --script "$tmp/comments"
is "comments do not count as commands" "$(steps)" "2 "
run_tour --script "$tmp/missing"
is "missing script: exit 1" "$rc" 1
like "missing script: says so" "$(cat "$tmp/err")" "missing: cannot open (No such file or directory)"
is "missing script: nothing made" "$(cat "$tmp/out")$(leftovers "$pid")" ""
run_tour --script "$tmp"
is "a directory as script: exit 1" "$rc" 1

# ---- a tour that cannot make its objects ----
TMPDIR=$tmp/missing        # (set and put back: a prefix on a function call may stick)
run_tour
TMPDIR=$tmp
is "no temporary directory: exit 1" "$rc" 1
is "no temporary directory: says so" "$(cat "$tmp/err")" \
   "mapscope: the tour's directory: cannot make the tour's objects (No such file or directory)"
is "no temporary directory: nothing printed, nothing made" "$(cat "$tmp/out")$(leftovers "$pid")" ""

# ---- a temporary directory without holes (ramfs says none), or full ----
if [ "$(id -u)" -eq 0 ] && mkdir "$tmp/ramfs" && mount -t ramfs ramfs "$tmp/ramfs" 2>/dev/null; then
   TMPDIR=$tmp/ramfs
   run_tour
   TMPDIR=$tmp
   is "no holes: exit 0" "$rc" 0
   like "no holes: a 128 KiB data file" "$(step_text 1)" '(size 131072)'
   like "no holes: says why the offset past 4 GiB is not mapped" "$(step_text 1)" \
      "keeps no holes (SEEK_HOLE finds none)"
   like "no holes: the offset's words all the same" "$(step_text 1)" \
      "offset 0x100010000: high word 0x00000001, low word 0x00010000"
   is "no holes: nothing mapped past 4 GiB" "$(step_text 1 | grep -c 'MAP_SHARED, [0-9]*, 0x100010000)')" 0
   like "no holes: step 2 as ever" "$(step_text 2)" 'there: "here is offset 0x11234"\n'
   is "no holes: nothing left behind" "$(leftovers "$pid")$(ls "$tmp/ramfs")" ""
   umount "$tmp/ramfs"
   mount -t tmpfs -o size=4k tmpfs "$tmp/ramfs"
   TMPDIR=$tmp/ramfs
   run_tour
   TMPDIR=$tmp
   is "a full temporary directory: exit 1" "$rc" 1
   is "a full temporary directory: says so" "$(cat "$tmp/err")" \
      "mapscope: the tour's data file: cannot make the tour's objects (No space left on device)"
   is "a full temporary directory: nothing left behind" "$(leftovers "$pid")$(ls "$tmp/ramfs")" ""
   umount "$tmp/ramfs"
else
   skip "a temporary directory without holes" "not root, or ramfs cannot be mounted"
fi

# ---- a full /dev/shm: every step says ENOSPC, none dies of SIGBUS ----
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
   printf 'step 4\nstep 5\nstep 7\nstep 9\n' >"$tmp/shmfull"
   unshare -m sh -c 'mount --make-rprivate / && mount -t tmpfs -o size=4k tmpfs /dev/shm &&
      head -c 4096 /dev/zero >/dev/shm/fill 2>/dev/null; "$0" --tour --script "$1" \
      >"$2/out" 2>"$2/err"; echo $? >"$2/rc"; ls /dev/shm >"$2/left"' \
      "$MAPSCOPE" "$tmp/shmfull" "$tmp"
   is "a full /dev/shm: exit 0" "$(cat "$tmp/rc")" 0
   like "a full /dev/shm: step 4 says ENOSPC" "$(step_text 4)" \
      "posix_fallocate(0, 4096), mmap(MAP_SHARED) = ENOSPC (No space left on device)"
   like "a full /dev/shm: step 7 says ENOSPC" "$(step_text 7)" "= ENOSPC (No space left on device)"
   is "a full /dev/shm: nothing left in it" "$(cat "$tmp/left")" fill
   # No /dev/shm at all (a /dev without it): each step says ENOENT.
   unshare -m sh -c 'mount --make-rprivate / && mount -t tmpfs tmpfs /dev &&
      "$0" --tour --script "$1" >"$2/out" 2>"$2/err"; echo $? >"$2/rc"' \
      "$MAPSCOPE" "$tmp/shmfull" "$tmp"
   is "no /dev/shm: exit 0" "$(cat "$tmp/rc")" 0
   like "no /dev/shm: step 4 says ENOENT" "$(step_text 4)" "mmap(MAP_SHARED) = ENOENT"
   like "no /dev/shm: step 9 says ENOENT" "$(step_text 9)" "ENOENT (No such file or directory)"
else
   skip "a full /dev/shm" "not root, or no mount name spaces"
   skip "no /dev/shm" "not root, or no mount name spaces"
fi

# ---- a temporary directory whose name leaves no room for the tour's ----
long=$tmp
while [ ${#long} -lt 460 ]; do long=$long/dddddddddddddddddddddddddddddddddddddddd; done
while [ ${#long} -lt 500 ]; do long=${long}x; done
mkdir -p "$long"
TMPDIR=$long
run_tour
TMPDIR=$tmp
is "a TMPDIR too long for the tour's names: exit 1" "$rc" 1
is "a TMPDIR too long for the tour's names: says so" "$(cat "$tmp/err")" \
   "mapscope: the tour's directory: cannot make the tour's objects (File name too long)"
is "a TMPDIR too long: no cut name made in it" "$(ls "$long")" ""
rm -rf "$tmp/dddddddddddddddddddddddddddddddddddddddd"

# ---- options that mean nothing to the tour ----
for opt in "-g 64K" "-s 10" "-o 5" "-c quit" "-w" "--json" "SOURCE.bin" "--patch 0:00"; do
   # shellcheck disable=SC2086
   run_ms --tour $opt
   is "--tour $opt: exit 2" "$rc" 2
   like "--tour $opt: says so" "$err" "--tour takes no"
done

# ---- signals while the script is read (a FIFO): nothing is made yet ----
wait_case() {
   rm -f "$tmp/fifo"
   mkfifo "$tmp/fifo"
   sh -c 'echo $$ >"$0/pid"; exec "$@"' "$tmp" "$MAPSCOPE" --tour --script "$tmp/fifo" \
      </dev/null >"$tmp/out" 2>"$tmp/err" &
   bg=$!
   exec 4>"$tmp/fifo"              # opened: the tour reads its script now
   printf 'step 4\n' >&4
   pid=$(cat "$tmp/pid")
   kill "-$1" "$pid"
   wait "$bg"
   is "$1 while the script is read: exit $2" "$?" "$2"
   exec 4>&-
   is "$1 while the script is read: nothing printed, nothing made" \
      "$(cat "$tmp/out")$(leftovers "$pid")" ""
}
wait_case TERM 143
wait_case INT 130
wait_case HUP 129

# tour_held STEP...: a tour in the background that has run those steps
# (synced), then is held writing into a FIFO ($tmp/held) that nobody reads
# (fd 5 keeps it open); its pid in $pid, the job's in $bg.  release lets
# it write on.
tour_held() {
   rm -f "$tmp/held" "$tmp/sync"
   mkfifo "$tmp/held"
   exec 5<>"$tmp/held"
   { printf 'step %s\n' "$@"; printf '@sync %s\n' "$tmp/sync"; yes 'step 1' | head -n 1000; } \
      >"$tmp/heldscript"
   sh -c 'echo $$ >"$0/pid"; exec "$@"' "$tmp" "$MAPSCOPE" --tour --script "$tmp/heldscript" \
      </dev/null >"$tmp/held" 2>"$tmp/err" &
   bg=$!
   w=0
   while [ ! -e "$tmp/sync" ] && [ $w -lt 400 ]; do w=$((w + 1)); sleep 0.05; done
   pid=$(cat "$tmp/pid")
}
release() {
   exec 6<"$tmp/held"           # fd 5 is a writer too: this open does not wait
   exec 5<&-
   cat <&6 >/dev/null &         # to the end: once the tour is gone
   drain=$!
   exec 6<&-
}

# ---- signals while the tour runs: everything removed ----
signal_case() {
   tour_held 4 7 9
   is "$1: the objects exist while the tour runs" "$(leftovers "$pid")" "shm dir"
   kill "-$1" "$pid"
   release
   wait "$bg"
   is "$1: exit $2" "$?" "$2"
   wait "$drain"
   is "$1: nothing left behind" "$(leftovers "$pid")" ""
}
signal_case TERM 143
signal_case INT 130
signal_case HUP 129

# ---- SIGKILL: nothing can be removed then; the next tour sweeps it ----
tour_held 4 6 7 9
killed=$pid
is "step 7's claim: the list marks its semaphore and shm object of one name" \
   "$("$MAPSCOPE" --list --kind sem,shm | grep -c "^[a-z]* *\/mapscope-tour-$killed\.clash .*name-collision")" 2
kill -KILL "$killed"
wait "$bg"
release
wait "$drain"
is "KILL: its objects are left" "$(leftovers "$killed")" "shm dir"
sh -c 'exit 0' & gone=$!; wait $gone          # a pid whose process is gone
mkdir "$tmp/mapscope-tour-$gone" "$tmp/elsewhere"
printf 'keep\n' >"$tmp/mapscope-tour-$gone/data.bin"
chown 65534 "$tmp/mapscope-tour-$gone"
printf 'keep\n' >"$tmp/elsewhere/data.bin"
sh -c 'exit 0' & gone2=$!; wait $gone2
ln -s elsewhere "$tmp/mapscope-tour-$gone2"
printf 'step 3\n' >"$tmp/s3"
run_tour --script "$tmp/s3"
is "after a KILL: the next tour runs" "$rc" 0
is "after a KILL: the next tour removed what it left" "$(leftovers "$killed")" ""
# A tour that another test starts meanwhile may sweep the killed tour's shm
# objects first (/dev/shm is the machine's); its directory, in this test's
# own TMPDIR, is for this tour alone to remove: one object at least.
case $(cat "$tmp/err") in
*"left by tours that were killed"* | *"left by a tour that was killed"*)
   ok "after a KILL: and says so" true ;;
*) like "after a KILL: and says so" "$(cat "$tmp/err")" "objects left by tours that were killed" ;;
esac
like "after a KILL: what it may not remove, said" "$(cat "$tmp/err")" \
   "objects of killed tours are left (another user's, or not what a tour makes)"
is "another user's directory is kept" "$(cat "$tmp/mapscope-tour-$gone/data.bin")" keep
is "a symlink is not followed" "$(cat "$tmp/elsewhere/data.bin")" keep
rm -rf "$tmp/mapscope-tour-$gone" "$tmp/mapscope-tour-$gone2" "$tmp/elsewhere"

# ---- step 8 where name spaces may not be made ----
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
   mkdir "$tmp/nobody" && chmod 1777 "$tmp/nobody"
   printf 'step 8\n' >"$tmp/nobody/s"
   chmod 644 "$tmp/nobody/s"
   TMPDIR=$tmp/nobody
   run_ms_unprivileged --tour --script "$tmp/nobody/s"
   TMPDIR=$tmp
   is "unprivileged: exit 0" "$rc" 0
   like "unprivileged: the real EPERM" "$out" "unshare(CLONE_NEWIPC|CLONE_NEWNS) = EPERM"
   if setpriv --reuid=65534 --regid=65534 --clear-groups unshare -U -i -m true 2>/dev/null; then
      like "unprivileged: then a user name space of its own" "$out" \
         "unshare(CLONE_NEWUSER|CLONE_NEWIPC|CLONE_NEWNS), uid_map, gid_map = 0 (success)"
      like "unprivileged: the object made there is not seen outside" "$out" \
         "O_RDONLY) = ENOENT (No such file or directory)"
      like "unprivileged: nor the segment" "$out" "shmget(0x4d54"
      unlike_said=$(printf '%s\n' "$out" | grep -c "does not let this user")
      is "unprivileged: no claim that this user may not" "$unlike_said" 0
   else
      like "unprivileged: said plainly" "$out" "does not let this user make name spaces"
   fi
   is "unprivileged: nothing left behind" "$(ls "$tmp/nobody" | grep -c mapscope-tour)" 0
   # Where user name spaces are refused too (none may be made in this one):
   # the real errors, and the step says so.
   if unshare -U -r true 2>/dev/null; then
      out=$(unshare -U -r sh -c 'echo 0 >/proc/sys/user/max_user_namespaces &&
               exec setpriv --bounding-set=-all --inh-caps=-all "$0" --tour --script "$1"' \
               "$MAPSCOPE" "$tmp/nobody/s" 2>&1)
      like "no user name spaces either: the real error" "$out" \
         "unshare(CLONE_NEWUSER|CLONE_NEWIPC|CLONE_NEWNS), uid_map, gid_map = ENOSPC"
      like "no user name spaces either: said plainly" "$out" "does not let this user make name spaces"
   else
      skip "no user name spaces either" "unshare -U is refused here"
   fi
else
   skip "unprivileged step 8" "not root, or no setpriv"
fi

done_testing
