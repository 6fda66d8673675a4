/* json.c - quoting names for JSON output. */
#include "config.h"

#include "core/json.h"
#include "core/escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t json_quote_into(char *out, size_t outsz, const char *in) {
   size_t len = 0, written = 0;
   char piece[8];
#define PUT(s, n) do { \
      if (len == written && len + (n) < outsz) { memcpy(out + len, (s), (n)); written += (n); } \
      len += (n); \
   } while (0)
   PUT("\"", 1);
   for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
      size_t n = 1;
      piece[0] = (char)*p;
      if (*p == '"' || *p == '\\') {
         piece[0] = '\\';
         piece[1] = (char)*p;
         n = 2;
      } else if (*p < 0x20 || *p == 0x7f) {
         n = (size_t)snprintf(piece, sizeof piece, "\\u%04x", *p);
      }
      PUT(piece, n);
   }
   PUT("\"", 1);
#undef PUT
   if (outsz > 0)
      out[written] = '\0';
   return len;
}

char *json_name_dup(const char *raw) {
   char *esc = escape_dup(raw);
   size_t need = json_quote_into(NULL, 0, esc) + 1;
   char *out = malloc(need);
   if (out)
      json_quote_into(out, need, esc);
   free(esc);
   return out ? out : strdup("\"?\"");
}
