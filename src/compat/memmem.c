/* memmem.c - the first NEEDLE in HAY, for C libraries without memmem(). */
#include "config.h"

#include <string.h>

void *memmem(const void *hay, size_t haylen, const void *needle, size_t needlelen) {
   const unsigned char *h = hay, *n = needle;
   if (needlelen == 0)
      return (void *)h;
   while (haylen >= needlelen) {
      const unsigned char *p = memchr(h, n[0], haylen - needlelen + 1);
      if (!p)
         return NULL;
      if (memcmp(p, n, needlelen) == 0)
         return (void *)p;
      haylen -= (size_t)(p - h) + 1;
      h = p + 1;
   }
   return NULL;
}
