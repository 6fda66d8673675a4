/* columns.c - rows in the order of a column. */
#include "config.h"

#include "app/columns.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
   int (*cmp)(const void *ctx, size_t a, size_t b);
   const void *ctx;
   bool reverse;
} Order;

static int order(const Order *o, size_t a, size_t b) {
   int c = o->cmp(o->ctx, a, b);
   return o->reverse ? -c : c;
}

/* Merge sort of V[0..N) with TMP as room; stable. */
static void merge_sort(size_t *v, size_t *tmp, size_t n, const Order *o) {
   if (n < 2)
      return;
   size_t half = n / 2;
   merge_sort(v, tmp, half, o);
   merge_sort(v + half, tmp, n - half, o);
   size_t i = 0, j = half, k = 0;
   while (i < half && j < n)
      tmp[k++] = order(o, v[j], v[i]) < 0 ? v[j++] : v[i++];
   while (i < half)
      tmp[k++] = v[i++];
   while (j < n)
      tmp[k++] = v[j++];
   memcpy(v, tmp, n * sizeof *v);
}

bool columns_sort(size_t *rows, size_t n, int (*cmp)(const void *ctx, size_t a, size_t b),
                  const void *ctx, bool reverse) {
   size_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
   if (!tmp)
      return false;
   Order o = { cmp, ctx, reverse };
   merge_sort(rows, tmp, n, &o);
   free(tmp);
   return true;
}
