/* open.c - opening an object only once it is known to be the one wanted
 * (platform.h, "opening a checked object").
 *
 * stat(2) says what a path names without opening it.  The open that follows
 * takes an O_PATH descriptor first: open(2) with O_PATH runs no driver and
 * reads nothing, so a device or FIFO swapped in under the name is never
 * really opened.  Its fstat() is compared with what the caller expects, and
 * only then is that very inode opened for reading or writing, through
 * /proc/self/fd/N of the O_PATH descriptor (proc(5)): a second lookup of the
 * name, which could find yet another object, never happens. */
#include "config.h"

#include "platform/platform.h"
#include "platform/linux/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool platform_same_object(const PlatformStat *a, const PlatformStat *b) {
   return a->kind == b->kind && (a->dev == PLATFORM_DEV_ANY || a->dev == b->dev)
          && a->ino == b->ino;
}

int platform_stat_path(const char *path, PlatformStat *st) {
   struct stat sb;
   if (stat(path, &sb) < 0)
      return errno;
   platform_fill_stat(&sb, st);
   return 0;
}

/* Open the inode behind the O_PATH descriptor PATHFD with FLAGS. */
static int reopen_path_fd(int pathfd, int flags) {
   char self[64];
   snprintf(self, sizeof self, "/proc/self/fd/%d", pathfd);
   return open(self, flags);
}

int platform_may_write(PlatformHandle h) {
   char self[64];
   snprintf(self, sizeof self, "/proc/self/fd/%d", h);
   return faccessat(AT_FDCWD, self, W_OK, AT_EACCESS) == 0 ? 0 : errno;
}

/* FD moved to the lowest free number (the O_PATH descriptor's, now
 * closed): the descriptor the screen shows in its mmap() call is the one
 * a plain open() would have given. */
static int lowest_fd(int fd) {
   int low = fcntl(fd, F_DUPFD_CLOEXEC, 0);
   if (low < 0 || low > fd) {
      if (low >= 0)
         close(low);
      return fd;
   }
   close(fd);
   return low;
}

int platform_open_same(const char *path, bool writable, const PlatformStat *expect,
                       int *fd, PlatformStat *st) {
   int pathfd = open(path, O_PATH | O_CLOEXEC);
   if (pathfd < 0)
      return errno;
   PlatformStat now;
   struct stat sb;
   int rc = fstat(pathfd, &sb) < 0 ? errno : 0;
   if (rc == 0) {
      platform_fill_stat(&sb, &now);
      if (!platform_same_object(&now, expect))
         rc = ESTALE;
   }
   int flags = (writable ? O_RDWR : O_RDONLY) | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
   int real = rc == 0 ? reopen_path_fd(pathfd, flags) : -1;
   if (rc == 0 && real < 0)
      rc = errno;
   close(pathfd);
   if (rc != 0)
      return rc;
   real = lowest_fd(real);
   rc = platform_stat_fd(real, st);
   if (rc == 0 && !platform_same_object(st, expect))
      rc = ESTALE;
   if (rc != 0) {
      close(real);
      return rc;
   }
   int fl = fcntl(real, F_GETFL);
   if (fl >= 0)
      (void)fcntl(real, F_SETFL, fl & ~O_NONBLOCK);
   *fd = real;
   return 0;
}
