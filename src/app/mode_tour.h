/* mode_tour.h - --tour: the reference article's concepts, step by step,
 * on a screen or, without a terminal, as text on standard output. */
#ifndef MAPSCOPE_MODE_TOUR_H
#define MAPSCOPE_MODE_TOUR_H

#include "app/options.h"

#include <stdbool.h>

/* The screen's tour (main.c hands it in, so that this layer never calls
 * the one above it); it makes and removes the tour's objects itself. */
typedef int (*TourScreen)(const Options *o);

/* The screen when SCREEN is not NULL, its script (O->script, else
 * $MAPSCOPE_SCRIPT) checked first when it is a regular file; else the
 * text: every step in order without a script, or, with one, the steps
 * its lines come to (step 1 only when a line does), the whole script
 * read (a FIFO or a pipe to its end) and checked before anything is
 * made: a bad line is a usage error.  The tour's objects are removed on
 * every way out (the end, quit, SIGINT, SIGTERM, SIGHUP, a reader of
 * standard output that went away). */
int mode_tour_run(const Options *o, TourScreen screen);

/* "FILE: line N: 'LINE': WHY (what a line may say)" as a usage error on
 * standard error; returns 2. */
int mode_tour_bad_line(const char *path, unsigned line_no, const char *line, const char *why);

#endif
