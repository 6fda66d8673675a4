/* dump.c - walking a range window by window and formatting it. */
#include "config.h"

#include "core/source_space.h"
#include "core/dump.h"
#include "core/gettext.h"
#include "core/window.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define OUT_CAPACITY (256 * 1024)
#define LINE FORMAT_BYTES_PER_LINE
#define DUMP_PREFETCH 1024

typedef struct {
   FormatStyle style;
   const DumpSink *sink;
   int sink_error;
   uint64_t offset;                 /* offset of the next line's first byte */
   uint64_t base;                   /* added to every offset printed (Source.base) */
   unsigned char partial[LINE];     /* bytes of a line that spans two feeds */
   unsigned fill;
   bool squeeze;                    /* hexdump -C without -v */
   unsigned char prev[LINE];        /* hexdump -C squeezes repeats of this */
   bool have_prev;
   bool starred;                    /* "*" already printed for this run */
   char *out;
   size_t used;
   unsigned char *chunk;            /* the read buffer, when not mapped */
   size_t chunk_size;
} Dumper;

static void flush_out(Dumper *d) {
   if (d->used && d->sink_error == 0)
      d->sink_error = d->sink->write(d->sink->ctx, d->out, d->used);
   d->used = 0;
}

static char *reserve(Dumper *d) {
   if (d->used + FORMAT_LINE_MAX > OUT_CAPACITY)
      flush_out(d);
   return d->out + d->used;
}

static void emit_line(Dumper *d, const unsigned char *bytes, unsigned n) {
   if (d->squeeze && n == LINE) {
      if (d->have_prev && memcmp(bytes, d->prev, LINE) == 0) {
         if (!d->starred) {
            memcpy(reserve(d), "*\n", 2);
            d->used += 2;
            d->starred = true;
         }
         d->offset += LINE;
         return;
      }
      memcpy(d->prev, bytes, LINE);
      d->have_prev = true;
      d->starred = false;
   }
   d->used += format_line(d->style, reserve(d), d->base + d->offset, bytes, n);
   d->offset += n;
}

/* COUNT full lines at P, the hot loop of a dump.  A repeat is checked
 * against the line before it where it lies, so nothing is copied per line;
 * only the last line is kept for the next call. */
static void emit_full_lines(Dumper *d, const unsigned char *p, size_t count) {
   const bool squeeze = d->squeeze;
   const unsigned char *prev = d->have_prev ? d->prev : NULL;
   uint64_t offset = d->offset;
   size_t used = d->used;
   for (size_t i = 0; i < count; i++, prev = p, p += LINE, offset += LINE) {
      /* Mapped pages come from memory, not cache: ask for them early.  A
       * prefetch never faults, even past the end of a shrunk object. */
      __builtin_prefetch(p + DUMP_PREFETCH);
      if (used + FORMAT_LINE_MAX > OUT_CAPACITY) {
         d->used = used;
         flush_out(d);
         used = 0;
         if (d->sink_error != 0)
            break;
      }
      if (squeeze && prev && memcmp(p, prev, LINE) == 0) {
         if (!d->starred) {
            memcpy(d->out + used, "*\n", 2);
            used += 2;
            d->starred = true;
         }
         continue;
      }
      d->starred = false;
      used += format_line(d->style, d->out + used, d->base + offset, p, LINE);
   }
   if (squeeze && prev && prev != d->prev) {
      memcpy(d->prev, prev, LINE);
      d->have_prev = true;
   }
   d->used = used;
   d->offset = offset;
}

/* Feed LEN bytes at P (which may be mapped memory: run under the guard). */
static void feed(Dumper *d, const unsigned char *p, size_t len) {
   while (len > 0 && d->fill > 0) {
      size_t take = LINE - d->fill < len ? LINE - d->fill : len;
      memcpy(d->partial + d->fill, p, take);
      d->fill += (unsigned)take;
      p += take;
      len -= take;
      if (d->fill == LINE) {
         emit_line(d, d->partial, LINE);
         d->fill = 0;
      }
   }
   if (len >= LINE && d->sink_error == 0) {
      emit_full_lines(d, p, len / LINE);
      p += len - len % LINE;
      len %= LINE;
   }
   if (len > 0 && d->sink_error == 0) {
      memcpy(d->partial, p, len);
      d->fill = (unsigned)len;
   }
}

/* Holes read as zeros: once a zero line has been squeezed, whole runs of
 * zero lines cost nothing.  Lines count from the dump's start (-s), so a
 * line half filled by the data before the hole is completed first: the
 * skip works at any start offset and any hole boundary. */
static void feed_zeros(Dumper *d, uint64_t len) {
   static const unsigned char zeros[LINE];
   while (len > 0 && d->sink_error == 0) {
      if (d->fill > 0) {
         size_t take = LINE - d->fill < len ? LINE - d->fill : (size_t)len;
         feed(d, zeros, take);
         len -= take;
         continue;
      }
      if (d->starred && memcmp(d->prev, zeros, LINE) == 0 && len >= LINE) {
         uint64_t skip = len - len % LINE;
         d->offset += skip;
         len -= skip;
         continue;
      }
      size_t take = len < LINE ? (size_t)len : LINE;
      feed(d, zeros, take);
      len -= take;
   }
}

typedef struct {
   Dumper *d;
   const unsigned char *p;
   size_t len;
} GuardedFeed;

static void guarded_feed(void *ctx) {
   GuardedFeed *g = ctx;
   feed(g->d, g->p, g->len);
}

static bool report_shrink(Source *src, ErrorCode code, Error *e) {
   Error ignored;
   if (source_refresh(src, &ignored))
      error_set(e, code, 0, ngettext("it is now %llu byte", "it is now %llu bytes",
                                         (unsigned long)src->size), (unsigned long long)src->size);
   else
      error_set(e, code, 0, NULL);
   return false;
}

/* A mapped page raised SIGBUS: the object shrank from SIZE, or it did not
 * and its file system is full (a page over a hole could not be had). */
static bool report_fault(Source *src, uint64_t size, Error *e) {
   Error ignored;
   if (source_refresh(src, &ignored) && src->size >= size && source_fs_full(src)) {
      error_set(e, ERR_READ, 0, "%s", _(source_fs_full_text));
      return false;
   }
   return report_shrink(src, ERR_SHRANK, e);
}

/* Dump [from, to), which holds data, one mapped window at a time. */
static bool dump_mapped(Dumper *d, Source *src, const DumpRequest *req, uint64_t size,
                        uint64_t from, uint64_t to, Error *e) {
   Window w = { 0 };
   while (from < to && d->sink_error == 0) {
      WindowSpan span;
      if (!window_span(from, req->window_size, req->granularity, size, &span))
         break;
      uint64_t stop = span.start + span.length < to ? span.start + span.length : to;
      bool whole = span.start >= from && span.start + span.length <= to;
      if (!window_map(&w, src, from, req->window_size, req->granularity,
                      PLATFORM_MAP_READ, whole, e))
         return false;
      GuardedFeed g = { d, w.addr + span.delta, (size_t)(stop - from) };
      int rc = platform_guard(guarded_feed, &g, NULL);
      window_unmap(&w, src);
      if (rc != 0)
         return report_fault(src, size, e);
      from = stop;
   }
   return true;
}

/* An object read to its end (procfs ...) that ended before the first byte
 * asked for: learn where it ends, to print what hexdump -C prints for a
 * file when -s goes past its end.  A stream cannot be read again: past its
 * end is an error, as it is for the peers. */
static bool ended_before_start(Dumper *d, Source *src, uint64_t from, Error *e) {
   uint64_t size = 0;
   if (src->sequential) {
      error_set(e, ERR_PAST_END, 0, _("the input ended before the offset %llu"),
                (unsigned long long)from);
      return false;
   }
   for (;;) {
      size_t got;
      if (!source_read(src, d->chunk, d->chunk_size, size, &got, e))
         return false;
      size += got;
      if (got < d->chunk_size || size >= from)
         break;
   }
   d->offset = size < from ? size : from;
   return true;
}

/* Dump [from, to), which holds data, read into one reused buffer.  A read
 * that comes back short means the object ended: early when its size was
 * known, at its end when it is read to its end (*ENDED then says so). */
static bool dump_read(Dumper *d, Source *src, uint64_t from, uint64_t to, bool *ended,
                      Error *e) {
   const uint64_t first = from;
   while (from < to && d->sink_error == 0) {
      size_t want = to - from < d->chunk_size ? (size_t)(to - from) : d->chunk_size, got = 0;
      if (!source_read(src, d->chunk, want, from, &got, e)) {
         feed(d, d->chunk, got < want ? got : 0);   /* what was read before it failed */
         return false;
      }
      if (got == 0 && from == first && from > 0 && src->read_to_end) {
         *ended = true;
         return ended_before_start(d, src, from, e);
      }
      feed(d, d->chunk, got);
      if (got < want) {
         if (!src->read_to_end)
            return report_shrink(src, ERR_SHRANK_READ, e);
         *ended = true;
         return true;
      }
      from += got;
   }
   return true;
}

static bool dump_data(Dumper *d, Source *src, const DumpRequest *req, uint64_t size,
                      uint64_t from, uint64_t to, bool *ended, Error *e) {
   if (req->mapped && !src->read_to_end)
      return dump_mapped(d, src, req, size, from, to, e);
   return dump_read(d, src, from, to, ended, e);
}

static bool dump_extents(Dumper *d, Source *src, const DumpRequest *req, uint64_t start,
                         uint64_t size, uint64_t end, Error *e) {
   uint64_t at = start;
   bool ended = false;
   while (at < end && d->sink_error == 0 && !ended) {
      uint64_t data_start, data_end;
      source_next_data(src, at, &data_start, &data_end);
      if (data_start > end)
         data_start = end;
      if (data_end > end)
         data_end = end;
      if (data_start > at) {
         feed_zeros(d, data_start - at);
         at = data_start;
      }
      if (data_end <= at)
         continue;
      if (!dump_data(d, src, req, size, at, data_end, &ended, e))
         return false;
      at = data_end;
   }
   return true;
}

static void finish(Dumper *d, const DumpRequest *req) {
   if (d->fill > 0 && d->sink_error == 0)
      d->used += format_line(d->style, reserve(d), d->base + d->offset, d->partial, d->fill),
      d->offset += d->fill;
   /* hexdump -C closes with the end offset unless it was asked for nothing. */
   if (d->style == FORMAT_HEXDUMP_C && req->length > 0 && d->offset > 0)
      d->used += format_end_line(reserve(d), d->base + d->offset);
   flush_out(d);
}

bool dump_range(Source *src, const DumpRequest *req, const DumpSink *sink, Error *e) {
   uint64_t size = src->size;
   /* Past the end, hexdump -C prints the size as its closing line and xxd
    * prints nothing: start there, with nothing to read. */
   uint64_t start = req->start < size ? req->start : size;
   uint64_t end = size - start < req->length ? size : start + req->length;
   Dumper d = { .style = req->style, .sink = sink, .offset = start, .base = src->base,
                .squeeze = req->style == FORMAT_HEXDUMP_C && !req->verbose };
   d.out = malloc(OUT_CAPACITY);
   d.chunk_size = req->chunk_size ? req->chunk_size : DUMP_CHUNK_DEFAULT;
   bool reads = !req->mapped || src->read_to_end;
   d.chunk = reads ? malloc(d.chunk_size) : NULL;
   if (!d.out || (reads && !d.chunk)) {
      free(d.out);
      free(d.chunk);
      error_set(e, ERR_READ, ENOMEM, NULL);
      return false;
   }
   bool ok = dump_extents(&d, src, req, start, size, end, e);
   if (ok) {
      finish(&d, req);
   } else if (e->code == ERR_UNREADABLE) {
      /* A process's page that cannot be read: what came before it is
       * printed, then the error says where and why. */
      if (d.fill > 0 && d.sink_error == 0)
         d.used += format_line(d.style, reserve(&d), d.base + d.offset, d.partial, d.fill);
      flush_out(&d);
   }
   free(d.out);
   free(d.chunk);
   if (ok && d.sink_error != 0) {
      error_set(e, ERR_WRITE, d.sink_error, NULL);
      return false;
   }
   /* Through a mapping, a shrink inside the last page reads as zeros, not
    * SIGBUS: check.  (A read that came back whole is what the object held.) */
   if (ok && req->mapped && !src->read_to_end) {
      Error ignored;
      if (source_refresh(src, &ignored) && src->size < end)
         return report_shrink(src, ERR_SHRANK, e);
   }
   return ok;
}
