/* values.c - fuzz harness: the data inspector's texts.
 *
 * Invariants, for every type, both byte orders and every count of bytes
 * left: the text is printable ASCII, not empty, and no wider than
 * values_width() promises (the pane's layout depends on it). */
#include "config.h"

#include "core/values.h"

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
   return 0;
}
