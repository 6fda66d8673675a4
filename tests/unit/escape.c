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

static void screen_is(const char *in, const char *want, const char *what) {
   char got[128];
   escape_screen_into(got, sizeof got, in);
   is_str(got, want, "screen: %s", what);
}

/* The screen's gate escapes what escape_into() escapes, except a backslash;
 * so what escape_into() wrote passes through it unchanged. */
static void screen_gate(void) {
   screen_is("A\\xe2\\x80\\xaeB", "A\\xe2\\x80\\xaeB", "a typed backslash is kept as typed");
   screen_is("A\xe2\x80\xae" "B\xe2\x80\xa8" "C", "A\\u202eB\\u2028C", "U+202E and U+2028 typed at a prompt");
   screen_is("\xe2\x80\x8f\xe2\x80\x8e\xd8\x9c", "\\u200f\\u200e\\u061c", "RLM, LRM, ALM");
   screen_is("\xe2\x81\xa6\xe2\x81\xa9\xe2\x80\xaa\xe2\x80\xa9", "\\u2066\\u2069\\u202a\\u2029",
             "isolates, embedding, paragraph separator");
   screen_is("a\033[2Jb\x07\n\t", "a\\e[2Jb\\x07\\n\\t", "C0 controls");
   screen_is("\xc2\x9b" "1m\xc2\x85", "\\xc2\\x9b1m\\xc2\\x85", "C1 controls (CSI, NEL)");
   screen_is("bad\xff", "bad\\xff", "a byte that is not UTF-8");
   screen_is("caf\xc3\xa9 \xe6\x97\xa5", "caf\xc3\xa9 \xe6\x97\xa5", "letters are kept");
   const char *names[] = { "evil\xe2\x80\xaetxt\\\n\033", "a\\u202eb", "\xff\xc2\x85" };
   for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
      char *once = escape_dup(names[i]), twice[128];
      escape_screen_into(twice, sizeof twice, once);
      is_str(twice, once, "a name escaped before passes the gate unchanged (%zu)", i);
      free(once);
   }
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

   esc_is("evil\xe2\x80\xaetxt.exe", "evil\\u202etxt.exe", "U+202E (right-to-left override) is escaped");
   esc_is("a\xe2\x80\xaa" "b\xe2\x80\xac" "c", "a\\u202ab\\u202cc", "U+202A embedding and U+202C pop");
   esc_is("\xe2\x81\xa6x\xe2\x81\xa9", "\\u2066x\\u2069", "isolates U+2066-2069");
   esc_is("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "\\u200e\\u200f\\u061c", "LRM, RLM, ALM");
   esc_is("one\xe2\x80\xa8two\xe2\x80\xa9", "one\\u2028two\\u2029", "line and paragraph separators");
   esc_is("zero\xe2\x80\x8bwidth\xef\xbb\xbf", "zero\\u200bwidth\\ufeff", "zero-width space, BOM");
   esc_is("tag\xf3\xa0\x80\x81", "tag\\U000e0001", "a tag past the BMP as \\U");
   esc_is("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xe6\x97\xa5\xe6\x9c\xac", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xe6\x97\xa5\xe6\x9c\xac",
          "Hebrew and CJK letters themselves are kept");

   char small[8];
   size_t full = escape_into(small, sizeof small, "abcd\033efgh");
   is_u64(full, 10, "the full length is reported");
   is_str(small, "abcd\\ee", "truncation keeps whole escapes");
   size_t n = escape_into(small, sizeof small, "abcdef\033");
   is_u64(n, 8, "length counts the escape");
   is_str(small, "abcdef", "an escape that does not fit is left out whole");
   screen_gate();
   return done_testing();
}
