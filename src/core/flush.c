/* flush.c - journal, pwrite, fsync: the edits reach the object. */
#include "config.h"

#include "core/flush.h"
#include "core/flush_inplace.h"
#include "core/journal.h"
#include "core/source_busy.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const stage_names[FLUSH_STAGE_COUNT] = {
   [FLUSH_JOURNAL_SYNCED] = "journal-synced",
   [FLUSH_MID_WRITE]      = "mid-write",
   [FLUSH_OBJECT_SYNCED]  = "object-synced",
};

const char *flush_stage_name(FlushStage stage) {
   return (unsigned)stage < FLUSH_STAGE_COUNT ? stage_names[stage] : "?";
}

void flush_plan(const EditSet *es, FlushReport *r) {
   memset(r, 0, sizeof *r);
   uint64_t s, t;
   for (uint64_t at = 0; edits_next_modified(es, at, &s, &t); at = t)
      r->runs++;
   r->bytes = edits_modified_bytes(es);
   r->pages = edits_dirty_pages(es);
}

/* ---- what is written ------------------------------------------------------ */

typedef struct {
   JournalRun *runs;
   size_t nruns;
   unsigned char *bytes;        /* the old and new bytes of every run */
} Plan;

static void plan_free(Plan *p) {
   free(p->runs);
   free(p->bytes);
}

/* The modified ranges with their new bytes (from the edits) and their old
 * bytes (read from FD now: what the journal must restore). */
static bool plan_build(const EditSet *es, int fd, Plan *p, Error *e) {
   FlushReport r;
   flush_plan(es, &r);
   p->nruns = (size_t)r.runs;
   p->runs = calloc(p->nruns, sizeof *p->runs);
   p->bytes = malloc(2 * (size_t)r.bytes);
   if (!p->runs || !p->bytes) {
      error_set(e, ERR_FLUSH, ENOMEM, NULL);
      return false;
   }
   unsigned char *b = p->bytes;
   uint64_t s, t, at = 0;
   for (size_t i = 0; i < p->nruns && edits_next_modified(es, at, &s, &t); i++, at = t) {
      size_t len = (size_t)(t - s), got = 0;
      int rc = platform_read_at(fd, b, len, s, &got);
      if (rc != 0 || got != len) {
         error_set(e, ERR_FLUSH, rc ? rc : EIO, _("cannot read the bytes to be replaced: %s"),
                   strerror(rc ? rc : EIO));
         return false;
      }
      memset(b + len, 0, len);
      edits_overlay((void *)es, s, b + len, len);
      p->runs[i] = (JournalRun){ s, len, b, b + len };
      b += 2 * len;
   }
   return true;
}

/* ---- has the object changed since editing began? ---------------------------- */

static bool check_unchanged(const EditSet *es, const PlatformStat *now, bool force,
                            const char *hint, Error *e) {
   const PlatformStat *was = edits_baseline(es);
   uint64_t s, t, last = 0;
   for (uint64_t at = 0; edits_next_modified(es, at, &s, &t); at = t)
      last = t;
   if (now->size < last) {
      error_set(e, ERR_CHANGED, 0, ngettext("it is now %llu byte long, too short for the edits",
                                      "it is now %llu bytes long, too short for the edits",
                                      (unsigned long)now->size),
                (unsigned long long)now->size);
      return false;
   }
   if (force)
      return true;
   if (now->dev != was->dev || now->ino != was->ino)
      error_set(e, ERR_CHANGED, 0, _("its name now refers to another object; %s writes to that one"),
                hint);
   else if (now->size != was->size)
      error_set(e, ERR_CHANGED, 0, ngettext("its size changed from %llu to %llu byte; %s writes anyway",
                                      "its size changed from %llu to %llu bytes; %s writes anyway",
                                      (unsigned long)now->size),
                (unsigned long long)was->size, (unsigned long long)now->size, hint);
   else if (now->mtime_sec != was->mtime_sec || now->mtime_nsec != was->mtime_nsec)
      error_set(e, ERR_CHANGED, 0, _("it was modified (mtime); %s writes anyway"), hint);
   else
      return true;
   return false;
}

/* ---- writing, a page at a time ---------------------------------------------- */

typedef struct {
   int fd;
   EditSet *es;
   const Plan *plan;
   const FlushOptions *fo;
   size_t chunks, done;         /* page-sized pieces: all, and written so far */
} Writer;

static void checkpoint(const FlushOptions *fo, FlushStage stage) {
   if (fo->checkpoint)
      fo->checkpoint(fo->checkpoint_ctx, stage);
}

static size_t chunk_len(uint64_t off, uint64_t end) {
   uint64_t page = platform_page_size(), next = (off / page + 1) * page;
   return (size_t)((next < end ? next : end) - off);
}

static size_t count_chunks(const Plan *p) {
   size_t n = 0;
   for (size_t i = 0; i < p->nruns; i++) {
      uint64_t end = p->runs[i].offset + p->runs[i].length;
      for (uint64_t off = p->runs[i].offset; off < end; off += chunk_len(off, end))
         n++;
   }
   return n;
}

/* Write the new bytes of the first LIMIT chunks, or (OLD) the old ones. */
static int write_chunks(Writer *w, bool old, size_t limit) {
   size_t k = 0;
   for (size_t i = 0; i < w->plan->nruns && k < limit; i++) {
      const JournalRun *r = &w->plan->runs[i];
      uint64_t end = r->offset + r->length;
      for (uint64_t off = r->offset; off < end && k < limit; k++) {
         size_t n = chunk_len(off, end), at = (size_t)(off - r->offset);
         int rc = platform_write_at(w->fd, (old ? r->old_bytes : r->new_bytes) + at, n, off);
         if (rc != 0)
            return rc;
         off += n;
         if (!old && ++w->done == (w->chunks + 1) / 2)
            checkpoint(w->fo, FLUSH_MID_WRITE);
      }
   }
   return 0;
}

/* A write or sync failed with ERR: put the old bytes back where new ones
 * went (only there: a hole that was never written needs no space now), and
 * drop the journal if that worked.  The restore changed the object's mtime
 * but not its bytes: the baseline becomes what the object is now, so a
 * plain retry is not refused as "modified". */
static bool undo_partial(Writer *w, const JournalDir *d, const char *name, int err, Error *e) {
   int rc = write_chunks(w, true, w->done);
   if (rc == 0)
      rc = platform_sync(w->fd);
   Error ignored;
   PlatformStat now;
   if (rc == 0 && journal_remove(d, name, &ignored)) {
      if (platform_stat_fd(w->fd, &now) == 0)
         edits_set_baseline(w->es, &now);
      error_set(e, ERR_FLUSH, err, _("%s; the object is unchanged"), strerror(err));
      return false;
   }
   error_set(e, ERR_FLUSH, err, _("%s; the object may be half-written: the journal %s/%s "
             "restores it (%s)"), strerror(err), d->path, name,
             w->fo->recover_hint ? w->fo->recover_hint : _("mapscope --recover SOURCE"));
   return false;
}

static bool write_object(Writer *w, const JournalDir *d, const char *name, Error *e) {
   w->chunks = count_chunks(w->plan);
   int rc = write_chunks(w, false, w->chunks);
   if (rc == 0 && (rc = platform_sync(w->fd)) != 0)
      w->done = w->chunks;        /* the sync failed: all of it may be out there */
   if (rc != 0)
      return undo_partial(w, d, name, rc, e);
   checkpoint(w->fo, FLUSH_OBJECT_SYNCED);
   return true;
}

/* ---- the whole flush ---------------------------------------------------------- */

static bool reopen_for_flush(const EditSet *es, int *fd, PlatformStat *now, Error *e) {
   /* All-or-nothing needs the journal and the lock as well as the write. */
   if (!source_can(edits_source(es), SOURCE_CAN_EDIT | SOURCE_CAN_JOURNAL | SOURCE_CAN_LOCK)) {
      error_set(e, ERR_READ_ONLY, 0, "%s", _("this kind of source cannot be edited"));
      return false;
   }
   if (!source_reopen(edits_source(es), true, fd, now, e)) {
      if (e->code == ERR_OPEN)
         error_set(e, ERR_FLUSH, e->sys_errno, _("cannot open it for writing: %s"),
                   strerror(e->sys_errno));
      return false;
   }
   return true;
}

/* One flush (or journal replay) of an object at a time.  Readers hold the
 * shared lock for a moment: wait a little for them.  NOW: the object as it
 * is once the lock is held. */
static bool lock_object(int fd, PlatformStat *now, Error *e) {
   int rc = platform_lock_wait(fd, 2000);
   if (rc == 0)
      rc = platform_stat_fd(fd, now);
   if (rc == EWOULDBLOCK)
      error_set(e, ERR_FLUSH_REFUSED, rc, "%s", _("another process is flushing or restoring this object "
                                          "(it holds its lock)"));
   else if (rc != 0)
      error_set(e, ERR_FLUSH, rc, _("cannot lock it: %s"), strerror(rc));
   return rc == 0;
}

/* Right before the first byte is written: the object may not have shrunk
 * since the lock was taken (a process that does not lock truncated it). */
static bool still_whole(int fd, const PlatformStat *locked, Error *e) {
   PlatformStat now;
   int rc = platform_stat_fd(fd, &now);
   if (rc != 0) {
      error_set(e, ERR_FLUSH, rc, _("cannot stat it: %s"), strerror(rc));
      return false;
   }
   if (now.size >= locked->size)
      return true;
   error_set(e, ERR_CHANGED, 0, ngettext("it shrank from %llu to %llu byte while it was being flushed; "
                                   "nothing was written",
                                   "it shrank from %llu to %llu bytes while it was being flushed; "
                                   "nothing was written", (unsigned long)now.size), (unsigned long long)locked->size,
             (unsigned long long)now.size);
   return false;
}

/* The journal's directory, checked, and the journal's name made free. */
static bool prepare_journal(const FlushOptions *fo, int fd, const PlatformStat *now,
                            JournalDir *d, char **name, FlushReport *r, Error *e) {
   *name = journal_name(now->dev, now->ino);
   if (!*name) {
      error_set(e, ERR_FLUSH, ENOMEM, NULL);
      return false;
   }
   if (!journal_dir_open(fo->journal_dir, true, d, NULL, e))
      return false;
   JournalReplay claim;
   bool good = journal_claim(d, *name, fd, now, &claim, e);
   if (claim.aside) {
      snprintf(r->set_aside, sizeof r->set_aside, "%s", claim.aside);
      snprintf(r->set_aside_why, sizeof r->set_aside_why, "%s", claim.why);
      r->set_aside_stranger = claim.outcome == JOURNAL_STRANGER;
   }
   journal_replay_free(&claim);
   return good;
}

static bool journal_and_write(EditSet *es, int fd, const PlatformStat *now,
                              const FlushOptions *fo, FlushReport *r, Error *e) {
   Plan plan;
   memset(&plan, 0, sizeof plan);
   JournalDir d = { -1, NULL };
   char *name = NULL;
   /* The identity of the descriptor written: what tells this object from
    * a file that gets its device and inode after it is deleted. */
   JournalId id = { .dev = now->dev, .ino = now->ino, .size = now->size };
   platform_identity(fd, &id.who);
   bool good = prepare_journal(fo, fd, now, &d, &name, r, e) && plan_build(es, fd, &plan, e)
               && journal_write(&d, name, &id, plan.runs, plan.nruns, &r->journal_bytes, e);
   if (good) {
      checkpoint(fo, FLUSH_JOURNAL_SYNCED);
      Writer w = { fd, es, &plan, fo, 0, 0 };
      if (!still_whole(fd, now, e)) {
         Error ignored;
         journal_remove(&d, name, &ignored);
         good = false;
      } else {
         good = write_object(&w, &d, name, e) && journal_remove(&d, name, e);
      }
   }
   plan_free(&plan);
   journal_dir_close(&d);
   free(name);
   return good;
}

bool flush_commit(EditSet *es, const FlushOptions *fo, FlushReport *r, Error *e) {
   flush_plan(es, r);
   if (!edits_pending(es))
      return true;
   if (source_can(edits_source(es), SOURCE_CAN_EDIT) && !source_can(edits_source(es), SOURCE_CAN_JOURNAL))
      return flush_inplace_commit(es, fo, e);
   int fd;
   PlatformStat now;
   if (!reopen_for_flush(es, &fd, &now, e))
      return false;
   /* A block device: FD becomes its exclusive claim, held to the end. */
   if (!source_claim_for_write(&fd, fo->force,
                               fo->force_hint ? fo->force_hint : "--force", ERR_FLUSH_REFUSED, e)) {
      platform_close(fd);
      return false;
   }
   const PlatformStat *was = edits_baseline(es);
   r->replaced = now.dev != was->dev || now.ino != was->ino;
   if (!lock_object(fd, &now, e) || !check_unchanged(es, &now, fo->force,
                        fo->force_hint ? fo->force_hint : "--force", e)
       || !journal_and_write(es, fd, &now, fo, r, e)) {
      platform_close(fd);      /* releases the lock */
      return false;
   }
   platform_unlock(fd);
   edits_discard(es);
   Source *src = edits_source(es);
   if (r->replaced && source_can(src, SOURCE_CAN_EDIT))
      edits_adopt_object(es, fd, &now);
   else
      platform_close(fd);
   Error ignored;
   source_refresh(src, &ignored);
   return true;
}
