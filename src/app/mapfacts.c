/* mapfacts.c - the facts of the mapping pane (mapfacts.h). */
#include "config.h"

#include "app/mapfacts.h"
#include "app/session_edit.h"
#include "core/edits.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static void count_states(const unsigned char *state, MapResidency *r) {
   for (size_t i = 0; i < r->shown; i++) {
      unsigned char st = state[i];
      if (!(st & PLATFORM_CACHE_KNOWN)) {
         r->unknown++;
         continue;
      }
      r->resident += (st & PLATFORM_CACHE_RESIDENT) != 0;
      r->dirty += (st & PLATFORM_CACHE_DIRTY) != 0;
      r->writeback += (st & PLATFORM_CACHE_WRITEBACK) != 0;
      r->evicted += (st & PLATFORM_CACHE_EVICTED) && !(st & PLATFORM_CACHE_RESIDENT);
      r->recent += (st & PLATFORM_CACHE_RECENT) && !(st & PLATFORM_CACHE_RESIDENT);
   }
}

bool mapfacts_residency(Session *s, unsigned char *state, size_t cap, MapResidency *r) {
   memset(r, 0, sizeof *r);
   if (!s->win.addr || cap == 0 || !source_can(s->src, SOURCE_CAN_MAP))
      return false;
   size_t page = platform_page_size();
   r->pages = (size_t)((s->win.span.length + page - 1) / page);
   r->shown = r->pages < cap ? r->pages : cap;
   if (source_residency(s->src, s->win.span.start, s->win.addr, r->shown, state, &r->how, &r->why)
       != 0) {
      memset(state, 0, r->shown);
      r->how = PLATFORM_RESIDENCY_UNKNOWN;
   }
   count_states(state, r);
   return true;
}

void mapfacts_residency_source(const MapResidency *r, char *out, size_t outsz) {
   switch (r->how) {
   case PLATFORM_RESIDENCY_CACHESTAT:
      snprintf(out, outsz, "%s", _("residency from cachestat()"));
      break;
   case PLATFORM_RESIDENCY_MINCORE:
      snprintf(out, outsz, "%s", _("residency from mincore()"));
      break;
   case PLATFORM_RESIDENCY_UNKNOWN:
   default:
      if (r->why == EPERM)
         snprintf(out, outsz, "%s",
                  _("residency unknown: cachestat() refuses who neither owns the object nor may "
                    "write it, and mincore() would call every page resident"));
      else if (r->why == ENOSYS)
         snprintf(out, outsz, "%s",
                  _("residency unknown: this kernel has no cachestat() (Linux 6.5), and "
                    "mincore() would call every page resident"));
      else
         snprintf(out, outsz, "%s", _("residency unknown: the bytes were read, not mapped"));
      break;
   }
}

bool mapfacts_whatif(const Session *s, WhatIf out[WHATIF_COUNT], bool ok[WHATIF_COUNT],
                     uint64_t *offset, uint64_t *length) {
   uint64_t size = s->src->size;
   if (s->top >= size)
      return false;
   *offset = s->top;
   /* before the first screen is laid out: the byte at the top */
   *length = s->rows && s->row_bytes ? (uint64_t)s->rows * s->row_bytes : 1;
   if (*length > size - s->top)
      *length = size - s->top;
   for (size_t i = 0; i < WHATIF_COUNT; i++)
      ok[i] = whatif_compute(*offset, *length, size, whatif_granularities[i], &out[i]);
   return true;
}

/* A kind that is read: the bytes on the screen, read at each draw. */
static void life_read(const Session *s, SourceLife *out) {
   uint64_t size = s->src->size, top = s->top < size ? s->top : size;
   uint64_t len = (uint64_t)(s->row_bytes ? s->row_bytes : 16) * (s->rows ? s->rows : 1);
   if (len > size - top)
      len = size - top;
   source_describe_life(s->src, top, (size_t)len, PLATFORM_MAP_READ, NULL, NULL, out);
}

bool mapfacts_life(const Session *s, SourceLife *out) {
   if (!source_can(s->src, SOURCE_CAN_MAP)) {
      life_read(s, out);
      return true;
   }
   if (!s->win.addr)
      return false;
   WindowSpan span;
   const void *copy = s->edits ? edits_window(s->edits, s->cursor, &span) : NULL;
   source_describe_life(s->src, s->win.span.start, (size_t)s->win.span.length, s->win.mode,
                        source_can(s->src, SOURCE_CAN_MAP) ? s->win.addr : NULL, copy, out);
   return true;
}

static void figures_of(const void *addr, uint64_t len, MapFigures *f) {
   int rc = platform_mapping_figures(addr, (size_t)len, &f->f, &f->region);
   f->mapped = rc == 0;
   f->known = rc == 0 && f->f.known;
   f->err = rc;
}

bool mapfacts_figures(const Session *s, MapFigures *window, MapFigures *copy) {
   memset(window, 0, sizeof *window);
   memset(copy, 0, sizeof *copy);
   if (!s->win.addr || !source_can(s->src, SOURCE_CAN_MAP))
      return false;
   figures_of(s->win.addr, s->win.span.length, window);
   WindowSpan span;
   const unsigned char *c = s->edits ? edits_window(s->edits, s->cursor, &span) : NULL;
   if (c)
      figures_of(c, span.length, copy);
   return true;
}
