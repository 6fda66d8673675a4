#!/bin/sh
# The object behind the name changes: a file replaced the way editors do it
# (mv new f) is noticed on r and by the periodic check, r never says
# "reloaded" over the old bytes, R and :reopen open the new one; edits
# pending keep the old one; a shm object removed and made again alike.
# When R cannot reopen, it names the object and says why (removed, a
# directory or a FIFO under the name now, empty, no longer readable).
. "$top_srcdir/tests/tui/tui.sh"

printf 'old bytes, first version\n' >"$tmp/f"
head -c 4000 /dev/zero >>"$tmp/f"
tui_start 80 24 f
like "the old bytes" "$(tui_capture | grep '^00000000 ')" "old bytes"
{ printf 'NEW BYTES, second one\n'; head -c 8000 /dev/zero; } >"$tmp/new"
mv "$tmp/new" "$tmp/f"
tui_send "r"
expect_status "r does not say reloaded: the name leads elsewhere" \
   "not reloaded: the name now leads to another"
like "... and the screen still shows the old bytes, as it says" \
   "$(tui_capture | grep '^00000000 ')" "old bytes"
tui_send "R"
expect_status "R reopens: the new object" "reopened: a new object of 8022 bytes"
like "... and its bytes" "$(tui_capture | grep '^00000000 ')" "NEW BYTES"

# the periodic check notices without a key
{ printf 'third\n'; head -c 100 /dev/zero; } >"$tmp/new"
mv "$tmp/new" "$tmp/f"
ok "the periodic check says the name leads elsewhere" \
   tui_wait_text "the name now leads to another object (replaced)" 15
tui_send ":reopen"
expect_status ":reopen alike" "reopened: a new object of 106 bytes"

# edits pending belong to the object they were made in
tui_send "i41<Esc>"
printf 'fourth\n' >"$tmp/new"
mv "$tmp/new" "$tmp/f"
tui_send "r" "R"
expect_status "R with edits pending is refused" "not reopened: edits are pending"
tui_send ":discard" ":e"
expect_status ":e reopens once the edits are gone" "reopened: a new object of 7 bytes"
rm -f "$tmp/f"
tui_send "r"
expect_status "a removed file: r says so" "not reloaded: the object was removed"
tui_send "R"
expect_status "... and R names the file and says why it cannot reopen" \
   "f: not reopened: it no longer exists (No such file or directory)"
mkdir "$tmp/f"
tui_send "R"
expect_status "a directory made under the name: R says so, and why" \
   "f: not reopened: the name now leads to a directory (Is a directory)"
rmdir "$tmp/f"
mkfifo "$tmp/f"
tui_send "R"
expect_status "a FIFO made under the name: R says it cannot be mapped, and why" \
   "f: not reopened: cannot be mapped (it is a FIFO or pipe)"
case "$(tui_capture | sed -n '$p')" in
   *--*) ok "... with no command-line flag in the screen's words" false ;;
   *) ok "... with no command-line flag in the screen's words" true ;;
esac
rm -f "$tmp/f"
: >"$tmp/f"
tui_send "R"
expect_status "an empty file under the name: R says why" \
   "f: not reopened: cannot map a zero-length object (the object is empty"
tui_stop
is "quit exits 0" "$tui_rc" 0

# a file the user may no longer read
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
   cat >"$tmp/as-nobody" <<EOS
#!/bin/sh
exec setpriv --reuid=65534 --regid=65534 --clear-groups -- '$MAPSCOPE' "\$@"
EOS
   chmod 755 "$tmp/as-nobody"
   printf 'readable for now\n' >"$tmp/p"
   chmod 644 "$tmp/p"
   real_ms=$MAPSCOPE
   MAPSCOPE="$tmp/as-nobody"
   chmod 1777 "$tmp"                 # the unprivileged run's sync files
   tui_start 80 24 p
   chmod 000 "$tmp/p"
   tui_send "R"
   expect_status "a file no longer readable: R names it and says why" \
      "p: not reopened: cannot open (Permission denied)"
   tui_stop
   is "quit exits 0" "$tui_rc" 0
   MAPSCOPE=$real_ms
else
   skip "a file no longer readable: R names it and says why" "not root, or no setpriv"
   skip "quit exits 0" "not root, or no setpriv"
fi

# a shm object removed and made again
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
   shm_name="mapscope-reopen-$$"
   printf 'first shm\n' >"/dev/shm/$shm_name"
   on_exit "rm -f '/dev/shm/$shm_name'"
   tui_start 80 24 "shm:$shm_name"
   rm -f "/dev/shm/$shm_name"
   ok "a removed shm object is noticed" tui_wait_text "the object was removed" 15
   printf 'SECOND SHM OBJECT\n' >"/dev/shm/$shm_name"
   ok "... and one made again under its name" \
      tui_wait_text "the name now leads to another object" 15
   tui_send "R"
   expect_status "R opens the new one" "reopened: a new object of 18 bytes"
   like "... its bytes" "$(tui_capture | grep '^00000000 ')" "SECOND SHM"
   tui_stop
   is "quit exits 0" "$tui_rc" 0
fi
# :e! where the name leads to nothing that can be opened: not reopened,
# and the edits stay (nothing dropped for nothing).
printf 'edit me\n' >"$tmp/g"
tui_start 80 24 g
tui_send "i41<Esc>"
rm -f "$tmp/g"
mkfifo "$tmp/g"
tui_send ":e!"
expect_status ":e! on a FIFO under the name: not reopened" \
   "g: not reopened: cannot be mapped (it is a FIFO or pipe)"
tui_send ":discard"
expect_status "... and the edits stayed" "discarded the edits of 1 byte"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
