/* recovery.h - where flush journals live, and replaying them on open.
 *
 * Journals live in $XDG_STATE_HOME/mapscope/ (by default
 * ~/.local/state/mapscope/), named DEV:INODE.journal after the object.
 * Whatever opens a source calls recovery_run() (or, on the screen,
 * recovery_replay()) right after source_open(), so an interrupted flush is
 * rolled back before anything looks at the object.
 *
 * recovery.c prints nothing (the library holds it, for the session);
 * recovery_run.c, in the program, says what happened on stderr. */
#ifndef MAPSCOPE_RECOVERY_H
#define MAPSCOPE_RECOVERY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/source.h"

/* The journal directory, malloc'd; NULL when neither XDG_STATE_HOME nor
 * HOME says where it is. */
char *recovery_journal_dir(void);

/* Replay or remove a journal left for SRC.  MSG (N bytes) receives one
 * translated line saying what happened, names escaped ("" when there was
 * no journal).  False when a journal could not be dealt with: it is kept,
 * and MSG says why. */
bool recovery_replay(Source *src, char *msg, size_t n);

/* recovery_replay(), then the message on stderr as
 * "mapscope: SOURCE: MESSAGE".  The caller goes on either way. */
void recovery_run(Source *src);

#endif
