/* xxdfmt.h - the lines of xxd(1), every layout its options ask for.
 *
 * Pure formatting, no I/O: a line of N bytes becomes text in a caller's
 * buffer.  The layouts are those of xxd as documented in xxd(1) and as the
 * installed xxd prints them (the tests compare byte for byte):
 *
 *   XXD_HEX     "%08x: " then COLS bytes as hex digit pairs, a blank after
 *               every GROUP bytes, two blanks, the text column
 *   XXD_LITTLE  the same, each group's bytes in reverse order (-e)
 *   XXD_BITS    each byte as eight binary digits (-b)
 *   XXD_PLAIN   hex digit pairs only, COLS bytes a line (-p)
 *   XXD_INCLUDE "  0x48, 0x65," rows of a C array (-i)
 *
 * The text column begins where a full line's would, whatever N is.  Where
 * xxd's own positions overlap (a partial little-endian group of -e with a
 * COLS that is not a multiple of GROUP) the later write wins, as in xxd.
 * The plain 16-byte hex line is built by core/format.c's fast path. */
#ifndef MAPSCOPE_XXDFMT_H
#define MAPSCOPE_XXDFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XXDFMT_COLS_MAX 256          /* xxd's limit for the line layouts */

typedef enum {
   XXD_HEX,
   XXD_LITTLE,
   XXD_BITS,
   XXD_PLAIN,
   XXD_INCLUDE
} XxdStyle;

typedef struct {
   XxdStyle style;
   unsigned cols;      /* bytes a line, >= 1; XXD_PLAIN: 0 = one line for all */
   unsigned group;     /* bytes a group, >= 1 (a group larger than COLS: none) */
   bool upper;         /* -u: upper-case hex digits (and 0X in -i) */
   bool decimal;       /* -d: offsets in decimal ("%08lld" of the signed value) */
   bool autoskip;      /* -a: runs of zero lines as "*" (line layouts only) */
   uint64_t add;       /* -o: added, modulo 2^64, to every displayed offset */
} XxdFormat;

/* The longest line xxdfmt_line() writes for F (newline included). */
size_t xxdfmt_line_max(const XxdFormat *f);

/* One line of XXD_HEX, XXD_LITTLE or XXD_BITS: N (1..cols) bytes at B that
 * start at file OFFSET (F->add is added here).  OUT holds
 * xxdfmt_line_max(F) bytes; returns the length written. */
size_t xxdfmt_line(const XxdFormat *f, char *out, uint64_t offset,
                   const unsigned char *b, unsigned n);

/* Hex digit pairs of N bytes at B, nothing else (XXD_PLAIN); OUT holds 2N. */
size_t xxdfmt_plain(const XxdFormat *f, char *out, const unsigned char *b, size_t n);

/* One element of the -i array, "0x48" ("0X48" with -u): 4 bytes, no NUL. */
size_t xxdfmt_include_byte(const XxdFormat *f, char *out, unsigned char b);

/* NAME as xxd turns a file name into a C identifier: every byte that is not
 * an ASCII letter or digit becomes '_', letters upper-cased with CAPITALIZE,
 * and "__" goes before a leading digit.  Returns a malloc'd string (NULL
 * when out of memory). */
char *xxdfmt_c_name(const char *name, bool capitalize);

#endif
