/* escape.c - fuzz harness: escaping of untrusted names.
 *
 * Invariants: the escaped text holds no control character (C0, DEL, C1),
 * no bidi control or line separator (U+202A-202E, U+2066-2069, U+200E/F,
 * U+061C, U+2028/2029), and is valid UTF-8; a truncated escape is a prefix
 * of the full one. */
#include "config.h"

#include "core/escape.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Accepts only valid UTF-8 with no control characters. */
static bool safe_text(const unsigned char *s) {
   while (*s) {
      unsigned c = *s, n, cp;
      if (c < 0x20 || c == 0x7f)
         return false;
      if (c < 0x80) {
         s++;
         continue;
      }
      if ((c & 0xe0) == 0xc0)      n = 1, cp = c & 0x1f;
      else if ((c & 0xf0) == 0xe0) n = 2, cp = c & 0x0f;
      else if ((c & 0xf8) == 0xf0) n = 3, cp = c & 0x07;
      else return false;
      for (unsigned i = 1; i <= n; i++) {
         if ((s[i] & 0xc0) != 0x80)
            return false;
         cp = (cp << 6) | (s[i] & 0x3f);
      }
      if (cp >= 0x80 && cp < 0xa0)
         return false;
      if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)
          || cp == 0x200e || cp == 0x200f || cp == 0x061c || cp == 0x2028 || cp == 0x2029)
         return false;
      s += n + 1;
   }
   return true;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
   if (size > 4096)
      return 0;
   char *text = malloc(size + 1);
   if (!text)
      return 0;
   memcpy(text, data, size);
   text[size] = '\0';
   char *full = escape_dup(text);
   if (!safe_text((const unsigned char *)full))
      abort();
   char small[17];
   size_t want = escape_into(small, sizeof small, text);
   if (want != strlen(full) || strncmp(small, full, strlen(small)) != 0)
      abort();
   free(full);
   free(text);
   return 0;
}
