/* values.c - the data inspector's numbers and times. */
#include "config.h"

#include "core/values.h"
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
   [VALUES_U8]     = { "u8", 1, 3 },
   [VALUES_I8]     = { "i8", 1, 4 },
   [VALUES_U16]    = { "u16", 2, 5 },
   [VALUES_I16]    = { "i16", 2, 6 },
   [VALUES_U32]    = { "u32", 4, 10 },
   [VALUES_I32]    = { "i32", 4, 11 },
   [VALUES_F32]    = { "f32", 4, 15 },
   [VALUES_U64]    = { "u64", 8, 20 },
   [VALUES_I64]    = { "i64", 8, 20 },
   [VALUES_F64]    = { "f64", 8, 24 },
   [VALUES_TIME32] = { "time32", 4, 19 },
   [VALUES_TIME64] = { "time64", 8, 19 },
};

const char *values_name(ValuesType t) {
   return (unsigned)t < VALUES_COUNT ? types[t].name : "?";
}

size_t values_size(ValuesType t) {
   return (unsigned)t < VALUES_COUNT ? types[t].size : 0;
}

size_t values_width(ValuesType t) {
   if ((unsigned)t >= VALUES_COUNT)
      return 0;
   size_t range = strlen(_("out of range"));
   return t >= VALUES_TIME32 && range > types[t].width ? range : types[t].width;
}

/* The N bytes at B as an unsigned number, in the byte order asked for. */
static uint64_t load(const unsigned char *b, size_t n, bool big_endian) {
   uint64_t x = 0;
   for (size_t i = 0; i < n; i++)
      x |= (uint64_t)b[big_endian ? n - 1 - i : i] << (8 * i);
   return x;
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

void values_format(ValuesType t, const unsigned char *b, size_t avail, bool big_endian,
                   char *out) {
   size_t n = values_size(t);
   if (n == 0 || avail < n) {
      snprintf(out, VALUES_TEXT_MAX, "-");
      return;
   }
   uint64_t x = load(b, n, big_endian);
   switch (t) {
   case VALUES_U8: case VALUES_U16: case VALUES_U32: case VALUES_U64:
      snprintf(out, VALUES_TEXT_MAX, "%" PRIu64, x);
      break;
   case VALUES_I8: case VALUES_I16: case VALUES_I32: case VALUES_I64:
      snprintf(out, VALUES_TEXT_MAX, "%" PRId64, sign_extend(x, n));
      break;
   case VALUES_F32: {
      uint32_t bits = (uint32_t)x;
      float f;
      memcpy(&f, &bits, sizeof f);
      snprintf(out, VALUES_TEXT_MAX, "%.9g", (double)f);
      break;
   }
   case VALUES_F64: {
      double d;
      memcpy(&d, &x, sizeof d);
      snprintf(out, VALUES_TEXT_MAX, "%.17g", d);
      break;
   }
   case VALUES_TIME32: case VALUES_TIME64:
      format_time(sign_extend(x, n), out);
      break;
   default:
      snprintf(out, VALUES_TEXT_MAX, "-");
      break;
   }
}
