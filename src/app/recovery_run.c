/* recovery_run.c - checking or replaying a flush journal, said on stderr
 * (the program's half of recovery.h: it prints through app/diag.h). */
#include "config.h"

#include "app/recovery.h"
#include "app/diag.h"
#include "core/escape.h"

#include <stdlib.h>

static void say(const Source *src, const char *msg) {
   if (!msg[0])
      return;
   char *name = escape_dup(src->spec);
   diag_warn("%s: %s", name, msg);
   free(name);
}

void recovery_warn(Source *src) {
   char msg[1024];
   recovery_check(src, false, msg, sizeof msg);
   say(src, msg);
}

bool recovery_run(Source *src, bool force) {
   char msg[1024];
   JournalForce how = { force, "--force" };
   bool good = recovery_replay(src, &how, msg, sizeof msg);
   say(src, msg);
   return good;
}
