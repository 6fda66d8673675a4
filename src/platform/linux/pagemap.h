/* pagemap.h - one entry of /proc/PID/pagemap (a little-endian u64,
 * Documentation/admin-guide/mm/pagemap.rst) as PLATFORM_PAGE_* flags;
 * shared by the Linux files that read a page map (ours and another
 * process's). */
#ifndef MAPSCOPE_PLATFORM_LINUX_PAGEMAP_H
#define MAPSCOPE_PLATFORM_LINUX_PAGEMAP_H

#include <stdint.h>

unsigned char platform_pagemap_decode(uint64_t entry);

/* Read the flags of NPAGES pages from page number FIRST out of the page
 * map open as FD. */
int platform_pagemap_read(int fd, uint64_t first, size_t npages, unsigned char *flags);

/* Open PID's page map read-only: the descriptor, or -errno (-EXDEV in
 * another pid namespace, -ESRCH when PID is gone). */
int platform_pagemap_open(int pid);

/* RC of a read of PID's page map, with EIO turned into ESRCH when PID
 * ended meanwhile (its map reads as empty then). */
int platform_pagemap_result(int pid, int rc);

#endif
