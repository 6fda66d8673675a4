/* json.h - JSON string literals for untrusted names.
 *
 * A name is first escaped as every other output escapes it (core/escape.h:
 * control characters and invalid UTF-8 become \e, \n, \xNN ...), and that
 * text is then quoted as a JSON string, so the JSON carries exactly what the
 * table shows and is always valid UTF-8. */
#ifndef MAPSCOPE_JSON_H
#define MAPSCOPE_JSON_H

#include <stddef.h>

/* Quote IN (valid UTF-8 expected) as a JSON string literal, quotes included,
 * into OUT (OUTSZ bytes, always terminated).  Returns the full length. */
size_t json_quote_into(char *out, size_t outsz, const char *in);

/* escape_dup() of RAW, quoted: a malloc'd JSON string literal (never NULL). */
char *json_name_dup(const char *raw);

#endif
