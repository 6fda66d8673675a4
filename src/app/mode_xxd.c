/* mode_xxd.c - --xxd: bytes to xxd's text.
 *
 * The input is a file or an object (read, never mapped unless -W or -g ask
 * for windows; holes are known zeros), or a stream - standard input, a
 * FIFO, a character device, a file whose size says 0 (procfs) - read from
 * its start to its end.  The text goes to stdout or, as xxd takes it, to
 * OUTFILE (created or emptied). */
#include "config.h"

#include "app/mode_xxd.h"
#include "app/diag.h"
#include "app/recovery.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/source_busy.h"
#include "core/window.h"
#include "core/xxddump.h"
#include "platform/platform.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define XXD_CHUNK (128u * 1024)
#define XXD_WINDOW_DEFAULT (8u << 20)
#define XXD_PIPE_SIZE (1u << 20)
#define STDIN_NAME "-"

static int write_fd(void *ctx, const char *buf, size_t len) {
   return platform_write_all(*(PlatformHandle *)ctx, buf, len);
}

/* What is being dumped, and where from. */
typedef struct {
   const Options *o;
   const XxdOptions *x;
   const char *subject;       /* for messages: INFILE, or "-" */
   DumpSink sink;
   char *name;                /* -i: the array's name, or NULL */
   XxdDump *dump;             /* made by begin(), once the first offset is known */
   unsigned char *chunk;
} Job;

/* The dump starts at file offset FIRST (xxd shows offsets from there). */
static bool begin(Job *j, uint64_t first) {
   j->dump = xxddump_new(&j->x->fmt, &j->sink, first);
   if (j->dump && j->name)
      xxddump_include_head(j->dump, j->name);
   return j->dump != NULL;
}

static int read_failed(const Job *j, int err) {
   Error e;
   error_set(&e, ERR_READ, err, NULL);
   return diag_error(j->subject, &e);
}

/* ---- streams: read from where they are to their end ------------------- */

/* Read and drop SKIP bytes (*ENDED when the stream ends first).  Returns
 * -1, or the exit status after reporting a read error. */
static int stream_skip(Job *j, int fd, uint64_t skip, bool *ended) {
   while (skip > 0) {
      size_t want = skip < XXD_CHUNK ? (size_t)skip : XXD_CHUNK, got;
      int rc = platform_read_some(fd, j->chunk, want, &got);
      if (rc != 0)
         return read_failed(j, rc);
      if (got == 0) {
         *ended = true;
         return -1;
      }
      skip -= got;
   }
   return -1;
}

static int object_range(const Job *j, uint64_t size, uint64_t origin, uint64_t *start,
                        uint64_t *end);

/* -s -N of standard input that is a regular file: from its end, with
 * pread (where it was left does not matter then). */
static int dump_fd_from_end(Job *j, int fd, uint64_t size) {
   uint64_t at = 0, end = 0;
   int rc = object_range(j, size, 0, &at, &end);
   if (rc >= 0)
      return rc;
   if (!begin(j, at))
      return read_failed(j, ENOMEM);
   while (at < end) {
      size_t want = end - at < XXD_CHUNK ? (size_t)(end - at) : XXD_CHUNK, got;
      if ((rc = platform_read_at(fd, j->chunk, want, at, &got)) != 0)
         return read_failed(j, rc);
      if (got == 0)
         break;
      xxddump_feed(j->dump, j->chunk, got);
      at += got;
   }
   return -1;
}

static int dump_stream(Job *j, int fd) {
   const XxdOptions *x = j->x;
   PlatformStat st;
   if (x->seek_given && x->seek_from_end && platform_stat_fd(fd, &st) == 0 &&
       st.kind == PLATFORM_KIND_REGULAR && st.size > 0)
      return dump_fd_from_end(j, fd, st.size);
   if (x->seek_given && x->seek_from_end && x->seek > 0)   /* usage, as --dump and --find say */
      return diag_bad_value("-s", x->seek_text, _("invalid offset"),
                            _("the size is known only once it has been read: "
                              "neither -N nor a percentage applies"));
   bool ended = false;
   uint64_t skip = x->seek_given && !x->seek_from_end ? x->seek : 0;
   int rc = stream_skip(j, fd, skip, &ended);
   if (rc >= 0)
      return rc;
   if (!begin(j, skip))
      return read_failed(j, ENOMEM);
   uint64_t left = x->length_given ? x->length : UINT64_MAX;
   while (!ended && left > 0) {
      size_t want = left < XXD_CHUNK ? (size_t)left : XXD_CHUNK, got;
      if ((rc = platform_read_some(fd, j->chunk, want, &got)) != 0)
         return read_failed(j, rc);
      if (got == 0)
         break;
      xxddump_feed(j->dump, j->chunk, got);
      left -= got;
   }
   return -1;
}

/* ---- objects: a range of known size, holes skipped ------------------- */

static int shrank(const Job *j, Source *src, ErrorCode code) {
   Error e, ignored;
   if (source_refresh(src, &ignored))
      error_set(&e, code, 0, ngettext("it is now %llu byte", "it is now %llu bytes",
                                         (unsigned long)src->size), (unsigned long long)src->size);
   else
      error_set(&e, code, 0, NULL);
   return diag_error(j->subject, &e);
}

/* [at, to), which holds data, read into the reused buffer. */
static int read_data(Job *j, Source *src, uint64_t at, uint64_t to) {
   Error e;
   while (at < to) {
      size_t want = to - at < XXD_CHUNK ? (size_t)(to - at) : XXD_CHUNK, got = 0;
      if (!source_read(src, j->chunk, want, at, &got, &e)) {
         xxddump_feed(j->dump, j->chunk, got < want ? got : 0);   /* read before it failed */
         return diag_error(j->subject, &e);
      }
      xxddump_feed(j->dump, j->chunk, got);
      if (got < want)
         return shrank(j, src, ERR_SHRANK_READ);
      at += got;
   }
   return -1;
}

typedef struct {
   XxdDump *dump;
   const unsigned char *p;
   size_t len;
} GuardedFeed;

static void guarded_feed(void *ctx) {
   GuardedFeed *g = ctx;
   xxddump_feed(g->dump, g->p, g->len);
}

/* [at, to) through mapped windows, as -W and -g ask (the guard turns the
 * SIGBUS of a shrinking object into an error). */
static int map_data(Job *j, Source *src, uint64_t at, uint64_t to) {
   const Options *o = j->o;
   uint64_t wsize = window_round_size(o->window_size ? o->window_size : XXD_WINDOW_DEFAULT,
                                      o->granularity);
   Window w = { 0 };
   Error e;
   while (at < to) {
      WindowSpan span;
      if (!window_span(at, wsize, o->granularity, src->size, &span))
         break;
      uint64_t stop = span.start + span.length < to ? span.start + span.length : to;
      bool whole = span.start >= at && span.start + span.length <= to;
      if (!window_map(&w, src, at, wsize, o->granularity, PLATFORM_MAP_READ, whole, &e))
         return diag_error(j->subject, &e);
      GuardedFeed g = { j->dump, w.addr + span.delta, (size_t)(stop - at) };
      int rc = platform_guard(guarded_feed, &g, NULL);
      window_unmap(&w, src);
      if (rc != 0)
         return shrank(j, src, ERR_SHRANK);
      at = stop;
   }
   return -1;
}

static int dump_object(Job *j, Source *src, uint64_t start, uint64_t end) {
   uint64_t at = start;
   if (!begin(j, source_address(src, start)))
      return read_failed(j, ENOMEM);
   while (at < end) {
      uint64_t data_start, data_end;
      source_next_data(src, at, &data_start, &data_end);
      data_start = data_start < end ? data_start : end;
      data_end = data_end < end ? data_end : end;
      if (data_start > at) {
         xxddump_zeros(j->dump, data_start - at);
         at = data_start;
      }
      if (data_end <= at)
         continue;
      int rc = j->o->windows_given ? map_data(j, src, at, data_end)
                                   : read_data(j, src, at, data_end);
      if (rc >= 0)
         return rc;
      at = data_end;
   }
   return -1;
}

/* -s and -l against SIZE: [*start, *end).  A source opened at an address
 * (pid:PID:ADDR, ORIGIN) starts there, and -s counts from there. */
static int object_range(const Job *j, uint64_t size, uint64_t origin, uint64_t *start,
                        uint64_t *end) {
   const XxdOptions *x = j->x;
   uint64_t s = x->seek_given ? x->seek : 0;
   if (!x->seek_from_end)
      s = origin < size && size - origin > s ? origin + s : size;
   if (x->seek_given && x->seek_from_end) {
      if (s > size) {
         Error e;
         error_set(&e, ERR_PAST_END, 0, _("-s -%llu goes before the start, size %llu"),
                   (unsigned long long)s, (unsigned long long)size);
         return diag_error(j->subject, &e);
      }
      s = size - s;
   }
   /* Past the end, xxd prints nothing and succeeds: so does this. */
   *start = s < size ? s : size;
   *end = x->length_given && size - *start > x->length ? *start + x->length : size;
   return -1;
}

/* A file whose size says 0 may still hold bytes (procfs): read it through
 * its descriptor, from its start to its end. */
static int dump_zero_sized(Job *j, Source *src) {
   return dump_stream(j, src->handle);
}

/* A FIFO, a character device or a socket: read as a stream (opened once:
 * a FIFO's writer may write only to the first reader). */
static bool is_stream(PlatformKind kind) {
   return kind == PLATFORM_KIND_FIFO || kind == PLATFORM_KIND_CHAR || kind == PLATFORM_KIND_SOCKET;
}

static int dump_path(Job *j) {
   Source *src;
   Error e;
   int fd, rc;
   PlatformStat st;
   if ((rc = platform_open_input(j->x->infile, &fd, &st)) == 0 && is_stream(st.kind)) {
      rc = dump_stream(j, fd);
      platform_close(fd);
      return rc;
   }
   if (rc == 0)
      platform_close(fd);
   if (!source_open(j->x->infile, false, &src, &e))
      return diag_error(j->x->infile, &e);
   recovery_warn(src);        /* read-only: says so, writes nothing */
   if (src->size == 0 && src->st.kind == PLATFORM_KIND_REGULAR) {
      rc = dump_zero_sized(j, src);
   } else {
      uint64_t start = 0, end = 0;
      rc = object_range(j, src->size, src->origin, &start, &end);
      if (rc < 0)
         rc = dump_object(j, src, start, end);
   }
   source_close(src);
   return rc;
}

/* The -i array's name: -n NAME, else INFILE's; none for stdin. */
static char *include_name(const XxdOptions *x, bool *ok) {
   *ok = true;
   if (x->fmt.style != XXD_INCLUDE || (!x->name && !x->infile))
      return NULL;
   char *name = xxdfmt_c_name(x->name ? x->name : x->infile, x->capitalize);
   *ok = name != NULL;
   return name;
}

int mode_xxd_open_output(const char *path, bool truncate, bool force, int *fd) {
   Error e;
   int rc = platform_open_output(path, truncate, fd);
   if (rc != 0) {
      error_set(&e, ERR_OPEN, rc, NULL);
      return diag_error(path, &e);
   }
   if (source_claim_for_write(fd, force, "--force", ERR_OPEN, &e))
      return -1;
   platform_close(*fd);
   return diag_error(path, &e);
}

static int open_output(const XxdOptions *x, int *fd) {
   *fd = platform_stdout();
   if (!x->outfile)
      return -1;
   return mode_xxd_open_output(x->outfile, true, x->force, fd);
}

static int run(Job *j, int out) {
   bool ok;
   j->sink = (DumpSink){ write_fd, &out };
   j->name = include_name(j->x, &ok);
   j->chunk = malloc(XXD_CHUNK);
   if (!ok || !j->chunk) {
      free(j->chunk);
      return read_failed(j, ENOMEM);
   }
   platform_widen_pipe(out, XXD_PIPE_SIZE);
   int rc = j->x->infile ? dump_path(j) : dump_stream(j, platform_stdin());
   int werr = j->dump ? xxddump_finish(j->dump, j->name, j->x->capitalize) : 0;
   free(j->name);
   free(j->chunk);
   if (rc >= 0)
      return rc;
   if (werr != 0) {
      Error e;
      error_set(&e, ERR_WRITE, werr, NULL);
      return diag_error(j->x->outfile, &e);
   }
   return 0;
}

int mode_xxd_run(const Options *o) {
   if (o->xxd.revert)
      return mode_xxd_revert(o);
   Job j = { .o = o, .x = &o->xxd, .subject = o->xxd.infile ? o->xxd.infile : STDIN_NAME };
   int out, rc = open_output(j.x, &out);
   if (rc >= 0)
      return rc;
   rc = run(&j, out);
   if (out != platform_stdout())
      platform_close(out);
   return rc;
}
