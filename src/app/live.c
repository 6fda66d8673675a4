/* live.c - which bytes changed between refreshes of the live view, and
 * their fading (app/live.h). */
#include "config.h"

#include "app/live.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define INTERVAL_MIN_MS 100u
#define INTERVAL_MAX_MS 3600000u

bool live_source_is_live(const Source *src) {
   return source_can(src, SOURCE_CAN_LIVE);
}

bool live_source_starts(const Source *src, bool asked) {
   return live_source_is_live(src) && (asked || !source_can(src, SOURCE_LIVE_ON_REQUEST));
}

static bool grow(unsigned char **p, size_t len) {
   unsigned char *n = realloc(*p, len);
   if (!n)
      return false;
   *p = n;
   return true;
}

static bool reserve(LiveDiff *d, size_t len) {
   if (len <= d->cap)
      return true;
   if (!grow(&d->prev, len) || !grow(&d->level, len) || !grow(&d->next_prev, len)
       || !grow(&d->next_level, len))
      return false;
   d->cap = len;
   return true;
}

void live_diff_reset(LiveDiff *d) {
   d->len = d->span = 0;
   d->changed_count = d->lit_count = 0;
}

/* Where the byte at OFF was in the last refresh: 1 read (at *J), 2 past
 * the end of the object then, 0 not shown. */
static int seen(const LiveDiff *d, uint64_t off, size_t *j) {
   if (off < d->top || off - d->top >= d->span)
      return 0;
   *j = (size_t)(off - d->top);
   return *j < d->len ? 1 : 2;
}

static void swap_in(LiveDiff *d, uint64_t top, size_t len, size_t span) {
   unsigned char *p = d->prev, *l = d->level;
   d->prev = d->next_prev;
   d->level = d->next_level;
   d->next_prev = p;
   d->next_level = l;
   d->top = top;
   d->len = len;
   d->span = span > len ? span : len;
   d->work += len;
}

bool live_diff_refresh(LiveDiff *d, uint64_t top, const unsigned char *buf, size_t len,
                       size_t span) {
   if (!reserve(d, len)) {
      live_diff_reset(d);
      return false;
   }
   d->changed_count = d->lit_count = 0;
   for (size_t i = 0; i < len; i++) {
      size_t j = 0;
      int where = seen(d, top + i, &j);
      bool changed = where == 2 || (where == 1 && d->prev[j] != buf[i]);
      unsigned char was = where == 1 ? d->level[j] : 0;
      d->next_level[i] = changed ? LIVE_FADE_STEPS : was ? (unsigned char)(was - 1) : 0;
      d->next_prev[i] = buf[i];
      d->changed_count += changed;
      d->lit_count += d->next_level[i] != 0;
   }
   swap_in(d, top, len, span);
   return true;
}

size_t live_diff_hold(LiveDiff *d, uint64_t top, unsigned char *buf, size_t len, size_t span) {
   /* The object grew over the end the last refresh showed: show up to it. */
   uint64_t old_end = d->top + d->len;
   if (d->len < d->span && old_end >= top && old_end < top + len)
      len = (size_t)(old_end - top);
   if (!reserve(d, len)) {
      live_diff_reset(d);
      return len;
   }
   d->lit_count = 0;
   for (size_t i = 0; i < len; i++) {
      size_t j = 0;
      if (seen(d, top + i, &j) == 1) {
         buf[i] = d->prev[j];
         d->next_level[i] = d->level[j];
      } else {
         d->next_level[i] = 0;
      }
      d->next_prev[i] = buf[i];
      d->lit_count += d->next_level[i] != 0;
   }
   swap_in(d, top, len, span);
   return len;
}

unsigned live_diff_level(const LiveDiff *d, uint64_t off) {
   return off >= d->top && off - d->top < d->len ? d->level[off - d->top] : 0;
}

void live_diff_free(LiveDiff *d) {
   free(d->prev);
   free(d->level);
   free(d->next_prev);
   free(d->next_level);
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
