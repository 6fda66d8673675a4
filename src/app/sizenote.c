/* sizenote.c - status messages that describe the screen's size. */
#include "config.h"

#include "app/sizenote.h"

#include <stdio.h>
#include <string.h>

/* The note is what the status line shows now. */
static bool shown(const SizeNote *n, const Session *s) {
   return n->text[0] && strcmp(session_message_text(s), n->text) == 0;
}

void sizenote_holds(SizeNote *n, Session *s, const char *text) {
   if (!n->again && strcmp(n->text, text) == 0)
      return;                                   /* said already, at this size */
   if (session_message_text(s)[0] && s->message_is_error && !shown(n, s))
      return;                                   /* another error first: later */
   snprintf(n->text, sizeof n->text, "%s", text);
   n->again = false;
   session_message(s, true, "%s", n->text);
}

void sizenote_gone(SizeNote *n, Session *s) {
   if (shown(n, s))
      session_clear_message(s);
   n->text[0] = '\0';
   n->again = false;
}

void sizenote_again(SizeNote *n) {
   n->again = true;
}
