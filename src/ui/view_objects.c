/* view_objects.c - the named-object list: kind, name, size, owner, mode,
 * holders and flags, sorted by a column, refreshed live; a pane explains
 * the selected object's flags.  Enter opens the object in the hex view
 * above the list, a shows who holds it. */
#include "config.h"

#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/listview.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "app/objfmt.h"
#include "app/objtable.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/textwidth.h"
#include "platform/names.h"
#include "platform/processes.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define LIVE_MS_DEFAULT 2000
#define LIVE_COST_FACTOR 10     /* a scan may take at most 1/10 of the time */
#define PANE_TEXT_LINES 4
#define OPEN_TRIES 8

typedef struct {
   ListState l;               /* first: the list's cursor, ops and pause */
   ObjTable t;
   ObjTableScope cfg;
   uint64_t next_scan;
   bool scan_failed;
   unsigned hidden;           /* :columns: 1 << ObjTableColumn of the columns not shown */
} ObjState;

static ObjState *state(View *v) { return v->state; }

static const Obj *current(View *v) {
   return objtable_row(&state(v)->t, state(v)->l.c.cursor);
}

/* ---- the list ------------------------------------------------------------ */

static void clamp(ObjState *st) { listview_clamp(&st->l.c, st->t.count); }

/* Scan again; the cursor stays on the object it was on. */
static void rescan(View *v) {
   ObjState *st = state(v);
   ObjTableKey key;
   objtable_key(current(v), &key);
   Error e;
   bool ok = objtable_scan(&st->t, &e);
   if (!ok && !st->scan_failed)
      ui_message(v->ui, true, _("cannot list the named objects: %s"),
                      _(error_message(e.code)));
   st->scan_failed = !ok;
   size_t at = objtable_find(&st->t, &key);
   if (at < st->t.count)
      st->l.c.cursor = at;
   clamp(st);
   uint64_t cost = st->t.scan_ms * LIVE_COST_FACTOR;
   st->next_scan = platform_clock_ms() + (cost > st->l.live_ms ? cost : st->l.live_ms);
}

static void reselect(View *v) {
   ObjState *st = state(v);
   ObjTableKey key;
   objtable_key(current(v), &key);
   objtable_select(&st->t);
   size_t at = objtable_find(&st->t, &key);
   st->l.c.cursor = at < st->t.count ? at : 0;
   clamp(st);
}

static size_t row_count(View *v) { return state(v)->t.count; }
static const char *column_name(int c) { return objtable_column_name((ObjTableColumn)c); }

static char *filter_of(View *v, size_t *size) {
   *size = sizeof state(v)->t.filter;
   return state(v)->t.filter;
}

static const char *heading(int c) { return objtable_heading((ObjTableColumn)c); }
static bool right(int c) { return c == OBJTABLE_SIZE || c == OBJTABLE_ATTACHERS; }


static int sorted_by(View *v, bool *reverse) {
   *reverse = state(v)->t.reverse;
   return (int)state(v)->t.sort;
}

static bool shown(View *v, int c) {
   return !(state(v)->hidden & (1u << c));
}

/* A column not shown is shown once the list is sorted by it (the sort mark
 * is on a heading one sees). */
static void sort_by(View *v, int c, bool reverse) {
   state(v)->hidden &= ~(1u << c);
   state(v)->t.sort = (ObjTableColumn)c;
   state(v)->t.reverse = reverse;
   reselect(v);
}

static void draw_row(View *v, int y, size_t i, const ListLayout *L, int cols, bool cursor);
static void row_text(View *v, size_t i, char *out, size_t outsz);

static const ListOps list_ops = {
   .count = row_count,
   .columns = OBJTABLE_ALL_COLUMNS,
   .column_name = column_name,
   .heading = heading,
   .right = right,
   .column_spec = objtable_columns,
   .sorted_by = sorted_by,
   .sort_by = sort_by,
   .reselect = reselect,
   .filter = filter_of,
   .draw_row = draw_row,
   .row_text = row_text,
   .reread = rescan,
   .shown = shown,
};

/* ---- drawing ------------------------------------------------------------- */

typedef ListLayout Layout;
_Static_assert(OBJTABLE_ALL_COLUMNS <= LISTVIEW_COLUMNS_MAX, "the layout holds every column");

/* Fixed widths but for the name and the flags, which share the rest; the
 * numbers (SIZE, PROCESSES) as wide as the widest, never cut, as --list
 * prints them whole; PIDS as wide as its widest cell; the last column shown
 * (FLAGS, or DETAIL when :columns shows it) takes what is left. */
static void layout(View *v, int cols, Layout *L) {
   static const int least[OBJTABLE_ALL_COLUMNS] = { 8, 0, 10, 8, 4, 5, 0, 4, 0 };
   int fixed[OBJTABLE_ALL_COLUMNS];
   for (int c = 0; c < OBJTABLE_ALL_COLUMNS; c++)
      fixed[c] = least[c] ? listview_column_width(v, c, least[c]) : 0;
   ObjState *st = state(v);
   int name = listview_column_width(v, OBJTABLE_NAME, 4);
   int flags = listview_column_width(v, OBJTABLE_FLAGS, 5);
   int detail = listview_column_width(v, OBJTABLE_DETAIL, 6);
   for (size_t i = 0; i < st->t.count; i++) {
      const Obj *o = objtable_row(&st->t, i);
      char *n = objfmt_display_name(o), f[256], num[128];
      objfmt_flags(o->flags, f, sizeof f);
      name = (int)objfmt_width(n) > name ? (int)objfmt_width(n) : name;
      flags = (int)strlen(f) > flags ? (int)strlen(f) : flags;
      objfmt_detail(o, f, sizeof f);
      detail = (int)objfmt_width(f) > detail ? (int)objfmt_width(f) : detail;
      free(n);
      static const ObjTableColumn widen[] = { OBJTABLE_SIZE, OBJTABLE_ATTACHERS, OBJTABLE_PIDS };
      for (size_t k = 0; k < sizeof widen / sizeof widen[0]; k++) {
         ObjTableColumn c = widen[k];
         if (c == OBJTABLE_SIZE)
            objfmt_size(o, num, sizeof num);
         else if (c == OBJTABLE_ATTACHERS)
            objfmt_procs(o, num, sizeof num);
         else
            objfmt_pids(o, 4, num, sizeof num);
         if ((int)strlen(num) > fixed[c])
            fixed[c] = (int)strlen(num);
      }
   }
   int last = -1;
   for (int c = 0; c < OBJTABLE_ALL_COLUMNS; c++)
      if (!(st->hidden & (1u << c)))
         last = c;
   int rest = cols;
   for (int c = 0; c < OBJTABLE_ALL_COLUMNS; c++)
      if (!(st->hidden & (1u << c)) && c != OBJTABLE_NAME)
         rest -= (c == OBJTABLE_FLAGS ? 0 : c == OBJTABLE_DETAIL ? 0 : fixed[c]) + 1;
   rest -= 1;                                  /* the name's separator */
   if (st->hidden & (1u << OBJTABLE_FLAGS))
      flags = 0;
   if (st->hidden & (1u << OBJTABLE_DETAIL))
      detail = 0;
   if (flags > rest / 2)
      flags = rest / 2;
   if (detail > (rest - flags) / 2)
      detail = (rest - flags) / 2;
   if (name > rest - flags - detail)
      name = rest - flags - detail;
   fixed[OBJTABLE_FLAGS] = flags;
   fixed[OBJTABLE_DETAIL] = detail;
   L->w[OBJTABLE_NAME] = name > 4 ? name : 4;
   for (int c = 0, x = 0; c < OBJTABLE_ALL_COLUMNS; c++) {
      if (c != OBJTABLE_NAME)
         L->w[c] = fixed[c];
      L->x[c] = x;
      if (st->hidden & (1u << c)) {       /* :columns left it out */
         L->w[c] = 0;
         continue;
      }
      if (c == last)
         L->w[c] = cols - x > 0 ? cols - x : 0;
      x += L->w[c] + 1;
   }
}

/* The cells of row I, as shown. */
static void row_cells(View *v, size_t i, char cell[OBJTABLE_ALL_COLUMNS][128]) {
   const Obj *o = objtable_row(&state(v)->t, i);
   char *name = objfmt_display_name(o);
   snprintf(cell[OBJTABLE_KIND], sizeof cell[0], "%s", objects_kind_name(o->kind));
   snprintf(cell[OBJTABLE_NAME], sizeof cell[0], "%s", name ? name : "?");
   objfmt_size(o, cell[OBJTABLE_SIZE], sizeof cell[0]);
   char owner[64];
   platform_user_name(o->uid, owner, sizeof owner);
   escape_into(cell[OBJTABLE_OWNER], sizeof cell[0], owner);
   snprintf(cell[OBJTABLE_MODE], sizeof cell[0], "%04o", o->mode & 07777);
   objfmt_procs(o, cell[OBJTABLE_ATTACHERS], sizeof cell[0]);
   objfmt_flags(o->flags, cell[OBJTABLE_FLAGS], sizeof cell[0]);
   objfmt_pids(o, 4, cell[OBJTABLE_PIDS], sizeof cell[0]);
   objfmt_detail(o, cell[OBJTABLE_DETAIL], sizeof cell[0]);
   free(name);
}

static void row_text(View *v, size_t i, char *out, size_t outsz) {
   char cell[OBJTABLE_ALL_COLUMNS][128];
   size_t used = 0;
   row_cells(v, i, cell);
   out[0] = '\0';
   for (int c = 0; c < OBJTABLE_ALL_COLUMNS && used < outsz; c++) {
      if (c >= OBJTABLE_COLUMNS && (state(v)->hidden & (1u << c)))
         continue;                     /* PIDS and DETAIL when shown */
      int w = snprintf(out + used, outsz - used, "%s%s", c ? " " : "", cell[c]);
      used += w > 0 ? (size_t)w : 0;
   }
}

static void draw_row(View *v, int y, size_t i, const Layout *L, int cols, bool cursor) {
   char cell[OBJTABLE_ALL_COLUMNS][128];
   row_cells(v, i, cell);
   attrset(cursor ? crt_attr(CRT_CURSOR) : (int)A_NORMAL);
   if (cursor)
      mvhline(y, 0, ' ', cols);
   for (int c = 0; c < OBJTABLE_ALL_COLUMNS; c++)
      listview_put_cell(y, L->x[c], cell[c], L->w[c], c == OBJTABLE_SIZE || c == OBJTABLE_ATTACHERS);
   attrset(A_NORMAL);
}

/* "pid: 12,13" and "user: root" when the list is so filtered; their count. */
static int who_fields(const ObjWho *w, char f[][160], size_t size) {
   int n = 0;
   char text[128], esc[128];
   if (w->npids) {
      objwho_pids_text(w, text, sizeof text);
      snprintf(f[n++], size, _("pid: %s"), text);
   }
   if (w->by_user) {
      escape_into(esc, sizeof esc, w->user);
      snprintf(f[n++], size, _("user: %s"), esc);
   }
   return n;
}

/* The title's fields, laid out on one line (two when they do not fit). */
static int draw_title(View *v, int cols) {
   ObjState *st = state(v);
   char f[8][LISTVIEW_FIELD];
   int n = 0;
   snprintf(f[n++], sizeof f[0], "%s", st->cfg.title ? st->cfg.title : _("named objects"));
   n += listview_title_fields(v, f + n);

   n += who_fields(&st->t.who, f + n, sizeof f[0]);
   snprintf(f[n++], sizeof f[0], _("%zu of %zu"), st->t.count, st->t.scanned ? st->t.list.n : 0);
   unsigned denied = st->t.scanned ? objfmt_denied_count(&st->t.list, &st->t.who) : 0;
   snprintf(f[n++], sizeof f[0], ngettext("%u process not inspected",
                                          "%u processes not inspected", denied), denied);
   return listview_title(f, n, cols);
}

/* Why no message queue is listed, when the kinds shown include them. */
static const char *mq_note(View *v) {
   ObjState *st = state(v);
   return st->t.scanned ? objfmt_mq_note(&st->t.list, st->t.kinds ? st->t.kinds : OBJ_KINDS_ALL)
                        : NULL;
}

/* ---- the pane: what is odd about the selected object --------------------- */

typedef struct {
   char line[PANE_TEXT_LINES][512];
   int n;
   int cols;
} Pane;

/* Add TEXT to the pane, wrapped at word boundaries (or between any two
 * letters where there are no spaces, as in Chinese); continuation lines
 * are indented by INDENT columns.  When the pane is full before the text
 * ends, its last line ends in an ellipsis. */
static void pane_wrap(Pane *p, const char *text, int indent) {
   char safe[1024];                     /* wrapped as it is drawn */
   const char *s = crt_safe(safe, sizeof safe, text);
   int lead = 0;
   while (*s && p->n < PANE_TEXT_LINES) {
      int room = p->cols - lead > 1 ? p->cols - lead : 1;
      size_t next, len = textwidth_wrap(s, (size_t)room, &next);
      char *line = p->line[p->n++];
      if (p->n == PANE_TEXT_LINES && s[next]) {
         textwidth_cut(line + lead, sizeof p->line[0] - (size_t)lead, s, (size_t)room,
                       crt_ellipsis(), 1);
         memset(line, ' ', (size_t)lead);
         return;
      }
      snprintf(line, sizeof p->line[0], "%*s%.*s", lead, "", (int)len, s);
      s += next;
      lead = indent;
   }
}

/* O's row, its flags, and (MQ) what could not be checked. */
static void pane_fill(Pane *p, const Obj *o, const char *mq) {
   char *name = objfmt_display_name(o), size[64], detail[160], text[512];
   if (o->size_known && o->kind != OBJ_SYSV_SEM && o->kind != OBJ_SYSV_MSG && o->kind != OBJ_MQ)
      snprintf(size, sizeof size, ngettext("%llu byte", "%llu bytes", (unsigned long)o->size),
               (unsigned long long)o->size);
   else
      objfmt_size(o, size, sizeof size);
   objfmt_detail(o, detail, sizeof detail);
   unsigned procs = objtable_processes(o);
   if (o->holders_unknown) {
      char count[32], why[256];
      objfmt_procs(o, count, sizeof count);
      objfmt_holders_why(o, why, sizeof why);
      snprintf(text, sizeof text, _("%s: %s, %s, held by %s processes (%s)%s%s"), name,
               objects_kind_name(o->kind), size, count, why, detail[0] ? ", " : "", detail);
   } else {
      snprintf(text, sizeof text, ngettext("%s: %s, %s, held by %u process%s%s",
                                           "%s: %s, %s, held by %u processes%s%s", procs),
               name, objects_kind_name(o->kind), size, procs, detail[0] ? ", " : "", detail);
   }
   free(name);
   pane_wrap(p, text, 2);
   if (!o->flags && !mq)
      pane_wrap(p, _("No flags: nothing odd about this object."), 2);
   for (int i = 0; i < OBJ_FLAG_COUNT; i++) {
      ObjFlag f = (ObjFlag)(1u << i);
      if (!(o->flags & f))
         continue;
      snprintf(text, sizeof text, "%s: %s", objects_flag_name(f), _(objects_flag_explain(f)));
      pane_wrap(p, text, 2);
   }
   if (mq) {
      snprintf(text, sizeof text, o->flags ? _("Not checked: %s.") : _("No flags, but %s."), mq);
      pane_wrap(p, text, 2);
   }
}

static int pane_rows(int rows) {
   return rows >= 12 ? 1 + PANE_TEXT_LINES : 0;
}

static void draw_pane(View *v, int y, int cols) {
   attrset(crt_attr(CRT_PANE));
   mvhline(y, 0, crt_utf8() ? ACS_HLINE : '-', cols);
   crt_put(y, 2, _(" the selected object (Enter opens it, a shows who holds it) "), cols - 2);
   attrset(A_NORMAL);
   const Obj *o = current(v);
   if (!o) {
      crt_put(y + 1, 0, _("No object matches: :all shows every object."), cols);
      const char *mq = mq_note(v);
      if (mq) {
         Pane p = { .n = 0, .cols = cols };
         pane_wrap(&p, mq, 2);
         for (int i = 0; i < p.n && i + 2 <= PANE_TEXT_LINES; i++)
            listview_put_cell(y + 2 + i, 0, p.line[i], cols, false);
      }
      return;
   }
   Pane p = { .n = 0, .cols = cols };
   pane_fill(&p, o, state(v)->t.scanned ? objfmt_mq_unseen(&state(v)->t.list, o) : NULL);
   for (int i = 0; i < p.n; i++)
      listview_put_cell(y + 1 + i, 0, p.line[i], cols, false);
}

static void objects_draw(View *v, int rows, int cols) {
   ObjState *st = state(v);
   int title = draw_title(v, cols);
   int pane = pane_rows(rows);
   st->l.c.rows = rows - title - 1 - pane;
   if (st->l.c.rows < 1) {
      st->l.c.rows = 1;
      pane = 0;
   }
   clamp(st);
   Layout L;
   layout(v, cols, &L);
   listview_heading(v, title, &L);
   listview_rows(v, title + 1, &L, cols);
   if (pane)
      draw_pane(v, rows - pane, cols);
}

static void objects_status(View *v, char *out, size_t outsz) {
   ObjState *st = state(v);
   if (st->t.count)
      snprintf(out, outsz, _("object %zu/%zu "), st->l.c.cursor + 1, st->t.count);
   else
      snprintf(out, outsz, "%s", _("no objects "));
}

/* ---- keys ------------------------------------------------------------------ */

static void k_pid(View *v) { ui_open_prompt(v->ui, "pid "); }
static void k_user(View *v) { ui_open_prompt(v->ui, "user "); }

static void k_refresh(View *v) {
   rescan(v);
   if (!state(v)->scan_failed)
      ui_message(v->ui, false, ngettext("refreshed: %zu object", "refreshed: %zu objects",
                                                   state(v)->t.count), state(v)->t.count);
}

static void k_attachers(View *v) {
   const Obj *o = current(v);
   if (!o)
      ui_message(v->ui, true, "%s", _("no object is selected"));
   else
      ui_push(v->ui, view_attachers_new(v->ui, &state(v)->t, o));
}

/* "cannot open NAME through SPEC: MESSAGE (REASON)" into the status line. */
static void open_failed(View *v, const char *name, const char *spec, const Error *err) {
   Error shown = *err;            /* the screen's words: no command-line flags */
   error_for_screen(&shown);
   const Error *e = &shown;
   char esc[OBJTABLE_SPEC_MAX * 4];
   escape_into(esc, sizeof esc, spec);
   const char *reason = e->detail[0] ? e->detail : e->sys_errno ? strerror(e->sys_errno) : "";
   ui_message(v->ui, true, _("cannot open %s through %s: %s%s%s%s"), name, esc,
                   _(error_message(e->code)), reason[0] ? " (" : "", reason,
                   reason[0] ? ")" : "");
}

static void k_open(View *v) {
   const Obj *o = current(v);
   if (!o) {
      ui_message(v->ui, true, "%s", _("no object is selected"));
      return;
   }
   ObjOpenSpec specs[OPEN_TRIES];
   const char *why;
   char *name = objfmt_display_name(o);
   size_t n = objtable_open_specs(o, specs, OPEN_TRIES, &why);
   Error e, first;
   memset(&first, 0, sizeof first);
   size_t i;
   for (i = 0; i < n; i++) {
      if (ui_open_source(v->ui, &specs[i], &e))
         break;
      if (i == 0)
         first = e;
   }
   if (n == 0)
      ui_message(v->ui, true, _("cannot open it: %s"), _(why));
   else if (i == n)
      open_failed(v, name, specs[0].text, &first);
   else
      ui_message(v->ui, false, _("%s (q or Esc: back to the list)"), name);
   free(name);
}

/* The keypad's Enter: the same as Enter (help shows one of them). */
static bool objects_key(View *v, int key) {
   if (key != KEY_ENTER)
      return false;
   k_open(v);
   return true;
}

static const KeyBinding objects_keys[] = {
   { 'j', "j", N_("next object"), listview_key_down },
   { KEY_DOWN, NULL, NULL, listview_key_down },
   { KEYMAP_CTRL('n'), NULL, NULL, listview_key_down },
   { KEYMAP_CTRL('e'), NULL, NULL, listview_key_down },
   { 'k', "k", N_("previous object"), listview_key_up },
   { KEY_UP, NULL, NULL, listview_key_up },
   { KEYMAP_CTRL('p'), NULL, NULL, listview_key_up },
   { KEYMAP_CTRL('y'), NULL, NULL, listview_key_up },
   LISTVIEW_PAGE_AND_SEARCH_KEYS,
   { CRT_KEY_WHEEL_DOWN, "WheelDown", N_("mouse wheel: down three objects"), listview_key_wheeldn },
   { CRT_KEY_WHEEL_UP, "WheelUp", N_("mouse wheel: up three objects"), listview_key_wheelup },
   { CRT_KEY_CLICK, "Click", N_("mouse: select the object clicked"), listview_key_click },
   { 'g', "g", N_("first object (Ng: object N)"), listview_key_first },
   { KEY_HOME, NULL, NULL, listview_key_first },
   { 'G', "G", N_("last object (NG: object N)"), listview_key_last },
   { KEY_END, NULL, NULL, listview_key_last },
   { '\r', "Enter", N_("open the object in the hex view (q or Esc comes back)"), k_open },
   { 'a', "a", N_("who holds the object: pid, command, descriptor or mapping"), k_attachers },
   { 's', "s", N_("sort by the next column"), listview_key_sort },
   { 'S', "S", N_("reverse the order"), listview_key_reverse },
   { 'r', "r", N_("refresh now"), k_refresh },
   { 'p', "p", N_("pause or resume the live refresh"), listview_key_pause },
   { 'f', "f", N_("filter by name (types :filter)"), listview_key_filter },
   { 'P', "P", N_("filter by holding process (types :pid)"), k_pid },
   { 'u', "u", N_("filter by owner (types :user)"), k_user },
};

/* ---- commands ---------------------------------------------------------- */

static CommandStatus cmd_kind(void *ctx, const char *args) {
   View *v = ctx;
   unsigned mask = 0;
   const char *bad;
   size_t bad_len;
   NamePick why;
   if (!objects_kind_parse(args, &mask, &bad, &bad_len, &why)) {
      NameSet s;
      PickMsg m;
      char text[800];
      objects_kind_names(&s);
      pickmsg_explain(&s, PICK_KIND, why, bad, bad_len, &m);
      pickmsg_format(text, sizeof text, ":kind", bad, bad_len, &m);
      ui_message(v->ui, true, "%s", text);
      return COMMAND_FAILED;
   }
   unsigned block = 1u << OBJ_BLOCK;
   bool had_block = (state(v)->t.kinds & block) != 0;
   state(v)->t.kinds = mask;
   if (had_block != ((mask & block) != 0))
      rescan(v);                  /* block devices are scanned only when shown */
   reselect(v);
   if (mq_note(v))
      ui_message(v->ui, false, "%s", mq_note(v));
   return COMMAND_OK;
}

/* ":columns kind,name,pids": which columns show (in the screen's order),
 * every one --columns takes, named as it names them; "all" (or nothing):
 * every one. */
static CommandStatus cmd_columns(void *ctx, const char *args) {
   View *v = ctx;
   size_t n = 0, cols[OBJTABLE_ALL_COLUMNS];
   const char *bad;
   size_t bad_len;
   const ColSpec *spec = objtable_columns(&n);
   if (!*args || strcmp(args, "all") == 0) {
      state(v)->hidden = 0;
      return COMMAND_OK;
   }
   if (!coltable_parse_list(spec, OBJTABLE_ALL_COLUMNS, args, cols, OBJTABLE_ALL_COLUMNS, &n,
                            &bad, &bad_len)) {
      PickMsg m;
      size_t c;
      char text[800];
      NamePick r = coltable_pick(spec, OBJTABLE_ALL_COLUMNS, bad, bad_len, &c, &m);
      if (r != NAMEPICK_AMBIGUOUS) {        /* the words --columns uses */
         snprintf(m.what, sizeof m.what, "%s", bad_len ? _("no such column, or given twice")
                                                       : _("empty column name"));
         coltable_names(spec, OBJTABLE_ALL_COLUMNS, m.why, sizeof m.why);
      }
      pickmsg_format(text, sizeof text, ":columns", bad, bad_len, &m);
      ui_message(v->ui, true, "%s", text);
      return COMMAND_FAILED;
   }
   unsigned hidden = (1u << OBJTABLE_ALL_COLUMNS) - 1;
   for (size_t i = 0; i < n; i++)
      hidden &= ~(1u << cols[i]);
   state(v)->hidden = hidden;
   return COMMAND_OK;
}

static CommandStatus cmd_all(void *ctx, const char *args) {
   View *v = ctx;
   (void)args;
   state(v)->t.filter[0] = '\0';
   bool had_block = (state(v)->t.kinds & (1u << OBJ_BLOCK)) != 0;
   state(v)->t.kinds = 0;
   if (had_block)
      rescan(v);
   memset(&state(v)->t.who, 0, sizeof state(v)->t.who);
   reselect(v);
   return COMMAND_OK;
}

/* pid PID[,PID...]: the objects these processes hold; pid all: any. */
/* As --pid says on stderr: a pid of the filter that names no process. */
static void say_missing(View *v) {
   const ObjWho *w = &state(v)->t.who;
   for (size_t i = 0; i < w->npids; i++)
      if (!objwho_pid_exists(w->pids[i])) {
         ui_message(v->ui, true, _("%s %d: no such process"), ":pid", w->pids[i]);
         return;
      }
}

static CommandStatus cmd_pid(void *ctx, const char *args) {
   View *v = ctx;
   const char *why;
   if (!objwho_parse_pids(&state(v)->t.who, strcmp(args, "all") == 0 ? "" : args, &why)) {
      ui_message(v->ui, true, _("pid %s: %s"), args, _(why));
      return COMMAND_FAILED;
   }
   reselect(v);
   say_missing(v);
   return COMMAND_OK;
}

/* user NAME|UID: the objects this user owns; user all: any (a login
 * named "all" is still reached by its uid). */
static CommandStatus cmd_user(void *ctx, const char *args) {
   View *v = ctx;
   const char *why;
   if (!objwho_parse_user(&state(v)->t.who, strcmp(args, "all") == 0 ? "" : args, &why)) {
      ui_message(v->ui, true, _("user %s: %s"), args, _(why));
      return COMMAND_FAILED;
   }
   reselect(v);
   return COMMAND_OK;
}

static CommandStatus cmd_refresh(void *ctx, const char *args) {
   (void)args;
   k_refresh(ctx);
   return COMMAND_OK;
}

/* live SECONDS (1 to 3600), live off, live on */
static CommandStatus cmd_live(void *ctx, const char *args) {
   View *v = ctx;
   ObjState *st = state(v);
   char *end;
   unsigned long s = strtoul(args, &end, 10);
   if (strcmp(args, "off") == 0 || strcmp(args, "on") == 0) {
      st->l.paused = args[1] == 'f';
   } else if (*args >= '1' && *args <= '9' && !*end && s <= 3600) {
      st->l.live_ms = (unsigned)s * 1000;
      st->l.paused = false;
   } else {
      ui_message(v->ui, true, _("live %s: give seconds from 1 to 3600, on or off"),
                      args);
      return COMMAND_FAILED;
   }
   if (!st->l.paused)
      rescan(v);
   return COMMAND_OK;
}

static CommandStatus cmd_open(void *ctx, const char *args) {
   (void)args;
   k_open(ctx);
   return COMMAND_OK;
}

static CommandStatus cmd_attachers(void *ctx, const char *args) {
   (void)args;
   k_attachers(ctx);
   return COMMAND_OK;
}

static const Command objects_commands[] = {
   { "filter", N_("[TEXT]"), N_("only objects whose name contains TEXT (also f); without TEXT, every object"), listview_cmd_filter },
   { "kind", N_("KINDS"), N_("only these kinds: shm,sem,mq,sysv,memfd ... or all; blockdev"),
     cmd_kind },
   { "all", NULL, N_("every object again: no filter, every kind"), cmd_all },
   { "sort", N_("[-]COLUMN"), N_("sort by kind, name, size, owner, mode, processes, flags, "
                                 "pids or detail (-: descending)"), listview_cmd_sort },
   { "columns", N_("LIST|all"), N_("show only these of kind, name, size, owner, mode, "
                                   "processes, flags, pids, detail (all: every one)"), cmd_columns },
   { "pid", N_("PID[,PID]|all"), N_("only objects these processes hold (all: any; also P)"),
     cmd_pid },
   { "user", N_("NAME|UID|all"), N_("only objects this user owns (all: any; also u)"),
     cmd_user },
   { "refresh", NULL, N_("scan the objects again now (also r)"), cmd_refresh },
   { "live", N_("SECONDS|on|off"), N_("refresh every SECONDS, or pause (also p)"), cmd_live },
   { "open", NULL, N_("open the selected object (also Enter)"), cmd_open },
   { "attachers", NULL, N_("who holds the selected object (also a)"), cmd_attachers },
   { "find", N_("[TEXT]"), N_("select the next row showing TEXT (also /); no TEXT: the last"
                              " one again"), listview_cmd_find },
   { "rfind", N_("[TEXT]"), N_("the same, backward (also ?)"), listview_cmd_rfind },
};

/* ---- the view -------------------------------------------------------------- */

/* Once a second: the owner's check (the demo's writer), then a scan when
 * one is due and no object is open above the list. */
static bool objects_tick(View *v) {
   ObjState *st = state(v);
   Error e;
   if (st->cfg.check && !st->cfg.check(st->cfg.ctx, &e)) {
      ui_fail(v->ui, &e);
      return true;
   }
   if (st->l.paused || ui_session(v->ui) || platform_clock_ms() < st->next_scan)
      return false;
   rescan(v);
   return true;
}

static void objects_close(View *v) {
   listview_free(v);
   objtable_free(&state(v)->t);
   view_free(v);
}

static const ViewOps objects_ops = {
   .name = "objects",
   .draw = objects_draw,
   .status = objects_status,
   .close = objects_close,
   .key = objects_key,
   .keys = objects_keys,
   .key_count = sizeof objects_keys / sizeof objects_keys[0],
   .commands = objects_commands,
   .command_count = sizeof objects_commands / sizeof objects_commands[0],
   .tick = objects_tick,
};

View *view_objects_new(Ui *ui, const ObjTableScope *cfg, const Options *o) {
   View *v = view_new(ui, &objects_ops, sizeof(ObjState));
   if (!v)
      return NULL;
   ObjState *st = state(v);
   st->l.ops = &list_ops;
   objtable_init(&st->t);
   st->hidden = 1u << OBJTABLE_PIDS | 1u << OBJTABLE_DETAIL;   /* :columns shows them */
   if (cfg)
      st->cfg = *cfg;
   st->t.kinds = o->kinds;
   st->t.who = o->who;
   if (o->sort_given) {
      st->t.sort = o->sort;
      st->t.reverse = o->sort_reverse;
      st->hidden &= ~(1u << o->sort);      /* the sort mark on a heading shown */
   }
   st->t.include_self = st->cfg.include_self;
   st->t.pick = st->cfg.pick;
   st->t.pick_ctx = st->cfg.ctx;
   st->l.live_ms = LIVE_MS_DEFAULT;
   rescan(v);
   if (mq_note(v))
      ui_message(v->ui, false, "%s", mq_note(v));
   say_missing(v);
   return v;
}
