/* finder.h - the screen's search (/ ? n N and :find), below the screen.
 *
 * A Finder holds the last pattern and its direction.  Patterns are those
 * of --find: text with escapes (\x00 \n ...), "i:TEXT" for ASCII letters
 * in either case, "x:HEX" for hex bytes with ?? wildcards ("x:de ad ?? ef").
 * The scan sees the session's pending edits; the screen hands in the
 * cancel and progress hooks (it polls the keyboard from them).  Each call
 * moves the session's cursor to the match and leaves a message: wrapped,
 * not found, cancelled, or why the pattern is bad.  No curses here. */
#ifndef MAPSCOPE_FINDER_H
#define MAPSCOPE_FINDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/session.h"
#include "core/search.h"

typedef struct Finder Finder;

typedef enum {
   FINDER_FOUND,
   FINDER_WRAPPED,      /* found after wrapping around the end */
   FINDER_NONE,
   FINDER_CANCELLED,
   FINDER_FAILED        /* a bad pattern, or a read failed */
} FinderResult;

Finder *finder_new(void);
void finder_free(Finder *f);

/* The screen's cancel and progress hooks (their ctx in HOOKS->ctx). */
void finder_set_hooks(Finder *f, const SearchHooks *hooks);

/* Parse TEXT as the new pattern; false (with the message set) when bad. */
bool finder_set_pattern(Finder *f, Session *s, const char *text, bool backward);

/* Search from the cursor: in the pattern's direction, or against it with
 * REVERSE (N).  FINDER_FAILED with "no pattern" before any. */
FinderResult finder_next(Finder *f, Session *s, bool reverse);

/* Whether the pattern was given to search backward (?). */
bool finder_backward(const Finder *f);
/* The direction n goes from now on (? then Enter, :rfind alone: backward,
 * as in vi and less), keeping the pattern. */
void finder_set_backward(Finder *f, bool backward);

/* The pattern, NULL before any: for highlighting the matches shown. */
const SearchPattern *finder_pattern(const Finder *f);

/* Mark in MARK[0..LEN) the bytes of BUF[0..LEN) (at offset OFF) that lie
 * in a match; matches cut by the edges are found by reading the bytes on
 * either side (with the edits laid over them). */
void finder_mark(const Finder *f, Session *s, uint64_t off, const unsigned char *buf,
                 size_t len, unsigned char *mark);

#endif
