/* pickmsg.c - the messages of a word that picks no name, or several. */
#include "config.h"

#include "app/pickmsg.h"
#include "app/diag.h"
#include "core/escape.h"
#include "core/gettext.h"

#include <stdio.h>
#include <stdlib.h>

void pickmsg_explain(const NameSet *s, PickNoun noun, NamePick r, const char *word, size_t len,
                     PickMsg *m) {
   char names[400];
   if (r == NAMEPICK_AMBIGUOUS) {
      namepick_candidates(s, word, len, names, sizeof names);
      snprintf(m->what, sizeof m->what, "%s",
               noun == PICK_KIND ? _("ambiguous kind name") : _("ambiguous column name"));
      snprintf(m->why, sizeof m->why, _("possibilities: %s"), names);
      return;
   }
   namepick_all(s, names, sizeof names);
   if (noun == PICK_KIND) {
      snprintf(m->what, sizeof m->what, "%s", _("unknown kind"));
      snprintf(m->why, sizeof m->why, _("one of %s"), names);
   } else {
      snprintf(m->what, sizeof m->what, "%s", _("no such column"));
      snprintf(m->why, sizeof m->why, "%s", names);
   }
}

/* WORD's LEN bytes as text: cut with an ellipsis past 64 bytes. */
static void word_text(const char *word, size_t len, char *buf, size_t size) {
   if (len > 64)
      snprintf(buf, size, "%.64s...", word);
   else
      snprintf(buf, size, "%.*s", (int)len, word);
}

void pickmsg_format(char *buf, size_t size, const char *subject, const char *word, size_t len,
                    const PickMsg *m) {
   char text[80];
   word_text(word, len, text, sizeof text);
   char *safe = escape_dup(text);
   snprintf(buf, size, "%s '%s': %s (%s)", subject, safe ? safe : "?", m->what, m->why);
   free(safe);
}

int pickmsg_usage(const char *subject, const char *word, size_t len, const PickMsg *m) {
   char text[80];
   word_text(word, len, text, sizeof text);
   return diag_bad_value(subject, text, m->what, m->why);
}
