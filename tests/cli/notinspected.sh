#!/bin/sh
# The processes --info and --list could not inspect are counted with
# their pids, one line for each reason (not one for each process), and
# named one by one, with command and why, in JSON: as an unprivileged
# user, a helper process of root's that maps a file; kernel threads are
# never among them (they hold no descriptors or mappings).
. "$top_srcdir/tests/lib.sh"

helper="$top_builddir/tests/helpers/procmemhelper"
[ -x "$helper" ] || skip_all "tests/helpers/procmemhelper is not built"
[ "$(id -u)" -eq 0 ] || skip_all "needs root, to be another user than the helper's"
command -v setpriv >/dev/null 2>&1 || skip_all "needs setpriv"
command -v python3 >/dev/null 2>&1 || skip_all "needs python3"

printf 'a file of root mapped by root\n' >"$tmp/mapped.dat"
truncate -s 8192 "$tmp/mapped.dat"
chmod 644 "$tmp/mapped.dat"
"$helper" -f "$tmp/mapped.dat" >"$tmp/h.out" 2>"$tmp/h.err" &
hpid=$!
on_exit "kill $hpid 2>/dev/null; wait $hpid 2>/dev/null"
await_line "$tmp/h.out" '^pid=' "$hpid" "$tmp/h.err" "procmemhelper did not start"

# json_check FILE EXPR: EXPR over j (the document) and mine (the helper's entry)
json_check() {
   python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
n = j["processes"]["not_inspected"]
mine = [d for d in n if d["pid"] == int(sys.argv[2])]
print(eval(sys.argv[3]))' "$1" "$hpid" "$2"
}

want=" belongs to user root (uid 0), you are uid 65534"

# ---- --info ----
run_ms --info "$tmp/mapped.dat"
like "as root: the helper maps the file" "$out" "$hpid procmemhelper"
case "$out" in *"process $hpid$want"*) r=named ;; *) r=not ;; esac
is "as root: the helper is inspected, not named as refused" "$r" not
run_ms_unprivileged --info "$tmp/mapped.dat"
is "as nobody: --info succeeds" "$rc" 0
like "as nobody: the count says their attachers are missing" "$out" \
   "could not be inspected, their attachers are not shown:"
like "as nobody: root's processes are counted, with why" "$out" "$want"
reason=$(printf '%s\n' "$out" | grep "^    [0-9]* process.*belongs to user root (uid 0)")
is "as nobody: one line for root's processes, not one for each" \
   "$(printf '%s\n' "$reason" | grep -c .)" 1
printf '%s\n' "$reason" >"$tmp/reason.txt"
ok "... with their count and pids" grep -q \
   '^    [0-9]* processes* ([a-z ]*[0-9][0-9, .]*): process [0-9]* belongs to user root' \
   "$tmp/reason.txt"
case "$reason" in *" $hpid,"*|*" $hpid)"*|*"..."*) r=yes ;; *) r=no ;; esac
is "... the helper's pid among them (or cut by the ellipsis)" "$r" yes
like "... and the capability that would allow it" "$out" \
   "access to another user's process needs CAP_SYS_PTRACE"
ok "as nobody: kernel threads are not among them" sh -c "! grep -q ' kthreadd: ' '$tmp/.out'"
n=$(printf '%s\n' "$out" | sed -n 's/^Note: \([0-9]*\) process.*could not be inspected.*/\1/p')
sum=$(printf '%s\n' "$out" | sed -n '/could not be inspected/,$p' |
      sed -n 's/^    \([0-9]*\) process.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
is "as nobody: the lines' counts add up to the total" "$sum" "$n"

run_ms_unprivileged --info --json "$tmp/mapped.dat"
is "as nobody: --info --json succeeds" "$rc" 0
printf '%s\n' "$out" >"$tmp/info.json"
is "--json: the helper is in not_inspected" "$(json_check "$tmp/info.json" 'len(mine)')" 1
is "--json: with its command" "$(json_check "$tmp/info.json" 'mine[0]["command"]')" procmemhelper
is "--json: refused, not exited" "$(json_check "$tmp/info.json" 'mine[0]["reason"]')" refused
is "--json: and why" "$(json_check "$tmp/info.json" '"CAP_SYS_PTRACE" in mine[0]["why"]')" True
is "--json: the count is the list's length" \
   "$(json_check "$tmp/info.json" 'j["processes"]["denied"] == len(n)')" True
is "--json: no kernel thread (pid 2, kthreadd) in it" \
   "$(json_check "$tmp/info.json" 'any(d["pid"] == 2 for d in n)')" False

# ---- --list ----
run_ms_unprivileged --list
is "as nobody: --list succeeds" "$rc" 0
like "as nobody: --list counts root's processes too" "$out" "$want"
is "... on one line" "$(printf '%s\n' "$out" | grep -c "^    [0-9]* process.*belongs to user root (uid 0)")" 1
run_ms_unprivileged --list --json
printf '%s\n' "$out" >"$tmp/list.json"
is "--list --json: the helper is in not_inspected" \
   "$(json_check "$tmp/list.json" 'mine[0]["command"] + " " + mine[0]["reason"]')" \
   "procmemhelper refused"

done_testing
