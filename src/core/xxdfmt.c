/* xxdfmt.c - xxd's line layouts (see xxdfmt.h). */
#include "config.h"

#include "core/xxdfmt.h"
#include "core/format.h"

#include <stdlib.h>
#include <string.h>

static const char lower_digits[] = "0123456789abcdef";
static const char upper_digits[] = "0123456789ABCDEF";

/* Width of the hex (or bit) area of a full line, blanks between groups
 * included. */
static size_t area_width(const XxdFormat *f) {
   size_t digits = f->style == XXD_BITS ? 8 : 2;
   return digits * f->cols + (f->cols - 1) / f->group;
}

/* Where byte P of a line goes, counted from the start of the area. */
static size_t byte_column(const XxdFormat *f, unsigned p) {
   unsigned g = f->group;
   switch (f->style) {
   case XXD_BITS:
      return 8u * p + p / g;
   case XXD_LITTLE: {
      unsigned k = p / g, i = p % g;
      return 2u * (k * g + (g - 1 - i)) + k;
   }
   default:
      return 2u * p + p / g;
   }
}

/* The offset field and ": "; returns its length. */
static size_t put_offset(const XxdFormat *f, char *out, uint64_t offset) {
   uint64_t shown = offset + f->add;
   char tmp[24];
   size_t n = 0;
   bool negative = false;
   if (f->decimal && (int64_t)shown < 0) {
      negative = true;
      shown = (uint64_t)0 - shown;
   }
   unsigned base = f->decimal ? 10 : 16;
   do {
      tmp[n++] = lower_digits[shown % base];
      shown /= base;
   } while (shown);
   size_t width = n + negative < 8 ? 8 : n + negative, i = 0;
   if (negative)
      out[i++] = '-';
   while (i < width - n)
      out[i++] = '0';
   while (n > 0)
      out[i++] = tmp[--n];
   out[i++] = ':';
   out[i++] = ' ';
   return i;
}

size_t xxdfmt_line_max(const XxdFormat *f) {
   /* offset (up to 20 digits and a sign) ": ", the area, two blanks, the
    * text, the newline; and room for a little-endian group that spills. */
   return 24 + area_width(f) + 2 + f->cols + 1 + 2u * f->group;
}

static bool fast_line(const XxdFormat *f) {
   return f->style == XXD_HEX && f->cols == FORMAT_BYTES_PER_LINE && f->group == 2 &&
          !f->upper && !f->decimal;
}

size_t xxdfmt_line(const XxdFormat *f, char *out, uint64_t offset,
                   const unsigned char *b, unsigned n) {
   if (fast_line(f))
      return format_line(FORMAT_XXD, out, offset + f->add, b, n);
   const char *digits = f->upper ? upper_digits : lower_digits;
   char *area = out + put_offset(f, out, offset);
   size_t text = area_width(f) + 2;
   memset(area, ' ', text + n + 2u * f->group);
   /* Each byte's digits, then its character, in byte order: where xxd's
    * positions overlap, the later write wins as in xxd. */
   for (unsigned p = 0; p < n; p++) {
      char *at = area + byte_column(f, p);
      if (f->style == XXD_BITS) {
         for (int bit = 7; bit >= 0; bit--)
            *at++ = (char)('0' + ((b[p] >> bit) & 1));
      } else {
         at[0] = digits[b[p] >> 4];
         at[1] = digits[b[p] & 15];
      }
      area[text + p] = format_printable(b[p]);
   }
   area[text + n] = '\n';
   return (size_t)(area - out) + text + n + 1;
}

size_t xxdfmt_plain(const XxdFormat *f, char *out, const unsigned char *b, size_t n) {
   const char *digits = f->upper ? upper_digits : lower_digits;
   for (size_t i = 0; i < n; i++) {
      out[2 * i] = digits[b[i] >> 4];
      out[2 * i + 1] = digits[b[i] & 15];
   }
   return 2 * n;
}

size_t xxdfmt_include_byte(const XxdFormat *f, char *out, unsigned char b) {
   const char *digits = f->upper ? upper_digits : lower_digits;
   out[0] = '0';
   out[1] = f->upper ? 'X' : 'x';
   out[2] = digits[b >> 4];
   out[3] = digits[b & 15];
   return 4;
}

static bool ascii_alnum(unsigned char c) {
   return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char *xxdfmt_c_name(const char *name, bool capitalize) {
   size_t len = strlen(name);
   char *out = malloc(len + 3), *p = out;
   if (!out)
      return NULL;
   if (name[0] >= '0' && name[0] <= '9') {
      *p++ = '_';
      *p++ = '_';
   }
   for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
      char c = ascii_alnum(*s) ? (char)*s : '_';
      if (capitalize && c >= 'a' && c <= 'z')
         c = (char)(c - 'a' + 'A');
      *p++ = c;
   }
   *p = '\0';
   return out;
}
