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

/* memcpy() under platform_guard(): 0, or EFAULT when a page of either side
 * is gone (the mapped object shrank). */
int platform_guarded_copy(void *dst, const void *src, size_t len);

/* Page residency of the mapping [ADDR, ADDR+LEN) (ADDR page-aligned): one
 * byte per page in VEC, non-zero when the page is in memory (mincore()). */
int platform_residency(const void *addr, size_t len, unsigned char *vec);

/* How platform_map() spells MODE: the prot and flags of the real call
 * ("PROT_READ", "MAP_SHARED" ...), for the screen that explains it. */
const char *platform_map_prot_name(PlatformMapMode mode);
const char *platform_map_flags_name(PlatformMapMode mode, bool populate);

/* One read() from a pipe, FIFO or file at its current position; *got is 0
 * at end of file.  EINTR is retried. */
int platform_read_some(int fd, void *buf, size_t len, size_t *got);

/* When FD is a pipe, ask for a buffer of SIZE bytes (or the most the system
 * grants a user, down to its 64 KiB default): through the default pipe, a
 * dump spends its time switching between writer and reader.  Best effort:
 * other descriptors, and pipes already as large, are left alone. */
void platform_widen_pipe(int fd, size_t size);

/* Wait up to TIMEOUT_MS (-1: for ever) until one of the N descriptors FDS is
 * readable (or at end of file); READY[i] says which.  Returns EINTR when a
 * signal came first, so callers can look at their signal flags. */
int platform_wait_readable(const int *fds, bool *ready, size_t n, int timeout_ms);

/* Run FN(CTX, OUT, OUTSZ) in a child process (at a lower priority) and copy
 * the text it leaves in OUT back (terminated).  Whatever FN allocates, maps
 * or crashes on stays in the child: the caller's memory and life are its own.  Gives up after
 * TIMEOUT_MS.  Returns 0, or an errno value (ETIMEDOUT, ECHILD ...). */
int platform_run_isolated(void (*fn)(void *ctx, char *out, size_t outsz), void *ctx,
                          char *out, size_t outsz, int timeout_ms);

/* The same in two steps, so the caller can go on meanwhile: start the
 * child (its text at most OUTSZ bytes), wait for *FD to be readable, then
 * finish (which waits at most TIMEOUT_MS and reaps the child). */
typedef struct {
   int pid;
   int fd;             /* -1 when no child runs */
} PlatformChild;

int platform_child_start(void (*fn)(void *ctx, char *out, size_t outsz), void *ctx,
                         size_t outsz, PlatformChild *child);
int platform_child_finish(PlatformChild *child, char *out, size_t outsz, int timeout_ms);

/* ---- edits and their flush (linux/edit.c) ----------------------------- */

/* pwrite() all LEN bytes of BUF at OFFSET (EINTR retried, short writes
 * continued). */
int platform_write_at(int fd, const void *buf, size_t len, uint64_t offset);

/* Make what was written to FD durable (fsync). */
int platform_sync(int fd);

/* Make the entries of directory DIR durable (after a create or unlink). */
int platform_sync_dir(const char *dir);

/* Create PATH for writing, mode 0600; EEXIST when it exists already. */
int platform_create_excl(const char *path, int *fd);

int platform_remove(const char *path);

/* Create DIR and any missing parents with MODE (mkdir -p). */
int platform_make_dirs(const char *dir, unsigned mode);

/* The effective user id: objects it owns may be edited without -w. */
uid_t platform_user_id(void);

/* Page flags from /proc/self/pagemap, one byte per page of NPAGES pages
 * starting at the page-aligned ADDR.  A page of a MAP_PRIVATE file mapping
 * that copy-on-write has copied is present but no longer a file page. */
enum {
   PLATFORM_PAGE_PRESENT   = 1,   /* in memory */
   PLATFORM_PAGE_SWAPPED   = 2,
   PLATFORM_PAGE_FILE      = 4,   /* a page-cache page (or shared anonymous) */
   PLATFORM_PAGE_EXCLUSIVE = 8    /* mapped by this process only */
};
int platform_page_flags(const void *addr, size_t npages, unsigned char *flags);

/* Take (or release) the exclusive advisory lock (flock) of the object FD
 * refers to, without waiting: EWOULDBLOCK when another open file holds it.
 * A flush holds it from its journal to the journal's removal, and the
 * replay of a journal takes it, so neither runs under the other; a crash
 * releases it. */
int platform_lock(int fd);
void platform_unlock(int fd);

/* Stop (SIGSTOP) or kill (SIGKILL) the calling process: the test hooks of
 * a flush use it to freeze or crash at a chosen point. */
void platform_test_signal(bool kill);

/* ---- streams (linux/stream.c) ----------------------------------------- */

/* Open PATH read-only to be read from its start to its end (blocking, so a
 * FIFO waits for its writer), and stat it. */
int platform_open_stream(const char *path, int *fd, PlatformStat *st);

/* Open PATH for writing, created (mode 0666 less the umask) when missing,
 * emptied first when TRUNCATE. */
int platform_open_output(const char *path, bool truncate, int *fd);

#endif
