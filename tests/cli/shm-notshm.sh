#!/bin/sh
# shm:NAME and sem:NAME that name something in /dev/shm other than a
# regular file (a FIFO, directory, socket, character device, symbolic
# link) are never opened as shared memory: --info describes them from
# lstat, every mode that reads refuses with the reason (exit 1; --find,
# like grep, 2).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/objects-lib.sh"

need_shm
[ "$(id -u)" -eq 0 ] || skip_all "needs root to make a device node in /dev/shm"
p="msnot$$"
on_exit "rm -rf /dev/shm/$p.fifo /dev/shm/$p.dir /dev/shm/$p.sock /dev/shm/$p.chr /dev/shm/$p.link /dev/shm/sem.$p.semfifo"
mkfifo "/dev/shm/$p.fifo"
mkdir "/dev/shm/$p.dir"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "/dev/shm/$p.sock"
mknod "/dev/shm/$p.chr" c 1 3            # /dev/null: opening it would be harmless, but not shm
printf 'target\n' >"$tmp/target"
ln -s "$tmp/target" "/dev/shm/$p.link"
mkfifo "/dev/shm/sem.$p.semfifo"

check() {   # check SPEC TEXT-KIND JSON-KIND WORD
   run_ms --info "$1"
   is "--info $1: exits 0" "$rc" 0
   like "--info $1: described from lstat as $2" "$out" "kind:        $2"
   like "--info $1: says why it was not opened" "$out" \
      "not opened: it is not a shared-memory object, although it is in the shared-memory directory"
   run_ms --info --json "$1"
   like "--info --json $1: kind $3, not opened" "$out" "\"kind\":\"$3\",\"size\":null,\"opened\":false"
   for mode in --dump --xxd; do
      run_ms $mode "$1"
      is "$mode $1: exits 1" "$rc" 1
      like "$mode $1: the reason" "$err" \
         "is $4 in the shared-memory directory, not a shared-memory object; it was not opened"
      is "$mode $1: prints nothing" "$out" ""
   done
   run_ms --find x "$1"
   is "--find $1: exits 2 (an error, as grep)" "$rc" 2
   like "--find $1: the reason" "$err" "not a shared-memory object"
   run_ms --patch 0:00 --flush "$1"
   is "--patch $1: exits 1" "$rc" 1
   like "--patch $1: the reason" "$err" "not a shared-memory object"
   # The screen opens its source before the terminal starts: refused there.
   run_ms "$1" </dev/null
   is "the screen, $1: exits 1" "$rc" 1
   like "the screen, $1: the reason" "$err" "not a shared-memory object"
}
check "shm:$p.fifo" "FIFO" fifo "a FIFO"
check "shm:/$p.dir" "directory" directory "a directory"
check "shm:$p.sock" "socket" socket "a socket"
check "shm:$p.chr" "character device" char "a character device"
check "shm:$p.link" "symbolic link" symlink "a symbolic link"
check "sem:$p.semfifo" "FIFO" fifo "a FIFO"

# Nothing was opened: a writer on the FIFO would see a reader come and go.
# A FIFO opened O_RDONLY|O_NONBLOCK once is seen by a later O_WRONLY|
# O_NONBLOCK open only while it is open; nothing may have consumed data.
exec 7<>"/dev/shm/$p.fifo"
printf 'kept' >&7
run_ms --dump "shm:$p.fifo"
is "--dump of a FIFO holding data: refused" "$rc" 1
is "... and its data is still there" "$(dd bs=4 count=1 <&7 2>/dev/null)" kept
exec 7>&-

done_testing
