/* view_tour.c - the tour on the screen (--tour, :tour): one step at a time,
 * its text wrapped to the width; n and p move, q ends the tour (back to
 * the view below when :tour opened it).  The view owns the tour: closing
 * it removes everything the tour made. */
#include "config.h"

#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/view.h"
#include "ui/textscroll.h"
#include "app/tour.h"
#include "core/gettext.h"
#include "core/keyline.h"
#include "core/textwidth.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
   Tour *tour;
   TourText text;
   size_t at;             /* the step shown, 0-based */
   TextScroll scroll;     /* in screen lines of the step's wrapped text */
} TourState;

static TourState *state(View *v) { return v->state; }

static void go(View *v, size_t step) {
   TourState *s = state(v);
   s->at = step;
   s->scroll.first = 0;
   ui_clear_message(v->ui);
   tour_run(s->tour, step, &s->text);
}

/* Lay the text out at COLS from screen line SCROLL (drawing when DRAW);
 * returns the screen lines it takes. */
static int layout(TourState *s, int rows, int cols, bool draw) {
   int line = 0;
   for (size_t i = 0; i < s->text.n; i++) {
      char safe[2048];                /* wrapped as it is drawn */
      const char *m = crt_safe(safe, sizeof safe, s->text.lines[i]);
      int indent = 0;
      do {
         size_t next, end = textwidth_wrap(m, (size_t)(cols - indent), &next);
         int y = line - s->scroll.first + 1;
         if (draw && y >= 1 && y < rows) {
            attrset(crt_attr(i == 0 ? CRT_HEADING : CRT_NORMAL));
            crt_put_len(y, indent, m, end, cols - indent);
         }
         line++;
         m += next;
         indent = 4;                  /* a wrapped line's later parts are indented */
      } while (*m && cols > 8);
   }
   attrset(A_NORMAL);
   return line;
}

static void tour_draw(View *v, int rows, int cols) {
   TourState *s = state(v);
   textscroll_fit(&s->scroll, layout(s, rows, cols, false), rows - 1);
   char lead[160], title[512];
   snprintf(lead, sizeof lead, _("mapscope tour (pid %d)"), tour_pid(s->tour));
   const KeyHint keys[] = {          /* q is kept longest, 3g goes first */
      { _("n next"), 4 }, { _("p back"), 3 }, { _("3g step 3"), 1 },
      { _("j k scroll"), 2 }, { _("q ends it"), 5 },
   };
   keyline_build(title, sizeof title, lead, keys, sizeof keys / sizeof keys[0], (size_t)cols,
                 crt_ellipsis());
   attrset(crt_attr(CRT_TITLE));
   crt_put(0, 0, title, cols);
   attrset(A_NORMAL);
   layout(s, rows, cols, true);
}

static void tour_status(View *v, char *out, size_t outsz) {
   TourState *s = state(v);
   bool more = s->scroll.first < s->scroll.lines - s->scroll.rows;
   snprintf(out, outsz, more ? _("more below (j)  step %zu/%d ") : _("step %zu/%d "), s->at + 1,
            TOUR_STEPS);
}

static void k_quit(View *v) {
   if (v->below)
      ui_pop(v->ui);               /* :tour: back to what was there */
   else
      ui_request_quit(v->ui);
}

static void k_next(View *v) {
   if (state(v)->at + 1 < TOUR_STEPS)
      go(v, state(v)->at + 1);
   else
      k_quit(v);                   /* past the last step: the end */
}

static void k_prev(View *v) {
   if (state(v)->at > 0)
      go(v, state(v)->at - 1);
}

static void k_goto(View *v) {
   unsigned long n = ui_count(v->ui);
   if (n >= 1 && n <= TOUR_STEPS)
      go(v, (size_t)n - 1);
   else
      ui_message(v->ui, true, _("the tour has steps 1 to %d"), TOUR_STEPS);
}

static TextScroll *tour_text(View *v) { return &state(v)->scroll; }

/* The scrolling keys are the text views' own (textscroll_keys); Space and
 * g here are the tour's (the next step, step N). */
static const KeyBinding tour_keys[] = {
   { 'n', "n", N_("the next step (after the last: the end of the tour)"), k_next },
   { ' ', NULL, NULL, k_next },
   { KEY_RIGHT, NULL, NULL, k_next },
   { 'p', "p", N_("the step before"), k_prev },
   { KEY_LEFT, NULL, NULL, k_prev },
   { 'g', "g", N_("step N, with N typed first (3g)"), k_goto },
   { 'q', "q", N_("end the tour (its objects are removed)"), k_quit },
};

static CommandStatus cmd_step(void *ctx, const char *args) {
   View *v = ctx;
   char *end;
   if (*args < '0' || *args > '9')     /* strtoul() would take "-18446744073709551615" as 1 */
      return COMMAND_BAD_ARGS;
   unsigned long n = strtoul(args, &end, 10);
   if (*end != '\0' || n < 1 || n > TOUR_STEPS)
      return COMMAND_BAD_ARGS;
   go(v, (size_t)n - 1);
   return COMMAND_OK;
}

static const Command tour_commands[] = {
   { "step", "N", N_("show step N of the tour (1 to 10), making its calls again"), cmd_step },
};

static void tour_close(View *v) {
   TourState *s = state(v);
   tour_text_clear(&s->text);
   tour_free(s->tour);
   view_free(v);
}

static const ViewOps tour_ops = {
   .name = "tour",
   .draw = tour_draw,
   .status = tour_status,
   .close = tour_close,
   .keys = tour_keys,
   .key_count = sizeof tour_keys / sizeof tour_keys[0],
   .commands = tour_commands,
   .command_count = sizeof tour_commands / sizeof tour_commands[0],
   .text = tour_text,
};

View *view_tour_new(Ui *ui, Error *e) {
   const char *what;
   Tour *t = tour_new(e, &what);
   if (!t)
      return NULL;
   View *v = view_new(ui, &tour_ops, sizeof(TourState));
   if (!v) {
      tour_free(t);
      error_set(e, ERR_TOUR, ENOMEM, NULL);
      return NULL;
   }
   state(v)->tour = t;
   go(v, 0);
   char note[256];
   if (tour_sweep_note(t, note, sizeof note))
      ui_message(ui, false, "%s", note);
   return v;
}
