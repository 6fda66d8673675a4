#!/bin/sh
# The command-line modes' statuses and messages, checked against what they
# promise: --find's as grep's (0 found, 1 none, 2 any error, even with
# matches elsewhere), --info on standard input and on special files it must
# not block on, -s -N on a stream in every mode.
. "$top_srcdir/tests/lib.sh"

printf 'hello world\n' >"$tmp/f"

# ---- --find: 2 for every error, as grep ------------------------------------
run_ms --find hello "$tmp/no-such-file"
is "--find, a missing file: status 2 (grep's)" "$rc" 2
like "--find, a missing file: says why" "$err" "cannot open"
run_ms --find hello "$tmp"
is "--find, a directory: status 2" "$rc" 2
chmod 000 "$tmp/f"
run_ms_unprivileged --find hello "$tmp/f"
is "--find, an unreadable file: status 2" "$rc" 2
like "--find, an unreadable file: says why" "$err" "Permission denied"
chmod 644 "$tmp/f"
run_ms --find hello pid:999999999
is "--find, a process that is not there: status 2" "$rc" 2
run_ms --find hello "$tmp/f"
is "--find, a match: status 0" "$rc" 0
run_ms --find nothere "$tmp/f"
is "--find, no match: status 1" "$rc" 1
if [ -w /dev/full ]; then
   "$MAPSCOPE" --find hello "$tmp/f" >/dev/full 2>"$tmp/err"
   is "--find, output that cannot be written: status 2" "$?" 2
   "$MAPSCOPE" --find hello --count "$tmp/f" >/dev/full 2>"$tmp/err"
   is "--find --count, output that cannot be written: status 2" "$?" 2
else
   skip "--find, output that cannot be written: status 2" "no /dev/full"
   skip "--find --count, output that cannot be written: status 2" "no /dev/full"
fi
run_ms --find hello -s 1X "$tmp/f"
is "--find, a bad offset: status 2" "$rc" 2

# A process one of whose regions cannot be read (its file was truncated
# under a mapping never touched there): the matches elsewhere are printed,
# the region is said to be skipped, and the status is 2, as grep gives
# when it matched in one file and could not read another.
helper=$top_builddir/tests/helpers/procmemhelper
head -c 65536 /dev/zero >"$tmp/priv"
"$helper" -f "$tmp/priv" >"$tmp/h.out" 2>"$tmp/h.err" &
hpid=$!
on_exit "kill $hpid 2>/dev/null"
await_line "$tmp/h.out" '^pid=' "$hpid" "$tmp/h.err" "the helper did not start"
: >"$tmp/priv"
run_ms --find --count "usage: procmemhelper" "pid:$hpid"
like "--find pid:, a region skipped: says so" "$err" "could not be read wholly"
is "--find pid:, a region skipped: the matches are still printed" "$(test "$out" -ge 1 && echo yes)" yes
is "--find pid:, a region skipped: status 2 (an error occurred)" "$rc" 2
kill "$hpid" 2>/dev/null
wait "$hpid" 2>/dev/null

# ---- --info reads standard input when no SOURCE is given, as the others ----
for mode in --dump --xxd "--find hi" --info; do
   printf 'hi\n' | "$MAPSCOPE" $mode >"$tmp/out" 2>"$tmp/err"
   is "$mode without SOURCE reads standard input: status 0" "$?" 0
done
printf 'hi\n' | "$MAPSCOPE" --info >"$tmp/out" 2>&1
like "--info without SOURCE: describes standard input" "$(cat "$tmp/out")" "source:      -"

# ---- -s -N on a stream: the same usage error in every mode --------------
for mode in --dump "--find a" --xxd; do
   printf 'abcdef\n' | "$MAPSCOPE" $mode -s -3 >"$tmp/out" 2>"$tmp/err"
   is "$mode -s -3 on a pipe: status 2" "$?" 2
   like "$mode -s -3 on a pipe: says why" "$(cat "$tmp/err")" "the size is known only once it has been read"
   like "$mode -s -3 on a pipe: invalid offset, not past the end" "$(cat "$tmp/err")" "invalid offset"
done
printf 'abcdef\n' >"$tmp/six"
"$MAPSCOPE" --xxd -s -3 <"$tmp/six" >"$tmp/out" 2>&1
is "--xxd -s -3 on a redirected file: its last bytes" "$(cat "$tmp/out")" \
   "00000004: 6566 0a                                  ef."
# -s and -n mean something to --dump and --find only: elsewhere they are refused.
for mode in --info --list --recover "--patch 0:41" ""; do
   run_ms $mode -s 1 $( [ "$mode" = --list ] || echo "$tmp/six")
   is "-s with '${mode:-the screen}': status 2" "$rc" 2
   like "-s with '${mode:-the screen}': says where it goes" "$err" "--skip goes with --dump and --find"
done
run_ms --info -n 1 "$tmp/six"
like "-n with --info: refused" "$err" "--length goes with --dump and --find"

# ---- --info on special files: described from stat, never opened ------------
mkfifo "$tmp/fifo"
timeout 10 "$MAPSCOPE" --info "$tmp/fifo" >"$tmp/out" 2>"$tmp/err"
is "--info on a FIFO without a writer: does not block, status 0" "$?" 0
like "--info on a FIFO: its kind" "$(cat "$tmp/out")" "FIFO"
like "--info on a FIFO: no bytes read" "$(cat "$tmp/out")" "no bytes were read"
timeout 10 "$MAPSCOPE" --info --json "$tmp/fifo" >"$tmp/out" 2>"$tmp/err"
like "--info --json on a FIFO: kind and opened" "$(cat "$tmp/out")" '"kind":"fifo","size":null,"opened":false'
timeout 10 "$MAPSCOPE" --info /dev/null >"$tmp/out" 2>"$tmp/err"
like "--info on a character device: not opened" "$(cat "$tmp/out")" "character device"
if command -v python3 >/dev/null 2>&1 &&
   python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/sock"; then
   timeout 10 "$MAPSCOPE" --info "$tmp/sock" >"$tmp/out" 2>"$tmp/err"
   is "--info on a socket: status 0" "$?" 0
   like "--info on a socket: its kind" "$(cat "$tmp/out")" "socket"
else
   skip "--info on a socket: status 0" "no python3 to make one"
   skip "--info on a socket: its kind" "no python3 to make one"
fi
run_ms --info "$tmp/six"
like "--info on a file: still opened and sized" "$out" "size:        7"
is "--info on a file: opened in JSON" "$(run_ms --info --json "$tmp/six"; printf '%s' "$out" | grep -c '"opened":true')" 1

# ---- the man page's "does it map" examples: the screen's needs a terminal,
# the script's maps the window at the end without one ------------------------
head -c 100000 /dev/urandom >"$tmp/data.bin"
run_ms -c 'goto end' -c quit "$tmp/data.bin" </dev/null
is "the screen from a script: status 1, as the man page says" "$rc" 1
like "the screen from a script: says it needs a terminal" "$err" "must be a terminal"
run_ms --dump -W 64K -s -16 "$tmp/data.bin"
is "--dump -W 64K -s -16: status 0 without a terminal" "$rc" 0
is "--dump -W 64K -s -16: the last 16 bytes" "$out" "$(hexdump -C -s 99984 "$tmp/data.bin")"
if command -v strace >/dev/null 2>&1; then
   strace -o "$tmp/strace" -e trace=mmap "$MAPSCOPE" --dump -W 64K -s -16 "$tmp/data.bin" >/dev/null 2>&1
   is "--dump -W 64K -s -16: maps the window at the end" \
      "$(grep -cE 'PROT_READ, MAP_SHARED, [0-9]+, 0x18000\)' "$tmp/strace")" 1
else
   skip "--dump -W 64K -s -16: maps the window at the end" "no strace"
fi
run_ms --dump -W 64K -s -16 "$tmp/no-such"
is "--dump -W 64K -s -16: status 1 when it cannot be opened" "$rc" 1

# ---- --xxd -r writes what the user may write, as xxd -r does ---------------
if [ "$(id -u)" -eq 0 ]; then
   mkdir "$tmp/nh" && chown 65534 "$tmp/nh"
   printf 'xxxxxx' >"$tmp/theirs" && chmod 666 "$tmp/theirs"
   printf '0: 4142\n' >"$tmp/in.hex" && chmod 644 "$tmp/in.hex"
   HOME=$tmp/nh XDG_STATE_HOME= run_ms_unprivileged --xxd -r "$tmp/in.hex" "$tmp/theirs"
   is "--xxd -r, a file of another user that one may write: status 0" "$rc" 0
   is "--xxd -r, a file of another user that one may write: written" "$(cat "$tmp/theirs")" ABxxxx
   if command -v xxd >/dev/null 2>&1; then
      printf 'xxxxxx' >"$tmp/theirs2" && chmod 666 "$tmp/theirs2"
      setpriv --reuid=65534 --regid=65534 --clear-groups -- xxd -r "$tmp/in.hex" "$tmp/theirs2"
      is "--xxd -r writes what xxd -r writes" "$(cat "$tmp/theirs")" "$(cat "$tmp/theirs2")"
   else
      skip "--xxd -r writes what xxd -r writes" "no xxd"
   fi
   printf 'xxxxxx' >"$tmp/ro" && chmod 644 "$tmp/ro"
   HOME=$tmp/nh XDG_STATE_HOME= run_ms_unprivileged --xxd -r "$tmp/in.hex" "$tmp/ro"
   is "--xxd -r, a file one may not write: status 1" "$rc" 1
   like "--xxd -r, a file one may not write: says why" "$err" "no write permission"
   is "--xxd -r, a file one may not write: untouched" "$(cat "$tmp/ro")" xxxxxx
else
   for t in "status 0" written "as xxd" "refused: status" "refused: why" "refused: untouched"; do
      skip "--xxd -r, another user's file: $t" "not root: no other user to be"
   done
fi
printf 'xxxxxx' >"$tmp/mine"
for w in -w --write -W64K --window=4K --granularity=64K; do
   run_ms --xxd -r $w "$tmp/in.hex" "$tmp/mine"
   is "--xxd ... $w: status 2" "$rc" 2
   like "--xxd ... $w: says it goes before --xxd" "$err" "must come before --xxd"
done
run_ms -w --xxd -r "$tmp/in.hex" "$tmp/mine"
is "-w --xxd -r: accepted before --xxd" "$rc:$(cat "$tmp/mine")" 0:ABxxxx

# ---- messages that say what is wrong ----------------------------------------
for key in 0x0 0; do
   run_ms --info "sysv:key=$key"
   is "sysv:key=$key: status 2" "$rc" 2
   like "sysv:key=$key: says key 0 is IPC_PRIVATE" "$err" "IPC_PRIVATE"
   like "sysv:key=$key: says to give sysv:ID" "$err" "sysv:ID"
done
for spec in sem: sem:/; do
   run_ms --info "$spec"
   like "$spec: an invalid semaphore name" "$err" "invalid semaphore name"
   is "$spec: status 2" "$rc" 2
done
run_ms --info shm:
like "shm:: still an invalid shared-memory name" "$err" "invalid shared-memory name"
run_ms --list --sort=p
like "--sort=p: ambiguous, naming the candidates" "$err" "ambiguous column name (possibilities: processes, pids)"
is "--sort=p: status 2" "$rc" 2
run_ms --list --columns=kind,p
like "--columns=kind,p: ambiguous, naming the candidates" "$err" "possibilities: processes, pids"
run_ms --list --sort=pid
is "--sort=pid: a whole name is never ambiguous" "$rc" 0
run_ms --list "pid:$$" --sort=-p
like "--list pid: --sort=-p: ambiguous, naming the candidates" "$err" "possibilities: perms, pss"
run_ms --list "pid:$$" --columns=s
like "--list pid: --columns=s: ambiguous" "$err" "possibilities: size, swap"
run_ms --dump -s 1.5.5K "$tmp/six"
like "-s 1.5.5K: not a number" "$err" "not a number"
is "-s 1.5.5K: status 2" "$rc" 2
run_ms --dump -s 1.5 "$tmp/six"
like "-s 1.5: a fraction needs a unit" "$err" "a fraction needs a unit"
run_ms --find 'a\q' "$tmp/six"
like "--find 'a\\q': the pattern echoed as typed" "$err" "--find 'a\\q': invalid search pattern"
is "--find 'a\\q': status 2" "$rc" 2

# Ties keep name order, whichever way the column sorts.
tag=mapscope-clistatus-$$
printf x >"/dev/shm/$tag-a" && printf x >"/dev/shm/$tag-b" && printf xy >"/dev/shm/$tag-c"
on_exit "rm -f '/dev/shm/$tag-a' '/dev/shm/$tag-b' '/dev/shm/$tag-c'"
run_ms --list --kind=shm --columns=name --sort=-size
is "--sort=-size: larger first, ties in name order" "$(printf '%s\n' "$out" | grep -o "$tag-[abc]" | tr '\n' ' ')" \
   "$tag-c $tag-a $tag-b "
run_ms --list --kind=shm --columns=name --sort=size
is "--sort=size: ties in name order" "$(printf '%s\n' "$out" | grep -o "$tag-[abc]" | tr '\n' ' ')" \
   "$tag-a $tag-b $tag-c "

# --info's labels line up in screen columns in every language.
if command -v msgfmt >/dev/null 2>&1; then
   for lang in de zh_CN; do
      mkdir -p "$tmp/locale/$lang/LC_MESSAGES"
      msgfmt -o "$tmp/locale/$lang/LC_MESSAGES/mapscope.mo" "$top_srcdir/po/$lang.po"
   done
   (cd "$tmp" && MAPSCOPE_LOCALEDIR="$tmp/locale" LANGUAGE=de "$MAPSCOPE" --info six) >"$tmp/de.out" 2>/dev/null
   is "German --info: Quelle padded to the widest label" "$(sed -n 1p "$tmp/de.out")" "Quelle:       six"
   is "German --info: Granularität: lines up with it" "$(sed -n 4p "$tmp/de.out" | cut -d' ' -f1-2)" "Granularität: 4096"
   (cd "$tmp" && MAPSCOPE_LOCALEDIR="$tmp/locale" LANGUAGE=zh_CN "$MAPSCOPE" --info six) >"$tmp/zh.out" 2>/dev/null
   is "Chinese --info: labels padded in columns" "$(sed -n 1p "$tmp/zh.out")" "源：         six"
else
   skip "German --info: Quelle padded to the widest label" "no msgfmt"
   skip "German --info: Granularität: lines up with it" "no msgfmt"
   skip "Chinese --info: labels padded in columns" "no msgfmt"
fi

# --info --json: a path that is not UTF-8 has its bytes twin, source_bytes.
bad=$(printf 'n\377x')
printf abc >"$tmp/$bad"
(cd "$tmp" && "$MAPSCOPE" --info --json "$bad") >"$tmp/json.out" 2>/dev/null
like "--info --json, a non-UTF-8 path: source with U+FFFD" "$(cat "$tmp/json.out")" '{"source":"n\ufffdx","source_bytes":"6eff78",'
(cd "$tmp" && "$MAPSCOPE" --info --json six) >"$tmp/json.out" 2>/dev/null
is "--info --json, a UTF-8 path: no twin" "$(grep -c source_bytes "$tmp/json.out")" 0

done_testing
