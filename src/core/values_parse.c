/* values_parse.c - a value typed into a field of the data inspector, made
 * into the bytes that hold it (the contract: values_parse in
 * core/values.h). */
#include "config.h"

#include "core/values.h"
#include "core/values_parts.h"
#include "core/gettext.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
   const char *text;
   bool big;
   unsigned char *out;
   size_t outsz;
   size_t *len;
   const char **why;
} Want;

static bool fail(Want *w, const char *why) {
   *w->why = why;
   return false;
}

static bool put(Want *w, uint64_t x, size_t n) {
   if (n > w->outsz)
      return fail(w, N_("too long"));
   values_store(x, w->out, n, w->big);
   *w->len = n;
   return true;
}

static bool blank(const char *p) {
   while (isspace((unsigned char)*p))
      p++;
   return *p == '\0';
}

/* An integer of N bytes, signed or not (decimal, 0x hex, 0 octal). */
static bool parse_int(Want *w, size_t n, bool is_signed) {
   const char *t = w->text;
   char *end;
   errno = 0;
   uint64_t bits = 8 * (uint64_t)n;
   if (is_signed) {
      long long v = strtoll(t, &end, 0);
      if (end == t || !blank(end))
         return fail(w, N_("not a number"));
      long long lo = n == 8 ? (long long)(-9223372036854775807LL - 1) : -(1LL << (bits - 1));
      long long hi = n == 8 ? 9223372036854775807LL : (1LL << (bits - 1)) - 1;
      if (errno == ERANGE || v < lo || v > hi)
         return fail(w, N_("out of range for the type"));
      return put(w, (uint64_t)v, n);
   }
   while (isspace((unsigned char)*t))
      t++;
   if (*t == '-')
      return fail(w, N_("out of range for the type"));
   unsigned long long v = strtoull(t, &end, 0);
   if (end == t || !blank(end))
      return fail(w, N_("not a number"));
   if (errno == ERANGE || (n < 8 && v >> bits))
      return fail(w, N_("out of range for the type"));
   return put(w, v, n);
}

/* hex: a 32-bit number in hex digits, 0x optional. */
static bool parse_hex32(Want *w) {
   const char *t = w->text;
   while (isspace((unsigned char)*t))
      t++;
   if (t[0] == '0' && (t[1] == 'x' || t[1] == 'X'))
      t += 2;
   char *end;
   errno = 0;
   if (!isxdigit((unsigned char)*t))
      return fail(w, N_("not a number"));
   unsigned long long v = strtoull(t, &end, 16);
   if (!blank(end))
      return fail(w, N_("not a number"));
   if (errno == ERANGE || v > 0xffffffffULL)
      return fail(w, N_("out of range for the type"));
   return put(w, v, 4);
}

static bool parse_bin(Want *w) {
   const char *t = w->text;
   while (isspace((unsigned char)*t))
      t++;
   if (t[0] == '0' && (t[1] == 'b' || t[1] == 'B'))
      t += 2;
   unsigned v = 0, digits = 0;
   for (; *t == '0' || *t == '1'; t++, digits++)
      v = v << 1 | (unsigned)(*t - '0');
   if (digits == 0 || digits > 8 || !blank(t))
      return fail(w, N_("give 1 to 8 binary digits"));
   return put(w, v, 1);
}

/* Whether TEXT spells an infinity itself ("inf", "-Infinity"), rather than
 * a number too large for a double that strtod made one. */
static bool spells_infinity(const char *t) {
   while (isspace((unsigned char)*t))
      t++;
   if (*t == '+' || *t == '-')
      t++;
   return strncasecmp(t, "inf", 3) == 0;
}

static bool parse_double(Want *w, double *d) {
   char *end;
   *d = strtod(w->text, &end);
   if (end == w->text || !blank(end))
      return fail(w, N_("not a number"));
   if (isinf(*d) && !spells_infinity(w->text))
      return fail(w, N_("out of range for the type"));
   return true;
}

static bool parse_float(Want *w, ValuesType t) {
   double d;
   if (!parse_double(w, &d))
      return false;
   bool finite = d == d && d <= 1.7976931348623157e308 && d >= -1.7976931348623157e308;
   if (t == VALUES_F64) {
      uint64_t bits;
      memcpy(&bits, &d, sizeof bits);
      return put(w, bits, 8);
   }
   if (t == VALUES_F32) {
      if (finite && (d > 3.4028235677973366e38 || d < -3.4028235677973366e38))
         return fail(w, N_("out of range for the type"));
      float f = (float)d;
      if (finite && isinf(f))            /* rounds up past FLT_MAX */
         return fail(w, N_("out of range for the type"));
      uint32_t bits;
      memcpy(&bits, &f, sizeof bits);
      return put(w, bits, 4);
   }
   uint16_t h;
   if (!values_f16_bits(d, &h))
      return fail(w, N_("out of range for the type"));
   return put(w, h, 2);
}

/* N decimal digits at *P (exactly N, or 1 to N when VARIABLE). */
static bool digits(const char **p, unsigned n, bool variable, int64_t *v) {
   unsigned i = 0;
   *v = 0;
   for (; i < n && isdigit((unsigned char)**p); i++, ++*p)
      *v = *v * 10 + (**p - '0');
   return variable ? i > 0 : i == n;
}

/* "YYYY-MM-DD HH:MM:SS" (or T between), ".fffffff" when FRAC is not NULL
 * (1 to 7 digits, in 100 ns), a Z after.  Seconds since 1970. */
static bool parse_date(const char *t, int64_t *seconds, uint32_t *frac, unsigned *sec_out) {
   int64_t y, mo, d, h, mi, s, f = 0;
   while (isspace((unsigned char)*t))
      t++;
   if (!digits(&t, 4, false, &y) || *t++ != '-' || !digits(&t, 2, false, &mo) || *t++ != '-'
       || !digits(&t, 2, false, &d) || (*t != ' ' && *t != 'T'))
      return false;
   t++;
   if (!digits(&t, 2, false, &h) || *t++ != ':' || !digits(&t, 2, false, &mi) || *t++ != ':'
       || !digits(&t, 2, false, &s))
      return false;
   if (*t == '.' && frac) {
      t++;
      const char *start = t;
      if (!digits(&t, 7, true, &f))
         return false;
      for (ptrdiff_t n = t - start; n < 7; n++)
         f *= 10;
   }
   if (*t == 'Z')
      t++;
   if (!blank(t) || !values_valid_civil(y, (unsigned)mo, (unsigned)d, (unsigned)h,
                                         (unsigned)mi, (unsigned)s))
      return false;
   *seconds = values_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600
              + mi * 60 + s;
   if (frac)
      *frac = (uint32_t)f;
   if (sec_out)
      *sec_out = (unsigned)s;
   return true;
}

static bool parse_time(Want *w, size_t n) {
   int64_t seconds;
   if (!parse_date(w->text, &seconds, NULL, NULL)) {
      const char *why = NULL;
      Want tmp = *w;
      tmp.why = &why;
      if (parse_int(&tmp, n, true))        /* a number of seconds */
         return true;
      return fail(w, N_("give a date as YYYY-MM-DD HH:MM:SS (UTC) or a number of seconds"));
   }
   if (n == 4 && (seconds < -2147483648LL || seconds > 2147483647LL))
      return fail(w, N_("out of range for the type"));
   return put(w, (uint64_t)seconds, n);
}

static bool parse_filetime(Want *w) {
   int64_t seconds;
   uint32_t frac;
   if (!parse_date(w->text, &seconds, &frac, NULL))
      return fail(w, N_("give a date as YYYY-MM-DD HH:MM:SS.fffffff (UTC)"));
   if (seconds < -11644473600LL)          /* before 1601 */
      return fail(w, N_("out of range for the type"));
   return put(w, (uint64_t)(seconds + 11644473600LL) * 10000000u + frac, 8);
}

static bool parse_dos(Want *w) {
   int64_t seconds;
   unsigned sec;
   if (!parse_date(w->text, &seconds, NULL, &sec))
      return fail(w, N_("give a date as YYYY-MM-DD HH:MM:SS"));
   int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
   int64_t rest = seconds - days * 86400, y;
   unsigned mo, d;
   values_civil_from_days(days, &y, &mo, &d);
   if (y < 1980 || y > 2107)
      return fail(w, N_("DOS dates run from 1980 to 2107"));
   if (sec % 2)
      return fail(w, N_("DOS times hold even seconds only"));
   uint32_t date = (uint32_t)((y - 1980) << 9 | mo << 5 | d);
   uint32_t time = (uint32_t)(rest / 3600 << 11 | rest / 60 % 60 << 5 | rest % 60 / 2);
   return put(w, date << 16 | time, 4);
}

static int hexval(int c) {
   return isdigit(c) ? c - '0' : isxdigit(c) ? tolower(c) - 'a' + 10 : -1;
}

/* 8-4-4-4-12 hex digits, braces optional; Windows' first three fields
 * little-endian when MIXED. */
static bool parse_guid(Want *w, bool mixed) {
   static const unsigned groups[5] = { 8, 4, 4, 4, 12 };
   unsigned char b[16];
   const char *t = w->text;
   while (isspace((unsigned char)*t))
      t++;
   bool brace = *t == '{';
   t += brace;
   size_t k = 0;
   for (int g = 0; g < 5; g++) {
      if (g > 0 && *t++ != '-')
         return fail(w, N_("give 32 hex digits as 8-4-4-4-12, braces optional"));
      for (unsigned i = 0; i < groups[g]; i += 2, t += 2) {
         int hi = hexval((unsigned char)t[0]), lo = hi < 0 ? -1 : hexval((unsigned char)t[1]);
         if (lo < 0)
            return fail(w, N_("give 32 hex digits as 8-4-4-4-12, braces optional"));
         b[k++] = (unsigned char)(hi << 4 | lo);
      }
   }
   if ((brace && *t++ != '}') || !blank(t))
      return fail(w, N_("give 32 hex digits as 8-4-4-4-12, braces optional"));
   if (16 > w->outsz)
      return fail(w, N_("too long"));
   memcpy(w->out, b, 16);
   if (mixed) {                    /* Data1, Data2, Data3 are little-endian */
      static const unsigned char order[8] = { 3, 2, 1, 0, 5, 4, 7, 6 };
      for (int i = 0; i < 8; i++)
         w->out[i] = b[order[i]];
   }
   *w->len = 16;
   return true;
}

static bool parse_bytes(Want *w) {
   const char *t = w->text;
   size_t n = 0;
   for (;;) {
      while (isspace((unsigned char)*t))
         t++;
      if (!*t)
         break;
      int hi = hexval((unsigned char)t[0]), lo = hi < 0 ? -1 : hexval((unsigned char)t[1]);
      if (lo < 0)
         return fail(w, N_("give hex bytes, two digits each (de ad be ef)"));
      if (n == w->outsz)
         return fail(w, N_("too long"));
      w->out[n++] = (unsigned char)(hi << 4 | lo);
      t += 2;
   }
   if (n == 0)
      return fail(w, N_("give hex bytes, two digits each (de ad be ef)"));
   *w->len = n;
   return true;
}

/* Text, which the terminal gave as UTF-8: as it is, or as UTF-16. */
static bool parse_text(Want *w, bool utf16) {
   const unsigned char *t = (const unsigned char *)w->text;
   size_t n = 0, tl = strlen(w->text);
   if (tl == 0)
      return fail(w, N_("give some text"));
   for (size_t i = 0; i < tl;) {
      char one[VALUES_TEXT_MAX];
      values_char_utf8(t + i, tl - i, false, one);
      if (one[0] != 'U')
         return fail(w, N_("not valid UTF-8 text"));
      uint32_t cp = (uint32_t)strtoul(one + 2, NULL, 16);
      unsigned char u[4];
      size_t ul = values_utf8_encode(cp, u);
      i += ul;
      if (!utf16) {
         if (n + ul > w->outsz)
            return fail(w, N_("too long"));
         memcpy(w->out + n, u, ul);
         n += ul;
         continue;
      }
      size_t units = cp >= 0x10000 ? 2 : 1;
      if (n + 2 * units > w->outsz)
         return fail(w, N_("too long"));
      if (units == 2) {
         values_store(0xd800 + ((cp - 0x10000) >> 10), w->out + n, 2, w->big);
         values_store(0xdc00 + ((cp - 0x10000) & 0x3ff), w->out + n + 2, 2, w->big);
      } else {
         values_store(cp, w->out + n, 2, w->big);
      }
      n += 2 * units;
   }
   *w->len = n;
   return true;
}

bool values_parse(const char *name, const char *text, bool big_endian, unsigned char *out,
                  size_t outsz, size_t *len, const char **why) {
   Want w = { text, big_endian, out, outsz, len, why };
   *len = 0;
   if (strcmp(name, "bytes") == 0)
      return parse_bytes(&w);
   ValuesType t = values_lookup(name);
   switch (t) {
   case VALUES_U8: case VALUES_U16: case VALUES_U32: case VALUES_U64:
      return parse_int(&w, values_size(t), false);
   case VALUES_I8: case VALUES_I16: case VALUES_I32: case VALUES_I64:
      return parse_int(&w, values_size(t), true);
   case VALUES_F16: case VALUES_F32: case VALUES_F64:
      return parse_float(&w, t);
   case VALUES_TIME32: case VALUES_TIME64:
      return parse_time(&w, values_size(t));
   case VALUES_HEX:
      return parse_hex32(&w);
   case VALUES_BIN:
      return parse_bin(&w);
   case VALUES_UTF8: case VALUES_UTF16:
      return parse_text(&w, t == VALUES_UTF16);
   case VALUES_FILETIME:
      return parse_filetime(&w);
   case VALUES_DOS:
      return parse_dos(&w);
   case VALUES_GUID: case VALUES_UUID:
      return parse_guid(&w, t == VALUES_GUID);
   default:
      return fail(&w, N_("no such field (u8 ... uuid, or bytes)"));
   }
}
