/* view_attachers.c - who holds one named object: pid, command, and how
 * (an open descriptor, or a mapping with its range, permissions and
 * offset), then the file locks on it and who holds or waits for each
 * (app/objlock.h).  Live: each scan of the list below brings the holders up to date
 * (the cursor stays on its holder), and says so when the object is gone.
 * Enter opens the object through the selected holder: its descriptor
 * (/proc/PID/fd/N), or its mapping as the process sees it (pid:PID:START-
 * END, its memory read: a private mapping shows the pages it copied). */
#include "config.h"

#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/rowsearch.h"
#include "ui/view.h"
#include "app/objfmt.h"
#include "app/objlock.h"
#include "app/objtable.h"
#include "core/escape.h"
#include "core/textwidth.h"
#include "core/gettext.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
   int pid;                   /* 0: not known (a lock whose holder could not be seen) */
   char *comm;                /* escaped */
   char how[192];
   bool openable;             /* SPEC leads to the object (a lock: its descriptor is known) */
   ObjOpenSpec spec;          /* its descriptor, or its mapping as pid:PID:START-END */
   bool mapped;               /* opened as the process sees it: it must map */
   uint64_t dev, ino;         /* this object (dev PLATFORM_DEV_ANY: System V) */
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
   char procs[32];            /* "?" or "1+?" where some holders may be missing, else "" */
   size_t locks;              /* rows of locks, after the holders' */
   RowSearch search;          /* / ? n N */
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
   char locks[64] = "";
   if (st->locks)
      snprintf(locks, sizeof locks, ngettext(", %zu lock", ", %zu locks", st->locks), st->locks);
   if (st->procs[0]) {
      snprintf(line, size, _("%s %s: held by %s processes (%s, %s seen)%s (q: back)"), st->kind,
               st->name, st->procs, fds, maps, locks);
      return;
   }
   snprintf(line, size, ngettext("%s %s: held by %zu process (%s, %s)%s (q: back)",
                                 "%s %s: held by %zu processes (%s, %s)%s (q: back)",
                                 st->count.processes),
            st->kind, st->name, st->count.processes, fds, maps, locks);
}

/* The PID and COMMAND columns: 7 and 16 columns, or their translated
 * headings' widths when wider. */
static int pid_cols(void) {
   int w = (int)crt_cols(_("PID"));
   return w > 7 ? w : 7;
}

static int comm_cols(void) {
   int w = (int)crt_cols(_("COMMAND"));
   return w > 16 ? w : 16;
}

/* H's row: its pid, its command cut to its column (with an ellipsis) so
 * that HOW stays under its heading, then HOW. */
static void holder_line(const Holder *h, char *line, size_t size) {
   char num[16] = "?", cut[256], comm[320], pid[64];
   if (h->pid > 0)
      snprintf(num, sizeof num, "%d", h->pid);
   textwidth_cut(cut, sizeof cut, h->comm, (size_t)comm_cols(), crt_ellipsis(), 0);
   snprintf(line, size, "%s  %s %s", textwidth_pad(pid, sizeof pid, num, (size_t)pid_cols(), 1),
            textwidth_pad(comm, sizeof comm, cut, (size_t)comm_cols(), 0), h->how);
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
   snprintf(line, sizeof line, "%s  %s %s",
            textwidth_pad(pid, sizeof pid, _("PID"), (size_t)pid_cols(), 1),
            textwidth_pad(comm, sizeof comm, _("COMMAND"), (size_t)comm_cols(), 0), _("HOW"));
   crt_put(1, 0, line, cols);
   attrset(A_NORMAL);
   st->rows = rows - 2;
   clamp(st);
   if (st->gone)
      crt_put(2, 0, _("The object is gone: the last scan did not find it."), cols);
   else if (st->n == 0)
      crt_put(2, 0, _("No process holds it (or none that could be inspected)."), cols);
   for (int r = 0; r < st->rows && st->top + (size_t)r < st->n; r++) {
      const Holder *h = &st->h[st->top + (size_t)r];
      bool cur = st->top + (size_t)r == st->cursor;
      attrset(cur ? crt_attr(CRT_CURSOR) : (int)A_NORMAL);
      if (cur)
         mvhline(2 + r, 0, ' ', cols);
      holder_line(h, line, sizeof line);
      crt_put_cut(2 + r, 0, line, cols, false);
   }
   attrset(A_NORMAL);
}

static void att_status(View *v, char *out, size_t outsz) {
   AttState *st = state(v);
   snprintf(out, outsz, _("holder %zu/%zu "), st->n ? st->cursor + 1 : 0, st->n);
}

static void k_back(View *v) { ui_pop(v->ui); }

#define WHEEL_HOLDERS 3

/* Move the cursor N holders down (DOWN) or up, clamped. */
static void move_cursor(AttState *st, size_t n, bool down) {
   if (down)
      st->cursor = n > st->n - st->cursor ? st->n : st->cursor + n;   /* clamp() ends it */
   else
      st->cursor = n > st->cursor ? 0 : st->cursor - n;
   clamp(st);
}

/* The count before a key (5j, 2 PgDn) times STEP holders, as in the list. */
static void move_counted(View *v, size_t step, bool down) {
   size_t count = (size_t)ui_count(v->ui);
   move_cursor(state(v), step && count > SIZE_MAX / step ? SIZE_MAX : count * step, down);
}

/* A page: the rows shown less one, at least 1. */
static size_t page(const AttState *st) { return st->rows > 1 ? (size_t)st->rows - 1 : 1; }

/* g and G: holder N with a count N before them, else the first or last. */
static void go_holder(View *v, bool last) {
   AttState *st = state(v);
   st->cursor = ui_has_count(v->ui) ? (size_t)ui_count(v->ui) - 1 : last ? st->n : 0;
   clamp(st);
}

static void k_down(View *v) { move_counted(v, 1, true); }
static void k_up(View *v) { move_counted(v, 1, false); }
static void k_pgdn(View *v) { move_counted(v, page(state(v)), true); }
static void k_pgup(View *v) { move_counted(v, page(state(v)), false); }
static void k_wheeldn(View *v) { move_cursor(state(v), WHEEL_HOLDERS, true); }
static void k_wheelup(View *v) { move_cursor(state(v), WHEEL_HOLDERS, false); }
static void k_first(View *v) { go_holder(v, false); }
static void k_last(View *v) { go_holder(v, true); }

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
   if (!h->openable) {
      ui_message(v->ui, true, "%s", _("no descriptor of this lock's holder is known: "
                                      "nothing to open the object through"));
      return;
   }
   if (ui_open_source(v->ui, &h->spec, &e)) {
      if (h->mapped)                 /* the process's view: say if it maps another now */
         view_hex_expect_object(ui_source_view(v->ui), h->dev, h->ino);
      ui_message(v->ui, false, h->mapped ? _("%s as process %d sees it (q or Esc: back)")
                                         : _("%s (q or Esc: back)"), st->name, h->pid);
      return;
   }
   error_for_screen(&e);          /* the screen's words: no command-line flags */
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

/* ---- / ? n N over the rows ---- */

/* The text row I shows: the pid, the command, how it holds the object. */
static void row_text(View *v, size_t i, char *out, size_t outsz) {
   const Holder *h = &state(v)->h[i];
   snprintf(out, outsz, "%7d %s %s", h->pid, h->comm, h->how);
}
static void k_search(View *v) { ui_open_prompt(v->ui, "find "); }
static void k_rsearch(View *v) { ui_open_prompt(v->ui, "rfind "); }
static void repeat(View *v, bool reverse) {
   AttState *st = state(v);
   rowsearch_repeat(v, &st->search, reverse, st->n, &st->cursor, row_text);
}
static void k_next(View *v) { repeat(v, false); }
static void k_prev(View *v) { repeat(v, true); }
static CommandStatus find(View *v, const char *args, bool backward) {
   AttState *st = state(v);
   return rowsearch_command(v, &st->search, args, backward, st->n, &st->cursor, row_text);
}
static CommandStatus cmd_find(void *ctx, const char *args) { return find(ctx, args, false); }
static CommandStatus cmd_rfind(void *ctx, const char *args) { return find(ctx, args, true); }

static const Command att_commands[] = {
   { "find", N_("[TEXT]"), N_("select the next row showing TEXT (also /); no TEXT: the last"
                              " one again"), cmd_find },
   { "rfind", N_("[TEXT]"), N_("the same, backward (also ?)"), cmd_rfind },
};

static const KeyBinding att_keys[] = {
   { 'q', "q", N_("back to the object list"), k_back },
   { KEYMAP_ESC, NULL, NULL, k_back },
   { 'j', "j", N_("next holder"), k_down },
   { KEY_DOWN, NULL, NULL, k_down },
   { KEYMAP_CTRL('n'), NULL, NULL, k_down },
   { KEYMAP_CTRL('e'), NULL, NULL, k_down },
   { 'k', "k", N_("previous holder"), k_up },
   { KEY_UP, NULL, NULL, k_up },
   { KEYMAP_CTRL('p'), NULL, NULL, k_up },
   { KEYMAP_CTRL('y'), NULL, NULL, k_up },
   { KEY_NPAGE, "PgDn", N_("next screen"), k_pgdn },
   { ' ', NULL, NULL, k_pgdn },
   { KEYMAP_CTRL('f'), NULL, NULL, k_pgdn },
   { KEYMAP_CTRL('v'), NULL, NULL, k_pgdn },
   { KEY_PPAGE, "PgUp", N_("previous screen"), k_pgup },
   { 'b', NULL, NULL, k_pgup },
   { KEYMAP_CTRL('b'), NULL, NULL, k_pgup },
   { '/', "/", N_("search the rows forward (3/TEXT: the third match; i:TEXT any case)"),
     k_search },
   { KEYMAP_CTRL('s'), NULL, NULL, k_search },
   { '?', "?", N_("search the rows backward (F1 is help)"), k_rsearch },
   { 'n', "n", N_("next match, in the search's direction"), k_next },
   { 'N', "N", N_("previous match"), k_prev },
   { 'g', "g", N_("first holder (Ng: holder N)"), k_first },
   { KEY_HOME, NULL, NULL, k_first },
   { 'G', "G", N_("last holder (NG: holder N)"), k_last },
   { KEY_END, NULL, NULL, k_last },
   { CRT_KEY_WHEEL_DOWN, "WheelDown", N_("mouse wheel: down three holders"), k_wheeldn },
   { CRT_KEY_WHEEL_UP, "WheelUp", N_("mouse wheel: up three holders"), k_wheelup },
   { CRT_KEY_CLICK, "Click", N_("mouse: select the holder clicked"), k_click },
   { '\r', "Enter", N_("open the object through this holder's descriptor, or as the process "
                       "sees it through its mapping (pages it copied marked C); a lock's "
                       "through the descriptor that holds it"), k_open },
};

static void free_holders(AttState *st) {
   for (size_t i = 0; i < st->n; i++)
      free(st->h[i].comm);
   free(st->h);
   st->h = NULL;
   st->n = 0;
   st->locks = 0;
   memset(&st->count, 0, sizeof st->count);
}

static void att_close(View *v) {
   AttState *st = state(v);
   free_holders(st);
   free(st->name);
   rowsearch_free(&st->search);
   view_free(v);
}

/* How Enter opens O through holder A: a mapping as the process sees it
 * (pid:PID:START-END, read from its memory: a private mapping shows the
 * process's own copies), a descriptor through /proc/PID/fd. */
static void holder_spec(const Obj *o, const ObjAttacher *a, Holder *h) {
   objtable_attacher_spec(o, a, &h->spec);
   h->mapped = a->mapped;
   if (!a->mapped)
      return;
   snprintf(h->spec.text, sizeof h->spec.text, "pid:%d:%llx-%llx", a->pid,
            (unsigned long long)a->start, (unsigned long long)a->end);
   h->spec.checked = false;          /* a process is no file: the view checks the region */
   h->dev = o->kind == OBJ_SYSV_SHM ? PLATFORM_DEV_ANY : o->dev;
   h->ino = o->ino;
}

/* A row for lock K of O: "lock FLOCK write advisory, whole file, fd 3". */
static void lock_row(const Obj *o, const ObjLock *k, Holder *h) {
   char what[128];
   objlock_what(k, what, sizeof what);
   h->pid = k->pid;
   h->comm = escape_dup(k->comm ? k->comm : "?");
   const char *self = k->self ? _(" (this process)") : "";
   if (k->lock.waiting)
      snprintf(h->how, sizeof h->how, _("waits for %s%s"), what, self);
   else if (k->seen_on_fd)
      snprintf(h->how, sizeof h->how, _("lock %s, fd %d%s"), what, k->fd, self);
   else if (k->pid > 0 && k->lock.kind == PLATFORM_LOCK_POSIX)
      snprintf(h->how, sizeof h->how, _("lock %s%s"), what, self);
   else if (k->pid > 0)
      snprintf(h->how, sizeof h->how, _("lock %s: taken by this pid; its holders could not "
                                        "be inspected"), what);
   else
      snprintf(h->how, sizeof h->how, _("lock %s: holder not known"), what);
   h->openable = k->seen_on_fd;
   if (h->openable) {
      ObjAttacher a = { .pid = k->pid, .mapped = false, .fd = k->fd };
      objtable_attacher_spec(o, &a, &h->spec);
   }
}

/* The holders of O in place of the old ones; the cursor stays on the
 * holder it was on while that one is still there. */
static bool copy_holders(AttState *st, const Obj *o) {
   Holder *h = calloc(o->natt + o->nlocks ? o->natt + o->nlocks : 1, sizeof *h);
   if (!h)
      return false;
   char was[OBJTABLE_SPEC_MAX] = "";
   int was_pid = st->n ? st->h[st->cursor].pid : 0;
   if (st->n)
      snprintf(was, sizeof was, "%s", st->h[st->cursor].spec.text);
   free_holders(st);
   st->h = h;
   objfmt_holders(o, &st->count);
   st->procs[0] = '\0';
   if (o->holders_unknown)
      objfmt_procs(o, st->procs, sizeof st->procs);
   for (size_t i = 0; i < o->natt; i++, h++) {
      h->pid = o->att[i].pid;
      h->comm = escape_dup(o->att[i].comm ? o->att[i].comm : "?");
      objfmt_attacher(&o->att[i], h->how, sizeof h->how);
      holder_spec(o, &o->att[i], h);
      h->openable = true;
      if (h->pid == was_pid && strcmp(h->spec.text, was) == 0)
         st->cursor = i;
      st->n++;
   }
   for (size_t i = 0; i < o->nlocks; i++, h++, st->n++, st->locks++)
      lock_row(o, &o->locks[i], h);
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
   .commands = att_commands,
   .command_count = sizeof att_commands / sizeof att_commands[0],
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
