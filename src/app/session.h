/* session.h - one object under the viewer, without any terminal.
 *
 * The session owns the source, the one mapped window, the cursor and the
 * first offset shown.  The screen tells it how many rows of how many bytes
 * it shows; the session maps exactly the window that covers them (aligned
 * down to the granularity, at least one window size long) and copies the
 * visible bytes out under platform_guard(), so a file that shrinks under
 * the view becomes a message, never SIGBUS.  Everything here is testable
 * without curses. */
#ifndef MAPSCOPE_SESSION_H
#define MAPSCOPE_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/inspect.h"
#include "core/source.h"
#include "core/window.h"

typedef struct {
   uint64_t granularity;     /* 0: the page size */
   uint64_t window_size;     /* 0: one granule */
   const char *offset;       /* -o as typed, or NULL */
   bool magic;               /* look up the libmagic type */
   bool write;               /* -w: edits of other users' objects allowed */
   const PlatformStat *expect; /* the object SPEC must lead to (a listed
                              * one), or NULL for any */
} SessionConfig;

typedef struct {
   bool magic;
   bool write;
} SessionCfgKept;

typedef struct {
   Source *src;
   Window win;               /* the window mapped now (addr NULL: none) */
   uint64_t granularity;
   uint64_t window_size;     /* the smallest window mapped */
   uint64_t known_size;      /* the size the screen was last told about */
   uint64_t cursor;          /* offset of the byte under the cursor */
   uint64_t top;             /* offset of the first byte shown */
   unsigned row_bytes;       /* geometry, set by the screen */
   unsigned rows;
   unsigned long windows_mapped;
   char type[160];           /* libmagic's description ("" until known) */
   InspectJob magic;         /* the lookup of the type, while it runs */
   bool magic_wanted;        /* a lookup is to be started */
   char *message;            /* the status line's message, whole (heap; NULL:
                              * none): read it with session_message_text() */
   bool message_is_error;
   struct EditSet *edits;    /* copy-on-write edits (app/session_edit.h) */
   SessionCfgKept kept;      /* what session_reopen() needs of the config */
   SourceLook name_now;      /* what the name leads to now (source_look_name()),
                              * as last said on the status line */
   /* Marks: 'a'..'z' set with m, and where the last jump came from ('') */
   uint64_t marks[52];       /* a-z, then A-Z: this object's marks */
   uint64_t marks_set;       /* bit i: mark i is set */
   uint64_t jumped_from;
   bool has_jump;
   /* Counts what this session did to the bytes or to which object it
    * shows: a flush, a roll-back, a reload, a reopen.  The live view takes
    * what it shows next as a new start, not as changes others made. */
   unsigned rewritten;
} Session;

/* Open SPEC, refuse an empty object, apply CFG.  On failure E says why and
 * S holds nothing to close. */
bool session_open(Session *s, const char *spec, const SessionConfig *cfg, Error *e);
/* The same for a listed object: SPEC must lead to the object EXPECT
 * describes (source_open_expect); NULL is session_open(). */
bool session_open_expect(Session *s, const char *spec, const SessionConfig *cfg,
                         const PlatformStat *expect, Error *e);
void session_close(Session *s);

void session_message(Session *s, bool is_error, const char *fmt, ...)
   PRINTF_LIKE(3, 4);
void session_clear_message(Session *s);
/* The message the status line shows, "" for none (never NULL). */
const char *session_message_text(const Session *s);
/* E as the status line shows an error: "MESSAGE (REASON)", the reason being
 * E's detail or else its errno's text; "MESSAGE" only when it has neither. */
void session_error(Session *s, const Error *e);

/* The screen shows ROWS rows of ROW_BYTES bytes. */
void session_set_geometry(Session *s, unsigned row_bytes, unsigned rows);

/* Cursor moves: clamped to the object, the view follows the cursor. */
void session_set_cursor(Session *s, uint64_t offset);
void session_move(Session *s, int64_t bytes);
/* Scroll the view and the cursor by ROWS rows (negative: back). */
void session_scroll(Session *s, int64_t rows);
/* Scroll as little as needed so that [OFF, OFF + LEN) is wholly on the
 * screen (its start when it is longer than the screen); the cursor stays. */
void session_show_range(Session *s, uint64_t off, uint64_t len);
/* Put the cursor's row at the top of the screen when it can be. */
void session_center_top(Session *s);

/* The commands behind :goto, :granularity, :window and :reload.  They set
 * the message and return false on bad input. */
bool session_goto(Session *s, const char *expr);
bool session_set_granularity(Session *s, const char *text);
bool session_set_window(Session *s, const char *text);
bool session_reload(Session *s);

/* Look whether the source's name still leads to the object shown (one
 * open and fstat of the name, for kinds opened by name); says so on the
 * status line when that changes.  True when it changed. */
bool session_check_identity(Session *s);

/* Open the object the name refers to now (after `mv new f`, or a shm
 * object removed and made again) in place of the one shown; the cursor
 * stays at its offset (within the new size).  Refused while edits are
 * pending: they belong to the old object. */
bool session_reopen(Session *s);

/* :e! - as session_reopen, the pending edits dropped once the object the
 * name leads to now is open (kept when it cannot be: nothing is lost for
 * nothing); the message says how many edited bytes were dropped. */
bool session_reopen_dropping(Session *s);

/* Marks and jumps (m a, ' a, ''; LETTER a-z or A-Z, each object its
 * own): remember the cursor under LETTER; go to
 * a mark (false with a message when it is not set); note that the cursor
 * jumped away from FROM; go back to where the last jump came from. */
bool session_mark_set(Session *s, int letter);
bool session_mark_go(Session *s, int letter);
void session_jumped(Session *s, uint64_t from);
bool session_jump_back(Session *s);

/* A cheap look at the object's size (one fstat); tells the user when it
 * changed and keeps the cursor and the view inside it.  True if it changed. */
bool session_check_size(Session *s);

/* Copy the visible bytes [top, top + rows*row_bytes), clipped at the end,
 * into BUF (CAP bytes), mapping the window that covers them.  Returns the
 * count; on a fault or a failed map, the message says what happened and
 * the count is 0. */
size_t session_visible(Session *s, unsigned char *buf, size_t cap);
/* The same without the edits laid over (the object's bytes, as the live
 * view compares them); FRESH: read them from the object again, for a kind
 * that reads rather than maps (a mapping shows the object as it is now),
 * only the visible bytes, never the whole window: the cost of a live
 * refresh is the screen's, whatever the object's or the window's size. */
size_t session_visible_raw(Session *s, unsigned char *buf, size_t cap, bool fresh);
/* Lay the pending edits over the N bytes at OFF in BUF. */
void session_overlay(const Session *s, uint64_t off, unsigned char *buf, size_t n);

/* Up to LEN bytes at OFFSET as the view shows them (edits applied), read
 * with the source's read path (a short read near a shrunk end is no
 * fault).  Returns the count: fewer near the end, 0 on an error. */
size_t session_peek(Session *s, uint64_t offset, unsigned char *buf, size_t len);

/* Residency of the current window's pages: up to CAP entries in VEC (1: in
 * memory), *PAGES the window's page count, as the source's kind tells it
 * truthfully (source_residency).  False when nothing is mapped (also when
 * the kind is read, not mapped) and when nothing tells this user the truth
 * (app/mapfacts.h says why). */
bool session_residency(Session *s, unsigned char *vec, size_t cap, size_t *pages);

/* The type lookup runs beside the screen: start it (the screen does once
 * its first screen is drawn, so the lookup never delays it), a descriptor
 * to wait on (-1 when none runs), and the call that collects the answer
 * (waiting up to TIMEOUT_MS). */
void session_magic_start(Session *s);
int session_magic_fd(const Session *s);
void session_magic_collect(Session *s, int timeout_ms);

/* The offset of the last row that can be at the top of the screen. */
uint64_t session_max_top(const Session *s);

#endif
