/* pagemap.c - page flags from a page map: ours, another process's. */
#include "config.h"

#include "platform/procpages.h"
#include "platform/linux/pagemap.h"
#include "platform/mapping.h"
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Bits 63 present, 62 swapped, 61 file-page or shared-anon (clear once
 * copy-on-write has given the page a private copy), 56 exclusively
 * mapped; 0-54 the frame number of a present page, which Linux 4.2 on
 * gives as 0 to a reader without CAP_SYS_ADMIN (frame 0 is never a
 * process's page). */
unsigned char platform_pagemap_decode(uint64_t v) {
   unsigned char f = 0;
   if (v >> 63 & 1) f |= PLATFORM_PAGE_PRESENT;
   if ((v >> 63 & 1) && (v & ((UINT64_C(1) << 55) - 1)) == 0) f |= PLATFORM_PAGE_PFN_HIDDEN;
   if (v >> 62 & 1) f |= PLATFORM_PAGE_SWAPPED;
   if (v >> 61 & 1) f |= PLATFORM_PAGE_FILE;
   if (v >> 56 & 1) f |= PLATFORM_PAGE_EXCLUSIVE;
   return f;
}

int platform_pagemap_read(int fd, uint64_t first, size_t npages, unsigned char *flags) {
   uint64_t buf[512];
   for (size_t done = 0; done < npages;) {
      size_t n = npages - done < 512 ? npages - done : 512;
      ssize_t got = pread(fd, buf, n * sizeof buf[0], (off_t)((first + done) * sizeof buf[0]));
      if (got < 0 && errno == EINTR)
         continue;
      if (got < 0)
         return errno;
      if (got == 0 || (size_t)got % sizeof buf[0] != 0)
         return EIO;
      n = (size_t)got / sizeof buf[0];
      for (size_t i = 0; i < n; i++)
         flags[done + i] = platform_pagemap_decode(buf[i]);
      done += n;
   }
   return 0;
}

int platform_pagemap_open(int pid) {
   char path[64];
   if (platform_proc_same_ns() != 0)
      return -EXDEV;
   snprintf(path, sizeof path, "/proc/%d/pagemap", pid);
   int fd = open(path, O_RDONLY | O_CLOEXEC);
   if (fd < 0 && errno == ENOENT) {
      /* the process is gone, or this kernel has no page maps
       * (CONFIG_PROC_PAGE_MONITOR) */
      snprintf(path, sizeof path, "/proc/%d", pid);
      return access(path, F_OK) == 0 ? -ENOSYS : -ESRCH;
   }
   return fd < 0 ? -errno : fd;
}

int platform_pagemap_result(int pid, int rc) {
   /* a process that ended between the open and the read has an empty map */
   return rc == EIO && kill(pid, 0) != 0 && errno == ESRCH ? ESRCH : rc;
}

int platform_proc_page_flags(int pid, uint64_t addr, size_t npages, unsigned char *flags) {
   int fd = platform_pagemap_open(pid);
   if (fd < 0)
      return -fd;
   memset(flags, 0, npages);
   int rc = platform_pagemap_read(fd, addr / platform_page_size(), npages, flags);
   close(fd);
   return platform_pagemap_result(pid, rc);
}
