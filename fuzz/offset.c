/* offset.c - fuzz harness: offset and size expressions.
 *
 * Invariants: nothing crashes; a resolved offset is never above 2^63-1; an
 * unsigned percentage or plain number in the start context never exceeds
 * what was asked; a refusal always carries a reason. */
#include "config.h"

#include "core/offset.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void check(const char *text, OffsetContext ctx, uint64_t objsize, uint64_t current) {
   OffsetExpr e;
   const char *why = NULL;
   if (!offset_parse(text, ctx, &e, &why)) {
      if (!why || !*why)
         abort();
      return;
   }
   uint64_t out = 0;
   why = NULL;
   if (!offset_resolve(&e, ctx, objsize, current, &out, &why)) {
      if (!why || !*why)
         abort();
      return;
   }
   if (out > OFFSET_MAX)
      abort();
   if (e.unit == OFFSET_PERCENT && e.sign == 0 && out > objsize)
      abort();
   if (e.unit == OFFSET_END && objsize > 0 && out != objsize - 1)
      abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
   if (size > 256)
      return 0;
   char *text = malloc(size + 1);
   if (!text)
      return 0;
   memcpy(text, data, size);
   text[size] = '\0';
   static const uint64_t sizes[] = { 0, 1, 4096, (uint64_t)5 << 30, OFFSET_MAX };
   for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
      check(text, OFFSET_AS_START, sizes[i], 0);
      check(text, OFFSET_AS_GOTO, sizes[i], sizes[i] / 2);
      check(text, OFFSET_AS_LENGTH, sizes[i], 0);
   }
   free(text);
   return 0;
}
