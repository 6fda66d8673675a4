#!/bin/sh
# The residency map does not lie.  mincore() calls every page of a file
# resident for a caller who neither owns it nor may write it (Linux 5.0
# on); cachestat() refuses that caller.  So, viewed by an unprivileged
# user, a root-owned file's page map says "unknown" for every page, evicted
# or not, and never "resident"; viewed by root, it says what the page
# cache holds (fincore(1) is the oracle).
. "$top_srcdir/tests/tui/tui.sh"
[ "$(id -u)" -eq 0 ] || skip_all "needs root to own the file and to run as another user"
command -v setpriv >/dev/null 2>&1 || skip_all "setpriv is not installed"

# 256 KiB: one window of 64 pages; root-owned, readable by all, evicted
make_data_file cold.bin 262144
chmod 644 "$tmp/cold.bin"
evict() { dd if="$tmp/cold.bin" iflag=nocache count=0 status=none; }
evict

# the scratch directory is the unprivileged run's too: the script FIFO and
# its sync files
chmod 1777 "$tmp"
cat >"$tmp/as-nobody" <<EOS
#!/bin/sh
exec setpriv --reuid=65534 --regid=65534 --clear-groups -- '$MAPSCOPE' "\$@"
EOS
chmod 755 "$tmp/as-nobody"
real=$MAPSCOPE

pagemap() { tui_capture | sed -n 's/^pages    //p'; }
q64=$(printf '%64s' '' | tr ' ' '?')

MAPSCOPE="$tmp/as-nobody"
tui_start 80 24 -W 256K -c mapping cold.bin
chmod 666 "$tmp/script"
ok "unprivileged: the heading says resident: unknown" tui_wait_text "pages: 64, resident: unknown"
is "unprivileged, evicted: every page unknown, none resident" "$(pagemap)" "$q64"
ok "... and says why" tui_wait_text "residency unknown: cachestat() refuses"
tui_send ":mapping figures"
ok "unprivileged, figures: unknown there too" tui_wait_text "residency unknown: cachestat() refuses"
ok "... no counts that nothing told" sh -c '! printf "%s\n" "$1" | grep -q "in memory,"' sh "$(tui_capture)"
tui_send ":mapping calls"
cat "$tmp/cold.bin" >/dev/null             # now every page is in memory
tui_send ":refresh"
is "unprivileged, cached: still unknown (nothing tells this user)" "$(pagemap)" "$q64"
tui_stop
is "quit exits 0" "$tui_rc" 0
MAPSCOPE=$real

# root: what the page cache holds, as fincore counts it.  Reading the
# screen's first bytes reads the pages around them (how many depends on
# the device's read-ahead), and the type lookup reads more: once the type
# is shown, evict what is not mapped, draw again and compare.
tui_start 80 24 -W 256K -c mapping cold.bin
ok "root: the type was looked up" tui_wait_text "data"
ok "root: cachestat() answers, no unknown" sh -c '! printf "%s\n" "$1" | grep -q "unknown"' sh "$(tui_capture)"
tui_send ":mapping figures"
ok "root, figures: cachestat()'s counts" tui_wait_text "cachestat() of 64 pages: "
tui_send ":mapping calls"
evict
res=$(fincore --noheadings --output PAGES "$tmp/cold.bin" | tr -d ' ')
tui_send "M" "M"
ok "root, evicted: the heading's count is fincore's ($res)" tui_wait_text "pages: 64, resident: $res "
map=$(pagemap)
cached=$(printf '%s' "$map" | sed 's/[^█]//g' | wc -m)
is "root, evicted: the page map shows as many pages in memory" "$cached" "$res"
like "root, evicted: pages not in memory are shown as such" "$map" "·"
cat "$tmp/cold.bin" >/dev/null
tui_send "M" "M"
ok "root, read: every page in memory" tui_wait_text "pages: 64, resident: 64 "
is "root, read: the map is all resident" "$(pagemap | tr -d '\n')" "$(printf '%64s' '' | sed 's/ /█/g')"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
