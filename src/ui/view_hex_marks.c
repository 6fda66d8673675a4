/* view_hex_marks.c - marks and jumps in the hex view, as in less and vi:
 * m{a-z,A-Z} remembers the cursor, '{a-z,A-Z} (or `) goes back to it, ''
 * (or ``) goes back to where the last jump (g, G, :goto, a search, a mark)
 * came from.  The
 * marks themselves are the session's (app/session.h). */
#include "config.h"

#include "ui/view_hex.h"
#include "core/gettext.h"

void view_hex_mark_set(View *v) {
   view_hex_state(v)->pending = 'm';
   session_message(view_hex_session(v), false, "%s",
                   _("m: which mark? a-z or A-Z (M shows the mapping pane)"));
}

void view_hex_mark_go(View *v) {
   view_hex_state(v)->pending = '\'';
   session_message(view_hex_session(v), false, "%s",
                   _("': which mark? a-z, A-Z, or ' (where the last jump came from)"));
}

bool view_hex_marks_intercept(View *v, int key) {
   HexState *h = view_hex_state(v);
   Session *s = view_hex_session(v);
   int pending = h->pending;
   if (!pending)
      return false;
   h->pending = 0;
   session_clear_message(s);
   if (key == 27)
      return true;                       /* cancelled */
   if (pending == 'm')
      session_mark_set(s, key);
   else if (key == '\'' || key == '`')
      session_jump_back(s);
   else
      session_mark_go(s, key);
   return true;
}

void view_hex_jump_start(View *v) { view_hex_state(v)->jump_from = view_hex_session(v)->cursor; }
void view_hex_jump_end(View *v) { session_jumped(view_hex_session(v), view_hex_state(v)->jump_from); }
