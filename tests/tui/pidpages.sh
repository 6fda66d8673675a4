#!/bin/sh
# The mapping pane (M) on another process's memory (tests/helpers/
# procmemhelper): the page map of the window's pages as the process has
# them (in memory, not present, swapped, not mapped, and C where it
# copied a page of a file it maps private), its counts, its legend, where
# it came from; -g widens the window as a mapping's would; and as an
# unprivileged user looking at a process of its own, the same map, the
# frame numbers said to be withheld (root is not told that).
. "$top_srcdir/tests/tui/tui.sh"

helper="$top_builddir/tests/helpers/procmemhelper"
[ -x "$helper" ] || skip_all "tests/helpers/procmemhelper is not built"

# helper_start NAME PREFIX [ARG...]: the helper (run through PREFIX, a
# command line or "") mapping $tmp/NAME.dat private, with ARGs; its facts
# as $h_pid, $h_priv, $h_known ...
helper_start() {
   name=$1 prefix=$2
   shift 2
   printf 'the file itself\n' >"$tmp/$name.dat"
   truncate -s 131072 "$tmp/$name.dat"
   chmod 644 "$tmp/$name.dat"
   $prefix "$helper" -f "$tmp/$name.dat" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
   hpid=$!
   on_exit "kill $hpid 2>/dev/null; wait $hpid 2>/dev/null"
   await_line "$tmp/$name.out" '^pid=' "$hpid" "$tmp/$name.err" "procmemhelper started"
   for kv in $(cat "$tmp/$name.out"); do
      eval "h_${kv%%=*}=${kv#*=}"
   done
}
hx() { printf '%x' "$(($1))"; }

tui_capture() {
   tui_tmux capture-pane -p -t tui 2>/dev/null |
      sed -e "s|$tmp|TMP|g" -e "s/pid:$h_pid/pid:PID/g" \
          -e 's/[0-9a-f]\{9\}\([0-9a-f]\{3\}\)/ADDRESS\1/g' \
          -e 's/ 0x[0-9a-f]*…/ 0x…/g' \
          -e '1,2s/ │ \(ASCII text\|data\)$//'
}

# pane_has NAME TEXT: the screen comes to show TEXT (within a few seconds)
pane_has() {
   tui_wait_text "$2" 5
   like "$1" "$(tui_capture)" "$2"
}
# cells: the page map's cells on the screen, one string
cells() {
   tui_capture | sed -n '/^pages    /,/^page map from/p' | sed -e '$d' | cut -c10- | tr -d '\n'
}
cell() { cells | python3 -c 'import sys; print(sys.stdin.read()['"$1"'])'; }
# counted: in memory + swapped + not present, from the counts line
counted() {
   tui_capture | tr '\n' ' ' |
      sed -n 's/.* pages: \([0-9]*\) in memory.* \([0-9]*\) swapped, \([0-9]*\) not present, \([0-9]*\) not mapped;.*/\1 \2 \3 \4/p' |
      awk '{ print $1 + $2 + $3 + $4 }'
}
# window_checks WHO: the 32 pages of the file mapped private: the first
# the process's copy; those libmagic read (64 KiB from the cursor) in
# memory; the last never touched (a read fault maps at most the 64 KiB
# around it of what the page cache holds)
window_checks() {
   is "$1: the first page the process's copy" "$(cell 0)" C
   is "$1: the second in memory (libmagic read it)" "$(cell 1)" "█"
   is "$1: the last never touched: not present" "$(cell 31)" "·"
   is "$1: every page counted once" "$(counted)" 32
}

# ---- root: the file mapped private, its first page written ----
helper_start priv ""
range="pid:$h_pid:$(hx "$h_priv")-$(hx "$h_priv + 131072")"
tui_start 100 30 -c mapping "$range"
pane_has "the title counts the page the process copied" "1 page copied (C)"
pane_has "the pane's heading counts the window's pages" \
   "pages: 1, resident: 1, swapped: 0, copied (C): 1"
pane_has "one page, the process's own copy" "pages    C
"
tui_screen pidpages-priv-100x30
case "$(tui_capture)" in *"withholds the frame numbers"*) r=said ;; *) r=not ;; esac
is "root is not told of withheld frame numbers" "$r" not
# (libmagic reads 64 KiB from the cursor: those pages come into memory)
tui_send ":granularity 128K"
pane_has "-g 128K: the window is the file's 32 pages" "pages: 32, resident: "
window_checks "root"
pane_has "... the copy counted" "copied by the process (C): 1"
tui_send ":mapping figures"
pane_has "the figures section shows the page map too, with its legend" \
   "C the process's own copy of a page it maps private"
tui_stop
is "quit exits 0" "$tui_rc" 0

# ---- 1 MiB reserved, four pages touched: the others not present ----
# (the pages the screen and libmagic read come in: the zero page)
kill "$hpid"
wait "$hpid" 2>/dev/null
helper_start sparse "" -r 1
[ -n "${h_sparse:-}" ] || h_sparse=0
tui_start 100 30 -c mapping -g 1M "pid:$h_pid:$(hx "$h_sparse")-$(hx "$h_sparse + 1048576")"
pane_has "a window of 256 pages" "pages: 256, resident: "
is "... three lines of cells, 256 of them" "$(cells | python3 -c 'import sys; print(len(sys.stdin.read()))')" 256
is "... the page at a quarter in memory" "$(cell 64)" "█"
is "... the page after it not present" "$(cell 65)" "·"
is "... every page counted once" "$(counted)" 256
tui_stop

# ---- pages not mapped are told apart: the page before a readable
# region that follows a gap ----
gap_start=$(awk '{ split($1, r, "-");
                   if (prev != r[1] && substr($2, 1, 1) == "r") { print r[1]; exit }
                   prev = r[2] }' "/proc/$h_pid/maps")
tui_start 100 30 -c mapping "pid:$h_pid:$(hx "0x$gap_start - 64")-$(hx "0x$gap_start + 64")"
pane_has "two pages: the one before the region, the region's first" "pages: 2, "
is "the page before it: not mapped" "$(cell 0)" "-"
is "the region's first page: mapped" "$(cell 1 | tr -d -- '-')" "$(cell 1)"
pane_has "... counted" " 1 not mapped;"

# ---- the process exits under the view: its pages are not claimed ----
kill "$hpid"
wait "$hpid" 2>/dev/null
pane_has "the page map is unknown once the process has exited" "page map unknown: "
pane_has "... saying why" "has exited"
pane_has "... every cell unknown" "pages    ??
"
pane_has "... and the heading claims nothing" "resident: unknown"
tui_stop

# ---- an unprivileged user on a process of its own ----
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
   kill "$hpid"
   wait "$hpid" 2>/dev/null
   nobody="setpriv --reuid=65534 --regid=65534 --clear-groups --"
   helper_start mine "$nobody"
   printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$nobody" "$MAPSCOPE" >"$tmp/as-nobody"
   chmod 755 "$tmp/as-nobody"
   chmod 777 "$tmp"                     # its sync files are written there
   real=$MAPSCOPE
   MAPSCOPE="$tmp/as-nobody"
   tui_start 100 30 -c mapping "pid:$h_pid:$(hx "$h_priv")-$(hx "$h_priv + 131072")"
   pane_has "as nobody: the same page map" "pages    C
"
   pane_has "... the frame numbers said to be withheld, and not needed" \
      "the kernel withholds the frame"
   tui_screen pidpages-nobody-100x30
   tui_send ":granularity 128K"
   pane_has "as nobody, -g 128K: the same 32 pages" "pages: 32, resident: "
   window_checks "as nobody"
   tui_stop
   MAPSCOPE=$real
else
   skip "an unprivileged user's page map" "needs root and setpriv"
fi

done_testing
