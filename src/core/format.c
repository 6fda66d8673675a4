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
   if (n > FORMAT_BYTES_PER_LINE)
      n = FORMAT_BYTES_PER_LINE;
   return style == FORMAT_XXD ? xxd_line(out, offset, bytes, n)
                              : hexdump_line(out, offset, bytes, n);
}

size_t format_end_line(char *out, uint64_t offset) {
   size_t n = put_offset(out, offset);
   out[n++] = '\n';
   return n;
}
