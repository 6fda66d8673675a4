/* rowsearch.h - / ? n N in the screen's lists (the object list, a
 * process's regions, the holders of an object), as less searches lines:
 * the selection moves to the next row whose shown text holds the pattern,
 * wrapping around the end (and saying so).  A count typed before / ? n N
 * goes to that match (3n: the third).  "i:TEXT" ignores case.
 *
 * The pattern is a RowSearch the view keeps (freed with rowsearch_free());
 * the rows are the view's: COUNT of them, the text of row I (as shown,
 * escaped) written by TEXT into OUT.  Messages go to the status line
 * (ui_message()). */
#ifndef MAPSCOPE_ROWSEARCH_H
#define MAPSCOPE_ROWSEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/view.h"

typedef struct {
   char *pattern;                 /* NULL before the first search; owned */
   bool backward;                 /* given with ? (n goes on backward) */
} RowSearch;

typedef void (*RowText)(View *v, size_t i, char *out, size_t outsz);

/* :find ARGS (BACKWARD false) or :rfind ARGS from *CURSOR over COUNT rows;
 * ARGS "" searches with the last pattern again, in this direction from
 * now on.  *CURSOR moves to the match. */
CommandStatus rowsearch_command(View *v, RowSearch *rs, const char *args, bool backward,
                                size_t count, size_t *cursor, RowText text);
/* n (REVERSE false) and N: the last pattern again. */
void rowsearch_repeat(View *v, RowSearch *rs, bool reverse, size_t count, size_t *cursor,
                      RowText text);
void rowsearch_free(RowSearch *rs);

#endif
