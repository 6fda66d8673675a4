/* live.c - which bytes changed between two refreshes of the live view. */
#include "config.h"

#include "app/live.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define INTERVAL_MIN_MS 100u
#define INTERVAL_MAX_MS 3600000u

bool live_source_is_shared(const Source *src) {
   return source_can(src, SOURCE_CAN_LIVE);
}

static bool reserve(LiveDiff *d, size_t len) {
   if (len <= d->cap)
      return true;
   unsigned char *p = realloc(d->prev, len), *c;
   if (!p)
      return false;
   d->prev = p;
   c = realloc(d->changed, len);
   if (!c)
      return false;
   d->changed = c;
   d->cap = len;
   return true;
}

bool live_diff_update(LiveDiff *d, uint64_t top, const unsigned char *buf, size_t len) {
   bool same_place = d->len > 0 && d->top == top;
   size_t old_len = d->len;
   if (!reserve(d, len)) {
      d->len = 0;
      d->changed_count = 0;
      return false;
   }
   d->changed_count = 0;
   for (size_t i = 0; i < len; i++) {
      bool ch = same_place && i < old_len && d->prev[i] != buf[i];
      d->changed[i] = ch;
      d->changed_count += ch;
   }
   if (len)                 /* an empty screen (a fault): prev may be NULL */
      memcpy(d->prev, buf, len);
   d->top = top;
   d->len = len;
   return true;
}

bool live_diff_changed(const LiveDiff *d, uint64_t off) {
   return off >= d->top && off - d->top < d->len && d->changed[off - d->top];
}

void live_diff_free(LiveDiff *d) {
   free(d->prev);
   free(d->changed);
   memset(d, 0, sizeof *d);
}

bool live_parse_interval(const char *text, unsigned *ms) {
   char *end;
   double s = strtod(text, &end);
   if (end == text || *end != '\0' || !isfinite(s))
      return false;
   double v = s * 1000.0;
   if (v < INTERVAL_MIN_MS || v > INTERVAL_MAX_MS)
      return false;
   *ms = (unsigned)(v + 0.5);
   return true;
}
