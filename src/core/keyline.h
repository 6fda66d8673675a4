/* keyline.h - a heading that names keys, fitted to a width by dropping the
 * least needed keys rather than cutting the one that ends the screen.
 *
 * "mapscope tour (pid 7): n next, p back, 3g step 3, j k scroll, q ends it"
 * in 60 columns keeps "q ends it" and drops "3g step 3" first.  Widths in
 * screen columns (core/textwidth.h).  Pure: no allocation, no output. */
#ifndef MAPSCOPE_KEYLINE_H
#define MAPSCOPE_KEYLINE_H

#include <stddef.h>

typedef struct {
   const char *text;       /* "q ends it" (translated) */
   int keep;               /* the higher, the longer it is kept */
} KeyHint;

/* LEAD, ": " and the N KEYS in the order given (", " between them) into OUT
 * (OUTSZ bytes, always terminated), in at most COLS columns: keys are left
 * out, the lowest KEEP first, until the line fits; when only the most kept
 * key is left and it still does not fit, LEAD is cut with ELLIPSIS (the
 * keys are what the line is for).  Returns the columns OUT takes. */
size_t keyline_build(char *out, size_t outsz, const char *lead, const KeyHint *keys, size_t n,
                     size_t cols, const char *ellipsis);

#endif
