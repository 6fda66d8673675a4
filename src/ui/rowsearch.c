/* rowsearch.c - searching the rows of a list. */
#include "config.h"

#include "ui/rowsearch.h"
#include "core/gettext.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ROW_TEXT 1024             /* longer than any row is shown */

static bool holds(const char *row, const char *pattern) {
   if (strncmp(pattern, "i:", 2) == 0)
      return strcasestr(row, pattern + 2) != NULL;
   return strstr(row, pattern) != NULL;
}

/* The next row from FROM (not FROM itself) that holds the pattern, going
 * back with BACK; *WRAPPED when the search went round the end.  COUNT when
 * none does. */
static size_t next_row(View *v, const RowSearch *rs, bool back, size_t count, size_t from,
                       RowText text, bool *wrapped) {
   char row[ROW_TEXT];
   for (size_t k = 1; k <= count; k++) {
      size_t i = back ? (from + count - k % count) % count : (from + k) % count;
      text(v, i, row, sizeof row);
      if (holds(row, rs->pattern)) {
         if (back ? i >= from : i <= from)
            *wrapped = true;
         return i;
      }
   }
   return count;
}

static void run(View *v, const RowSearch *rs, bool back, size_t count, size_t *cursor,
                RowText text) {
   unsigned long times = ui_count(v->ui);
   bool wrapped = false;
   size_t at = *cursor < count ? *cursor : 0;
   for (unsigned long n = 0; n < times && count; n++) {
      size_t i = next_row(v, rs, back, count, at, text, &wrapped);
      if (i == count)
         break;
      at = i;
   }
   char row[ROW_TEXT];
   if (!count || (text(v, at, row, sizeof row), !holds(row, rs->pattern))) {
      ui_message(v->ui, true, _("not found: %s"), rs->pattern);
      return;
   }
   *cursor = at;
   if (wrapped)
      ui_message(v->ui, false, "%s", _("search wrapped around"));
   else
      ui_clear_message(v->ui);
}

CommandStatus rowsearch_command(View *v, RowSearch *rs, const char *args, bool backward,
                                size_t count, size_t *cursor, RowText text) {
   if (*args) {
      char *p = strdup(args);
      if (!p) {
         ui_message(v->ui, true, "%s", _("out of memory"));
         return COMMAND_FAILED;
      }
      free(rs->pattern);
      rs->pattern = p;
   } else if (!rs->pattern) {
      ui_message(v->ui, true, "%s", _("no pattern yet: / or ? types one"));
      return COMMAND_FAILED;
   }
   rs->backward = backward;
   run(v, rs, backward, count, cursor, text);
   return COMMAND_OK;
}

void rowsearch_repeat(View *v, RowSearch *rs, bool reverse, size_t count, size_t *cursor,
                      RowText text) {
   if (!rs->pattern) {
      ui_message(v->ui, true, "%s", _("no pattern yet: / or ? types one"));
      return;
   }
   run(v, rs, rs->backward != reverse, count, cursor, text);
}

void rowsearch_free(RowSearch *rs) {
   free(rs->pattern);
   rs->pattern = NULL;
}
