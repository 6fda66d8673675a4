/* view_attachers.c - who holds one named object: pid, command, and how
 * (an open descriptor, or a mapping with its range, permissions and
 * offset).  Live: each scan of the list below brings the holders up to date
 * (the cursor stays on its holder), and says so when the object is gone.
 * Enter opens the object through the selected holder (/proc/PID/fd/N or
 * /proc/PID/map_files/...). */
#include "config.h"

#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/view.h"
#include "app/objfmt.h"
#include "app/objtable.h"
#include "core/escape.h"
#include "core/textwidth.h"
#include "core/gettext.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
   int pid;
   char *comm;                /* escaped */
   char how[96];
   ObjOpenSpec spec;          /* its descriptor or mapping, and the object */
} Holder;

typedef struct {
   char *name;                /* the object's display name, escaped */
   const char *kind;
   Holder *h;
   size_t n;
   size_t cursor, top;
   int rows;
   const ObjTable *table;     /* the list's: rescanned under this view */
   unsigned generation;       /* the table's scan the holders come from */
   ObjTableKey key;
   bool gone;                 /* the last scan did not find the object */
   ObjfmtHolders count;       /* processes, descriptors, mappings */
} AttState;

static AttState *state(View *v) { return v->state; }

static void clamp(AttState *st) {
   size_t rows = st->rows > 0 ? (size_t)st->rows : 1;
   if (st->cursor >= st->n)
      st->cursor = st->n ? st->n - 1 : 0;
   if (st->cursor < st->top)
      st->top = st->cursor;
   else if (st->cursor >= st->top + rows)
      st->top = st->cursor - rows + 1;
}

/* "shm /x: held by 1 process (2 descriptors, 1 mapping) (q: back)" */
static void held_line(const AttState *st, char *line, size_t size) {
   char fds[64], maps[64];
   snprintf(fds, sizeof fds, ngettext("%zu descriptor", "%zu descriptors", st->count.descriptors),
            st->count.descriptors);
   snprintf(maps, sizeof maps, ngettext("%zu mapping", "%zu mappings", st->count.mappings),
            st->count.mappings);
   snprintf(line, size, ngettext("%s %s: held by %zu process (%s, %s) (q: back)",
                                 "%s %s: held by %zu processes (%s, %s) (q: back)",
                                 st->count.processes),
            st->kind, st->name, st->count.processes, fds, maps);
}

static void att_draw(View *v, int rows, int cols) {
   AttState *st = state(v);
   char line[512];
   attrset(crt_attr(CRT_TITLE));
   mvhline(0, 0, ' ', cols);
   if (st->gone)
      snprintf(line, sizeof line, _("%s %s: gone (q or Esc: back)"), st->kind, st->name);
   else
      held_line(st, line, sizeof line);
   crt_put_cut(0, 1, line, cols - 2, false);
   attrset(crt_attr(CRT_HEADING));
   char pid[64], comm[64];                  /* headings padded in columns, not bytes */
   snprintf(line, sizeof line, "%s  %s %s", textwidth_pad(pid, sizeof pid, _("PID"), 7, 1),
            textwidth_pad(comm, sizeof comm, _("COMMAND"), 16, 0), _("HOW"));
   mvaddnstr(1, 0, line, cols);
   attrset(A_NORMAL);
   st->rows = rows - 2;
   clamp(st);
   if (st->gone)
      mvaddnstr(2, 0, _("The object is gone: the last scan did not find it."), cols);
   else if (st->n == 0)
      mvaddnstr(2, 0, _("No process holds it (or none that could be inspected)."), cols);
   for (int r = 0; r < st->rows && st->top + (size_t)r < st->n; r++) {
      const Holder *h = &st->h[st->top + (size_t)r];
      bool cur = st->top + (size_t)r == st->cursor;
      attrset(cur ? crt_attr(CRT_CURSOR) : (int)A_NORMAL);
      if (cur)
         mvhline(2 + r, 0, ' ', cols);
      /* the command padded to 16 columns, not bytes */
      int pad = 16 - (int)textwidth_cols(h->comm);
      snprintf(line, sizeof line, "%7d  %s%*s %s", h->pid, h->comm, pad > 0 ? pad : 0, "", h->how);
      crt_put_cut(2 + r, 0, line, cols, false);
   }
   attrset(A_NORMAL);
}

static void att_status(View *v, char *out, size_t outsz) {
   AttState *st = state(v);
   snprintf(out, outsz, _("holder %zu/%zu "), st->n ? st->cursor + 1 : 0, st->n);
}

static void k_back(View *v) { ui_pop(v->ui); }
static void k_down(View *v) { state(v)->cursor++; clamp(state(v)); }
static void k_up(View *v) {
   if (state(v)->cursor > 0)
      state(v)->cursor--;
}

/* A click on a row selects its holder (the rows start under the heading). */
static void k_click(View *v) {
   AttState *st = state(v);
   int y, x;
   if (crt_click(&y, &x) && y >= 2 && y < 2 + st->rows && st->top + (size_t)(y - 2) < st->n)
      st->cursor = st->top + (size_t)(y - 2);
}

static void k_open(View *v) {
   AttState *st = state(v);
   Error e;
   if (st->n == 0)
      return;
   const Holder *h = &st->h[st->cursor];
   if (ui_open_source(v->ui, &h->spec, &e)) {
      ui_message(v->ui, false, _("%s (q or Esc: back)"), st->name);
      return;
   }
   const char *reason = e.detail[0] ? e.detail : e.sys_errno ? strerror(e.sys_errno) : "";
   ui_message(v->ui, true, _("cannot open %s through %s: %s%s%s%s"), st->name,
                   h->spec.text, _(error_message(e.code)), reason[0] ? " (" : "", reason,
                   reason[0] ? ")" : "");
}

/* The keypad's Enter: the same as Enter (help shows one of them). */
static bool att_key(View *v, int key) {
   if (key != KEY_ENTER)
      return false;
   k_open(v);
   return true;
}

static const KeyBinding att_keys[] = {
   { 'q', "q", N_("back to the object list"), k_back },
   { KEYMAP_ESC, NULL, NULL, k_back },
   { 'j', "j", N_("next holder"), k_down },
   { KEY_DOWN, NULL, NULL, k_down },
   { 'k', "k", N_("previous holder"), k_up },
   { KEY_UP, NULL, NULL, k_up },
   { CRT_KEY_CLICK, "Click", N_("mouse: select the holder clicked"), k_click },
   { '\r', "Enter", N_("open the object through this holder's descriptor or mapping"), k_open },
};

static void free_holders(AttState *st) {
   for (size_t i = 0; i < st->n; i++)
      free(st->h[i].comm);
   free(st->h);
   st->h = NULL;
   st->n = 0;
   memset(&st->count, 0, sizeof st->count);
}

static void att_close(View *v) {
   AttState *st = state(v);
   free_holders(st);
   free(st->name);
   view_free(v);
}

/* The holders of O in place of the old ones; the cursor stays on the
 * holder it was on while that one is still there. */
static bool copy_holders(AttState *st, const Obj *o) {
   Holder *h = calloc(o->natt ? o->natt : 1, sizeof *h);
   if (!h)
      return false;
   char was[OBJTABLE_SPEC_MAX] = "";
   int was_pid = st->n ? st->h[st->cursor].pid : 0;
   if (st->n)
      snprintf(was, sizeof was, "%s", st->h[st->cursor].spec.text);
   free_holders(st);
   st->h = h;
   objfmt_holders(o, &st->count);
   for (size_t i = 0; i < o->natt; i++, h++) {
      h->pid = o->att[i].pid;
      h->comm = escape_dup(o->att[i].comm ? o->att[i].comm : "?");
      objfmt_attacher(&o->att[i], h->how, sizeof h->how);
      objtable_attacher_spec(o, &o->att[i], &h->spec);
      if (h->pid == was_pid && strcmp(h->spec.text, was) == 0)
         st->cursor = i;
      st->n++;
   }
   clamp(st);
   return true;
}

/* After each scan of the list: the object's holders now, or that it is gone. */
static bool att_tick(View *v) {
   AttState *st = state(v);
   if (st->table->generation == st->generation)
      return false;
   st->generation = st->table->generation;
   size_t row = objtable_find(st->table, &st->key);
   st->gone = row == st->table->count;
   if (st->gone)
      free_holders(st);
   else
      copy_holders(st, objtable_row(st->table, row));   /* out of memory: the old ones */
   return true;
}

static const ViewOps att_ops = {
   .name = "attachers",
   .draw = att_draw,
   .status = att_status,
   .close = att_close,
   .key = att_key,
   .keys = att_keys,
   .key_count = sizeof att_keys / sizeof att_keys[0],
   .tick = att_tick,
};

View *view_attachers_new(Ui *ui, const ObjTable *table, const Obj *o) {
   View *v = view_new(ui, &att_ops, sizeof(AttState));
   if (!v)
      return NULL;
   AttState *st = state(v);
   if (!copy_holders(st, o)) {
      view_free(v);
      return NULL;
   }
   st->name = objfmt_display_name(o);
   st->kind = objects_kind_name(o->kind);
   st->table = table;
   st->generation = table->generation;
   objtable_key(o, &st->key);
   return v;
}
