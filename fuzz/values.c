/* values.c - fuzz harness: the data inspector's texts.
 *
 * Invariants, for every type, both byte orders and every count of bytes
 * left: the text is printable ASCII, not empty, and no wider than
 * values_width() promises (the pane's layout depends on it); with glyphs,
 * no wider in columns and no control byte.  values_parse of the input as
 * text, for every field: no more bytes than the buffer holds, and a reason
 * whenever it refuses. */
#include "config.h"

#include "core/values.h"
#include "core/textwidth.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static bool printable(const char *s) {
   for (; *s; s++)
      if (*s < 0x20 || *s > 0x7e)
         return false;
   return true;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
   unsigned char b[VALUES_BYTES_MAX] = { 0 };
   memcpy(b, data, size < sizeof b ? size : sizeof b);
   for (int t = 0; t < VALUES_COUNT; t++)
      for (size_t avail = 0; avail <= sizeof b; avail++)
         for (int big = 0; big <= 1; big++) {
            char text[VALUES_TEXT_MAX];
            memset(text, 'x', sizeof text);
            values_format((ValuesType)t, b, avail, big, text);
            size_t len = strnlen(text, sizeof text);
            if (len == 0 || len == sizeof text || len > values_width((ValuesType)t)
                || !printable(text))
               abort();
         }
   for (int t = 0; t < VALUES_COUNT; t++) {
      char text[VALUES_TEXT_MAX];
      values_format_glyphs((ValuesType)t, b, sizeof b, size & 1, true, text);
      for (const char *p = text; *p; p++)
         if ((unsigned char)*p < 0x20 || *p == 0x7f)
            abort();
      if (textwidth_cols(text) > values_width((ValuesType)t))
         abort();
   }
   char *input = malloc(size + 1);
   if (!input)
      return 0;
   memcpy(input, data, size);
   input[size] = '\0';
   for (int t = 0; t <= VALUES_COUNT; t++) {
      unsigned char out[64];
      size_t len = 99;
      const char *why = NULL;
      const char *name = t < VALUES_COUNT ? values_name((ValuesType)t) : "bytes";
      bool ok = values_parse(name, input, size & 2, out, sizeof out, &len, &why);
      if ((ok && len > sizeof out) || (!ok && !why))
         abort();
   }
   free(input);
   return 0;
}
