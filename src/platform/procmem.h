/* procmem.h - another process's address space: its regions and their
 * memory figures, reading and writing its bytes, and why it cannot be.
 *
 * On Linux (implemented in linux/procmem.c):
 *  - regions are the lines of /proc/PID/maps (proc(5), fs/proc/task_mmu.c),
 *    parsed by platform_procfs_maps_line() (procfs.h);
 *  - figures are the "Name: N kB" lines of /proc/PID/smaps for each region
 *    and /proc/PID/smaps_rollup for the totals (proc(5),
 *    Documentation/filesystems/proc.rst); kB there means KiB;
 *  - bytes are read with process_vm_readv(2) and written with
 *    process_vm_writev(2), falling back to pread/pwrite on /proc/PID/mem
 *    (both need ptrace access mode PTRACE_MODE_ATTACH_REALCREDS, ptrace(2));
 *  - why a read is refused comes from kernel.yama.ptrace_scope
 *    (/proc/sys/kernel/yama/ptrace_scope, Documentation/admin-guide/LSM/
 *    Yama.rst), the process's owner and dumpable flag (/proc/PID/status),
 *    and the caller's capabilities (capabilities(7)).
 * Every name in a region is untrusted bytes: escape before output.
 * Calls return 0 or an errno value; every call that names a process by
 * its id returns EXDEV when /proc was mounted for another pid namespace
 * than the caller's (its ids would name other processes than the system
 * calls take). */
#ifndef MAPSCOPE_PLATFORM_PROCMEM_H
#define MAPSCOPE_PLATFORM_PROCMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/files.h"
#include "platform/procfs.h"

/* PlatformMemFigures and PlatformRegionKind are in procfs.h: the smaps
 * parser fills them. */

/* What backs a region (PlatformBacking with its name in the heap: 50,000
 * regions with a PLATFORM_NAME_MAX array each would be 200 MB). */
typedef struct {
   PlatformBackingKind kind;
   /* Removed from its name space: an unlinked file or shm object (not one
    * glibc's sem_open mapped under a temporary name and linked since), a
    * System V segment marked for removal; never a memfd (never linked). */
   bool deleted;
   bool ambiguous;            /* the name is the maps text, "\012" undecided
                                 (PlatformBacking.ambiguous) */
   uint32_t sysv_key;
   const char *name;          /* the name to show: a path, "/NAME" for shm,
                                 the memfd name, "[heap]"; "" when none; never NULL */
} PlatformProcBacking;

/* A region as /proc/PID/maps gives it. */
typedef struct {
   uint64_t start, end, offset;
   char perms[5];             /* "rwxp", "rw-s" */
   uint64_t dev, inode;
   PlatformProcBacking backing;
} PlatformProcMap;

/* One region of a process, with its figures. */
typedef struct {
   PlatformProcMap map;
   PlatformRegionKind kind;
   PlatformMemFigures figures;
} PlatformProcRegion;

/* The regions of process PID in address order into a malloc'd array
 * *OUT (*N entries; free it with platform_proc_regions_free()), with their figures when
 * FIGURES (reading smaps costs more than maps).  TOTALS (may be NULL)
 * gets the process's totals (smaps_rollup) when FIGURES.  ESRCH when the
 * process is gone, EACCES/EPERM when it may not be looked at. */
int platform_proc_regions(int pid, bool figures, PlatformProcRegion **out, size_t *n,
                          PlatformMemFigures *totals);
void platform_proc_regions_free(PlatformProcRegion *regions, size_t n);
/* Whether R's bytes can be read by another process at all: it has read
 * permission and is not one the kernel keeps to itself ([vvar]). */
bool platform_proc_region_readable(const PlatformProcRegion *r);

/* The command name (comm) and owner of PID.  ESRCH when it is gone.  COMM
 * may be NULL when COMMSZ is 0 (only whether PID is there is asked). */
int platform_proc_identity(int pid, char *comm, size_t commsz, PlatformUserId *uid);

/* What tells this life of PID from the next (PlatformProcLife, procfs.h):
 * another process that took its id (start_time), exec() of another
 * program (the stack and argument addresses), or its end (ended: a
 * zombie, or exiting without memory; an ended process's addresses read
 * 0 and say nothing of exec()).  ESRCH when its /proc entry is gone. */
int platform_proc_life(int pid, PlatformProcLife *life);

/* Read LEN bytes at virtual address ADDR of PID into BUF; *GOT says how
 * many were read before the first byte that could not be (the exact byte:
 * a read that fails part-way is retried page by page), and the return is
 * then the errno of that byte: EFAULT for an unmapped or unreadable page
 * (no read permission, a guard page, [vvar], past the end of a mapped
 * file), EPERM when the process may not be read, ESRCH when it is gone
 * (or a zombie, which has no memory left).  0 when all LEN were read. */
int platform_proc_read(int pid, uint64_t addr, void *buf, size_t len, size_t *got);

/* Write LEN bytes of BUF at ADDR of PID, all or an errno value (a short
 * write is reported as EFAULT with *PUT the bytes that were written). */
int platform_proc_write(int pid, uint64_t addr, const void *buf, size_t len, size_t *put);

/* The calls this platform makes, for the life view (text, not
 * translated): in OPEN, how process PID is found when a source opens it
 * (platform_proc_identity(), platform_proc_regions() when REGIONS, a
 * one-byte platform_proc_read()); in FALLBACK, how its bytes are read
 * when process_vm_readv() is refused. */
void platform_proc_calls(int pid, bool regions, char *open, size_t opensz, char *fallback,
                         size_t fallbacksz);

/* What was being done when ERR happened, for platform_proc_why(). */
typedef enum {
   PLATFORM_PROC_READING,     /* platform_proc_read() */
   PLATFORM_PROC_WRITING,     /* platform_proc_write() */
   PLATFORM_PROC_LISTING,     /* platform_proc_regions(), _identity() */
   PLATFORM_PROC_MAP_FILES,   /* opening a region through map_files */
   PLATFORM_PROC_PAGES        /* platform_proc_page_flags() (procpages.h) */
} PlatformProcAccess;

/* Why ERR (from the calls above, doing WHAT at ADDR) happened for PID,
 * and what would fix it, as one translated sentence in BUF, e.g.
 * "kernel.yama.ptrace_scope is 1: only a parent may read a process; run
 * as root or set it to 0", "process 123 belongs to alice: reading it
 * needs CAP_SYS_PTRACE", "process 123 is not dumpable ...", "0x7f..: a
 * guard page (no permissions)".  The facts (Yama's setting, the process's
 * owner and dumpable flag, the caller's capabilities, the region at ADDR)
 * are read when it is called; Yama is named only when the kernel has it.
 * (WHAT and ADDR were added to the first draft: the cause of an EFAULT is
 * the region at the address, and map_files refuses for its own reasons.) */
void platform_proc_why(int pid, int err, PlatformProcAccess what, uint64_t addr,
                       char *buf, size_t size);

#endif
