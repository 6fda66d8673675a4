#!/bin/sh
# The title's type: libmagic's, or, in a build configured --without-libmagic,
# a plain word that says why there is none.
. "$top_srcdir/tests/tui/tui.sh"
printf 'just some words\nin a text file\n' >"$tmp/words.txt"

if grep -q '^#define HAVE_LIBMAGIC 1' "$top_builddir/config.h"; then
   want="ASCII text"
else
   want="unknown (built without libmagic)"
fi
tui_start 132 43 words.txt
expect_line 1 "the title shows the type: $want" "│ $want"
tui_stop
is "quit exits 0" "$tui_rc" 0
is "nothing on stderr" "$(cat "$tmp/stderr")" ""

done_testing
