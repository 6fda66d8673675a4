/* Unit tests: search patterns and the scanner.
 *
 * Matches are checked against a naive matcher written here, over files and
 * over a fake source kind whose holes and reads the test controls. */
#include "config.h"

#include "core/search.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MIB (1024ull * 1024)
#define MAXM 200000          /* matches kept for comparison */

/* ---- helpers -------------------------------------------------------------- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static unsigned char rnd(void) {
   rng_state ^= rng_state << 13;
   rng_state ^= rng_state >> 7;
   rng_state ^= rng_state << 17;
   return (unsigned char)(rng_state >> 24);
}

/* The naive matcher: VALUE/MASK as the test means them, folding by hand. */
typedef struct {
   const unsigned char *value;
   const unsigned char *mask;   /* NULL: every byte matters */
   size_t len;
   bool icase;
} Naive;

static unsigned char lower(unsigned char c) {
   return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static bool naive_at(const Naive *n, const unsigned char *b) {
   for (size_t k = 0; k < n->len; k++) {
      if (n->mask && !n->mask[k])
         continue;
      unsigned char x = b[k], v = n->value[k];
      if (n->icase ? lower(x) != lower(v) : x != v)
         return false;
   }
   return true;
}

static size_t naive_all(const Naive *n, const unsigned char *b, size_t len, uint64_t *out,
                        size_t max) {
   size_t count = 0;
   for (size_t i = 0; i + n->len <= len; i++)
      if (naive_at(n, b + i)) {
         if (count < max)
            out[count] = i;
         count++;
      }
   return count;
}

static SearchPattern *parse(const char *text, SearchSyntax syn, bool icase) {
   SearchPattern *p = NULL;
   const char *why = NULL;
   size_t where = 0;
   if (!search_parse(text, syn, icase, &p, &why, &where))
      diag("parse \"%s\" failed: %s at %zu", text, why ? why : "?", where);
   return p;
}

static char *write_temp(const unsigned char *data, size_t len, uint64_t size) {
   char *path = malloc(4096);
   int fd = path && tap_scratch(path, 4096, "search") ? mkstemp(path) : -1;
   if (fd < 0 || (len && write(fd, data, len) != (ssize_t)len) || ftruncate(fd, (off_t)size) != 0)
      diag("cannot write %s", path);
   close(fd);
   return path;
}

typedef struct {
   uint64_t *got;
   size_t n, max;
} Collect;

static bool collect(void *ctx, uint64_t match) {
   Collect *c = ctx;
   if (c->n < c->max)
      c->got[c->n] = match;
   c->n++;
   return true;
}

static bool same_list(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
   if (na != nb) {
      diag("got %zu matches, want %zu", na, nb);
      return false;
   }
   for (size_t i = 0; i < na && i < MAXM; i++)
      if (a[i] != b[i]) {
         diag("match %zu: got %" PRIu64 ", want %" PRIu64, i, a[i], b[i]);
         return false;
      }
   return true;
}

/* All matches through search_each, with chunk CHUNK. */
static size_t scan_all(Source *src, const SearchPattern *p, size_t chunk, uint64_t lo,
                       uint64_t hi, uint64_t *out, size_t max) {
   SearchHooks h = { .chunk_size = chunk };
   SearchScanner *sc;
   Error e;
   if (!search_scanner_new(src, p, lo, hi, &h, &sc, &e))
      return SIZE_MAX;
   Collect c = { out, 0, max };
   SearchStatus st = search_each(sc, lo, collect, &c, &e);
   search_scanner_free(sc);
   if (st == SEARCH_FAILED)
      return SIZE_MAX;
   if ((st == SEARCH_FOUND) != (c.n > 0))
      diag("status %d with %zu matches", (int)st, c.n);
   return c.n;
}

/* All matches through repeated search_backward, put back in ascending order. */
static size_t scan_backward_all(Source *src, const SearchPattern *p, size_t chunk,
                                uint64_t *out, size_t max) {
   SearchHooks h = { .chunk_size = chunk };
   SearchScanner *sc;
   Error e;
   if (!search_scanner_new(src, p, 0, UINT64_MAX, &h, &sc, &e))
      return SIZE_MAX;
   size_t n = 0;
   uint64_t from = src->size, m;
   while (n < max && search_backward(sc, from, &m, &e) == SEARCH_FOUND) {
      out[n++] = m;
      from = m;
   }
   search_scanner_free(sc);
   for (size_t i = 0; i < n / 2; i++) {
      uint64_t t = out[i];
      out[i] = out[n - 1 - i];
      out[n - 1 - i] = t;
   }
   return n;
}

/* ---- parsing -------------------------------------------------------------- */

typedef struct {
   const char *text;
   SearchSyntax syn;
   const char *bytes;     /* expected value bytes */
   size_t len;
   const char *mask;      /* NULL: all fixed */
} GoodCase;

static const GoodCase good[] = {
   { "abc", SEARCH_TEXT, "abc", 3, NULL },
   { "a", SEARCH_TEXT, "a", 1, NULL },
   { "\\x00\\n\\\\", SEARCH_TEXT, "\0\n\\", 3, NULL },
   { "\\t\\r\\0\\a\\b\\e\\f\\v", SEARCH_TEXT, "\t\r\0\a\b\033\f\v", 8, NULL },
   { "\\xfF\\x7e", SEARCH_TEXT, "\xff\x7e", 2, NULL },
   { "a b", SEARCH_TEXT, "a b", 3, NULL },
   { "??", SEARCH_TEXT, "??", 2, NULL },
   { "de ad ?? ef", SEARCH_HEX, "\xde\xad\0\xef", 4, "\1\1\0\1" },
   { "DEADbeef", SEARCH_HEX, "\xde\xad\xbe\xef", 4, NULL },
   { "  00\t41  ", SEARCH_HEX, "\0A", 2, NULL },
   { "??41??", SEARCH_HEX, "\0A\0", 3, "\0\1\0" },
   { "00", SEARCH_HEX, "\0", 1, NULL },
};

static const struct {
   const char *text;
   SearchSyntax syn;
   size_t where;
} bad[] = {
   { "", SEARCH_TEXT, 0 },
   { "", SEARCH_HEX, 0 },
   { "   ", SEARCH_HEX, 0 },
   { "abc\\", SEARCH_TEXT, 3 },
   { "a\\q", SEARCH_TEXT, 1 },
   { "\\x4", SEARCH_TEXT, 0 },
   { "\\xg0", SEARCH_TEXT, 0 },
   { "\\x", SEARCH_TEXT, 0 },
   { "de a", SEARCH_HEX, 3 },
   { "dg", SEARCH_HEX, 1 },
   { "zz", SEARCH_HEX, 0 },
   { "?a", SEARCH_HEX, 0 },
   { "de ?", SEARCH_HEX, 3 },
   { "?? ??", SEARCH_HEX, 0 },
   { "0xde", SEARCH_HEX, 1 },
};

static void test_parse(void) {
   for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
      SearchPattern *p = parse(good[i].text, good[i].syn, false);
      bool fine = p && search_pattern_length(p) == good[i].len;
      if (fine) {
         unsigned char hay[16];
         memcpy(hay, good[i].bytes, good[i].len);
         fine = search_pattern_matches(p, hay);
         /* Change each byte: fixed ones must then fail, wildcards not. */
         for (size_t k = 0; fine && k < good[i].len; k++) {
            hay[k] ^= 0x5a;
            bool fixed = !good[i].mask || good[i].mask[k];
            fine = search_pattern_matches(p, hay) == !fixed;
            hay[k] ^= 0x5a;
         }
      }
      ok(fine, "parse %s \"%s\"", good[i].syn == SEARCH_HEX ? "hex" : "text", good[i].text);
      search_pattern_free(p);
   }
   for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
      SearchPattern *p = NULL;
      const char *why = NULL;
      size_t where = 99;
      bool parsed = search_parse(bad[i].text, bad[i].syn, false, &p, &why, &where);
      ok(!parsed && why && *why && where == bad[i].where,
         "refuse %s \"%s\" (%s, at %zu)", bad[i].syn == SEARCH_HEX ? "hex" : "text",
         bad[i].text, why ? why : "no reason", where);
      if (parsed)
         search_pattern_free(p);
   }
}

static void test_case_folding(void) {
   SearchPattern *p = parse("HeLLo", SEARCH_TEXT, true);
   ok(p && search_pattern_matches(p, (const unsigned char *)"hello")
        && search_pattern_matches(p, (const unsigned char *)"HELLO")
        && !search_pattern_matches(p, (const unsigned char *)"hellp"),
      "case-insensitive text matches either case");
   search_pattern_free(p);
   p = parse("HeLLo", SEARCH_TEXT, false);
   ok(p && !search_pattern_matches(p, (const unsigned char *)"hello")
        && search_pattern_matches(p, (const unsigned char *)"HeLLo"),
      "case-sensitive text matches only its case");
   search_pattern_free(p);
   /* '@' and '[' are next to the letters: folding must not touch them. */
   p = parse("@[", SEARCH_TEXT, true);
   ok(p && !search_pattern_matches(p, (const unsigned char *)"`{")
        && search_pattern_matches(p, (const unsigned char *)"@["),
      "case-insensitive leaves non-letters exact");
   search_pattern_free(p);
   p = parse("41 ?? 62", SEARCH_HEX, true);
   ok(p && search_pattern_matches(p, (const unsigned char *)"a\xff" "B"),
      "case-insensitive hex folds letters, wildcard between");
   search_pattern_free(p);
}

/* ---- matching in memory --------------------------------------------------- */

static void test_find_in(void) {
   SearchPattern *p = parse("aa", SEARCH_TEXT, false);
   const unsigned char *s = (const unsigned char *)"aaaa";
   ok(p && search_find_in(p, s, 4, 0) == 0 && search_find_in(p, s, 4, 1) == 1
        && search_find_in(p, s, 4, 2) == 2 && search_find_in(p, s, 4, 3) == SIZE_MAX,
      "overlapping matches in memory");
   search_pattern_free(p);

   /* Long buffers exercise the vector filter, short ones the tail. */
   unsigned char buf[300];
   for (size_t len = 1; len <= sizeof buf; len += 13) {
      memset(buf, 'x', sizeof buf);
      bool fine = true;
      const char *pats[] = { "xy", "yx?", "y", "Yx" };
      for (size_t q = 0; q < 4 && fine; q++) {
         bool icase = q == 3, hex = q == 1;
         SearchPattern *pp = hex ? parse("79 78 ??", SEARCH_HEX, false) : parse(pats[q], SEARCH_TEXT, icase);
         size_t m = search_pattern_length(pp);
         for (size_t at = 0; at + m <= len && fine; at++) {
            memset(buf, 'x', sizeof buf);
            buf[at + (q == 0 ? 1 : 0)] = 'y';
            fine = search_find_in(pp, buf, len, 0) == at;
            if (!fine)
               diag("pattern %s len %zu at %zu: got %zu", pats[q], len, at,
                    search_find_in(pp, buf, len, 0));
         }
         search_pattern_free(pp);
      }
      ok(fine, "every position found in a %zu-byte buffer", len);
   }
}

/* Data made to defeat the anchor filter: the exact path must stay correct. */
static void test_adversarial(void) {
   size_t n = 1 << 20;
   unsigned char *b = malloc(n);
   memset(b, 'a', n);
   memcpy(b + n - 40, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", 36);
   SearchPattern *p = parse("aaaaaaaaaaaaaaaaaaab", SEARCH_TEXT, false);
   ok(p && search_find_in(p, b, n, 0) == n - 40 + 16, "long runs of the anchor byte");
   search_pattern_free(p);
   p = parse("a?b", SEARCH_TEXT, false);    /* '?' is a literal in text */
   ok(p && search_find_in(p, b, n, 0) == SIZE_MAX, "no false match in a run");
   search_pattern_free(p);
   free(b);
}

/* ---- the scanner on files ------------------------------------------------- */

static uint64_t want_list[MAXM], got_list[MAXM];

typedef struct {
   const char *text;
   SearchSyntax syn;
   bool icase;
   const char *value;
   const char *mask;
   size_t len;
} ScanCase;

static const ScanCase scan_cases[] = {
   { "NEEDLE", SEARCH_TEXT, false, "NEEDLE", NULL, 6 },
   { "needle", SEARCH_TEXT, true, "needle", NULL, 6 },
   { "4e ?? 45", SEARCH_HEX, false, "N\0E", "\1\0\1", 3 },
   { "?? 4e", SEARCH_HEX, false, "\0N", "\0\1", 2 },
   { "4e ??", SEARCH_HEX, false, "N\0", "\1\0", 2 },
   { "N", SEARCH_TEXT, false, "N", NULL, 1 },
   { "n", SEARCH_TEXT, true, "n", NULL, 1 },
   { "\\x00\\x00", SEARCH_TEXT, false, "\0\0", NULL, 2 },
   { "AA", SEARCH_TEXT, false, "AA", NULL, 2 },
};

static void plant(unsigned char *b, size_t n) {
   for (size_t i = 0; i < n; i++)
      b[i] = rnd();
   const char *words[] = { "NEEDLE", "needle", "NeEdLe", "AAAAA", "NXE" };
   for (int k = 0; k < 300; k++) {
      const char *w = words[rnd() % 5];
      size_t at = ((size_t)rnd() << 16 | (size_t)rnd() << 8 | rnd()) % (n - 8);
      memcpy(b + at, w, strlen(w));
   }
   memcpy(b, "NEEDLE", 6);                 /* at offset 0 */
   memcpy(b + n - 6, "NEEDLE", 6);         /* at the very end */
   memcpy(b + 4093, "NEEDLE", 6);          /* across page and chunk boundaries */
   memset(b + 5000, 0, 7);
}

static void test_scan_file(void) {
   size_t n = 3 * 65536 + 123;
   unsigned char *b = malloc(n);
   plant(b, n);
   char *path = write_temp(b, n, n);
   Source *src;
   Error e;
   if (!ok(source_open(path, false, &src, &e), "open the test file"))
      return;
   static const size_t chunks[] = { 1, 2, 3, 5, 64, 4096, 65536, 0 };
   for (size_t c = 0; c < sizeof scan_cases / sizeof scan_cases[0]; c++) {
      const ScanCase *sc = &scan_cases[c];
      Naive nv = { (const unsigned char *)sc->value, (const unsigned char *)sc->mask, sc->len, sc->icase };
      size_t nw = naive_all(&nv, b, n, want_list, MAXM);
      SearchPattern *p = parse(sc->text, sc->syn, sc->icase);
      bool fine = p != NULL, back = p != NULL;
      for (size_t k = 0; fine && k < sizeof chunks / sizeof chunks[0]; k++) {
         /* Tiny chunks mean a pread per byte or two: a prefix is enough. */
         size_t part = chunks[k] && chunks[k] < 64 ? 9000 : n;
         size_t np = naive_all(&nv, b, part, want_list, MAXM);
         size_t ng = scan_all(src, p, chunks[k], 0, part, got_list, MAXM);
         fine = same_list(got_list, ng, want_list, np);
         if (!fine)
            diag("chunk size %zu", chunks[k]);
      }
      nw = naive_all(&nv, b, n, want_list, MAXM);
      for (size_t k = 4; back && k < sizeof chunks / sizeof chunks[0]; k += 3) {
         size_t ng = scan_backward_all(src, p, chunks[k], got_list, MAXM);
         back = same_list(got_list, ng, want_list, nw);
         if (!back)
            diag("backward, chunk size %zu", chunks[k]);
      }
      ok(fine, "forward \"%s\": %zu matches at every chunk size", sc->text, nw);
      ok(back, "backward \"%s\" finds the same matches", sc->text);
      search_pattern_free(p);
   }
   source_close(src);
   unlink(path);
   free(path);
   free(b);
}

static void test_ranges(void) {
   unsigned char b[1000];
   memset(b, '.', sizeof b);
   for (size_t at = 0; at < sizeof b; at += 100)
      memcpy(b + at, "abc", 3);
   char *path = write_temp(b, sizeof b, sizeof b);
   Source *src;
   Error e;
   source_open(path, false, &src, &e);
   SearchPattern *p = parse("abc", SEARCH_TEXT, false);
   SearchScanner *sc;
   search_scanner_new(src, p, 101, 302, NULL, &sc, &e);
   uint64_t m = 0;
   ok(search_forward(sc, 0, &m, &e) == SEARCH_FOUND && m == 200, "range: a match cut at the start is not one");
   ok(search_forward(sc, 201, &m, &e) == SEARCH_NONE, "range: a match cut at the end is not one");
   ok(search_backward(sc, 1000, &m, &e) == SEARCH_FOUND && m == 200, "range: backward from past the end");
   ok(search_backward(sc, 200, &m, &e) == SEARCH_NONE, "range: backward stops at the start");
   search_scanner_free(sc);
   search_scanner_new(src, p, 0, UINT64_MAX, NULL, &sc, &e);
   ok(search_forward(sc, 0, &m, &e) == SEARCH_FOUND && m == 0, "forward: a match at offset 0");
   ok(search_forward(sc, 1, &m, &e) == SEARCH_FOUND && m == 100, "forward: from is inclusive");
   ok(search_backward(sc, 100, &m, &e) == SEARCH_FOUND && m == 0, "backward: from is exclusive");
   ok(search_backward(sc, 1, &m, &e) == SEARCH_FOUND && m == 0, "backward: a match at offset 0");
   ok(search_backward(sc, 0, &m, &e) == SEARCH_NONE, "backward: nothing before 0");
   ok(search_backward(sc, 950, &m, &e) == SEARCH_FOUND && m == 900, "backward: the last match");
   ok(search_forward(sc, 901, &m, &e) == SEARCH_NONE, "forward: nothing after the last");
   search_scanner_free(sc);
   search_pattern_free(p);
   source_close(src);
   unlink(path);
   free(path);
}

/* A real sparse file: holes as zeros, matches across hole boundaries. */
static void test_sparse_file(void) {
   uint64_t size = 8 * MIB;
   char *path = write_temp(NULL, 0, size);
   FILE *f = fopen(path, "r+");
   fseek(f, (long)(2 * MIB), SEEK_SET);
   fwrite("A\0\0ZZ", 1, 5, f);
   fseek(f, (long)(size - 3), SEEK_SET);
   fwrite("END", 1, 3, f);
   fclose(f);
   unsigned char *b = calloc(1, size);
   memcpy(b + 2 * MIB, "A\0\0ZZ", 5);
   memcpy(b + size - 3, "END", 3);
   Source *src;
   Error e;
   source_open(path, false, &src, &e);
   const char *pats[] = { "00 00 41", "41 00 00 5a", "5a 00 00", "45 4e 44", "00 00 00 00 00 00 00 00",
                          "?? 45" };
   for (size_t k = 0; k < sizeof pats / sizeof pats[0]; k++) {
      SearchPattern *p = parse(pats[k], SEARCH_HEX, false);
      unsigned char v[8], mask[8];
      size_t m = 0;
      for (const char *s = pats[k]; *s; s += s[2] ? 3 : 2, m++) {
         mask[m] = s[0] != '?';
         v[m] = mask[m] ? (unsigned char)strtoul((char[]){ s[0], s[1], 0 }, NULL, 16) : 0;
      }
      Naive nv = { v, mask, m, false };
      size_t nw = naive_all(&nv, b, size, want_list, MAXM);
      size_t ng = scan_all(src, p, 4096, 0, UINT64_MAX, got_list, MAXM);
      size_t nb = 0;
      bool fine = same_list(got_list, ng, want_list, nw);
      if (nw < 1000) {
         nb = scan_backward_all(src, p, 4096, got_list, MAXM);
         fine = fine && same_list(got_list, nb, want_list, nw);
      }
      ok(fine, "sparse file: \"%s\" (%zu matches) forward%s", pats[k], nw,
         nw < 1000 ? " and backward" : "");
      search_pattern_free(p);
   }
   source_close(src);
   unlink(path);
   free(path);
   free(b);
}

/* ---- a fake source kind: huge, sparse, counting its reads ------------------ */

typedef struct {
   uint64_t start, end;       /* a data extent */
   unsigned char fill;        /* its bytes */
} Extent;

static struct {
   Extent ext[4];
   int n;
   uint64_t bytes_read;
   uint64_t read_in_hole;
   bool fail;
} fake;

static bool fake_read(Source *s, void *buf, size_t len, uint64_t off, size_t *got, Error *e) {
   if (fake.fail) {
      error_set(e, ERR_READ, 5, NULL);
      return false;
   }
   size_t n = off >= s->size ? 0 : (size_t)(s->size - off < len ? s->size - off : len);
   unsigned char *p = buf;
   for (size_t i = 0; i < n; i++) {
      uint64_t at = off + i;
      p[i] = 0;
      bool data = false;
      for (int k = 0; k < fake.n; k++)
         if (at >= fake.ext[k].start && at < fake.ext[k].end) {
            p[i] = fake.ext[k].fill;
            data = true;
         }
      fake.read_in_hole += !data;
   }
   fake.bytes_read += n;
   *got = n;
   return true;
}

static void fake_next_data(Source *s, uint64_t off, uint64_t *start, uint64_t *end) {
   for (int k = 0; k < fake.n; k++)
      if (fake.ext[k].end > off) {
         *start = fake.ext[k].start > off ? fake.ext[k].start : off;
         *end = fake.ext[k].end;
         return;
      }
   *start = *end = s->size;
}

static const SourceOps fake_ops = {
   .kind = "fake",
   .read = fake_read,
   .next_data = fake_next_data,
};

static void fake_reset(void) {
   fake.bytes_read = fake.read_in_hole = 0;
   fake.fail = false;
}

static bool add_run(void *ctx, uint64_t first, uint64_t count) {
   (void)first;
   *(uint64_t *)ctx += count;
   return true;
}

/* A pattern that matches zeros: counted inside holes, only their edges read. */
static void test_zero_holes(void) {
   const uint64_t T = 1ull << 40;
   Source src = { .ops = &fake_ops, .handle = PLATFORM_HANDLE_NONE, .size = T };
   fake.n = 2;
   fake.ext[0] = (Extent){ 4096, 8192, 'x' };
   fake.ext[1] = (Extent){ T - 4096, T, 'y' };
   const char *pats[] = { "00 00 00", "00 ?? 00", "?? 00 00" };
   for (size_t k = 0; k < 3; k++) {
      SearchPattern *p = parse(pats[k], SEARCH_HEX, false);
      SearchScanner *sc;
      Error e;
      uint64_t n = 0, m = 0;
      fake_reset();
      search_scanner_new(&src, p, 0, UINT64_MAX, NULL, &sc, &e);
      ok(search_each_run(sc, 0, add_run, &n, &e) == SEARCH_FOUND
         && n == 4094 + (T - 4096 - 8192 - 2) + (k == 2 ? 1 : 0),
         "'%s' in a terabyte of holes: %" PRIu64 " matches", pats[k], n);
      ok(fake.bytes_read < 64 * 1024, "... counted reading %" PRIu64 " bytes", fake.bytes_read);
      fake_reset();
      SearchStatus bst = search_backward(sc, T, &m, &e);
      ok(bst == SEARCH_FOUND && m == T - 4099 && fake.bytes_read < 64 * 1024,
         "'%s' backward over a hole at once (%" PRIu64 ", %" PRIu64 " bytes read)", pats[k], m,
         fake.bytes_read);
      ok(search_backward(sc, 4000, &m, &e) == SEARCH_FOUND && m == 3999,
         "'%s' backward inside the first hole", pats[k]);
      fake_reset();
      ok(search_forward(sc, 8191, &m, &e) == SEARCH_FOUND && m == (k == 2 ? 8191 : 8192)
         && fake.bytes_read < 64 * 1024, "'%s' forward into a hole", pats[k]);
      search_scanner_free(sc);
      /* a range that starts and ends inside holes */
      n = 0;
      search_scanner_new(&src, p, 100, 1ull << 30, NULL, &sc, &e);
      search_each_run(sc, 100, add_run, &n, &e);
      ok(n == (4096 - 100 - 2) + ((1ull << 30) - 8192 - 2) + (k == 2 ? 1 : 0),
         "'%s' in a range cut inside holes: %" PRIu64, pats[k], n);
      search_scanner_free(sc);
      search_pattern_free(p);
   }
}

static void test_holes(void) {
   const uint64_t T = 1ull << 40;                    /* a terabyte of holes */
   Source src = { .ops = &fake_ops, .handle = PLATFORM_HANDLE_NONE, .size = T };
   fake.n = 2;
   fake.ext[0] = (Extent){ 4096, 8192, 'x' };
   fake.ext[1] = (Extent){ T - 4096, T, 'y' };
   SearchPattern *p = parse("yyyy", SEARCH_TEXT, false);
   SearchScanner *sc;
   Error e;
   uint64_t m = 0;
   fake_reset();
   search_scanner_new(&src, p, 0, UINT64_MAX, NULL, &sc, &e);
   ok(search_forward(sc, 0, &m, &e) == SEARCH_FOUND && m == T - 4096,
      "1 TiB sparse source: data at the end found");
   ok(fake.bytes_read < 64 * 1024 && fake.read_in_hole < 16,
      "holes skipped forward (%" PRIu64 " bytes read, %" PRIu64 " of hole)", fake.bytes_read,
      fake.read_in_hole);
   fake_reset();
   ok(search_backward(sc, T - 4096, &m, &e) == SEARCH_NONE && fake.bytes_read < 64 * 1024,
      "holes skipped backward (%" PRIu64 " bytes read)", fake.bytes_read);
   search_scanner_free(sc);
   search_pattern_free(p);

   p = parse("00 00 78", SEARCH_HEX, false);
   search_scanner_new(&src, p, 0, UINT64_MAX, NULL, &sc, &e);
   ok(search_forward(sc, 0, &m, &e) == SEARCH_FOUND && m == 4094, "a match across a hole's end");
   ok(search_backward(sc, T, &m, &e) == SEARCH_FOUND && m == 4094, "backward across a terabyte of holes");
   search_scanner_free(sc);
   search_pattern_free(p);

   p = parse("79 00", SEARCH_HEX, false);
   fake.ext[1] = (Extent){ T - 8192, T - 4096, 'y' };
   search_scanner_new(&src, p, 0, UINT64_MAX, NULL, &sc, &e);
   ok(search_forward(sc, 0, &m, &e) == SEARCH_FOUND && m == T - 4097, "a match across a hole's start");
   ok(search_backward(sc, T, &m, &e) == SEARCH_FOUND && m == T - 4097, "the same, backward");
   search_scanner_free(sc);
   search_pattern_free(p);

   p = parse("00 00 00", SEARCH_HEX, false);
   search_scanner_new(&src, p, 0, UINT64_MAX, NULL, &sc, &e);
   ok(search_forward(sc, 8191, &m, &e) == SEARCH_FOUND && m == 8192, "zeros are found in a hole");
   ok(search_backward(sc, T, &m, &e) == SEARCH_FOUND && m == T - 3, "zeros backward: the last hole");
   search_scanner_free(sc);
   search_pattern_free(p);

   p = parse("x", SEARCH_TEXT, false);
   fake.fail = true;
   search_scanner_new(&src, p, 0, UINT64_MAX, NULL, &sc, &e);
   e.code = ERR_NONE;
   ok(search_forward(sc, 0, &m, &e) == SEARCH_FAILED && e.code == ERR_READ, "a read error fails the scan");
   fake.fail = false;
   search_scanner_free(sc);
   search_pattern_free(p);
}

/* ---- the overlay: pending edits ------------------------------------------- */

typedef struct {
   uint64_t off;
   const char *bytes;
} Edit;

static Edit edits[3];

static void fake_overlay(void *ctx, uint64_t off, unsigned char *buf, size_t len) {
   (void)ctx;
   for (int k = 0; k < 3 && edits[k].bytes; k++)
      for (size_t i = 0; edits[k].bytes[i]; i++) {
         uint64_t at = edits[k].off + i;
         if (at >= off && at < off + len)
            buf[at - off] = (unsigned char)edits[k].bytes[i];
      }
}

static bool fake_overlay_next(void *ctx, uint64_t off, uint64_t *start, uint64_t *end) {
   (void)ctx;
   for (int k = 0; k < 3 && edits[k].bytes; k++) {
      uint64_t s = edits[k].off, e = s + strlen(edits[k].bytes);
      if (e > off) {
         *start = s;
         *end = e;
         return true;
      }
   }
   return false;
}

static void test_overlay(void) {
   const uint64_t T = 1ull << 36;
   Source src = { .ops = &fake_ops, .handle = PLATFORM_HANDLE_NONE, .size = T };
   fake.n = 1;
   fake.ext[0] = (Extent){ 1000, 2000, 'q' };
   edits[0] = (Edit){ 500, "EDIT" };               /* in a hole */
   edits[1] = (Edit){ 1500, "EDIT" };              /* over data */
   edits[2] = (Edit){ T - 100, "EDIT" };           /* far in a hole */
   SearchPattern *p = parse("EDIT", SEARCH_TEXT, false);
   SearchHooks h = { .chunk_size = 256, .overlay = fake_overlay, .overlay_next = fake_overlay_next };
   SearchScanner *sc;
   Error e;
   uint64_t got[8];
   search_scanner_new(&src, p, 0, UINT64_MAX, &h, &sc, &e);
   Collect c = { got, 0, 8 };
   fake_reset();
   search_each(sc, 0, collect, &c, &e);
   ok(c.n == 3 && got[0] == 500 && got[1] == 1500 && got[2] == T - 100,
      "overlay: edits are searched, in holes too (%zu found)", c.n);
   ok(fake.bytes_read < 16 * 1024, "overlay: holes still skipped (%" PRIu64 " bytes read)", fake.bytes_read);
   uint64_t m = 0;
   ok(search_backward(sc, T, &m, &e) == SEARCH_FOUND && m == T - 100
        && search_backward(sc, m, &m, &e) == SEARCH_FOUND && m == 1500
        && search_backward(sc, m, &m, &e) == SEARCH_FOUND && m == 500,
      "overlay: backward finds the edits");
   search_scanner_free(sc);
   search_pattern_free(p);

   p = parse("qqqq", SEARCH_TEXT, false);
   h.chunk_size = 7;
   search_scanner_new(&src, p, 0, 4096, &h, &sc, &e);
   c.n = 0;
   search_each(sc, 0, collect, &c, &e);
   ok(c.n == 1000 - 3 - 7, "overlay: edited bytes no longer match (%zu)", c.n);
   search_scanner_free(sc);

   /* Without overlay_next the holes are read as zeros, and edits still seen. */
   h.overlay_next = NULL;
   h.chunk_size = 0;
   search_pattern_free(p);
   p = parse("EDIT", SEARCH_TEXT, false);
   Source small = { .ops = &fake_ops, .handle = PLATFORM_HANDLE_NONE, .size = 1 << 20 };
   edits[2] = (Edit){ (1 << 20) - 4, "EDIT" };
   search_scanner_new(&small, p, 0, UINT64_MAX, &h, &sc, &e);
   c.n = 0;
   search_each(sc, 0, collect, &c, &e);
   ok(c.n == 3 && got[2] == (1 << 20) - 4, "overlay without overlay_next: edits seen");
   search_scanner_free(sc);
   search_pattern_free(p);
   memset(edits, 0, sizeof edits);
}

/* ---- cancel and progress -------------------------------------------------- */

typedef struct {
   int polls;
   int cancel_after;
   uint64_t last_done, total;
   bool monotonic;
} Poll;

static bool poll_cancel(void *ctx) {
   Poll *p = ctx;
   return ++p->polls > p->cancel_after;
}

static void poll_progress(void *ctx, uint64_t done, uint64_t total) {
   Poll *p = ctx;
   if (done < p->last_done || done > total)
      p->monotonic = false;
   p->last_done = done;
   p->total = total;
}

static void test_cancel(void) {
   Source src = { .ops = &fake_ops, .handle = PLATFORM_HANDLE_NONE, .size = 64 * MIB };
   fake.n = 1;
   fake.ext[0] = (Extent){ 0, 64 * MIB, 'z' };
   SearchPattern *p = parse("zy", SEARCH_TEXT, false);
   Poll poll = { 0, 5, 0, 0, true };
   SearchHooks h = { .chunk_size = 4096, .cancel = poll_cancel, .progress = poll_progress, .ctx = &poll };
   SearchScanner *sc;
   Error e;
   uint64_t m;
   search_scanner_new(&src, p, 0, UINT64_MAX, &h, &sc, &e);
   ok(search_forward(sc, 0, &m, &e) == SEARCH_CANCELLED && poll.polls == 6,
      "cancel forward after 5 chunks (%d polls)", poll.polls);
   ok(poll.monotonic && poll.total == 64 * MIB && poll.last_done == 5 * 4096,
      "progress forward (%" PRIu64 " of %" PRIu64 ")", poll.last_done, poll.total);
   poll = (Poll){ 0, 3, 0, 0, true };
   ok(search_backward(sc, 64 * MIB, &m, &e) == SEARCH_CANCELLED && poll.polls == 4,
      "cancel backward");
   ok(poll.monotonic && poll.last_done == 3 * 4096, "progress backward");
   search_scanner_free(sc);
   search_pattern_free(p);
}

int main(void) {
   plan_lazy();
   test_parse();
   test_case_folding();
   test_find_in();
   test_adversarial();
   test_scan_file();
   test_ranges();
   test_sparse_file();
   test_holes();
   test_zero_holes();
   test_overlay();
   test_cancel();
   return done_testing();
}
