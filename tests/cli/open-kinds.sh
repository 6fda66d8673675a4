#!/bin/sh
# Paths are looked at before anything is opened: a character device, a
# symbolic link to one, a FIFO, a socket and a directory given to a mode
# that maps (the screen, --patch) are refused with a message and are never
# opened (strace shows no open of them); a regular file is opened through
# the descriptor its check was made on (O_PATH first).
. "$top_srcdir/tests/lib.sh"
command -v strace >/dev/null 2>&1 || skip_all "strace is not installed"
strace -f -o /dev/null true 2>/dev/null || skip_all "strace cannot trace here"

# A character device of our own name where we may make one (root), so that
# no other program's use of /dev/null can be mistaken for ours.
if [ "$(id -u)" -eq 0 ] && mknod "$tmp/chardev" c 1 3 2>/dev/null; then
   chardev=$tmp/chardev
else
   chardev=/dev/null
fi
ln -s "$chardev" "$tmp/link"
mkfifo "$tmp/fifo"
mkdir "$tmp/dir"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/sock" \
   2>/dev/null || rm -f "$tmp/sock"
printf 'a regular file\n' >"$tmp/file"

# traced WHAT PATH ARGS...: runs mapscope ARGS under strace (5 s at most);
# $rc, $err; $opens are the open calls that name PATH.  (LeakSanitizer
# cannot run under ptrace: a sanitizer build checks leaks elsewhere.)
traced() {
   what=$1 path=$2
   shift 2
   ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" timeout 5 strace -f -qq -e trace=open,openat,openat2 -o "$tmp/trace" \
      "$MAPSCOPE" "$@" </dev/null >"$tmp/.out" 2>"$tmp/.err"
   rc=$?
   err=$(cat "$tmp/.err")
   opens=$(grep -F "\"$path\"" "$tmp/trace" || true)
}

refused() {   # refused WHAT PATH MESSAGE ARGS...
   what=$1 path=$2 message=$3
   shift 3
   traced "$what" "$path" "$@"
   is "$what: exit status 1" "$rc" 1
   like "$what: says why" "$err" "$message"
   is "$what: never opened" "$opens" ""
}

for mode in screen patch; do
   set --
   [ "$mode" = patch ] && set -- --patch 0:00
   refused "$mode, character device" "$chardev" "it is a character device" "$@" "$chardev"
   refused "$mode, link to a character device" "$tmp/link" "it is a character device" "$@" "$tmp/link"
   opens_target=$(grep -F "\"$chardev\"" "$tmp/trace" || true)
   is "$mode, link: its target never opened either" "$opens_target" ""
   refused "$mode, FIFO (no wait for a writer)" "$tmp/fifo" "it is a FIFO" "$@" "$tmp/fifo"
   if [ -e "$tmp/sock" ]; then
      refused "$mode, socket" "$tmp/sock" "it is a socket" "$@" "$tmp/sock"
   else
      skip "$mode, socket" "python3 could not make one"
   fi
   refused "$mode, directory" "$tmp/dir" "is a directory" "$@" "$tmp/dir"
done

traced "regular file" "$tmp/file" --dump "$tmp/file"
is "a regular file: dumped" "$rc" 0
like "... opened first with O_PATH (nothing read through the name)" "$opens" "O_PATH"
done_testing
