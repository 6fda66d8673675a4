/* internal.h - shared by the Linux files of the platform layer only.
 *
 * platform_fill_stat() turns a struct stat (stat(2)) into a PlatformStat:
 * kind from st_mode, size from st_size (0 for a negative size; the size of
 * a block device needs its descriptor: platform_stat_fd() asks for it).
 *
 * platform_sandbox_enter() confines the calling child as platform.h's
 * "sandboxed child" says (steps 2 and 3); PIPEFD is the only descriptor it
 * may write to.  0, or an errno value: the child must then exit at once.
 * platform_sandbox_probe() is the test hook of that block: true (OUT
 * filled) when MAPSCOPE_TEST_SANDBOX asked for a probe instead of work. */
#ifndef MAPSCOPE_PLATFORM_LINUX_INTERNAL_H
#define MAPSCOPE_PLATFORM_LINUX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "platform/platform.h"

void platform_fill_stat(const struct stat *sb, PlatformStat *st);

int platform_sandbox_enter(int pipefd);

/* procmem.c: the small file PATH whole into BUF (NUL-terminated), and a
 * process's status (ESRCH when it is gone); 0 or an errno. */
int platform_proc_small_file(const char *path, char *buf, size_t size);
int platform_proc_status(int pid, PlatformProcStatus *st);
/* 0 when /proc shows our pid namespace; EXDEV when it was mounted for
 * another (unshare -p without a fresh /proc): its PID directories then
 * name other processes than the ids the system calls take. */
int platform_proc_same_ns(void);
bool platform_sandbox_probe(char *out, size_t outsz);

#endif
