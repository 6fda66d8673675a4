/* view_regions.c - a process's regions (mapscope pid:PID): range, size,
 * permissions, offset, device and inode, what backs it, Rss, Pss,
 * Private_Dirty, Swap and the copy-on-write flag, with the process's
 * totals at the top; sorted and filtered as the object list is (the rows
 * are app/regtable.h's), read again every few seconds.  A pane explains
 * the selected region.  Enter opens its bytes in the hex view
 * (pid:PID:START-END), whose offset column then shows virtual addresses.
 * A process that exits is said, and its last regions stay. */
#include "config.h"

#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/listview.h"
#include "ui/view.h"
#include "app/regtable.h"
#include "core/gettext.h"
#include "platform/processes.h"

#include <curses.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIVE_MS_DEFAULT 2000
#define PANE_LINES 4

typedef struct {
   ListState l;               /* first: the list's cursor, ops and pause */
   RegTable t;
   bool gone;                 /* the process has exited */
   uint64_t next_read;
} RegState;

static RegState *state(View *v) { return v->state; }

static const PlatformProcRegion *current(View *v) {
   return regtable_row(&state(v)->t, state(v)->l.c.cursor);
}

/* Read again; the cursor stays on the region it was on. */
static void reread(View *v) {
   RegState *st = state(v);
   const PlatformProcRegion *r = current(v);
   uint64_t was = r ? r->map.start : 0;
   bool had = r != NULL;
   if (!regtable_read(&st->t)) {
      char why[256];
      bool gone = st->t.err == ESRCH;
      platform_proc_why(st->t.pid, st->t.err, PLATFORM_PROC_LISTING, 0, why, sizeof why);
      if (gone && !st->gone)
         ui_message(v->ui, true, _("process %d has exited: the regions shown are the last "
                                   "read"), st->t.pid);
      else if (!gone)
         ui_message(v->ui, true, _("cannot read the regions of process %d: %s"), st->t.pid, why);
      st->gone = gone;
   } else {
      st->gone = false;
   }
   size_t at = had ? regtable_find(&st->t, was) : 0;
   if (at < st->t.count)
      st->l.c.cursor = at;
   listview_clamp(&st->l.c, st->t.count);
   st->next_read = platform_clock_ms() + st->l.live_ms;
}

static void reselect(View *v) {
   RegState *st = state(v);
   const PlatformProcRegion *r = current(v);
   uint64_t was = r ? r->map.start : 0;
   regtable_select(&st->t);
   size_t at = r ? regtable_find(&st->t, was) : 0;
   st->l.c.cursor = at < st->t.count ? at : 0;
   listview_clamp(&st->l.c, st->t.count);
}

static size_t row_count(View *v) { return state(v)->t.count; }
static const char *column_name(int c) { return regtable_column_name((RegTableColumn)c); }

static char *filter_of(View *v, size_t *size) {
   *size = sizeof state(v)->t.filter;
   return state(v)->t.filter;
}

static const char *heading(int c) { return regtable_heading((RegTableColumn)c); }
static bool right(int c) { return regtable_column_right((RegTableColumn)c); }


static int sorted_by(View *v, bool *reverse) {
   *reverse = state(v)->t.reverse;
   return (int)state(v)->t.sort;
}

static void sort_by(View *v, int c, bool reverse) {
   state(v)->t.sort = (RegTableColumn)c;
   state(v)->t.reverse = reverse;
   reselect(v);
}

static void draw_row(View *v, int y, size_t i, const ListLayout *L, int cols, bool cursor);
static void row_text(View *v, size_t i, char *out, size_t outsz);

static const ListOps list_ops = {
   .count = row_count,
   .columns = REGTABLE_COLUMNS,
   .column_name = column_name,
   .heading = heading,
   .right = right,
   .column_spec = regtable_columns,
   .sorted_by = sorted_by,
   .sort_by = sort_by,
   .reselect = reselect,
   .filter = filter_of,
   .draw_row = draw_row,
   .row_text = row_text,
   .reread = reread,
};

/* ---- drawing ------------------------------------------------------------- */

typedef ListLayout Layout;
_Static_assert(REGTABLE_COLUMNS <= LISTVIEW_COLUMNS_MAX, "the layout holds every column");

/* Fixed widths; the backing takes the rest.  Narrow screens leave out the
 * offset and the device first (the pane shows them). */
static void layout(View *v, int cols, Layout *L) {
   static const int least[REGTABLE_COLUMNS] = {
      [REGTABLE_RANGE] = 25, [REGTABLE_SIZE] = 5, [REGTABLE_PERMS] = 4,
      [REGTABLE_OFFSET] = 8, [REGTABLE_DEVINO] = 16, [REGTABLE_BACKING] = 0,
      [REGTABLE_RSS] = 5, [REGTABLE_PSS] = 5, [REGTABLE_DIRTY] = 5, [REGTABLE_SWAP] = 5,
      [REGTABLE_COW] = 3,
   };
   int used = 0;
   for (int c = 0; c < REGTABLE_COLUMNS; c++) {
      L->w[c] = least[c] ? listview_column_width(v, c, least[c]) : 0;
      used += L->w[c] ? L->w[c] + 1 : 0;
   }
   if (cols - used < 24) {
      used -= L->w[REGTABLE_DEVINO] + 1;
      L->w[REGTABLE_DEVINO] = 0;
   }
   if (cols - used < 16) {
      used -= L->w[REGTABLE_OFFSET] + 1;
      L->w[REGTABLE_OFFSET] = 0;
   }
   /* the backing before the figures: what a region is, then its numbers */
   static const RegTableColumn order[REGTABLE_COLUMNS] = {
      REGTABLE_RANGE, REGTABLE_SIZE, REGTABLE_PERMS, REGTABLE_OFFSET, REGTABLE_DEVINO,
      REGTABLE_RSS, REGTABLE_PSS, REGTABLE_DIRTY, REGTABLE_SWAP, REGTABLE_COW, REGTABLE_BACKING,
   };
   L->w[REGTABLE_BACKING] = cols - used > 0 ? cols - used : 0;
   for (int i = 0, x = 0; i < REGTABLE_COLUMNS; i++) {
      RegTableColumn c = order[i];
      L->x[c] = x;
      x += L->w[c] ? L->w[c] + 1 : 0;
   }
}

static void draw_cells(int y, char cell[REGTABLE_COLUMNS][PLATFORM_NAME_MAX / 4],
                       const Layout *L) {
   for (int c = 0; c < REGTABLE_COLUMNS; c++)
      if (L->w[c])
         listview_put_cell(y, L->x[c], cell[c], L->w[c], regtable_column_right((RegTableColumn)c));
}

/* The process's totals (its smaps_rollup) as a row under the heading. */
static void draw_totals(View *v, int y, const Layout *L) {
   RegState *st = state(v);
   char cell[REGTABLE_COLUMNS][PLATFORM_NAME_MAX / 4];
   memset(cell, 0, sizeof cell);
   uint64_t size = 0;
   size_t cow = 0;
   for (size_t i = 0; i < st->t.n; i++) {
      size += st->t.v[i].map.end - st->t.v[i].map.start;
      cow += regtable_cow(&st->t.v[i]);
   }
   snprintf(cell[REGTABLE_RANGE], sizeof cell[0], ngettext("total: %zu region",
            "total: %zu regions", st->t.n), st->t.n);
   regtable_bytes(size, cell[REGTABLE_SIZE], sizeof cell[0]);
   const PlatformMemFigures *f = &st->t.totals;
   uint64_t fig[4] = { f->rss, f->pss, f->private_dirty, f->swap };
   for (int i = 0; i < 4; i++) {
      if (f->known)
         regtable_bytes(fig[i], cell[REGTABLE_RSS + i], sizeof cell[0]);
      else
         snprintf(cell[REGTABLE_RSS + i], sizeof cell[0], "?");
   }
   snprintf(cell[REGTABLE_COW], sizeof cell[0], "%zu", cow);
   attrset(crt_attr(CRT_TITLE));
   mvhline(y, 0, ' ', COLS);
   draw_cells(y, cell, L);
   attrset(A_NORMAL);
}

static void row_text(View *v, size_t i, char *out, size_t outsz) {
   const PlatformProcRegion *r = regtable_row(&state(v)->t, i);
   char cell[PLATFORM_NAME_MAX / 4];
   size_t used = 0;
   out[0] = '\0';
   for (int c = 0; c < REGTABLE_COLUMNS && used < outsz; c++) {
      regtable_cell(r, (RegTableColumn)c, cell, sizeof cell);
      int w = snprintf(out + used, outsz - used, "%s%s", c ? " " : "", cell);
      used += w > 0 ? (size_t)w : 0;
   }
}

static void draw_row(View *v, int y, size_t i, const Layout *L, int cols, bool cursor) {
   const PlatformProcRegion *r = regtable_row(&state(v)->t, i);
   char cell[REGTABLE_COLUMNS][PLATFORM_NAME_MAX / 4];
   for (int c = 0; c < REGTABLE_COLUMNS; c++)
      regtable_cell(r, (RegTableColumn)c, cell[c], sizeof cell[c]);
   attrset(cursor ? crt_attr(CRT_CURSOR) : (int)A_NORMAL);
   if (cursor)
      mvhline(y, 0, ' ', cols);
   draw_cells(y, cell, L);
   attrset(A_NORMAL);
}

static int draw_title(View *v, int cols) {
   RegState *st = state(v);
   char f[6][LISTVIEW_FIELD];
   int n = 0;
   snprintf(f[n++], sizeof f[0], _("process %d (%s)"), st->t.pid, st->t.comm);
   if (st->gone)
      snprintf(f[n++], sizeof f[0], "%s", _("exited: the last regions read"));
   n += listview_title_fields(v, f + n);

   snprintf(f[n++], sizeof f[0], _("%zu of %zu"), st->t.count, st->t.n);
   return listview_title(f, n, cols);
}

/* The selected region in full: what the columns cut or leave out. */
static void draw_pane(View *v, int y, int cols) {
   const PlatformProcRegion *r = current(v);
   attrset(crt_attr(CRT_PANE));
   mvhline(y, 0, crt_utf8() ? ACS_HLINE : '-', cols);
   crt_put(y, 2, _(" the selected region (Enter opens its bytes) "), cols - 2);
   attrset(A_NORMAL);
   if (!r) {
      crt_put(y + 1, 0, _("No region matches: :all shows every region."), cols);
      return;
   }
   char range[64], devino[64], back[PLATFORM_NAME_MAX / 4], line[PLATFORM_NAME_MAX / 4 + 128];
   regtable_cell(r, REGTABLE_RANGE, range, sizeof range);
   regtable_cell(r, REGTABLE_DEVINO, devino, sizeof devino);
   regtable_cell(r, REGTABLE_BACKING, back, sizeof back);
   snprintf(line, sizeof line, _("%s %.4s offset 0x%llx dev:inode %s"), range,
            r->map.perms, (unsigned long long)r->map.offset, devino);
   listview_put_cell(y + 1, 0, line, cols, false);
   listview_put_cell(y + 2, 0, back, cols, false);
   const PlatformMemFigures *f = &r->figures;
   char b[8][16];
   uint64_t fig[8] = { f->rss, f->pss, f->shared_clean, f->shared_dirty, f->private_clean,
                       f->private_dirty, f->anonymous, f->swap };
   for (int i = 0; i < 8; i++)
      regtable_bytes(fig[i], b[i], sizeof b[i]);
   if (f->known)
      snprintf(line, sizeof line, _("Rss %s Pss %s Shared %s+%s Private %s+%s (clean+dirty) "
                                    "Anonymous %s Swap %s"),
               b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
   else
      snprintf(line, sizeof line, "%s", _("its memory figures could not be read"));
   listview_put_cell(y + 3, 0, line, cols, false);
   const char *what = regtable_cow(r)
      ? _("cow: the process has copied pages of this private file mapping; its writes "
          "there do not reach the file")
      : r->map.perms[3] == 's' ? _("shared: writes by the process reach what backs it")
      : _("private: writes by the process are its own copies");
   listview_put_cell(y + 4, 0, what, cols, false);
}

static int pane_rows(int rows) { return rows >= 14 ? 1 + PANE_LINES : 0; }

static void regions_draw(View *v, int rows, int cols) {
   RegState *st = state(v);
   int title = draw_title(v, cols);
   int pane = pane_rows(rows);
   st->l.c.rows = rows - title - 2 - pane;
   if (st->l.c.rows < 1) {
      st->l.c.rows = 1;
      pane = 0;
   }
   listview_clamp(&st->l.c, st->t.count);
   Layout L;
   layout(v, cols, &L);
   listview_heading(v, title, &L);
   draw_totals(v, title + 1, &L);
   listview_rows(v, title + 2, &L, cols);
   if (pane)
      draw_pane(v, rows - pane, cols);
}

static void regions_status(View *v, char *out, size_t outsz) {
   RegState *st = state(v);
   if (st->t.count)
      snprintf(out, outsz, _("region %zu/%zu "), st->l.c.cursor + 1, st->t.count);
   else
      snprintf(out, outsz, "%s", _("no regions "));
}

/* ---- keys ------------------------------------------------------------------ */

static void k_refresh(View *v) {
   reread(v);
   if (!state(v)->gone && state(v)->t.err == 0)
      ui_message(v->ui, false, ngettext("refreshed: %zu region", "refreshed: %zu regions",
                                        state(v)->t.n), state(v)->t.n);
}

/* Enter: the region's bytes in the hex view above the list. */
static void k_open(View *v) {
   const PlatformProcRegion *r = current(v);
   if (!r) {
      ui_message(v->ui, true, "%s", _("no region is selected"));
      return;
   }
   ObjOpenSpec spec;
   memset(&spec, 0, sizeof spec);
   regtable_spec(&state(v)->t, r, spec.text, sizeof spec.text);
   spec.checked = false;           /* the pid and the range are the identity */
   Error e;
   if (ui_open_source(v->ui, &spec, &e)) {
      ui_message(v->ui, false, "%s", _("q or Esc: back to the regions"));
      return;
   }
   error_for_screen(&e);          /* the screen's words: no command-line flags */
   const char *reason = e.detail[0] ? e.detail : e.sys_errno ? strerror(e.sys_errno) : "";
   ui_message(v->ui, true, _("cannot open %s: %s%s%s%s"), spec.text, _(error_message(e.code)),
              reason[0] ? " (" : "", reason, reason[0] ? ")" : "");
}

/* The keypad's Enter: the same as Enter (help shows one of them). */
static bool regions_key(View *v, int key) {
   if (key != KEY_ENTER)
      return false;
   k_open(v);
   return true;
}

static const KeyBinding regions_keys[] = {
   { 'j', "j", N_("next region"), listview_key_down },
   { KEY_DOWN, NULL, NULL, listview_key_down },
   { KEYMAP_CTRL('n'), NULL, NULL, listview_key_down },
   { KEYMAP_CTRL('e'), NULL, NULL, listview_key_down },
   { 'k', "k", N_("previous region"), listview_key_up },
   { KEY_UP, NULL, NULL, listview_key_up },
   { KEYMAP_CTRL('p'), NULL, NULL, listview_key_up },
   { KEYMAP_CTRL('y'), NULL, NULL, listview_key_up },
   LISTVIEW_PAGE_AND_SEARCH_KEYS,
   { CRT_KEY_WHEEL_DOWN, "WheelDown", N_("mouse wheel: down three regions"), listview_key_wheeldn },
   { CRT_KEY_WHEEL_UP, "WheelUp", N_("mouse wheel: up three regions"), listview_key_wheelup },
   { CRT_KEY_CLICK, "Click", N_("mouse: select the region clicked"), listview_key_click },
   { 'g', "g", N_("first region (Ng: region N)"), listview_key_first },
   { KEY_HOME, NULL, NULL, listview_key_first },
   { 'G', "G", N_("last region (NG: region N)"), listview_key_last },
   { KEY_END, NULL, NULL, listview_key_last },
   { '\r', "Enter", N_("open the region's bytes in the hex view, at their virtual addresses "
                       "(q or Esc comes back)"), k_open },
   { 's', "s", N_("sort by the next column"), listview_key_sort },
   { 'S', "S", N_("reverse the order"), listview_key_reverse },
   { 'r', "r", N_("read the regions again now"), k_refresh },
   { 'p', "p", N_("pause or resume the live refresh"), listview_key_pause },
   { 'f', "f", N_("filter by a piece of the text (types :filter)"), listview_key_filter },
};

/* ---- commands ---------------------------------------------------------- */

static CommandStatus cmd_all(void *ctx, const char *args) {
   (void)args;
   return listview_cmd_filter(ctx, "");
}

static CommandStatus cmd_refresh(void *ctx, const char *args) {
   (void)args;
   k_refresh(ctx);
   return COMMAND_OK;
}

static CommandStatus cmd_open(void *ctx, const char *args) {
   (void)args;
   k_open(ctx);
   return COMMAND_OK;
}

static const Command regions_commands[] = {
   { "filter", N_("[TEXT]"), N_("only regions whose row contains TEXT (also f); without TEXT, every region"), listview_cmd_filter },
   { "all", NULL, N_("every region again: no filter"), cmd_all },
   { "sort", N_("[-]COLUMN"), N_("sort by range, size, perms, offset, inode, backing, rss, pss, "
                                 "dirty, swap or cow (-: descending)"), listview_cmd_sort },
   { "refresh", NULL, N_("read the regions again now (also r)"), cmd_refresh },
   { "open", NULL, N_("open the selected region (also Enter)"), cmd_open },
   { "find", N_("[TEXT]"), N_("select the next row showing TEXT (also /); no TEXT: the last"
                              " one again"), listview_cmd_find },
   { "rfind", N_("[TEXT]"), N_("the same, backward (also ?)"), listview_cmd_rfind },
};

/* ---- the view -------------------------------------------------------------- */

/* Once a second: a read when one is due and no region is open above. */
static bool regions_tick(View *v) {
   RegState *st = state(v);
   if (st->l.paused || st->gone || ui_session(v->ui) || platform_clock_ms() < st->next_read)
      return false;
   reread(v);
   return true;
}

static void regions_close(View *v) {
   listview_free(v);
   regtable_free(&state(v)->t);
   view_free(v);
}

static const ViewOps regions_ops = {
   .name = "regions",
   .draw = regions_draw,
   .status = regions_status,
   .close = regions_close,
   .key = regions_key,
   .keys = regions_keys,
   .key_count = sizeof regions_keys / sizeof regions_keys[0],
   .commands = regions_commands,
   .command_count = sizeof regions_commands / sizeof regions_commands[0],
   .tick = regions_tick,
};

View *view_regions_new(Ui *ui, int pid, Error *e) {
   View *v = view_new(ui, &regions_ops, sizeof(RegState));
   if (!v) {
      error_set(e, ERR_OPEN, ENOMEM, NULL);
      return NULL;
   }
   RegState *st = state(v);
   st->l.ops = &list_ops;
   if (!regtable_open(&st->t, pid, e)) {
      view_free(v);
      return NULL;
   }
   st->l.live_ms = ui_refresh_ms(ui) >= 1000 ? ui_refresh_ms(ui) : LIVE_MS_DEFAULT;
   st->next_read = platform_clock_ms() + st->l.live_ms;
   return v;
}
