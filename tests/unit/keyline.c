/* Unit tests: a heading of keys fitted to a width drops keys, never the
 * most needed one. */
#include "config.h"

#include "core/keyline.h"
#include "core/textwidth.h"
#include "tap.h"

#include <locale.h>
#include <string.h>

#define ELL "\xe2\x80\xa6"

static const KeyHint keys[] = {
   { "n weiter", 4 }, { "p zur\xc3\xbc" "ck", 3 }, { "3g Schritt 3", 1 },
   { "j k rollen", 2 }, { "q Ende", 5 },
};
static const char lead[] = "mapscope-F\xc3\xbchrung (PID 1234)";

static void fit_is(size_t cols, const char *want, const char *what) {
   char out[512];
   size_t w = keyline_build(out, sizeof out, lead, keys, 5, cols, ELL);
   is_str(out, want, "%s", what);
   ok(w <= cols && textwidth_cols(out) == w, "%s: within %zu columns", what, cols);
}

int main(void) {
   plan_lazy();
   if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "en_US.UTF-8")) {
      printf("1..0 # SKIP no UTF-8 locale\n");
      return 0;
   }
   fit_is(200, "mapscope-F\xc3\xbchrung (PID 1234): n weiter, p zur\xc3\xbc" "ck, 3g Schritt 3, "
               "j k rollen, q Ende", "room: every key, in order");
   fit_is(70, "mapscope-F\xc3\xbchrung (PID 1234): n weiter, p zur\xc3\xbc" "ck, j k rollen, q Ende",
          "less room: the least needed key goes first");
   fit_is(50, "mapscope-F\xc3\xbchrung (PID 1234): n weiter, q Ende",
          "less still: q stays");
   fit_is(38, "mapscope-F\xc3\xbchrung (PID 1234): q Ende", "only q left");
   fit_is(20, "mapscope-F\xc3\xbc" ELL ": q Ende", "the lead is cut, not the quit key");
   fit_is(5, "q En" ELL, "nothing fits: the key itself, cut");
   return done_testing();
}
