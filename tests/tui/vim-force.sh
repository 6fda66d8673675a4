#!/bin/sh
# vi's forced writes at the ':' prompt: :w!, :wq! and :x! flush as :flush!
# does, even where the object changed since it was read (where :w, :wq and
# :x refuse and stay); with nothing to write they do as their unforced
# forms; help lists them.  :quit! is :q!, as :quit is :q.
. "$top_srcdir/tests/tui/tui.sh"
tui_env="XDG_STATE_HOME='$tmp/state'"
make_data_file data.bin 65536
byte0() { od -An -tx1 -N1 "$tmp/data.bin" | tr -d ' '; }

# :w refuses a file changed since it was read; :w! writes anyway.
tui_start 80 24 data.bin
tui_send "i41<Esc>"
touch -d '2001-01-01' "$tmp/data.bin"
tui_send ":w"
expect_status ":w refuses a file changed since it was read" "not flushed: it was modified"
is "... nothing written" "$(byte0)" 6d
tui_send ":w!"
expect_status ":w! flushes anyway, as :flush!" "flushed: 1 byte in 1 page"
is "... the byte written" "$(byte0)" 41
tui_send ":w!"
expect_status ":w! with nothing pending says so" "no edits to flush"
tui_send ":help"
found=""                      # the three may fall on two pages
for page in 1 2 3 4 5 6 7 8; do
   found=$(printf '%s\n%s' "$found" "$(tui_capture | grep -E '^  :(w!|wq!|x!) ')")
   [ "$(printf '%s\n' "$found" | grep -cE '^  :(w!|wq!|x!) ')" -ge 3 ] && break
   tui_send "<PgDn>"
done
like "help lists :w!" "$found" ":w!                    write even if the object changed (as :flush!)"
like "... :wq!" "$found" ":wq!                   as :wq, flushing as :flush! does"
like "... :x!" "$found" ":x!                    as :wq!"
tui_send "q"

# :wq refuses and stays; :wq! flushes and quits.
tui_send ":goto 0" "i42<Esc>"
touch -d '2002-02-02' "$tmp/data.bin"
tui_send ":wq"
expect_status ":wq refuses the changed file and stays" "not flushed: it was modified"
is "... nothing written" "$(byte0)" 41
printf ':wq!\n' >&3
tui_wait_file "$tmp/exit"
is ":wq! flushes and quits, exit 0" "$(cat "$tmp/exit")" 0
is "... the byte written" "$(byte0)" 42

# :x! as :wq!
tui_start 80 24 data.bin
tui_send "i43<Esc>"
touch -d '2003-03-03' "$tmp/data.bin"
tui_send ":x"
expect_status ":x refuses the changed file and stays" "not flushed: it was modified"
is "... nothing written" "$(byte0)" 42
printf ':x!\n' >&3
tui_wait_file "$tmp/exit"
is ":x! flushes and quits, exit 0" "$(cat "$tmp/exit")" 0
is "... the byte written" "$(byte0)" 43

# With no edits :x! and :wq! just quit.
tui_start 80 24 data.bin
printf ':x!\n' >&3
tui_wait_file "$tmp/exit"
is ":x! with no edits quits, exit 0" "$(cat "$tmp/exit")" 0
tui_start 80 24 data.bin
printf ':wq!\n' >&3
tui_wait_file "$tmp/exit"
is ":wq! with no edits quits, exit 0" "$(cat "$tmp/exit")" 0
is "the file is as the last flush left it" "$(byte0)" 43

# :quit! as :q!: the edit discarded, at once.
tui_start 80 24 data.bin
tui_send "i44<Esc>"
printf ':quit!\n' >&3
tui_wait_file "$tmp/exit"
is ":quit! quits at once, exit 0" "$(cat "$tmp/exit")" 0
is "... the edit discarded" "$(byte0)" 43

# The object list has nothing to write.
tui_start 80 24 -c "filter mst$$-none"
tui_send ":w!"
expect_status ":w! in the object list: nothing to write" "no object is open: nothing to write"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
