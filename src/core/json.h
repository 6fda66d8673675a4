/* json.h - JSON string literals for untrusted names (RFC 8259, section 7).
 *
 * A name is carried as itself, with JSON's own escapes: '"' and '\\',
 * control characters (\n, \t ... \u0001), DEL and the C1 controls, and the
 * characters that would reorder or break a terminal's line if the JSON were
 * shown raw (bidi controls, U+2028/2029, the other format controls of
 * core/escape.h) as \uXXXX: a JSON reader gets the real name back, and
 * the output is safe to show on a terminal.  JSON strings are Unicode: a byte that
 * is not UTF-8 becomes U+FFFD, and json_is_utf8() tells the caller to give
 * the exact bytes too (json_hex_dup()). */
#ifndef MAPSCOPE_JSON_H
#define MAPSCOPE_JSON_H

#include <stdbool.h>
#include <stddef.h>

/* Quote IN as a JSON string literal, quotes included,
 * into OUT (OUTSZ bytes, always terminated).  Returns the full length. */
size_t json_quote_into(char *out, size_t outsz, const char *in);

/* RAW quoted: a malloc'd JSON string literal (never NULL). */
char *json_name_dup(const char *raw);

/* True when RAW is valid UTF-8 (its JSON string is then exact). */
bool json_is_utf8(const char *raw);

/* RAW's bytes as a JSON string of hex digits, malloc'd (never NULL). */
char *json_hex_dup(const char *raw);

#endif
