#!/bin/sh
# A descriptor swapped under the object list.  A process lists a memfd,
# then dup2()s a descriptor of a root-only file onto the same number (it
# needs no right to read that file: O_PATH).  Root opening the listed
# object through /proc/PID/fd/N, through the list or the holders view,
# must be refused before a byte is read, and a flush of edits made before
# the swap must not write into the swapped-in file.
. "$top_srcdir/tests/tui/tui.sh"
[ "$(id -u)" -eq 0 ] || skip_all "the attack is on root: run as root"
command -v setpriv >/dev/null 2>&1 || skip_all "setpriv is not installed"
helper="$top_builddir/tests/helpers/fdswap"
[ -x "$helper" ] || skip_all "tests/helpers/fdswap is not built"
tui_env="XDG_STATE_HOME='$tmp/state'"

objname="mswap$$"
secret="$tmp/secret"
printf 'TOPSECRET root only\n' >"$secret"
chmod 600 "$secret"
cp "$secret" "$tmp/secret.orig"

mkfifo "$tmp/swap.in"
setpriv --reuid=65534 --regid=65534 --clear-groups -- "$helper" "$objname-fd" "$secret" \
   <"$tmp/swap.in" >"$tmp/swap.out" 2>"$tmp/swap.err" &
swap_pid=$!
exec 7>"$tmp/swap.in"
on_exit "exec 7>&-; kill $swap_pid 2>/dev/null; wait $swap_pid 2>/dev/null"
await_line "$tmp/swap.out" '^ready$' "$swap_pid" "$tmp/swap.err" "fdswap did not get ready"

# A shm object, to be removed and made again under the same name.
shm="/dev/shm/$objname-shm"
printf 'the listed shm object\n' >"$shm"
on_exit "rm -f '$shm'"

# The list is scanned once and kept (live off): the window of the attack.
tui_start 200 24 -w -c "live off" -c "filter $objname-fd"
expect_status "the memfd is listed" "object 1/1"
tui_send "<Enter>"
expect_line 1 "before the swap: the memfd opens through its holder" "/proc/$swap_pid/fd/"
expect_line 1 "... with its 8192 bytes" "(8192 bytes)"
tui_send "i58<Esc>"

echo swap >&7
await_line "$tmp/swap.out" '^swapped$' "$swap_pid" "$tmp/swap.err" "fdswap did not swap"
ok "the holder's descriptor now leads to the secret" \
   test "$(readlink "/proc/$swap_pid/fd/$(sed -n 's/^fd=//p' "$tmp/swap.out")")" = "$secret"

tui_send ":flush"
expect_status "a flush after the swap is refused" "refused: the name leads to another object"
ok "... and the swapped-in file is untouched" cmp -s "$secret" "$tmp/secret.orig"
tui_send ":flush!"
expect_status "a forced flush is refused too" "refused: the name leads to another object"
ok "... and the swapped-in file is still untouched" cmp -s "$secret" "$tmp/secret.orig"
tui_send "u" "q"
expect_status "back in the list" "object 1/1"

tui_send "<Enter>"
expect_status "Enter after the swap: refused" "refused: the name leads to another object"
like "... saying what was listed and what is there now" "$(tui_capture | tail -n 1)" "listed: a file"
ok "... and nothing of the secret is shown" test -z "$(tui_capture | grep TOPSECRET)"
expect_status "... the list stays" "refused"

tui_send "a" "<Enter>"
expect_status "the holders view: refused too" "refused: the name leads to another object"
tui_send "q"

rm -f "$shm"
printf 'ANOTHER object\n' >"$shm"
tui_send ":filter $objname-shm" "<Enter>"
expect_status "shm:NAME made again since the scan: refused" "refused: the name leads to another object"
ok "... nothing of the new object shown" test -z "$(tui_capture | grep ANOTHER)"
tui_stop
is "quit exits 0" "$tui_rc" 0
ok "nothing of the secret reached the terminal" sh -c "! grep -q TOPSECRET '$tmp/stderr'"
ok "the secret is unchanged" cmp -s "$secret" "$tmp/secret.orig"
done_testing
