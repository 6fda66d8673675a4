/* compat.c - the replacements of src/compat/ against the C library's own.
 *
 * On glibc no replacement is built into the program, so this test compiles
 * each one here under another name (compat_memmem ...) and compares it
 * with the C library's function on many inputs: the code a Windows build
 * would use is checked where it can be. */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "tap.h"

void *compat_memmem(const void *hay, size_t haylen, const void *needle, size_t needlelen);
void *compat_memrchr(const void *s, int c, size_t n);
char *compat_strndup(const char *s, size_t n);
struct tm *compat_gmtime_r(const time_t *t, struct tm *out);
int compat_wcwidth(wchar_t wc);

#define memmem compat_memmem
#include "compat/memmem.c"
#undef memmem
#define memrchr compat_memrchr
#include "compat/memrchr.c"
#undef memrchr
#define strndup compat_strndup
#include "compat/strndup.c"
#undef strndup
#define gmtime_r compat_gmtime_r
#include "compat/gmtime_r.c"
#undef gmtime_r
#define wcwidth compat_wcwidth
#include "compat/wcwidth.c"
#undef wcwidth

static uint64_t rng = 88172645463325252ull;

static uint64_t next(void) {
   rng ^= rng << 13;
   rng ^= rng >> 7;
   rng ^= rng << 17;
   return rng;
}

/* Haystacks and needles over a three-letter alphabet, so matches, near
 * matches and overlaps are common. */
static void test_memmem(void) {
   unsigned char hay[64], needle[8];
   int bad = 0, found = 0;
   for (int round = 0; round < 20000; round++) {
      size_t hl = next() % sizeof hay, nl = next() % sizeof needle;
      for (size_t i = 0; i < hl; i++)
         hay[i] = (unsigned char)('a' + next() % 3);
      for (size_t i = 0; i < nl; i++)
         needle[i] = (unsigned char)('a' + next() % 3);
      void *want = memmem(hay, hl, needle, nl), *got = compat_memmem(hay, hl, needle, nl);
      bad += want != got;
      found += want != NULL;
   }
   ok(bad == 0 && found > 1000, "memmem: as the C library's on 20000 inputs (%d found, %d differ)",
      found, bad);
   static const char abc[] = "abc";
   ok(compat_memmem(abc, 3, "", 0) == abc, "memmem: an empty needle is found at the start");
   ok(compat_memmem("ab", 2, "abc", 3) == NULL, "memmem: a needle longer than the haystack");
}

static void test_memrchr(void) {
   unsigned char buf[48];
   int bad = 0;
   for (int round = 0; round < 5000; round++) {
      size_t n = next() % sizeof buf;
      for (size_t i = 0; i < n; i++)
         buf[i] = (unsigned char)(next() % 4 ? next() : 0xFF);
      int c = next() % 2 ? 0xFF : (int)(next() % 256);
      bad += memrchr(buf, c, n) != compat_memrchr(buf, c, n);
   }
   ok(bad == 0, "memrchr: as the C library's on 5000 inputs (%d differ)", bad);
   static const char path[] = "a/b/c";
   ok(compat_memrchr(path, '/', 5) == path + 3, "memrchr: the last of several");
   ok(compat_memrchr("abc", 'x', 3) == NULL && compat_memrchr("", 'a', 0) == NULL,
      "memrchr: none, and an empty range");
}

static void test_strndup(void) {
   static const struct { const char *s; size_t n; const char *want; } cases[] = {
      { "hello", 3, "hel" }, { "hello", 5, "hello" }, { "hello", 99, "hello" },
      { "", 4, "" }, { "abc", 0, "" },
   };
   for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      char *got = compat_strndup(cases[i].s, cases[i].n);
      ok(got && strcmp(got, cases[i].want) == 0, "strndup(\"%s\", %zu) = \"%s\"", cases[i].s,
         cases[i].n, got ? got : "(null)");
      free(got);
   }
   static const char unterminated[4] = { 'a', 'b', 'c', 'd' };
   char *got = compat_strndup(unterminated, 2);
   ok(got && strcmp(got, "ab") == 0, "strndup reads no further than N bytes");
   free(got);
}

static bool same_tm(const struct tm *a, const struct tm *b) {
   return a->tm_sec == b->tm_sec && a->tm_min == b->tm_min && a->tm_hour == b->tm_hour &&
          a->tm_mday == b->tm_mday && a->tm_mon == b->tm_mon && a->tm_year == b->tm_year &&
          a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday && a->tm_isdst == b->tm_isdst;
}

/* Every second around the epoch's and leap years' edges, and random times
 * from year -30000 to 30000. */
static void test_gmtime_r(void) {
   static const int64_t edges[] = {
      0, -1, 1, 86399, 86400, -86400, -86401, 951782400, 951868800, 4107542400,
      -2208988800, -62135596800, 253402300799, 253402300800, 68256000, 2147483647,
      -2147483648LL,
   };
   int bad = 0, n = 0;
   for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
      for (int64_t d = -2; d <= 2; d++) {
         time_t t = (time_t)(edges[i] + d);
         struct tm want, got;
         bool w = gmtime_r(&t, &want) != NULL, g = compat_gmtime_r(&t, &got) != NULL;
         bad += w != g || (w && !same_tm(&want, &got));
         n++;
      }
   for (int round = 0; round < 200000; round++) {
      time_t t = (time_t)((int64_t)(next() % 1893456000000ull) - 946728000000LL);
      struct tm want, got;
      bool w = gmtime_r(&t, &want) != NULL, g = compat_gmtime_r(&t, &got) != NULL;
      bad += w != g || (w && !same_tm(&want, &got));
      n++;
   }
   ok(bad == 0, "gmtime_r: as the C library's on %d times (%d differ)", n, bad);
   time_t t = 951825600;    /* 2000-02-29 12:00:00, a Tuesday */
   struct tm tm;
   ok(compat_gmtime_r(&t, &tm) && tm.tm_year == 100 && tm.tm_mon == 1 && tm.tm_mday == 29 &&
      tm.tm_hour == 12 && tm.tm_wday == 2 && tm.tm_yday == 59, "gmtime_r: 2000-02-29 12:00");
}

static void test_wcwidth(void) {
   static const struct { uint32_t c; int want; const char *what; } cases[] = {
      { 'A', 1, "ASCII letter" }, { ' ', 1, "space" }, { 0x0A, -1, "newline" },
      { 0x7F, -1, "DEL" }, { 0x9B, -1, "C1 control" }, { 0xE9, 1, "e acute" },
      { 0x0416, 1, "Cyrillic Zhe" }, { 0x03A9, 1, "Greek Omega" },
      { 0x0301, 0, "combining acute" }, { 0x200B, 0, "zero width space" },
      { 0x202E, 0, "right-to-left override" }, { 0x4E2D, 2, "CJK ideograph" },
      { 0xAC00, 2, "Hangul syllable" }, { 0x3042, 2, "Hiragana a" },
      { 0xFF21, 2, "fullwidth A" }, { 0x1F600, 2, "emoji" }, { 0x20000, 2, "CJK extension B" },
   };
   bool utf8 = setlocale(LC_CTYPE, "C.UTF-8") != NULL;
   for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      int got = compat_wcwidth((wchar_t)cases[i].c);
      ok(got == cases[i].want, "wcwidth U+%04X (%s) = %d", (unsigned)cases[i].c, cases[i].what, got);
      if (utf8 && got != wcwidth((wchar_t)cases[i].c))
         diag("the C library says %d", wcwidth((wchar_t)cases[i].c));
   }
   int bad = 0;
   for (uint32_t c = 0x20; utf8 && c < 0x300; c++)
      bad += compat_wcwidth((wchar_t)c) != wcwidth((wchar_t)c);
   ok(!utf8 || bad == 0, "wcwidth: as the C library's from U+0020 to U+02FF (%d differ)", bad);
}

int main(void) {
   plan_lazy();
   test_memmem();
   test_memrchr();
   test_strndup();
   test_gmtime_r();
   test_wcwidth();
   return done_testing();
}
