/* search.c - search patterns and matching in memory (the scanner that
 * walks a source is in search_scan.c).
 *
 * Matching.  Every pattern, exact, case-folded or with wildcards, is a
 * string of (value, mask) pairs.  Candidates are found 32 positions at a
 * time by comparing two anchor bytes (the first and the last byte that is
 * not a wildcard, each in up to two cases) with GCC vector extensions; on
 * random data only one position in 65536 passes both, so the full compare
 * is rare and the filter runs at memory bandwidth.  A one-byte exact pattern
 * goes to memchr.  An exact pattern whose filter keeps failing (data built
 * to defeat it: long runs of the anchor bytes) falls back to memmem, which
 * is linear in the worst case. */
#include "config.h"

#include "core/search.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct SearchPattern {
   size_t len;
   bool ignore_case;       /* compare folded bytes (ASCII letters) */
   bool plain;             /* no wildcard, no folding: memcmp decides */
   bool zeros;             /* a run of zero bytes matches: holes may hold matches */
   size_t anchor[2];       /* positions of the first and last fixed bytes */
   unsigned char anchor_value[2][2];  /* the values each anchor accepts */
   unsigned char *value;   /* folded; 0 at wildcards */
   unsigned char *mask;    /* 0xff where the byte matters, 0 at wildcards */
   unsigned char data[];   /* value, then mask */
};

/* ---- parsing -------------------------------------------------------------- */

static unsigned char fold(unsigned char c) {
   return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
}

static unsigned char unfold(unsigned char c) {
   return (c >= 'a' && c <= 'z') ? (unsigned char)(c - ('a' - 'A')) : c;
}

static int hex_value(char c) {
   if (c >= '0' && c <= '9')
      return c - '0';
   if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
   if (c >= 'A' && c <= 'F')
      return c - 'A' + 10;
   return -1;
}

typedef struct {
   unsigned char *value;
   unsigned char *mask;
   size_t len;
   const char **why;
   size_t *where;
} Parse;

static bool refuse(Parse *ps, const char *why, size_t where) {
   *ps->why = why;
   if (ps->where)
      *ps->where = where;
   return false;
}

static void put_byte(Parse *ps, unsigned char v, unsigned char mask) {
   ps->value[ps->len] = v;
   ps->mask[ps->len] = mask;
   ps->len++;
}

/* One escape after a backslash at T[*i]; advances *i past it. */
static bool text_escape(Parse *ps, const char *t, size_t *i) {
   static const char from[] = "\\ntr0abefv";
   static const char to[] = "\\\n\t\r\0\a\b\033\f\v";
   size_t at = *i;
   char c = t[at + 1];
   if (c == '\0')
      return refuse(ps, N_("the pattern ends in a lone backslash; write \\\\ for one"), at);
   if (c == 'x') {
      int hi = hex_value(t[at + 2]), lo = hi < 0 ? -1 : hex_value(t[at + 3]);
      if (hi < 0 || lo < 0)
         return refuse(ps, N_("\\x needs two hex digits"), at);
      put_byte(ps, (unsigned char)(hi << 4 | lo), 0xff);
      *i = at + 4;
      return true;
   }
   const char *k = strchr(from, c);
   if (!k)
      return refuse(ps, N_("unknown escape (known: \\\\ \\n \\t \\r \\0 \\a \\b \\e \\f \\v \\xHH)"), at);
   put_byte(ps, (unsigned char)to[k - from], 0xff);
   *i = at + 2;
   return true;
}

static bool parse_text(Parse *ps, const char *t) {
   size_t i = 0;
   while (t[i]) {
      if (t[i] == '\\') {
         if (!text_escape(ps, t, &i))
            return false;
      } else {
         put_byte(ps, (unsigned char)t[i++], 0xff);
      }
   }
   return true;
}

/* One byte (two hex digits or ??) at T[*i]; advances *i past it. */
static bool hex_byte(Parse *ps, const char *t, size_t *i) {
   size_t at = *i;
   if (t[at] == '?') {
      if (t[at + 1] != '?')
         return refuse(ps, N_("a wildcard is two question marks: ??"), at);
      put_byte(ps, 0, 0);
      *i = at + 2;
      return true;
   }
   int hi = hex_value(t[at]);
   if (hi < 0)
      return refuse(ps, N_("not a hex digit or ??"), at);
   int lo = hex_value(t[at + 1]);
   if (lo < 0)
      return refuse(ps, t[at + 1] == '\0' || t[at + 1] == ' ' || t[at + 1] == '\t'
                           ? N_("a byte needs two hex digits") : N_("not a hex digit or ??"),
                    t[at + 1] == '\0' ? at : at + 1);
   put_byte(ps, (unsigned char)(hi << 4 | lo), 0xff);
   *i = at + 2;
   return true;
}

static bool parse_hex(Parse *ps, const char *t) {
   size_t i = 0;
   for (;;) {
      while (t[i] == ' ' || t[i] == '\t')
         i++;
      if (t[i] == '\0')
         break;
      if (!hex_byte(ps, t, &i))
         return false;
   }
   return true;
}

/* Anchors, flags and folding, once the bytes are known. */
static bool finish_pattern(SearchPattern *p, Parse *ps, bool ignore_case) {
   size_t first = SIZE_MAX, last = 0;
   bool wild = false, zeros = true;
   for (size_t k = 0; k < p->len; k++) {
      if (!p->mask[k]) {
         wild = true;
         continue;
      }
      if (ignore_case)
         p->value[k] = fold(p->value[k]);
      if (p->value[k] != 0)
         zeros = false;
      if (first == SIZE_MAX)
         first = k;
      last = k;
   }
   if (first == SIZE_MAX)
      return refuse(ps, N_("only wildcards: give at least one byte"), 0);
   p->zeros = zeros;
   p->anchor[0] = first;
   p->anchor[1] = last;
   for (int a = 0; a < 2; a++) {
      unsigned char v = p->value[p->anchor[a]];
      p->anchor_value[a][0] = v;
      p->anchor_value[a][1] = ignore_case ? unfold(v) : v;
   }
   bool folds = false;
   for (size_t k = 0; ignore_case && k < p->len; k++)
      folds |= p->mask[k] && unfold(p->value[k]) != p->value[k];
   p->ignore_case = folds;          /* no letters: an exact pattern */
   p->plain = !wild && !folds;
   return true;
}

bool search_parse(const char *text, SearchSyntax syntax, bool ignore_case,
                  SearchPattern **out, const char **why, size_t *where) {
   const char *ignored;
   if (!why)
      why = &ignored;
   size_t cap = strlen(text);
   if (cap == 0) {
      *why = N_("the pattern is empty");
      if (where)
         *where = 0;
      return false;
   }
   SearchPattern *p = calloc(1, sizeof *p + 2 * cap);
   if (!p) {
      *why = N_("out of memory");
      if (where)
         *where = 0;
      return false;
   }
   p->value = p->data;
   p->mask = p->data + cap;
   Parse ps = { p->value, p->mask, 0, why, where };
   bool parsed = syntax == SEARCH_HEX ? parse_hex(&ps, text) : parse_text(&ps, text);
   if (parsed && ps.len == 0)
      parsed = refuse(&ps, N_("the pattern is empty"), 0);
   p->len = ps.len;
   if (!parsed || !finish_pattern(p, &ps, ignore_case)) {
      free(p);
      return false;
   }
   *out = p;
   return true;
}

void search_pattern_free(SearchPattern *p) {
   free(p);
}

size_t search_pattern_length(const SearchPattern *p) {
   return p->len;
}

bool search_pattern_matches_zeros(const SearchPattern *p) {
   return p->zeros;
}

/* ---- matching in memory --------------------------------------------------- */

bool search_pattern_matches(const SearchPattern *p, const unsigned char *buf) {
   if (p->plain)
      return memcmp(buf, p->value, p->len) == 0;
   const unsigned char *v = p->value, *m = p->mask;
   if (p->ignore_case) {
      for (size_t k = 0; k < p->len; k++)
         if ((fold(buf[k]) & m[k]) != v[k])
            return false;
      return true;
   }
   for (size_t k = 0; k < p->len; k++)
      if ((buf[k] & m[k]) != v[k])
         return false;
   return true;
}

typedef unsigned char Vec __attribute__((vector_size(16)));
typedef signed char VecMask __attribute__((vector_size(16)));

#define BLOCK 32

static inline Vec vec_load(const unsigned char *at) {
   Vec v;
   memcpy(&v, at, sizeof v);
   return v;
}

static inline Vec vec_splat(unsigned char c) {
   Vec v;
   memset(&v, c, sizeof v);
   return v;
}

static inline bool vec_any(VecMask m) {
   uint64_t w[2];
   memcpy(w, &m, sizeof w);
   return (w[0] | w[1]) != 0;
}

/* Lanes of the two anchors' compares for positions AT .. AT+31. */
static inline bool block_candidates(const unsigned char *at, size_t a0, size_t a1,
                                    const Vec want[4], bool two_cases, VecMask out[2]) {
   for (int h = 0; h < 2; h++) {
      Vec x = vec_load(at + a0 + 16 * h), y = vec_load(at + a1 + 16 * h);
      VecMask cx = (VecMask)(x == want[0]), cy = (VecMask)(y == want[2]);
      if (two_cases) {
         cx |= (VecMask)(x == want[1]);
         cy |= (VecMask)(y == want[3]);
      }
      out[h] = cx & cy;
   }
   return vec_any(out[0] | out[1]);
}

/* Give up on the filter for an exact pattern after this many false
 * candidates beyond one in 64 bytes: memmem is linear. */
#define FALSE_HITS_SLACK 4096

typedef struct {
   const SearchPattern *p;
   const unsigned char *buf;
   size_t last_start;        /* the last position a match may start at */
   size_t false_hits;
} Filter;

/* The first match among the candidates of the block at I, or SIZE_MAX. */
static size_t block_verify(Filter *f, size_t i, const VecMask lanes[2]) {
   signed char l[BLOCK];
   memcpy(l, lanes, sizeof l);
   for (size_t k = 0; k < BLOCK; k++) {
      if (l[k] && search_pattern_matches(f->p, f->buf + i + k))
         return i + k;
      f->false_hits += l[k] != 0;
   }
   return SIZE_MAX;
}

static size_t find_memmem(const SearchPattern *p, const unsigned char *buf, size_t len,
                          size_t from) {
   const unsigned char *hit = memmem(buf + from, len - from, p->value, p->len);
   return hit ? (size_t)(hit - buf) : SIZE_MAX;
}

static size_t find_filtered(const SearchPattern *p, const unsigned char *buf, size_t len,
                            size_t from) {
   Filter f = { p, buf, len - p->len, 0 };
   const Vec want[4] = { vec_splat(p->anchor_value[0][0]), vec_splat(p->anchor_value[0][1]),
                         vec_splat(p->anchor_value[1][0]), vec_splat(p->anchor_value[1][1]) };
   size_t a0 = p->anchor[0], a1 = p->anchor[1], i = from;
   for (; f.last_start >= BLOCK - 1 && i <= f.last_start - (BLOCK - 1); i += BLOCK) {
      VecMask lanes[2];
      if (!block_candidates(buf + i, a0, a1, want, p->ignore_case, lanes))
         continue;
      size_t hit = block_verify(&f, i, lanes);
      if (hit != SIZE_MAX)
         return hit;
      if (p->plain && f.false_hits > FALSE_HITS_SLACK + (i - from) / 64)
         return find_memmem(p, buf, len, i + BLOCK);
   }
   for (; i <= f.last_start; i++)
      if (search_pattern_matches(p, buf + i))
         return i;
   return SIZE_MAX;
}

size_t search_find_in(const SearchPattern *p, const unsigned char *buf, size_t len, size_t from) {
   if (len < p->len || from > len - p->len)
      return SIZE_MAX;
   if (p->len == 1 && !p->ignore_case) {
      const unsigned char *hit = memchr(buf + from, p->value[0], len - from);
      return hit ? (size_t)(hit - buf) : SIZE_MAX;
   }
   return find_filtered(p, buf, len, from);
}
