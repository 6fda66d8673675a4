#!/bin/sh
# Every input the peers take: files whose size lies (procfs, sysfs),
# standard input, pipes, FIFOs and character devices; past the end; numbers
# as strtoul and util-linux read them; zeros inside holes; and options as
# their users type them.  hexdump -C, xxd and grep are the oracles.
. "$top_srcdir/tests/lib.sh"

[ -x "${HEXDUMP:-}" ] || skip_all "hexdump not found"
[ -x "${XXD:-}" ] || skip_all "xxd not found"

# -- files whose size lies: compared with a regular copy made by cat --------
for f in /proc/version /proc/self/maps /proc/cpuinfo \
         /sys/kernel/mm/transparent_hugepage/enabled /sys/kernel/uevent_seqnum; do
   [ -r "$f" ] || { skip "$f" "not readable here"; continue; }
   case $f in /proc/self/*) continue ;; esac
   cat "$f" >"$tmp/copy"
   "$MAPSCOPE" --dump "$f" >"$tmp/got"
   "$HEXDUMP" -C "$tmp/copy" >"$tmp/want"
   ok "$f: --dump reads it to its end (hexdump -C of a copy)" cmp "$tmp/want" "$tmp/got"
   "$MAPSCOPE" --xxd -s 1 "$f" >"$tmp/got"
   "$XXD" -s 1 "$f" >"$tmp/want"
   ok "$f: --xxd -s 1 equals xxd -s 1" cmp "$tmp/want" "$tmp/got"
done
cat /proc/version >"$tmp/version"
"$MAPSCOPE" --dump -s 1 /proc/version >"$tmp/got"
"$HEXDUMP" -C -s 1 "$tmp/version" >"$tmp/want"
ok "/proc/version: --dump -s 1" cmp "$tmp/want" "$tmp/got"
run_ms --find Linux /proc/version
is "/proc/version: --find finds Linux at 0" "$out" "0x00000000 0"
run_ms --info /proc/version
like "/proc/version: --info counts its size by reading" "$out" "$(wc -c <"$tmp/version") ("
run_ms --dump -s -4 /proc/version
is "/proc/version: -s -N needs a size: usage error" "$rc" 2
like "... and says why" "$err" "known only once it has been read"
# /proc/self/maps is that of the reader: its shape, not its bytes
run_ms --dump -n 50% /proc/version
is "/proc/version: -n N% needs a size: usage error" "$rc" 2
run_ms --xxd /proc/self/maps
like "/proc/self/maps: --xxd prints it" "$out" "00000000: "
run_ms --dump -s 100000 /proc/version
is "/proc/version: past its end, hexdump -C prints the size" "$out" \
   "$(printf '%08x' "$(wc -c <"$tmp/version")")"

# -- standard input, pipes, FIFOs, character devices ------------------------
head -c 3000 /dev/urandom >"$tmp/r"
"$HEXDUMP" -C "$tmp/r" >"$tmp/want"
"$MAPSCOPE" --dump - <"$tmp/r" >"$tmp/got"
ok "--dump - (a file on stdin)" cmp "$tmp/want" "$tmp/got"
cat "$tmp/r" | "$MAPSCOPE" --dump >"$tmp/got"
ok "a pipe, no SOURCE: --dump reads stdin" cmp "$tmp/want" "$tmp/got"
cat "$tmp/r" | "$MAPSCOPE" --dump /dev/stdin >"$tmp/got"
ok "/dev/stdin on a pipe" cmp "$tmp/want" "$tmp/got"
cat "$tmp/r" | "$XXD" -s 100 -l 1000 >"$tmp/want"
cat "$tmp/r" | "$MAPSCOPE" --xxd -s 100 -l 1000 >"$tmp/got"
ok "a pipe: --xxd -s skips by reading, offsets as xxd's" cmp "$tmp/want" "$tmp/got"
"$HEXDUMP" -C -s 0x10 -n 010 "$tmp/r" >"$tmp/want"
cat "$tmp/r" | "$MAPSCOPE" --dump -s 0x10 -n 010 - >"$tmp/got"
ok "a pipe: --dump -s 0x10 -n 010 (octal 8)" cmp "$tmp/want" "$tmp/got"
mkfifo "$tmp/fifo"
"$HEXDUMP" -C "$tmp/r" >"$tmp/want"
(sleep 0.3; cat "$tmp/r" >"$tmp/fifo") &
"$MAPSCOPE" --dump "$tmp/fifo" >"$tmp/got"
wait
ok "a named FIFO waits for its writer and is read" cmp "$tmp/want" "$tmp/got"
cat "$tmp/r" >"$tmp/fifo" &
"$MAPSCOPE" --dump "$tmp/fifo" >"$tmp/got"
wait
ok "a named FIFO whose writer came first" cmp "$tmp/want" "$tmp/got"
"$MAPSCOPE" --dump -n 64 /dev/urandom >"$tmp/got"
is "--dump -n 64 /dev/urandom: four lines and the end" "$(wc -l <"$tmp/got")" 5
"$HEXDUMP" -C -n 100 /dev/zero >"$tmp/want"
"$MAPSCOPE" --dump -n 100 /dev/zero >"$tmp/got"
ok "/dev/zero with -n equals hexdump -C" cmp "$tmp/want" "$tmp/got"
printf 'xabcabc' | "$MAPSCOPE" --find -s 1 abc >"$tmp/got"
printf '0x00000001 1\n0x00000004 4\n' >"$tmp/want"
ok "--find on a pipe, -s skips by reading" cmp "$tmp/want" "$tmp/got"
printf abc | "$MAPSCOPE" --dump -s 5 >"$tmp/got" 2>"$tmp/err"
is "a pipe that ends before -s: exit 1, as hexdump's" "$?" 1
like "... with a message" "$(cat "$tmp/err")" "ended before the offset 5"
run_ms /dev/stdin </dev/null
is "the screen refuses a character device" "$rc" 1
like "... saying what reads it" "$err" "--dump, --xxd and --find read it"
run_ms - </dev/null
like "the screen refuses - with a clear message" "$err" "standard input cannot be mapped"
run_ms --patch 0:00 /dev/null
like "--patch refuses a character device" "$err" "cannot be mapped"
run_ms --info - </dev/null
like "--info on a stream: the size is unknown" "$out" "unknown"

# -- past the end: as the peers ---------------------------------------------
printf abc >"$tmp/f3"
: >"$tmp/f0"
for args in "-s 100" "-s 3" "-s 4" "-s 2" "-n 0" "-s 3 -n 0" "-s 1 -n 0x10"; do
   # shellcheck disable=SC2086
   "$HEXDUMP" -C $args "$tmp/f3" >"$tmp/want"
   # shellcheck disable=SC2086
   "$MAPSCOPE" --dump $args "$tmp/f3" >"$tmp/got"
   ok "--dump $args on 3 bytes equals hexdump -C, exit 0" cmp "$tmp/want" "$tmp/got"
   xargs=$(echo "$args" | sed 's/-n/-l/')
   # shellcheck disable=SC2086
   "$XXD" $xargs "$tmp/f3" >"$tmp/want"
   # shellcheck disable=SC2086
   "$MAPSCOPE" --xxd $xargs "$tmp/f3" >"$tmp/got"
   ok "--xxd $args on 3 bytes equals xxd, exit 0" cmp "$tmp/want" "$tmp/got"
done
"$HEXDUMP" -C -s 5 "$tmp/f0" >"$tmp/want"
"$MAPSCOPE" --dump -s 5 "$tmp/f0" >"$tmp/got"
ok "--dump -s 5 of an empty file: as hexdump -C" cmp "$tmp/want" "$tmp/got"
run_ms --dump -s -10 "$tmp/f3"
is "-s -N before the start: usage error" "$rc" 2
run_ms --find a -s 100 "$tmp/f3"
is "--find past the end: nothing found, exit 1" "$rc" 1
like "... with a note" "$err" "past the end"

# -- hexdump -v: no squeezing -----------------------------------------------
{ head -c 100 /dev/zero; printf 'tail'; head -c 64 /dev/zero; } >"$tmp/rep"
for args in "-v" "-v -s 8" "-v -s 3 -n 70"; do
   # shellcheck disable=SC2086
   "$HEXDUMP" -C $args "$tmp/rep" >"$tmp/want"
   # shellcheck disable=SC2086
   "$MAPSCOPE" --dump $args "$tmp/rep" >"$tmp/got"
   ok "--dump $args equals hexdump -C $args" cmp "$tmp/want" "$tmp/got"
done
"$HEXDUMP" -C -v "$tmp/rep" >"$tmp/want"
cat "$tmp/rep" | "$MAPSCOPE" --dump --no-squeezing >"$tmp/got"
ok "--no-squeezing on a pipe equals hexdump -C -v" cmp "$tmp/want" "$tmp/got"
truncate -s 8192 "$tmp/vhole"
"$MAPSCOPE" --dump -v "$tmp/vhole" >"$tmp/got"
"$HEXDUMP" -C -v "$tmp/vhole" >"$tmp/want"
ok "-v over a hole prints every line" cmp "$tmp/want" "$tmp/got"
run_ms --find x -v "$tmp/rep"
is "-v without --dump: usage error" "$rc" 2

# -- numbers ------------------------------------------------------------------
head -c 5000 /dev/urandom >"$tmp/big"
for v in 010 0x10 1k 1K 1KB 1KiB 1kb 1kib 1.5K 0; do
   "$HEXDUMP" -C -s "$v" -n 32 "$tmp/big" >"$tmp/want"
   "$MAPSCOPE" --dump -s "$v" -n 32 "$tmp/big" >"$tmp/got"
   ok "-s $v as hexdump -s $v reads it" cmp "$tmp/want" "$tmp/got"
done
"$XXD" -s 010 -l 010 "$tmp/big" >"$tmp/want"
"$MAPSCOPE" --xxd -s 010 -l 010 "$tmp/big" >"$tmp/got"
ok "-s 010 -n 010 as xxd reads them (octal)" cmp "$tmp/want" "$tmp/got"
run_ms --dump -s 08 "$tmp/big"
is "-s 08 is a bad octal number: usage error" "$rc" 2
like "... that says why" "$err" "octal"
cp "$tmp/big" "$tmp/patched"
run_ms --patch 010:ff --flush "$tmp/patched"
is "--patch 010: octal offset" "$(od -An -tx1 -j8 -N1 "$tmp/patched" | tr -d ' ')" ff
run_ms --patch 1KB:ee --flush "$tmp/patched"
is "--patch 1KB: byte 1000" "$(od -An -tx1 -j1000 -N1 "$tmp/patched" | tr -d ' ')" ee

# -- zeros inside holes -------------------------------------------------------
# Data at page boundaries, holes between; the dense copy is the oracle.
truncate -s 65536 "$tmp/sparse"
printf '\0\0x\0' | dd of="$tmp/sparse" bs=1 seek=4094 conv=notrunc 2>/dev/null
printf 'ab\0\0\0' | dd of="$tmp/sparse" bs=1 seek=16382 conv=notrunc 2>/dev/null
printf '\0q' | dd of="$tmp/sparse" bs=1 seek=32768 conv=notrunc 2>/dev/null
cp --sparse=never "$tmp/sparse" "$tmp/dense"
for pat in '00' '00 00' '00 00 00 00 00' '00 ??' '?? 00 ??' '00 71'; do
   "$MAPSCOPE" --hex --find "$pat" "$tmp/dense" >"$tmp/want"
   "$MAPSCOPE" --hex --find "$pat" "$tmp/sparse" >"$tmp/got"
   ok "sparse '$pat': the matches of the dense copy" cmp "$tmp/want" "$tmp/got"
   "$MAPSCOPE" --hex --find "$pat" --count -s 4095 -n 30000 "$tmp/dense" >"$tmp/want"
   "$MAPSCOPE" --hex --find "$pat" --count -s 4095 -n 30000 "$tmp/sparse" >"$tmp/got"
   ok "sparse '$pat' in a range: the dense copy's count" cmp "$tmp/want" "$tmp/got"
done
grep -obUaF "$(printf 'x')" "$tmp/dense" | cut -d: -f1 >"$tmp/want"
"$MAPSCOPE" --find x "$tmp/sparse" | cut -d' ' -f2 >"$tmp/got"
ok "grep -obUaF agrees on the dense copy" cmp "$tmp/want" "$tmp/got"
# A one-byte pattern cannot overlap itself: grep -c -o of NULs is the count.
is "'\\0' count equals the NULs of the dense copy" \
   "$("$MAPSCOPE" --find '\0' --count "$tmp/sparse")" "$(tr -cd '\000' <"$tmp/dense" | wc -c)"
truncate -s 16G "$tmp/huge" 2>/dev/null && {
   run_ms --hex --find '00 00' --count "$tmp/huge"
   is "16 GiB hole: '00 00' counted by arithmetic" "$out" 17179869183
   run_ms --find '\0\0\0' -s 1G -n 1M "$tmp/huge"
   is "a hole's matches listed in a range" "$(echo "$out" | wc -l)" 1048574
}

# -- options as their users type them ------------------------------------------
printf 'xxCopyright yy COPYRIGHT' >"$tmp/disk.img"
run_ms --find -i 'copyright' -s 1 -n 64 "$tmp/disk.img"
is "--find -i PATTERN -s -n FILE (options after --find)" "$out" "$(printf '0x00000002 2\n0x0000000f 15')"
run_ms --find -e -i "$tmp/disk.img"
is "-e PATTERN: a pattern that starts with -" "$rc" 1
run_ms -e Copy "$tmp/disk.img"
is "-e PATTERN alone is --find" "$out" "0x00000002 2"
run_ms --find=Copy "$tmp/disk.img"
is "--find=PATTERN" "$out" "0x00000002 2"
run_ms --find
is "--find without a pattern: usage error" "$rc" 2
like "... that names the option" "$err" "--find needs a PATTERN"
run_ms --find a -e b "$tmp/disk.img"
is "two patterns: usage error" "$rc" 2
run_ms -e x --dump "$tmp/disk.img"
is "-e with --dump: usage error" "$rc" 2
run_ms --co
like "--co names its candidates" "$err" "'--count' '--command' '--color'"
run_ms "$(printf -- '--\033]0;x\007')"
like "an unknown option is escaped" "$err" "'--\\e]0;x\\x07'"
case $err in *"$(printf '\033')"*) r=raw ;; *) r=escaped ;; esac
is "... no raw escape reaches stderr" "$r" escaped
run_ms --kind
is "--kind without an argument" "$err" "mapscope: option '--kind' needs an argument
Try 'mapscope --help' for more information."
run_ms --help=3
like "--help=3 takes no argument" "$err" "option '--help' takes no argument"
run_ms -s
like "-s without an argument" "$err" "option '-s' needs an argument"
run_ms "$(printf -- '-\001')"
like "a control byte as a short option is escaped" "$err" "'-\\x01'"
for mode in --help --version; do
   "$MAPSCOPE" $mode >/dev/full 2>"$tmp/err"
   is "$mode into /dev/full: exit 1" "$?" 1
   like "... with a message" "$(cat "$tmp/err")" "write error"
done
cp "$tmp/big" "$tmp/pf"
"$MAPSCOPE" --patch 0:00 --flush "$tmp/pf" >/dev/full 2>"$tmp/err"
is "--patch --flush into /dev/full: exit 1" "$?" 1
like "... with a message" "$(cat "$tmp/err")" "write error"
"$MAPSCOPE" --patch 0:00 "$tmp/pf" >/dev/full 2>"$tmp/err"
is "--patch without --flush into /dev/full: exit 1" "$?" 1
for n in 'sysv:+5' 'sysv: 1' 'sysv:0x5' 'sysv:5 ' 'sysv:key=+5' 'sysv:key= 1' 'sysv:key=0x'; do
   run_ms --dump "$n"
   is "$n is a bad name (exit 2)" "$rc" 2
done
run_ms --dump "sem:$(printf '%0252d' 0)"
is "a 252-byte sem: name: usage error" "$rc" 2
run_ms --dump "shm:$(printf '%0256d' 0)"
is "a 256-byte shm: name: usage error" "$rc" 2
run_ms --color=sometimes
is "--color with a bad value: usage error" "$rc" 2
run_ms --list --kind=shm,bogus
is "--kind with a bad kind: usage error" "$rc" 2

done_testing
