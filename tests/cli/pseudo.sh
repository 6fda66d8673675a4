#!/bin/sh
# Pseudo-files (/proc, /sys): their stat() size is 0 or one page whatever
# they hold, and they cannot be mapped.  Every mode reads them whole.
. "$top_srcdir/tests/lib.sh"

[ -r /proc/version ] || skip_all "no /proc/version here"
cp /proc/version "$tmp/version"
run_ms --dump /proc/version
is "--dump /proc/version exits 0" "$rc" 0
is "--dump equals hexdump -C of its text" "$out" "$(hexdump -C "$tmp/version")"
run_ms --info /proc/version
like "--info: its size, counted by reading it to its end" "$out" "(counted by reading it to its end)"
like "--info: the size is what reading gave, not stat()'s 0" "$out" "size:        $(wc -c <"$tmp/version" | tr -d ' ')"
# A pseudo-file whose content goes on (8 bytes for each page of the address
# space): --info probes a bounded part, never the whole (it used to hang).
if [ -r /proc/self/pagemap ]; then
   out=$(timeout 60 "$MAPSCOPE" --info /proc/self/pagemap 2>&1)
   is "--info /proc/self/pagemap ends" "$?" 0
   like "... the size is unknown, more than the probe" "$out" \
      "size:        unknown: more than 1048576 bytes (--info reads no further)"
   out=$(timeout 60 "$MAPSCOPE" --info --json /proc/self/pagemap 2>&1)
   like "... in JSON too" "$out" '"size":null,"size_more_than":1048576,'
else
   skip "--info /proc/self/pagemap ends" "no /proc/self/pagemap"
fi
run_ms --find Linux /proc/version
is "--find reads it" "$out" "0x00000000 0"
run_ms --patch 0:41 --flush /proc/version
is "--patch --flush on a pseudo-file: exit 1" "$rc" 1
is "... with the reason" "$err" "mapscope: /proc/version: cannot edit (this kind of source cannot be edited)"
run_ms --dump /proc/self/status
like "--dump of a file whose text changes: what one read gave" "$out" "|Name:"
done_testing
