#!/bin/sh
# Text on the screen is measured in columns and cut with an ellipsis,
# never in the middle of a UTF-8 character: the title keeps the end of a
# long path (the file name), the libmagic type is cut after its last whole
# word; a resize leaves no stale character behind; the attachers' COMMAND
# column is cut to its width so HOW stays aligned; translated headings are
# not cut while there is room; the tour's heading keeps its quit key; the
# name filter matches the real name as well as its escaped form, and
# :filter alone clears it.  Also: p on a pseudo-file says what is true.
. "$top_srcdir/tests/tui/tui.sh"
need_shm() { [ -d /dev/shm ] && [ -w /dev/shm ]; }
# unlike DESC TEXT PART: TEXT does not contain PART
unlike() {
   case "$2" in
   *"$3"*) printf '# got:  %s\n# want it not to contain: %s\n' "$2" "$3"; ok "$1" false ;;
   *) ok "$1" true ;;
   esac
}
# matches DESC TEXT REGEX: TEXT matches the basic regular expression REGEX
matches() {
   if printf '%s\n' "$2" | grep -q -- "$3"; then ok "$1" true
   else
      printf '# got:  %s\n# want it to match: %s\n' "$2" "$3"
      ok "$1" false
   fi
}

# ---- the title ----
cjk=$(printf '\346\227\245%.0s' $(seq 70))          # 70 x U+65E5: 140 columns
make_data_file "$cjk.bin" 4096
tui_start 170 24 "$cjk.bin"
line1=$(tui_capture | sed -n 1p)
like "170 columns: the 144-column name is shown whole" "$line1" "$cjk.bin"
unlike "... with no escaped half character" "$line1" '\\x'
tui_resize 80 24
line1=$(tui_capture | sed -n 1p)
matches "80 columns: the end of the name (the file name) is kept behind an ellipsis" \
   "$line1" "^ …\(日\)*\.bin *$"
unlike "... with no escaped half character" "$line1" '\\x'
tui_stop
is "quit exits 0" "$tui_rc" 0

long=$(printf 'd%.0s' $(seq 200))
mkdir "$tmp/$long"
make_data_file "$long/x.bin" 4096
tui_start 120 24 "$long/x.bin"
matches "a 200-column path at 120 columns: an ellipsis, then its end" \
   "$(tui_capture | sed -n 1p)" "^ …d*/x.bin *$"
tui_stop

# ---- the libmagic type, cut after its last whole word ----
cyr=$(printf '\321\204\320\260\320\271\320\273%.0s' $(seq 12))ab   # 50 columns
cp "$MAPSCOPE" "$tmp/$cyr" 2>/dev/null || cp /bin/sh "$tmp/$cyr"
tui_start 80 24 "$cyr"
tui_wait_text "ELF" 10
line2=$(tui_capture | sed -n 2p)
matches "80 columns: the type is cut after a whole word" "$line2" "│ ELF…$"
tui_stop

# ---- a resize leaves no stale character ----
if need_shm; then
   printf 'a' >"/dev/shm/mapscope-w$$-a"
   printf 'b' >"/dev/shm/mapscope-w$$-b"
   on_exit "rm -f /dev/shm/mapscope-w$$-a /dev/shm/mapscope-w$$-b"
   tui_start 80 24 -c "filter mapscope-w$$"
   tui_send "j"
   tui_resize 40 24
   tui_send "<C-l>"
   first=$(tui_capture | grep -m1 '^shm')
   matches "after j and a resize to 40 columns the first row is clean" "$first" "^shm  *[/…]"
   unlike "... no heading letter wrapped onto it" "$first" "^shmS"
   tui_send ":filter"
   unlike ":filter alone clears the filter" "$(tui_capture | sed -n '$p')" "wrong arguments"
   unlike "... and the title no longer names one" "$(tui_capture | sed -n 1,2p)" "filter:"
   tui_stop
   is "quit exits 0" "$tui_rc" 0
fi

# ---- the name filter matches the real name ----
if need_shm; then
   rlo=$(printf '\342\200\256')                 # U+202E, right-to-left override
   printf 'x' >"/dev/shm/mapscope-w$$-${rlo}evil"
   on_exit "rm -f '/dev/shm/mapscope-w$$-${rlo}evil'"
   tui_start 100 24 -c "filter ${rlo}evil"
   expect_status "a real U+202E typed in the filter matches the name" "object 1/1"
   tui_send ":filter \\u202eevil"
   expect_status "... and so does its escaped form" "object 1/1"
   tui_stop
fi

# ---- a long filter in the title: cut in columns, with an ellipsis ----
if need_shm; then
   ff=$(printf '\346\227\245%.0s' $(seq 60))
   tui_start 200 24 -c "filter $ff"
   t=$(tui_capture | sed -n 1,2p)
   like "a 120-column filter is cut with an ellipsis in the title" "$t" "日…"
   unlike "... never inside a character" "$t" '\x'
   tui_stop
fi

# ---- the attachers' COMMAND column ----
if need_shm && command -v python3 >/dev/null 2>&1; then
   printf 'held' >"/dev/shm/mapscope-w$$-held"
   on_exit "rm -f /dev/shm/mapscope-w$$-held"
   # a process that holds it and names itself with 15 control bytes
   python3 -c '
import sys, time
f = open(sys.argv[1], "rb")
open("/proc/self/comm", "wb").write(bytes(range(1, 16)))
print("ready", flush=True)
time.sleep(300)
' "/dev/shm/mapscope-w$$-held" >"$tmp/holder.out" &
   holder=$!
   on_exit "kill $holder 2>/dev/null"
   w=0
   while ! grep -q ready "$tmp/holder.out" 2>/dev/null && [ $w -lt 200 ]; do
      sleep 0.05
      w=$((w + 1))
   done
   tui_start 100 24 -c "filter mapscope-w$$-held"
   expect_status "the object" "object 1/1"
   tui_send "a"
   tui_wait_text "HOW" 10
   head=$(tui_capture | grep -m1 'HOW')
   row=$(tui_capture | grep -m1 " $holder  ")
   # columns before HOW and before the holder's "fd 3" (characters, not bytes)
   hx=$(printf '%s' "${head%%HOW*}" | LC_ALL=C.UTF-8 wc -m)
   rx=$(printf '%s' "${row%%fd *}" | LC_ALL=C.UTF-8 wc -m)
   is "a command of 15 control bytes is cut: HOW stays under its heading" "$rx" "$hx"
   like "... with an ellipsis" "$row" "…"
   tui_stop
   kill "$holder" 2>/dev/null
fi

# ---- translated headings: not cut while there is room ----
if command -v msgfmt >/dev/null 2>&1 && need_shm; then
   mkdir -p "$tmp/locale/de/LC_MESSAGES"
   msgfmt -o "$tmp/locale/de/LC_MESSAGES/mapscope.mo" "$top_srcdir/po/de.po"
   tui_env="MAPSCOPE_LOCALEDIR='$tmp/locale' LANGUAGE=de"
   tui_start 80 24 -c "filter mapscope-w$$"
   hdr=$(tui_capture | grep -m1 'NAME')
   like "German: MODUS whole" "$hdr" " MODUS "
   unlike "... no heading cut" "$hdr" "…"
   tui_stop
   tui_start 80 24 --tour
   tui_wait_text "q Ende" 15
   matches "the German tour heading keeps its quit key at 80 columns" \
      "$(tui_capture | sed -n 1p)" "q Ende *$"
   tui_stop
   tui_env=
fi

# ---- p on a pseudo-file ----
if [ -r /proc/meminfo ]; then
   tui_start 80 24 /proc/meminfo
   tui_send "p"
   expect_status "p: the kernel makes the contents at each read" \
      "the kernel makes this file's contents anew at each read"
   tui_send "<Esc>" "R"
   expect_status "R reads it again" "reopened the same object"
   tui_stop
fi
done_testing
