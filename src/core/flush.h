/* flush.h - writing copy-on-write edits to the object, all or nothing.
 *
 * msync() on a MAP_PRIVATE mapping writes nothing back, so a flush writes
 * the modified bytes itself:
 *
 *   1. open the object again for writing (a block device with O_EXCL,
 *      unless forced: refused while it is mounted, held or claimed, and
 *      nobody can mount it while that descriptor, the one written through,
 *      stays open: core/source_busy.h), take its lock (core/journal.h),
 *      stat it under the lock and refuse (unless forced) when it changed
 *      since editing began: replaced (inode), resized, or modified (mtime);
 *      refuse even when forced if it is too short for the edits;
 *   2. make the journal's name free (a foreign or unfit file there is moved
 *      aside and reported in FlushReport.set_aside; the journal of another
 *      interrupted flush is refused: roll it back first), read the bytes
 *      about to be replaced and write them, with the new ones, to the
 *      journal; fsync it and its directory;
 *   3. stat the object again and refuse when it shrank (nothing written);
 *      pwrite the modified bytes, a page at a time, then fsync the object;
 *   4. remove the journal (the commit point), unlock, drop the edits.
 *
 * A crash before 4 leaves a journal that a writing open (--recover, a
 * flush of the CLI, :recover) replays, so the object is all old or all new.
 * A failed write (ENOSPC, EIO, EROFS ...) writes the old bytes back at once,
 * keeps every edit, and reports the error; the baseline of the edits then
 * becomes the restored object (its mtime changed, its bytes did not), so a
 * plain retry works.  If even the restore fails, the journal stays.
 * Messages never promise that the edits are kept: only the caller knows
 * (the screen keeps them; the command line exits). */
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
   bool force;                /* write even when the object changed, or to a
                                 block device that is mounted or held */
   /* Called at each stage (a test hook: crash tests kill the process here). */
   void (*checkpoint)(void *ctx, FlushStage stage);
   void *checkpoint_ctx;
   /* How the user forces a flush, for the message that refuses one
    * ("--force" when NULL; the screen says ":flush!"). */
   const char *force_hint;
   /* How the user rolls back a flush left half-written, for the message
    * that says so ("mapscope --recover SOURCE" when NULL; the screen says
    * ":recover"). */
   const char *recover_hint;
} FlushOptions;

typedef struct {
   uint64_t bytes;            /* modified bytes written */
   uint64_t pages;            /* pages they lie in */
   uint64_t runs;             /* contiguous runs */
   uint64_t journal_bytes;    /* size of the journal written */
   bool replaced;             /* forced onto an object that replaced the old one */
   char set_aside[512];       /* a file at the journal's name moved here ("" if none) */
   char set_aside_why[256];   /* what was wrong with it */
   bool set_aside_stranger;   /* it was a journal written for another file that had
                                 the object's device and inode (JOURNAL_STRANGER) */
} FlushReport;

/* What a flush of ES would write now. */
void flush_plan(const EditSet *es, FlushReport *r);

/* Flush ES.  On success the edits are gone and the private windows
 * unmapped (the object now holds the bytes); on failure every edit is kept. */
bool flush_commit(EditSet *es, const FlushOptions *fo, FlushReport *r, Error *e);

#endif
