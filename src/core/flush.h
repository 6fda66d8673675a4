/* flush.h - writing copy-on-write edits to the object, all or nothing.
 *
 * msync() on a MAP_PRIVATE mapping writes nothing back, so a flush writes
 * the modified bytes itself:
 *
 *   1. open the object again for writing and refuse (unless forced) when it
 *      changed since editing began: replaced (inode), resized, or modified
 *      (mtime);
 *   2. read the bytes about to be replaced and write them, with the new
 *      ones, to a rollback journal (core/journal.h); fsync it and its
 *      directory;
 *   3. pwrite the modified bytes, a page at a time, then fsync the object;
 *   4. remove the journal (the commit point) and drop the edits.
 *
 * A crash before 4 leaves a journal that the next open replays, so the
 * object is all old or all new.  A failed write (ENOSPC, EIO, EROFS ...)
 * writes the old bytes back at once, keeps every edit, and reports the
 * error; if even that fails, the journal stays for the next open. */
#ifndef MAPSCOPE_FLUSH_H
#define MAPSCOPE_FLUSH_H

#include <stdbool.h>
#include <stdint.h>

#include "core/edits.h"
#include "core/error.h"

typedef enum {
   FLUSH_JOURNAL_SYNCED,   /* the journal is durable; the object untouched */
   FLUSH_MID_WRITE,        /* about half of the pages are written */
   FLUSH_OBJECT_SYNCED,    /* the object is synced; the journal still there */
   FLUSH_STAGE_COUNT
} FlushStage;

/* "journal-synced", "mid-write", "object-synced". */
const char *flush_stage_name(FlushStage stage);

typedef struct {
   const char *journal_dir;   /* where the journal goes (created if missing) */
   bool force;                /* write even when the object changed */
   /* Called at each stage (a test hook: crash tests kill the process here). */
   void (*checkpoint)(void *ctx, FlushStage stage);
   void *checkpoint_ctx;
   /* How the user forces a flush, for the message that refuses one
    * ("--force" when NULL; the screen says ":flush!"). */
   const char *force_hint;
} FlushOptions;

typedef struct {
   uint64_t bytes;            /* modified bytes written */
   uint64_t pages;            /* pages they lie in */
   uint64_t runs;             /* contiguous runs */
   uint64_t journal_bytes;    /* size of the journal written */
   bool replaced;             /* forced onto an object that replaced the old one */
} FlushReport;

/* What a flush of ES would write now. */
void flush_plan(const EditSet *es, FlushReport *r);

/* Flush ES.  On success the edits are gone and the private windows
 * unmapped (the object now holds the bytes); on failure every edit is kept. */
bool flush_commit(EditSet *es, const FlushOptions *fo, FlushReport *r, Error *e);

#endif
