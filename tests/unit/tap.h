/* tap.h - a minimal Test Anything Protocol emitter for the C unit tests.
 *
 *    plan_lazy();               number the tests as they run
 *    ok(cond, "name %d", i);    one test point
 *    is_u64(got, want, "name"); equality with the values printed on failure
 *    is_str(got, want, "name");
 *    skip("why", "name");       a test point that cannot run here
 *    tap_scratch(buf, n, "x");  "$TMPDIR/mapscope-x.XXXXXX" (/tmp without
 *                               TMPDIR), for mkdtemp() or mkstemp()
 *    return done_testing();     prints the plan, exit status 0 or 1
 */
#ifndef MAPSCOPE_TAP_H
#define MAPSCOPE_TAP_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_count, tap_failed;

static inline void plan_lazy(void) {
   setvbuf(stdout, NULL, _IONBF, 0);
}

__attribute__((format(printf, 2, 3)))
static inline bool ok(bool cond, const char *fmt, ...) {
   va_list ap;
   tap_count++;
   if (!cond)
      tap_failed++;
   printf("%sok %d - ", cond ? "" : "not ", tap_count);
   va_start(ap, fmt);
   vprintf(fmt, ap);
   va_end(ap);
   putchar('\n');
   return cond;
}

static inline void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline void diag(const char *fmt, ...) {
   va_list ap;
   fputs("# ", stdout);
   va_start(ap, fmt);
   vprintf(fmt, ap);
   va_end(ap);
   putchar('\n');
}

#define is_u64(got, want, ...) do { \
      uint64_t g_ = (uint64_t)(got), w_ = (uint64_t)(want); \
      if (!ok(g_ == w_, __VA_ARGS__)) \
         diag("got %" PRIu64 " (0x%" PRIx64 "), want %" PRIu64 " (0x%" PRIx64 ")", g_, g_, w_, w_); \
   } while (0)

#define is_str(got, want, ...) do { \
      const char *g_ = (got), *w_ = (want); \
      if (!ok(g_ && w_ && strcmp(g_, w_) == 0, __VA_ARGS__)) \
         diag("got \"%s\", want \"%s\"", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
   } while (0)

__attribute__((format(printf, 2, 3)))
static inline void skip(const char *why, const char *fmt, ...) {
   va_list ap;
   tap_count++;
   printf("ok %d - ", tap_count);
   va_start(ap, fmt);
   vprintf(fmt, ap);
   va_end(ap);
   printf(" # SKIP %s\n", why);
}

/* A template for a scratch file or directory under the environment's
 * TMPDIR; NULL when it does not fit in SIZE bytes. */
static inline char *tap_scratch(char *buf, size_t size, const char *name) {
   const char *dir = getenv("TMPDIR");
   int n = snprintf(buf, size, "%s/mapscope-%s.XXXXXX", dir && *dir ? dir : "/tmp", name);
   return n > 0 && (size_t)n < size ? buf : NULL;
}

static inline int done_testing(void) {
   printf("1..%d\n", tap_count);
   return tap_failed ? 1 : 0;
}

#endif
