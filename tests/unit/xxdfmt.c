/* xxdfmt.c - xxd's layouts on tiny buffers (the oracle test compares with
 * the real xxd; these pin the rules down one by one). */
#include "config.h"

#include "core/xxddump.h"
#include "core/xxdfmt.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static XxdFormat fmt(XxdStyle style, unsigned cols, unsigned group) {
   XxdFormat f = { .style = style, .cols = cols, .group = group };
   return f;
}

static const char *line(const XxdFormat *f, uint64_t off, const char *bytes, unsigned n) {
   static char out[4096];
   size_t len = xxdfmt_line(f, out, off, (const unsigned char *)bytes, n);
   out[len] = '\0';
   return out;
}

/* A sink into a growing string. */
typedef struct {
   char buf[8192];
   size_t len;
} Text;

static int to_text(void *ctx, const char *p, size_t n) {
   Text *t = ctx;
   if (t->len + n >= sizeof t->buf)
      return 28;   /* ENOSPC */
   memcpy(t->buf + t->len, p, n);
   t->len += n;
   t->buf[t->len] = '\0';
   return 0;
}

static const char *stream(const XxdFormat *f, const unsigned char *b, size_t n,
                          const char *name, size_t piece) {
   static Text t;
   t.len = 0;
   t.buf[0] = '\0';
   DumpSink sink = { to_text, &t };
   XxdDump *d = xxddump_new(f, &sink, 0);
   if (name)
      xxddump_include_head(d, name);
   for (size_t i = 0; i < n; i += piece)
      xxddump_feed(d, b + i, n - i < piece ? n - i : piece);
   xxddump_finish(d, name, false);
   return t.buf;
}

int main(void) {
   plan_lazy();
   XxdFormat f = fmt(XXD_HEX, 16, 2);
   is_str(line(&f, 0, "Hello", 5),
          "00000000: 4865 6c6c 6f                             Hello\n", "partial default line");
   is_str(line(&f, 0x10, "0123456789abcdef", 16),
          "00000010: 3031 3233 3435 3637 3839 6162 6364 6566  0123456789abcdef\n",
          "full default line (the fast path)");
   f = fmt(XXD_HEX, 5, 3);
   is_str(line(&f, 0, "Hello", 5), "00000000: 48656c 6c6f  Hello\n", "-c 5 -g 3");
   f.upper = true;
   is_str(line(&f, 0xab, "\xff\xfe", 2), "000000ab: FFFE         ..\n", "-u: digits upper, offset not");
   f = fmt(XXD_HEX, 4, 4);
   f.decimal = true;
   f.add = (uint64_t)-5;
   is_str(line(&f, 0, "abcd", 4), "-0000005: 61626364  abcd\n", "-d with a negative -o");
   f.decimal = false;
   is_str(line(&f, 0, "abcd", 4), "fffffffffffffffb: 61626364  abcd\n", "-o wraps in hex");
   f = fmt(XXD_LITTLE, 16, 4);
   is_str(line(&f, 0, "bc\0\1\xff", 5),
          "00000000: 01006362       ff                    bc...\n", "-e: a partial group ends right");
   f = fmt(XXD_LITTLE, 5, 4);
   is_str(line(&f, 0, "Hello", 5), "00000000: 6c6c6548     He6fo\n",
          "-e -c 5: xxd's overlapping positions, the later write wins");
   f = fmt(XXD_BITS, 6, 1);
   is_str(line(&f, 0, "A\x01", 2),
          "00000000: 01000001 00000001                                      A.\n", "-b");
   f = fmt(XXD_PLAIN, 4, 1);
   is_str(stream(&f, (const unsigned char *)"abcdefghi", 9, NULL, 2), "61626364\n65666768\n69\n",
          "-p -c 4 over pieces of 2");
   f = fmt(XXD_PLAIN, 0, 1);
   is_str(stream(&f, (const unsigned char *)"", 0, NULL, 1), "\n", "-p -c 0: one newline even for nothing");
   f = fmt(XXD_PLAIN, 2, 1);
   is_str(stream(&f, (const unsigned char *)"ab", 2, NULL, 1), "6162\n", "-p: no empty line after a full one");
   f = fmt(XXD_INCLUDE, 2, 1);
   is_str(stream(&f, (const unsigned char *)"abc", 3, "x_y", 1),
          "unsigned char x_y[] = {\n  0x61, 0x62,\n  0x63\n};\nunsigned int x_y_len = 3;\n", "-i -c 2");
   is_str(stream(&f, (const unsigned char *)"", 0, "e", 1),
          "unsigned char e[] = {\n};\nunsigned int e_len = 0;\n", "-i of nothing");
   f.upper = true;
   is_str(stream(&f, (const unsigned char *)"\xab", 1, NULL, 1), "  0XAB\n", "-i -u without a name");

   /* -a: runs of zero lines */
   unsigned char z[16 * 6] = { 0 };
   f = fmt(XXD_HEX, 4, 2);
   f.autoskip = true;
   is_str(stream(&f, z, 8, NULL, 3),
          "00000000: 0000 0000  ....\n00000004: 0000 0000  ....\n", "-a: two zero lines stay");
   is_str(stream(&f, z, 16, NULL, 16),
          "00000000: 0000 0000  ....\n*\n0000000c: 0000 0000  ....\n", "-a: four at the end: first, *, last");
   z[12] = 'x';
   is_str(stream(&f, z, 16, NULL, 5),
          "00000000: 0000 0000  ....\n*\n0000000c: 7800 0000  x...\n", "-a: three then data: first, *");
   z[12] = 0;
   is_str(stream(&f, z, 14, NULL, 16),
          "00000000: 0000 0000  ....\n*\n0000000c: 0000       ..\n", "-a: a partial last line is always shown");

   /* A hole fed as xxddump_zeros() prints what fed zeros print. */
   static Text holes;
   DumpSink hs = { to_text, &holes };
   for (unsigned long n = 0; n < 80; n += 7) {
      f = fmt(XXD_HEX, 4, 2);
      f.autoskip = n % 2 == 0;
      unsigned char buf[100] = { 0 };
      buf[0] = 'x';
      holes.len = 0;
      holes.buf[0] = '\0';
      XxdDump *d = xxddump_new(&f, &hs, 0);
      xxddump_feed(d, buf, 1);
      xxddump_zeros(d, n);
      xxddump_feed(d, buf, 3);
      xxddump_finish(d, NULL, false);
      unsigned char all[100] = { 0 };
      all[0] = 'x';
      memcpy(all + 1 + n, buf, 3);
      is_str(holes.buf, stream(&f, all, 1 + n + 3, NULL, 5), "hole of %lu zeros (-a %s)", n,
             f.autoskip ? "on" : "off");
   }

   char *name = xxdfmt_c_name("./1a.b-c", false);
   is_str(name, "__1a_b_c", "C name of a path");
   free(name);
   name = xxdfmt_c_name("9lives", true);
   is_str(name, "__9LIVES", "-C, and a leading digit");
   free(name);
   return done_testing();
}
