/* whatif.c - the granularity "what if": one request at 4 KiB, 64 KiB, 2 MiB. */
#include "config.h"

#include "core/whatif.h"
#include "tap.h"

int main(void) {
   plan_lazy();
   WhatIf w;
   is_u64(whatif_granularities[0], 4096, "a page");
   is_u64(whatif_granularities[1], 65536, "Windows' allocation granularity");
   is_u64(whatif_granularities[2], 2097152, "a huge page");

   /* 192 bytes at 0x12340 of a 1 MiB object */
   ok(whatif_compute(0x12340, 192, 1048576, 4096, &w), "4 KiB");
   is_u64(w.base, 0x12000, "4 KiB: base");
   is_u64(w.delta, 0x340, "4 KiB: delta");
   is_u64(w.asked, 0x340 + 192, "4 KiB: the call asks delta + length");
   is_u64(w.mapped, 4096, "4 KiB: one page mapped");
   is_u64(w.beyond, 4096 - 192, "4 KiB: mapped beyond the request");
   is_u64(w.past_end, 0, "4 KiB: nothing past the end");
   is_u64(w.offset_high, 0, "4 KiB: dwFileOffsetHigh");
   is_u64(w.offset_low, 0x12000, "4 KiB: dwFileOffsetLow");

   ok(whatif_compute(0x12340, 192, 1048576, 65536, &w), "64 KiB");
   is_u64(w.base, 0x10000, "64 KiB: base");
   is_u64(w.delta, 0x2340, "64 KiB: delta");
   is_u64(w.mapped, 65536, "64 KiB: one granule");
   is_u64(w.beyond, 65536 - 192, "64 KiB: beyond");

   ok(whatif_compute(0x12340, 192, 1048576, 2097152, &w), "2 MiB");
   is_u64(w.base, 0, "2 MiB: base 0");
   is_u64(w.delta, 0x12340, "2 MiB: delta is the offset");
   is_u64(w.mapped, 2097152, "2 MiB: one huge page");
   is_u64(w.past_end, 1048576, "2 MiB: half of it past the 1 MiB object");

   /* a request across a granule boundary takes two */
   ok(whatif_compute(0xff00, 0x200, 1 << 20, 65536, &w), "across a boundary");
   is_u64(w.mapped, 131072, "two granules");
   is_u64(w.beyond, 131072 - 0x200, "beyond: both ends");

   /* past 4 GiB: the high word */
   ok(whatif_compute(UINT64_C(0x140012345), 100, UINT64_C(0x200000000), 65536, &w), "past 4 GiB");
   is_u64(w.offset_high, 1, "dwFileOffsetHigh 1");
   is_u64(w.offset_low, 0x40010000, "dwFileOffsetLow");

   /* clipped at the end of the object */
   ok(whatif_compute(4000, 1000, 4100, 4096, &w), "a request past the end is clipped");
   is_u64(w.length, 100, "clipped length");
   is_u64(w.mapped, 8192, "two pages");
   is_u64(w.past_end, 8192 - 4100, "past the end");

   /* refused */
   ok(!whatif_compute(0, 1, 100, 3000, &w), "not a power of two");
   ok(!whatif_compute(0, 1, 100, 0, &w), "granularity 0");
   ok(!whatif_compute(100, 1, 100, 4096, &w), "at the end");
   ok(!whatif_compute(0, 0, 100, 4096, &w), "length 0");
   ok(whatif_compute(UINT64_C(0x7ffffffffffff000), 4096, UINT64_C(0x7fffffffffffffff),
                     UINT64_C(0x4000000000000000), &w), "2^62 granules near 2^63");
   is_u64(w.base + w.mapped, UINT64_C(0x8000000000000000), "... end at 2^63, no overflow");
   ok(!whatif_compute(0, 1, UINT64_C(0x8000000000000000), 4096, &w), "a size past 2^63-1");
   ok(whatif_compute(UINT64_C(0x7ffffffffffff000), 4096, UINT64_C(0x7fffffffffffffff), 4096, &w),
      "near 2^63 at 4 KiB");
   is_u64(w.mapped, 4096, "near 2^63: one page");
   return done_testing();
}
