/* fsspace.h - whether the file system under an open file has room left.
 *
 * A page fault over a hole of a tmpfs or shm object allocates a page; on a
 * full file system the allocation fails and the access raises SIGBUS, as
 * a file that shrank does.  This tells the two apart.  Source: statvfs(3)
 * (f_bavail: free blocks for unprivileged users). */
#ifndef MAPSCOPE_PLATFORM_FSSPACE_H
#define MAPSCOPE_PLATFORM_FSSPACE_H

#include <stdbool.h>

/* *FULL: the file system of FD has no free block.  0 or an errno value. */
int platform_fs_full(int fd, bool *full);

#endif
