/* values_parts.h - the data inspector's pieces, shared by core/values*.c
 * only (the contract for everyone else is core/values.h).
 *
 * Each formatter writes at most VALUES_TEXT_MAX bytes to OUT, terminated. */
#ifndef MAPSCOPE_VALUES_PARTS_H
#define MAPSCOPE_VALUES_PARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The N bytes at B as an unsigned number, in the byte order asked for. */
uint64_t values_load(const unsigned char *b, size_t n, bool big_endian);
/* X as N bytes at B, in the byte order asked for. */
void values_store(uint64_t x, unsigned char *b, size_t n, bool big_endian);

/* values_char.c: the character starting at B (AVAIL bytes), UTF-8 or
 * UTF-16 in the byte order asked for: "U+20AC '...'", "invalid",
 * "U+D800 unpaired", "-" when no unit is left. */
void values_char_utf8(const unsigned char *b, size_t avail, bool glyphs, char *out);
void values_char_utf16(const unsigned char *b, size_t avail, bool big_endian, bool glyphs,
                       char *out);
/* The UTF-8 bytes of code point CP into OUT (4 bytes); their count, 0 for
 * a surrogate or a value past U+10FFFF. */
size_t values_utf8_encode(uint32_t cp, unsigned char *out);

/* values_time.c */
void values_filetime(uint64_t ticks, char *out);
void values_dos(uint32_t packed, char *out);
/* Is Y-M-D h:m:s a real date and time (seconds 0-59)? */
bool values_valid_civil(int64_t y, unsigned mo, unsigned d, unsigned h, unsigned mi,
                        unsigned s);

/* values.c: a float's text with %.*g, except that infinities and NaN
 * are "inf", "-inf", "nan" and "-nan" on every system. */
void values_float_text(double d, int digits, char *out);
/* The f16 with bits H as a double (exactly). */
double values_f16_value(uint16_t h);
/* D as the nearest f16 (ties to even); false when D is finite but past
 * what f16 holds (65504). */
bool values_f16_bits(double d, uint16_t *h);

#endif
