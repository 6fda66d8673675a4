#!/bin/sh
# The layers hold: no kernel path or text format above src/platform/, no
# curses below src/ui/, and no guess from a descriptor at what a source can
# do (kinds declare it: SOURCE_CAN_*).
. "$top_srcdir/tests/lib.sh"

src="$top_srcdir/src"
above() { grep -rn --include='*.c' --include='*.h' -e "$1" "$src/core" "$src/app" 2>/dev/null; }

# /proc as a path (not platform/processes.h, which merely contains it)
for word in /proc sysvipc /SYSV memfd:; do
   found=$(above "$word" | grep -v -e '#include "platform/processes.h"' -e '#include "platform/procmem.h"' \
                                   -e '#include "platform/procpages.h"' -e '#include "app/procview.h"')
   is "no '$word' in src/core or src/app" "$found" ""
done
found=$(grep -rln --include='*.c' --include='*.h' -e '<curses.h>' -e '<ncurses' "$src/core" "$src/app" "$src/platform")
is "curses only in src/ui" "$found" ""
found=$(grep -rn --include='*.c' -e 'src->fd\b' -e 's->fd\b' -e "->ops [!=]= &source_" "$src/core" "$src/app" "$src/ui")
is "no source's descriptor or ops table stands for what it can do" "$found" ""
found=$(grep -rn --include='*.c' -e 'prefix, "s[hey][mms]' "$src/app" "$src/ui")
is "no kind is told by its prefix text" "$found" ""
# The terminal sees text only through ui/crt.c, which escapes what could
# move the cursor or reorder a line (a cell array of byte glyphs is no text).
found=$(grep -rnE --include='*.c' -e '\<(mv)?w?(add|ins)n?w?str\>' -e '\<(mv)?w?v?w?_?printw\>' \
                                  -e '\<(mv)?w?addch\>' -e '\<(mv)?w?add_wch\>' "$src/ui" | grep -v '/ui/crt\.c:')
is "text reaches curses only through ui/crt.c (crt_put*)" "$found" ""
done_testing
