/* pagescan.c - the runs of pages another process has touched: the
 * PAGEMAP_SCAN ioctl of /proc/PID/pagemap (Linux 6.7), else the page
 * map's entries in large reads.  The contract is platform/procpages.h. */
#include "config.h"

#include "platform/procpages.h"
#include "platform/linux/pagemap.h"
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* The ioctl's interface (include/uapi/linux/fs.h), for C libraries whose
 * headers predate it; the kernel keeps it stable. */
struct ms_page_region {
   uint64_t start, end, categories;
};
struct ms_pm_scan_arg {
   uint64_t size, flags, start, end, walk_end, vec, vec_len, max_pages;
   uint64_t category_inverted, category_mask, category_anyof_mask, return_mask;
};
#define MS_PAGEMAP_SCAN _IOWR('f', 16, struct ms_pm_scan_arg)
#define MS_PAGE_IS_PRESENT (1u << 3)
#define MS_PAGE_IS_SWAPPED (1u << 4)

#define SCAN_VEC 512
#define READ_PAGES 65536

/* 0 done, ENOTTY/EINVAL when the kernel has no such ioctl, or an errno. */
static int scan_ioctl(int fd, uint64_t start, uint64_t end, PlatformTouchedFn fn, void *ctx) {
   struct ms_page_region vec[SCAN_VEC];
   for (uint64_t at = start; at < end;) {
      struct ms_pm_scan_arg a = {
         .size = sizeof a, .start = at, .end = end, .vec = (uint64_t)(uintptr_t)vec,
         .vec_len = SCAN_VEC, .category_anyof_mask = MS_PAGE_IS_PRESENT | MS_PAGE_IS_SWAPPED,
         .return_mask = MS_PAGE_IS_PRESENT | MS_PAGE_IS_SWAPPED,
      };
      int n = ioctl(fd, MS_PAGEMAP_SCAN, &a);
      if (n < 0 && errno == EINTR)
         continue;
      if (n < 0 && at > start)
         return errno == ENOTTY || errno == EINVAL ? EIO : errno;   /* no second walk */
      if (n < 0)
         return errno;
      for (int i = 0; i < n; i++)
         if (!fn(ctx, vec[i].start, vec[i].end))
            return ECANCELED;
      if (a.walk_end <= at)
         return EIO;          /* no progress: never loop */
      at = a.walk_end;
   }
   return 0;
}

/* The same from the page map's entries: bit 63 present, 62 swapped. */
static int scan_read(int fd, uint64_t start, uint64_t end, PlatformTouchedFn fn, void *ctx) {
   uint64_t page = platform_page_size(), first = start / page, last = end / page;
   uint64_t run = 0;
   bool in = false;
   unsigned char *flags = malloc(READ_PAGES);
   if (!flags)
      return ENOMEM;
   int rc = 0;
   for (uint64_t pg = first; pg < last && rc == 0;) {
      size_t n = last - pg < READ_PAGES ? (size_t)(last - pg) : READ_PAGES;
      if ((rc = platform_pagemap_read(fd, pg, n, flags)) != 0)
         break;
      for (size_t i = 0; i < n && rc == 0; i++) {
         bool t = flags[i] & (PLATFORM_PAGE_PRESENT | PLATFORM_PAGE_SWAPPED);
         if (t && !in)
            run = (pg + i) * page;
         else if (!t && in && !fn(ctx, run, (pg + i) * page))
            rc = ECANCELED;
         in = t;
      }
      pg += n;
   }
   if (rc == 0 && in && !fn(ctx, run, last * page))
      rc = ECANCELED;
   free(flags);
   return rc;
}

int platform_proc_touched(int pid, uint64_t start, uint64_t end, PlatformTouchedFn fn, void *ctx) {
   int fd = platform_pagemap_open(pid);
   if (fd < 0)
      return -fd;
   int rc = getenv("MAPSCOPE_TEST_NO_PAGEMAP_SCAN") ? ENOTTY : scan_ioctl(fd, start, end, fn, ctx);
   if (rc == ENOTTY || rc == EINVAL || rc == EOPNOTSUPP)
      rc = scan_read(fd, start, end, fn, ctx);
   close(fd);
   return platform_pagemap_result(pid, rc);
}
