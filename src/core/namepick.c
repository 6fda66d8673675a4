/* namepick.c - choosing one of a table's names by a prefix. */
#include "config.h"

#include "core/namepick.h"

#include <stdio.h>
#include <string.h>

static char fold(char c) {
   return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* WORD (LEN bytes) starts NAME, any case; *WHOLE when it is all of it. */
static bool starts(const char *name, const char *word, size_t len, bool *whole) {
   size_t i = 0;
   if (!name)
      return false;
   for (; i < len; i++)
      if (!name[i] || fold(name[i]) != fold(word[i]))
         return false;
   *whole = name[i] == '\0';
   return true;
}

/* Whether WORD starts name I (in either spelling); *WHOLE as above. */
static bool matches(const NameSet *s, size_t i, const char *word, size_t len, bool *whole) {
   bool w1 = false, w2 = false;
   bool m = starts(s->names[i], word, len, &w1);
   m = (s->alt && starts(s->alt[i], word, len, &w2)) || m;
   *whole = w1 || w2;
   return m;
}

NamePick namepick(const NameSet *s, const char *word, size_t len, size_t *index) {
   size_t found = 0;
   bool whole;
   if (len == 0)
      return NAMEPICK_UNKNOWN;
   for (size_t i = 0; i < s->n; i++)
      if (matches(s, i, word, len, &whole) && whole) {
         *index = i;
         return NAMEPICK_FOUND;
      }
   for (size_t i = 0; i < s->n; i++)
      if (matches(s, i, word, len, &whole) && found++ == 0)
         *index = i;
   return found == 1 ? NAMEPICK_FOUND : found ? NAMEPICK_AMBIGUOUS : NAMEPICK_UNKNOWN;
}

static void join(const NameSet *s, const char *word, size_t len, bool all, char *buf,
                 size_t size) {
   size_t used = 0;
   bool whole;
   if (size)
      buf[0] = '\0';
   for (size_t i = 0; i < s->n && used < size; i++)
      if (all || matches(s, i, word, len, &whole))
         used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
                                  s->names[i]);
}

void namepick_candidates(const NameSet *s, const char *word, size_t len, char *buf, size_t size) {
   join(s, word, len, false, buf, size);
}

void namepick_all(const NameSet *s, char *buf, size_t size) {
   join(s, NULL, 0, true, buf, size);
}
