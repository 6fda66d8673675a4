/* journal.c - writing, checking and replaying the rollback journal. */
#include "config.h"

#include "core/journal.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC "MSJRNL01"
#define HEADER_SIZE (8 + 5 * 8)
#define RUN_HEADER 16
#define TRAILER 4

/* ---- CRC-32C ------------------------------------------------------------ */

uint32_t journal_crc32c(uint32_t crc, const void *buf, size_t len) {
   static uint32_t table[256];
   if (table[1] == 0) {
      for (uint32_t i = 0; i < 256; i++) {
         uint32_t c = i;
         for (int k = 0; k < 8; k++)
            c = c & 1 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
         table[i] = c;
      }
   }
   const unsigned char *p = buf;
   crc = ~crc;
   while (len--)
      crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
   return ~crc;
}

/* ---- encoding ------------------------------------------------------------ */

static unsigned char *put_u64(unsigned char *p, uint64_t v) {
   for (int i = 0; i < 8; i++)
      *p++ = (unsigned char)(v >> (8 * i));
   return p;
}

static uint64_t get_u64(const unsigned char *p) {
   uint64_t v = 0;
   for (int i = 7; i >= 0; i--)
      v = v << 8 | p[i];
   return v;
}

static uint32_t get_u32(const unsigned char *p) {
   return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

char *journal_path(const char *dir, uint64_t dev, uint64_t ino) {
   size_t n = strlen(dir) + 64;
   char *path = malloc(n);
   if (path)
      snprintf(path, n, "%s/%llu:%llu.journal", dir, (unsigned long long)dev,
               (unsigned long long)ino);
   return path;
}

/* The whole journal in memory (its size is twice the edited bytes, which
 * are in memory already). */
static unsigned char *encode(const JournalId *id, const JournalRun *runs, size_t nruns,
                             size_t *total) {
   size_t n = HEADER_SIZE + TRAILER;
   for (size_t i = 0; i < nruns; i++)
      n += RUN_HEADER + 2 * runs[i].length;
   unsigned char *buf = malloc(n), *p = buf;
   if (!buf)
      return NULL;
   memcpy(p, MAGIC, 8);
   p = put_u64(p + 8, n);
   p = put_u64(p, id->dev);
   p = put_u64(p, id->ino);
   p = put_u64(p, id->size);
   p = put_u64(p, nruns);
   for (size_t i = 0; i < nruns; i++) {
      p = put_u64(p, runs[i].offset);
      p = put_u64(p, runs[i].length);
      memcpy(p, runs[i].old_bytes, runs[i].length);
      memcpy(p + runs[i].length, runs[i].new_bytes, runs[i].length);
      p += 2 * runs[i].length;
   }
   uint32_t crc = journal_crc32c(0, buf, n - TRAILER);
   for (int i = 0; i < 4; i++)
      *p++ = (unsigned char)(crc >> (8 * i));
   *total = n;
   return buf;
}

static bool journal_failed(const char *path, int err, Error *e) {
   if (err == EEXIST)
      error_set(e, ERR_JOURNAL, err, _("a journal of an interrupted flush exists (%s); "
                                       "open the object again to roll it back"), path);
   else
      error_set(e, ERR_JOURNAL, err, _("cannot write the journal %s: %s"), path, strerror(err));
   return false;
}

bool journal_write(const char *dir, const char *path, const JournalId *id,
                   const JournalRun *runs, size_t nruns, uint64_t *bytes, Error *e) {
   size_t total;
   unsigned char *buf = encode(id, runs, nruns, &total);
   if (!buf)
      return journal_failed(path, ENOMEM, e);
   int fd = -1, rc = platform_make_dirs(dir, 0700);
   if (rc == 0)
      rc = platform_create_excl(path, &fd);
   if (rc != 0) {
      free(buf);
      return journal_failed(path, rc, e);
   }
   rc = platform_write_at(fd, buf, total, 0);
   if (rc == 0)
      rc = platform_sync(fd);
   platform_close(fd);
   free(buf);
   if (rc == 0)
      rc = platform_sync_dir(dir);
   if (rc != 0) {
      platform_remove(path);
      return journal_failed(path, rc, e);
   }
   *bytes = total;
   return true;
}

bool journal_remove(const char *dir, const char *path, Error *e) {
   int rc = platform_remove(path);
   if (rc == 0)
      rc = platform_sync_dir(dir);
   if (rc != 0) {
      error_set(e, ERR_JOURNAL, rc, _("cannot remove the journal %s: %s"), path, strerror(rc));
      return false;
   }
   return true;
}

/* ---- reading and replaying ----------------------------------------------- */

typedef struct {
   unsigned char *buf;
   size_t len;
   JournalId id;
   size_t nruns;
   JournalRun *runs;
} Parsed;

/* Read PATH whole.  *MISSING when there is no journal. */
static bool load(const char *path, Parsed *j, bool *missing, Error *e) {
   int fd;
   PlatformStat st;
   int rc = platform_open_path(path, false, &fd, &st);
   /* A state directory we may not read holds no journal of ours. */
   *missing = rc == ENOENT || rc == ENOTDIR || rc == EACCES;
   if (rc != 0) {
      error_set(e, ERR_JOURNAL, rc, _("cannot read the journal %s: %s"), path, strerror(rc));
      return *missing;
   }
   size_t got = 0;
   j->len = (size_t)st.size;
   j->buf = malloc(j->len ? j->len : 1);
   rc = j->buf ? platform_read_at(fd, j->buf, j->len, 0, &got) : ENOMEM;
   platform_close(fd);
   if (rc == 0 && got != j->len)
      rc = EIO;
   if (rc != 0)
      error_set(e, ERR_JOURNAL, rc, _("cannot read the journal %s: %s"), path, strerror(rc));
   return rc == 0;
}

/* Check the frame and the checksum, then index the runs.  False: torn. */
static bool parse(Parsed *j) {
   if (j->len < HEADER_SIZE + TRAILER || memcmp(j->buf, MAGIC, 8) != 0
       || get_u64(j->buf + 8) != j->len
       || get_u32(j->buf + j->len - TRAILER) != journal_crc32c(0, j->buf, j->len - TRAILER))
      return false;
   j->id.dev = get_u64(j->buf + 16);
   j->id.ino = get_u64(j->buf + 24);
   j->id.size = get_u64(j->buf + 32);
   uint64_t n = get_u64(j->buf + 40);
   if (n > (j->len - HEADER_SIZE) / RUN_HEADER)
      return false;
   j->nruns = (size_t)n;
   j->runs = calloc(j->nruns ? j->nruns : 1, sizeof *j->runs);
   if (!j->runs)
      return false;
   size_t at = HEADER_SIZE, end = j->len - TRAILER;
   for (size_t i = 0; i < j->nruns; i++) {
      if (end - at < RUN_HEADER)
         return false;
      uint64_t off = get_u64(j->buf + at), len = get_u64(j->buf + at + 8);
      at += RUN_HEADER;
      if (len > (end - at) / 2)
         return false;
      j->runs[i] = (JournalRun){ off, (size_t)len, j->buf + at, j->buf + at + len };
      at += 2 * (size_t)len;
   }
   return at == end;
}

/* Does every byte the journal covers hold its old or its new value? */
static bool applies(const Parsed *j, int fd, uint64_t size, Error *e, bool *io_error) {
   *io_error = false;
   if (j->id.size != size)
      return false;
   for (size_t i = 0; i < j->nruns; i++) {
      const JournalRun *r = &j->runs[i];
      unsigned char *now = malloc(r->length ? r->length : 1);
      size_t got = 0;
      int rc = now ? platform_read_at(fd, now, r->length, r->offset, &got) : ENOMEM;
      bool same = rc == 0 && got == r->length;
      for (size_t k = 0; same && k < r->length; k++)
         same = now[k] == r->old_bytes[k] || now[k] == r->new_bytes[k];
      free(now);
      if (rc != 0) {
         error_set(e, ERR_JOURNAL, rc, _("cannot read the object to roll it back: %s"), strerror(rc));
         *io_error = true;
      }
      if (!same)
         return false;
   }
   return true;
}

static bool roll_back(const Parsed *j, int fd, JournalReplay *r, Error *e) {
   int rc = 0;
   for (size_t i = 0; i < j->nruns && rc == 0; i++) {
      rc = platform_write_at(fd, j->runs[i].old_bytes, j->runs[i].length, j->runs[i].offset);
      r->bytes += j->runs[i].length;
   }
   if (rc == 0)
      rc = platform_sync(fd);
   if (rc != 0) {
      error_set(e, ERR_JOURNAL, rc, _("cannot roll back the interrupted flush: %s; the journal is "
                "kept for the next start"), strerror(rc));
      return false;
   }
   r->runs = j->nruns;
   return true;
}

/* A valid journal of SRC: replay it, or find that it no longer applies. */
static bool replay_valid(const Parsed *j, Source *src, JournalReplay *r, Error *e) {
   int fd;
   PlatformStat st;
   if (j->id.dev != src->st.dev || j->id.ino != src->st.ino) {
      r->outcome = JOURNAL_STALE;
      return true;
   }
   if (!source_reopen(src, true, &fd, &st, e)) {
      error_set(e, ERR_JOURNAL, e->sys_errno, _("cannot open the object to roll back an "
                "interrupted flush (journal %s): %s"), r->path, strerror(e->sys_errno));
      return false;
   }
   bool io_error, good = applies(j, fd, st.size, e, &io_error);
   if (!io_error && good && roll_back(j, fd, r, e))
      r->outcome = JOURNAL_ROLLED_BACK;
   else if (!io_error && !good)
      r->outcome = JOURNAL_STALE;
   platform_close(fd);
   return r->outcome != JOURNAL_NONE;
}

static bool replay_failed(const JournalReplay *r, int rc, Error *e) {
   error_set(e, ERR_JOURNAL, rc, _("cannot lock the object to roll back an interrupted flush "
             "(journal %s): %s"), r->path, strerror(rc));
   return false;
}

/* With the object's lock held: the journal is not being written now. */
static bool replay_locked(const char *dir, Parsed *j, Source *src, JournalReplay *r, Error *e) {
   bool good = true;
   if (!parse(j))
      r->outcome = JOURNAL_TORN;
   else
      good = replay_valid(j, src, r, e);
   if (good)
      good = journal_remove(dir, r->path, e);
   if (source_can(src, SOURCE_CAN_LOCK))
      platform_unlock(src->handle);
   if (good)
      good = source_refresh(src, e);
   return good;
}

bool journal_replay(const char *dir, Source *src, JournalReplay *r, Error *e) {
   memset(r, 0, sizeof *r);
   r->path = journal_path(dir, src->st.dev, src->st.ino);
   if (!r->path) {
      error_set(e, ERR_JOURNAL, ENOMEM, NULL);
      return false;
   }
   Parsed j;
   memset(&j, 0, sizeof j);
   bool missing, good = load(r->path, &j, &missing, e);
   if (good && !missing) {
      /* Never replayed without the object's lock: a kind that cannot be
       * locked keeps its journal aside. */
      int rc = source_can(src, SOURCE_CAN_LOCK) ? platform_lock(src->handle) : ENOLCK;
      if (rc == EWOULDBLOCK)
         r->outcome = JOURNAL_BUSY;
      else if (rc != 0)
         good = replay_failed(r, rc, e);
      else
         good = replay_locked(dir, &j, src, r, e);
   }
   free(j.runs);
   free(j.buf);
   return good;
}
