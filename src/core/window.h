/* window.h - aligned windows over an object, and the mapping of one window.
 *
 * A window is what one mmap() call (one MapViewOfFile) maps.  Its start is
 * the requested offset rounded down to the granularity; the view shows the
 * requested byte at start + delta.  The window is clipped at the end of the
 * object.  All arithmetic is 64-bit and safe near 2^63. */
#ifndef MAPSCOPE_WINDOW_H
#define MAPSCOPE_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/source.h"
#include "platform/mapping.h"

typedef struct {
   uint64_t requested;   /* the offset asked for */
   uint64_t start;       /* floor(requested / granularity) * granularity */
   uint64_t delta;       /* requested - start */
   uint64_t length;      /* min(window size, object size - start) */
} WindowSpan;

/* A granularity is a power of two no smaller than the page size. */
bool window_granularity_valid(uint64_t granularity, uint64_t page_size);

/* The window size rounded up to a whole number of granules (at least one). */
uint64_t window_round_size(uint64_t window_size, uint64_t granularity);

/* Compute the window holding REQUESTED.  Fails when REQUESTED is at or past
 * OBJECT_SIZE, or the granularity is invalid. */
bool window_span(uint64_t requested, uint64_t window_size, uint64_t granularity,
                 uint64_t object_size, WindowSpan *out);

/* One mapped window. */
typedef struct {
   WindowSpan span;
   PlatformMapMode mode;
   unsigned char *addr;      /* NULL when nothing is mapped */
} Window;

/* Map the window holding REQUESTED from SRC (unmapping any previous one).
 * A kind that cannot map (no SOURCE_CAN_MAP) is read into a buffer the
 * window owns instead; window_unmap() frees it. */
bool window_map(Window *w, Source *src, uint64_t requested, uint64_t window_size,
                uint64_t granularity, PlatformMapMode mode, bool populate, Error *e);

void window_unmap(Window *w, Source *src);

#endif
