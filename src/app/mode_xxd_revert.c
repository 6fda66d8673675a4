/* mode_xxd_revert.c - --xxd -r: a hex dump back into bytes.
 *
 * The dump is read whole into runs (core/xxdrev.h), with -s added to every
 * offset.  Then, as xxd writes them:
 *
 *  - no OUTFILE: the bytes go to stdout in order, gaps filled with zeros;
 *    a line that goes back before what was written is an error (a stream
 *    cannot seek back);
 *  - an OUTFILE that is missing or empty: created and written;
 *  - an existing OUTFILE: patched in place, never truncated.  The bytes
 *    inside its size become copy-on-write edits flushed with the rollback
 *    journal (the --patch --flush path, app/mode_patch.h), so they reach
 *    the file all or nothing.  Bytes past its end are appended first,
 *    synced, before the journaled overwrite: a crash between the two leaves
 *    the old bytes whole and the file longer. */
#include "config.h"

#include "app/mode_xxd.h"
#include "app/diag.h"
#include "app/mode_patch.h"
#include "app/recovery.h"
#include "core/gettext.h"
#include "core/xxdrev.h"
#include "platform/platform.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REVERT_CHUNK (64u * 1024)
#define STDIN_NAME "-"

typedef struct {
   uint64_t offset;
   size_t at;                 /* where its bytes begin in Runs.data */
   size_t len;
} Run;

typedef struct {
   Run *run;
   size_t n, cap;
   unsigned char *data;
   size_t used, data_cap;
   uint64_t add;              /* -s */
   bool overflow;             /* an offset past 2^64 */
   bool nomem;
} Runs;

static bool grow(void **p, size_t *cap, size_t need, size_t size) {
   if (need <= *cap)
      return true;
   size_t c = *cap ? *cap : 64;
   while (c < need)
      c *= 2;
   void *q = realloc(*p, c * size);
   if (!q)
      return false;
   *p = q;
   *cap = c;
   return true;
}

/* xxdrev's EMIT: keep the run, joined to the last when it goes on from it. */
static void collect(void *ctx, uint64_t offset, const unsigned char *bytes, size_t n) {
   Runs *r = ctx;
   if (r->nomem || r->overflow)
      return;
   if (offset > UINT64_MAX - r->add || offset + r->add > UINT64_MAX - n) {
      r->overflow = true;
      return;
   }
   offset += r->add;
   if (!grow((void **)&r->data, &r->data_cap, r->used + n, 1)) {
      r->nomem = true;
      return;
   }
   memcpy(r->data + r->used, bytes, n);
   Run *last = r->n ? &r->run[r->n - 1] : NULL;
   if (last && last->offset + last->len == offset && last->at + last->len == r->used) {
      last->len += n;
   } else {
      if (!grow((void **)&r->run, &r->cap, r->n + 1, sizeof *r->run)) {
         r->nomem = true;
         return;
      }
      r->run[r->n++] = (Run){ offset, r->used, n };
   }
   r->used += n;
}

static int fail(const char *subject, ErrorCode code, int err, const char *detail) {
   Error e;
   if (detail)
      error_set(&e, code, err, "%s", detail);
   else
      error_set(&e, code, err, NULL);
   return diag_error(subject, &e);
}

/* Read the whole dump from FD. */
static int read_dump(const XxdOptions *x, int fd, const char *subject, Runs *r) {
   XxdRev *rev = xxdrev_new(x->fmt.style == XXD_PLAIN, x->cols_typed > 0 ? (unsigned)x->cols_typed : 16,
                            collect, r);
   char *buf = malloc(REVERT_CHUNK);
   int rc = -1;
   if (!rev || !buf) {
      rc = fail(subject, ERR_READ, ENOMEM, NULL);
   } else {
      for (;;) {
         size_t got;
         int err = platform_read_some(fd, buf, REVERT_CHUNK, &got);
         if (err != 0) {
            rc = fail(subject, ERR_READ, err, NULL);
            break;
         }
         if (got == 0)
            break;
         xxdrev_feed(rev, buf, got);
      }
   }
   if (rev)
      xxdrev_finish(rev);
   free(buf);
   if (rc < 0 && r->nomem)
      rc = fail(subject, ERR_READ, ENOMEM, NULL);
   if (rc < 0 && r->overflow)
      rc = fail(subject, ERR_BAD_OFFSET, 0, _("an offset in the dump, with -s, is past 2^64"));
   return rc;
}

/* ---- a stream: in order, gaps as zeros ---------------------------------- */

static int write_all(PlatformHandle fd, const unsigned char *p, size_t len) {
   return platform_write_all(fd, p, len);
}

static int write_stream(int fd, const char *subject, const Runs *r) {
   static const unsigned char zeros[4096];
   uint64_t pos = 0;
   for (size_t i = 0; i < r->n; i++) {
      const Run *run = &r->run[i];
      if (run->offset < pos)
         return fail(subject, ERR_WRITE, 0,
                     _("the dump goes back to an earlier offset, and a stream cannot seek back"));
      int err = 0;
      for (; pos < run->offset && err == 0;) {
         size_t n = run->offset - pos < sizeof zeros ? (size_t)(run->offset - pos) : sizeof zeros;
         err = write_all(fd, zeros, n);
         pos += n;
      }
      if (err == 0)
         err = write_all(fd, r->data + run->at, run->len);
      if (err != 0)
         return fail(subject, ERR_WRITE, err, NULL);
      pos += run->len;
   }
   return -1;
}

/* ---- a file: past its end appended, inside it through the journal ------- */

/* Write the parts of the runs at or past FROM with pwrite, then sync. */
static int write_beyond(const char *path, bool force, const Runs *r, uint64_t from) {
   bool any = false;
   for (size_t i = 0; i < r->n && !any; i++)
      any = r->run[i].offset + r->run[i].len > from;
   if (!any)
      return -1;
   int fd, err = 0, rc = mode_xxd_open_output(path, false, force, &fd);
   if (rc >= 0)
      return rc;
   for (size_t i = 0; i < r->n && err == 0; i++) {
      const Run *run = &r->run[i];
      if (run->offset + run->len <= from)
         continue;
      uint64_t skip = run->offset < from ? from - run->offset : 0;
      err = platform_write_at(fd, r->data + run->at + skip, run->len - (size_t)skip,
                              run->offset + skip);
   }
   if (err == 0)
      err = platform_sync(fd);
   platform_close(fd);
   return err == 0 ? -1 : fail(path, ERR_WRITE, err, NULL);
}

/* Where the last run ends (0 for none). */
static uint64_t runs_end(const Runs *r) {
   uint64_t end = 0;
   for (size_t i = 0; i < r->n; i++)
      if (r->run[i].offset + r->run[i].len > end)
         end = r->run[i].offset + r->run[i].len;
   return end;
}

/* The parts of the runs before SIZE, as edits, flushed with the journal. */
static int write_inside(const Options *o, Source *src, const Runs *r, uint64_t size) {
   PatchRun *p = calloc(r->n ? r->n : 1, sizeof *p);
   if (!p)
      return fail(src->spec, ERR_MAP, ENOMEM, NULL);
   size_t n = 0;
   for (size_t i = 0; i < r->n; i++) {
      const Run *run = &r->run[i];
      if (run->offset >= size)
         continue;
      size_t len = size - run->offset < run->len ? (size_t)(size - run->offset) : run->len;
      p[n++] = (PatchRun){ run->offset, r->data + run->at, len };
   }
   int rc = n ? mode_patch_write_runs(o, src, p, n) : 0;
   free(p);
   return rc;
}

/* A missing OUTFILE is created, even for an empty dump (as xxd does). */
static int write_new(const char *path, bool force, const Runs *r) {
   int fd, rc = mode_xxd_open_output(path, false, force, &fd);
   if (rc >= 0)
      return rc;
   platform_close(fd);
   rc = write_beyond(path, force, r, 0);
   return rc >= 0 ? rc : 0;
}

static int write_file(const Options *o, const char *path, const Runs *r) {
   Source *src;
   Error e;
   if (!source_open(path, false, &src, &e)) {
      if (e.code == ERR_OPEN && e.sys_errno == ENOENT)
         return write_new(path, o->force, r);
      if (e.code != ERR_NOT_MAPPABLE)
         return diag_error(path, &e);
      /* A FIFO or a device: written in order, as a stream. */
      int fd, rc = mode_xxd_open_output(path, false, o->force, &fd);
      if (rc >= 0)
         return rc;
      rc = write_stream(fd, path, r);
      platform_close(fd);
      return rc >= 0 ? rc : 0;
   }
   /* A device does not grow: bytes past its end are refused before any
    * byte is written, the device never opened for writing without a claim. */
   if (src->st.kind == PLATFORM_KIND_BLOCK && runs_end(r) > src->size) {
      char detail[160];
      snprintf(detail, sizeof detail, _("the dump writes up to byte %llu of a device of %llu "
               "bytes; nothing was written"), (unsigned long long)runs_end(r),
               (unsigned long long)src->size);
      source_close(src);
      return fail(path, ERR_PAST_END, 0, detail);
   }
   /* -r writes: an interrupted flush is rolled back first, as --flush does */
   if (!recovery_run(src, o->force)) {
      source_close(src);
      return 1;
   }
   uint64_t size = src->size;
   source_close(src);
   int rc = write_beyond(path, o->force, r, size);
   if (rc >= 0 || size == 0)
      return rc >= 0 ? rc : 0;
   /* Open again: the journaled flush checks the file against this. */
   if (!source_open(path, false, &src, &e))
      return diag_error(path, &e);
   rc = write_inside(o, src, r, size);
   source_close(src);
   return rc;
}

int mode_xxd_revert(const Options *o) {
   const XxdOptions *x = &o->xxd;
   const char *subject = x->infile ? x->infile : STDIN_NAME;
   Runs r = { .add = x->seek_given ? x->seek : 0 };
   int fd = platform_stdin(), rc = -1;
   PlatformStat st;
   if (x->infile) {
      int err = platform_open_input(x->infile, &fd, &st);
      if (err != 0)
         rc = fail(x->infile, ERR_OPEN, err, NULL);
      else if (st.kind == PLATFORM_KIND_DIRECTORY)
         rc = fail(x->infile, ERR_IS_DIRECTORY, EISDIR, NULL);
   }
   if (rc < 0)
      rc = read_dump(x, fd, subject, &r);
   if (x->infile && fd != platform_stdin() && fd >= 0)
      platform_close(fd);
   if (rc < 0) {
      if (x->outfile) {
         rc = write_file(o, x->outfile, &r);
      } else {
         rc = write_stream(platform_stdout(), NULL, &r);
         rc = rc >= 0 ? rc : 0;
      }
   }
   free(r.run);
   free(r.data);
   return rc;
}
