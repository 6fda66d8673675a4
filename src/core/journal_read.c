/* journal_read.c - looking at what lies at a journal's name, trusting it
 * only when it is ours, and rolling an interrupted flush back (the rules
 * are in core/journal.h). */
#include "config.h"

#include "core/journal.h"
#include "core/journal_format.h"
#include "core/gettext.h"
#include "core/source_busy.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOCK_WAIT_MS 2000

typedef struct {
   unsigned char *buf;
   size_t len;
   JournalId id;
   size_t nruns;
   JournalRun *runs;
} Parsed;

typedef enum { SEEN_NONE, SEEN_TORN, SEEN_FOREIGN, SEEN_STRANGER, SEEN_VALID } Seen;

/* The object a journal is looked for: its device, inode and identity. */
typedef struct {
   uint64_t dev, ino;
   PlatformIdentity who;
} Wanted;

static void wanted_of(int fd, const PlatformStat *st, Wanted *w) {
   w->dev = st->dev;
   w->ino = st->ino;
   platform_identity(fd, &w->who);
}

static void parsed_free(Parsed *j) {
   free(j->runs);
   free(j->buf);
   memset(j, 0, sizeof *j);
}

static Seen foreign(JournalReplay *r, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(r->why, sizeof r->why, fmt, ap);
   va_end(ap);
   return SEEN_FOREIGN;
}

/* ---- is it ours? -------------------------------------------------------------- */

/* What the file's stat says against trusting it (SEEN_NONE: nothing). */
static Seen distrust(const PlatformStat *st, bool is_link, JournalReplay *r) {
   if (is_link)
      return foreign(r, "%s", _("it is a symbolic link"));
   if (st->kind != PLATFORM_KIND_REGULAR)
      return foreign(r, "%s", _("it is not a regular file"));
   if (st->uid != platform_user_id())
      return foreign(r, _("it belongs to uid %lu, not to you"), (unsigned long)st->uid);
   if (st->mode & 022)
      return foreign(r, _("others may write it: mode %04o"), st->mode);
   if (st->size > JOURNAL_MAX_BYTES)
      return foreign(r, ngettext("it is %llu byte long, more than any journal",
                                "it is %llu bytes long, more than any journal",
                                (unsigned long)st->size),
                     (unsigned long long)st->size);
   return SEEN_NONE;
}

/* Open NAME without following links; re-check what the descriptor is. */
static Seen open_trusted(int dfd, const char *name, int *fd, PlatformStat *st, JournalReplay *r) {
   PlatformStat was;
   bool link;
   int rc = platform_stat_in_dir(dfd, name, &was, &link);
   if (rc == ENOENT)
      return SEEN_NONE;
   Seen s = rc ? foreign(r, _("it cannot be looked at: %s"), strerror(rc)) : distrust(&was, link, r);
   if (s != SEEN_NONE)
      return s;
   rc = platform_open_in_dir(dfd, name, fd, st);
   if (rc == ENOENT)
      return SEEN_NONE;
   if (rc != 0)
      return rc == ELOOP ? distrust(st, true, r) : foreign(r, _("it cannot be read: %s"), strerror(rc));
   s = distrust(st, false, r);
   if (s == SEEN_NONE && (st->dev != was.dev || st->ino != was.ino))
      s = foreign(r, "%s", _("it was replaced while it was opened"));
   if (s != SEEN_NONE)
      platform_close(*fd);
   return s == SEEN_NONE ? SEEN_VALID : s;
}

/* ---- its header and body ------------------------------------------------------- */

/* A journal of the first format, which did not record which file it was
 * written for: its DEV:INODE may name another file now.  Never replayed. */
static Seen old_format(JournalReplay *r) {
   snprintf(r->why, sizeof r->why, _("it was written by an older mapscope (format %s), which "
            "did not record which file it belongs to: a different file may now have that "
            "device and inode"), JOURNAL_MAGIC_V1);
   return SEEN_STRANGER;
}

/* The header's numbers against the file's size and name (DEV, INO). */
static Seen check_header(const unsigned char *h, size_t have, uint64_t size, uint64_t dev,
                         uint64_t ino, Parsed *j, JournalReplay *r) {
   size_t m = have < 8 ? have : 8;
   if (have >= 8 && memcmp(h, JOURNAL_MAGIC_V1, 8) == 0)
      return old_format(r);
   if (memcmp(h, JOURNAL_MAGIC, m) != 0)
      return foreign(r, "%s", _("it is not a mapscope journal"));
   if (have < JOURNAL_HEADER)
      return SEEN_TORN;
   uint64_t claimed = journal_get_u64(h + 8), nruns = journal_get_u64(h + 40);
   j->id = (JournalId){ .dev = journal_get_u64(h + 16), .ino = journal_get_u64(h + 24),
                        .size = journal_get_u64(h + 32) };
   journal_get_identity(h + 48, &j->id.who);
   if (j->id.dev != dev || j->id.ino != ino)
      return foreign(r, _("its header names another object (%llu:%llu)"),
                     (unsigned long long)j->id.dev, (unsigned long long)j->id.ino);
   /* Runs of at least a byte each, old and new bytes of at most the
    * object's size (the bounds keep the sums from overflowing). */
   uint64_t least = JOURNAL_HEADER + JOURNAL_TRAILER;
   uint64_t body = 2 * (j->id.size < JOURNAL_MAX_BYTES ? j->id.size : JOURNAL_MAX_BYTES);
   bool plausible = nruns <= j->id.size && nruns <= JOURNAL_MAX_BYTES / JOURNAL_RUN_HEADER
                    && claimed >= least && claimed <= JOURNAL_MAX_BYTES
                    && claimed <= least + JOURNAL_RUN_HEADER * nruns + body;
   if (!plausible)
      return foreign(r, "%s", _("the numbers in its header cannot be those of a journal"));
   if (size > claimed)
      return foreign(r, "%s", _("it is longer than its header says"));
   j->nruns = (size_t)nruns;
   return size < claimed ? SEEN_TORN : SEEN_VALID;
}

/* The runs, each inside the journal.  False: malformed. */
static bool index_runs(Parsed *j) {
   j->runs = calloc(j->nruns ? j->nruns : 1, sizeof *j->runs);
   if (!j->runs)
      return false;
   size_t at = JOURNAL_HEADER, end = j->len - JOURNAL_TRAILER;
   for (size_t i = 0; i < j->nruns; i++) {
      if (end - at < JOURNAL_RUN_HEADER)
         return false;
      uint64_t off = journal_get_u64(j->buf + at), len = journal_get_u64(j->buf + at + 8);
      at += JOURNAL_RUN_HEADER;
      if (len > (end - at) / 2 || off > UINT64_MAX - len)
         return false;
      j->runs[i] = (JournalRun){ off, (size_t)len, j->buf + at, j->buf + at + len };
      at += 2 * (size_t)len;
   }
   return at == end;
}

/* Read the journal open as FD (size SIZE, at most JOURNAL_MAX_BYTES): its
 * header first, then, when the header vouches for the size, the rest; a
 * whole journal written for another file than OBJ's is a stranger. */
static Seen read_journal(int fd, uint64_t size, const Wanted *obj, Parsed *j,
                         JournalReplay *r, Error *e) {
   unsigned char h[JOURNAL_HEADER];
   size_t got = 0;
   int rc = platform_read_at(fd, h, sizeof h, 0, &got);
   if (rc != 0)
      return foreign(r, _("it cannot be read: %s"), strerror(rc));
   Seen s = check_header(h, got, size, obj->dev, obj->ino, j, r);
   if (s != SEEN_VALID)
      return s;
   j->len = (size_t)size;
   j->buf = malloc(j->len);
   rc = j->buf ? platform_read_at(fd, j->buf, j->len, 0, &got) : ENOMEM;
   if (rc == 0 && got != j->len)
      rc = EIO;
   if (rc != 0) {
      error_set(e, ERR_JOURNAL, rc, _("cannot read the journal %s: %s"), r->path, strerror(rc));
      return (Seen)-1;
   }
   if (journal_get_u32(j->buf + j->len - JOURNAL_TRAILER)
       != journal_crc32c(0, j->buf, j->len - JOURNAL_TRAILER))
      return SEEN_TORN;
   if (!index_runs(j))
      return foreign(r, "%s", _("its runs are malformed"));
   if (journal_identity_differs(&j->id.who, &obj->who, r->why, sizeof r->why))
      return SEEN_STRANGER;
   return SEEN_VALID;
}

/* What is at NAME in DFD, for the object OBJ.  (Seen)-1: an error. */
static Seen examine(int dfd, const char *name, const Wanted *obj, Parsed *j,
                    JournalReplay *r, Error *e) {
   int fd;
   PlatformStat st;
   Seen s = open_trusted(dfd, name, &fd, &st, r);
   if (s != SEEN_VALID)
      return s;
   s = read_journal(fd, st.size, obj, j, r, e);
   platform_close(fd);
   return s;
}

/* ---- does it fit the object? --------------------------------------------------- */

/* Every run inside the object (SIZE bytes now), every byte old or new. */
static bool fits(const Parsed *j, int fd, uint64_t size, JournalReplay *r, bool *io_error,
                 Error *e) {
   *io_error = false;
   for (size_t i = 0; i < j->nruns; i++) {
      const JournalRun *run = &j->runs[i];
      if (run->offset + run->length > size) {
         foreign(r, ngettext("the object, now %llu byte, is too short for it",
                               "the object, now %llu bytes, is too short for it",
                               (unsigned long)size), (unsigned long long)size);
         return false;
      }
      unsigned char *now = malloc(run->length ? run->length : 1);
      size_t got = 0;
      int rc = now ? platform_read_at(fd, now, run->length, run->offset, &got) : ENOMEM;
      bool same = rc == 0 && got == run->length;
      for (size_t k = 0; same && k < run->length; k++)
         same = now[k] == run->old_bytes[k] || now[k] == run->new_bytes[k];
      free(now);
      if (rc != 0) {
         error_set(e, ERR_JOURNAL, rc, _("cannot read the object to roll it back: %s"), strerror(rc));
         *io_error = true;
         return false;
      }
      if (!same) {
         foreign(r, _("the bytes at 0x%llx hold neither their old nor their new value"),
                 (unsigned long long)run->offset);
         return false;
      }
   }
   return true;
}

static uint64_t covered(const Parsed *j) {
   uint64_t n = 0;
   for (size_t i = 0; i < j->nruns; i++)
      n += j->runs[i].length;
   return n;
}

/* ---- keeping what we cannot explain ------------------------------------------- */

static bool move_aside(int dfd, const char *dir, const char *name, JournalReplay *r, Error *e) {
   size_t n = strlen(name) + 32;
   char *aside = malloc(n);
   int rc = aside ? EEXIST : ENOMEM;
   for (unsigned i = 1; rc == EEXIST && i < 1000; i++) {
      snprintf(aside, n, "%s.aside.%u", name, i);
      rc = platform_rename_in_dir(dfd, name, aside);
   }
   if (rc == 0) {
      platform_sync(dfd);
      r->aside = malloc(strlen(dir) + n + 1);
      if (r->aside)
         sprintf(r->aside, "%s/%s", dir, aside);
   } else {
      error_set(e, ERR_JOURNAL, rc, _("the journal %s (%s) cannot be moved aside: %s; "
                "move or remove it yourself"), r->path, r->why, strerror(rc));
   }
   free(aside);
   return rc == 0;
}

/* A torn journal (cut short, or its checksum wrong) most likely died while
 * it was written, before the object was touched; but that is a guess, and
 * what cannot be explained is never deleted: it is set aside too. */
static bool set_torn_aside(int dfd, const char *dir, const char *name, JournalReplay *r,
                           Error *e) {
   snprintf(r->why, sizeof r->why, "%s", _("it is incomplete: cut short or its checksum wrong"));
   return move_aside(dfd, dir, name, r, e);
}

/* ---- the three entry points ------------------------------------------------------ */

static bool start(const char *dir, const Source *src, JournalReplay *r, char **name, Error *e) {
   memset(r, 0, sizeof *r);
   r->path = journal_path(dir, src->st.dev, src->st.ino);
   *name = journal_name(src->st.dev, src->st.ino);
   if (r->path && *name)
      return true;
   error_set(e, ERR_JOURNAL, ENOMEM, NULL);
   return false;
}

void journal_replay_free(JournalReplay *r) {
   free(r->path);
   free(r->aside);
   r->path = r->aside = NULL;
}

/* Is anything at NAME in DFD?  (No lock is needed to see nothing.) */
static bool present(int dfd, const char *name) {
   PlatformStat st;
   bool link;
   return platform_stat_in_dir(dfd, name, &st, &link) != ENOENT;
}

/* Only a kind that keeps journals and takes the flush's lock has one: a
 * journal is never read or replayed without the object's lock. */
static bool journaled(const Source *src) {
   return source_can(src, SOURCE_CAN_JOURNAL | SOURCE_CAN_LOCK);
}

/* Under the shared lock: classify without changing anything. */
static bool check_locked(int dfd, const char *name, Source *src, JournalReplay *r, Error *e) {
   Parsed j;
   memset(&j, 0, sizeof j);
   Wanted obj;
   wanted_of(src->handle, &src->st, &obj);
   Seen s = examine(dfd, name, &obj, &j, r, e);
   PlatformStat now;
   bool io_error = false;
   if (s == SEEN_VALID && platform_stat_fd(src->handle, &now) == 0) {
      r->outcome = fits(&j, src->handle, now.size, r, &io_error, e) ? JOURNAL_HOT : JOURNAL_UNFIT;
      r->bytes = covered(&j);
      r->runs = j.nruns;
   } else {
      r->outcome = s == SEEN_TORN ? JOURNAL_TORN : s == SEEN_FOREIGN ? JOURNAL_FOREIGN
                   : s == SEEN_STRANGER ? JOURNAL_STRANGER : JOURNAL_NONE;
   }
   parsed_free(&j);
   return s != (Seen)-1 && !io_error;
}

bool journal_check(const char *dir, Source *src, JournalReplay *r, Error *e) {
   char *name;
   int dfd = -1;
   PlatformStat dst;
   bool good = start(dir, src, r, &name, e);
   if (good && journaled(src) && platform_dir_open(dir, false, &dfd, &dst) == 0
       && present(dfd, name)) {
      Error why;
      int rc;
      if (journal_dir_refused(dir, &dst, &why)) {
         r->outcome = JOURNAL_FOREIGN;
         snprintf(r->why, sizeof r->why, "%.*s", (int)sizeof r->why - 1, why.detail);
      } else if ((rc = platform_lock_shared(src->handle)) == EWOULDBLOCK) {
         r->outcome = JOURNAL_BUSY;
      } else if (rc == 0) {
         good = check_locked(dfd, name, src, r, e);
         platform_unlock(src->handle);
      }
   }
   platform_close(dfd);
   free(name);
   return good;
}

static void (*test_hook)(const char *stage);

void journal_set_test_hook(void (*hook)(const char *stage)) {
   test_hook = hook;
}

/* A block device: FD becomes its exclusive claim (source_busy.h), held
 * until the roll-back is over; refused while it is mounted or held. */
static bool claim(const JournalForce *how, const JournalReplay *r, int *fd, Error *e) {
   if (source_claim_for_write(fd, how->force, how->force_hint, ERR_JOURNAL, e))
      return true;
   platform_close(*fd);
   char detail[sizeof e->detail];
   snprintf(detail, sizeof detail, "%s", e->detail);
   error_set(e, ERR_JOURNAL, e->sys_errno, _("cannot roll back an interrupted flush: %s; "
             "nothing was written, the journal %s is kept"), detail, r->path);
   return false;
}

/* A new writable descriptor of SRC, which must be the journal's object
 * (device, inode and identity: the descriptor the journal was checked
 * against is still open, so this holds unless the name was replaced). */
static bool reopen_same(Source *src, const Parsed *j, const JournalForce *how, JournalReplay *r,
                        int *fd, PlatformStat *st, Error *e) {
   if (!source_reopen(src, true, fd, st, e)) {
      error_set(e, ERR_JOURNAL, e->sys_errno, _("cannot open the object to roll back an "
                "interrupted flush (journal %s kept): %s"), r->path, strerror(e->sys_errno));
      return false;
   }
   PlatformIdentity who;
   char why[256];
   platform_identity(*fd, &who);
   if (st->dev == j->id.dev && st->ino == j->id.ino
       && !journal_identity_differs(&j->id.who, &who, why, sizeof why))
      return claim(how, r, fd, e);
   platform_close(*fd);
   error_set(e, ERR_JOURNAL, 0, _("its name now refers to another object than the one the "
             "journal %s belongs to; nothing was written, the journal is kept"), r->path);
   return false;
}

static bool write_old(const Parsed *j, int fd, JournalReplay *r, Error *e) {
   int rc = 0;
   for (size_t i = 0; i < j->nruns && rc == 0; i++)
      rc = platform_write_at(fd, j->runs[i].old_bytes, j->runs[i].length, j->runs[i].offset);
   if (rc == 0)
      rc = platform_sync(fd);
   if (rc != 0) {
      error_set(e, ERR_JOURNAL, rc, _("cannot roll back the interrupted flush: %s; the journal "
                "%s is kept"), strerror(rc), r->path);
      return false;
   }
   r->bytes = covered(j);
   r->runs = j->nruns;
   return true;
}

/* A valid journal, the lock held: roll back when it fits, else set it aside. */
static bool replay_valid(const Parsed *j, Source *src, const JournalForce *how,
                         const JournalDir *d, const char *name, JournalReplay *r, Error *e) {
   int fd;
   PlatformStat st;
   if (test_hook)
      test_hook("recover-locked");
   if (!reopen_same(src, j, how, r, &fd, &st, e))
      return false;
   bool io_error, good;
   if (fits(j, fd, st.size, r, &io_error, e)) {
      good = write_old(j, fd, r, e) && journal_remove(d, name, e);
      r->outcome = JOURNAL_ROLLED_BACK;
   } else {
      good = !io_error && move_aside(d->fd, d->path, name, r, e);
      r->outcome = JOURNAL_UNFIT;
   }
   platform_close(fd);
   return good;
}

/* With the object's lock held: the journal is not being written now. */
static bool replay_locked(const JournalDir *d, const char *name, Source *src,
                          const JournalForce *how, JournalReplay *r, Error *e) {
   Parsed j;
   memset(&j, 0, sizeof j);
   bool good = true;
   Wanted obj;
   wanted_of(src->handle, &src->st, &obj);
   switch (examine(d->fd, name, &obj, &j, r, e)) {
   case SEEN_NONE:
      break;
   case SEEN_TORN:
      r->outcome = JOURNAL_TORN;
      good = set_torn_aside(d->fd, d->path, name, r, e);
      break;
   case SEEN_FOREIGN:
      r->outcome = JOURNAL_FOREIGN;
      good = move_aside(d->fd, d->path, name, r, e);
      break;
   case SEEN_STRANGER:
      r->outcome = JOURNAL_STRANGER;
      good = move_aside(d->fd, d->path, name, r, e);
      break;
   case SEEN_VALID:
      good = replay_valid(&j, src, how, d, name, r, e);
      break;
   default:
      good = false;
   }
   parsed_free(&j);
   return good;
}

static bool lock_failed(const JournalReplay *r, int rc, Error *e) {
   error_set(e, ERR_JOURNAL, rc, _("cannot lock the object to roll back an interrupted flush "
             "(journal %s): %s"), r->path, strerror(rc));
   return false;
}

/* Something is at the journal's name: lock first, then read it. */
static bool replay_present(const JournalDir *d, const char *name, Source *src,
                           const JournalForce *how, JournalReplay *r, Error *e) {
   int rc = platform_lock_wait(src->handle, LOCK_WAIT_MS);
   if (rc == EWOULDBLOCK) {
      r->outcome = JOURNAL_BUSY;
      return true;
   }
   if (rc != 0)
      return lock_failed(r, rc, e);
   bool good = replay_locked(d, name, src, how, r, e);
   platform_unlock(src->handle);
   Error ignored;
   if (good && r->outcome == JOURNAL_ROLLED_BACK)
      source_refresh(src, &ignored);
   return good;
}

bool journal_replay(const char *dir, Source *src, const JournalForce *how, JournalReplay *r,
                    Error *e) {
   static const JournalForce unforced = { false, "--force" };
   if (!how)
      how = &unforced;
   char *name = NULL;
   JournalDir d = { -1, NULL };
   bool missing = true;
   bool good = start(dir, src, r, &name, e);
   if (good && journaled(src))
      good = journal_dir_open(dir, false, &d, &missing, e);
   if (good && !missing && present(d.fd, name))
      good = replay_present(&d, name, src, how, r, e);
   journal_dir_close(&d);
   free(name);
   return good;
}

bool journal_claim(const JournalDir *d, const char *name, int fd, const PlatformStat *st,
                   JournalReplay *r, Error *e) {
   Parsed j;
   memset(&j, 0, sizeof j);
   memset(r, 0, sizeof *r);
   r->path = journal_path(d->path, st->dev, st->ino);
   bool io_error = false, good = r->path != NULL;
   Wanted obj;
   wanted_of(fd, st, &obj);
   switch (good ? examine(d->fd, name, &obj, &j, r, e) : (Seen)-1) {
   case SEEN_NONE:
      break;
   case SEEN_TORN:
      r->outcome = JOURNAL_TORN;
      good = set_torn_aside(d->fd, d->path, name, r, e);
      break;
   case SEEN_FOREIGN:
      r->outcome = JOURNAL_FOREIGN;
      good = move_aside(d->fd, d->path, name, r, e);
      break;
   case SEEN_STRANGER:
      r->outcome = JOURNAL_STRANGER;
      good = move_aside(d->fd, d->path, name, r, e);
      break;
   case SEEN_VALID:
      r->outcome = fits(&j, fd, st->size, r, &io_error, e) ? JOURNAL_HOT : JOURNAL_UNFIT;
      good = !io_error && r->outcome == JOURNAL_UNFIT && move_aside(d->fd, d->path, name, r, e);
      if (r->outcome == JOURNAL_HOT)
         error_set(e, ERR_JOURNAL, EEXIST, _("an interrupted flush left the journal %s: roll it "
                   "back first (mapscope --recover SOURCE, or :recover on the screen)"), r->path);
      break;
   default:
      if (!r->path)
         error_set(e, ERR_JOURNAL, ENOMEM, NULL);
      good = false;
   }
   parsed_free(&j);
   return good;
}
