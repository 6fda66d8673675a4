#!/bin/sh
# GNU behaviour: --help, --version, usage errors with status 2.
. "$top_srcdir/tests/lib.sh"

run_ms --help
is "--help: status 0" "$rc" 0
like "--help: usage line" "$out" "Usage: mapscope [OPTION]... [SOURCE]"
for opt in --dump --xxd --skip --length --granularity --window --help --version; do
   like "--help lists $opt" "$out" "$opt"
done
run_ms -h
is "-h: status 0" "$rc" 0

run_ms --version
is "--version: status 0" "$rc" 0
like "--version: name and version" "$out" "mapscope 0."
like "--version: licence" "$out" "GPLv3+"

# No SOURCE: the screen's object list, which needs a terminal.
run_ms </dev/null
is "no SOURCE, no terminal: status 1" "$rc" 1
like "no SOURCE, no terminal: message" "$err" "standard input and output must be a terminal"
is "no SOURCE, no terminal: nothing on stdout" "$out" ""
printf abc | "$MAPSCOPE" --info >"$tmp/.out" 2>"$tmp/.err"
is "--info without SOURCE: reads standard input, as --dump does" "$?" 0
like "--info without SOURCE: describes it" "$(cat "$tmp/.out")" "source:      -"
run_ms --recover
is "--recover without SOURCE: status 2" "$rc" 2
like "--recover without SOURCE: message" "$err" "no SOURCE given"
like "--recover without SOURCE: hint" "$err" "Try 'mapscope --help'"
printf abc >"$tmp/abc"
cat "$tmp/abc" | "$MAPSCOPE" --dump >"$tmp/.out"
out=$(cat "$tmp/.out")
is "--dump without SOURCE reads standard input" "$out" "00000000  61 62 63                                          |abc|
00000003"
run_ms --patch 0:00
is "--patch without SOURCE: status 2" "$rc" 2
like "--patch without SOURCE: message" "$err" "no SOURCE given"
run_ms --bogus x
is "unknown long option: status 2" "$rc" 2
like "unknown long option: message" "$err" "unknown option '--bogus'"
run_ms -Z x
is "unknown short option: status 2" "$rc" 2
like "unknown short option: message" "$err" "unknown option '-Z'"
run_ms --dump -s
is "missing argument: status 2" "$rc" 2
like "missing argument: message" "$err" "option '-s' needs an argument"
run_ms --dump a b
is "two sources: status 2" "$rc" 2
like "two sources: message" "$err" "only one SOURCE"
run_ms --dump -W 0 x
is "zero window: status 2" "$rc" 2
like "zero window: message" "$err" "must be greater than zero"

# Window options where nothing maps windows are refused, not ignored.
printf 'data' >"$tmp/w"
run_ms --find x -W 64K "$tmp/w"
is "--find with -W: status 2" "$rc" 2
like "--find with -W: says why" "$err" "--find reads the object, it maps no windows"
run_ms --find x -g 64K "$tmp/w"
is "--find with -g: status 2" "$rc" 2
run_ms --list -g 64K
is "--list with -g: status 2" "$rc" 2
like "--list with -g: says why" "$err" "--list maps nothing"
run_ms --info -W 1M "$tmp/w"
is "--info with -W: status 2" "$rc" 2
like "--info with -W: says where it goes" "$err" "--window goes with the screen"
run_ms --info -g 64K "$tmp/w"
is "--info with -g: it reports that granularity" "$rc" 0
like "--info with -g: 64 KiB" "$out" "65536"

# Output errors: a full device is an I/O error, status 1.
if [ -w /dev/full ]; then
   printf 'data' >"$tmp/f"
   "$MAPSCOPE" --dump "$tmp/f" >/dev/full 2>"$tmp/err"
   is "write to a full device: status 1" "$?" 1
   like "write to a full device: message" "$(cat "$tmp/err")" "write error (No space left on device)"
else
   skip "write to a full device" "/dev/full is not writable"
fi

# One mode a run: a second is a usage error, never silently dropped
# (--recover --find would otherwise search and roll nothing back).
printf 'hello\n' >"$tmp/modes"
for pair in "--recover --find=AB" "--list --dump" "--info --dump" "--dump --find=e" "--dump --list"; do
   # shellcheck disable=SC2086
   run_ms $pair "$tmp/modes"
   is "$pair: usage error" "$rc" 2
   like "$pair: says they are two modes" "$err" "are two modes; give one"
done

# An option of the screen's given to a mode that prints and exits is a usage
# error, never silently dropped (-o 4 --dump dumped from 0).
printf 'abcdefgh' >"$tmp/screenopt"
for opt in "-o 4" "--offset=4" "-c quit" "--cols=4" "--refresh=500" "--script=$tmp/screenopt"; do
   for mode in "--dump" "--find=c" "--info" "--patch=0:41"; do
      # shellcheck disable=SC2086
      run_ms $opt $mode "$tmp/screenopt"
      is "$opt $mode: usage error" "$rc" 2
      like "$opt $mode: says it goes with the screen" "$err" "goes with the screen"
      is "$opt $mode: prints nothing" "$out" ""
   done
done
run_ms -c quit --list
is "-c with --list: usage error" "$rc" 2
run_ms -o 4 --list "pid:$$"
is "-o with --list pid:PID: usage error" "$rc" 2
ok "no mode wrote the file" test "$(cat "$tmp/screenopt")" = abcdefgh
# A long word in a usage message is cut with an ellipsis, never silently.
x100=$(printf '%100s' '' | tr ' ' x)
run_ms "--${x100}END"
is "a 100-byte unknown option: usage error" "$rc" 2
like "... cut with an ellipsis" "$err" "unknown option '--$(printf '%62s' '' | tr ' ' x)...'"
run_ms --list --columns "kind,${x100}END"
is "a 100-byte unknown column: usage error" "$rc" 2
like "... cut with an ellipsis" "$err" "--columns '$(printf '%64s' '' | tr ' ' x)...': no such column"
done_testing
