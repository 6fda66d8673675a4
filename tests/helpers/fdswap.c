/* fdswap - a process that swaps a descriptor under the object list.
 *
 *    fdswap NAME TARGET
 *
 * makes a memfd called NAME (8192 bytes of "listed memfd\n") and holds it,
 * prints "fd=N", "pid=P" and "ready"; on the line "swap" from standard
 * input it puts an O_PATH descriptor of TARGET (which needs no right to
 * read TARGET) on the same descriptor number with dup2() and prints
 * "swapped".  It exits when standard input ends. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int fail(const char *what) {
   fprintf(stderr, "fdswap: %s: %s\n", what, strerror(errno));
   return 1;
}

static int fill(int fd) {
   static const char line[] = "listed memfd\n";
   for (size_t done = 0; done < 8192; done += sizeof line - 1)
      if (write(fd, line, sizeof line - 1) != (ssize_t)(sizeof line - 1))
         return -1;
   return ftruncate(fd, 8192);
}

int main(int argc, char **argv) {
   if (argc != 3) {
      fprintf(stderr, "usage: fdswap NAME TARGET\n");
      return 2;
   }
   int fd = memfd_create(argv[1], 0);
   if (fd < 0 || fill(fd) != 0)
      return fail("memfd");
   printf("fd=%d\npid=%d\nready\n", fd, (int)getpid());
   fflush(stdout);
   char cmd[64];
   while (fgets(cmd, sizeof cmd, stdin)) {
      if (strcmp(cmd, "swap\n") != 0)
         continue;
      int other = open(argv[2], O_PATH | O_CLOEXEC);
      if (other < 0 || dup2(other, fd) < 0)
         return fail(argv[2]);
      close(other);
      printf("swapped\n");
      fflush(stdout);
   }
   return 0;
}
