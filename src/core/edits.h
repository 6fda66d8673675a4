/* edits.h - copy-on-write edits over a Source, with undo and redo.
 *
 * Each edit is written into a MAP_PRIVATE mapping of the window that holds
 * it (the FILE_MAP_COPY of this platform): the kernel copies the page on the
 * first write and the object itself stays untouched.  The windows are a
 * fixed tiling of the object, WINDOW bytes each (a multiple of the
 * granularity), and a window that holds edits stays mapped until the edits
 * are flushed or discarded, so they survive any amount of scrolling.
 *
 * Edits are also kept as byte runs with their old and new bytes: that is
 * what undo, redo, the queries and the flush (core/flush.h) work from, so an
 * object that shrinks under the private mappings cannot lose an edit.
 *
 * A byte is "modified" while an applied edit covers it (even when it was
 * set to the value it had).  Nothing here prints; errors come back in an
 * Error. */
#ifndef MAPSCOPE_EDITS_H
#define MAPSCOPE_EDITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/source.h"
#include "core/window.h"

typedef struct EditSet EditSet;

typedef struct {
   uint64_t granularity;   /* alignment of the private windows (the session's) */
   uint64_t window_size;   /* bytes per private window; rounded up to the granularity */
   bool allow_others;      /* -w: objects of other users, and every kind that
                              says SOURCE_EDIT_NEEDS_W (a process), may be edited */
   bool any_owner;         /* objects of other users may be edited without -w
                              (--xxd -r writes where the user may write, as
                              xxd does; a process still needs -w) */
   bool on_screen;         /* the refusals say "needs mapscope started with -w":
                              the screen has no way to allow it itself */
} EditConfig;

/* A new, empty edit set over SRC (which must outlive it).  NULL when out of
 * memory or the granularity is invalid. */
EditSet *edits_new(Source *src, const EditConfig *cfg);

/* Discard every edit, unmap the private windows, free ES (NULL is fine). */
void edits_free(EditSet *es);

/* May SRC be edited?  The first call decides (and later ones repeat the
 * answer): a kind without a descriptor, an object of another user without
 * allow_others, a kind with SOURCE_EDIT_NEEDS_W (a running process) without
 * allow_others whoever owns it, or one that cannot be opened for writing is refused with
 * ERR_READ_ONLY and a reason.  edits_apply() asks it itself. */
bool edits_writable(EditSet *es, Error *e);

/* Replace LEN bytes at OFFSET with BYTES.  The range must lie inside the
 * object.  With MERGE, an edit that starts inside or right after the last
 * one (and nothing was undone since) extends that run, so typing makes one
 * undo step per run, not per key.  Any redo history is dropped. */
bool edits_apply(EditSet *es, uint64_t offset, const void *bytes, size_t len,
                 bool merge, Error *e);

/* Undo the last applied run / redo the last undone one.  Return false with
 * E->code == ERR_NONE when there is nothing to undo or redo.  *OFFSET and
 * *LEN (either may be NULL) receive the range that changed. */
bool edits_undo(EditSet *es, uint64_t *offset, size_t *len, Error *e);
bool edits_redo(EditSet *es, uint64_t *offset, size_t *len, Error *e);

/* Drop every edit (the private windows are unmapped, so the kernel's copies
 * go away too). */
void edits_discard(EditSet *es);

/* ---- queries ---------------------------------------------------------- */

bool edits_pending(const EditSet *es);
size_t edits_undo_depth(const EditSet *es);
size_t edits_redo_depth(const EditSet *es);

bool edits_is_modified(const EditSet *es, uint64_t offset);

/* The first modified range [*START, *END) that ends after FROM; false when
 * there is none.  Walks the modified bytes in order, for colouring a line
 * or jumping to the next edit. */
bool edits_next_modified(const EditSet *es, uint64_t from, uint64_t *start, uint64_t *end);

uint64_t edits_modified_bytes(const EditSet *es);

/* Pages (of the system page size) that hold modified bytes: what a flush
 * writes. */
uint64_t edits_dirty_pages(const EditSet *es);

/* Pages of the private windows that copy-on-write has copied, as
 * the platform's page flags say (undone edits leave their copies until discard
 * or flush).  Falls back to edits_dirty_pages() when the page map cannot
 * be read. */
uint64_t edits_copied_pages(const EditSet *es);

/* Lay the edited bytes over BUF, which holds the object's LEN bytes at OFF:
 * afterwards BUF holds what the view shows.  The shape of the scanner's
 * overlay callback; CTX is the EditSet. */
void edits_overlay(void *ctx, uint64_t off, unsigned char *buf, size_t len);

/* Lay over BUF (the LEN bytes at OFF) the bytes the object had where the
 * applied edits are, before the first of them: what the edits were made
 * over (a flush without a journal compares the object with it). */
void edits_original(const EditSet *es, uint64_t off, unsigned char *buf, size_t len);

/* Read what the view shows: the object's bytes (read, not mapped) with the
 * edits laid over them. */
bool edits_read(EditSet *es, uint64_t off, void *buf, size_t len, size_t *got, Error *e);

/* The private mapping of the window holding OFFSET, or NULL when no edit
 * has mapped one.  *SPAN (may be NULL) receives its range.  The bytes are
 * mapped memory: read them under platform_guard(). */
const unsigned char *edits_window(const EditSet *es, uint64_t offset, WindowSpan *span);

/* Per page of the NPAGES pages from the page-aligned OFFSET: */
enum {
   EDITS_PAGE_MODIFIED = 1,   /* holds modified bytes */
   EDITS_PAGE_COPIED   = 2    /* copy-on-write has copied it (page map) */
};
void edits_page_states(const EditSet *es, uint64_t offset, size_t npages, unsigned char *states);

/* ---- for the flush ----------------------------------------------------- */

Source *edits_source(const EditSet *es);

/* What the object was when the first pending edit was made. */
const PlatformStat *edits_baseline(const EditSet *es);

/* The object is now ST, its edited bytes as they were (a failed flush
 * restored them): compare later flushes with ST. */
void edits_set_baseline(EditSet *es, const PlatformStat *st);

/* The object was replaced (flush --force): take FD and ST as the source's
 * descriptor and identity, closing the old descriptor. */
void edits_adopt_object(EditSet *es, int fd, const PlatformStat *st);

#endif
