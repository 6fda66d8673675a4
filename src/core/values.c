/* values.c - the data inspector's numbers, f16, GUIDs and the type table. */
#include "config.h"

#include "core/values.h"
#include "core/values_parts.h"
#include "core/gettext.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const struct {
   const char *name;
   size_t size;
   size_t width;       /* e.g. "-9223372036854775808", "-2.2250738585072014e-308" */
} types[VALUES_COUNT] = {
   [VALUES_U8]       = { "u8", 1, 3 },
   [VALUES_I8]       = { "i8", 1, 4 },
   [VALUES_U16]      = { "u16", 2, 5 },
   [VALUES_I16]      = { "i16", 2, 6 },
   [VALUES_U32]      = { "u32", 4, 10 },
   [VALUES_I32]      = { "i32", 4, 11 },
   [VALUES_F32]      = { "f32", 4, 15 },
   [VALUES_U64]      = { "u64", 8, 20 },
   [VALUES_I64]      = { "i64", 8, 20 },
   [VALUES_F64]      = { "f64", 8, 24 },
   [VALUES_TIME32]   = { "time32", 4, 19 },
   [VALUES_TIME64]   = { "time64", 8, 19 },
   [VALUES_HEX]      = { "hex", 4, 10 },     /* 0x89abcdef */
   [VALUES_BIN]      = { "bin", 1, 8 },      /* 10001001 */
   [VALUES_F16]      = { "f16", 2, 11 },     /* -6.1035e-05 */
   [VALUES_UTF8]     = { "utf8", 1, 21 },    /* U+10FFFF '\U0010ffff' */
   [VALUES_UTF16]    = { "utf16", 2, 21 },
   [VALUES_FILETIME] = { "filetime", 8, 28 },   /* 2023-03-01T12:34:56.1234567Z */
   [VALUES_DOS]      = { "dos", 4, 19 },     /* 2019-05-12 13:45:30 */
   [VALUES_GUID]     = { "guid", 16, 38 },   /* {00112233-4455-6677-8899-AABBCCDDEEFF} */
   [VALUES_UUID]     = { "uuid", 16, 36 },
};

const char *values_name(ValuesType t) {
   return (unsigned)t < VALUES_COUNT ? types[t].name : "?";
}

ValuesType values_lookup(const char *name) {
   for (int t = 0; t < VALUES_COUNT; t++)
      if (strcmp(types[t].name, name) == 0)
         return (ValuesType)t;
   return VALUES_COUNT;
}

size_t values_size(ValuesType t) {
   return (unsigned)t < VALUES_COUNT ? types[t].size : 0;
}

/* Types whose text can say "out of range" or "invalid" instead. */
static const char *worded(ValuesType t) {
   switch (t) {
   case VALUES_TIME32: case VALUES_TIME64: case VALUES_FILETIME:
      return _("out of range");
   case VALUES_DOS: case VALUES_UTF8: case VALUES_UTF16:
      return _("invalid");
   default:
      return NULL;
   }
}

size_t values_width(ValuesType t) {
   if ((unsigned)t >= VALUES_COUNT)
      return 0;
   const char *word = worded(t);
   size_t w = types[t].width;
   if (t == VALUES_UTF16 && strlen(_("unpaired")) + 7 > w)   /* "U+D800 unpaired" */
      w = strlen(_("unpaired")) + 7;
   return word && strlen(word) > w ? strlen(word) : w;
}

uint64_t values_load(const unsigned char *b, size_t n, bool big_endian) {
   uint64_t x = 0;
   for (size_t i = 0; i < n; i++)
      x |= (uint64_t)b[big_endian ? n - 1 - i : i] << (8 * i);
   return x;
}

void values_store(uint64_t x, unsigned char *b, size_t n, bool big_endian) {
   for (size_t i = 0; i < n; i++)
      b[big_endian ? n - 1 - i : i] = (unsigned char)(x >> (8 * i));
}

/* Two's complement of the low N bytes of X, without implementation-defined
 * conversions. */
static int64_t sign_extend(uint64_t x, size_t n) {
   if (n == 8)
      return x >> 63 ? -(int64_t)(~x) - 1 : (int64_t)x;
   uint64_t sign = (uint64_t)1 << (8 * n - 1);
   return x & sign ? (int64_t)x - (int64_t)(sign << 1) : (int64_t)x;
}

static void format_time(int64_t seconds, char *out) {
   struct tm tm;
   time_t t = (time_t)seconds;
   /* Four-digit years only: the column has room for no more. */
   if ((int64_t)t != seconds || !gmtime_r(&t, &tm) || tm.tm_year > 9999 - 1900
       || tm.tm_year < -1900)
      snprintf(out, VALUES_TEXT_MAX, "%s", _("out of range"));
   else
      strftime(out, VALUES_TEXT_MAX, "%Y-%m-%d %H:%M:%S", &tm);
}

/* NaN is the one value unequal to itself; the sign is the top bit. */
void values_float_text(double d, int digits, char *out) {
   uint64_t bits;
   memcpy(&bits, &d, sizeof bits);
   bool negative = bits >> 63;
   if (d != d)
      snprintf(out, VALUES_TEXT_MAX, "%s", negative ? "-nan" : "nan");
   else if (d > 1.7976931348623157e308 || d < -1.7976931348623157e308)
      snprintf(out, VALUES_TEXT_MAX, "%s", negative ? "-inf" : "inf");
   else
      snprintf(out, VALUES_TEXT_MAX, "%.*g", digits, d);
}

/* 2 to the power E, exactly (E from -1074 to 1023). */
static double pow2(int e) {
   double p = 1.0;
   for (; e > 0; e--)
      p *= 2.0;
   for (; e < 0; e++)
      p *= 0.5;
   return p;
}

double values_f16_value(uint16_t h) {
   unsigned exp = (h >> 10) & 0x1f, frac = h & 0x3ff;
   double sign = h & 0x8000 ? -1.0 : 1.0;
   if (exp == 0x1f) {
      /* infinity, or a quiet NaN of the same sign (an arithmetic NaN's
       * sign differs between machines) */
      uint64_t bits = (uint64_t)(h & 0x8000) << 48
                      | (frac ? UINT64_C(0x7ff8000000000000) : UINT64_C(0x7ff0000000000000));
      double d;
      memcpy(&d, &bits, sizeof d);
      return d;
   }
   if (exp == 0)
      return sign * frac * pow2(-24);                   /* subnormal (and zero) */
   return sign * (1024 + frac) * pow2((int)exp - 25);
}

/* V rounded to an integer, ties to even; V from 0 to 2^52. */
static uint64_t round_even(double v) {
   uint64_t r = (uint64_t)v;
   double rest = v - (double)r;
   if (rest > 0.5 || (rest == 0.5 && (r & 1)))
      r++;
   return r;
}

bool values_f16_bits(double d, uint16_t *h) {
   uint64_t bits;
   memcpy(&bits, &d, sizeof bits);
   uint16_t sign = bits >> 63 ? 0x8000 : 0;
   double a = sign ? -d : d;
   if (d != d) {
      *h = sign | 0x7e00;
      return true;
   }
   if (a > 1.7976931348623157e308) {
      *h = sign | 0x7c00;
      return true;
   }
   if (a < pow2(-14)) {                                 /* subnormal or zero */
      *h = (uint16_t)(sign | round_even(a * pow2(24)));   /* 1024 is the smallest normal */
      return true;
   }
   int e = 0;
   double m = a;
   while (m >= 2.0 && e < 64) {
      m *= 0.5;
      e++;
   }
   while (m < 1.0) {
      m *= 2.0;
      e--;
   }
   uint64_t q = round_even((m - 1.0) * 1024.0);
   if (q == 1024) {
      q = 0;
      e++;
   }
   if (e > 15)
      return false;
   *h = (uint16_t)(sign | (unsigned)(e + 15) << 10 | q);
   return true;
}

static void format_guid(const unsigned char *b, bool windows, char *out) {
   uint32_t d1 = (uint32_t)values_load(b, 4, !windows);
   unsigned d2 = (unsigned)values_load(b + 4, 2, !windows);
   unsigned d3 = (unsigned)values_load(b + 6, 2, !windows);
   snprintf(out, VALUES_TEXT_MAX,
            windows ? "{%08" PRIX32 "-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}"
                    : "%08" PRIx32 "-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
            d1, d2, d3, b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static void format_bits(unsigned byte, char *out) {
   for (int i = 0; i < 8; i++)
      out[i] = byte & (0x80u >> i) ? '1' : '0';
   out[8] = '\0';
}

void values_format(ValuesType t, const unsigned char *b, size_t avail, bool big_endian,
                   char *out) {
   values_format_glyphs(t, b, avail, big_endian, false, out);
}

void values_format_glyphs(ValuesType t, const unsigned char *b, size_t avail,
                          bool big_endian, bool glyphs, char *out) {
   size_t n = values_size(t);
   if (n == 0 || avail < n) {
      snprintf(out, VALUES_TEXT_MAX, "-");
      return;
   }
   uint64_t x = n <= 8 ? values_load(b, n, big_endian) : 0;
   switch (t) {
   case VALUES_U8: case VALUES_U16: case VALUES_U32: case VALUES_U64:
      snprintf(out, VALUES_TEXT_MAX, "%" PRIu64, x);
      break;
   case VALUES_I8: case VALUES_I16: case VALUES_I32: case VALUES_I64:
      snprintf(out, VALUES_TEXT_MAX, "%" PRId64, sign_extend(x, n));
      break;
   case VALUES_F16:
      values_float_text(values_f16_value((uint16_t)x), 5, out);
      break;
   case VALUES_F32: {
      uint32_t bits = (uint32_t)x;
      float f;
      memcpy(&f, &bits, sizeof f);
      values_float_text((double)f, 9, out);
      break;
   }
   case VALUES_F64: {
      double d;
      memcpy(&d, &x, sizeof d);
      values_float_text(d, 17, out);
      break;
   }
   case VALUES_TIME32: case VALUES_TIME64:
      format_time(sign_extend(x, n), out);
      break;
   case VALUES_HEX:
      snprintf(out, VALUES_TEXT_MAX, "0x%08" PRIx64, x);
      break;
   case VALUES_BIN:
      format_bits((unsigned)x, out);
      break;
   case VALUES_UTF8:
      values_char_utf8(b, avail, glyphs, out);
      break;
   case VALUES_UTF16:
      values_char_utf16(b, avail, big_endian, glyphs, out);
      break;
   case VALUES_FILETIME:
      values_filetime(x, out);
      break;
   case VALUES_DOS:
      values_dos((uint32_t)x, out);
      break;
   case VALUES_GUID: case VALUES_UUID:
      format_guid(b, t == VALUES_GUID, out);
      break;
   default:
      snprintf(out, VALUES_TEXT_MAX, "-");
      break;
   }
}
