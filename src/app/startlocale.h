/* startlocale.h - the locale from the environment, in two steps, so that
 * the first screen waits only for the categories it uses.
 *
 * startlocale_begin() sets LC_CTYPE (characters, their widths, whether the
 * terminal speaks UTF-8), LC_MESSAGES (gettext) and LC_NUMERIC (fractions
 * printed and read) as setlocale(3) reads them from LC_ALL, LC_<category>
 * and LANG.  startlocale_finish() then sets every category, as
 * setlocale(LC_ALL, "") does; the screen calls it as soon as its first
 * screen is drawn (before any child process is started), every other mode
 * before it does anything.  Nothing shown depends on the other categories
 * before then: dates are formatted with numeric conversions only (core/
 * values.c), nothing collates, and the libmagic child is forked later.
 *
 * The result is the same as one setlocale(LC_ALL, "") at the start:
 *   - the environment names one locale for all (LC_ALL, or LANG alone):
 *     begin() sets the three; finish() the rest, and should that fail
 *     (a locale installed without some category) it puts every category
 *     back to "C", as the failed setlocale(LC_ALL, "") would have left it;
 *   - it names several (some LC_<category> set, LC_ALL not): begin() sets
 *     them all at once, finish() has nothing left to do;
 *   - one of the three fails: every category stays "C", as before.
 * Both are idempotent; finish() returns true when it changed the locale
 * the first screen was drawn in (the case above: draw again). */
#ifndef MAPSCOPE_APP_STARTLOCALE_H
#define MAPSCOPE_APP_STARTLOCALE_H

#include <stdbool.h>

void startlocale_begin(void);
bool startlocale_finish(void);

#endif
