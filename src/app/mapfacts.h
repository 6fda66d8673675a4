/* mapfacts.h - what the mapping pane tells of a session's window besides
 * the call that made it: the whole life of the object (each kind's own
 * stages beside Windows'), the same request at other granularities, which
 * pages are in memory (only what the system says truthfully), and the
 * window's memory figures.  No terminal here; the screen draws it.
 *
 * Units: bytes and pages.  Nothing is allocated; callers give the
 * buffers.  A window that is not mapped (nothing on screen yet, or a kind
 * that is read) has no residency and no figures (false). */
#ifndef MAPSCOPE_MAPFACTS_H
#define MAPSCOPE_MAPFACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/session.h"
#include "core/whatif.h"

/* Which of the window's pages are in memory, and who said so. */
typedef struct {
   size_t pages;              /* pages of the window */
   size_t shown;              /* of them in STATE (at most the caller's CAP) */
   PlatformResidency how;
   int why;                   /* cachestat's errno when it was not used, or 0 */
   size_t resident, dirty, writeback, evicted, recent, unknown;   /* counts of SHOWN */
} MapResidency;

/* The window's pages into STATE (CAP bytes, PLATFORM_CACHE_* each) and
 * their counts into *R.  False when nothing is mapped. */
bool mapfacts_residency(Session *s, unsigned char *state, size_t cap, MapResidency *r);

/* "cachestat()", "mincore()", or why nothing is known, one translated
 * sentence into OUT. */
void mapfacts_residency_source(const MapResidency *r, char *out, size_t outsz);

/* The request the screen makes now (the bytes it shows from its first
 * offset) at each of whatif_granularities[]: OUT[i] filled and true in
 * OK[i] where it could be worked out.  *OFFSET and *LENGTH get the
 * request (one byte before the screen is first laid out).  False when
 * the top is past the end. */
bool mapfacts_whatif(const Session *s, WhatIf out[WHATIF_COUNT], bool ok[WHATIF_COUNT],
                     uint64_t *offset, uint64_t *length);

/* The life of the object shown, for its current window and the edits'
 * copy-on-write view at the cursor (source_describe_life); for a kind
 * that is read, not mapped (a process's memory), for the bytes on the
 * screen.  False when a kind that maps has nothing mapped. */
bool mapfacts_life(const Session *s, SourceLife *out);

/* The memory figures (smaps) of this process's mapping that holds a
 * window: the sum over the regions meeting [ADDR, ADDR + LEN). */
typedef struct {
   bool mapped;               /* there is such a mapping (else nothing below) */
   bool known;                /* its figures could be read */
   uint64_t region;           /* the bytes of the regions summed (may exceed LEN) */
   PlatformMemFigures f;
   int err;                   /* why not known */
} MapFigures;

/* The figures of the window's mapping and of the edits' copy-on-write
 * mapping at the cursor (COPY->mapped false when no edit made one there).
 * False when nothing is mapped. */
bool mapfacts_figures(const Session *s, MapFigures *window, MapFigures *copy);

#endif
