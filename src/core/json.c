/* json.c - JSON string literals (RFC 8259, section 7). */
#include "config.h"

#include "core/json.h"
#include "core/escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
   char *out;
   size_t outsz, len, written;
} Quote;

/* Pieces are written whole or not at all, so a cut never splits one. */
static void put(Quote *q, const char *s, size_t n) {
   if (q->len == q->written && q->len + n < q->outsz) {
      memcpy(q->out + q->len, s, n);
      q->written += n;
   }
   q->len += n;
}

static void put_u(Quote *q, uint32_t unit) {
   static const char hex[] = "0123456789abcdef";
   char piece[6] = { '\\', 'u', hex[(unit >> 12) & 0xf], hex[(unit >> 8) & 0xf],
                     hex[(unit >> 4) & 0xf], hex[unit & 0xf] };
   put(q, piece, 6);
}

/* A code point as JSON's escape: past the BMP, a surrogate pair. */
static void put_code_point(Quote *q, uint32_t cp) {
   if (cp > 0xffff) {
      cp -= 0x10000;
      put_u(q, 0xd800 + (cp >> 10));
      put_u(q, 0xdc00 + (cp & 0x3ff));
   } else {
      put_u(q, cp);
   }
}

static void put_control(Quote *q, unsigned char c) {
   static const char shorts[][3] = { ['\b'] = "\\b", ['\t'] = "\\t", ['\n'] = "\\n",
                                     ['\f'] = "\\f", ['\r'] = "\\r" };
   if (c < sizeof shorts / sizeof shorts[0] && shorts[c][0])
      put(q, shorts[c], 2);
   else
      put_u(q, c);
}

size_t json_quote_into(char *out, size_t outsz, const char *in) {
   Quote q = { out, outsz, 0, 0 };
   put(&q, "\"", 1);
   const unsigned char *p = (const unsigned char *)(in ? in : "");
   while (*p) {
      uint32_t cp;
      size_t n = escape_utf8_len(p, &cp);
      if (n == 0) {
         put_u(&q, 0xfffd);               /* not UTF-8: see json_is_utf8() */
         n = 1;
      } else if (cp == '"' || cp == '\\') {
         char piece[2] = { '\\', (char)cp };
         put(&q, piece, 2);
      } else if (cp < 0x20) {
         put_control(&q, (unsigned char)cp);
      } else if (cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || escape_is_format_control(cp)) {
         put_code_point(&q, cp);
      } else {
         put(&q, (const char *)p, n);
      }
      p += n;
   }
   put(&q, "\"", 1);
   if (outsz > 0)
      out[q.written] = '\0';
   return q.len;
}

bool json_is_utf8(const char *in) {
   const unsigned char *p = (const unsigned char *)(in ? in : "");
   while (*p) {
      uint32_t cp;
      size_t n = escape_utf8_len(p, &cp);
      if (n == 0)
         return false;
      p += n;
   }
   return true;
}

char *json_name_dup(const char *raw) {
   size_t need = json_quote_into(NULL, 0, raw) + 1;
   char *out = malloc(need);
   if (out)
      json_quote_into(out, need, raw);
   return out ? out : strdup("\"?\"");
}

char *json_hex_dup(const char *raw) {
   static const char hex[] = "0123456789abcdef";
   size_t len = strlen(raw ? raw : "");
   char *out = malloc(2 * len + 3);
   if (!out)
      return strdup("\"\"");
   size_t o = 0;
   out[o++] = '"';
   for (size_t i = 0; i < len; i++) {
      out[o++] = hex[(unsigned char)raw[i] >> 4];
      out[o++] = hex[(unsigned char)raw[i] & 0xf];
   }
   out[o++] = '"';
   out[o] = '\0';
   return out;
}
