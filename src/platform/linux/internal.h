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
/* procmem.c: R's name read from its mapping's link in /proc/PID/map_files
 * (readlink needs the same access as reading maps) when its maps text was
 * ambiguous (R->backing.ambiguous: "\\012" is a newline or four
 * characters); unchanged, and still ambiguous, when the link cannot be
 * read (the region went, or access was refused). */
void linux_map_exact_name(int pid, PlatformRegion *r);

/* regnames.c: what a region list learns beyond the maps lines, read once
 * per list when a region needs it (linux_regnames_free() at the end). */
typedef struct {
   struct { uint64_t dev, ino; char *name; } *shm;   /* the shm directory */
   size_t nshm;
   bool shm_read;
   struct { int id; uint32_t key; bool removed; } *sysv;   /* System V segments */
   size_t nsysv;
   bool sysv_read;
} LinuxRegionNames;
void linux_regnames_free(LinuxRegionNames *n);
/* R, a mapping of an unlinked file of the shm file system (SHM_DEV) whose
 * inode is still linked there under another name (glibc's sem_open maps a
 * temporary, then links it as sem.NAME): R takes that name, not deleted. */
void linux_regnames_shm(LinuxRegionNames *n, uint64_t shm_dev, PlatformRegion *r);
/* Whether the System V segment ID, mapped under KEY, is marked for
 * removal (false when the list does not show it so). */
bool linux_regnames_sysv_removed(LinuxRegionNames *n, int id, uint32_t key);

#endif
