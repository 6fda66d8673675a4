#!/bin/sh
# pid: sources that are no process, or no place in one: pid:self (refused
# by name), 0, -1, a pid past the kernel's range, a pid that overflows,
# --list with an address or a bad pid (usage, saying why), an address at
# the very top of the address space, END < START, [vsyscall], a range over
# several regions and the gaps between them, and a thread's id.
. "$top_srcdir/tests/lib.sh"

helper="$top_builddir/tests/helpers/procmemhelper"
[ -x "$helper" ] || skip_all "tests/helpers/procmemhelper is not built"
"$helper" >"$tmp/h.out" 2>"$tmp/h.err" &
hpid=$!
on_exit "kill $hpid 2>/dev/null"
await_line "$tmp/h.out" '^pid=' "$hpid" "$tmp/h.err" "the helper did not start"
fact() { tr ' ' '\n' <"$tmp/h.out" | sed -n "s/^$1=//p"; }
known=$(fact known)
guard=$(fact guard)

for s in pid:self pid:self:1000; do
   run_ms --dump "$s"
   is "$s: usage (2)" "$rc" 2
   like "... refused by name" "$err" "$s: invalid source (pid:self would be mapscope itself"
done
run_ms --list pid:self
is "--list pid:self: usage (2)" "$rc" 2
like "... saying why, not that --list takes no SOURCE" "$err" "pid:self would be mapscope itself"
run_ms --list pid:0
like "--list pid:0: the source's own message" "$err" "pid:0: invalid source (give pid:PID"
run_ms --list pid:"$hpid":"$known"
is "--list pid:PID:ADDR: usage (2)" "$rc" 2
like "... a region list takes no address" "$err" "give pid:PID, without an address"
for s in pid:0 pid:-1 pid:2147483648 pid:99999999999 pid:+5 pid: "pid:$hpid:" "pid:$hpid:0x" \
         "pid:$hpid:ffffffffffffffff0"; do
   run_ms --dump "$s"
   is "$s: usage (2)" "$rc" 2
done
run_ms --dump pid:2147483647:1000
is "a pid no process can have: failed (1)" "$rc" 1
like "... no such process" "$err" "no process has the id 2147483647"
run_ms --dump pid:"$hpid":10-5
like "END before START: said" "$err" "the range ends before it starts"
run_ms --dump pid:"$hpid":1000-1000
is "an empty range: a usage error" "$rc" 2
like "... said to be empty" "$err" "the range is empty (END is the first address after it)"
run_ms --dump pid:"$hpid":ffffffffffffffff
is "the last address there is: failed (1)" "$rc" 1
like "... not mapped" "$err" "0xffffffffffffffff is not mapped in process $hpid"
run_ms --dump pid:"$hpid":ffffffffffff0000-ffffffffffffffff
is "a range at the top of the address space: failed (1)" "$rc" 1
if grep -q '\[vsyscall\]' "/proc/$hpid/maps"; then
   run_ms --dump -n 16 pid:"$hpid":ffffffffff600000
   like "[vsyscall]: the kernel's, said" "$err" "[vsyscall]"
else
   skip "[vsyscall]" "this kernel maps none"
fi

vvar=$(awk '$6 == "[vvar]" { split($1, a, "-"); print a[1]; exit }' "/proc/$hpid/maps")
if [ -n "$vvar" ]; then
   run_ms --dump -n 16 pid:"$hpid":"$vvar"
   is "[vvar]: failed (1)" "$rc" 1
   like "... the kernel's clock data, said" "$err" "[vvar], the kernel's clock data"
   run_ms --find --count --hex 00 pid:"$hpid":"$vvar"
   is "--find pid:PID:ADDR in [vvar]: cannot be read, an error (2, as grep)" "$rc" 2
   like "--find pid:PID:ADDR in [vvar]: says why" "$err" "[vvar], the kernel's clock data"
else
   skip "[vvar]" "this kernel maps none"
fi

# a range from the page before the guard page over it and past it
run_ms --dump -v pid:"$hpid":"$(printf '%x-%x' "$((guard - 4096))" "$((guard + 2 * 4096))")"
is "a range over a guard page: the dump ends there (1)" "$rc" 1
like "... after the readable page" "$out" "$(printf '%08x' "$((guard - 16))")"
like "... with the cause" "$err" "guard page"
run_ms --find --count --hex 47 pid:"$hpid":"$(printf '%x-%x' "$((guard - 4096))" "$((guard + 2 * 4096))")"
is "--find over it reads both sides (the guard page skipped)" "$out" 8192

# a thread's id reads the same memory as its process
tid=$(ls "/proc/$hpid/task" | grep -v "^$hpid\$" | head -1)
[ -n "$tid" ] || tid=$hpid
run_ms --xxd -p -l 4 pid:"$tid":"$known"
is "pid:TID reads the process's bytes" "$out" 4d535052
# another pid namespace: with the old /proc its ids name other processes
if [ "$(id -u)" -eq 0 ] && unshare -p -f true 2>/dev/null; then
   unshare -p -f sh -c "\"\$0\" --xxd -p -l 4 pid:$hpid:$known" "$MAPSCOPE" >"$tmp/ns.out" 2>"$tmp/ns.err"
   is "a pid namespace without its own /proc: refused (1)" "$?" 1
   like "... saying why and what helps" "$(cat "$tmp/ns.err")" "another pid namespace than mapscope's"
   unshare -p -f sh -c "\"\$0\" --list pid:$hpid" "$MAPSCOPE" >"$tmp/ns.out" 2>"$tmp/ns.err"
   like "... --list too" "$(cat "$tmp/ns.err")" "another pid namespace than mapscope's"
   unshare -p -f --mount-proc sh -c "\"\$1\" >\"\$2\" & i=0
      until grep -q pid= \"\$2\" || [ \$i -gt 100 ]; do sleep 0.1; i=\$((i + 1)); done
      k=\$(tr ' ' '\\n' <\"\$2\" | sed -n 's/^known=//p')
      \"\$0\" --xxd -p -l 4 pid:\$!:\$k; kill \$!" "$MAPSCOPE" "$helper" "$tmp/nsh.out" >"$tmp/ns.out" 2>"$tmp/ns.err"
   is "with its own /proc, a process in it is read by its inner id" "$(cat "$tmp/ns.out")" 4d535052
else
   skip "pid namespaces" "needs root and unshare"
fi
done_testing
