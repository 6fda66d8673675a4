/* first-screen.c - one launch of a terminal program in a pseudo-terminal
 * (80x24, TERM=screen): the microseconds from fork() to the moment MARKER
 * appears in what the program wrote.  No terminal emulator reads in
 * between, so what is timed is the program's own start, not tmux's.
 *
 *   first-screen MARKER PROGRAM [ARG]...   prints "MICROSECONDS"
 *                                          ("timeout" after 20 s) */
#define _GNU_SOURCE
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void) {
   struct timespec t;
   clock_gettime(CLOCK_MONOTONIC, &t);
   return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

int main(int argc, char **argv) {
   if (argc < 3) {
      fprintf(stderr, "usage: first-screen MARKER PROGRAM [ARG]...\n");
      return 2;
   }
   const char *marker = argv[1];
   struct winsize ws = { 24, 80, 0, 0 };
   int master;
   double t0 = now_us();
   pid_t pid = forkpty(&master, NULL, NULL, &ws);
   if (pid < 0)
      return 1;
   if (pid == 0) {
      setenv("TERM", "screen", 1);
      execvp(argv[2], argv + 2);
      _exit(127);
   }
   static char buf[1 << 20];
   size_t len = 0;
   double done = -1;
   while (done < 0 && now_us() - t0 < 20e6) {
      struct pollfd p = { master, POLLIN, 0 };
      if (poll(&p, 1, 100) <= 0)
         continue;
      ssize_t n = read(master, buf + len, sizeof buf - 1 - len);
      if (n <= 0)
         break;
      len += (size_t)n;
      if (memmem(buf, len, marker, strlen(marker)))
         done = now_us() - t0;
      if (len > sizeof buf / 2) {        /* keep the tail: the marker may straddle */
         memmove(buf, buf + len - 256, 256);
         len = 256;
      }
   }
   kill(pid, SIGKILL);
   close(master);
   waitpid(pid, NULL, 0);
   if (done < 0)
      puts("timeout");
   else
      printf("%.0f\n", done);
   return done < 0;
}
