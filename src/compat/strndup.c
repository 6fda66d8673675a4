/* strndup.c - a copy of at most N bytes of S, for C libraries without
 * strndup(). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

char *strndup(const char *s, size_t n) {
   size_t len = 0;
   while (len < n && s[len] != '\0')
      len++;
   char *copy = malloc(len + 1);
   if (!copy)
      return NULL;
   memcpy(copy, s, len);
   copy[len] = '\0';
   return copy;
}
