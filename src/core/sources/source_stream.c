/* source_stream.c - standard input, pipes, FIFOs and character devices:
 * objects that give their bytes in order and cannot be mapped.
 *
 * Their size is not known (SOURCE_SIZE_UNKNOWN) and a read that comes back
 * short is their end.  Reads go forward only: a read at an offset past the
 * bytes consumed so far reads and drops the bytes between (as hexdump -s and
 * xxd -s skip on a pipe), one at an earlier offset fails with ESPIPE.
 * Memory stays bounded: nothing is kept. */
#include "config.h"

#include "core/source.h"
#include "platform/pseudo.h"
#include "core/gettext.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
   uint64_t pos;          /* bytes consumed so far */
   bool ended;            /* a read returned 0 */
} Stream;

static bool start(Source *s, Error *e) {
   Stream *st = calloc(1, sizeof *st);
   if (!st) {
      platform_close(s->handle);
      s->handle = -1;
      error_set(e, ERR_OPEN, ENOMEM, NULL);
      return false;
   }
   s->priv = st;
   s->ops = &source_stream_ops;
   s->read_to_end = true;
   s->sequential = true;
   s->size = SOURCE_SIZE_UNKNOWN;
   return true;
}

bool source_stream_adopt(Source *s, const char *path, Error *e) {
   int fd;
   int rc = platform_open_stream(path, s->handle, &fd);
   if (rc != 0) {
      source_fd_close(s);
      error_set(e, ERR_OPEN, rc, NULL);
      return false;
   }
   s->handle = fd;
   return start(s, e);
}

/* "-": standard input, whatever it is. */
static bool stream_open(Source *s, const char *name, bool writable, Error *e) {
   (void)name;
   if (!s->reading || writable) {
      error_set(e, ERR_NOT_MAPPABLE, 0, "%s",
                _("standard input cannot be mapped; --dump, --xxd and --find read it"));
      return false;
   }
   s->name = strdup("-");
   int rc = platform_open_stdin(&s->handle, &s->st);
   if (rc != 0) {
      error_set(e, ERR_OPEN, rc, NULL);
      return false;
   }
   if (s->st.kind == PLATFORM_KIND_REGULAR || s->st.kind == PLATFORM_KIND_BLOCK) {
      /* A file behind the redirection: read it as the file it is. */
      s->ops = s->st.kind == PLATFORM_KIND_BLOCK ? &source_block_ops : &source_file_ops;
      s->size = s->st.size;
      if (platform_size_unknown(s->handle, &s->st)) {
         s->read_to_end = true;
         s->size = SOURCE_SIZE_UNKNOWN;
      }
      return true;
   }
   if (s->st.kind == PLATFORM_KIND_DIRECTORY) {
      source_fd_close(s);
      error_set(e, ERR_IS_DIRECTORY, 0, "%s", _("standard input is a directory"));
      return false;
   }
   return start(s, e);
}

static bool stream_refresh(Source *s, Error *e) {
   (void)s;
   (void)e;
   return true;                 /* nothing to learn: the size is the end */
}

static bool stream_map(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                       bool populate, void **addr, Error *e) {
   (void)s, (void)offset, (void)len, (void)mode, (void)populate, (void)addr;
   error_set(e, ERR_NOT_MAPPABLE, 0, "%s", _("it is read in order, not mapped"));
   return false;
}

static void stream_unmap(Source *s, void *addr, size_t len) {
   (void)s, (void)addr, (void)len;
}

/* Read up to LEN bytes into BUF; *got < LEN only at the end. */
static bool read_full(Source *s, Stream *st, unsigned char *buf, size_t len, size_t *got,
                      Error *e) {
   size_t done = 0;
   while (done < len && !st->ended) {
      size_t n;
      int rc = platform_read_some(s->handle, buf + done, len - done, &n);
      if (rc != 0) {
         error_set(e, ERR_READ, rc, NULL);
         return false;
      }
      if (n == 0)
         st->ended = true;
      done += n;
      st->pos += n;
   }
   *got = done;
   return true;
}

static bool stream_read(Source *s, void *buf, size_t len, uint64_t offset, size_t *got,
                        Error *e) {
   Stream *st = s->priv;
   *got = 0;
   if (offset < st->pos) {
      error_set(e, ERR_READ, ESPIPE, NULL);
      return false;
   }
   while (st->pos < offset && !st->ended) {      /* skip by reading */
      uint64_t gap = offset - st->pos;
      size_t n;
      if (!read_full(s, st, buf, gap < len ? (size_t)gap : len, &n, e))
         return false;
   }
   if (st->pos < offset)
      return true;                                /* ended before OFFSET */
   return read_full(s, st, buf, len, got, e);
}

static void stream_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end) {
   *start = offset;
   *end = s->size;
}

static void stream_close(Source *s) {
   free(s->priv);
   s->priv = NULL;
   source_fd_close(s);
}

/* Read in order, never mapped (the modes that read use it). */
static void stream_life(const Source *s, size_t len, SourceLife *out) {
   source_life_read_path(s, len, out);
   SourceLifeStep *o = &out->step[SOURCE_STAGE_OPEN];
   snprintf(o->note, sizeof o->note, "%s", _("a stream cannot be mapped: it is read in order"));
   SourceLifeStep *u = &out->step[SOURCE_STAGE_UNMAP];
   u->call[0] = u->windows[0] = '\0';
   snprintf(u->note, sizeof u->note, "%s", _("none: nothing is mapped"));
}

const SourceOps source_stream_ops = {
   .kind = N_("stream"),
   .prefix = NULL,
   .caps = SOURCE_CAN_READ,     /* in order only: no map, no edit, no journal */
   .open = stream_open,
   .refresh = stream_refresh,
   .map = stream_map,
   .unmap = stream_unmap,
   .read = stream_read,
   .next_data = stream_next_data,
   .close = stream_close,
   .identity = source_fd_identity,
   .describe_map = source_fd_describe_map,
   .describe_life = stream_life,
};
