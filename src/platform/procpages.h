/* procpages.h - the state of another process's pages, one byte a page:
 * which pages copy-on-write has copied into the process's own memory
 * (its writes there do not reach the object it mapped), and which pages it
 * has touched at all (--find skips the others).
 *
 * On Linux (linux/pagemap.c) the flags are bits of /proc/PID/pagemap
 * (Documentation/admin-guide/mm/pagemap.rst): 63 present, 62 swapped,
 * 61 file-page or shared-anonymous (clear on a page that copy-on-write
 * has copied), 56 exclusively mapped.  They are readable with
 * PTRACE_MODE_READ (the frame numbers, which need CAP_SYS_ADMIN, are not
 * used).  Calls return 0 or an errno value. */
#ifndef MAPSCOPE_PLATFORM_PROCPAGES_H
#define MAPSCOPE_PLATFORM_PROCPAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/mapping.h"      /* PLATFORM_PAGE_* */

/* The PLATFORM_PAGE_* flags of the NPAGES pages of process PID from the
 * page-aligned virtual address ADDR into FLAGS (one byte a page; 0 for a
 * page not mapped).  ESRCH when the process is gone, EACCES/EPERM when
 * its pages may not be looked at, EXDEV when /proc belongs to another pid
 * namespace, ENOSYS when the kernel keeps no page maps (Linux built
 * without CONFIG_PROC_PAGE_MONITOR); platform_proc_why() with
 * PLATFORM_PROC_PAGES says why in words. */
int platform_proc_page_flags(int pid, uint64_t addr, size_t npages, unsigned char *flags);

/* Called for each run [START, END) of pages of the process that hold bytes
 * of their own (present or swapped), in address order; adjacent runs may
 * come apart.  False stops the walk. */
typedef bool (*PlatformTouchedFn)(void *ctx, uint64_t start, uint64_t end);

/* The runs of touched pages of process PID within the page-aligned
 * [START, END).  A page of a private anonymous mapping that is neither
 * present nor swapped has never been written: it reads as zeros.  On
 * Linux the PAGEMAP_SCAN ioctl of the page map (Linux 6.7, fs/proc/
 * task_mmu.c) answers with runs; where the kernel lacks it the page map's
 * entries are read 65536 at a time.  0, ECANCELED when FN stopped, ESRCH
 * when the process is gone, EACCES/EPERM when its pages may not be
 * looked at, or another errno. */
int platform_proc_touched(int pid, uint64_t start, uint64_t end, PlatformTouchedFn fn, void *ctx);

/* Whether a page with FLAGS, in a private mapping of a file or shared
 * object, is the process's own copy (copy-on-write has copied it). */
static inline int platform_page_copied(unsigned char flags) {
   return (flags & (PLATFORM_PAGE_PRESENT | PLATFORM_PAGE_SWAPPED))
          && !(flags & PLATFORM_PAGE_FILE);
}

#endif
