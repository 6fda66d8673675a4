#!/bin/sh
# The screen's list says what it knows: a segment another user's process
# holds (nattch 1, the process hidden) is held by "?", never 0, and says
# why; a semaphore set has no size in bytes, its count is nsems.
. "$top_srcdir/tests/tui/objects-lib.sh"
[ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 \
   || skip_all "needs root and setpriv to look as another user"
objtui_holder
sid=$(holder_get sysv_shm_id)
semid=$(holder_get sysv_sem_id)
# mapscope as nobody: root's processes cannot be inspected.
cat >"$tmp/as-nobody" <<EOS
#!/bin/sh
exec setpriv --reuid=65534 --regid=65534 --clear-groups -- '$MAPSCOPE' "\$@"
EOS
chmod +x "$tmp/as-nobody"
chmod 1777 "$tmp"      # nobody writes the key script's sync files here
MAPSCOPE=$tmp/as-nobody

tui_start 120 24 -c "filter id=$sid" -c "kind sysv-shm"
expect_status "one segment listed" "object 1/1"
row=$(tui_settled | grep "id=$sid")
ok "its PROCS column: ?, not 0" sh -c 'printf "%s\n" "$1" | grep -Eq "0600 +\? +-"' sh "$row"
ok "the pane says the holders are unknown, and why" \
   tui_wait_text "held by ? processes (the kernel counts 1 attachment, 0 seen" 10
tui_send ":filter id=$semid" ":kind sysv-sem"
ok "a semaphore set: SIZE -, nsems=3 in the pane" tui_wait_text "sysv-sem, -, held by 0 processes, nsems=3" 10
tui_stop
is "quit exits 0" "$tui_rc" 0

done_testing
