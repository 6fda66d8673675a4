#!/bin/sh
# What the name of the object shown leads to now, whatever it comes to
# lead to: the periodic check says it, r never says "reloaded" over an
# object no longer behind the name, R opens what is there or says why not.
# System V segments by key and by id; an object opened from the list; a
# file replaced by one the user may not open; renamed away and back.
. "$top_srcdir/tests/tui/tui.sh"

# ---- renamed away and back: the claim goes, r works ----
printf 'renamed!\n' >"$tmp/ren"
tui_start 80 24 ren
mv "$tmp/ren" "$tmp/ren2"
ok "renamed away: the object still exists, the name leads nowhere" \
   tui_wait_text "the name leads nowhere now, but the object still exists" 15
mv "$tmp/ren2" "$tmp/ren"
ok "... back: the claim is cleared" tui_wait_text "the name leads to the object shown again" 15
tui_send "r"
expect_status "r reloads" "reloaded: 9 bytes"
# the parent directory renamed
mkdir "$tmp/d1"
printf 'inside\n' >"$tmp/d1/x"
tui_stop
tui_start 80 24 d1/x
mv "$tmp/d1" "$tmp/d2"
ok "the directory renamed: not \"removed\"" \
   tui_wait_text "the name leads nowhere now, but the object still exists" 15
tui_send "r"
expect_status "r refuses" "not reloaded: the name leads nowhere now"
tui_stop
is "quit exits 0" "$tui_rc" 0

# ---- a directory, a FIFO, a link to a device under the name ----
printf 'd2\n' >"$tmp/dd"
tui_start 80 24 dd
rm "$tmp/dd"
mkdir "$tmp/dd"
ok "a directory made under the name: the check says so" \
   tui_wait_text "the name now leads to a directory (replaced)" 15
tui_send "r"
expect_status "r does not say reloaded" "not reloaded: the name now leads to a directory"
rmdir "$tmp/dd"
mkfifo "$tmp/dd"
ok "a FIFO: the check says so" tui_wait_text "the name now leads to a FIFO (replaced)" 15
rm "$tmp/dd"
ln -s /dev/zero "$tmp/dd"
ok "a link to /dev/zero: what it leads to" \
   tui_wait_text "the name now leads to a character device (replaced)" 15
tui_send "r"
expect_status "r refuses" "not reloaded: the name now leads to a character device"
tui_stop
is "quit exits 0" "$tui_rc" 0

# ---- replaced by a file the user may not open ----
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
   cat >"$tmp/as-nobody" <<EOS
#!/bin/sh
exec setpriv --reuid=65534 --regid=65534 --clear-groups -- '$MAPSCOPE' "\$@"
EOS
   chmod 755 "$tmp/as-nobody"
   printf 'readable\n' >"$tmp/a"
   printf 'private\n' >"$tmp/b"
   chmod 644 "$tmp/a"
   chmod 600 "$tmp/b"
   real_ms=$MAPSCOPE
   MAPSCOPE="$tmp/as-nobody"
   chmod 1777 "$tmp"
   tui_start 80 24 a
   mv "$tmp/b" "$tmp/a"
   ok "replaced by a file the user may not open: said" \
      tui_wait_text "another object, one you may not open" 15
   tui_send "r"
   expect_status "r refuses" "not reloaded: the name now leads to another object, one you"
   tui_stop
   is "quit exits 0" "$tui_rc" 0
   MAPSCOPE=$real_ms
else
   skip "replaced by a file the user may not open: said" "not root, or no setpriv"
   skip "r refuses" "not root, or no setpriv"
   skip "quit exits 0" "not root, or no setpriv"
fi

# ---- System V segments ----
sysv() {   # sysv make KEY SIZE | sysv rm ID: prints the id made
   python3 -c '
import ctypes, sys
libc = ctypes.CDLL(None, use_errno=True)
if sys.argv[1] == "make":
    r = libc.shmget(ctypes.c_int(int(sys.argv[2], 0)), ctypes.c_size_t(int(sys.argv[3])), 0o1644)
    if r < 0: sys.exit("shmget: %d" % ctypes.get_errno())
    print(r)
' "$@"
}
if [ -r /proc/sysvipc/shm ] && command -v python3 >/dev/null 2>&1 && command -v ipcrm >/dev/null 2>&1; then
   key=$(printf '0x5e%06x' $(($$ % 16777216)))
   id1=$(sysv make "$key" 4096)
   on_exit "ipcrm -M '$key' 2>/dev/null; ipcrm -m '$id1' 2>/dev/null"
   tui_start 80 24 "sysv:key=$key"
   ipcrm -M "$key"
   ok "sysv:key: removed while attached: marked for removal" \
      tui_wait_text "the segment is marked for removal" 15
   id2=$(sysv make "$key" 8192)
   ok "... and a new one made with that key: replaced" \
      tui_wait_text "the name now leads to another object (replaced)" 15
   tui_send "r"
   expect_status "r does not say reloaded over the dead segment" \
      "not reloaded: the name now leads to another object"
   tui_send "R"
   # the status line then says the new segment was attached; :messages
   # keeps what R said before it
   expect_status "R opens the new one, attaching it" "attached by mapscope"
   tui_send ":messages"
   ok "... R said it reopened a new object" \
      tui_wait_text "reopened: a new object of 8192 bytes" 15
   tui_send "q"
   tui_stop
   is "quit exits 0" "$tui_rc" 0
   ipcrm -m "$id2"

   id3=$(sysv make "$key" 4096)
   tui_start 80 24 "sysv:$id3"
   ipcrm -m "$id3"
   ok "sysv:ID removed while attached: marked for removal" \
      tui_wait_text "the segment is marked for removal" 15
   tui_send "r"
   expect_status "r says so, not reloaded" "not reloaded: the segment is marked for removal"
   tui_stop
   is "quit exits 0" "$tui_rc" 0
   ok "the segment went with the last detach" sh -c "! grep -q ' $id3 ' /proc/sysvipc/shm"
else
   skip_n=9
   while [ $skip_n -gt 0 ]; do
      skip "System V segments" "no /proc/sysvipc, python3 or ipcrm"
      skip_n=$((skip_n - 1))
   done
fi

# ---- an object opened from the object list ----
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
   n="mapscope-namecheck-$$"
   printf 'first\n' >"/dev/shm/$n"
   on_exit "rm -f '/dev/shm/$n'"
   tui_start 80 24 -c "filter $n"
   expect_status "the list shows it" "object 1/1"
   tui_send "<Enter>"
   rm -f "/dev/shm/$n"
   ok "removed: said" tui_wait_text "the object was removed" 15
   printf 'SECOND ONE\n' >"/dev/shm/$n"
   ok "made again: the claim changes to replaced" \
      tui_wait_text "the name now leads to another object (replaced)" 15
   tui_send "R"
   expect_status "R reopens it by its name" "reopened: a new object of 11 bytes"
   like "... its bytes" "$(tui_capture | grep '^00000000 ')" "SECOND ONE"
   tui_send "q"
   tui_stop
   is "quit exits 0" "$tui_rc" 0
fi
done_testing
