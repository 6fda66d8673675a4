/* Unit tests: aligned window arithmetic. */
#include "config.h"

#include "core/window.h"
#include "tap.h"

#define K4 ((uint64_t)4096)
#define K64 ((uint64_t)65536)
#define TOP ((uint64_t)INT64_MAX)

static void test_granularity(void) {
   ok(window_granularity_valid(K4, K4), "4K is a valid granularity");
   ok(window_granularity_valid(K64, K4), "64K is a valid granularity");
   ok(!window_granularity_valid(2048, K4), "smaller than a page is refused");
   ok(!window_granularity_valid(3 * K4, K4), "not a power of two is refused");
   ok(!window_granularity_valid(0, K4), "zero is refused");
}

static void test_round(void) {
   is_u64(window_round_size(1, K64), K64, "a tiny window becomes one granule");
   is_u64(window_round_size(K64, K64), K64, "an exact granule stays");
   is_u64(window_round_size(K64 + 1, K64), 2 * K64, "one byte more rounds up");
   is_u64(window_round_size(TOP, K64), TOP - TOP % K64, "near 2^63 does not overflow");
}

static void check_span(uint64_t req, uint64_t win, uint64_t gran, uint64_t size,
                       uint64_t start, uint64_t delta, uint64_t len, const char *what) {
   WindowSpan s;
   bool good = window_span(req, win, gran, size, &s);
   ok(good, "%s: computed", what);
   if (!good)
      return;
   is_u64(s.start, start, "%s: aligned start", what);
   is_u64(s.delta, delta, "%s: delta", what);
   is_u64(s.length, len, "%s: length", what);
   ok(s.start + s.delta == req, "%s: start + delta is the request", what);
}

static void test_spans(void) {
   uint64_t big = (uint64_t)1 << 40;
   check_span(0, K64, K4, big, 0, 0, K64, "offset 0, 4K");
   check_span(5000, K64, K4, big, 4096, 904, K64, "offset 5000, 4K");
   check_span(5000, K64, K64, big, 0, 5000, K64, "offset 5000, 64K");
   check_span(0x12345678, K64, K64, big, 0x12340000, 0x5678, K64, "0x12345678 at 64K");
   check_span(0x12345678, K4, K4, big, 0x12345000, 0x678, K4, "one-page window");
   check_span(100, K64, K4, 1000, 0, 100, 1000, "clipped at the end of a small object");
   check_span(big - 1, K64, K64, big, big - K64, K64 - 1, K64, "the last byte");
   check_span(big - 10, K64, K4, big - 5, big - K4, K4 - 10, K4 - 5, "clipped mid-page");
   check_span(TOP - 1, K64, K64, TOP, TOP - (TOP % K64) , (TOP % K64) - 1, TOP % K64,
              "offset near 2^63, 64K");
   check_span(TOP - 1, K64, K4, TOP, TOP - (TOP % K4), (TOP % K4) - 1, TOP % K4,
              "offset near 2^63, 4K");
   check_span((uint64_t)5 << 30, K64, K64, ((uint64_t)5 << 30) + 7,
              (uint64_t)5 << 30, 0, 7, "past 4 GiB, 7 bytes left");
}

static void test_refusals(void) {
   WindowSpan s;
   ok(!window_span(1000, K64, K4, 1000, &s), "offset at the end is refused");
   ok(!window_span(2000, K64, K4, 1000, &s), "offset past the end is refused");
   ok(!window_span(0, K64, K4, 0, &s), "an empty object has no window");
   ok(!window_span(0, K64, 3000, 1000, &s), "a bad granularity is refused");
   ok(!window_span(0, 0, K4, 1000, &s), "a zero window size is refused");
}

int main(void) {
   plan_lazy();
   test_granularity();
   test_round();
   test_spans();
   test_refusals();
   return done_testing();
}
