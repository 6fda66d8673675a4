#!/bin/sh
# Every bad input gets a clear message and a sane exit status.
. "$top_srcdir/tests/lib.sh"

printf 'Hello\n' >"$tmp/hello"

expect() {   # expect NAME STATUS MESSAGE-PART ARGS...
   name=$1 status=$2 part=$3
   shift 3
   run_ms "$@"
   is "$name: exit status" "$rc" "$status"
   like "$name: message" "$err" "$part"
   is "$name: nothing on stdout" "$out" ""
}

expect "missing path" 1 "mapscope: $tmp/nope: cannot open (No such file or directory)" \
   --dump "$tmp/nope"
expect "directory" 1 "mapscope: $tmp: is a directory" --dump "$tmp"
mkfifo "$tmp/fifo"
printf abc >"$tmp/fifo-src"
expect "FIFO, --patch (must not block)" 1 "cannot be mapped (it is a FIFO or pipe" --patch 0:00 "$tmp/fifo"
expect "FIFO, the screen (must not block)" 1 "cannot be mapped (it is a FIFO or pipe" "$tmp/fifo"
expect "character device, --patch" 1 "cannot be mapped (it is a character device" --patch 0:00 /dev/null
expect "character device, the screen" 1 "cannot be mapped (it is a character device" /dev/null
run_ms --dump -s 1G "$tmp/hello"
is "skip past the end: the size, as hexdump -C prints it" "$rc:$out" "0:$(printf '%08x' "$(wc -c <"$tmp/hello")")"
run_ms --xxd -s 0x40000000 "$tmp/hello"
is "skip past the end, xxd: nothing, as xxd" "$rc:$out" "0:"
cat "$tmp/fifo-src" | "$MAPSCOPE" --dump -s 1G - >"$tmp/.out" 2>"$tmp/.err"
is "skip past the end of a pipe: exit 1, as hexdump" "$?" 1
like "skip past the end of a pipe: message" "$(cat "$tmp/.err")" "the input ended before the offset"
expect "bad skip expression" 2 "--skip 'zz': invalid offset (not a number)" --dump -s zz "$tmp/hello"
expect "bad length expression" 2 "--length '-3': invalid size" --dump -n -3 "$tmp/hello"
expect "skip before the start" 2 "invalid offset" --dump -s -100 "$tmp/hello"
expect "percentage over 100" 2 "cannot exceed 100%" --dump -s 150% "$tmp/hello"
expect "invalid shm name" 2 "invalid shared-memory name" --dump "shm:a/b"
expect "empty shm name" 2 "invalid shared-memory name (the name is empty)" --dump "shm:"
expect "missing shm object" 1 "cannot open (no shared-memory object /mapscope-none-$$)" \
   --dump "shm:mapscope-none-$$"
expect "bad granularity" 2 "must be a power of two" --dump -g 3000 "$tmp/hello"

# Names with escape characters are printed escaped, never raw.
evil=$(printf '%s/x\033[31mred\007' "$tmp")
run_ms --dump "$evil"
is "escape characters in a name: status" "$rc" 1
like "escape characters in a name: escaped" "$err" 'x\e[31mred\x07: cannot open'
case $err in
*"$(printf '\033')"*) ok "no raw ESC reaches the terminal" false ;;
*) ok "no raw ESC reaches the terminal" true ;;
esac

# An empty file dumps as nothing, but cannot be mapped for viewing.
: >"$tmp/empty"
run_ms --dump "$tmp/empty"
is "empty file: --dump succeeds" "$rc" 0
run_ms "$tmp/empty"
is "empty file: viewing fails" "$rc" 1
like "empty file: viewing says why" "$err" "cannot map a zero-length object"

# No permission: run as an unprivileged user.
printf 'secret' >"$tmp/secret"
chmod 600 "$tmp/secret"
if [ "$(id -u)" -eq 0 ] && ! command -v setpriv >/dev/null 2>&1; then
   skip "no permission" "setpriv is not installed"
elif [ "$(id -u)" -eq 0 ] && ! setpriv --reuid=65534 --regid=65534 --clear-groups -- \
      "$MAPSCOPE" --version >/dev/null 2>&1; then
   skip "no permission" "the unprivileged user cannot run the build's binary here"
else
   run_ms_unprivileged --dump "$tmp/secret"
   is "no permission: exit status" "$rc" 1
   like "no permission: message" "$err" "cannot open (Permission denied)"
fi

done_testing
