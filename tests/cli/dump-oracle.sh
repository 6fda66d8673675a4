#!/bin/sh
# --dump must equal `hexdump -C` and --xxd must equal `xxd`, byte for byte.
. "$top_srcdir/tests/lib.sh"

[ -x "${HEXDUMP:-}" ] || skip_all "hexdump not found"
[ -x "${XXD:-}" ] || skip_all "xxd not found"

# compare NAME FILE [ARGS...]: both styles, the same range arguments.
compare() {
   name=$1 file=$2
   shift 2
   hd_args="" xx_args=""
   while [ $# -gt 0 ]; do
      case $1 in
      -s) hd_args="$hd_args -s $2"; xx_args="$xx_args -s $2" ;;
      -n) hd_args="$hd_args -n $2"; xx_args="$xx_args -l $2" ;;
      esac
      shift 2
   done
   # shellcheck disable=SC2086
   "$HEXDUMP" -C $hd_args "$file" >"$tmp/want" 2>/dev/null
   # shellcheck disable=SC2086
   "$MAPSCOPE" --dump $hd_args "$file" >"$tmp/got"
   ok "$name: --dump equals hexdump -C" cmp "$tmp/want" "$tmp/got"
   # shellcheck disable=SC2086
   "$XXD" $xx_args "$file" >"$tmp/want" 2>/dev/null
   # shellcheck disable=SC2086
   "$MAPSCOPE" --xxd $xx_args "$file" >"$tmp/got"
   ok "$name: --xxd equals xxd" cmp "$tmp/want" "$tmp/got"
}

: >"$tmp/empty"
compare "empty file" "$tmp/empty"
run_ms --dump "$tmp/empty"
is "empty file: nothing printed" "$out" ""
is "empty file: success" "$rc" 0

printf 'A' >"$tmp/one"
compare "1 byte" "$tmp/one"
for n in 15 16 17 31 32 33; do
   head -c "$n" /dev/urandom >"$tmp/r$n"
   compare "$n random bytes" "$tmp/r$n"
done

# Repeated lines squeeze into '*'; a different line breaks the run; the
# partial last line is never squeezed.
{ head -c 160 /dev/zero; printf 'break here, then'; head -c 64 /dev/zero
  printf 'AAAAAAAAAAAAAAAA%.0s' 1 2 3 4; head -c 16 /dev/zero; head -c 7 /dev/zero; } >"$tmp/runs"
compare "runs of repeated lines" "$tmp/runs"
head -c 4096 /dev/zero >"$tmp/zeros"
compare "all zero" "$tmp/zeros"

head -c 3145728 /dev/urandom >"$tmp/r3m"
compare "3 MiB random" "$tmp/r3m"

# skip/length combinations, some across window boundaries (4 KiB pages,
# 64 KiB granules, 8 MiB default windows: -W 64K forces many windows).
for args in "-s 1" "-s 15 -n 1" "-s 4095 -n 2" "-s 4090 -n 100" "-s 65530 -n 20" \
            "-s 65536" "-s 1000000 -n 70000" "-s 3145727" "-s 3145728" "-n 0" "-n 17" \
            "-s 0x10 -n 0x100"; do
   # shellcheck disable=SC2086
   compare "3 MiB, $args" "$tmp/r3m" $args
done
# By default the bytes are read into a 128 KiB buffer; -W and -g map windows
# instead.  Both paths give the same bytes.
"$HEXDUMP" -C -s 4000 -n 200000 "$tmp/r3m" >"$tmp/want"
"$MAPSCOPE" --dump -s 4000 -n 200000 "$tmp/r3m" >"$tmp/got"
ok "read path across buffer boundaries, lines cut between reads" cmp "$tmp/want" "$tmp/got"
"$MAPSCOPE" --dump -W 64K -g 64K -s 4000 -n 200000 "$tmp/r3m" >"$tmp/got"
ok "small 64K windows give the same bytes" cmp "$tmp/want" "$tmp/got"
"$MAPSCOPE" --dump -W 4K -s 4000 -n 200000 "$tmp/r3m" >"$tmp/got"
ok "one-page windows give the same bytes" cmp "$tmp/want" "$tmp/got"
"$HEXDUMP" -C -s 1024 -n 1536 "$tmp/r3m" >"$tmp/want"
"$MAPSCOPE" --dump -s 1K -n 1.5K "$tmp/r3m" >"$tmp/got"
ok "K suffixes and fractions: -s 1K -n 1.5K" cmp "$tmp/want" "$tmp/got"
"$HEXDUMP" -C -s 1572864 "$tmp/r3m" >"$tmp/want"
"$MAPSCOPE" --dump -s 50% "$tmp/r3m" >"$tmp/got"
ok "percent offsets: -s 50%" cmp "$tmp/want" "$tmp/got"

# Into a pipe, the pipe is widened to 1 MiB (a 64 KiB one halves the
# throughput); a file or a pipe already that large is left alone.
"$HEXDUMP" -C "$tmp/r3m" >"$tmp/want"
"$MAPSCOPE" --dump "$tmp/r3m" | cat >"$tmp/got"
ok "through a pipe: --dump equals hexdump -C" cmp "$tmp/want" "$tmp/got"
if command -v strace >/dev/null 2>&1; then
   strace -e trace=fcntl -o "$tmp/trace" "$MAPSCOPE" --dump "$tmp/r3m" | cat >/dev/null
   like "through a pipe: F_SETPIPE_SZ to 1 MiB" "$(cat "$tmp/trace")" "F_SETPIPE_SZ, 1048576"
   strace -e trace=fcntl -o "$tmp/trace" "$MAPSCOPE" --dump "$tmp/r3m" >"$tmp/got"
   is "into a file: no pipe size asked for" "$(grep -c F_SETPIPE_SZ "$tmp/trace")" 0
else
   skip "through a pipe: F_SETPIPE_SZ to 1 MiB" "strace is not installed"
   skip "into a file: no pipe size asked for" "strace is not installed"
fi

# A POSIX shared-memory object, by name with and without the slash.
shm=mapscope-test-$$
cp "$tmp/r3m" "/dev/shm/$shm" && on_exit "rm -f /dev/shm/$shm"
"$HEXDUMP" -C "$tmp/r3m" >"$tmp/want"
"$MAPSCOPE" --dump "shm:$shm" >"$tmp/got"
ok "shm:NAME dumps like the file" cmp "$tmp/want" "$tmp/got"
"$MAPSCOPE" --dump "shm:/$shm" >"$tmp/got"
ok "shm:/NAME dumps like the file" cmp "$tmp/want" "$tmp/got"
"$MAPSCOPE" --dump -g 64K "shm:/$shm" >"$tmp/got"
ok "shm:/NAME through mapped windows (-g 64K) dumps like the file" cmp "$tmp/want" "$tmp/got"

done_testing
