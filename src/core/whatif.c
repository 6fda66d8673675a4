/* whatif.c - one request to map, worked out at other granularities. */
#include "config.h"

#include "core/whatif.h"

const uint64_t whatif_granularities[WHATIF_COUNT] = {
   UINT64_C(4096), UINT64_C(65536), UINT64_C(2097152),
};

bool whatif_compute(uint64_t requested, uint64_t length, uint64_t size, uint64_t granularity,
                    WhatIf *out) {
   const uint64_t limit = (uint64_t)INT64_MAX;
   if (granularity == 0 || (granularity & (granularity - 1)) != 0 || granularity > limit
       || length == 0 || requested >= size || size > limit)
      return false;
   if (length > size - requested)
      length = size - requested;
   WhatIf w = { .granularity = granularity, .length = length };
   w.base = requested & ~(granularity - 1);
   w.delta = requested - w.base;
   w.asked = w.delta + length;                 /* <= size - base: no overflow */
   uint64_t rest = w.asked % granularity;
   w.mapped = w.asked + (rest ? granularity - rest : 0);
   if (w.mapped < w.asked || w.mapped > limit - w.base + 1)   /* ends at 2^63 at most */
      return false;
   w.beyond = w.mapped - length;
   uint64_t end = w.base + w.mapped;
   w.past_end = end > size ? end - size : 0;
   w.offset_high = (uint32_t)(w.base >> 32);
   w.offset_low = (uint32_t)(w.base & UINT32_C(0xffffffff));
   *out = w;
   return true;
}
