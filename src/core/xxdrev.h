/* xxdrev.h - reading a hex dump back into bytes, as `xxd -r` does.
 *
 * Two forms of input (xxd(1), -r and -r -p):
 *
 *   dump lines   "OFFSET: HEX HEX ...  text" - OFFSET hex digits (blanks
 *                before them allowed), a colon, at most one blank, then
 *                pairs of hex digits with at most one blank between pairs.
 *                Two blanks in a row, any other character, or COLS bytes
 *                end the pairs: the text column is never read.  A line
 *                without "OFFSET:" is garbage and skipped, as xxd skips
 *                garbage; a digit left without its pair is dropped.
 *   plain (-p)   every pair of hex digits anywhere, in order from offset 0;
 *                white space may split a pair, any other character drops a
 *                half-read one.
 *
 * The bytes come out as runs (offset, bytes) through EMIT, in input order;
 * lines may come in any order, overlap or leave gaps - the caller decides
 * what a gap means.  Input arrives in pieces of any size.  Nothing here
 * fails but memory (xxdrev_new returns NULL). */
#ifndef MAPSCOPE_XXDREV_H
#define MAPSCOPE_XXDREV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void (*XxdRevEmit)(void *ctx, uint64_t offset, const unsigned char *bytes, size_t n);

typedef struct XxdRev XxdRev;

/* PLAIN: -p input.  COLS: the most bytes a dump line gives (xxd -r -c). */
XxdRev *xxdrev_new(bool plain, unsigned cols, XxdRevEmit emit, void *ctx);

void xxdrev_feed(XxdRev *r, const char *text, size_t len);

/* The end of the input (a last line without its newline counts); frees R. */
void xxdrev_finish(XxdRev *r);

/* One dump line (no newline) on its own: its offset and up to COLS bytes
 * into OUT; returns the byte count, or -1 for a garbage line. */
long xxdrev_parse_line(const char *line, size_t len, unsigned cols,
                       uint64_t *offset, unsigned char *out);

#endif
