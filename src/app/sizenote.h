/* sizenote.h - status messages that describe the screen's size.
 *
 * "the mapping pane needs 33 rows and the screen has 27" is true of one
 * size of the terminal only.  A SizeNote is one such message of a session:
 * each draw says whether its condition holds at the size drawn, and with
 * what text (its numbers).  The text goes to the status line (as an error)
 * once when the condition starts to hold or its text changes (a resize that
 * still does not fit), never at every draw; it is taken back from the
 * status line when the condition stops holding (a resize that fits, the
 * pane hidden), unless another message has taken its place meanwhile.
 * An error message shown when the note is due is not overwritten: the
 * note waits until it is gone.  No allocation, no output. */
#ifndef MAPSCOPE_SIZENOTE_H
#define MAPSCOPE_SIZENOTE_H

#include "app/session.h"

typedef struct {
   char text[256];           /* what the note put on the status line, "" when nothing */
   bool again;               /* say it even if TEXT is the same */
} SizeNote;

/* The condition holds now and TEXT says it. */
void sizenote_holds(SizeNote *n, Session *s, const char *text);
/* It does not hold (any more): take the note back if it is still shown. */
void sizenote_gone(SizeNote *n, Session *s);
/* Say it again the next time it holds (the user asked again: M). */
void sizenote_again(SizeNote *n);

#endif
