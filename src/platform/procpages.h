/* procpages.h - the state of another process's pages, one byte a page:
 * which pages copy-on-write has copied into the process's own memory
 * (its writes there do not reach the object it mapped).
 *
 * On Linux (linux/pagemap.c) the flags are bits of /proc/PID/pagemap
 * (Documentation/admin-guide/mm/pagemap.rst): 63 present, 62 swapped,
 * 61 file-page or shared-anonymous (clear on a page that copy-on-write
 * has copied), 56 exclusively mapped.  They are readable with
 * PTRACE_MODE_READ (the frame numbers, which need CAP_SYS_ADMIN, are not
 * used).  Calls return 0 or an errno value. */
#ifndef MAPSCOPE_PLATFORM_PROCPAGES_H
#define MAPSCOPE_PLATFORM_PROCPAGES_H

#include <stddef.h>
#include <stdint.h>

#include "platform/mapping.h"      /* PLATFORM_PAGE_* */

/* The PLATFORM_PAGE_* flags of the NPAGES pages of process PID from the
 * page-aligned virtual address ADDR into FLAGS (one byte a page; 0 for a
 * page not mapped).  ESRCH when the process is gone, EACCES/EPERM when
 * its pages may not be looked at. */
int platform_proc_page_flags(int pid, uint64_t addr, size_t npages, unsigned char *flags);

/* Whether a page with FLAGS, in a private mapping of a file or shared
 * object, is the process's own copy (copy-on-write has copied it). */
static inline int platform_page_copied(unsigned char flags) {
   return (flags & (PLATFORM_PAGE_PRESENT | PLATFORM_PAGE_SWAPPED))
          && !(flags & PLATFORM_PAGE_FILE);
}

#endif
