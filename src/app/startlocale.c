/* startlocale.c - the locale in two steps (startlocale.h). */
#include "config.h"

#include "app/startlocale.h"

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool finished;

static bool set(const char *name) {
   const char *v = getenv(name);
   return v && *v;
}

/* Some category is named on its own (setlocale(3)'s order: LC_ALL first). */
static bool mixed(void) {
   static const char *const vars[] = {
      "LC_CTYPE", "LC_MESSAGES", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY",
      "LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT",
      "LC_IDENTIFICATION",
   };
   if (set("LC_ALL"))
      return false;
   for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
      if (set(vars[i]))
         return true;
   return false;
}

void startlocale_begin(void) {
   if (finished)
      return;
   if (mixed()) {
      setlocale(LC_ALL, "");
      finished = true;
      return;
   }
   if (!setlocale(LC_CTYPE, "") || !setlocale(LC_MESSAGES, "") || !setlocale(LC_NUMERIC, "")) {
      setlocale(LC_ALL, "C");
      finished = true;
   }
}

bool startlocale_finish(void) {
   if (finished)
      return false;
   finished = true;
   if (setlocale(LC_ALL, ""))
      return false;
   setlocale(LC_ALL, "C");
   return true;
}
