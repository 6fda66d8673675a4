/* hexrow.h - the rows of the hex and text panes, without any terminal.
 *
 *    00010000  48 65 6c 6c 6f 0a 00 00  ff fe 20 41 42 43 44 45  Hello_··×× ABCDE
 *    ^offset   ^hex pane, groups of 8                            ^text pane
 *
 * The offset column is at least 8 hex digits and widens for objects past
 * 4 GiB, so it never wraps or truncates.  The number of bytes per row is the
 * largest that fits the width (multiples of 8, or powers of two below 8),
 * unless the user forces one (--cols).  Bytes fall in four classes that the
 * screen colours; the text pane shows every non-printable byte as a visible
 * glyph, so nothing depends on colour alone. */
#ifndef MAPSCOPE_HEXROW_H
#define MAPSCOPE_HEXROW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HEXROW_MAX_BYTES 256       /* --cols upper limit */

typedef enum {
   HEXROW_NUL,          /* 0x00 */
   HEXROW_PRINT,        /* 0x21..0x7e */
   HEXROW_SPACE,        /* space, \t \n \v \f \r */
   HEXROW_OTHER,        /* other controls, DEL, 0x80..0xff */
   HEXROW_CLASS_COUNT
} HexrowClass;

typedef struct {
   unsigned offset_digits;  /* hex digits of the offset column */
   unsigned bytes;          /* bytes per row */
   unsigned hex_col;        /* first column of the hex pane */
   unsigned text_col;       /* first column of the text pane */
   unsigned width;          /* columns a full row uses */
} HexrowLayout;

/* Hex digits needed for every offset of an object of SIZE bytes (>= 8). */
unsigned hexrow_offset_digits(uint64_t size);

/* Columns a row of BYTES bytes takes with OFFSET_DIGITS. */
unsigned hexrow_width(unsigned offset_digits, unsigned bytes);

/* Lay out rows for COLS columns; FORCED_BYTES (0 = fit) is --cols.  Returns
 * false when not even one byte per row fits (or FORCED_BYTES does not). */
bool hexrow_layout(unsigned cols, unsigned forced_bytes, uint64_t size, HexrowLayout *out);

/* Column of byte I of a row in the hex pane, relative to hex_col. */
unsigned hexrow_hex_pos(unsigned i);

HexrowClass hexrow_class(unsigned char b);

/* The text pane's glyph for B: the byte itself when printable, otherwise a
 * visible stand-in (UTF-8 ones when UTF8, ASCII ones when not). */
const char *hexrow_glyph(unsigned char b, bool utf8);

/* OFFSET as DIGITS lowercase hex digits (OUT holds 17 bytes). */
void hexrow_offset(char *out, uint64_t offset, unsigned digits);

/* A size for people: "512 B", "4.0 KiB", "1.0 TiB". */
void hexrow_human_size(char *out, size_t outsz, uint64_t size);

#endif
