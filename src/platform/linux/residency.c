/* residency.c - which pages of an object are in memory, told truthfully
 * (mapping.h: platform_cache_pages, platform_memory_pages).
 *
 * cachestat(2) (Linux 6.5, include/uapi/linux/mman.h: struct
 * cachestat_range, struct cachestat) is called through syscall(2): glibc
 * 2.36 has no wrapper and its headers may not know the number (451 on
 * every architecture but alpha).  A kernel without it says ENOSYS at run
 * time.  mincore(2) is used only where mm/mincore.c can_do_mincore() lets
 * it tell the truth: the caller owns the file or may write it. */
#include "config.h"

#include "platform/mapping.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <fcntl.h>

#ifndef __NR_cachestat
# if defined(__alpha__)
#  define __NR_cachestat 561
# else
#  define __NR_cachestat 451
# endif
#endif

struct ms_cachestat_range {
   uint64_t off, len;
};

struct ms_cachestat {
   uint64_t nr_cache, nr_dirty, nr_writeback, nr_evicted, nr_recently_evicted;
};

static int cachestat_page(int fd, uint64_t off, size_t len, unsigned char *state) {
   struct ms_cachestat_range r = { off, len };
   struct ms_cachestat c;
   memset(&c, 0, sizeof c);
   if (syscall(__NR_cachestat, (unsigned)fd, &r, &c, 0u) != 0)
      return errno;
   unsigned char st = PLATFORM_CACHE_KNOWN;
   if (c.nr_cache)
      st |= PLATFORM_CACHE_RESIDENT;
   if (c.nr_dirty)
      st |= PLATFORM_CACHE_DIRTY;
   if (c.nr_writeback)
      st |= PLATFORM_CACHE_WRITEBACK;
   if (c.nr_evicted)
      st |= PLATFORM_CACHE_EVICTED;
   if (c.nr_recently_evicted)
      st |= PLATFORM_CACHE_EVICTED | PLATFORM_CACHE_RECENT;
   *state = st;
   return 0;
}

/* can_do_mincore() for the file behind FD: its owner, a caller allowed
 * to write it, or one with the capability to override (root). */
static bool mincore_truthful(int fd) {
   struct stat sb;
   if (fstat(fd, &sb) != 0)
      return false;
   if (sb.st_uid == geteuid() || geteuid() == 0)
      return true;
   char self[64];
   snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
   return faccessat(AT_FDCWD, self, W_OK, AT_EACCESS) == 0;
}

static int mincore_pages(const void *addr, size_t npages, unsigned char *state) {
   size_t page = platform_page_size();
   if (mincore((void *)addr, npages * page, state) != 0)
      return errno;
   for (size_t i = 0; i < npages; i++)
      state[i] = PLATFORM_CACHE_KNOWN | (state[i] & 1 ? PLATFORM_CACHE_RESIDENT : 0);
   return 0;
}

int platform_cache_pages(PlatformHandle h, uint64_t offset, const void *addr, size_t npages,
                         unsigned char *state, PlatformResidency *how, int *why) {
   size_t page = platform_page_size();
   int rc = 0;
   *why = 0;
   for (size_t i = 0; i < npages && rc == 0; i++)
      rc = cachestat_page(h, offset + (uint64_t)i * page, page, &state[i]);
   if (rc == 0) {
      *how = PLATFORM_RESIDENCY_CACHESTAT;
      return 0;
   }
   *why = rc;
   if ((rc == ENOSYS || rc == EPERM) && addr && mincore_truthful(h)) {
      *how = PLATFORM_RESIDENCY_MINCORE;
      return mincore_pages(addr, npages, state);
   }
   memset(state, 0, npages);
   *how = PLATFORM_RESIDENCY_UNKNOWN;
   return rc == ENOSYS || rc == EPERM || rc == EBADF || rc == EOPNOTSUPP ? 0 : rc;
}

int platform_memory_pages(const void *addr, size_t npages, unsigned char *state,
                          PlatformResidency *how) {
   int rc = mincore_pages(addr, npages, state);
   *how = rc == 0 ? PLATFORM_RESIDENCY_MINCORE : PLATFORM_RESIDENCY_UNKNOWN;
   if (rc != 0)
      memset(state, 0, npages);
   return rc;
}
