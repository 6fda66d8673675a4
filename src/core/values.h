/* values.h - the data inspector: the bytes at the cursor read as integers,
 * floating-point numbers and times, in either byte order.  No terminal
 * here: the hex view's mapping pane lays the texts out.
 *
 * Times are seconds since 1970 in UTC (time32 is the old 32-bit time_t
 * many file formats still store; time64 is today's time_t on Linux). */
#ifndef MAPSCOPE_VALUES_H
#define MAPSCOPE_VALUES_H

#include <stdbool.h>
#include <stddef.h>

/* In the order the inspector shows them (three rows at 80 columns). */
typedef enum {
   VALUES_U8,
   VALUES_I8,
   VALUES_U16,
   VALUES_I16,
   VALUES_U32,
   VALUES_I32,
   VALUES_F32,
   VALUES_F64,
   VALUES_U64,
   VALUES_I64,
   VALUES_TIME32,
   VALUES_TIME64,
   VALUES_COUNT
} ValuesType;

#define VALUES_TEXT_MAX 32         /* room for any value's text */

/* "u16", "time32" ... */
const char *values_name(ValuesType t);

/* The bytes type T reads: 1, 2, 4 or 8. */
size_t values_size(ValuesType t);

/* The widest text values_format() makes for T: the layout stays put while
 * the cursor moves. */
size_t values_width(ValuesType t);

/* Type T of the bytes B[0..AVAIL) into OUT (VALUES_TEXT_MAX bytes), read
 * big-endian or little-endian: "-" when fewer than its size remain, "out of
 * range" for a time gmtime() cannot show. */
void values_format(ValuesType t, const unsigned char *b, size_t avail, bool big_endian,
                   char *out);

#endif
