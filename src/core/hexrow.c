/* hexrow.c - row layout, byte classes and glyphs of the hex view. */
#include "config.h"

#include "core/hexrow.h"

#include <stdio.h>

unsigned hexrow_offset_digits(uint64_t size) {
   uint64_t last = size > 0 ? size - 1 : 0;
   unsigned digits = 1;
   while (last >>= 4)
      digits++;
   return digits < 8 ? 8 : digits;
}

/* offset, two spaces, "xx " per byte plus one space per group of 8 after
 * the first, one space, then the text pane. */
unsigned hexrow_width(unsigned offset_digits, unsigned bytes) {
   unsigned groups = bytes > 0 ? (bytes - 1) / 8 : 0;
   return offset_digits + 2 + 3 * bytes + groups + 1 + bytes;
}

unsigned hexrow_hex_pos(unsigned i) {
   return 3 * i + i / 8;
}

static unsigned fit_bytes(unsigned cols, unsigned digits) {
   unsigned best = 0;
   for (unsigned n = 1; n <= HEXROW_MAX_BYTES; n = n < 8 ? n * 2 : n + 8) {
      if (hexrow_width(digits, n) > cols)
         break;
      best = n;
   }
   return best;
}

bool hexrow_layout(unsigned cols, unsigned forced_bytes, uint64_t size, HexrowLayout *out) {
   unsigned digits = hexrow_offset_digits(size);
   unsigned bytes = forced_bytes ? forced_bytes : fit_bytes(cols, digits);
   if (bytes == 0 || bytes > HEXROW_MAX_BYTES || hexrow_width(digits, bytes) > cols)
      return false;
   out->offset_digits = digits;
   out->bytes = bytes;
   out->hex_col = digits + 2;
   out->width = hexrow_width(digits, bytes);
   out->text_col = out->width - bytes;
   return true;
}

HexrowClass hexrow_class(unsigned char b) {
   if (b == 0)
      return HEXROW_NUL;
   if (b == ' ' || (b >= '\t' && b <= '\r'))
      return HEXROW_SPACE;
   if (b > 0x20 && b < 0x7f)
      return HEXROW_PRINT;
   return HEXROW_OTHER;
}

const char *hexrow_glyph(unsigned char b, bool utf8) {
   static char printable[0x7f][2];
   if (b >= 0x20 && b < 0x7f) {
      printable[b][0] = (char)b;
      return printable[b];
   }
   switch (hexrow_class(b)) {
   case HEXROW_NUL:   return utf8 ? "\xc2\xb7" : ".";      /* U+00B7 middle dot */
   case HEXROW_SPACE: return utf8 ? "\xe2\x90\xa3" : "_";  /* U+2423 open box */
   default:           break;
   }
   if (b >= 0x80)
      return utf8 ? "\xc3\x97" : "~";                      /* U+00D7 multiplication sign */
   return utf8 ? "\xe2\x80\xa2" : "^";                     /* U+2022 bullet */
}

void hexrow_offset(char *out, uint64_t offset, unsigned digits) {
   static const char hex[] = "0123456789abcdef";
   if (digits > 16)
      digits = 16;
   for (unsigned i = 0; i < digits; i++)
      out[digits - 1 - i] = hex[(offset >> (4 * i)) & 0xf];
   out[digits] = '\0';
}

void hexrow_human_size(char *out, size_t outsz, uint64_t size) {
   static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
   if (size < 1024) {
      snprintf(out, outsz, "%u B", (unsigned)size);
      return;
   }
   unsigned u = 0;
   double v = (double)size;
   while (v >= 1024.0 && u < 6) {
      v /= 1024.0;
      u++;
   }
   bool exact = (size & (((uint64_t)1 << (10 * u)) - 1)) == 0;
   snprintf(out, outsz, v < 10.0 && !exact ? "%.1f %s" : "%.0f %s", v, units[u]);
}
