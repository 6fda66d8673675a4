/* platform.h - the small interface between mapscope and the operating system.
 *
 * Everything above this header is portable C: it never calls open(), mmap()
 * or ioctl() itself.  One directory below (linux/ today) implements it, and
 * configure picks that directory.
 *
 * What mapping can do to you, said once here:
 *  - Touching a mapped page past the end of a file that shrank raises SIGBUS.
 *    Every access to mapped bytes must therefore run inside platform_guard(),
 *    which turns that signal into an ordinary error return.
 *  - Mapping a zero-length object succeeds and faults on the first touch, so
 *    callers refuse empty objects before they map.
 *  - msync() on a MAP_PRIVATE mapping writes nothing back: private pages are
 *    copies, and only an explicit write of the bytes reaches the object.
 */
#ifndef MAPSCOPE_PLATFORM_H
#define MAPSCOPE_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef enum {
   PLATFORM_KIND_REGULAR,
   PLATFORM_KIND_BLOCK,
   PLATFORM_KIND_DIRECTORY,
   PLATFORM_KIND_FIFO,
   PLATFORM_KIND_CHAR,
   PLATFORM_KIND_SOCKET,
   PLATFORM_KIND_OTHER
} PlatformKind;

/* What fstat() and friends say of an open object. */
typedef struct {
   PlatformKind kind;
   uint64_t size;          /* bytes; for block devices the device size */
   uint64_t dev;
   uint64_t ino;
   int64_t mtime_sec;
   long mtime_nsec;
   uid_t uid;
   gid_t gid;
   unsigned mode;          /* permission bits */
} PlatformStat;

typedef enum {
   PLATFORM_MAP_READ,      /* PROT_READ,  MAP_SHARED  */
   PLATFORM_MAP_SHARED,    /* PROT_READ|PROT_WRITE, MAP_SHARED */
   PLATFORM_MAP_PRIVATE    /* PROT_READ|PROT_WRITE, MAP_PRIVATE: copy-on-write */
} PlatformMapMode;

/* Returns 0 on success, or an errno value: every call below does the same. */

size_t platform_page_size(void);

/* Open PATH read-only (or read-write) without blocking on FIFOs, and stat it. */
int platform_open_path(const char *path, bool writable, int *fd, PlatformStat *st);

/* Open the POSIX shared-memory object NAME (a leading '/' is required). */
int platform_open_shm(const char *name, bool writable, int *fd, PlatformStat *st);

/* Stat an open descriptor again (sizes change under us). */
int platform_stat_fd(int fd, PlatformStat *st);

void platform_close(int fd);

/* Map LEN bytes of FD at OFFSET (a multiple of the page size). */
int platform_map(int fd, uint64_t offset, size_t len, PlatformMapMode mode,
                 bool populate, void **addr);
void platform_unmap(void *addr, size_t len);

/* pread() until LEN bytes or end of file; *got says how many were read. */
int platform_read_at(int fd, void *buf, size_t len, uint64_t offset, size_t *got);

/* Where the next data after OFFSET starts, and where that data ends (the next
 * hole).  Objects that cannot say report everything as data.  When no data
 * follows OFFSET, *data_start is set to SIZE. */
int platform_next_data(int fd, uint64_t offset, uint64_t size,
                       uint64_t *data_start, uint64_t *data_end);

/* Run FN(CTX).  If it touches a mapped page that no longer exists (SIGBUS),
 * the call is abandoned and EFAULT is returned with *fault_addr set.  FN must
 * not hold locks or allocate: it may be left at any instruction. */
int platform_guard(void (*fn)(void *ctx), void *ctx, void **fault_addr);

#endif
