/* xxdrev.c - hex dumps read back: lines, garbage, -p, gaps, pieces. */
#include "config.h"

#include "core/xxdrev.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

/* The runs as "OFFSET:HEX" words, one per run. */
static char runs[4096];

static void record(void *ctx, uint64_t offset, const unsigned char *b, size_t n) {
   (void)ctx;
   size_t len = strlen(runs);
   len += (size_t)snprintf(runs + len, sizeof runs - len, "%s%llx:", len ? " " : "",
                           (unsigned long long)offset);
   for (size_t i = 0; i < n; i++)
      len += (size_t)snprintf(runs + len, sizeof runs - len, "%02x", b[i]);
}

static const char *parse(bool plain, unsigned cols, const char *text, size_t piece) {
   runs[0] = '\0';
   XxdRev *r = xxdrev_new(plain, cols, record, NULL);
   size_t len = strlen(text);
   for (size_t i = 0; i < len; i += piece)
      xxdrev_feed(r, text + i, len - i < piece ? len - i : piece);
   xxdrev_finish(r);
   return runs;
}

int main(void) {
   plan_lazy();
   is_str(parse(false, 16, "00000000: 4865 6c6c 6f0a                           Hello.\n", 1000),
          "0:48656c6c6f0a", "a partial line: the text column is not read");
   is_str(parse(false, 16, "00000010: 6263 0001 ff                             bc...\n", 7),
          "10:62630001ff", "hex-looking text ('bc') after two blanks is not read");
   is_str(parse(false, 16, "garbage\n0: 41\nno colon 42\n", 3), "0:41", "garbage lines are skipped");
   is_str(parse(false, 16, "10: 41\n0: 42\n", 1), "10:41 0:42", "lines out of order, a gap");
   is_str(parse(false, 2, "0: 414243\n", 100), "0:4142", "at most COLS bytes a line");
   is_str(parse(false, 16, "0: 414\n", 100), "0:41", "a digit without its pair is dropped");
   is_str(parse(false, 16, "0: 41x42\n", 100), "0:41", "another character ends the pairs");
   is_str(parse(false, 16, "  a:ff", 100), "a:ff", "blanks before the offset; no newline at the end");
   is_str(parse(false, 16, "0:    41\n", 100), "", "more than one blank after the colon: nothing");
   is_str(parse(false, 16, "12345678901234567: 41\n", 100), "", "an offset of 17 digits is garbage");
   is_str(parse(true, 0, "4 8 6\n5 6c\n", 2), "0:48656c", "-p: white space may split a pair");
   is_str(parse(true, 0, "4x8 zz 6162", 1), "0:6162", "-p: other characters drop a half pair");
   is_str(parse(true, 0, "48656", 100), "0:4865", "-p: an odd digit at the end is dropped");
   uint64_t off;
   unsigned char b[4];
   ok(xxdrev_parse_line("ff: 01", 6, 4, &off, b) == 1 && off == 255 && b[0] == 1, "one line alone");
   ok(xxdrev_parse_line("zz: 01", 6, 4, &off, b) == -1, "garbage line: -1");
   return done_testing();
}
