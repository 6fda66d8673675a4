/* escape.h - making untrusted names safe to print.
 *
 * File names, object names and command lines come from other users and
 * processes.  Before any of them reaches a terminal, control characters,
 * C1 controls and bytes that are not valid UTF-8 are written as escapes
 * (\n \t \e \\ \xNN), so a name can never move the cursor or change colours.
 * Characters that reorder or break the line (bidi controls U+202A-202E,
 * U+2066-2069, U+200E/F, U+061C; separators U+2028/2029) and the other
 * invisible format controls (Unicode class Cf: U+200B, U+FEFF ...) are
 * written as \uXXXX, so a name can neither turn a table around nor hide
 * what it says. */
#ifndef MAPSCOPE_ESCAPE_H
#define MAPSCOPE_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Escape IN into OUT (OUTSZ bytes, always terminated; truncates whole
 * escapes only).  Returns the length the full result would have. */
size_t escape_into(char *out, size_t outsz, const char *in);

/* The screen's gate (ui/crt.c passes every text it draws through it):
 * escape_into() except that a backslash is kept as it is.  Text typed at a
 * prompt shows as typed ("\x41" stays "\x41"), and text escaped before
 * comes out unchanged (what escape_into() writes is printable ASCII), so
 * passing text through it twice does no harm; anything that could move the
 * cursor, reorder or break the line is escaped all the same.  Same
 * contract as escape_into(). */
size_t escape_screen_into(char *out, size_t outsz, const char *in);

/* A malloc'd escaped copy (never NULL: falls back to a static "?"). */
char *escape_dup(const char *in);

/* The same for text in the search pattern's own syntax (--find PATTERN),
 * shown as typed: a backslash stays single (it starts the pattern's own
 * escapes, \n \e \xNN, which mean the bytes the other escapes show). */
char *escape_dup_pattern(const char *in);

/* The length of the valid UTF-8 sequence at S (its code point in *CP), or
 * 0 when S starts no valid sequence (overlong, surrogate, past U+10FFFF,
 * cut short). */
size_t escape_utf8_len(const unsigned char *s, uint32_t *cp);

/* True for the characters written as \uXXXX above (bidi controls,
 * separators, the other format controls). */
bool escape_is_format_control(uint32_t cp);

#endif
