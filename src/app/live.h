/* live.h - the live view's memory: which bytes changed between refreshes,
 * and how long ago.
 *
 * Another process changes the object under the view (shared memory, a file
 * it writes).  At each refresh the screen hands in the object's bytes it
 * shows (without the user's edits), keyed by their offsets: a byte that
 * the last refresh showed with another value is lit at LIVE_FADE_STEPS,
 * and every refresh after that dims it one step, until 0 (not lit).  A
 * byte the last refresh showed as past the end of the object is lit when
 * the object grew over it; a byte the last refresh did not show (the view
 * moved) is remembered, not lit.  Between refreshes the screen shows what
 * the last refresh read (live_diff_hold): every change the user sees is
 * lit, none sneaks in unmarked with a key press.
 *
 * The cost of each call is the LEN bytes handed in (the screen), never the
 * object's size: WORK counts the bytes each call looked at, for the tests.
 * No curses here. */
#ifndef MAPSCOPE_LIVE_H
#define MAPSCOPE_LIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/source.h"

#define LIVE_FADE_STEPS 3u

typedef struct {
   uint64_t top;              /* offset of the bytes remembered */
   size_t len;                /* how many (the data shown) */
   size_t span;               /* bytes the screen covered: LEN, or more past the end */
   size_t cap;
   unsigned char *prev;       /* what the last refresh read */
   unsigned char *level;      /* per byte: LIVE_FADE_STEPS just changed, ..., 0 not lit */
   unsigned char *next_prev, *next_level;   /* scratch of the same size */
   size_t changed_count;      /* bytes that changed at the last refresh */
   size_t lit_count;          /* bytes lit now, at any level */
   uint64_t work;             /* bytes looked at so far */
} LiveDiff;

/* The sources the view can re-read: their kind declares SOURCE_CAN_LIVE. */
bool live_source_is_live(const Source *src);
/* Whether the view re-reads SRC from the start: a live kind, unless it is
 * live only on request (SOURCE_LIVE_ON_REQUEST) and ASKED is false (no
 * --refresh given). */
bool live_source_starts(const Source *src, bool asked);

/* A refresh read the LEN bytes BUF at TOP; the screen covers SPAN >= LEN
 * bytes from TOP (more past the end of the object).  False when out of
 * memory (everything is forgotten then). */
bool live_diff_refresh(LiveDiff *d, uint64_t top, const unsigned char *buf, size_t len,
                       size_t span);

/* A draw between refreshes: BUF holds the LEN bytes at TOP read just now;
 * those the last refresh read are put back as it read them, the others are
 * remembered unlit.  Returns how many of BUF to show: fewer when the object
 * grew over the end the last refresh showed (the next refresh lights the
 * new bytes). */
size_t live_diff_hold(LiveDiff *d, uint64_t top, unsigned char *buf, size_t len, size_t span);

/* How lit the byte at OFF is: 0 (not) to LIVE_FADE_STEPS (changed at the
 * last refresh). */
unsigned live_diff_level(const LiveDiff *d, uint64_t off);

/* Forget everything: the next refresh only remembers. */
void live_diff_reset(LiveDiff *d);
void live_diff_free(LiveDiff *d);

/* Parse a refresh interval in seconds ("1", "0.5", "2.5"): 0.1 s to one
 * hour.  False when it is not one. */
bool live_parse_interval(const char *text, unsigned *ms);

#endif
