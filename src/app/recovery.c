/* recovery.c - finding, checking and replaying the journal of an
 * interrupted flush, said in one line. */
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

typedef struct {
   char *path, *aside, *why, *spec;    /* escaped copies */
} Names;

static void names_make(const JournalReplay *r, const Source *src, Names *m) {
   m->path = escape_dup(r->path ? r->path : "");
   m->aside = escape_dup(r->aside ? r->aside : "");
   m->why = escape_dup(r->why);
   m->spec = escape_dup(src->spec);
}

static void names_free(Names *m) {
   free(m->path);
   free(m->aside);
   free(m->why);
   free(m->spec);
}

/* What a writing open did. */
static void describe_replay(const JournalReplay *r, const Names *m, char *msg, size_t n) {
   switch (r->outcome) {
   case JOURNAL_ROLLED_BACK:
      snprintf(msg, n, ngettext("rolled back an interrupted flush: %llu byte restored from %s",
                                "rolled back an interrupted flush: %llu bytes restored from %s",
                                (unsigned long)r->bytes),
               (unsigned long long)r->bytes, m->path);
      break;
   case JOURNAL_TORN:
      snprintf(msg, n, _("the journal %s is incomplete (cut short or its checksum wrong): "
                         "it was not read, and was moved aside to %s"), m->path, m->aside);
      break;
   case JOURNAL_UNFIT:
      snprintf(msg, n, _("the journal %s does not fit the object (%s): nothing was written, "
                         "the journal was moved aside to %s"), m->path, m->why, m->aside);
      break;
   case JOURNAL_FOREIGN:
      snprintf(msg, n, _("%s is not a journal of ours (%s): it was not read, and was moved "
                         "aside to %s"), m->path, m->why, m->aside);
      break;
   case JOURNAL_STRANGER:
      snprintf(msg, n, _("the journal %s was not written for this object (%s): it was not "
                         "replayed, and was moved aside to %s"), m->path, m->why, m->aside);
      break;
   case JOURNAL_BUSY:
      snprintf(msg, n, _("another process is flushing the object now (journal %s); "
                         "its journal was left alone"), m->path);
      break;
   default:
      msg[0] = '\0';
      break;
   }
}

/* What a read-only open found. */
static void describe_check(const JournalReplay *r, const Names *m, bool screen, char *msg,
                           size_t n) {
   switch (r->outcome) {
   case JOURNAL_HOT:
      if (screen)
         snprintf(msg, n, _("half-written by an interrupted flush: :recover rolls it back "
                            "(journal %s)"), m->path);
      else
         snprintf(msg, n, _("half-written: a flush was interrupted (journal %s); the bytes are "
                            "shown as they are, 'mapscope --recover %s' rolls them back"),
                  m->path, m->spec);
      break;
   case JOURNAL_UNFIT:
      snprintf(msg, n, _("the journal %s of an interrupted flush does not fit the object (%s); "
                         "it is not replayed"), m->path, m->why);
      break;
   case JOURNAL_FOREIGN:
      snprintf(msg, n, _("ignoring %s: it is not a journal of ours (%s)"), m->path, m->why);
      break;
   case JOURNAL_STRANGER:
      snprintf(msg, n, _("ignoring the journal %s: it was not written for this object (%s)"),
               m->path, m->why);
      break;
   case JOURNAL_TORN:
      snprintf(msg, n, _("ignoring the journal %s: it is incomplete (cut short or its "
                         "checksum wrong)"), m->path);
      break;
   default:
      msg[0] = '\0';
      break;
   }
}

static void describe_error(const Error *e, char *msg, size_t n) {
   char *safe = escape_dup(e->detail[0] ? e->detail : strerror(e->sys_errno));
   snprintf(msg, n, "%s (%s)", _(error_message(e->code)), safe);
   free(safe);
}

/* Run the check (REPLAY false) or the replay, and describe it. */
static bool look(Source *src, const JournalForce *how, bool replay, bool screen, char *msg,
                 size_t n, bool *hot) {
   msg[0] = '\0';
   *hot = false;
   char *dir = source_can(src, SOURCE_CAN_JOURNAL) ? recovery_journal_dir() : NULL;
   if (!dir)
      return true;
   JournalReplay r;
   Error e;
   bool good = replay ? journal_replay(dir, src, how, &r, &e) : journal_check(dir, src, &r, &e);
   if (good) {
      Names m;
      names_make(&r, src, &m);
      if (replay)
         describe_replay(&r, &m, msg, n);
      else
         describe_check(&r, &m, screen, msg, n);
      names_free(&m);
      /* check: half-written; replay: set aside, not rolled back */
      *hot = replay ? r.outcome == JOURNAL_UNFIT || r.outcome == JOURNAL_FOREIGN
                         || r.outcome == JOURNAL_TORN || r.outcome == JOURNAL_STRANGER
                    : r.outcome == JOURNAL_HOT;
      good = r.outcome != JOURNAL_BUSY || !replay;
   } else {
      describe_error(&e, msg, n);
   }
   journal_replay_free(&r);
   free(dir);
   return good;
}

bool recovery_check(Source *src, bool screen, char *msg, size_t n) {
   bool hot;
   look(src, NULL, false, screen, msg, n, &hot);
   return hot;
}

bool recovery_replay(Source *src, const JournalForce *how, char *msg, size_t n) {
   bool aside;
   return look(src, how, true, false, msg, n, &aside);
}

bool recovery_replay_aside(Source *src, const JournalForce *how, char *msg, size_t n,
                           bool *aside) {
   return look(src, how, true, false, msg, n, aside);
}
