/* sizenote.c - messages about the screen's size: said once per size, said
 * again with new numbers, taken back when they no longer hold, never over
 * another error and never taking another message away. */
#include "config.h"

#include "app/sizenote.h"
#include "tap.h"

#include <string.h>

int main(void) {
   plan_lazy();
   Session s;
   SizeNote n;
   memset(&s, 0, sizeof s);
   memset(&n, 0, sizeof n);

   sizenote_holds(&n, &s, "needs 33 rows, has 27");
   is_str(session_message_text(&s), "needs 33 rows, has 27", "said when it first holds");
   ok(s.message_is_error, "... as an error");
   session_clear_message(&s);                      /* Esc */
   sizenote_holds(&n, &s, "needs 33 rows, has 27");
   is_str(session_message_text(&s), "", "not said again at the same size");
   sizenote_holds(&n, &s, "needs 33 rows, has 30");
   is_str(session_message_text(&s), "needs 33 rows, has 30", "said again when its numbers change");
   sizenote_gone(&n, &s);
   is_str(session_message_text(&s), "", "taken back when it no longer holds");

   sizenote_holds(&n, &s, "needs 33 rows, has 27");
   session_message(&s, false, "%s", "reloaded");
   sizenote_gone(&n, &s);
   is_str(session_message_text(&s), "reloaded", "another message is not taken away");

   session_message(&s, true, "%s", "not reopened: gone");
   sizenote_holds(&n, &s, "needs 33 rows, has 27");
   is_str(session_message_text(&s), "not reopened: gone", "another error is not overwritten");
   session_clear_message(&s);
   sizenote_holds(&n, &s, "needs 33 rows, has 27");
   is_str(session_message_text(&s), "needs 33 rows, has 27", "... the note waits until it is gone");

   session_clear_message(&s);
   sizenote_again(&n);
   sizenote_holds(&n, &s, "needs 33 rows, has 27");
   is_str(session_message_text(&s), "needs 33 rows, has 27", "said again when asked (M)");
   sizenote_again(&n);
   sizenote_gone(&n, &s);
   is_str(session_message_text(&s), "", "... and still taken back when it no longer holds");
   return done_testing();
}
