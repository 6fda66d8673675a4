/* offset.c - parsing and resolving offset expressions. */
#include "config.h"

#include "core/offset.h"
#include "core/gettext.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#define PPM 1000000u

static const char *skip_space(const char *s) {
   while (*s == ' ' || *s == '\t')
      s++;
   return s;
}

static bool mul_overflows(uint64_t a, uint64_t b, uint64_t *r) {
   return __builtin_mul_overflow(a, b, r) || *r > OFFSET_MAX;
}

static bool add_overflows(uint64_t a, uint64_t b, uint64_t *r) {
   return __builtin_add_overflow(a, b, r) || *r > OFFSET_MAX;
}

/* floor(A * B / C) for C > 0, exact where the result fits in 64 bits (the
 * callers' results never exceed A or B): the 128-bit product in two halves,
 * then long division one bit at a time.  Portable C, no __int128. */
static uint64_t mul_div(uint64_t a, uint64_t b, uint64_t c) {
   uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
   uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
   uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
   uint64_t lo = (p00 & 0xFFFFFFFFu) | (mid << 32);
   uint64_t hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
   uint64_t q = 0, r = 0;
   for (int i = 127; i >= 0; i--) {
      uint64_t bit = i >= 64 ? (hi >> (i - 64)) & 1u : (lo >> i) & 1u;
      bool carry = (r >> 63) != 0;
      r = (r << 1) | bit;
      if (carry || r >= c) {
         r -= c;
         if (i < 64)
            q |= (uint64_t)1 << i;
      }
   }
   return q;
}

/* Reads a unit suffix, case-insensitively as util-linux and coreutils do:
 * K M G T P E alone or followed by "iB" are powers of 1024, followed by "B"
 * powers of 1000 (1K = 1KiB = 1024, 1KB = 1000). */
static bool parse_suffix(const char **sp, uint64_t *mult) {
   static const char units[] = "KMGTPE";
   const char *s = *sp;
   const char *u = *s ? strchr(units, toupper((unsigned char)*s)) : NULL;
   *mult = 1;
   if (!u)
      return false;
   uint64_t base = 1024;
   s++;
   if ((s[0] == 'i' || s[0] == 'I') && (s[1] == 'B' || s[1] == 'b')) {
      s += 2;
   } else if (*s == 'B' || *s == 'b') {
      base = 1000;
      s++;
   }
   for (int i = 0; i <= u - units; i++)
      *mult *= base;
   *sp = s;
   return true;
}

static bool parse_hex(const char **sp, uint64_t *v, const char **why) {
   const char *s = *sp;
   *v = 0;
   if (!isxdigit((unsigned char)*s)) {
      *why = N_("no digits after 0x");
      return false;
   }
   for (; isxdigit((unsigned char)*s); s++) {
      unsigned d = isdigit((unsigned char)*s) ? (unsigned)(*s - '0')
                                               : (unsigned)(tolower((unsigned char)*s) - 'a' + 10);
      if (*v > (OFFSET_MAX >> 4)) {
         *why = N_("number too large (the limit is 2^63-1)");
         return false;
      }
      *v = (*v << 4) | d;
   }
   *sp = s;
   return true;
}

/* Decimal with an optional fraction: whole part and up to 9 fraction digits
 * (as a numerator over 10^9). */
static bool parse_decimal(const char **sp, uint64_t *whole, uint64_t *frac_e9,
                          bool *has_frac, const char **why) {
   const char *s = *sp;
   *whole = 0;
   *frac_e9 = 0;
   *has_frac = false;
   if (!isdigit((unsigned char)*s)) {
      *why = N_("not a number");
      return false;
   }
   for (; isdigit((unsigned char)*s); s++) {
      if (mul_overflows(*whole, 10, whole) || add_overflows(*whole, (uint64_t)(*s - '0'), whole)) {
         *why = N_("number too large (the limit is 2^63-1)");
         return false;
      }
   }
   if (*s == '.') {
      uint64_t scale = 100000000;
      s++;
      if (!isdigit((unsigned char)*s)) {
         *why = N_("no digits after the decimal point");
         return false;
      }
      for (; isdigit((unsigned char)*s); s++, scale /= 10)
         *frac_e9 += (uint64_t)(*s - '0') * scale;
      *has_frac = true;
      if (*s == '.') {
         *why = N_("not a number: it has more than one decimal point");
         return false;
      }
   }
   *sp = s;
   return true;
}

/* A leading 0 followed by a digit is octal, as strtoul(, 0) reads it. */
static bool parse_octal(const char **sp, uint64_t *v, const char **why) {
   const char *s = *sp;
   *v = 0;
   for (; isdigit((unsigned char)*s); s++) {
      if (*s > '7') {
         *why = N_("not an octal digit (a leading 0 means octal: 010 is 8)");
         return false;
      }
      if (*v > (OFFSET_MAX >> 3)) {
         *why = N_("number too large (the limit is 2^63-1)");
         return false;
      }
      *v = (*v << 3) | (uint64_t)(*s - '0');
   }
   if (*s == '.') {
      *why = N_("a fraction cannot follow an octal number (a leading 0 means octal)");
      return false;
   }
   *sp = s;
   return true;
}

static bool parse_number(const char **sp, OffsetExpr *out, const char **why) {
   const char *s = *sp;
   uint64_t whole, frac, mult;
   bool has_frac = false;
   if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
      s += 2;
      if (!parse_hex(&s, &whole, why))
         return false;
      frac = 0;
   } else if (s[0] == '0' && isdigit((unsigned char)s[1])) {
      if (!parse_octal(&s, &whole, why))
         return false;
      frac = 0;
   } else if (!parse_decimal(&s, &whole, &frac, &has_frac, why)) {
      return false;
   }
   if (*s == '%') {
      if (whole > 100 || (whole == 100 && frac > 0)) {
         *why = N_("a percentage cannot exceed 100%");
         return false;
      }
      out->unit = OFFSET_PERCENT;
      out->value = whole * PPM + frac / 1000;
      *sp = s + 1;
      return true;
   }
   bool has_suffix = parse_suffix(&s, &mult);
   if (has_frac && !has_suffix) {
      *why = N_("a fraction needs a unit (K, M, G, T) or %");
      return false;
   }
   uint64_t bytes, part;
   if (mul_overflows(whole, mult, &bytes)) {
      *why = N_("number too large (the limit is 2^63-1)");
      return false;
   }
   part = mul_div(frac, mult, 1000000000u);   /* frac/1e9 * mult */
   if (add_overflows(bytes, part, &bytes)) {
      *why = N_("number too large (the limit is 2^63-1)");
      return false;
   }
   out->unit = OFFSET_BYTES;
   out->value = bytes;
   *sp = s;
   return true;
}

bool offset_parse(const char *text, OffsetContext ctx, OffsetExpr *out, const char **why) {
   const char *s = skip_space(text ? text : "");
   out->sign = 0;
   out->relative = false;
   out->unit = OFFSET_BYTES;
   out->value = 0;
   if (*s == '\0') {
      *why = N_("empty expression");
      return false;
   }
   if (*s == '.') {
      s = skip_space(s + 1);
      if (*s != '+' && *s != '-') {
         *why = N_("'.' (the current offset) must be followed by + or -");
         return false;
      }
      out->relative = true;
   }
   if (*s == '+' || *s == '-') {
      if (ctx == OFFSET_AS_LENGTH) {
         *why = N_("a size cannot have a sign");
         return false;
      }
      out->sign = *s == '-' ? -1 : 1;
      if (out->sign > 0)
         out->relative = true;     /* +N is .+N */
      s = skip_space(s + 1);
   }
   if (strncasecmp(s, "end", 3) == 0) {
      if (ctx != OFFSET_AS_GOTO || out->sign != 0) {
         *why = N_("\"end\" is not allowed here");
         return false;
      }
      out->unit = OFFSET_END;
      s += 3;
   } else if (!parse_number(&s, out, why)) {
      return false;
   }
   s = skip_space(s);
   if (*s != '\0') {
      *why = N_("unexpected characters after the number");
      return false;
   }
   return true;
}

static uint64_t share_of(uint64_t size, uint64_t ppm) {
   return mul_div(size, ppm, 100u * PPM);
}

/* A percentage at the screen names a byte: 100% is the last one. */
static uint64_t percent_amount(const OffsetExpr *e, OffsetContext ctx, uint64_t size) {
   uint64_t amount = share_of(size, e->value);
   if (ctx == OFFSET_AS_GOTO && size > 0 && amount >= size)
      amount = size - 1;
   return amount;
}

bool offset_resolve(const OffsetExpr *e, OffsetContext ctx, uint64_t size,
                    uint64_t current, uint64_t *out, const char **why) {
   uint64_t amount;
   switch (e->unit) {
   case OFFSET_END:
      *out = size > 0 ? size - 1 : 0;
      return true;
   case OFFSET_PERCENT:
      amount = percent_amount(e, ctx, size);
      break;
   case OFFSET_BYTES:
   default:
      amount = e->value;
      break;
   }
   if (e->sign == 0) {
      *out = amount;
      return true;
   }
   uint64_t base = e->relative ? current : size;
   if (e->sign < 0) {
      if (amount > base) {
         *why = e->relative ? N_("that would move before the start")
                            : N_("that is before the start of the object");
         return false;
      }
      *out = base - amount;
      return true;
   }
   if (add_overflows(base, amount, out)) {
      *why = N_("number too large (the limit is 2^63-1)");
      return false;
   }
   return true;
}

bool offset_eval(const char *text, OffsetContext ctx, uint64_t size, uint64_t current,
                 uint64_t *out, const char **why) {
   OffsetExpr e;
   return offset_parse(text, ctx, &e, why) && offset_resolve(&e, ctx, size, current, out, why);
}
