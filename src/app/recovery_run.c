/* recovery_run.c - replaying a flush journal, said on stderr (the program's
 * half of recovery.h: it prints through app/diag.h). */
#include "config.h"

#include "app/recovery.h"
#include "app/diag.h"
#include "core/escape.h"

#include <stdlib.h>

void recovery_run(Source *src) {
   char msg[1024];
   recovery_replay(src, msg, sizeof msg);
   if (msg[0]) {
      char *name = escape_dup(src->spec);
      diag_warn("%s: %s", name, msg);
      free(name);
   }
}
