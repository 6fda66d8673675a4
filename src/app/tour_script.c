/* tour_script.c - reading the words of a tour script. */
#include "config.h"

#include "app/tour_script.h"
#include "app/tour.h"
#include "core/gettext.h"

#include <stdlib.h>
#include <string.h>

const char *const tour_script_usage =
   N_("a line says next, prev, step N (1 to 10), quit or @sync PATH");

static const char *skip_blanks(const char *p) {
   while (*p == ' ' || *p == '\t')
      p++;
   return p;
}

/* Does the word at P equal WORD, followed by blanks or the end? *REST
 * gets what follows the blanks. */
static bool word_is(const char *p, const char *word, const char **rest) {
   size_t n = strlen(word);
   if (strncmp(p, word, n) != 0 || (p[n] && p[n] != ' ' && p[n] != '\t'))
      return false;
   *rest = skip_blanks(p + n);
   return true;
}

static TourCmd bad(const char *why) {
   TourCmd c = { .kind = TOUR_CMD_BAD, .why = why };
   return c;
}

static TourCmd step_number(const char *p) {
   char *end;
   if (*p < '0' || *p > '9')
      return bad(N_("step needs a number from 1 to 10"));
   unsigned long n = strtoul(p, &end, 10);
   if (*skip_blanks(end) != '\0' || n < 1 || n > TOUR_STEPS)
      return bad(N_("step needs a number from 1 to 10"));
   TourCmd c = { .kind = TOUR_CMD_STEP, .step = (size_t)n - 1 };
   return c;
}

/* A word alone on its line. */
static TourCmd alone(TourCmdKind kind, const char *rest) {
   if (*rest)
      return bad(N_("this command takes nothing after it"));
   TourCmd c = { .kind = kind };
   return c;
}

TourCmd tour_script_parse(const char *line) {
   const char *p = skip_blanks(line), *rest;
   TourCmd none = { .kind = TOUR_CMD_NONE };
   if (*p == '\0' || *p == '#')
      return none;
   if (word_is(p, "next", &rest))
      return alone(TOUR_CMD_NEXT, rest);
   if (word_is(p, "prev", &rest))
      return alone(TOUR_CMD_PREV, rest);
   if (word_is(p, "quit", &rest))
      return alone(TOUR_CMD_QUIT, rest);
   if (word_is(p, "step", &rest))
      return step_number(rest);
   if (*p >= '0' && *p <= '9')
      return step_number(p);
   if (word_is(p, "@sync", &rest)) {
      if (!*rest)
         return bad(N_("@sync needs a PATH"));
      TourCmd c = { .kind = TOUR_CMD_SYNC, .path = rest };
      return c;
   }
   return bad(N_("unknown command"));
}

TourCmd tour_script_line(const char *line, const char *flaw) {
   return flaw ? bad(flaw) : tour_script_parse(line);
}
