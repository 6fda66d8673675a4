/* journal.c - the journal's format, its directory, writing and removing it
 * (reading, checking and replaying: journal_read.c). */
#include "config.h"

#include "core/journal.h"
#include "core/journal_format.h"
#include "core/gettext.h"
#include "core/values.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

unsigned char *journal_put_u64(unsigned char *p, uint64_t v) {
   for (int i = 0; i < 8; i++)
      *p++ = (unsigned char)(v >> (8 * i));
   return p;
}

uint64_t journal_get_u64(const unsigned char *p) {
   uint64_t v = 0;
   for (int i = 7; i >= 0; i--)
      v = v << 8 | p[i];
   return v;
}

uint32_t journal_get_u32(const unsigned char *p) {
   return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

unsigned char *journal_put_identity(unsigned char *p, const PlatformIdentity *id) {
   p = journal_put_u64(p, id->known);
   p = journal_put_u64(p, (uint64_t)id->btime_sec);
   p = journal_put_u64(p, id->btime_nsec);
   p = journal_put_u64(p, id->generation);
   p = journal_put_u64(p, id->handle_type);
   p = journal_put_u64(p, id->handle_len);
   memset(p, 0, PLATFORM_FILE_HANDLE_MAX);
   memcpy(p, id->handle, id->handle_len <= PLATFORM_FILE_HANDLE_MAX ? id->handle_len : 0);
   return p + PLATFORM_FILE_HANDLE_MAX;
}

/* Numbers out of range (a forged header) come out as "not known". */
void journal_get_identity(const unsigned char *p, PlatformIdentity *id) {
   memset(id, 0, sizeof *id);
   uint64_t known = journal_get_u64(p), nsec = journal_get_u64(p + 16);
   uint64_t gen = journal_get_u64(p + 24), type = journal_get_u64(p + 32);
   uint64_t len = journal_get_u64(p + 40);
   if ((known & PLATFORM_ID_BTIME) && nsec < 1000000000u) {
      id->known |= PLATFORM_ID_BTIME;
      id->btime_sec = (int64_t)journal_get_u64(p + 8);
      id->btime_nsec = (uint32_t)nsec;
   }
   if ((known & PLATFORM_ID_GENERATION) && gen <= UINT32_MAX) {
      id->known |= PLATFORM_ID_GENERATION;
      id->generation = (uint32_t)gen;
   }
   if ((known & PLATFORM_ID_HANDLE) && type <= UINT32_MAX && len <= PLATFORM_FILE_HANDLE_MAX) {
      id->known |= PLATFORM_ID_HANDLE;
      id->handle_type = (uint32_t)type;
      id->handle_len = (uint32_t)len;
      memcpy(id->handle, p + 48, (size_t)len);
   }
}

/* ---- is the object now at DEV:INODE the journal's? ------------------------- */

/* A birth time as "YYYY-MM-DD HH:MM:SS.NNNNNNNNN UTC" (N: 40 bytes). */
static void utc_time(int64_t sec, uint32_t nsec, char *out, size_t n) {
   int64_t days = (sec >= 0 ? sec : sec - 86399) / 86400, rest = sec - days * 86400, y;
   unsigned mo, d;
   values_civil_from_days(days, &y, &mo, &d);
   snprintf(out, n, "%04lld-%02u-%02u %02u:%02u:%02u.%09lu UTC", (long long)y, mo, d,
            (unsigned)(rest / 3600), (unsigned)(rest / 60 % 60), (unsigned)(rest % 60),
            (unsigned long)nsec);
}

static const char *other_file(void) {
   return _("a different file now has that device and inode");
}

bool journal_identity_differs(const PlatformIdentity *was, const PlatformIdentity *now,
                              char *why, size_t n) {
   unsigned both = was->known & now->known;
   if ((both & PLATFORM_ID_BTIME)
       && (was->btime_sec != now->btime_sec || was->btime_nsec != now->btime_nsec))
   {
      char born[48], then[48];
      utc_time(now->btime_sec, now->btime_nsec, born, sizeof born);
      utc_time(was->btime_sec, was->btime_nsec, then, sizeof then);
      snprintf(why, n, _("%s: it was born %s, the journal's file %s"), other_file(), born, then);
   }
   else if ((both & PLATFORM_ID_GENERATION) && was->generation != now->generation)
      snprintf(why, n, _("%s: its inode generation is %lu, the journal's file's was %lu"),
               other_file(), (unsigned long)now->generation, (unsigned long)was->generation);
   else if ((both & PLATFORM_ID_HANDLE)
            && (was->handle_type != now->handle_type || was->handle_len != now->handle_len
                || memcmp(was->handle, now->handle, was->handle_len) != 0))
      snprintf(why, n, _("%s: its file handle differs from the journal's file's"), other_file());
   else if (was->known && !both)
      snprintf(why, n, "%s", _("the file system no longer says which file has that device and "
               "inode, so it cannot be matched with the journal"));
   else if (!was->known && now->known)
      snprintf(why, n, "%s", _("the journal does not say which file it was written for, and "
               "the file system now tells files with that device and inode apart"));
   else
      return false;
   return true;
}

static char *format_name(const char *dir, uint64_t dev, uint64_t ino) {
   size_t n = (dir ? strlen(dir) : 0) + 64;
   char *s = malloc(n);
   if (s)
      snprintf(s, n, "%s%s%llu:%llu.journal", dir ? dir : "", dir ? "/" : "",
               (unsigned long long)dev, (unsigned long long)ino);
   return s;
}

char *journal_path(const char *dir, uint64_t dev, uint64_t ino) {
   return format_name(dir, dev, ino);
}

char *journal_name(uint64_t dev, uint64_t ino) {
   return format_name(NULL, dev, ino);
}

/* ---- the directory ---------------------------------------------------------- */

bool journal_dir_refused(const char *dir, const PlatformStat *st, Error *e) {
   if (st->kind != PLATFORM_KIND_DIRECTORY)
      error_set(e, ERR_JOURNAL, ENOTDIR, _("the journal directory %s is not a directory"), dir);
   else if (st->uid != platform_user_id())
      error_set(e, ERR_JOURNAL, EPERM, _("the journal directory %s belongs to uid %lu, not to "
                "you (uid %lu); set XDG_STATE_HOME to a directory of yours"), dir,
                (unsigned long)st->uid, (unsigned long)platform_user_id());
   else if (st->mode & 022)
      error_set(e, ERR_JOURNAL, EPERM, _("the journal directory %s may be written by others "
                "(mode %04o); chmod go-w it"), dir, st->mode);
   else
      return false;
   return true;
}

bool journal_dir_open(const char *dir, bool create, JournalDir *d, bool *missing, Error *e) {
   PlatformStat st;
   d->fd = -1;
   d->path = NULL;
   if (missing)
      *missing = false;
   char link[512];
   if (platform_sticky_link(dir, link, sizeof link)) {
      error_set(e, ERR_JOURNAL, ELOOP, _("the journal directory %s goes through the symbolic "
                "link %s in a sticky directory anyone may write: refused (anyone could have "
                "made it); set XDG_STATE_HOME to a directory of yours"), dir, link);
      return false;
   }
   int rc = platform_dir_open(dir, create, &d->fd, &st);
   if (rc == ENOENT && !create && missing) {
      *missing = true;
      return true;
   }
   if (rc != 0) {
      error_set(e, ERR_JOURNAL, rc, _("cannot open the journal directory %s: %s"), dir,
                strerror(rc));
      return false;
   }
   d->path = strdup(dir);
   if (!d->path || journal_dir_refused(dir, &st, e)) {
      if (!d->path)
         error_set(e, ERR_JOURNAL, ENOMEM, NULL);
      journal_dir_close(d);
      return false;
   }
   return true;
}

void journal_dir_close(JournalDir *d) {
   platform_close(d->fd);
   free(d->path);
   d->fd = -1;
   d->path = NULL;
}

/* ---- writing ---------------------------------------------------------------- */

/* The whole journal in memory (its size is twice the edited bytes, which
 * are in memory already). */
static unsigned char *encode(const JournalId *id, const JournalRun *runs, size_t nruns,
                             size_t *total) {
   size_t n = JOURNAL_HEADER + JOURNAL_TRAILER;
   for (size_t i = 0; i < nruns; i++)
      n += JOURNAL_RUN_HEADER + 2 * runs[i].length;
   *total = n;
   if (n > JOURNAL_MAX_BYTES)
      return NULL;
   unsigned char *buf = malloc(n), *p = buf;
   if (!buf)
      return NULL;
   memcpy(p, JOURNAL_MAGIC, 8);
   p = journal_put_u64(p + 8, n);
   p = journal_put_u64(p, id->dev);
   p = journal_put_u64(p, id->ino);
   p = journal_put_u64(p, id->size);
   p = journal_put_u64(p, nruns);
   p = journal_put_identity(p, &id->who);
   for (size_t i = 0; i < nruns; i++) {
      p = journal_put_u64(p, runs[i].offset);
      p = journal_put_u64(p, runs[i].length);
      memcpy(p, runs[i].old_bytes, runs[i].length);
      memcpy(p + runs[i].length, runs[i].new_bytes, runs[i].length);
      p += 2 * runs[i].length;
   }
   uint32_t crc = journal_crc32c(0, buf, n - JOURNAL_TRAILER);
   for (int i = 0; i < 4; i++)
      *p++ = (unsigned char)(crc >> (8 * i));
   return buf;
}

static bool write_failed(const JournalDir *d, const char *name, int err, size_t total, Error *e) {
   if (err == EFBIG)
      error_set(e, ERR_JOURNAL, err, ngettext("the edits need a journal of %zu byte, more than the "
                         "%llu a flush may write; flush them in parts",
                         "the edits need a journal of %zu bytes, more than the "
                         "%llu a flush may write; flush them in parts", (unsigned long)total),
                total,
                (unsigned long long)JOURNAL_MAX_BYTES);
   else
      error_set(e, ERR_JOURNAL, err, _("cannot write the journal %s/%s: %s"), d->path, name,
                strerror(err));
   return false;
}

bool journal_write(const JournalDir *d, const char *name, const JournalId *id,
                   const JournalRun *runs, size_t nruns, uint64_t *bytes, Error *e) {
   size_t total;
   unsigned char *buf = encode(id, runs, nruns, &total);
   if (!buf)
      return write_failed(d, name, total > JOURNAL_MAX_BYTES ? EFBIG : ENOMEM, total, e);
   int fd = -1, rc = platform_create_in_dir(d->fd, name, &fd);
   if (rc != 0) {
      free(buf);
      return write_failed(d, name, rc, total, e);
   }
   rc = platform_write_at(fd, buf, total, 0);
   if (rc == 0)
      rc = platform_sync(fd);
   platform_close(fd);
   free(buf);
   if (rc == 0)
      rc = platform_sync(d->fd);
   if (rc != 0 && rc != EINVAL) {
      platform_remove_in_dir(d->fd, name);
      return write_failed(d, name, rc, total, e);
   }
   *bytes = total;
   return true;
}

bool journal_remove(const JournalDir *d, const char *name, Error *e) {
   int rc = platform_remove_in_dir(d->fd, name);
   if (rc == 0)
      rc = platform_sync(d->fd);
   /* Some file systems cannot sync a directory: their entries are as
    * durable as they will ever be. */
   if (rc != 0 && rc != EINVAL) {
      error_set(e, ERR_JOURNAL, rc, _("cannot remove the journal %s/%s: %s"), d->path, name,
                strerror(rc));
      return false;
   }
   return true;
}
