#!/bin/sh
# A journal is replayed only onto the file it was written for.  A flush is
# killed, its file deleted, and a new file gets the same inode number (at
# once on ext4): the dead file's journal, named DEV:INODE, must not be
# replayed into the new file, even when every byte it covers holds its old
# or new value (the new file is a copy of the edited one).  It is moved
# aside, with a message that names it and says why.  Journals of the first
# format (MSJRNL01), which did not say which file they belong to, are set
# aside too.  A real crash of the same file still rolls back.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

sd=$XDG_STATE_HOME/mapscope

# unlike "name" "$got" "text": GOT does not contain TEXT
unlike() {
   case "$2" in
   *"$3"*) ok "$1" sh -c 'printf "%s\n" "got: $1" "want no: $2"; exit 1' - "$2" "$3" ;;
   *) ok "$1" true ;;
   esac
}

# ---- a journal of the first format: never replayed ----
f=$tmp/data
head -c 65536 /dev/zero | tr '\0' A >"$f"
run_ms --patch 0:42 --flush "$f"          # makes the journal directory
cp "$f" "$tmp/before"
j=$sd/$(stat -c '%d:%i' "$f").journal
{ printf 'MSJRNL01'; head -c 64 /dev/zero; } >"$j"
chmod 600 "$j"
run_ms --dump -n 16 "$f"
is "an old-format journal: a dump works" "$rc" 0
like "an old-format journal: a dump names the format" "$err" "older mapscope (format MSJRNL01)"
unlike "an old-format journal: not called half-written" "$err" "half-written"
ok "an old-format journal: a dump leaves it where it is" test -f "$j"
run_ms --recover "$f"
is "an old-format journal: --recover fails (nothing rolled back)" "$rc" 1
like "an old-format journal: --recover says it was not replayed" "$err" "it was not replayed, and was moved aside to $j.aside.1"
ok "an old-format journal: the file is untouched" same "$f" "$tmp/before"
ok "an old-format journal: kept aside, never deleted" test -f "$j.aside.1"
is "an old-format journal: nothing at the journal's name" "$(journals)" 0

# ---- a real inode reused, on an ext4 image of the test's own ----
if ! command -v mkfs.ext4 >/dev/null 2>&1; then
   skip "a reused inode on ext4" "no mkfs.ext4"
   done_testing
fi
mnt=$tmp/mnt
mkdir "$mnt"
truncate -s 32M "$tmp/ext4.img"
mkfs.ext4 -q -F "$tmp/ext4.img" >"$tmp/mkfs.err" 2>&1
if ! mount -o loop "$tmp/ext4.img" "$mnt" 2>"$tmp/mount.err"; then
   skip "a reused inode on ext4" "cannot mount a loop device: $(cat "$tmp/mount.err")"
   done_testing
fi
on_exit "umount '$mnt' 2>/dev/null || umount -l '$mnt'"

head -c 1M /dev/zero | tr '\0' A >"$mnt/old"
set --
i=0
while [ "$i" -lt 16 ]; do
   set -- "$@" --patch "$((i * 65536)):42424242"
   i=$((i + 1))
done
cp "$mnt/old" "$mnt/new"
run_ms "$@" --flush "$mnt/new"
is "the edited copy is flushed" "$rc" 0

# crash_reuse NAME: a flush of a copy of old killed half-way, the copy
# deleted, and copies of new made until one has its inode: $fresh.
fresh=
crash_reuse() {
   cp "$mnt/old" "$mnt/victim"
   ino=$(stat -c %i "$mnt/victim")
   MAPSCOPE_TEST_CRASH_AT=mid-write "$MAPSCOPE" "$@" --flush "$mnt/victim" >/dev/null 2>&1
   j=$sd/$(stat -c '%d:%i' "$mnt/victim").journal
   rm "$mnt/victim"
   fresh=
   n=0
   while [ "$n" -lt 50 ]; do
      cp "$mnt/new" "$mnt/fresh$n"
      if [ "$(stat -c %i "$mnt/fresh$n")" = "$ino" ]; then
         fresh=$mnt/fresh$n
         return 0
      fi
      n=$((n + 1))
   done
   return 1
}

if ! crash_reuse "$@"; then
   skip "a reused inode on ext4" "ext4 did not give the inode number again"
   done_testing
fi
ok "the killed flush left its journal" test -f "$j"
run_ms --dump -n 16 "$fresh"
is "reused inode: a dump works" "$rc" 0
unlike "reused inode: the new file is not called half-written" "$err" "half-written"
like "reused inode: a dump names the journal" "$err" "ignoring the journal $j: it was not written for this object"
like "reused inode: ... and says why" "$err" "a different file now has that device and inode"
ok "reused inode: a dump moves nothing" test -f "$j"
run_ms --recover "$fresh"
is "reused inode: --recover fails (nothing rolled back)" "$rc" 1
unlike "reused inode: --recover rolls nothing back" "$err$out" "rolled back"
like "reused inode: --recover says why" "$err" "the journal $j was not written for this object (a different file now has that device and inode"
like "reused inode: --recover says where it went" "$err" "moved aside to $j.aside.1"
ok "reused inode: the new file is untouched" same "$fresh" "$mnt/new"
ok "reused inode: the journal is kept aside" test -f "$j.aside.1"
rm -f "$mnt"/fresh*

# the same through a flush of the new file
crash_reuse "$@" || skip "a reused inode on ext4, again" "the inode number was not given again"
if [ -n "$fresh" ]; then
   run_ms --patch 100:ff --flush "$fresh"
   is "reused inode: --patch --flush works" "$rc" 0
   unlike "reused inode: the flush rolls nothing back" "$err" "rolled back"
   like "reused inode: the flush says it set the journal aside" "$err" "the journal $j was not written for this object"
   cp "$mnt/new" "$tmp/want"
   printf '\377' | splice "$tmp/want" 100 /dev/stdin
   ok "reused inode: the new file holds its bytes and the one edit" same "$fresh" "$tmp/want"
   is "reused inode: no journal at the name" "$(journals)" 0
   rm -f "$mnt"/fresh*
fi

# a journal of another file arriving between the roll-back and the flush's
# own journal: the flush moves it aside, says so, and goes on
crash_reuse "$@" || skip "a reused inode on ext4, a third time" "the inode number was not given again"
if [ -n "$fresh" ]; then
   mv "$j" "$j.held"
   MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" --patch 100:ff --flush "$fresh" \
      >"$tmp/bg.out" 2>"$tmp/bg.err" &
   pid=$!
   on_exit "kill -9 $pid 2>/dev/null"
   ok "the flush stops after its edits" wait_stopped "$pid"
   mv "$j.held" "$j"
   kill -CONT "$pid"
   wait "$pid"
   is "another file's journal met by the flush: exit 0" "$?" 0
   like "another file's journal met by the flush: said" "$(cat "$tmp/bg.err")" "was not written for it (a different file now has that device and inode"
   ok "another file's journal met by the flush: the new file holds its bytes and the edit" same "$fresh" "$tmp/want"
   ls "$sd" >"$tmp/ls"
   like "another file's journal met by the flush: kept aside" "$(cat "$tmp/ls")" "aside"
   rm -f "$mnt"/fresh*
fi

# the file the journal was written for still rolls back after a crash
cp "$mnt/old" "$mnt/same"
MAPSCOPE_TEST_CRASH_AT=mid-write "$MAPSCOPE" "$@" --flush "$mnt/same" >/dev/null 2>&1
run_ms --recover "$mnt/same"
is "the same file: --recover works" "$rc" 0
like "the same file: rolled back" "$out" "rolled back an interrupted flush"
ok "the same file: all old again" same "$mnt/same" "$mnt/old"

done_testing
