/* residency.c - which pages of an object are in memory, told truthfully
 * (mapping.h: platform_cache_pages, platform_memory_pages).
 *
 * cachestat(2) (Linux 6.5, include/uapi/linux/mman.h: struct
 * cachestat_range, struct cachestat) is called through syscall(2): glibc
 * 2.36 has no wrapper and its headers may not know the number (451 on
 * every architecture but alpha).  A kernel without it says ENOSYS at run
 * time.  mincore(2) is used only where mm/mincore.c can_do_mincore() lets
 * it tell the truth: the caller owns the file or may write it.
 *
 * The figures of a mapping are this process's smaps figures, as
 * platform_proc_regions() (procmem.c) reads them. */
#include "config.h"

#include "platform/mapping.h"
#include "platform/processes.h"
#include "platform/procmem.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdint.h>

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

static void add_figures(PlatformMemFigures *sum, const PlatformMemFigures *g) {
   sum->known = g->known;
   sum->rss += g->rss;
   sum->pss += g->pss;
   sum->shared_clean += g->shared_clean;
   sum->shared_dirty += g->shared_dirty;
   sum->private_clean += g->private_clean;
   sum->private_dirty += g->private_dirty;
   sum->anonymous += g->anonymous;
   sum->swap += g->swap;
}

int platform_mapping_figures(const void *addr, size_t len, PlatformMemFigures *figures,
                             uint64_t *region) {
   PlatformProcRegion *r = NULL;
   size_t n = 0;
   memset(figures, 0, sizeof *figures);
   *region = 0;
   int rc = platform_proc_regions(platform_self_pid(), true, &r, &n, NULL);
   if (rc != 0)
      return rc;
   uint64_t from = (uint64_t)(uintptr_t)addr, to = from + len;
   bool found = false;
   for (size_t i = 0; i < n; i++) {
      if (r[i].map.end <= from || r[i].map.start >= to)
         continue;
      found = true;
      *region += r[i].map.end - r[i].map.start;
      add_figures(figures, &r[i].figures);
   }
   platform_proc_regions_free(r, n);
   return found ? 0 : ENOENT;
}
