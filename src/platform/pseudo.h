/* pseudo.h - files whose size lies.
 *
 * Files of the kernel's own file systems (on Linux: proc, sysfs, debugfs,
 * tracefs, securityfs, cgroup, configfs) report a size of 0 or one page
 * whatever they hold, and cannot be mapped: their bytes exist only as the
 * text a read() produces.  Callers read them from the start to the end. */
#ifndef MAPSCOPE_PLATFORM_PSEUDO_H
#define MAPSCOPE_PLATFORM_PSEUDO_H

#include <stdbool.h>

/* True when the open descriptor FD is such a file (statfs(2) f_type). */
bool platform_size_unreliable(int fd);

#endif
