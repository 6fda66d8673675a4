/* pseudo.h - files whose size lies.
 *
 * Files of the kernel's own file systems (on Linux: proc, sysfs, debugfs,
 * tracefs, securityfs, cgroup, configfs) report a size of 0 or one page
 * whatever they hold, and cannot be mapped: their bytes exist only as the
 * text a read() produces.  Callers read them from the start to the end. */
#ifndef MAPSCOPE_PLATFORM_PSEUDO_H
#define MAPSCOPE_PLATFORM_PSEUDO_H

#include <stdbool.h>

#include "platform/files.h"

/* True when the open descriptor FD is such a file (statfs(2) f_type;
 * linux/stream.c holds the one list of those file systems). */
bool platform_size_unreliable(PlatformHandle fd);

/* The same for the modes that read in order: true also for any regular
 * file of size 0 (reading it to its end loses nothing); ST is FD's stat. */
bool platform_size_unknown(PlatformHandle fd, const PlatformStat *st);

/* FD, a descriptor opened on PATH (a FIFO, character device ...), made
 * ready for reading in order, in *OUT (FD itself): a FIFO first waits for
 * its writer's first bytes; then reads block. */
int platform_open_stream(const char *path, PlatformHandle fd, PlatformHandle *out);

/* A descriptor of our own for standard input, and what it is. */
int platform_open_stdin(PlatformHandle *fd, PlatformStat *st);

#endif
