/* xxddump.c - feeding bytes through xxd's layouts (see xxddump.h). */
#include "config.h"

#include "core/xxddump.h"
#include "core/format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OUT_CAPACITY (256 * 1024)
#define ZERO_PIECE 4096

static const unsigned char zeros[ZERO_PIECE];

struct XxdDump {
   XxdFormat f;
   const DumpSink *sink;
   int sink_error;
   bool lines;                      /* a line layout (hex, little, bits) */
   bool fast;                       /* the plain 16-byte hex line */
   size_t line_max;
   uint64_t offset;                 /* file offset of the next line's first byte */
   uint64_t count;                  /* bytes fed */
   unsigned char partial[XXDFMT_COLS_MAX];
   unsigned fill;                   /* bytes in PARTIAL (-p: digits on the line) */
   /* -a: the run of zero lines now going on.  Its first line is printed at
    * once; the rest wait until the run ends: two zero lines show as
    * themselves, more as the first and "*" (and, at the very end, the
    * last as well, or all three of a run of three). */
   uint64_t zero_run;
   uint64_t second_off, last_off;
   char *out;
   size_t used;
};

static void flush_out(XxdDump *d) {
   if (d->used && d->sink_error == 0)
      d->sink_error = d->sink->write(d->sink->ctx, d->out, d->used);
   d->used = 0;
}

static char *reserve(XxdDump *d, size_t len) {
   if (d->used + len > OUT_CAPACITY)
      flush_out(d);
   return d->out + d->used;
}

static void put(XxdDump *d, const char *s, size_t len) {
   memcpy(reserve(d, len), s, len);
   d->used += len;
}

XxdDump *xxddump_new(const XxdFormat *f, const DumpSink *sink, uint64_t first) {
   XxdDump *d = calloc(1, sizeof *d);
   if (!d)
      return NULL;
   d->f = *f;
   d->sink = sink;
   d->offset = first;
   d->lines = f->style == XXD_HEX || f->style == XXD_LITTLE || f->style == XXD_BITS;
   d->fast = f->style == XXD_HEX && f->cols == FORMAT_BYTES_PER_LINE && f->group == 2 &&
             !f->upper && !f->decimal && !f->autoskip;
   d->line_max = d->lines ? xxdfmt_line_max(f) : 16;
   d->out = malloc(OUT_CAPACITY);
   if (!d->out || d->line_max > OUT_CAPACITY / 2) {
      free(d->out);
      free(d);
      return NULL;
   }
   return d;
}

static void print_line(XxdDump *d, uint64_t offset, const unsigned char *b, unsigned n) {
   d->used += xxdfmt_line(&d->f, reserve(d, d->line_max), offset, b, n);
}

static void print_star(XxdDump *d) {
   put(d, "*\n", 2);
}

/* The zero lines a run held back, when a line that is not zero ends it. */
static void end_zero_run(XxdDump *d) {
   if (d->zero_run == 2)
      print_line(d, d->second_off, zeros, d->f.cols);
   else if (d->zero_run > 2)
      print_star(d);
   d->zero_run = 0;
}

static bool all_zero(const unsigned char *b, unsigned n) {
   return b[0] == 0 && memcmp(b, b + 1, n - 1) == 0;
}

/* One full line (N == cols), or the last, partial one. */
static void emit_line(XxdDump *d, const unsigned char *b, unsigned n) {
   uint64_t at = d->offset;
   d->offset += n;
   if (d->f.autoskip && n == d->f.cols && all_zero(b, n)) {
      if (++d->zero_run == 1)
         print_line(d, at, b, n);
      else if (d->zero_run == 2)
         d->second_off = at;
      d->last_off = at;
      return;
   }
   if (d->zero_run)
      end_zero_run(d);
   print_line(d, at, b, n);
}

/* COUNT full 16-byte lines at P: the hot loop of a default --xxd. */
static void emit_fast(XxdDump *d, const unsigned char *p, size_t count) {
   uint64_t offset = d->offset + d->f.add;
   size_t used = d->used;
   for (size_t i = 0; i < count; i++, p += FORMAT_BYTES_PER_LINE, offset += FORMAT_BYTES_PER_LINE) {
      if (used + FORMAT_LINE_MAX > OUT_CAPACITY) {
         d->used = used;
         flush_out(d);
         used = 0;
         if (d->sink_error != 0)
            return;
      }
      used += format_line(FORMAT_XXD, d->out + used, offset, p, FORMAT_BYTES_PER_LINE);
   }
   d->used = used;
   d->offset += count * FORMAT_BYTES_PER_LINE;
}

static void feed_lines(XxdDump *d, const unsigned char *p, size_t len) {
   unsigned cols = d->f.cols;
   while (len > 0 && d->fill > 0) {
      size_t take = cols - d->fill < len ? cols - d->fill : len;
      memcpy(d->partial + d->fill, p, take);
      d->fill += (unsigned)take;
      p += take;
      len -= take;
      if (d->fill == cols) {
         emit_line(d, d->partial, cols);
         d->fill = 0;
      }
   }
   if (d->fast && len >= cols) {
      emit_fast(d, p, len / cols);
      p += len - len % cols;
      len %= cols;
   }
   for (; len >= cols && d->sink_error == 0; p += cols, len -= cols)
      emit_line(d, p, cols);
   if (len > 0) {
      memcpy(d->partial, p, len);
      d->fill = (unsigned)len;
   }
}

/* -p: COLS bytes a line (0: all on one). */
static void feed_plain(XxdDump *d, const unsigned char *p, size_t len) {
   while (len > 0 && d->sink_error == 0) {
      size_t room = d->f.cols ? d->f.cols - d->fill : 4096;
      size_t take = len < room ? len : room;
      if (take > 4096)
         take = 4096;
      d->used += xxdfmt_plain(&d->f, reserve(d, 2 * take + 1), p, take);
      p += take;
      len -= take;
      if (d->f.cols && (d->fill += (unsigned)take) == d->f.cols) {
         d->out[d->used++] = '\n';
         d->fill = 0;
      }
   }
}

/* -i: "  0x48, 0x65," with COLS elements a row. */
static void feed_include(XxdDump *d, const unsigned char *p, size_t len, uint64_t before) {
   for (size_t i = 0; i < len; i++) {
      char *o = reserve(d, 16), *s = o;
      uint64_t n = before + i;
      if (n == 0)
         s += 2, memcpy(o, "  ", 2);
      else if (n % d->f.cols == 0)
         memcpy(s, ",\n  ", 4), s += 4;
      else
         memcpy(s, ", ", 2), s += 2;
      s += xxdfmt_include_byte(&d->f, s, p[i]);
      d->used += (size_t)(s - o);
   }
}

void xxddump_feed(XxdDump *d, const unsigned char *p, size_t len) {
   if (d->sink_error != 0)
      return;
   uint64_t before = d->count;
   d->count += len;
   if (d->lines)
      feed_lines(d, p, len);
   else if (d->f.style == XXD_PLAIN)
      feed_plain(d, p, len);
   else
      feed_include(d, p, len, before);
}

void xxddump_zeros(XxdDump *d, uint64_t len) {
   while (len > 0 && d->sink_error == 0) {
      /* A line the data before the hole half filled is completed first:
       * lines count from -s, and the skip below must work at any start. */
      if (d->lines && d->f.autoskip && d->fill > 0) {
         size_t take = d->f.cols - d->fill < len ? d->f.cols - d->fill : (size_t)len;
         xxddump_feed(d, zeros, take);
         len -= take;
         continue;
      }
      /* Inside a squeezed run, whole zero lines only move the offsets. */
      if (d->lines && d->f.autoskip && d->fill == 0 && d->zero_run >= 2 && len >= d->f.cols) {
         uint64_t n = len / d->f.cols;
         d->zero_run += n;
         d->offset += n * d->f.cols;
         d->count += n * d->f.cols;
         d->last_off = d->offset - d->f.cols;
         len -= n * d->f.cols;
         continue;
      }
      size_t take = len < ZERO_PIECE ? (size_t)len : ZERO_PIECE;
      xxddump_feed(d, zeros, take);
      len -= take;
   }
}

uint64_t xxddump_count(const XxdDump *d) {
   return d->count;
}

/* Text of any length (a name may be as long as an argument). */
static void put_long(XxdDump *d, const char *s, size_t len) {
   while (len > 0) {
      size_t take = len < 4096 ? len : 4096;
      put(d, s, take);
      s += take;
      len -= take;
   }
}

void xxddump_include_head(XxdDump *d, const char *name) {
   put_long(d, "unsigned char ", 14);
   put_long(d, name, strlen(name));
   put_long(d, "[] = {\n", 7);
}

static void include_tail(XxdDump *d, const char *name, bool capitalize) {
   char count[32];
   put_long(d, "};\nunsigned int ", 16);
   put_long(d, name, strlen(name));
   put_long(d, capitalize ? "_LEN = " : "_len = ", 7);
   put_long(d, count, (size_t)snprintf(count, sizeof count, "%llu;\n",
                                       (unsigned long long)d->count));
}

/* At the end of the input: -a prints what its run held back. */
static void end_of_lines(XxdDump *d) {
   if (d->fill > 0) {
      emit_line(d, d->partial, d->fill);
      return;
   }
   if (d->zero_run == 2 || d->zero_run == 3)
      print_line(d, d->second_off, zeros, d->f.cols);
   else if (d->zero_run > 3)
      print_star(d);
   if (d->zero_run >= 3)
      print_line(d, d->last_off, zeros, d->f.cols);
}

int xxddump_finish(XxdDump *d, const char *include_name, bool capitalize) {
   if (d->sink_error == 0) {
      if (d->lines)
         end_of_lines(d);
      else if (d->f.style == XXD_PLAIN && (d->fill > 0 || d->f.cols == 0))
         put(d, "\n", 1);
      else if (d->f.style == XXD_INCLUDE && d->count > 0)
         put(d, "\n", 1);
      if (d->f.style == XXD_INCLUDE && include_name)
         include_tail(d, include_name, capitalize);
      flush_out(d);
   }
   int rc = d->sink_error;
   free(d->out);
   free(d);
   return rc;
}
