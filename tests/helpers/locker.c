/* locker - a process that holds a file lock, for the lock tests.
 *
 *    locker FILE KIND TYPE START LEN [handoff|wait]
 *
 * KIND is posix (fcntl F_SETLK), ofd (F_OFD_SETLK) or flock; TYPE read or
 * write; START and LEN the byte range (LEN 0: to the end; flock ignores
 * both).  It opens FILE (read-write for a write lock), takes the lock
 * without waiting, prints "pid=P fd=N" and "ready", and holds it until
 * standard input ends.  With "handoff" the process that took the lock
 * forks and exits once the child has printed: the child holds the lock on
 * through the inherited open file (flock and OFD locks), and prints the
 * lines with its own pid (a test waiting for them while the taker lives
 * never sees the taker gone first).  With
 * "wait" it waits for the lock (F_SETLKW, F_OFD_SETLKW, flock without
 * LOCK_NB): it is listed as a waiter until it gets it. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

static int fail(const char *what) {
   fprintf(stderr, "locker: %s: %s\n", what, strerror(errno));
   return 1;
}

static int take(int fd, const char *kind, bool write, long start, long len, bool wait) {
   if (strcmp(kind, "flock") == 0)
      return flock(fd, (write ? LOCK_EX : LOCK_SH) | (wait ? 0 : LOCK_NB));
   struct flock fl;
   memset(&fl, 0, sizeof fl);
   fl.l_type = write ? F_WRLCK : F_RDLCK;
   fl.l_whence = SEEK_SET;
   fl.l_start = start;
   fl.l_len = len;
   if (strcmp(kind, "posix") == 0)
      return fcntl(fd, wait ? F_SETLKW : F_SETLK, &fl);
   if (strcmp(kind, "ofd") == 0)
      return fcntl(fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &fl);
   errno = EINVAL;
   return -1;
}

int main(int argc, char **argv) {
   bool handoff = argc == 7 && strcmp(argv[6], "handoff") == 0;
   bool wait = argc == 7 && strcmp(argv[6], "wait") == 0;
   if (argc < 6 || (argc == 7 && !handoff && !wait) || argc > 7) {
      fprintf(stderr, "usage: locker FILE posix|ofd|flock read|write START LEN [handoff|wait]\n");
      return 2;
   }
   bool write = strcmp(argv[3], "write") == 0;
   int fd = open(argv[1], write ? O_RDWR : O_RDONLY);
   if (fd < 0)
      return fail(argv[1]);
   if (take(fd, argv[2], write, atol(argv[4]), atol(argv[5]), wait) != 0)
      return fail("lock");
   int said[2] = { -1, -1 };
   if (handoff) {
      if (pipe(said) != 0)
         return fail("pipe");
      pid_t child = fork();
      if (child < 0)
         return fail("fork");
      if (child > 0) {           /* the taker goes once the child has said it holds on */
         char c;
         close(said[1]);
         while (read(said[0], &c, 1) < 0 && errno == EINTR)
            ;
         _exit(0);
      }
      close(said[0]);
   }
   printf("pid=%d fd=%d\nready\n", (int)getpid(), fd);
   fflush(stdout);
   if (said[1] >= 0)
      close(said[1]);
   char buf[64];
   while (read(0, buf, sizeof buf) > 0)
      ;
   return 0;
}
