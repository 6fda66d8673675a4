/* recovery.c - finding and replaying the journal of an interrupted flush. */
#include "config.h"

#include "app/recovery.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/journal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *join(const char *a, const char *b) {
   size_t n = strlen(a) + strlen(b) + 1;
   char *s = malloc(n);
   if (s)
      snprintf(s, n, "%s%s", a, b);
   return s;
}

char *recovery_journal_dir(void) {
   const char *state = getenv("XDG_STATE_HOME");
   if (state && state[0] == '/')     /* relative values are to be ignored */
      return join(state, "/mapscope");
   const char *home = getenv("HOME");
   if (home && home[0] == '/')
      return join(home, "/.local/state/mapscope");
   return NULL;
}

static void describe(const JournalReplay *r, char *msg, size_t n) {
   char *path = escape_dup(r->path ? r->path : "");
   switch (r->outcome) {
   case JOURNAL_ROLLED_BACK:
      snprintf(msg, n, ngettext("rolled back an interrupted flush: %llu byte restored from %s",
                                "rolled back an interrupted flush: %llu bytes restored from %s",
                                (unsigned long)r->bytes),
               (unsigned long long)r->bytes, path);
      break;
   case JOURNAL_TORN:
      snprintf(msg, n, _("removed the incomplete journal %s of an interrupted flush; "
                         "the object had not been changed"), path);
      break;
   case JOURNAL_STALE:
      snprintf(msg, n, _("removed the journal %s: it no longer matches the object, "
                         "which was not changed"), path);
      break;
   case JOURNAL_BUSY:
      snprintf(msg, n, _("another process is flushing the object now (journal %s); "
                         "its journal was left alone"), path);
      break;
   case JOURNAL_NONE:
   default:
      msg[0] = '\0';
      break;
   }
   free(path);
}

bool recovery_replay(Source *src, char *msg, size_t n) {
   msg[0] = '\0';
   if (!source_can(src, SOURCE_CAN_JOURNAL))
      return true;
   char *dir = recovery_journal_dir();
   if (!dir)
      return true;
   JournalReplay r;
   Error e;
   bool good = journal_replay(dir, src, &r, &e);
   if (good) {
      describe(&r, msg, n);
   } else {
      const char *why = e.detail[0] ? e.detail : strerror(e.sys_errno);
      char *safe = escape_dup(why);
      snprintf(msg, n, "%s (%s)", _(error_message(e.code)), safe);
      free(safe);
   }
   free(r.path);
   free(dir);
   return good;
}
