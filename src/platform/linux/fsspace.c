/* fsspace.c - free blocks of the file system under a descriptor. */
#include "config.h"

#include "platform/fsspace.h"

#include <errno.h>
#include <sys/statvfs.h>

int platform_fs_full(int fd, bool *full) {
   struct statvfs sv;
   if (fstatvfs(fd, &sv) < 0)
      return errno;
   *full = sv.f_blocks > 0 && sv.f_bavail == 0;
   return 0;
}
