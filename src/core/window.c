/* window.c - aligned window arithmetic and the mapping of one window. */
#include "config.h"

#include "core/window.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

bool window_granularity_valid(uint64_t granularity, uint64_t page_size) {
   return granularity >= page_size && (granularity & (granularity - 1)) == 0
          && granularity <= ((uint64_t)1 << 62);
}

uint64_t window_round_size(uint64_t window_size, uint64_t granularity) {
   if (window_size <= granularity)
      return granularity;
   uint64_t granules = window_size / granularity + (window_size % granularity != 0);
   uint64_t rounded;
   /* Sizes live in off_t: past 2^63-1 round down instead. */
   if (__builtin_mul_overflow(granules, granularity, &rounded) || rounded > (uint64_t)INT64_MAX)
      return window_size - window_size % granularity;
   return rounded;
}

bool window_span(uint64_t requested, uint64_t window_size, uint64_t granularity,
                 uint64_t object_size, WindowSpan *out) {
   if (granularity == 0 || (granularity & (granularity - 1)) != 0 || window_size == 0)
      return false;
   if (requested >= object_size)
      return false;
   out->requested = requested;
   out->start = requested & ~(granularity - 1);
   out->delta = requested - out->start;
   uint64_t room = object_size - out->start;
   out->length = window_size < room ? window_size : room;
   return true;
}

/* A kind that cannot be mapped is read: the window is a buffer of its own.
 * Bytes that cannot be read (a process's guard page) read as zeros there:
 * source_read_marked() says which they are. */
static bool read_window(Source *src, const WindowSpan *span, void **addr, Error *e) {
   size_t got = 0;
   unsigned char *buf = malloc((size_t)span->length);
   if (!buf) {
      error_set(e, ERR_READ, ENOMEM, NULL);
      return false;
   }
   if (!source_read_marked(src, buf, (size_t)span->length, span->start, &got, NULL, NULL, e)) {
      free(buf);
      return false;
   }
   if (got < span->length)     /* ended early: what follows reads as zeros */
      memset(buf + got, 0, (size_t)span->length - got);
   *addr = buf;
   return true;
}

bool window_map(Window *w, Source *src, uint64_t requested, uint64_t window_size,
                uint64_t granularity, PlatformMapMode mode, bool populate, Error *e) {
   window_unmap(w, src);
   WindowSpan span;
   if (!window_span(requested, window_size, granularity, src->size, &span)) {
      error_set(e, ERR_PAST_END, 0, "offset %llu, size %llu",
                (unsigned long long)requested, (unsigned long long)src->size);
      return false;
   }
   void *addr;
   if (source_can(src, SOURCE_CAN_MAP)
       ? !source_map(src, span.start, (size_t)span.length, mode, populate, &addr, e)
       : !read_window(src, &span, &addr, e))
      return false;
   w->span = span;
   w->mode = mode;
   w->addr = addr;
   return true;
}

void window_unmap(Window *w, Source *src) {
   if (w->addr && source_can(src, SOURCE_CAN_MAP))
      source_unmap(src, w->addr, (size_t)w->span.length);
   else
      free(w->addr);
   memset(w, 0, sizeof *w);
}
