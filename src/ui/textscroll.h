/* textscroll.h - how the screen's text views (help, messages, the life of
 * an object, the tour) scroll, and the one key table that does it.
 *
 * A text of LINES screen lines is shown in ROWS rows from line FIRST
 * (0-based).  A view that shows such a text keeps a TextScroll in its
 * state, hands it out through ViewOps.text, and calls textscroll_fit() at
 * each draw with the lines and rows it has.  The screen then runs
 * textscroll_keys for that view after the view's own table (a key of the
 * view's own wins: the tour's Space and g step), and help lists them with
 * the view's keys.  Counts typed before a key (ui_count()) work the same
 * in every such view: 5j five lines, 2 PgDn two pages (a page is a screen
 * less one line), 3g and 3G to line 3, 5 C-d five lines (and C-d and C-u
 * five from then on), as in less. */
#ifndef MAPSCOPE_TEXTSCROLL_H
#define MAPSCOPE_TEXTSCROLL_H

#include "ui/view.h"

struct TextScroll {
   int first;            /* the first line shown, 0-based */
   int lines;            /* the lines of the text */
   int rows;             /* the rows that show it, at the last draw */
   int half;             /* the lines C-d and C-u scroll once given (5 C-d), 0: half the rows */
};

/* The text now has LINES lines shown in ROWS rows: FIRST kept where the
 * text still fills the rows (0 when it is shorter than them). */
void textscroll_fit(TextScroll *t, int lines, int rows);

/* The scrolling keys of every text view: j k Down Up, PgDn Space PgUp b,
 * C-d C-u (half a screen, as in the hex view), g Home G End and the
 * mouse wheel, with their help. */
extern const KeyBinding textscroll_keys[];
extern const size_t textscroll_key_count;

/* Run the scrolling key KEY for V when V is a text view (ops->text set)
 * and the key is one of textscroll_keys; true if it ran. */
bool textscroll_run_key(View *v, int key);

#endif
