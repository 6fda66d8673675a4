/* replay.c - runs a fuzz harness over files, without libFuzzer, so that
 * `make check` replays the corpus under the ordinary (or sanitizer) build. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int main(int argc, char **argv) {
   for (int i = 1; i < argc; i++) {
      FILE *f = fopen(argv[i], "rb");
      if (!f) {
         perror(argv[i]);
         return 2;
      }
      unsigned char buf[8192];
      size_t n = fread(buf, 1, sizeof buf, f);
      fclose(f);
      LLVMFuzzerTestOneInput(buf, n);
      printf("ok %d - %s\n", i, argv[i]);
   }
   printf("1..%d\n", argc - 1);
   return 0;
}
