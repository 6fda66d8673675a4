/* tour.h - --tour: the reference article's concepts, one step each, every
 * call made for real on objects the tour creates.
 *
 * A Tour owns what it made: a private directory under the temporary
 * directory (the data files, the flush's journal) and POSIX objects named
 * "/mapscope-tour-PID..." (PID: the tour's process).  tour_free() removes
 * all of it; the callers call it on every way out (the end, q, Ctrl-C,
 * SIGTERM).  Steps may be run in any order and again: each one makes what
 * it needs, undoes what it only borrowed (mappings, descriptors), and
 * keeps its named objects until tour_free().
 *
 * A step's text is lines without a terminal in mind (the screen wraps
 * them); untrusted bytes in it are escaped.  Nothing here prints. */
#ifndef MAPSCOPE_TOUR_H
#define MAPSCOPE_TOUR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

typedef struct Tour Tour;

/* The text of one step: LINES[0..N), each malloc'd. */
typedef struct {
   char **lines;
   size_t n, cap;
} TourText;

#define TOUR_STEPS 10

/* Make the tour's directory and data file; NULL with E set (and *WHAT
 * naming the part that failed) when it cannot. */
Tour *tour_new(Error *e, const char **what);
/* Remove everything the tour made, end its helper processes, free it
 * (NULL is fine). */
void tour_free(Tour *t);

/* "mapscope tour (pid 123): its objects are /mapscope-tour-123* and
 * DIR; all are removed when it ends" */
void tour_banner(const Tour *t, char *out, size_t outsz);

/* What tour_new() found of tours killed without a chance to clean up
 * (SIGKILL): "removed 3 objects left by tours that were killed" and what
 * it could not remove; false (OUT empty) when there was nothing. */
bool tour_sweep_note(const Tour *t, char *out, size_t outsz);

/* The process whose id names the tour's objects. */
int tour_pid(const Tour *t);

/* The title of step I (0-based), translated. */
const char *tour_title(size_t i);

/* Run step I for real and put its text in OUT (emptied first): the heading,
 * the calls and their results, and the Windows counterpart. */
void tour_run(Tour *t, size_t i, TourText *out);

void tour_text_clear(TourText *tt);
/* Add a line (printf-like; a line that cannot be allocated is dropped). */
void tour_line(TourText *tt, const char *fmt, ...) PRINTF_LIKE(2, 3);

#endif
