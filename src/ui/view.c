/* view.c - what every view shares: its allocation. */
#include "config.h"

#include "ui/view.h"
#include "ui/crt.h"

#include "core/gettext.h"
#include "core/textwidth.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

View *view_new(Ui *ui, const ViewOps *ops, size_t state_size) {
   View *v = calloc(1, sizeof *v);
   void *state = calloc(1, state_size ? state_size : 1);
   if (!v || !state) {
      free(v);
      free(state);
      return NULL;
   }
   v->ops = ops;
   v->ui = ui;
   v->state = state;
   return v;
}

void view_free(View *v) {
   if (!v)
      return;
   free(v->state);
   free(v);
}

/* One line when it fits; else word by word with the size, centred. */
void view_draw_too_small(int rows, int cols) {
   const char *line = _("terminal too small");
   int len = (int)crt_cols(line);
   if (len <= cols) {
      crt_put(rows / 2, (cols - len) / 2, line, cols);
      return;
   }
   char size[32];
   snprintf(size, sizeof size, "%dx%d", COLS, LINES);
   const char *words[] = { _("terminal"), _("too small"), size };
   int n = 3, y = rows > n ? (rows - n) / 2 : 0;
   for (int i = 0; i < n && y + i < rows; i++) {
      len = (int)crt_cols(words[i]);
      int x = cols > len ? (cols - len) / 2 : 0;
      crt_put(y + i, x, words[i], cols - x);
   }
}
