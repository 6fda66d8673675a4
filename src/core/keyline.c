/* keyline.c - a heading of keys fitted to a width (keyline.h). */
#include "config.h"

#include "core/keyline.h"
#include "core/textwidth.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define KEYLINE_MAX 32

/* The keys still shown, joined, into OUT. */
static void join(char *out, size_t outsz, const KeyHint *keys, size_t n, const bool *on) {
   size_t at = 0;
   out[0] = '\0';
   for (size_t i = 0; i < n; i++) {
      if (!on[i])
         continue;
      int w = snprintf(out + at, outsz - at, "%s%s", at ? ", " : "", keys[i].text);
      if (w < 0 || (size_t)w >= outsz - at)
         break;
      at += (size_t)w;
   }
}

/* The shown key with the lowest KEEP, unless it is the only one left. */
static bool drop_one(const KeyHint *keys, size_t n, bool *on) {
   size_t low = n, shown = 0;
   for (size_t i = 0; i < n; i++)
      if (on[i]) {
         shown++;
         if (low == n || keys[i].keep < keys[low].keep)
            low = i;
      }
   if (shown <= 1)
      return false;
   on[low] = false;
   return true;
}

size_t keyline_build(char *out, size_t outsz, const char *lead, const KeyHint *keys, size_t n,
                     size_t cols, const char *ellipsis) {
   bool on[KEYLINE_MAX];
   char list[1024], line[2048];
   if (outsz == 0)
      return 0;
   if (n > KEYLINE_MAX)
      n = KEYLINE_MAX;
   for (size_t i = 0; i < n; i++)
      on[i] = true;
   for (;;) {
      join(list, sizeof list, keys, n, on);
      snprintf(line, sizeof line, "%s: %s", lead, list);
      if (textwidth_cols(line) <= cols || !drop_one(keys, n, on))
         break;
   }
   if (textwidth_cols(line) <= cols)
      return textwidth_cut(out, outsz, line, cols, ellipsis, 0);
   size_t tail = textwidth_cols(list) + 2;       /* ": " and the key that is left */
   if (tail + textwidth_cols(ellipsis) >= cols)
      return textwidth_cut(out, outsz, list, cols, ellipsis, 0);
   char head[1024];
   textwidth_cut(head, sizeof head, lead, cols - tail, ellipsis, 0);
   snprintf(line, sizeof line, "%s: %s", head, list);
   return textwidth_cut(out, outsz, line, cols, ellipsis, 0);
}
