/* memmem-loop.c - the baseline of bench/search.sh: read() into one buffer,
 * memmem() over it, pattern length - 1 bytes carried between reads.
 *
 *    memmem-loop PATTERN FILE [BUFFER_BYTES]     prints the number of matches
 *
 * Built by the bench script at run time; not part of mapscope. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
   if (argc < 3) {
      fprintf(stderr, "usage: %s PATTERN FILE [BUFFER_BYTES]\n", argv[0]);
      return 2;
   }
   const char *pat = argv[1];
   size_t m = strlen(pat), size = argc > 3 ? strtoul(argv[3], NULL, 0) : 1 << 20;
   int fd = open(argv[2], O_RDONLY);
   char *buf = malloc(size + m);
   if (fd < 0 || !buf || m == 0) {
      perror(argv[2]);
      return 2;
   }
   size_t have = 0;
   unsigned long long count = 0;
   for (;;) {
      ssize_t n = read(fd, buf + have, size);
      if (n <= 0)
         break;
      have += (size_t)n;
      for (char *p = buf; (p = memmem(p, have - (size_t)(p - buf), pat, m)) != NULL; p++)
         count++;
      size_t keep = have < m - 1 ? have : m - 1;
      memmove(buf, buf + have - keep, keep);
      have = keep;
   }
   printf("%llu\n", count);
   return count ? 0 : 1;
}
