#!/bin/sh
# --xxd is a drop-in for xxd: after --xxd come xxd's own options, and the
# output equals the real xxd's byte for byte (`alias xxd='mapscope --xxd'`).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

[ -x "${XXD:-}" ] || skip_all "xxd not found"

# same_as_xxd NAME ARGS...: stdout and success, both tools, the same words.
same_as_xxd() {
   name=$1
   shift
   "$XXD" "$@" >"$tmp/want" 2>/dev/null
   want_rc=$?
   "$MAPSCOPE" --xxd "$@" >"$tmp/got" 2>"$tmp/err"
   got_rc=$?
   if cmp -s "$tmp/want" "$tmp/got" && [ "$want_rc" -eq 0 ] && [ "$got_rc" -eq 0 ]; then
      ok "$name: xxd $*" true
   else
      ok "$name: xxd $* (xxd $want_rc, mapscope $got_rc)" false
      diff "$tmp/want" "$tmp/got" | head -5 | sed 's/^/# /'
      sed 's/^/# /' "$tmp/err"
   fi
}

cd "$tmp" || exit 1
: >empty
printf 'A' >one
head -c 15 /dev/urandom >r15
head -c 16 /dev/urandom >r16
head -c 17 /dev/urandom >r17
head -c 1000 /dev/urandom >r1000
# zero lines in runs of 1, 2, 3 and 5 between data, and 4 at the end
{ printf 'a'; head -c 31 /dev/zero; printf 'b'; head -c 47 /dev/zero
  printf 'c'; head -c 63 /dev/zero; printf 'd'; head -c 95 /dev/zero
  printf 'e'; head -c 79 /dev/zero; printf 'f'; head -c 63 /dev/zero; } >zeros
head -c 64 /dev/zero >z64
# 200 KiB with holes, data in the middle and at the end
truncate -s 204800 sparse
head -c 100 /dev/urandom | dd of=sparse bs=1 seek=70000 conv=notrunc status=none
printf 'tail' | dd of=sparse bs=1 seek=204796 conv=notrunc status=none

inputs="empty one r15 r16 r17 r1000 zeros sparse"
options="-c 8|-c 5|-c 0x20|-c 010|-c 256|-g 1|-g 3|-g 0|-g 16|-p|-ps|-postscript|-plain|-p -c 7|-p -c 0|-i|-include|-i -n my_name|-i -C|-i -C -n 1st.name|-i -c 5|-e|-e -g 8|-e -c 8 -g 2|-e -c 5|-b|-bits|-b -c 4 -g 2|-u|-i -u|-p -u|-o 0x100|-o -16|-d|-d -o 5|-a|-a -c 8|-a -b -c 32|-e -a|-u -e -g 0"
old_ifs=$IFS
for input in $inputs; do
   IFS='|'
   for opts in $options; do
      IFS=$old_ifs
      # shellcheck disable=SC2086
      same_as_xxd "$input" $opts "$input"
      IFS='|'
   done
   IFS=$old_ifs
done

# With -s and -l, alone and combined with each kind of option.
combined="-c 5|-g 3|-p -c 7|-i -C|-e|-b|-u|-o 0x100|-d|-a"
for input in r1000 sparse; do
   for range in "-s 3" "-s 0x10 -l 100" "-s -33" "-l 17" "-l 0" "-s 017 -l 0x11" "-s +5 -l 40" \
                "-s 999" "-s 100000 -l 33" "-s 1000000" "-l -1"; do
      IFS='|'
      for opts in "" $combined; do
         IFS=$old_ifs
         # shellcheck disable=SC2086
         same_as_xxd "$input, $range" $opts $range "$input"
         IFS='|'
      done
      IFS=$old_ifs
   done
done

# xxd's spellings: glued values, long names, doubled dashes, "--".
same_as_xxd "glued values" -c8 -g4 -l0x30 r1000
same_as_xxd "long names" -cols 8 -groupsize 4 -len 48 -seek 16 r1000
same_as_xxd "-skip and -capitalize" -i -capitalize -skip 10 -len 12 r1000
same_as_xxd "doubled dashes" --ps --len 32 r1000
same_as_xxd "the last of -p -i -b -e wins" -b -i -p r1000
same_as_xxd "-a twice toggles it off" -a -a zeros
same_as_xxd "-- ends the options" -c 4 -- one

# Standard input: no file, "-", through a pipe; -i without a name.
"$XXD" <r1000 >want
"$MAPSCOPE" --xxd <r1000 >got
ok "stdin (a file): equals xxd" cmp want got
"$XXD" -i <r1000 >want
"$MAPSCOPE" --xxd -i - <r1000 >got
ok "-i of stdin '-': no name, as xxd" cmp want got
"$XXD" -i -n fromstdin <r1000 >want
"$MAPSCOPE" --xxd -i -n fromstdin <r1000 >got
ok "-i -n NAME of stdin: named" cmp want got
"$XXD" -s -100 -c 9 <r1000 >want
"$MAPSCOPE" --xxd -s -100 -c 9 <r1000 >got
ok "stdin (a file) with -s -100: from its end, as xxd" cmp want got
cat r1000 | "$MAPSCOPE" --xxd -s -100 >got 2>err
is "a pipe with -s -100: usage, status 2 (as --dump and --find)" "$?" 2
like "a pipe with -s -100: says why" "$(cat err)" "the size is known only once it has been read"
cat r1000 | "$XXD" -s 100 -l 200 -c 12 >want
cat r1000 | "$MAPSCOPE" --xxd -s 100 -l 200 -c 12 >got
ok "a pipe with -s and -l" cmp want got
cat r1000 | "$XXD" -p >want
cat r1000 | "$MAPSCOPE" --xxd -p - >got
ok "a pipe with -p and '-'" cmp want got
mkfifo fifo
cat r1000 >fifo &
"$MAPSCOPE" --xxd -c 7 fifo >got
"$XXD" -c 7 r1000 >want
ok "a FIFO: read to its end" cmp want got

# mapscope's -W and -g go before --xxd: read through mapped windows.
head -c 300000 /dev/urandom >r300k
"$XXD" -s 4000 -l 200000 -c 13 r300k >want
"$MAPSCOPE" -W 64K -g 64K --xxd -s 4000 -l 200000 -c 13 r300k >got
ok "-W 64K -g 64K --xxd: mapped windows give the same text" cmp want got
"$MAPSCOPE" -W 4K --xxd -s 4000 -l 200000 -c 13 r300k >got
ok "-W 4K --xxd: one-page windows give the same text" cmp want got

# A file whose size says 0 (procfs) is read to its end.
if [ -r /proc/version ]; then
   "$XXD" -c 11 /proc/version >want
   "$MAPSCOPE" --xxd -c 11 /proc/version >got
   ok "/proc/version (size 0): read to its end, as xxd" cmp want got
else
   skip "/proc/version (size 0): read to its end" "no /proc/version"
fi

# OUTFILE, as xxd takes it: created, or emptied first.
printf 'old old old old old old old old' >out
"$MAPSCOPE" --xxd -l 20 r1000 out
"$XXD" -l 20 r1000 >want
ok "OUTFILE is written (and emptied first)" cmp want out

# ---- -r: dumps back into bytes ---------------------------------------
for input in one r17 r1000 zeros sparse; do
   "$XXD" "$input" | "$MAPSCOPE" --xxd -r >got
   ok "$input: xxd | --xxd -r gives the bytes back" cmp "$input" got
   "$XXD" -p "$input" | "$MAPSCOPE" --xxd -r -p - >got
   ok "$input: xxd -p | --xxd -r -p gives the bytes back" cmp "$input" got
done
"$XXD" -c 32 -g 4 -u r1000 >dump
"$MAPSCOPE" --xxd -r -c 32 dump >got
ok "-r -c 32 reads 32 bytes a line, any grouping, upper case" cmp r1000 got
"$XXD" r1000 >dump
"$XXD" -r -s 100 dump >want
"$MAPSCOPE" --xxd -r -s 100 dump >got
ok "-r -s 100: offsets moved, the gap zeros (as xxd)" cmp want got
"$XXD" -p r1000 >plain.dump
"$XXD" -r -p -s 5 plain.dump >want
"$MAPSCOPE" --xxd -r -p -s 5 plain.dump >got
ok "-r -p -s 5: as xxd" cmp want got
printf '0000010: 4142\n0000020: 43\n' >gaps
"$XXD" -r gaps >want
"$MAPSCOPE" --xxd -r gaps >got
ok "-r with gaps to stdout: zeros between (as xxd)" cmp want got
printf 'garbage\n0000000: 4142  AB\nmore garbage\n' >garb
"$MAPSCOPE" --xxd -r garb >got
is "-r skips garbage lines" "$(od -An -tx1 got | tr -d ' \n')" "4142"
printf '0000010: 41\n0000000: 42\n' >back
run_ms --xxd -r back
is "-r to a stream going backwards: status 1" "$rc" 1
like "-r to a stream going backwards: says why" "$err" "a stream cannot seek back"

# -r into an existing file: patched in place, nothing truncated, the bytes
# outside the dump unchanged; past its end appended; a missing file made.
head -c 4096 /dev/urandom >target
cp target want
printf 'PATCH' | dd of=want bs=1 seek=1000 conv=notrunc status=none
echo "00003e8: 5041 5443 48  PATCH" >patch.dump
cp target t1
"$XXD" -r patch.dump t1_xxd 2>/dev/null; cp target t1_xxd; "$XXD" -r patch.dump t1_xxd
run_ms --xxd -r patch.dump t1
is "-r into a file: status 0, nothing printed" "$rc:$out" "0:"
ok "-r into a file: patched in place, the rest unchanged" cmp want t1
ok "-r into a file: as xxd -r patches it" cmp t1_xxd t1
is "-r into a file: no journal left" "$(journals)" 0
echo "0001000: 454e44" >end.dump
cp target t2
cp target t2_xxd
"$XXD" -r end.dump t2_xxd
"$MAPSCOPE" --xxd -r end.dump t2
ok "-r past the end of a file: appended (as xxd)" cmp t2_xxd t2
"$MAPSCOPE" --xxd -r -s 0x20 patch.dump t3 && "$XXD" -r -s 0x20 patch.dump t3_xxd
ok "-r -s into a missing file: made, with a hole before (as xxd)" cmp t3_xxd t3
"$XXD" -p r1000 | "$MAPSCOPE" --xxd -r -p - t4
ok "-r -p from stdin into a missing file" cmp r1000 t4

# The in-place part goes through the journaled flush: killed half-way, a
# reading run only warns, --recover rolls it back and the file is all old.
head -c 262144 /dev/urandom >big
cp big big.orig
head -c 100000 /dev/urandom >new
"$XXD" new >new.dump
MAPSCOPE_TEST_CRASH_AT=mid-write "$MAPSCOPE" --xxd -r new.dump big >/dev/null 2>&1
is "-r killed in the middle of the write: status 137" "$?" 137
cmp -s big big.orig
is "-r killed in the middle: the file was half written" "$?" 1
run_ms --dump -n 16 big
like "a reading run says it is half-written" "$err" "half-written"
run_ms --recover big
like "--recover rolls the interrupted -r back" "$out$err" "rolled back"
ok "after the roll-back the file is all old" cmp big big.orig
is "no journal is left" "$(journals)" 0
"$MAPSCOPE" --xxd -r new.dump big
head -c 100000 big >head.bytes
ok "-r uninterrupted writes it all" cmp new head.bytes

# ---- the examples of README.md, doc/mapscope.1 and --help ---------------
head -c 8192 /dev/urandom >disk.img
"$MAPSCOPE" --xxd -c 8 -g 4 -l 16 disk.img >got
"$XXD" -c 8 -g 4 -l 16 disk.img >want
ok "README: mapscope --xxd -c 8 -g 4 -l 16 disk.img" cmp want got
is "README: two lines of two groups" \
   "$(grep -cE '^[0-9a-f]{8}: [0-9a-f]{8} [0-9a-f]{8}  ' got):$(wc -l <got | tr -d ' ')" "2:2"
"$MAPSCOPE" --xxd -p disk.img | "$MAPSCOPE" --xxd -r -p - copy.img
ok "README: --xxd -p | --xxd -r -p - copy.img copies the file" cmp disk.img copy.img
head -c 100 /dev/urandom >firmware.bin
"$MAPSCOPE" --xxd -i -C -n blob -l 64 firmware.bin >got
"$XXD" -i -C -n blob -l 64 firmware.bin >want
ok "man page: --xxd -i -C -n blob -l 64 firmware.bin" cmp want got
like "man page: the array is BLOB" "$(cat got)" "unsigned char BLOB[] = {"
cp disk.img disk.orig
echo 1fe: 55aa | "$MAPSCOPE" --xxd -r - disk.img
is "man page: echo 1fe: 55aa | --xxd -r - disk.img writes the signature" \
   "$(bytes_at disk.img 510 2)" "55aa"
printf '\125\252' | dd of=disk.orig bs=1 seek=510 conv=notrunc status=none
ok "man page: and nothing else" cmp disk.img disk.orig
run_ms --help
like "--help: --xxd takes xxd's options" "$out" "--xxd [XXD-OPTION]... [INFILE [OUTFILE]]"

# Output errors are I/O errors, status 1.
if [ -w /dev/full ]; then
   "$MAPSCOPE" --xxd one >/dev/full 2>err
   is "into a full device: status 1" "$?" 1
   like "into a full device: message" "$(cat err)" "write error (No space left on device)"
   "$XXD" one | "$MAPSCOPE" --xxd -r >/dev/full 2>err
   is "-r into a full device: status 1" "$?" 1
else
   skip "into a full device: status 1" "/dev/full is not writable"
   skip "into a full device: message" "/dev/full is not writable"
   skip "-r into a full device" "/dev/full is not writable"
fi

# ---- what xxd refuses is a usage error ------------------------------------
run_ms --xxd -c 257 one
is "-c 257: status 2" "$rc" 2
like "-c 257: message" "$err" "invalid number of columns (at most 256)"
run_ms --xxd -e -g 3 one
is "-e -g 3: status 2" "$rc" 2
like "-e -g 3: message" "$err" "must be a power of 2"
# Numbers take mapscope's units (xxd's strtol() would stop at the unit and
# read 1K as 1): K and KiB are 1024, KB 1000; anything else after the
# number is refused.
head -c 5000 /dev/urandom >"$tmp/r5k"
for pair in "1k 1024" "1K 1024" "1KiB 1024" "1KB 1000" "2K 2048"; do
   set -- $pair
   run_ms --xxd -l "$1" "$tmp/r5k"
   is "-l $1: as xxd -l $2" "$out" "$("$XXD" -l "$2" "$tmp/r5k")"
done
run_ms --xxd -s 4K -l 0x20 "$tmp/r5k"
is "-s 4K: as xxd -s 4096" "$out" "$("$XXD" -s 4096 -l 0x20 "$tmp/r5k")"
run_ms --xxd -s -1K "$tmp/r5k"
is "-s -1K: as xxd -s -1024" "$out" "$("$XXD" -s -1024 "$tmp/r5k")"
run_ms --xxd -l 1x one
is "-l 1x: status 2" "$rc" 2
like "-l 1x: message" "$err" "-l '1x': invalid number"
run_ms --xxd -l 10% one
is "-l 10%: status 2 (no share of a size here)" "$rc" 2
run_ms --xxd -c
is "-c without a value: status 2" "$rc" 2
like "-c without a value: message" "$err" "option '-c' needs an argument"
run_ms --xxd -Z one
is "unknown option: status 2" "$rc" 2
like "unknown option: message" "$err" "--xxd: unknown option '-Z'"
run_ms --xxd "$(printf -- '-Z\033]0;x\007')" one
is "an unknown option with escapes: status 2" "$rc" 2
case $err in *"$(printf '\033')"*) ok "an unknown option with escapes: printed escaped" false ;;
             *) ok "an unknown option with escapes: printed escaped" true ;; esac
run_ms --xxd one out extra
is "three operands: status 2" "$rc" 2
like "three operands: message" "$err" "at most INFILE and OUTFILE"
run_ms --xxd -r -b one
is "-r -b: status 2" "$rc" 2
run_ms -s 4 --xxd one
is "mapscope's -s before --xxd: status 2" "$rc" 2
like "mapscope's -s before --xxd: says where xxd's go" "$err" "go after it"
printf 'a --xxd b' >text
run_ms --find -e --xxd text
is "--find -e --xxd: '--xxd' is the pattern, not the mode" "$rc:$out" "0:0x00000002 2"
run_ms --find=--xxd text
is "--find=--xxd: '--xxd' is the pattern, not the mode" "$rc:$out" "0:0x00000002 2"
run_ms --xxd -s -5 one
is "-s -5 before the start: status 1" "$rc" 1
like "-s -5 before the start: message" "$err" "goes before the start"
run_ms --xxd -R never -c 4 one
is "-R never: status 0" "$rc" 0
run_ms --xxd -R always one
is "-R always: status 2" "$rc" 2
like "-R always: says why" "$err" "--xxd writes no colour"
run_ms --xxd -E one
is "-E: status 2" "$rc" 2
run_ms --xxd -h
is "-h: status 0" "$rc" 0
like "-h: usage" "$out" "mapscope --xxd [OPTION]... [INFILE [OUTFILE]]"
run_ms --xxd "$tmp/missing"
is "missing INFILE: status 1" "$rc" 1
like "missing INFILE: message" "$err" "cannot open"

done_testing
