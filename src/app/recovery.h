/* recovery.h - where flush journals live; finding and replaying them.
 *
 * Journals live in $XDG_STATE_HOME/mapscope/ (by default
 * ~/.local/state/mapscope/), named DEV:INODE.journal after the object (and
 * replayed only onto the file whose identity they record); the
 * rules that make one trusted are in core/journal.h.
 *
 * Only writing opens replay: --recover, :recover, and --patch with --flush
 * (before its edits are made), and --xxd -r.  A block device that is
 * mounted, held or claimed is not written unless forced (--force,
 * :recover!).  Every read-only open (--dump, --xxd,
 * --find, --info, --patch without --flush, the screen) only checks, and
 * warns when the object is half-written: it shows the bytes as they are
 * now, which is what a reader without mapscope sees too, and says how to
 * roll them back.
 *
 * recovery.c prints nothing (the library holds it, for the session);
 * recovery_run.c, in the program, says what happened on stderr. */
#ifndef MAPSCOPE_RECOVERY_H
#define MAPSCOPE_RECOVERY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/journal.h"
#include "core/source.h"

/* The journal directory, malloc'd; NULL when neither XDG_STATE_HOME nor
 * HOME says where it is. */
char *recovery_journal_dir(void);

/* Read-only: look at SRC's journal.  MSG (N bytes) receives one translated
 * line, names escaped, when there is something to say ("" otherwise): the
 * object is half-written and how to roll it back (SCREEN: with :recover,
 * else with mapscope --recover), or a file at the journal's name is not
 * trusted.  True when the object is half-written. */
bool recovery_check(Source *src, bool screen, char *msg, size_t n);

/* A writing open: replay, remove or set aside SRC's journal.  MSG as above
 * ("" when there was no journal).  False when a journal could not be dealt
 * with, or another flush is running, or SRC is a block device that is
 * mounted, held or claimed and HOW does not force (NULL: not forced,
 * "--force"): it is kept, and MSG says why. */
bool recovery_replay(Source *src, const JournalForce *how, char *msg, size_t n);
/* The same, and *ASIDE true when what was at the journal's name was set
 * aside (not ours, or not fitting) instead of rolled back: --recover then
 * did not do what was asked. */
bool recovery_replay_aside(Source *src, const JournalForce *how, char *msg, size_t n,
                           bool *aside);

/* recovery_check() or recovery_replay() (FORCE as --force), then the
 * message on stderr as "mapscope: SOURCE: MESSAGE".  recovery_run()
 * returns what the replay did. */
void recovery_warn(Source *src);
bool recovery_run(Source *src, bool force);

#endif
