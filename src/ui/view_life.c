/* view_life.c - the whole life of the object on screen, stage by stage:
 * the calls this machine makes beside the Windows calls that do the same,
 * with the protections asked for and a note on when each happens.  Side
 * by side where the terminal is wide enough, one under the other where it
 * is not; every line wraps, nothing is cut; the text views' keys
 * (ui/textscroll.h) scroll it.  The
 * facts are the kinds' own (source_describe_life through app/mapfacts.h),
 * gathered again at every draw. */
#include "config.h"

#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/view.h"
#include "ui/view_hex.h"
#include "ui/textscroll.h"
#include "app/mapfacts.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/textwidth.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIDE_BY_SIDE_MIN 100     /* columns from which the two columns fit */
#define NARROW 40                /* below: the stage's name on a line of its own */

typedef struct {
   int x;
   CrtStyle style;
   char *text;
} Seg;

typedef struct {
   Seg seg[3];                 /* the stage's name, this machine, Windows */
   int nseg;
} Row;

typedef struct {
   Row *rows;
   int count, cap;
   TextScroll scroll;          /* the rows shown */
} LifeState;

static LifeState *state(View *v) { return v->state; }

static void clear_rows(LifeState *L) {
   for (int i = 0; i < L->count; i++)
      for (int j = 0; j < L->rows[i].nseg; j++)
         free(L->rows[i].seg[j].text);
   L->count = 0;
}

/* Row I, made when it is new; NULL when memory runs out. */
static Row *row_at(LifeState *L, int i) {
   while (i >= L->cap) {
      int cap = L->cap ? L->cap * 2 : 64;
      Row *r = realloc(L->rows, (size_t)cap * sizeof *r);
      if (!r)
         return NULL;
      L->rows = r;
      L->cap = cap;
   }
   while (L->count <= i)
      L->rows[L->count++].nseg = 0;
   return &L->rows[i];
}

/* TEXT wrapped into [X, X + WIDTH) from row Y on (later lines indented
 * by INDENT); returns the rows it took. */
static int put(LifeState *L, int y, int x, int width, int indent, CrtStyle style,
               const char *text) {
   int n = 0;
   char safe[1024];                     /* wrapped as it is drawn */
   text = crt_safe(safe, sizeof safe, *text ? text : "-");
   for (int in = 0; *text; in = indent, n++) {
      int w = width - in > 1 ? width - in : 1;
      size_t next, end = textwidth_wrap(text, (size_t)w, &next);
      Row *r = row_at(L, y + n);
      if (!r || r->nseg == 3)
         return n;
      Seg *s = &r->seg[r->nseg];
      if (!(s->text = strndup(text, end)))
         return n;
      s->x = x + in;
      s->style = style;
      r->nseg++;
      text += next;
   }
   return n ? n : 1;
}

static const char *twin_mark(void) { return crt_utf8() ? "\xe2\x86\x94 " : "<-> "; }

static int label_width(void) {
   int w = 0;
   for (int i = 0; i < SOURCE_STAGES; i++) {
      int c = (int)crt_cols(source_stage_name((SourceStage)i));
      if (c > w)
         w = c;
   }
   return w + 2;
}

/* One stage, the two columns side by side. */
static int stage_wide(LifeState *L, int y, int cols, int lw, SourceStage i,
                      const SourceLifeStep *st) {
   int half = (cols - lw - 2) / 2, right = lw + half + 2;
   put(L, y, 0, lw, 0, CRT_HEADING, source_stage_name(i));
   int a = put(L, y, lw, half, 2, CRT_NORMAL, st->call);
   int b = put(L, y, right, cols - right, 2, CRT_NORMAL, st->windows);
   int n = a > b ? a : b;
   if (st->prot[0] || st->windows_prot[0]) {
      a = put(L, y + n, lw, half, 2, CRT_PANE, st->prot);
      b = put(L, y + n, right, cols - right, 2, CRT_PANE, st->windows_prot);
      n += a > b ? a : b;
   }
   if (st->note[0])
      n += put(L, y + n, lw, cols - lw, 2, CRT_PANE, st->note);
   return n;
}

/* One stage, one line under the other (from X: the name's width, or 2 on
 * a narrow screen where the name has a line of its own). */
static int stage_stacked(LifeState *L, int y, int cols, int lw, SourceStage i,
                         const SourceLifeStep *st) {
   int n = 0, x = cols < NARROW ? 2 : lw;
   put(L, y, 0, cols < NARROW ? cols : lw, 0, CRT_HEADING, source_stage_name(i));
   if (cols < NARROW)
      n++;
   char buf[700];
   n += put(L, y + n, x, cols - x, 2, CRT_NORMAL, st->call);
   snprintf(buf, sizeof buf, "%s%s", twin_mark(), st->windows[0] ? st->windows : "-");
   n += put(L, y + n, x, cols - x, 2, CRT_NORMAL, buf);
   if (st->prot[0] || st->windows_prot[0]) {
      snprintf(buf, sizeof buf, "%s %s%s", st->prot[0] ? st->prot : "-", twin_mark(),
               st->windows_prot[0] ? st->windows_prot : "-");
      n += put(L, y + n, x, cols - x, 2, CRT_PANE, buf);
   }
   if (st->note[0])
      n += put(L, y + n, x, cols - x, 2, CRT_PANE, st->note);
   return n;
}

static void build(View *v, int cols) {
   LifeState *L = state(v);
   Session *s = ui_session(v->ui);
   clear_rows(L);
   if (!s)
      return;
   char spec[1024], head[2048];       /* the name's end kept, cut in columns */
   char *esc = escape_dup(s->src->spec);
   textwidth_cut_head(spec, sizeof spec, esc, (size_t)(cols > 40 ? cols / 2 : 20), crt_ellipsis());
   free(esc);
   snprintf(head, sizeof head,
            _("The life of %s (%s) on this machine, beside Windows: q, Esc or L closes; j k "
              "PgDn PgUp scroll"),
            spec, _(s->src->ops->kind));
   int y = put(L, 0, 0, cols, 2, CRT_HEADING, head);
   SourceLife life;
   if (!mapfacts_life(s, &life)) {
      put(L, y, 0, cols, 2, CRT_NORMAL, _("nothing is mapped"));
      return;
   }
   int lw = label_width();
   bool wide = cols >= SIDE_BY_SIDE_MIN;
   if (wide) {
      int half = (cols - lw - 2) / 2;
      put(L, y, lw, half, 0, CRT_HEADING, _("this machine (Linux)"));
      y += put(L, y, lw + half + 2, cols - lw - half - 2, 0, CRT_HEADING, _("its Windows twin"));
   }
   for (int i = 0; i < SOURCE_STAGES; i++)
      y += wide ? stage_wide(L, y, cols, lw, (SourceStage)i, &life.step[i])
                : stage_stacked(L, y, cols, lw, (SourceStage)i, &life.step[i]);
}

static void life_draw(View *v, int rows, int cols) {
   LifeState *L = state(v);
   build(v, cols);
   textscroll_fit(&L->scroll, L->count, rows);
   int first = L->scroll.first;
   for (int y = 0; y < rows && first + y < L->count; y++) {
      const Row *r = &L->rows[first + y];
      for (int j = 0; j < r->nseg; j++) {
         attrset(crt_attr(r->seg[j].style));
         crt_put(y, r->seg[j].x, r->seg[j].text, COLS - r->seg[j].x);
      }
   }
   attrset(A_NORMAL);
}

/* Which rows are shown, so a screen too short says there is more. */
static void life_status(View *v, char *out, size_t outsz) {
   const TextScroll *t = &state(v)->scroll;
   int last = t->first + t->rows < t->lines ? t->first + t->rows : t->lines;
   snprintf(out, outsz, _("life: lines %d-%d of %d "), t->lines ? t->first + 1 : 0, last,
            t->lines);
}

static TextScroll *life_text(View *v) { return &state(v)->scroll; }
static void k_close(View *v) { ui_pop(v->ui); }

/* The scrolling keys are the text views' own (textscroll_keys). */
static const KeyBinding life_keys[] = {
   { 'q', "q", N_("close the life of the object"), k_close },
   { KEYMAP_ESC, NULL, NULL, k_close },
   { 'L', NULL, NULL, k_close },
};

static void life_close(View *v) {
   LifeState *L = state(v);
   clear_rows(L);
   free(L->rows);
   view_free(v);
}

static const ViewOps life_ops = {
   .name = "life",
   .draw = life_draw,
   .status = life_status,
   .close = life_close,
   .keys = life_keys,
   .key_count = sizeof life_keys / sizeof life_keys[0],
   .text = life_text,
};

void view_hex_life(View *v) {
   View *life = view_new(v->ui, &life_ops, sizeof(LifeState));
   if (!life) {
      session_message(view_hex_session(v), true, "%s", _("out of memory"));
      return;
   }
   ui_push(v->ui, life);
}
