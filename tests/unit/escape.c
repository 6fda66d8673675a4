/* Unit tests: escaping untrusted names. */
#include "config.h"

#include "core/escape.h"
#include "tap.h"

#include <stdlib.h>

static void esc_is(const char *in, const char *want, const char *what) {
   char *got = escape_dup(in);
   is_str(got, want, "%s", what);
   free(got);
}

int main(void) {
   plan_lazy();
   esc_is("plain.txt", "plain.txt", "plain ASCII is unchanged");
   esc_is("caf\xc3\xa9", "caf\xc3\xa9", "valid UTF-8 is unchanged");
   esc_is("a\033[31mred", "a\\e[31mred", "ESC is escaped");
   esc_is("new\nline\ttab\r", "new\\nline\\ttab\\r", "newline, tab, CR");
   esc_is("\x01\x7f", "\\x01\\x7f", "other controls as \\xNN");
   esc_is("back\\slash", "back\\\\slash", "backslash doubles, so escapes are unambiguous");
   esc_is("bad\xff\xfe", "bad\\xff\\xfe", "invalid bytes as \\xNN");
   esc_is("\xc2\x9b" "31m", "\\xc2\\x9b31m", "C1 control (CSI) is escaped");
   esc_is("\xc0\xaf", "\\xc0\\xaf", "overlong encoding is invalid");
   esc_is("\xed\xa0\x80", "\\xed\\xa0\\x80", "surrogate is invalid");
   esc_is("trunc\xe2\x82", "trunc\\xe2\\x82", "truncated sequence is invalid");

   char small[8];
   size_t full = escape_into(small, sizeof small, "abcd\033efgh");
   is_u64(full, 10, "the full length is reported");
   is_str(small, "abcd\\ee", "truncation keeps whole escapes");
   size_t n = escape_into(small, sizeof small, "abcdef\033");
   is_u64(n, 8, "length counts the escape");
   is_str(small, "abcdef", "an escape that does not fit is left out whole");
   return done_testing();
}
