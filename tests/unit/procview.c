/* procview: the page map of another process's memory, cell by cell.  The
 * window's arithmetic; the pages' states from given flags (copied only
 * in a private mapping of an object, nothing claimed where the page map
 * was refused); and this very process looked at as another one would be:
 * a private file mapping with one page written (copied), one read (the
 * file's page), one never touched (far from the others: a read fault maps
 * the cached pages around it too), and a gap where nothing is mapped. */
#include "config.h"

#include "tap.h"
#include "app/procview.h"
#include "platform/mapping.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void test_window(void) {
   uint64_t a, b, pg = platform_page_size();
   procview_window(0x10, 0x20, pg, 0x40000, &a, &b);
   is_u64(a, 0, "the page granularity: the screen's page, from its start");
   is_u64(b, pg, "... to its end");
   procview_window(0x14010, 0x14020, 0x10000, 0x30000, &a, &b);
   is_u64(a, 0x10000, "64 KiB granules of the source's offsets: widened down");
   is_u64(b, 0x20000, "... and up");
   procview_window(0x14010, 0x14020, 0x10000, 0x15001, &a, &b);
   is_u64(b, 0x15001, "... within the source");
}

static void test_states(void) {
   ProcView p;
   procview_init(&p, 1);
   p.npages = 6;
   p.window_pages = 6;
   unsigned char flags[6] = { 0, PLATFORM_PAGE_PRESENT | PLATFORM_PAGE_FILE,
                              PLATFORM_PAGE_PRESENT, PLATFORM_PAGE_SWAPPED,
                              PLATFORM_PAGE_PRESENT | PLATFORM_PAGE_EXCLUSIVE | PLATFORM_PAGE_PFN_HIDDEN,
                              0 };
   unsigned char where[6] = { 1, 2, 2, 2, 1, 0 };
   memcpy(p.flags, flags, sizeof flags);
   memcpy(p.where, where, sizeof where);
   is_u64(procview_page(&p, 0), PROCVIEW_PAGE_ABSENT, "mapped, nothing there: not present");
   is_u64(procview_page(&p, 1), PROCVIEW_PAGE_RESIDENT, "the file's own page: in memory");
   is_u64(procview_page(&p, 2), PROCVIEW_PAGE_COPIED, "in a private object mapping, no file page: copied");
   is_u64(procview_page(&p, 3), PROCVIEW_PAGE_COPIED, "... swapped out, still the process's copy");
   is_u64(procview_page(&p, 4), PROCVIEW_PAGE_RESIDENT, "an anonymous page is never a copy");
   is_u64(procview_page(&p, 5), PROCVIEW_PAGE_UNMAPPED, "no region: not mapped");
   ProcViewCounts c;
   procview_count(&p, &c);
   ok(c.pages == 6 && c.resident == 3 && c.swapped == 1 && c.copied == 2 && c.absent == 1
      && c.unmapped == 1 && c.exclusive == 1 && c.unknown == 0,
      "counted: 3 in memory, 1 swapped, 2 copies, 1 absent, 1 unmapped, 1 exclusive");
   ok(c.pfn_hidden, "a frame number withheld is seen");
   p.pages_err = EACCES;
   memset(p.flags, 0, sizeof flags);
   procview_count(&p, &c);
   ok(c.unknown == 6 && c.resident == 0 && c.absent == 0 && c.unmapped == 0,
      "the page map refused: every page unknown, none claimed absent");
   char why[512];
   p.pages_err = ENOSYS;
   procview_pages_why(&p, why, sizeof why);
   ok(strstr(why, "page map unknown: ") == why && strstr(why, "CONFIG_PROC_PAGE_MONITOR"),
      "a kernel without page maps: said so (%s)", why);
}

/* This process, as the hex view sees another. */
static void test_self(void) {
   size_t pg = platform_page_size();
   char path[256];
   int fd = mkstemp(tap_scratch(path, sizeof path, "procview"));
   if (fd < 0 || ftruncate(fd, (off_t)(64 * pg)) != 0) {
      skip("no scratch file", "this process's page map");
      return;
   }
   unlink(path);
   unsigned char *m = mmap(NULL, 65 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
   if (m == MAP_FAILED) {
      skip("no mapping", "this process's page map");
      return;
   }
   munmap(m + 64 * pg, pg);               /* a gap after the file's pages */
   m[0] = 1;                              /* copied */
   volatile unsigned char r = m[pg];      /* read: the file's page */
   (void)r;
   ProcView p;
   procview_init(&p, (int)getpid());
   uint64_t base = (uint64_t)(uintptr_t)m;
   ok(procview_update(&p, base, base, base + 65 * pg), "this process is looked at");
   is_u64(p.pages_err, 0, "its page map is read");
   is_u64(procview_page(&p, 0), PROCVIEW_PAGE_COPIED, "the page written: its own copy");
   is_u64(procview_page(&p, 1), PROCVIEW_PAGE_RESIDENT, "the page read: the file's, in memory");
   is_u64(procview_page(&p, 48), PROCVIEW_PAGE_ABSENT, "the page never touched: not present");
   is_u64(procview_page(&p, 64), PROCVIEW_PAGE_UNMAPPED, "the gap: not mapped");
   ok(procview_copied_count(&p) == 1, "the title's count agrees: 1 page copied");
   munmap(m, 64 * pg);
   close(fd);
}

int main(void) {
   plan_lazy();
   test_window();
   test_states();
   test_self();
   return done_testing();
}
