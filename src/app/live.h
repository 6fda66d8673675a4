/* live.h - the live view's memory: which bytes changed between refreshes.
 *
 * Shared memory changes under the view (another process writes it).  At
 * each refresh the screen hands in the bytes it shows; a byte counts as
 * changed when the previous refresh showed the same offset with another
 * value.  A refresh at another place (the view moved) only remembers.
 * No curses here. */
#ifndef MAPSCOPE_LIVE_H
#define MAPSCOPE_LIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/source.h"

typedef struct {
   uint64_t top;              /* offset of the bytes remembered */
   size_t len, cap;
   unsigned char *prev;       /* what the last refresh showed */
   unsigned char *changed;    /* per byte: differed from the refresh before */
   size_t changed_count;
} LiveDiff;

/* Shared memory (shm:, sem:, sysv:): the view refreshes it by default. */
bool live_source_is_shared(const Source *src);

/* A refresh showing the LEN bytes BUF at TOP.  False when out of memory
 * (nothing is marked then). */
bool live_diff_update(LiveDiff *d, uint64_t top, const unsigned char *buf, size_t len);

/* Did the byte at OFF change at the last refresh? */
bool live_diff_changed(const LiveDiff *d, uint64_t off);

void live_diff_free(LiveDiff *d);

/* Parse a refresh interval in seconds ("1", "0.5", "2.5"): 0.1 s to one
 * hour.  False when it is not one. */
bool live_parse_interval(const char *text, unsigned *ms);

#endif
