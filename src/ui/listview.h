/* listview.h - what the screen's lists share in drawing: a cursor over
 * rows that the screen scrolls, cells cut or aligned in their columns, the
 * title's fields on one line (two when they do not fit), the heading's
 * sort mark.  The object list and a process's region list draw through
 * here; the rows and their order are the app's (app/columns.h). */
#ifndef MAPSCOPE_LISTVIEW_H
#define MAPSCOPE_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "app/coltable.h"
#include "app/command.h"
#include "ui/rowsearch.h"

typedef struct {
   size_t cursor, top;        /* the selected row, the first row shown */
   int rows;                  /* rows shown */
   int first_row;             /* the screen row of the first of them */
} ListCursor;

/* Keep the cursor inside COUNT rows and on the screen. */
void listview_clamp(ListCursor *c, size_t count);
/* Move the cursor by N rows (negative: up), clamped. */
void listview_move(ListCursor *c, size_t count, long n);
/* The rows a page moves: the rows shown less one, at least 1. */
long listview_page(const ListCursor *c);
/* The cursor to the row under the last click; false when it is on none. */
bool listview_click(ListCursor *c, size_t count);

/* ---- the keys every list has -------------------------------------------
 * A list view's state opens with a ListState (its first member), whose ops
 * the view fills with designated initializers; the handlers below then
 * serve as its KeyBinding functions. */
struct View;

/* Where each column stands: X[c], in W[c] screen columns (0: not shown). */
#define LISTVIEW_COLUMNS_MAX 16
typedef struct {
   int x[LISTVIEW_COLUMNS_MAX];
   int w[LISTVIEW_COLUMNS_MAX];
} ListLayout;

#define LISTVIEW_FIELD 160     /* the size of a title field */

typedef struct {
   size_t (*count)(struct View *v);   /* rows shown (after the filter) */
   void (*reread)(struct View *v);    /* read the rows again, keep the cursor's */
   void (*reselect)(struct View *v);  /* the order or filter changed */
   char *(*filter)(struct View *v, size_t *size);  /* the filter's buffer */
   int columns;                       /* at most LISTVIEW_COLUMNS_MAX */
   const char *(*column_name)(int column);     /* untranslated, for the title */
   const char *(*heading)(int column);         /* untranslated */
   bool (*right)(int column);                  /* aligned right */
   /* Every column a :sort may name (coltable.h), the shown ones first. */
   const ColSpec *(*column_spec)(size_t *n);
   int (*sorted_by)(struct View *v, bool *reverse);
   /* Sort by COLUMN (REVERSE: descending); the cursor stays on its row. */
   void (*sort_by)(struct View *v, int column, bool reverse);
   /* Draw row I at screen row Y, COLS wide (CURSOR: it is selected). */
   void (*draw_row)(struct View *v, int y, size_t i, const ListLayout *L, int cols,
                    bool cursor);
   /* The text row I shows (its cells, escaped, between spaces): what / and
    * ? search. */
   void (*row_text)(struct View *v, size_t i, char *out, size_t outsz);
   /* Whether COLUMN is shown now (NULL: every one is): s steps over the
    * hidden ones. */
   bool (*shown)(struct View *v, int column);
} ListOps;

typedef struct {
   ListCursor c;
   const ListOps *ops;
   bool paused;               /* no live reads */
   unsigned live_ms;          /* between live reads */
   RowSearch search;          /* / ? n N (the close hook calls listview_free()) */
} ListState;

#define LISTVIEW_WHEEL_ROWS 3
/* j k PgDn PgUp take the count typed before them (5j: five rows down). */
void listview_key_down(struct View *v);
void listview_key_up(struct View *v);
void listview_key_pgdn(struct View *v);
void listview_key_pgup(struct View *v);
void listview_key_wheeldn(struct View *v);   /* LISTVIEW_WHEEL_ROWS rows */
void listview_key_wheelup(struct View *v);
void listview_key_click(struct View *v);     /* the row clicked */
/* The first and last rows; with a count N (5g, 5G), row N. */
void listview_key_first(struct View *v);
void listview_key_last(struct View *v);
void listview_key_filter(struct View *v);    /* opens the prompt at ":filter " */
/* / and ? open the prompt at ":find " and ":rfind "; n and N go on (ui/rowsearch.h). */
void listview_key_search(struct View *v);
void listview_key_rsearch(struct View *v);
void listview_key_next(struct View *v);
void listview_key_prev(struct View *v);
CommandStatus listview_cmd_find(void *ctx, const char *args);
CommandStatus listview_cmd_rfind(void *ctx, const char *args);
/* What the list state holds besides its rows (the search's pattern). */
void listview_free(struct View *v);
void listview_key_pause(struct View *v);     /* pauses or resumes (then reads) */
void listview_key_sort(struct View *v);      /* by the next column */
void listview_key_reverse(struct View *v);
/* The command "sort [-]COLUMN" (a Command's function; CTX is the View). */
CommandStatus listview_cmd_sort(void *ctx, const char *args);
/* The command "filter TEXT": only the rows holding TEXT. */
CommandStatus listview_cmd_filter(void *ctx, const char *args);
/* The title's fields every list has into F: the order, the live refresh
 * and the filter (when there is one).  Returns the fields written (2-3). */
int listview_title_fields(struct View *v, char f[][LISTVIEW_FIELD]);
/* The heading at Y: each column's name where L puts it, the one sorted by
 * marked. */
void listview_heading(struct View *v, int y, const ListLayout *L);
/* The width column C needs: FIXED, or its translated heading (with the
 * sort mark when the list is sorted by it) when that is wider, so that a
 * heading is never cut while the column has its width. */
int listview_column_width(struct View *v, int c, int fixed);
/* The rows from screen row Y to the cursor's last shown row, through
 * ops->draw_row; Y becomes the cursor's first_row (for clicks). */
void listview_rows(struct View *v, int y, const ListLayout *L, int cols);

/* Put TEXT at Y, X in at most WIDTH columns (RIGHT: aligned right). */
void listview_put_cell(int y, int x, const char *text, int width, bool right);

/* The title: the N fields F (escaped text) separated by bars, on line 0
 * and, when they do not fit, line 1.  Returns the lines used. */
int listview_title(char f[][LISTVIEW_FIELD], int n, int cols);

/* The mark after the heading of the column sorted by ("▲", "v" ...). */
const char *listview_sort_mark(bool reverse);


/* The rows of a list view's key table that every list shares, in the
 * order help shows them: paging (with less's and emacs's keys) and the
 * search of the rows (rowsearch.c).  A view's table names its own moves
 * and wheel rows around them. */
#define LISTVIEW_PAGE_AND_SEARCH_KEYS \
   { KEY_NPAGE, "PgDn", N_("next screen"), listview_key_pgdn }, \
   { ' ', NULL, NULL, listview_key_pgdn }, \
   { KEYMAP_CTRL('f'), NULL, NULL, listview_key_pgdn }, \
   { KEYMAP_CTRL('v'), NULL, NULL, listview_key_pgdn }, \
   { KEY_PPAGE, "PgUp", N_("previous screen"), listview_key_pgup }, \
   { 'b', NULL, NULL, listview_key_pgup }, \
   { KEYMAP_CTRL('b'), NULL, NULL, listview_key_pgup }, \
   { '/', "/", N_("search the rows forward (3/TEXT: the third match; i:TEXT any case)"), \
     listview_key_search }, \
   { KEYMAP_CTRL('s'), NULL, NULL, listview_key_search }, \
   { '?', "?", N_("search the rows backward (F1 is help)"), listview_key_rsearch }, \
   { 'n', "n", N_("next match, in the search's direction"), listview_key_next }, \
   { 'N', "N", N_("previous match"), listview_key_prev }

#endif
