/* Unit tests: single lines in both styles (the CLI tests compare whole
 * dumps with the real tools). */
#include "config.h"

#include "core/format.h"
#include "tap.h"

static void line_is(FormatStyle style, uint64_t off, const char *bytes, unsigned n,
                    const char *want, const char *what) {
   char buf[FORMAT_LINE_MAX + 1];
   size_t len = format_line(style, buf, off, (const unsigned char *)bytes, n);
   buf[len] = '\0';
   is_str(buf, want, "%s", what);
}

int main(void) {
   plan_lazy();
   line_is(FORMAT_HEXDUMP_C, 0, "Hello\n", 6,
           "00000000  48 65 6c 6c 6f 0a                                 |Hello.|\n",
           "hexdump: short line");
   line_is(FORMAT_HEXDUMP_C, 16, "0123456789abcdef", 16,
           "00000010  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n",
           "hexdump: full line");
   line_is(FORMAT_HEXDUMP_C, 0x13fffff90ull, "\x00\x7f\x80\xff ~", 6,
           "13fffff90  00 7f 80 ff 20 7e                                 |.... ~|\n",
           "hexdump: offset past 4 GiB widens, non-printables are dots");
   line_is(FORMAT_HEXDUMP_C, 0, "012345678", 9,
           "00000000  30 31 32 33 34 35 36 37  38                       |012345678|\n",
           "hexdump: nine bytes cross the middle gap");
   line_is(FORMAT_XXD, 0, "Hello\n", 6,
           "00000000: 4865 6c6c 6f0a                           Hello.\n",
           "xxd: short line");
   line_is(FORMAT_XXD, 32, "0123456789abcdef", 16,
           "00000020: 3031 3233 3435 3637 3839 6162 6364 6566  0123456789abcdef\n",
           "xxd: full line");
   line_is(FORMAT_XXD, 0, "A", 1,
           "00000000: 41                                       A\n",
           "xxd: one byte");
   char buf[FORMAT_LINE_MAX + 1];
   size_t len = format_end_line(buf, 0x140000000ull);
   buf[len] = '\0';
   is_str(buf, "140000000\n", "end line past 4 GiB");
   len = format_end_line(buf, 6);
   buf[len] = '\0';
   is_str(buf, "00000006\n", "end line pads to eight digits");
   return done_testing();
}
