/* files.h - objects opened by name, read, written, made durable and locked.
 *
 * Types are the platform's own, not POSIX's: a PlatformHandle is what an
 * open object is known by (a file descriptor on Linux, a HANDLE on Windows);
 * code above the platform only passes it back and compares it with
 * PLATFORM_HANDLE_NONE.  User and group ids are plain numbers (uid_t/gid_t
 * on POSIX; Windows would map its SIDs onto them).
 *
 * Every call that can fail returns 0 or an errno value (<errno.h> names:
 * ENOENT, EACCES, EINTR, ...), whatever the system's own error codes. */
#ifndef MAPSCOPE_PLATFORM_FILES_H
#define MAPSCOPE_PLATFORM_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An open object.  An int on Linux, so code written with `int fd` still
 * compiles there; new code says PlatformHandle. */
typedef int PlatformHandle;
#define PLATFORM_HANDLE_NONE (-1)

typedef uint32_t PlatformUserId;
typedef uint32_t PlatformGroupId;

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
   int64_t atime_sec;      /* last access (st_atim), seconds */
   int64_t ctime_sec;      /* last status change (st_ctim), seconds */
   PlatformUserId uid;
   PlatformGroupId gid;
   unsigned mode;          /* permission bits */
} PlatformStat;

/* Open PATH read-only (or read-write) without blocking on FIFOs, and stat it. */
int platform_open_path(const char *path, bool writable, PlatformHandle *fd, PlatformStat *st);

/* Open the POSIX shared-memory object NAME (a leading '/' is required).
 * Read-only, it is opened so that reading or mapping it leaves its access
 * time alone where the caller may ask that (Linux: O_NOATIME, for the
 * owner or with CAP_FOWNER); else as usual. */
int platform_open_shm(const char *name, bool writable, PlatformHandle *fd, PlatformStat *st);
/* Open NAME read-only only if reading it changes none of its times: EPERM
 * when the caller may not keep the access time (another user's object on a
 * file system that records access times). */
int platform_open_shm_quiet(const char *name, PlatformHandle *fd, PlatformStat *st);
/* What is at NAME in the shared-memory directory (lstat(2) of
 * /dev/shm/NAME on Linux), without opening it: a symbolic link is not
 * followed (*IS_LINK set, ST->kind PLATFORM_KIND_OTHER).  The caller
 * refuses what is not a regular file before platform_open_shm() would
 * open a FIFO or a device. */
int platform_stat_shm(const char *name, PlatformStat *st, bool *is_link);

/* Stat an open object again (sizes change under us). */
int platform_stat_fd(PlatformHandle fd, PlatformStat *st);

void platform_close(PlatformHandle fd);

/* The process's standard output (where --dump writes). */
PlatformHandle platform_stdout(void);
/* Standard input, for the modes that read it as a stream. */
PlatformHandle platform_stdin(void);

/* Read LEN bytes at OFFSET until LEN bytes or end of file (pread); *got
 * says how many were read. */
int platform_read_at(PlatformHandle fd, void *buf, size_t len, uint64_t offset, size_t *got);

/* One read from a pipe, FIFO or file at its current position; *got is 0
 * at end of file.  EINTR is retried. */
int platform_read_some(PlatformHandle fd, void *buf, size_t len, size_t *got);

/* Where the next data after OFFSET starts, and where that data ends (the next
 * hole).  Objects that cannot say report everything as data.  When no data
 * follows OFFSET, *data_start is set to SIZE. */
int platform_next_data(PlatformHandle fd, uint64_t offset, uint64_t size,
                       uint64_t *data_start, uint64_t *data_end);

/* When FD is a pipe, ask for a buffer of SIZE bytes (or the most the system
 * grants a user, down to its 64 KiB default): through the default pipe, a
 * dump spends its time switching between writer and reader.  Best effort:
 * other objects, and pipes already as large, are left alone. */
void platform_widen_pipe(PlatformHandle fd, size_t size);

/* Whether FD is a pipe (or socket) whose reader went away: a write to it
 * fails with EPIPE.  For a stream whose error no longer says why. */
bool platform_reader_gone(PlatformHandle fd);

/* Wait up to TIMEOUT_MS (-1: for ever) until one of the N handles FDS is
 * readable (or at end of file); READY[i] says which.  Returns EINTR when a
 * signal came first, so callers can look at their signal flags. */
int platform_wait_readable(const PlatformHandle *fds, bool *ready, size_t n, int timeout_ms);

/* Write all LEN bytes of BUF at FD's current position (EINTR retried, short
 * writes continued): pipes, terminals and files alike. */
int platform_write_all(PlatformHandle fd, const void *buf, size_t len);

/* pwrite() all LEN bytes of BUF at OFFSET (EINTR retried, short writes
 * continued). */
int platform_write_at(PlatformHandle fd, const void *buf, size_t len, uint64_t offset);

/* Make what was written to FD durable (fsync). */
int platform_sync(PlatformHandle fd);

/* The effective user id: objects it owns may be edited without -w. */
PlatformUserId platform_user_id(void);

/* Take (or release) the exclusive advisory lock (flock) of the object FD
 * refers to, without waiting: EWOULDBLOCK when another open file holds it.
 * A flush holds it from its journal to the journal's removal, and the
 * replay of a journal takes it, so neither runs under the other; a crash
 * releases it.  platform_lock_wait() retries for up to WAIT_MS (a reader
 * may hold the shared lock for a moment); platform_lock_shared() is the
 * readers' momentary lock that says no flush runs now. */
int platform_lock(PlatformHandle fd);
int platform_lock_wait(PlatformHandle fd, int wait_ms);
int platform_lock_shared(PlatformHandle fd);
void platform_unlock(PlatformHandle fd);

/* ---- the journal's directory and files (linux/edit.c) ------------------
 * Journals are reached only through a handle of their directory, so a
 * directory swapped under us after it was checked is never used. */

/* Open directory DIR (CREATE: make it and its parents, mode 0700, first)
 * and stat it.  ENOENT when it does not exist and CREATE is false. */
int platform_dir_open(const char *dir, bool create, PlatformHandle *dfd, PlatformStat *st);

/* True when a component of the absolute path DIR is a symbolic link in a
 * sticky directory that anyone may write (/tmp): whoever made that link may
 * not be the user, and what it points to may change.  The link's path goes
 * to LINK (LINKSZ bytes, always terminated).  Components that do not exist
 * yet are no links. */
bool platform_sticky_link(const char *dir, char *link, size_t linksz);

/* Open NAME in directory DFD read-only without following a symbolic link
 * (ELOOP when NAME is one) or blocking on a FIFO, and stat it. */
int platform_open_in_dir(PlatformHandle dfd, const char *name, PlatformHandle *fd,
                         PlatformStat *st);

/* lstat() of NAME in DFD: what is there, a symbolic link being
 * PLATFORM_KIND_OTHER with *IS_LINK set. */
int platform_stat_in_dir(PlatformHandle dfd, const char *name, PlatformStat *st, bool *is_link);

/* Create NAME in DFD for writing, mode 0600, never through a symbolic link;
 * EEXIST when something is there. */
int platform_create_in_dir(PlatformHandle dfd, const char *name, PlatformHandle *fd);

int platform_remove_in_dir(PlatformHandle dfd, const char *name);

/* Rename NAME in DFD to NEWNAME, never replacing what is there (EEXIST). */
int platform_rename_in_dir(PlatformHandle dfd, const char *name, const char *newname);

/* ---- opening a checked object (linux/open.c) ----------------------------
 * A path is looked at before anything is opened, and opened only if it is
 * still what was looked at:
 *  - platform_stat_path() says what PATH names (stat(2): symbolic links and
 *    /proc/PID/fd/N are followed) without opening it, so the caller can
 *    refuse a device, a FIFO or a socket it must not open.  The size of a
 *    block device is 0 here (only its descriptor can tell).
 *  - platform_open_same() opens PATH read-only (or read-write) only if it
 *    still names the object EXPECT describes (kind, device, inode: a
 *    platform_stat_path() result, or what a listing saw).  The name is
 *    resolved once, to a descriptor that opens nothing (no driver runs, no
 *    byte is read); after the comparison that same inode is opened.
 *    ESTALE when it is another object: nothing of it was read or written.
 *    *ST is the fstat() of the descriptor returned. */
int platform_stat_path(const char *path, PlatformStat *st);
int platform_open_same(const char *path, bool writable, const PlatformStat *expect,
                       PlatformHandle *fd, PlatformStat *st);
/* 0 when the caller may open the object behind H for writing, or the errno
 * such an open would give (EACCES, EPERM, EROFS): faccessat(2) W_OK with the
 * effective ids, on /proc/self/fd/N (proc(5)).  Nothing is opened for
 * writing, so no IN_CLOSE_WRITE, no udev "change" of a block device.  A
 * running program's ETXTBSY is not seen here; the write itself reports it. */
int platform_may_write(PlatformHandle h);
/* True when A and B are the same object: kind, device and inode.  A
 * device of PLATFORM_DEV_ANY in A matches any (System V segments are
 * listed by id: their inode is the id, their device is not listed). */
#define PLATFORM_DEV_ANY UINT64_MAX
bool platform_same_object(const PlatformStat *a, const PlatformStat *b);

/* ---- files read in order, and output files (linux/stream_io.c) ------- */

/* Open PATH read-only to be read from its start to its end (blocking, so a
 * FIFO waits for its writer), and stat it. */
int platform_open_input(const char *path, PlatformHandle *fd, PlatformStat *st);

/* Open PATH for writing, created (mode 0666 less the umask) when missing,
 * emptied first when TRUNCATE. */
int platform_open_output(const char *path, bool truncate, PlatformHandle *fd);

#endif
