/* grow.h - room for one more element in a malloc'd array that doubles.
 *
 *   T *v = grow_for_one(a->items, &a->cap, a->n, sizeof *v, 16);
 *   if (!v)
 *      return false;              // out of memory: a->items is untouched
 *   a->items = v;
 *   v[a->n++] = item;
 *
 * ITEMS holds COUNT elements of ELEM bytes in room for *CAP.  Returns ITEMS
 * itself when COUNT < *CAP, else ITEMS realloc'd to twice *CAP (FIRST
 * elements when *CAP is 0) with *CAP updated; NULL, with ITEMS still valid
 * and *CAP unchanged, when realloc fails or the size would overflow.  The
 * caller stores the result back: the array may have moved. */
#ifndef MAPSCOPE_CORE_GROW_H
#define MAPSCOPE_CORE_GROW_H

#include <stdint.h>
#include <stdlib.h>

static inline void *grow_for_one(void *items, size_t *cap, size_t count, size_t elem,
                                 size_t first) {
   if (count < *cap)
      return items;
   size_t want = *cap ? *cap * 2 : first;
   if (want <= *cap || elem == 0 || want > SIZE_MAX / elem)
      return NULL;
   void *p = realloc(items, want * elem);
   if (p)
      *cap = want;
   return p;
}

#endif
