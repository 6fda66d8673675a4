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
 * Calls return 0 or an errno value. */
#ifndef MAPSCOPE_PLATFORM_PROCMEM_H
#define MAPSCOPE_PLATFORM_PROCMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/files.h"
#include "platform/procfs.h"

/* A region's memory figures, in bytes (smaps).  KNOWN is false when the
 * figures could not be read (the region list is still given). */
typedef struct {
   bool known;
   uint64_t rss, pss;
   uint64_t shared_clean, shared_dirty;
   uint64_t private_clean, private_dirty;
   uint64_t anonymous;     /* pages that are the process's own copies */
   uint64_t swap;
} PlatformMemFigures;

/* What a region is, from its name and device. */
typedef enum {
   PLATFORM_REGION_ANON,      /* no name */
   PLATFORM_REGION_FILE,      /* a path (backing.name) */
   PLATFORM_REGION_SHM,       /* a POSIX shm object: backing.name is "/NAME" */
   PLATFORM_REGION_SYSV,      /* a System V segment: backing.sysv_key, inode = id */
   PLATFORM_REGION_MEMFD,     /* memfd_create(): backing.name */
   PLATFORM_REGION_HEAP,      /* [heap] */
   PLATFORM_REGION_STACK,     /* [stack] */
   PLATFORM_REGION_SPECIAL    /* [vdso], [vvar], [vsyscall], other [NAME]: backing.name */
} PlatformRegionKind;

/* One region of a process, with its figures. */
typedef struct {
   PlatformRegion map;        /* start, end, offset, perms "rwxp"/"rw-s", dev, inode, backing */
   PlatformRegionKind kind;
   PlatformMemFigures figures;
} PlatformProcRegion;

/* The regions of process PID in address order into a malloc'd array
 * *OUT (*N entries; the caller frees it), with their figures when
 * FIGURES (reading smaps costs more than maps).  TOTALS (may be NULL)
 * gets the process's totals (smaps_rollup) when FIGURES.  ESRCH when the
 * process is gone, EACCES/EPERM when it may not be looked at. */
int platform_proc_regions(int pid, bool figures, PlatformProcRegion **out, size_t *n,
                          PlatformMemFigures *totals);

/* The command name (comm) and owner of PID.  ESRCH when it is gone. */
int platform_proc_identity(int pid, char *comm, size_t commsz, PlatformUserId *uid);

/* Read LEN bytes at virtual address ADDR of PID into BUF; *GOT says how
 * many were read before the first byte that could not be (0 with an errno:
 * EFAULT/EIO for an unmapped or unreadable page, EPERM/EACCES when the
 * process may not be read, ESRCH when it is gone). */
int platform_proc_read(int pid, uint64_t addr, void *buf, size_t len, size_t *got);

/* Write LEN bytes of BUF at ADDR of PID, all or an errno value (a short
 * write is reported as EFAULT with *PUT the bytes that were written). */
int platform_proc_write(int pid, uint64_t addr, const void *buf, size_t len, size_t *put);

/* Why ERR (from the calls above) happened for PID, and what would fix it,
 * as one translated sentence in BUF: "kernel.yama.ptrace_scope is 1: only
 * a parent may read a process; run as root or set it to 0", "process 123
 * belongs to alice: reading it needs CAP_SYS_PTRACE", "process 123 is not
 * dumpable ...", "the page at ADDR is a guard page (no permissions)".  The
 * facts are read when it is called. */
void platform_proc_why(int pid, int err, char *buf, size_t size);

#endif
