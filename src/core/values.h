/* values.h - the data inspector: the bytes at the cursor read as integers,
 * floating-point numbers, characters, times and GUIDs, in either byte
 * order; and the other way, a value typed into a field made into the bytes
 * that hold it.  No terminal here: the hex view's mapping pane lays the
 * texts out and makes the edits.
 *
 * Times: time32/time64 are seconds since 1970 in UTC (time32 is the old
 * 32-bit time_t many file formats still store; time64 is today's time_t on
 * Linux).  filetime is Windows' FILETIME, 100 ns ticks since 1601-01-01
 * UTC (an unsigned 64-bit count), shown as ISO 8601 in UTC.  dos is the
 * packed date and time of FAT directory entries and ZIP headers: the time
 * word (hour << 11 | minute << 5 | second / 2) followed by the date word
 * ((year - 1980) << 9 | month << 5 | day), i.e. one 32-bit number with the
 * date in its high half; it has no time zone (local time of the writer).
 *
 * f16 is IEEE 754 binary16 (1 sign, 5 exponent, 10 fraction bits).
 * utf8 and utf16 are the character that starts at the cursor (UTF-16 in the
 * chosen byte order, a surrogate pair read whole) as U+XXXX and a
 * rendering in quotes: controls, bidirectional and other invisible
 * formatting characters escaped (\n, \x1b, \u202e), never raw.
 * guid is the 16 bytes as Windows prints a GUID (its first three fields
 * little-endian: "mixed-endian"), uuid as RFC 4122 prints them (all
 * big-endian); neither follows the byte-order switch. */
#ifndef MAPSCOPE_VALUES_H
#define MAPSCOPE_VALUES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
   VALUES_HEX,        /* the 32-bit number in hexadecimal */
   VALUES_BIN,        /* the byte's eight bits */
   VALUES_F16,
   VALUES_UTF8,
   VALUES_UTF16,
   VALUES_FILETIME,
   VALUES_DOS,
   VALUES_GUID,
   VALUES_UUID,
   VALUES_COUNT
} ValuesType;

#define VALUES_TEXT_MAX 48         /* room for any value's text */
#define VALUES_BYTES_MAX 16        /* the most bytes any type reads */

/* "u16", "time32" ... */
const char *values_name(ValuesType t);

/* The type named NAME ("u16", "guid" ...); VALUES_COUNT when none is. */
ValuesType values_lookup(const char *name);

/* The bytes type T reads: 1, 2, 4, 8 or 16 (utf8: at least 1; a
 * character takes up to 4). */
size_t values_size(ValuesType t);

/* The widest text values_format() makes for T: the layout stays put while
 * the cursor moves. */
size_t values_width(ValuesType t);

/* Type T of the bytes B[0..AVAIL) into OUT (VALUES_TEXT_MAX bytes), read
 * big-endian or little-endian: "-" when fewer than its size remain, "out of
 * range" for a time gmtime() cannot show. */
void values_format(ValuesType t, const unsigned char *b, size_t avail, bool big_endian,
                   char *out);

/* The same, but with GLYPHS a printable character other than ASCII
 * (utf8, utf16) is shown as itself in UTF-8 rather than escaped: for a
 * terminal that shows UTF-8.  values_width() is then its width in columns. */
void values_format_glyphs(ValuesType t, const unsigned char *b, size_t avail,
                          bool big_endian, bool glyphs, char *out);

/* ---- typing a value (the inspector's edits) ---------------------------- */

/* Make TEXT, a value of the type named NAME, into the bytes that hold it
 * (in the chosen byte order where one matters) in OUT (OUTSZ bytes);
 * *LEN gets their count.  NAME is any name values_name() gives, or "bytes"
 * (hex digits, spaces allowed between bytes).  Integers are decimal, 0x
 * hex or 0 octal and must fit their type; floats as strtod(3) reads them
 * (inf and nan too); f16 and f32 refuse what their range cannot hold
 * instead of making it infinite; utf8 and utf16 take text (one character
 * or more); times take "YYYY-MM-DD HH:MM:SS" (or a T between, a Z after,
 * filetime down to 100 ns ".fffffff"), time32/time64 also a number of
 * seconds; guid and uuid take 32 hex digits in 8-4-4-4-12 groups, braces
 * optional.  False on bad input with *WHY a message (N_(), to translate). */
bool values_parse(const char *name, const char *text, bool big_endian, unsigned char *out,
                  size_t outsz, size_t *len, const char **why);

/* ---- the pieces, for the parsers and tests ----------------------------- */

/* Days from 1970-01-01 to Y-M-D of the proleptic Gregorian calendar
 * (negative before), and back. */
int64_t values_days_from_civil(int64_t y, unsigned m, unsigned d);
void values_civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d);

#endif
