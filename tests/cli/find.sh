#!/bin/sh
# --find against grep -obUaF on random files; --count, ranges, exit statuses,
# bad patterns, sparse files and shared memory.
. "$top_srcdir/tests/lib.sh"

LC_ALL=C
export LC_ALL
command -v grep >/dev/null 2>&1 || skip_all "grep not found"

# put FILE OFFSET TEXT: overwrite bytes in place.
put() {
   printf '%s' "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# Offsets (decimal) of --find's matches, one per line.
ms_offsets() {
   "$MAPSCOPE" --find "$@" | cut -d' ' -f2
}

# Offsets of grep's matches (non-overlapping, so only patterns that cannot
# overlap themselves are compared).
grep_offsets() {
   grep -obUa "$@" | cut -d: -f1
}

f=$tmp/random
head -c 3000000 /dev/urandom >"$f"
size=$(wc -c <"$f")
put "$f" 0 NEEDLE
put "$f" 65533 NEEDLE                  # across 64 KiB
put "$f" 262142 NEEDLE                 # across the 256 KiB chunk
put "$f" 1000000 needle
put "$f" 1500000 NeEdLe
put "$f" $((size - 6)) NEEDLE          # at the very end
i=0
while [ $i -lt 40 ]; do
   put "$f" $((i * 70001 + 17)) "NEEDLE"
   i=$((i + 1))
done

for pat in NEEDLE needle A AB Zq 'E' '~}' 'ab?'; do
   got=$(ms_offsets "$pat" "$f")
   want=$(grep_offsets -F -e "$pat" "$f")
   is "--find '$pat' equals grep -obUaF ($(printf '%s\n' "$want" | grep -c .) matches)" "$got" "$want"
done

got=$(ms_offsets needle -i "$f")
want=$(grep_offsets -i -F -e needle "$f")
is "--find -i equals grep -i" "$got" "$want"
got=$(ms_offsets NEEDLE --ignore-case "$f" | wc -l)
is "--ignore-case finds every case" "$got" "$(printf '%s\n' "$want" | wc -l)"

got=$(ms_offsets '4e 45 45 44 4c 45' --hex "$f")
want=$(grep_offsets -F -e NEEDLE "$f")
is "--hex bytes equal the text" "$got" "$want"
got=$(ms_offsets '4E45??444C45' --hex "$f")
is "--hex with a wildcard" "$got" "$want"
got=$(ms_offsets '\x4e\x45EDLE' "$f")
is "escapes in text" "$got" "$want"

# Wildcards: an oracle in awk over od's bytes (grep cannot match a newline).
w=$tmp/wild
head -c 200000 /dev/urandom >"$w"
for at in 0 999 4096 65535 199996; do
   put "$w" $at "$(printf '\336\255x\357')"
done
printf '\336\255\n\357\336\255\000\357AB' | dd of="$w" bs=1 seek=5000 conv=notrunc status=none
# awk_find HEX...: offsets where the bytes match, "??" matching any.
awk_find() {
   od -An -v -tx1 -w1 "$w" | awk -v pat="$*" '
      BEGIN { m = split(pat, p, " ") }
      { b[NR - 1] = $1 }
      END {
         for (i = 0; i + m <= NR; i++) {
            for (k = 1; k <= m; k++)
               if (p[k] != "??" && p[k] != b[i + k - 1]) break
            if (k > m) print i
         }
      }'
}
for pat in 'de ad ?? ef' '?? 41 42' '41 ?? ?? 42' 'ef ??'; do
   got=$(ms_offsets "$pat" --hex "$w")
   want=$(awk_find "$pat")
   is "--hex '$pat' equals the oracle ($(printf '%s\n' "$want" | grep -c .) matches)" "$got" "$want"
done

# The output format: hex with at least 8 digits, a space, decimal.
"$MAPSCOPE" --find A "$f" >"$tmp/lines"
bad=$(awk '{ if (sprintf("0x%08x", $2) != $1) n++ } END { print n + 0 }' "$tmp/lines")
is "each line is 0xHEX DECIMAL of the same offset" "$bad" 0
like "a line looks like 0x00000000 0" "$(head -n 1 "$tmp/lines")" "0x"

# --count
run_ms --find A --count "$f"
is "--count equals the number of grep's matches" "$out" "$(grep -obUaF A "$f" | wc -l | tr -d ' ')"
is "--count: status 0" "$rc" 0

# Overlapping matches are all reported (grep -o cannot say this).
printf 'aaaa' >"$tmp/aaaa"
run_ms --find aa "$tmp/aaaa"
is "overlapping matches" "$out" "0x00000000 0
0x00000001 1
0x00000002 2"

# -s and -n: only matches wholly inside the range, offsets absolute.
skip=100000 len=1000000
tail -c +$((skip + 1)) "$f" | head -c $len >"$tmp/slice"
got=$(ms_offsets NEEDLE -s $skip -n $len "$f")
want=$(grep_offsets -F -e NEEDLE "$tmp/slice" | awk -v s=$skip '{ print $1 + s }')
is "-s/-n limit the range, offsets stay absolute" "$got" "$want"
run_ms --find NEEDLE -s 3 -n 6 "$tmp/aaaa"
is "a range shorter than the pattern: no match" "$rc" 1
run_ms --find EEDLE -s 1 -n 5 "$f"
is "a match that fills the range exactly" "$out" "0x00000001 1"
run_ms --find EEDLE -s 1 -n 4 "$f"
is "a match cut by the range is not one" "$rc" 1

# Exit statuses, as grep's.
run_ms --find 'no such text anywhere' "$f"
is "no match: status 1" "$rc" 1
is "no match: nothing printed" "$out" ""
run_ms --find 'no such text anywhere' --count "$f"
is "no match with --count: prints 0" "$out" "0"
is "no match with --count: status 1" "$rc" 1
: >"$tmp/empty"
run_ms --find A "$tmp/empty"
is "empty file: status 1" "$rc" 1
run_ms --find A "$tmp/no-such-file"
is "missing file: status 2, as grep" "$rc" 2
like "missing file: says why" "$err" "cannot open"

# Bad patterns: status 2 and a reason.
check_bad() {
   name=$1 reason=$2
   shift 2
   run_ms "$@" "$f"
   is "bad pattern ($name): status 2" "$rc" 2
   like "bad pattern ($name): message" "$err" "invalid search pattern"
   like "bad pattern ($name): reason" "$err" "$reason"
   is "bad pattern ($name): nothing on stdout" "$out" ""
}
check_bad "not hex" "not a hex digit" --find 'de ag' --hex
check_bad "odd digits" "two hex digits" --find 'de a' --hex
check_bad "one question mark" "??" --find 'de ?' --hex
check_bad "only wildcards" "only wildcards" --find '?? ??' --hex
check_bad "empty" "empty" --find ''
check_bad "lone backslash" "backslash" --find 'abc\'
check_bad "unknown escape" "unknown escape" --find '\q'
check_bad "short \\x" "two hex digits" --find '\x4'
like "bad pattern: the position is given" "$(sh -c '"$MAPSCOPE" --find "de ag" --hex "$0" 2>&1' "$f")" "at byte 5"

run_ms --count "$f"
is "--count without --find: status 2" "$rc" 2
like "--count without --find: says so" "$err" "--count needs --find"
run_ms --hex "$f"
is "--hex without --find: status 2" "$rc" 2
run_ms --find
is "--find without a pattern: status 2" "$rc" 2

# Sparse files: data after a long hole, matches across the hole's edge.
sp=$tmp/sparse
truncate -s 1G "$sp"
put "$sp" $((1024 * 1024 * 1024 - 3)) END
put "$sp" 4096 MIDDLE
run_ms --find END "$sp"
is "sparse file: data at the end" "$out" "0x3ffffffd 1073741821"
run_ms --find '00 00 45 4e 44' --hex "$sp"
is "sparse file: a match across a hole's edge" "$out" "0x3ffffffb 1073741819"
run_ms --find '45 00' --hex "$sp"
is "sparse file: a match from data into a hole" "$out" "0x00001005 4101"
run_ms --find '4d 49 44 44 4c 45' --hex --count "$sp"
is "sparse file: --count" "$out" "1"

# Shared memory goes through the same scanner.
name="mapscope-find-$$"
if [ -d /dev/shm ] && cp "$f" "/dev/shm/$name" 2>/dev/null; then
   on_exit "rm -f '/dev/shm/$name'"
   got=$(ms_offsets NEEDLE "shm:$name")
   want=$(grep_offsets -F -e NEEDLE "$f")
   is "shm:NAME: the same matches as the file" "$got" "$want"
else
   skip "shm:NAME: the same matches as the file" "no /dev/shm"
fi

# A System V segment is read through its own mapping: a fresh one is zeros.
if command -v ipcmk >/dev/null 2>&1 && id=$(ipcmk -M 4096 2>/dev/null | awk '{ print $NF }') \
   && [ -n "$id" ]; then
   on_exit "ipcrm -m '$id' 2>/dev/null"
   run_ms --find '00 00 00 00' --hex --count "sysv:$id"
   is "sysv:ID: the zeros of a new segment are found" "$out" 4093
   run_ms --find x "sysv:$id"
   is "sysv:ID: no match, status 1" "$rc" 1
else
   skip "sysv:ID: the zeros of a new segment are found" "no ipcmk or no System V IPC"
   skip "sysv:ID: no match, status 1" "no ipcmk or no System V IPC"
fi

done_testing
