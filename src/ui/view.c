/* view.c - what every view shares: its allocation. */
#include "config.h"

#include "ui/view.h"

#include <stdlib.h>

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
