#!/bin/sh
# The sem:NAME and sysv: sources, and --info.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/objects-lib.sh"

need_shm
p="mss$$"
holder_start "$p" "$(printf '0x7e%06x' $(( $$ & 0xffffff )))"
hp=$(holder_get pid)
sid=$(holder_get sysv_shm_id)

run_ms --dump "sem:$p-sem"
is "--dump sem:NAME exits 0" "$rc" 0
if [ -n "$HEXDUMP" ]; then
   is "--dump sem:NAME is the 32-byte file sem.NAME, as hexdump -C shows it" \
      "$out" "$("$HEXDUMP" -C "/dev/shm/sem.$p-sem")"
else
   skip "--dump sem:NAME equals hexdump -C" "hexdump is not installed"
fi
like "the semaphore's value 3 is its first byte" "$out" "00000000  03 00 00 00"
run_ms --dump -n 4 "sem:/$p-sem"
like "sem:/NAME is the same object" "$out" "00000000  03 00 00 00"
run_ms --dump sem:no-such-semaphore-here
is "sem: a missing semaphore exits 1" "$rc" 1
like "sem: and says which object it looked for" "$err" "sem.no-such-semaphore-here"
run_ms --dump sem:a/b
is "sem: a name with '/' is bad usage" "$rc" 2
run_ms --dump sysv:abc
is "sysv: a malformed id is bad usage" "$rc" 2
like "sysv: with the expected syntax" "$err" "sysv:ID or sysv:key=0xKEY"
run_ms --dump sysv:2147483000
is "sysv: a missing id exits 1" "$rc" 1
run_ms --dump sysv:key=0x00000001
is "sysv: a missing key exits 1" "$rc" 1
like "sysv: and names the key" "$err" "0x00000001"

run_ms --info "shm:/$p-shm"
is "--info shm: exits 0" "$rc" 0
like "--info: the kind" "$out" "POSIX shared memory"
like "--info: the size" "$out" "8192"
like "--info: the holder, by descriptor" "$out" "$hp objholder        fd $(holder_get shm_fd)"
like "--info: the holder, by mapping" "$out" " rw-s +0x0"
run_ms --info --json "sem:$p-clash"
printf '%s\n' "$out" >"$tmp/info.json"
is "--info --json: a semaphore with its flag" \
   "$(jq_py "$tmp/info.json" "(j['object']['kind'], j['object']['flags'], j['size'])")" \
   "('sem', ['sem-shm'], 32)"
run_ms --info --json "sysv:$sid"
printf '%s\n' "$out" >"$tmp/info2.json"
is "--info --json sysv:ID: the segment and its holder" \
   "$(jq_py "$tmp/info2.json" "(j['object']['kind'], j['object']['id'], pids(j['object']))")" \
   "('sysv-shm', $sid, [$hp])"
run_ms --info --json "/proc/$hp/fd/$(holder_get memfd_fd)"
printf '%s\n' "$out" >"$tmp/info3.json"
is "--info --json /proc/PID/fd/N of a memfd: the memfd, its descriptor and mapping" \
   "$(jq_py "$tmp/info3.json" "(j['object']['kind'], j['object']['name'], len(j['object']['attachers']))")" \
   "('memfd', '$p-memfd', 2)"
printf 'data' >"$tmp/plain"
run_ms --info "$tmp/plain"
# Held by none seen: 0 only where every process could be inspected.
if grep -q "could not be inspected" "$tmp/.out"; then
   like "--info of a plain file: held by none seen, some processes hidden: unknown" "$out" \
      "held by:     ? processes (0 descriptors, 0 mappings seen; processes that could not be inspected may hold it)"
else
   like "--info of a plain file: held by nobody" "$out" "held by:     0 processes"
fi
printf abc | "$MAPSCOPE" --info >"$tmp/.out" 2>&1
is "--info without SOURCE: standard input, as --dump" "$?" 0
printf abc | "$MAPSCOPE" --info --json >"$tmp/.out" 2>/dev/null
like "--info --json without SOURCE: standard input" "$(cat "$tmp/.out")" '{"source":"-","kind":"stream"'
run_ms --info -s 1
is "--info with -s: bad usage" "$rc" 2

done_testing
