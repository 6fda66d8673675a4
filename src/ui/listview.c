/* listview.c - the lists' cursor, cells and title. */
#include "config.h"

#include "ui/listview.h"
#include "ui/crt.h"
#include "ui/view.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "app/objfmt.h"

#include <string.h>
#include "core/textwidth.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

/* The columns of the filter the title shows: each takes at most 4 bytes,
 * so that with its label it fits a title field whole. */
#define LISTVIEW_FILTER_COLS 32

void listview_clamp(ListCursor *c, size_t count) {
   if (c->cursor >= count)
      c->cursor = count ? count - 1 : 0;
   size_t rows = c->rows > 0 ? (size_t)c->rows : 1;
   if (c->cursor < c->top)
      c->top = c->cursor;
   else if (c->cursor >= c->top + rows)
      c->top = c->cursor - rows + 1;
   if (c->top + rows > count)
      c->top = count > rows ? count - rows : 0;
}

void listview_move(ListCursor *c, size_t count, long n) {
   if (n < 0)
      c->cursor = (size_t)-n > c->cursor ? 0 : c->cursor - (size_t)-n;
   else
      c->cursor += (size_t)n;
   listview_clamp(c, count);
}

long listview_page(const ListCursor *c) { return c->rows > 1 ? c->rows - 1 : 1; }

bool listview_click(ListCursor *c, size_t count) {
   int y, x;
   if (!crt_click(&y, &x) || y < c->first_row || y >= c->first_row + c->rows
       || c->top + (size_t)(y - c->first_row) >= count)
      return false;
   c->cursor = c->top + (size_t)(y - c->first_row);
   return true;
}

void listview_put_cell(int y, int x, const char *text, int width, bool right) {
   if (width <= 0 || x >= COLS)
      return;
   int w = (int)crt_cols(text);
   if (w <= width) {
      crt_put(y, right ? x + width - w : x, text, w);
      return;
   }
   crt_put_cut(y, x, text, width, false);
}

int listview_title(char f[][LISTVIEW_FIELD], int n, int cols) {
   attrset(crt_attr(CRT_TITLE));
   mvhline(0, 0, ' ', cols);
   const char *sep = crt_utf8() ? " \xe2\x94\x82 " : " | ";
   int y = 0, x = 1;
   for (int i = 0; i < n; i++) {
      int len = (int)crt_cols(f[i]);
      if (x > 1 && x + 3 + len > cols - 1 && y == 0) {
         y = 1;
         x = 1;
         mvhline(1, 0, ' ', cols);
      }
      if (x > 1 && x + 3 < cols) {
         crt_put(y, x, sep, 3);
         x += 3;
      }
      if (x < cols)
         listview_put_cell(y, x, f[i], cols - x, false);
      x += len;
   }
   attrset(A_NORMAL);
   return y + 1;
}

const char *listview_sort_mark(bool reverse) {
   return crt_utf8() ? (reverse ? "\xe2\x96\xbc" : "\xe2\x96\xb2") : (reverse ? "v" : "^");
}

/* ---- the keys every list has ------------------------------------------- */

static ListState *list(View *v) { return v->state; }
static void move_by(View *v, long n) { listview_move(&list(v)->c, list(v)->ops->count(v), n); }
static long counted(View *v, long n) { return (long)ui_count(v->ui) * n; }

void listview_key_down(View *v) { move_by(v, counted(v, 1)); }
void listview_key_up(View *v) { move_by(v, counted(v, -1)); }
void listview_key_pgdn(View *v) { move_by(v, counted(v, listview_page(&list(v)->c))); }
void listview_key_pgup(View *v) { move_by(v, counted(v, -listview_page(&list(v)->c))); }
void listview_key_wheeldn(View *v) { move_by(v, LISTVIEW_WHEEL_ROWS); }
void listview_key_wheelup(View *v) { move_by(v, -LISTVIEW_WHEEL_ROWS); }
void listview_key_click(View *v) { listview_click(&list(v)->c, list(v)->ops->count(v)); }
void listview_key_filter(View *v) { ui_open_prompt(v->ui, "filter "); }
void listview_key_search(View *v) { ui_open_prompt(v->ui, "find "); }
void listview_key_rsearch(View *v) { ui_open_prompt(v->ui, "rfind "); }

static void repeat(View *v, bool reverse) {
   rowsearch_repeat(v, &list(v)->search, reverse, list(v)->ops->count(v), &list(v)->c.cursor,
                    list(v)->ops->row_text);
   listview_clamp(&list(v)->c, list(v)->ops->count(v));
}
void listview_key_next(View *v) { repeat(v, false); }
void listview_key_prev(View *v) { repeat(v, true); }

static CommandStatus find(View *v, const char *args, bool backward) {
   CommandStatus st = rowsearch_command(v, &list(v)->search, args, backward,
                                        list(v)->ops->count(v), &list(v)->c.cursor,
                                        list(v)->ops->row_text);
   listview_clamp(&list(v)->c, list(v)->ops->count(v));
   return st;
}
CommandStatus listview_cmd_find(void *ctx, const char *args) { return find(ctx, args, false); }
CommandStatus listview_cmd_rfind(void *ctx, const char *args) { return find(ctx, args, true); }
void listview_free(View *v) { rowsearch_free(&list(v)->search); }

/* g and G: row N with a count N before them (5G), else the first or the
 * last, as in the text views and less. */
static void go_row(View *v, size_t otherwise) {
   list(v)->c.cursor = ui_has_count(v->ui) ? (size_t)ui_count(v->ui) - 1 : otherwise;
   listview_clamp(&list(v)->c, list(v)->ops->count(v));
}

void listview_key_first(View *v) { go_row(v, 0); }
void listview_key_last(View *v) { go_row(v, (size_t)-1); }

void listview_key_pause(View *v) {
   ListState *ls = list(v);
   ls->paused = !ls->paused;
   ui_message(v->ui, false, "%s", ls->paused ? _("live refresh paused (p resumes)")
                                             : _("live refresh resumed"));
   if (!ls->paused)
      ls->ops->reread(v);
}

void listview_key_sort(View *v) {
   const ListOps *ops = list(v)->ops;
   bool reverse;
   int c = ops->sorted_by(v, &reverse);
   for (int i = 0; i < ops->columns; i++) {     /* the next column shown */
      c = (c + 1) % ops->columns;
      if (!ops->shown || ops->shown(v, c))
         break;
   }
   ops->sort_by(v, c, reverse);
}

void listview_key_reverse(View *v) {
   bool reverse;
   int c = list(v)->ops->sorted_by(v, &reverse);
   list(v)->ops->sort_by(v, c, !reverse);
}

CommandStatus listview_cmd_sort(void *ctx, const char *args) {
   View *v = ctx;
   const ListOps *ops = list(v)->ops;
   size_t n, c;
   PickMsg m;
   char text[800];
   if (!*args)
      return COMMAND_BAD_ARGS;
   const ColSpec *spec = ops->column_spec(&n);
   const char *name = args[0] == '-' ? args + 1 : args;
   if (coltable_pick(spec, n, name, strlen(name), &c, &m) != NAMEPICK_FOUND) {
      pickmsg_format(text, sizeof text, ":sort", args, strlen(args), &m);
      ui_message(v->ui, true, "%s", text);
      return COMMAND_FAILED;
   }
   ops->sort_by(v, (int)c, args[0] == '-');
   return COMMAND_OK;
}

void listview_heading(View *v, int y, const ListLayout *L) {
   const ListOps *ops = list(v)->ops;
   bool reverse;
   int sort = ops->sorted_by(v, &reverse);
   attrset(crt_attr(CRT_HEADING));
   for (int c = 0; c < ops->columns; c++) {
      char text[64];
      snprintf(text, sizeof text, "%s%s", _(ops->heading(c)),
               c == sort ? listview_sort_mark(reverse) : "");
      if (L->w[c])
         listview_put_cell(y, L->x[c], text, L->w[c], ops->right(c));
   }
   attrset(A_NORMAL);
}

int listview_column_width(View *v, int c, int fixed) {
   const ListOps *ops = list(v)->ops;
   bool reverse;
   int w = (int)crt_cols(_(ops->heading(c)));
   if (ops->sorted_by(v, &reverse) == c)
      w += (int)crt_cols(listview_sort_mark(reverse));
   return w > fixed ? w : fixed;
}

CommandStatus listview_cmd_filter(void *ctx, const char *args) {
   View *v = ctx;
   size_t size;
   char *filter = list(v)->ops->filter(v, &size);
   snprintf(filter, size, "%s", args);
   list(v)->ops->reselect(v);
   return COMMAND_OK;
}

int listview_title_fields(View *v, char f[][LISTVIEW_FIELD]) {
   ListState *ls = list(v);
   bool reverse;
   int sort = ls->ops->sorted_by(v, &reverse);
   int n = 0;
   snprintf(f[n++], LISTVIEW_FIELD, reverse ? _("sort: %s, descending (s, S)")
                                            : _("sort: %s, ascending (s, S)"),
            _(ls->ops->column_name(sort)));
   if (ls->paused)
      snprintf(f[n++], LISTVIEW_FIELD, "%s", _("paused (p resumes)"));
   else
      snprintf(f[n++], LISTVIEW_FIELD, _("live every %u s (p pauses)"), (ls->live_ms + 999) / 1000);
   size_t size;
   const char *filter = ls->ops->filter(v, &size);
   if (filter[0]) {                 /* cut in columns, to fit the field whole */
      char *esc = escape_dup(filter), cut[LISTVIEW_FIELD - 24];
      textwidth_cut(cut, sizeof cut, esc, LISTVIEW_FILTER_COLS, crt_ellipsis(), 0);
      free(esc);
      snprintf(f[n++], LISTVIEW_FIELD, _("filter: %s"), cut);
   }
   return n;
}

void listview_rows(View *v, int y, const ListLayout *L, int cols) {
   ListState *ls = list(v);
   size_t count = ls->ops->count(v);
   ls->c.first_row = y;
   for (int r = 0; r < ls->c.rows && ls->c.top + (size_t)r < count; r++) {
      size_t i = ls->c.top + (size_t)r;
      ls->ops->draw_row(v, y + r, i, L, cols, i == ls->c.cursor);
   }
}
