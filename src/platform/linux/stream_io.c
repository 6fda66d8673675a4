/* stream_io.c - files --xxd reads from start to end, and its output files. */
#include "config.h"

#include "platform/platform.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int platform_open_input(const char *path, int *fd, PlatformStat *st) {
   int f = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
   if (f < 0)
      return errno;
   int rc = platform_stat_fd(f, st);
   if (rc != 0) {
      close(f);
      return rc;
   }
   *fd = f;
   return 0;
}

int platform_open_output(const char *path, bool truncate, int *fd) {
   int f = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOCTTY | (truncate ? O_TRUNC : 0), 0666);
   if (f < 0)
      return errno;
   *fd = f;
   return 0;
}
