/* whatif.h - one request to map, worked out at other granularities.
 *
 * A request is LENGTH bytes at offset REQUESTED of an object of SIZE
 * bytes (clipped at its end).  A mapping call must start at an offset
 * aligned to the granularity, so at each granularity G:
 *
 *   base     = REQUESTED rounded down to G
 *   delta    = REQUESTED - base               (the request starts this far in)
 *   asked    = delta + LENGTH                 (what the call is asked to map)
 *   mapped   = asked rounded up to G          (what the mapping takes)
 *   beyond   = mapped - LENGTH                (mapped but not requested)
 *   past_end = the part of [base, base + mapped) at or past SIZE
 *
 * and Windows' MapViewOfFile() takes base as two 32-bit words,
 * dwFileOffsetHigh and dwFileOffsetLow.  The granularities compared are a
 * page (4 KiB), Windows' allocation granularity (64 KiB) and a huge page
 * (2 MiB, Windows' large page).  All figures are bytes; all arithmetic is
 * 64-bit and checked. */
#ifndef MAPSCOPE_WHATIF_H
#define MAPSCOPE_WHATIF_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
   uint64_t granularity;
   uint64_t base, delta;
   uint64_t length;          /* the request, clipped at the object's end */
   uint64_t asked, mapped, beyond, past_end;
   uint32_t offset_high, offset_low;
} WhatIf;

#define WHATIF_COUNT 3
/* 4 KiB, 64 KiB, 2 MiB. */
extern const uint64_t whatif_granularities[WHATIF_COUNT];

/* Work the request out at GRANULARITY (a power of two).  False when the
 * granularity is not one, REQUESTED is at or past SIZE, LENGTH is 0, or
 * a figure would not fit in 63 bits. */
bool whatif_compute(uint64_t requested, uint64_t length, uint64_t size, uint64_t granularity,
                    WhatIf *out);

#endif
