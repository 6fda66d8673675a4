/* mode_tour.h - --tour: the reference article's concepts, step by step,
 * on a screen or, without a terminal, as text on standard output. */
#ifndef MAPSCOPE_MODE_TOUR_H
#define MAPSCOPE_MODE_TOUR_H

#include "app/options.h"

#include <stdbool.h>

/* The screen's tour (main.c hands it in, so that this layer never calls
 * the one above it); it makes and removes the tour's objects itself. */
typedef int (*TourScreen)(const Options *o);

/* Check the script (O->script, else $MAPSCOPE_SCRIPT) first, when it is a
 * regular file: a bad line is a usage error before anything is made.
 * Then the screen when SCREEN is not
 * NULL; else the text: every step in order without a script, or the steps
 * the script goes to.  The tour's objects are removed on every way out
 * (the end, quit, SIGINT, SIGTERM, SIGHUP). */
int mode_tour_run(const Options *o, TourScreen screen);

/* "FILE: line N: 'LINE': WHY (what a line may say)" as a usage error on
 * standard error; returns 2. */
int mode_tour_bad_line(const char *path, unsigned line_no, const char *line, const char *why);

#endif
