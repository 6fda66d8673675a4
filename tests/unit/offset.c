/* Unit tests: offset and size expressions, a table of good and bad ones. */
#include "config.h"

#include "core/offset.h"
#include "tap.h"

#define KB 1024ull
#define GB (1024ull * 1024 * 1024)

typedef struct {
   const char *text;
   OffsetContext ctx;
   uint64_t size, current;
   bool good;
   uint64_t want;
} Case;

static const Case cases[] = {
   { "0", OFFSET_AS_START, 100, 0, true, 0 },
   { "4096", OFFSET_AS_START, 0, 0, true, 4096 },
   { "0x1f00", OFFSET_AS_START, 0, 0, true, 0x1f00 },
   { "0XFF", OFFSET_AS_START, 0, 0, true, 255 },
   { "64K", OFFSET_AS_START, 0, 0, true, 64 * KB },
   { "64k", OFFSET_AS_START, 0, 0, true, 64 * KB },
   { "64KiB", OFFSET_AS_START, 0, 0, true, 64 * KB },
   { "64KB", OFFSET_AS_START, 0, 0, true, 64000 },
   { "64kb", OFFSET_AS_START, 0, 0, true, 64000 },
   { "64kib", OFFSET_AS_START, 0, 0, true, 64 * KB },
   { "1MB", OFFSET_AS_START, 0, 0, true, 1000000 },
   { "1MiB", OFFSET_AS_START, 0, 0, true, KB * KB },
   { "1m", OFFSET_AS_START, 0, 0, true, KB * KB },
   { "1GB", OFFSET_AS_START, 0, 0, true, 1000000000 },
   { "1TB", OFFSET_AS_START, 0, 0, true, 1000000000000ull },
   { "010", OFFSET_AS_START, 0, 0, true, 8 },
   { "0777", OFFSET_AS_START, 0, 0, true, 511 },
   { "00", OFFSET_AS_START, 0, 0, true, 0 },
   { "010K", OFFSET_AS_START, 0, 0, true, 8 * KB },
   { "0.5K", OFFSET_AS_START, 0, 0, true, 512 },
   { "010", OFFSET_AS_GOTO, 1000, 100, true, 8 },
   { "010", OFFSET_AS_LENGTH, 0, 0, true, 8 },
   { "5G", OFFSET_AS_START, 0, 0, true, 5 * GB },
   { "1.5G", OFFSET_AS_START, 0, 0, true, 3 * GB / 2 },
   { "2T", OFFSET_AS_START, 0, 0, true, 2048 * GB },
   { "0x10K", OFFSET_AS_START, 0, 0, true, 16 * KB },
   { " 42 ", OFFSET_AS_START, 0, 0, true, 42 },
   { "50%", OFFSET_AS_START, 1000, 0, true, 500 },
   { "100%", OFFSET_AS_START, 1000, 0, true, 1000 },
   { "12.5%", OFFSET_AS_START, 1000, 0, true, 125 },
   { "50%", OFFSET_AS_START, 5 * GB, 0, true, 5 * GB / 2 },
   { "-4K", OFFSET_AS_START, 10 * KB, 0, true, 6 * KB },
   { "+4K", OFFSET_AS_START, 10 * KB, 0, true, 4 * KB },
   { "+16", OFFSET_AS_GOTO, 1000, 100, true, 116 },
   { "-16", OFFSET_AS_GOTO, 1000, 100, true, 984 },
   { ".+16", OFFSET_AS_GOTO, 1000, 100, true, 116 },
   { ".-16", OFFSET_AS_GOTO, 1000, 100, true, 84 },
   { ". - 16", OFFSET_AS_GOTO, 1000, 100, true, 84 },
   { "-200", OFFSET_AS_GOTO, 1000, 100, true, 800 },
   { "100%", OFFSET_AS_GOTO, 1000, 100, true, 999 },
   { "99.95%", OFFSET_AS_GOTO, 1000, 100, true, 999 },
   { ".+4K", OFFSET_AS_START, 10 * KB, 0, true, 4 * KB },
   { "end", OFFSET_AS_GOTO, 1000, 100, true, 999 },
   { "END", OFFSET_AS_GOTO, 1000, 100, true, 999 },
   { "10%", OFFSET_AS_GOTO, 1000, 500, true, 100 },
   { "9223372036854775807", OFFSET_AS_START, 0, 0, true, 9223372036854775807ull },
   { "0x7fffffffffffffff", OFFSET_AS_START, 0, 0, true, 0x7fffffffffffffffull },
   { "7E", OFFSET_AS_START, 0, 0, true, 7ull << 60 },
   { "8M", OFFSET_AS_LENGTH, 0, 0, true, 8 * KB * KB },
   /* products past 2^64 before the division */
   { "33.3333%", OFFSET_AS_START, 0x7fffffffffffffffull, 0, true, 3074454271160912984ull },
   { "0.999999999T", OFFSET_AS_START, 0, 0, true, 1099511626676ull },
   { "0.999999999E", OFFSET_AS_START, 0, 0, true, 1152921503453925471ull },
   { "6.5E", OFFSET_AS_START, 0, 0, true, 7493989779944505344ull },
   /* bad */
   { "", OFFSET_AS_START, 0, 0, false, 0 },
   { "   ", OFFSET_AS_START, 0, 0, false, 0 },
   { "abc", OFFSET_AS_START, 0, 0, false, 0 },
   { "0x", OFFSET_AS_START, 0, 0, false, 0 },
   { "0xg", OFFSET_AS_START, 0, 0, false, 0 },
   { "12Q", OFFSET_AS_START, 0, 0, false, 0 },
   { "12 K", OFFSET_AS_START, 0, 0, false, 0 },
   { "1.5", OFFSET_AS_START, 0, 0, false, 0 },
   { "1.", OFFSET_AS_START, 0, 0, false, 0 },
   { "101%", OFFSET_AS_START, 100, 0, false, 0 },
   { "100.5%", OFFSET_AS_START, 100, 0, false, 0 },
   { "9223372036854775808", OFFSET_AS_START, 0, 0, false, 0 },
   { "0x8000000000000000", OFFSET_AS_START, 0, 0, false, 0 },
   { "99999999999999999999999", OFFSET_AS_START, 0, 0, false, 0 },
   { "8E", OFFSET_AS_START, 0, 0, false, 0 },
   { "-2K", OFFSET_AS_START, 1024, 0, false, 0 },
   { ".-200", OFFSET_AS_GOTO, 1000, 100, false, 0 },
   { "-2000", OFFSET_AS_GOTO, 1000, 100, false, 0 },
   { "08", OFFSET_AS_START, 0, 0, false, 0 },
   { "019", OFFSET_AS_START, 0, 0, false, 0 },
   { "01.5K", OFFSET_AS_START, 0, 0, false, 0 },
   { ".", OFFSET_AS_GOTO, 1000, 100, false, 0 },
   { ".16", OFFSET_AS_GOTO, 1000, 100, false, 0 },
   { ".-16", OFFSET_AS_LENGTH, 0, 0, false, 0 },
   { ".-2K", OFFSET_AS_START, 10 * KB, 0, false, 0 },
   { "1b", OFFSET_AS_START, 0, 0, false, 0 },
   { "077777777777777777777777", OFFSET_AS_START, 0, 0, false, 0 },
   { "end", OFFSET_AS_START, 1000, 0, false, 0 },
   { "-end", OFFSET_AS_GOTO, 1000, 0, false, 0 },
   { "-5", OFFSET_AS_LENGTH, 0, 0, false, 0 },
   { "+5", OFFSET_AS_LENGTH, 0, 0, false, 0 },
   { "5 5", OFFSET_AS_START, 0, 0, false, 0 },
   { "--5", OFFSET_AS_START, 100, 0, false, 0 },
};

int main(void) {
   plan_lazy();
   for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      const Case *c = &cases[i];
      uint64_t got = 0;
      const char *why = NULL;
      bool good = offset_eval(c->text, c->ctx, c->size, c->current, &got, &why);
      if (c->good) {
         if (ok(good, "'%s' parses", c->text))
            is_u64(got, c->want, "'%s' value", c->text);
         else
            diag("reason: %s", why ? why : "(none)");
      } else {
         ok(!good && why && *why, "'%s' is refused with a reason (%s)", c->text,
            why ? why : "none");
      }
   }
   return done_testing();
}
