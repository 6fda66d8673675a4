/* view_messages.c - :messages: every message the status line showed, in
 * full, wrapped to the width (the status line cuts a long one). */
#include "config.h"

#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/view.h"
#include "ui/textscroll.h"
#include "core/gettext.h"
#include "core/textwidth.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
   TextScroll scroll;    /* in screen lines of the wrapped messages */
} MsgState;

static MsgState *state(View *v) { return v->state; }

/* Draw (when DRAW) the messages wrapped at COLS from screen line SCROLL;
 * returns how many screen lines they take. */
static int layout(View *v, int rows, int cols, bool draw) {
   int line = 0;
   for (unsigned i = 0; ui_log(v->ui, i); i++) {
      /* wrapped as it is drawn, whole: an escape is at most 4 bytes a byte */
      size_t size = strlen(ui_log(v->ui, i)) * 4 + 1;
      char *safe = malloc(size);
      if (!safe)
         break;
      const char *m = crt_safe(safe, size, ui_log(v->ui, i));
      int indent = 0;
      do {
         size_t next, end = textwidth_wrap(m, (size_t)(cols - indent), &next);
         int y = line - state(v)->scroll.first + 1;
         if (draw && y >= 1 && y < rows)
            crt_put_len(y, indent, m, end, cols - indent);
         line++;
         m += next;
         indent = 2;                  /* a message's later lines are indented */
      } while (*m && cols > 4);
      free(safe);
   }
   return line;
}

static void msg_draw(View *v, int rows, int cols) {
   MsgState *h = state(v);
   textscroll_fit(&h->scroll, layout(v, rows, cols, false), rows - 1);
   attrset(crt_attr(CRT_HEADING));
   crt_put_cut(0, 0, _("messages, oldest first: q or Esc closes; j k Space PgUp scroll"), cols,
               false);
   attrset(A_NORMAL);
   if (!ui_log(v->ui, 0))
      crt_put(1, 0, _("No message yet."), cols);
   layout(v, rows, cols, true);
}

static TextScroll *msg_text(View *v) { return &state(v)->scroll; }
static void k_close(View *v) { ui_pop(v->ui); }

/* The scrolling keys are the text views' own (textscroll_keys). */
static const KeyBinding msg_keys[] = {
   { 'q', "q", N_("close the messages"), k_close },
   { KEYMAP_ESC, NULL, NULL, k_close },
};

static void msg_close(View *v) {
   free(v->state);
   free(v);
}

static void msg_status(View *v, char *out, size_t outsz) {
   (void)v;
   snprintf(out, outsz, "%s ", _("messages"));
}

static const ViewOps msg_ops = {
   .name = "messages",
   .draw = msg_draw,
   .status = msg_status,
   .close = msg_close,
   .keys = msg_keys,
   .key_count = sizeof msg_keys / sizeof msg_keys[0],
   .text = msg_text,
};

View *view_messages_new(Ui *ui) {
   View *v = calloc(1, sizeof *v);
   MsgState *h = calloc(1, sizeof *h);
   if (!v || !h) {
      free(v);
      free(h);
      return NULL;
   }
   h->scroll.rows = 1;
   h->scroll.first = 1 << 20;        /* the newest first in sight */
   v->ops = &msg_ops;
   v->ui = ui;
   v->state = h;
   return v;
}
