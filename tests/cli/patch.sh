#!/bin/sh
# --patch and --flush: exactly the edited bytes reach the object.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

f=$tmp/data
random_file "$f" 12288
cp "$f" "$tmp/orig"

# the expected file, built with printf and dd
cp "$f" "$tmp/want"
printf '\336\255\276\357' >"$tmp/p1"; splice "$tmp/want" 0 "$tmp/p1"
printf '\001\002' >"$tmp/p2"; splice "$tmp/want" 4095 "$tmp/p2"
printf '\377' >"$tmp/p3"; splice "$tmp/want" 12287 "$tmp/p3"
printf 'AB' >"$tmp/p4"; splice "$tmp/want" 16 "$tmp/p4"

set -- --patch 0:deadbeef --patch '4095:01 02' --patch '-1:ff' --patch 0x10:4142

run_ms "$@" "$f"
is "dry run: exit 0" "$rc" 0
ok "dry run: the object is untouched" same "$f" "$tmp/orig"
like "dry run: says it did not flush" "$out" "not flushed"
like "dry run: counts the bytes and pages" "$out" "bytes 9, pages 3"
like "dry run: the page map shows the copies" "$out" "pages copied on write 3"

run_ms "$@" --flush "$f"
is "flush: exit 0" "$rc" 0
is "flush: nothing on stderr" "$err" ""
like "flush: reports bytes and pages" "$out" "flushed: bytes 9, pages 3"
ok "flush: the file is exactly the expected file" same "$f" "$tmp/want"
is "flush: no journal is left" "$(journals)" 0

# overlapping patches: the later one wins
cp "$tmp/orig" "$f"
run_ms --patch 100:aaaaaaaa --patch 102:bb --flush "$f"
is "overlapping patches: later wins" "$(bytes_at "$f" 100 4)" "aaaabbaa"
is "overlapping patches: 4 bytes written" "$(echo "$out" | grep -c 'bytes 4, pages 1')" 1

# offsets: percent and hex
cp "$tmp/orig" "$f"
run_ms --patch 50%:11 --patch 0x2000:22 --flush "$f"
is "50% of 12288 is 6144" "$(bytes_at "$f" 6144 1)" "11"
is "0x2000" "$(bytes_at "$f" 8192 1)" "22"

# only the edited bytes are written: one pwrite of one byte
if command -v strace >/dev/null 2>&1; then
   cp "$tmp/orig" "$f"
   strace -f -e trace=pwrite64,write,msync -o "$tmp/trace" "$MAPSCOPE" --patch 5000:77 --flush "$f" >/dev/null 2>&1
   writes=$(grep -c 'pwrite64(.*, 1, 5000)' "$tmp/trace")
   is "strace: one pwrite of 1 byte at 5000" "$writes" 1
   is "strace: no msync" "$(grep -c msync "$tmp/trace")" 0
else
   skip "strace: one pwrite of 1 byte" "strace is not installed"
   skip "strace: no msync" "strace is not installed"
fi

# a --patch without --flush writes nothing and opens nothing for writing:
# not the file, not a shm object (an open for writing is seen by inotify
# and udev even when no byte is written)
if command -v strace >/dev/null 2>&1; then
   cp "$tmp/orig" "$f"
   dry=mapscope-patch-dry-$$
   printf 'dry run object' >"/dev/shm/$dry"
   on_exit "rm -f /dev/shm/$dry"
   for src in "$f" "shm:$dry"; do
      # LeakSanitizer cannot run under ptrace: no leak check in this run
      ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
         strace -f -e trace=open,openat,openat2 -o "$tmp/trace" "$MAPSCOPE" --patch 1:41 "$src" >/dev/null 2>&1
      is "strace: --patch without --flush on $src: exit 0" "$?" 0
      is "strace: --patch without --flush on $src: no open for writing" \
         "$(grep -c 'O_RDWR\|O_WRONLY' "$tmp/trace")" 0
   done
   ok "the dry run left the file alone" same "$f" "$tmp/orig"
   is "the dry run left the shm object alone" "$(cat "/dev/shm/$dry")" "dry run object"
else
   skip "strace: --patch without --flush opens nothing for writing" "strace is not installed"
fi

# a running program's file (ETXTBSY to writers) can still be staged; the
# flush refuses with its cause, exit 1, and the file is untouched
cp "$(command -v sleep)" "$tmp/prog"
cp "$tmp/prog" "$tmp/prog.orig"
"$tmp/prog" 30 &
prog_pid=$!
on_exit "kill $prog_pid 2>/dev/null"
sleep 0.2
run_ms --patch 0:00 "$tmp/prog"
is "a running program's file: a dry run, exit 0" "$rc" 0
run_ms -w --patch 0:00 --flush "$tmp/prog"
is "a running program's file: the flush fails, exit 1" "$rc" 1
like "a running program's file: the flush says why" "$err" "Text file busy"
kill "$prog_pid" 2>/dev/null
wait "$prog_pid" 2>/dev/null
ok "a running program's file: untouched" same "$tmp/prog" "$tmp/prog.orig"

# shared memory: the same path writes into the shared object
name=mapscope-patch-$$
printf 'shared memory object' >"/dev/shm/$name"
on_exit "rm -f /dev/shm/$name"
run_ms --patch 0:53484152 --flush "shm:$name"
is "shm: exit 0" "$rc" 0
is "shm: the object holds the edit" "$(cat "/dev/shm/$name")" "SHAR\
ed memory object"

# bad input
cp "$tmp/orig" "$f"
for bad in 0:zz 0:abc 10 0: x:00 '0:de:ad'; do
   run_ms --patch "$bad" "$f"
   is "bad patch '$bad': exit 2" "$rc" 2
done
run_ms --patch 0:abc "$f"
like "odd digits: says why" "$err" "two hex digits"
run_ms --flush "$f"
is "--flush without --patch: exit 2" "$rc" 2
run_ms --patch 0:00 --dump "$f"
is "--patch with --dump: exit 2" "$rc" 2
run_ms --patch 12287:0000 --flush "$f"
is "past the end: exit 1" "$rc" 1
like "past the end: says so" "$err" "past the end"
run_ms --patch 0:00 --flush "$tmp/missing"
is "a missing file: exit 1" "$rc" 1
ok "bad input never touched the file" same "$f" "$tmp/orig"

done_testing
