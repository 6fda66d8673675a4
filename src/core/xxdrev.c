/* xxdrev.c - hex dumps back into bytes (see xxdrev.h). */
#include "config.h"

#include "core/xxdrev.h"

#include <stdlib.h>
#include <string.h>

#define PLAIN_PIECE 4096

struct XxdRev {
   bool plain;
   unsigned cols;
   XxdRevEmit emit;
   void *ctx;
   /* dump lines: the line read so far (only its head matters) */
   char *line;
   size_t line_len, line_cap;
   unsigned char *bytes;              /* COLS bytes of one line */
   /* plain: the bytes not yet emitted, and a half-read pair */
   unsigned char piece[PLAIN_PIECE];
   size_t piece_len;
   uint64_t plain_offset;
   int nibble;                        /* -1: none */
};

static int hex_value(char c) {
   if (c >= '0' && c <= '9') return c - '0';
   if (c >= 'a' && c <= 'f') return c - 'a' + 10;
   if (c >= 'A' && c <= 'F') return c - 'A' + 10;
   return -1;
}

static bool blank(char c) {
   return c == ' ' || c == '\t';
}

XxdRev *xxdrev_new(bool plain, unsigned cols, XxdRevEmit emit, void *ctx) {
   XxdRev *r = calloc(1, sizeof *r);
   if (!r)
      return NULL;
   r->plain = plain;
   r->cols = cols ? cols : 16;
   r->emit = emit;
   r->ctx = ctx;
   r->nibble = -1;
   /* A line's head: the offset, a colon, and COLS pairs with blanks. */
   r->line_cap = 64 + 3u * r->cols;
   r->line = malloc(r->line_cap);
   r->bytes = malloc(r->cols);
   if (!r->line || !r->bytes) {
      free(r->line);
      free(r->bytes);
      free(r);
      return NULL;
   }
   return r;
}

long xxdrev_parse_line(const char *line, size_t len, unsigned cols,
                       uint64_t *offset, unsigned char *out) {
   size_t i = 0;
   while (i < len && blank(line[i]))
      i++;
   uint64_t off = 0;
   size_t digits = 0;
   for (int v; i < len && (v = hex_value(line[i])) >= 0; i++, digits++)
      off = off << 4 | (uint64_t)v;
   if (digits == 0 || digits > 16 || i >= len || line[i] != ':')
      return -1;
   i++;
   if (i < len && blank(line[i]))
      i++;
   long n = 0;
   while ((unsigned long)n < cols && i + 1 < len) {
      int hi = hex_value(line[i]), lo = hex_value(line[i + 1]);
      if (hi < 0 || lo < 0)
         break;
      out[n++] = (unsigned char)(hi << 4 | lo);
      i += 2;
      if (i < len && blank(line[i])) {
         if (i + 1 < len && blank(line[i + 1]))
            break;                    /* two blanks: the text column follows */
         i++;
      }
   }
   *offset = off;
   return n;
}

static void end_line(XxdRev *r) {
   uint64_t off;
   long n = xxdrev_parse_line(r->line, r->line_len, r->cols, &off, r->bytes);
   if (n > 0)
      r->emit(r->ctx, off, r->bytes, (size_t)n);
   r->line_len = 0;
}

static void feed_lines(XxdRev *r, const char *text, size_t len) {
   for (size_t i = 0; i < len; i++) {
      if (text[i] == '\n') {
         end_line(r);
         continue;
      }
      if (r->line_len < r->line_cap)
         r->line[r->line_len++] = text[i];
   }
}

static void flush_piece(XxdRev *r) {
   if (r->piece_len) {
      r->emit(r->ctx, r->plain_offset, r->piece, r->piece_len);
      r->plain_offset += r->piece_len;
      r->piece_len = 0;
   }
}

static void feed_plain(XxdRev *r, const char *text, size_t len) {
   for (size_t i = 0; i < len; i++) {
      int v = hex_value(text[i]);
      if (v < 0) {
         if (!blank(text[i]) && text[i] != '\n' && text[i] != '\r')
            r->nibble = -1;
         continue;
      }
      if (r->nibble < 0) {
         r->nibble = v;
         continue;
      }
      r->piece[r->piece_len++] = (unsigned char)(r->nibble << 4 | v);
      r->nibble = -1;
      if (r->piece_len == PLAIN_PIECE)
         flush_piece(r);
   }
}

void xxdrev_feed(XxdRev *r, const char *text, size_t len) {
   if (r->plain)
      feed_plain(r, text, len);
   else
      feed_lines(r, text, len);
}

void xxdrev_finish(XxdRev *r) {
   if (r->plain)
      flush_piece(r);
   else if (r->line_len > 0)
      end_line(r);
   free(r->line);
   free(r->bytes);
   free(r);
}
