/* format.c - hexdump -C and xxd lines.
 *
 * Both tools are byte-for-byte oracles in the tests, and --dump must run at
 * memory speed, so lines are built from lookup tables rather than printf. */
#include "config.h"

#include "core/format.h"

#include <string.h>

static const char hex_digits[] = "0123456789abcdef";

/* Writes OFFSET in lowercase hex, at least 8 digits (as "%08llx"). */
static size_t put_offset(char *out, uint64_t offset) {
   char tmp[16];
   size_t n = 0;
   do {
      tmp[n++] = hex_digits[offset & 0xf];
      offset >>= 4;
   } while (offset);
   size_t width = n < 8 ? 8 : n;
   for (size_t i = 0; i < width; i++)
      out[i] = i < width - n ? '0' : tmp[width - 1 - i];
   return width;
}

static inline void put_hex_byte(char *out, unsigned char b) {
   out[0] = hex_digits[b >> 4];
   out[1] = hex_digits[b & 0xf];
}

/* ---- full lines: the hot path of --dump --------------------------------
 *
 * Sixteen bytes make a full line, and nearly every line is one.  They are
 * built without a loop over digits: "hh  " for each byte value comes from a
 * table in one 4-byte move (the fourth byte is overwritten by the next
 * move, or is the space that follows), and the text pane is made eight
 * bytes at a time. */

#define HEX_DIGIT(n) ((n) < 10 ? '0' + (n) : 'a' + (n) - 10)
#define HEX3(b) { HEX_DIGIT((b) >> 4), HEX_DIGIT((b) & 15), ' ', ' ' }
#define HEX3_4(b) HEX3(b), HEX3((b) + 1), HEX3((b) + 2), HEX3((b) + 3)
#define HEX3_16(b) HEX3_4(b), HEX3_4((b) + 4), HEX3_4((b) + 8), HEX3_4((b) + 12)
#define HEX3_64(b) HEX3_16(b), HEX3_16((b) + 16), HEX3_16((b) + 32), HEX3_16((b) + 48)

static const char hex3[256][4] = { HEX3_64(0), HEX3_64(64), HEX3_64(128), HEX3_64(192) };

/* "hh hh hh hh hh hh hh hh " for the 8 bytes at B, unrolled by hand (a loop
 * costs as much as the moves). */
#define HEX3_PUT8(p, b) do { \
      memcpy((p), hex3[(b)[0]], 4);      memcpy((p) + 3, hex3[(b)[1]], 4); \
      memcpy((p) + 6, hex3[(b)[2]], 4);  memcpy((p) + 9, hex3[(b)[3]], 4); \
      memcpy((p) + 12, hex3[(b)[4]], 4); memcpy((p) + 15, hex3[(b)[5]], 4); \
      memcpy((p) + 18, hex3[(b)[6]], 4); memcpy((p) + 21, hex3[(b)[7]], 4); \
   } while (0)

/* "hhhh hhhh hhhh hhhh " for the 8 bytes at B: xxd's groups of two. */
#define XXD_PUT8(p, b) do { \
      memcpy((p), hex3[(b)[0]], 4);      memcpy((p) + 2, hex3[(b)[1]], 4); \
      memcpy((p) + 5, hex3[(b)[2]], 4);  memcpy((p) + 7, hex3[(b)[3]], 4); \
      memcpy((p) + 10, hex3[(b)[4]], 4); memcpy((p) + 12, hex3[(b)[5]], 4); \
      memcpy((p) + 15, hex3[(b)[6]], 4); memcpy((p) + 17, hex3[(b)[7]], 4); \
   } while (0)

/* The text pane of 8 bytes: each byte itself if printable, else '.'.  Every
 * step stays inside its byte lane, so byte order does not matter. */
static inline uint64_t printable8(uint64_t x) {
   const uint64_t high = 0x8080808080808080ull;
   uint64_t low7 = x & 0x7f7f7f7f7f7f7f7full;
   uint64_t at_least_space = (low7 + 0x6060606060606060ull) & high;
   uint64_t not_del = ~(low7 + 0x0101010101010101ull) & high;
   uint64_t keep = ((at_least_space & not_del & ~x) >> 7) * 0xff;
   return (x & keep) | (0x2e2e2e2e2e2e2e2eull & ~keep);
}

static inline void put_text16(char *out, const unsigned char *b) {
   uint64_t x[2];
   memcpy(x, b, sizeof x);
   x[0] = printable8(x[0]);
   x[1] = printable8(x[1]);
   memcpy(out, x, sizeof x);
}

/* "%08llx" followed by two spaces (which the next field may overwrite). */
static inline size_t put_offset_fast(char *out, uint64_t offset) {
   if (offset > 0xffffffffu) {
      size_t n = put_offset(out, offset);
      out[n] = out[n + 1] = ' ';
      return n;
   }
   memcpy(out, hex3[offset >> 24], 4);
   memcpy(out + 2, hex3[(offset >> 16) & 0xff], 4);
   memcpy(out + 4, hex3[(offset >> 8) & 0xff], 4);
   memcpy(out + 6, hex3[offset & 0xff], 4);
   return 8;
}

/* 00000000  48 65 6c 6c 6f 0a 00 00  00 00 00 00 00 00 00 00  |Hello...........| */
static size_t hexdump_full_line(char *out, const uint64_t offset, const unsigned char *bytes) {
   unsigned char b[FORMAT_BYTES_PER_LINE];       /* a copy the stores cannot alias */
   memcpy(b, bytes, sizeof b);
   char *p = out + put_offset_fast(out, offset) + 2;
   HEX3_PUT8(p, b);
   HEX3_PUT8(p + 25, b + 8);
   p += 3 * FORMAT_BYTES_PER_LINE + 1;
   p[0] = ' ';
   p[1] = '|';
   put_text16(p + 2, b);
   p[18] = '|';
   p[19] = '\n';
   return (size_t)(p + 20 - out);
}

/* 00000000: 4865 6c6c 6f0a 0000 0000 0000 0000 0000  Hello........... */
static size_t xxd_full_line(char *out, const uint64_t offset, const unsigned char *bytes) {
   unsigned char b[FORMAT_BYTES_PER_LINE];
   memcpy(b, bytes, sizeof b);
   char *p = out + put_offset_fast(out, offset);
   p[0] = ':';
   p[1] = ' ';
   p += 2;
   XXD_PUT8(p, b);
   XXD_PUT8(p + 20, b + 8);
   p += 41;
   put_text16(p, b);
   p[16] = '\n';
   return (size_t)(p + 17 - out);
}

/* 00000000  48 65 6c 6c 6f 0a 00 00  00 00 00 00 00 00 00 00  |Hello...........| */
static size_t hexdump_line(char *out, uint64_t offset, const unsigned char *b, unsigned n) {
   char *p = out + put_offset(out, offset);
   *p++ = ' ';
   *p++ = ' ';
   memset(p, ' ', 3 * FORMAT_BYTES_PER_LINE + 1);
   for (unsigned i = 0; i < n; i++)
      put_hex_byte(p + 3 * i + (i >= 8), b[i]);
   p += 3 * FORMAT_BYTES_PER_LINE + 1;
   *p++ = ' ';
   *p++ = '|';
   for (unsigned i = 0; i < n; i++)
      *p++ = format_printable(b[i]);
   *p++ = '|';
   *p++ = '\n';
   return (size_t)(p - out);
}

/* 00000000: 4865 6c6c 6f0a                           Hello. */
static size_t xxd_line(char *out, uint64_t offset, const unsigned char *b, unsigned n) {
   char *p = out + put_offset(out, offset);
   *p++ = ':';
   *p++ = ' ';
   memset(p, ' ', 41);
   for (unsigned i = 0; i < n; i++)
      put_hex_byte(p + 2 * i + i / 2, b[i]);
   p += 41;
   for (unsigned i = 0; i < n; i++)
      *p++ = format_printable(b[i]);
   *p++ = '\n';
   return (size_t)(p - out);
}

size_t format_line(FormatStyle style, char *out, uint64_t offset,
                   const unsigned char *bytes, unsigned n) {
   if (n >= FORMAT_BYTES_PER_LINE)
      return style == FORMAT_XXD ? xxd_full_line(out, offset, bytes)
                                 : hexdump_full_line(out, offset, bytes);
   return style == FORMAT_XXD ? xxd_line(out, offset, bytes, n)
                              : hexdump_line(out, offset, bytes, n);
}

size_t format_end_line(char *out, uint64_t offset) {
   size_t n = put_offset(out, offset);
   out[n++] = '\n';
   return n;
}
