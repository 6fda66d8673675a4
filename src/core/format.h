/* format.h - dump lines exactly as `hexdump -C` and `xxd` print them. */
#ifndef MAPSCOPE_FORMAT_H
#define MAPSCOPE_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#define FORMAT_BYTES_PER_LINE 16
#define FORMAT_LINE_MAX 128          /* longest line either style writes */

typedef enum {
   FORMAT_HEXDUMP_C,
   FORMAT_XXD
} FormatStyle;

/* One line of N (1..16) bytes that starts at OFFSET; returns its length,
 * newline included.  OUT must hold FORMAT_LINE_MAX bytes. */
size_t format_line(FormatStyle style, char *out, uint64_t offset,
                   const unsigned char *bytes, unsigned n);

/* The closing offset line of hexdump -C ("%08llx\n"). */
size_t format_end_line(char *out, uint64_t offset);

/* The byte as the text pane of both tools shows it: itself or '.'. */
static inline char format_printable(unsigned char c) {
   return (c >= 0x20 && c < 0x7f) ? (char)c : '.';
}

#endif
