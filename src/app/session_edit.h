/* session_edit.h - the session's copy-on-write edits, below the screen.
 *
 * The session owns one EditSet (core/edits.h) over its source.  These calls
 * are what the screen's edit keys and commands do: each one carries out
 * the edit, undo, redo, flush or discard and leaves a message in the
 * session saying how it went (or why it was refused).  No curses here. */
#ifndef MAPSCOPE_SESSION_EDIT_H
#define MAPSCOPE_SESSION_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/session.h"

/* Look (read-only) for the journal of an interrupted flush and say on the
 * status line that the object is half-written, then make the edit set.
 * Called by session_open(). */
bool session_edit_start(Session *s, bool allow_others, Error *e);
void session_edit_stop(Session *s);

/* May the object be edited?  If not, the message says why. */
bool session_edit_writable(Session *s);
/* Set the byte at OFF to B; MERGE makes typing one undo step per run. */
bool session_edit_byte(Session *s, uint64_t off, unsigned char b, bool merge);
/* Replace the LEN bytes at OFF with BYTES, one undo step (a value typed
 * into the data inspector).  Refused with a message when they would run
 * past the end of the object. */
bool session_edit_bytes(Session *s, uint64_t off, const unsigned char *bytes, size_t len);
/* Set the high (HIGH) or low nibble of the byte at OFF to DIGIT (0-15). */
bool session_edit_nibble(Session *s, uint64_t off, bool high, unsigned digit);

bool session_edit_undo(Session *s);
bool session_edit_redo(Session *s);
void session_edit_discard(Session *s);
/* Write the edits to the object (FORCE: even when it changed on disk, or
 * to a block device that is mounted, held or claimed). */
bool session_edit_flush(Session *s, bool force);

/* :recover: roll back an interrupted flush (the writing open of
 * app/recovery.h); pending edits then compare with the rolled-back object.
 * FORCE (:recover!): even onto a block device that is mounted or held. */
bool session_edit_recover(Session *s, bool force);

/* Whether the object is written in place by a flush, without a journal
 * (another process's memory: core/flush_inplace.h). */
bool session_edit_in_place(const Session *s);

bool session_edit_pending(const Session *s);
bool session_edit_is_modified(const Session *s, uint64_t off);

/* Why quitting asks (edits pending), into OUT (OUTSZ bytes): "N bytes
 * edited and not flushed", and how a flush writes when it keeps no
 * journal.  The screen shows it with the choices, session_edit_choices. */
void session_edit_quit_question(const Session *s, char *out, size_t outsz);
/* The answers to that question: the keys and what each does; the short
 * form is only the keys, for a screen too narrow for the long one. */
extern const char session_edit_choices[];
extern const char session_edit_choices_short[];

/* When edits are pending: what ending now without asking (a signal) drops,
 * for standard error once the screen is gone, into OUT (OUTSZ bytes):
 * "NAME: the edits of N bytes were discarded: nothing was written to it
 * (ended by CAUSE)", NAME escaped.  False (OUT untouched) when there are
 * none. */
bool session_edit_dropped(const Session *s, const char *cause, char *out, size_t outsz);

#endif
