/* procfs.h - what the operating system says about its named objects and
 * its processes, as typed records.
 *
 * The platform reads its own text formats and layouts and hands the core
 * these records; nothing above src/platform/ parses them.  On Linux (the
 * sources of each format, and what is hostile in them):
 *  - System V objects: the lines of /proc/sysvipc/{shm,sem,msg}
 *    (ipc/shm.c, ipc/sem.c, ipc/msg.c: sysvipc_*_proc_show); the key is
 *    printed signed, the permissions in octal with SHM_DEST (01000) set on
 *    a segment marked for removal;
 *  - mappings: the lines of /proc/PID/maps (proc(5); fs/proc/task_mmu.c),
 *    whose path is printed with seq_file_path(..., "\n"): a newline in a
 *    name becomes the four characters \012 and nothing else is escaped, so
 *    a name holding those four characters itself cannot be told apart; an
 *    unlinked file gets " (deleted)" appended, which a name can also end
 *    with;
 *  - descriptors: the targets of /proc/PID/fd/N links (proc(5)), unescaped,
 *    " (deleted)" appended when the file is unlinked: the descriptor's own
 *    link count says whether the suffix is the kernel's;
 *  - names the kernel gives objects without a path: "/SYSV%08x (deleted)"
 *    for a System V segment (%08x its key, the inode its id) and
 *    "/memfd:NAME (deleted)" for memfd_create(NAME);
 *  - message queues: not their file's text ("QSIZE:... NOTIFY_PID:...",
 *    mq_overview(7)): reading it sets the queue's access and change times
 *    (ipc/mqueue.c, mqueue_read_file), so the list never reads it; the
 *    count and the limits come from mq_getattr(3) on a descriptor of the
 *    queue's file instead, which changes nothing (do_mq_getsetattr sets
 *    the times only when attributes are set);
 *  - glibc's sem_t (nptl/semaphoreP.h, struct new_sem);
 *  - file locks: the lines of /proc/locks (proc(5); fs/locks.c,
 *    lock_get_status), and the same line after "lock:\t" in
 *    /proc/PID/fdinfo/N (fs/proc/fd.c, show_fd_locks), which lists the
 *    locks held through that open file: it is how the holders of OFD
 *    locks (shown with pid -1 in /proc/locks) and of flock locks (shown
 *    with the pid that took them, which may have exited since) are found.
 *    The device is printed "%02x:%02x" (major and minor in hex), the end
 *    of a range inclusive or "EOF", a waiter's line has "->" before its
 *    kind, and MANDATORY only appears on kernels before 5.15.
 * Every name is untrusted bytes: escape before output. */
#ifndef MAPSCOPE_PLATFORM_PROCFS_H
#define MAPSCOPE_PLATFORM_PROCFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/files.h"

typedef enum {
   PLATFORM_SYSV_SHM,
   PLATFORM_SYSV_SEM,
   PLATFORM_SYSV_MSG
} PlatformSysvKind;

/* One System V object. */
typedef struct {
   PlatformSysvKind kind;
   uint32_t key;
   int id;
   unsigned mode;           /* permission bits (0777) */
   bool removed;            /* shm: marked for removal, lives while attached */
   uint64_t size;           /* shm: bytes; sem: semaphores in the set; msg: bytes queued */
   uint64_t messages;       /* msg: messages queued */
   int cpid, lpid;          /* shm: creator, last attach/detach; msg: last send, last receive */
   uint64_t nattch;         /* shm: attachments */
   unsigned uid, gid, cuid, cgid;
   /* Seconds, 0 = never.  shm: last attach, last detach, last change;
    * sem: last semop, -, last change; msg: last receive, last send, last change. */
   int64_t atime, mtime, ctime;
} PlatformSysvRecord;

/* What backs a mapping or a descriptor, from its name. */
typedef enum {
   PLATFORM_BACKING_NONE,   /* anonymous memory, [heap], [stack] ... */
   PLATFORM_BACKING_FILE,   /* a path */
   PLATFORM_BACKING_SYSV,   /* a System V segment: the inode is its id */
   PLATFORM_BACKING_MEMFD   /* memfd_create(): NAME is the name it was given */
} PlatformBackingKind;

#define PLATFORM_NAME_MAX 4096

typedef struct {
   PlatformBackingKind kind;
   bool deleted;                    /* unlinked (always so for SYSV and MEMFD) */
   /* The maps text held "\012", which is a newline or those four
    * characters: NAME keeps them as printed (no newline is guessed).
    * The platform resolves it from the mapping's own link where it may
    * (linux_map_exact_name()); still true when it could not. */
   bool ambiguous;
   uint32_t sysv_key;               /* SYSV: the key in the name */
   char name[PLATFORM_NAME_MAX + 1];  /* FILE: the path without " (deleted)";
                                       MEMFD: the name; else "" */
} PlatformBacking;

/* One mapping of a process. */
typedef struct {
   uint64_t start, end, offset;
   char perms[5];                   /* "rw-s" */
   uint64_t dev, inode;
   PlatformBacking backing;
} PlatformRegion;

/* A region's memory figures, in bytes (the "Name: N kB" lines of smaps
 * and smaps_rollup).  KNOWN is false when the figures could not be read
 * (the region list is still given). */
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
   PLATFORM_REGION_ANON,      /* no name, or [anon:NAME] */
   PLATFORM_REGION_FILE,      /* a path */
   PLATFORM_REGION_SHM,       /* a POSIX shm object: the name is "/NAME" */
   PLATFORM_REGION_SYSV,      /* a System V segment: backing.sysv_key, inode = id */
   PLATFORM_REGION_MEMFD,     /* memfd_create(): the name it was given */
   PLATFORM_REGION_HEAP,      /* [heap] */
   PLATFORM_REGION_STACK,     /* [stack] */
   PLATFORM_REGION_SPECIAL,   /* [vdso], [vvar], [vsyscall], other [NAME] */
   PLATFORM_REGION_SEM        /* a POSIX semaphore /NAME: glibc's file sem.NAME of the shm
                                 file system */
} PlatformRegionKind;

/* One descriptor of a process that refers to a file. */
typedef struct {
   int fd;
   PlatformStat st;
   PlatformBacking backing;
} PlatformFdRecord;

/* A message queue's attributes (struct mq_attr, mq_getattr(3)). */
typedef struct {
   uint64_t messages;       /* mq_curmsgs: messages queued */
   uint64_t maxmsg;         /* mq_maxmsg: at most this many messages */
   uint64_t msgsize;        /* mq_msgsize: of at most this many bytes each */
} PlatformMqInfo;

/* What kind of lock a line of /proc/locks is. */
typedef enum {
   PLATFORM_LOCK_POSIX,     /* fcntl(F_SETLK): owned by the process */
   PLATFORM_LOCK_OFD,       /* fcntl(F_OFD_SETLK): owned by the open file */
   PLATFORM_LOCK_FLOCK,     /* flock(2): owned by the open file, whole file */
   PLATFORM_LOCK_LEASE,     /* fcntl(F_SETLEASE) */
   PLATFORM_LOCK_DELEG,     /* an NFS delegation */
   PLATFORM_LOCK_OTHER      /* ACCESS, UNKNOWN */
} PlatformLockKind;

typedef enum {
   PLATFORM_LOCK_READ,
   PLATFORM_LOCK_WRITE,
   PLATFORM_LOCK_UNLOCK     /* a lease being broken */
} PlatformLockType;

/* One line of /proc/locks (or one "lock:" line of a descriptor's fdinfo). */
typedef struct {
   uint64_t id;             /* the line's number (fdinfo: per descriptor) */
   bool waiting;            /* "->": a request blocked on the lock above it */
   PlatformLockKind kind;
   bool mandatory;          /* MANDATORY (kernels before 5.15); else advisory */
   PlatformLockType type;
   int pid;                 /* -1: an OFD lock; 0: its owner is gone or not visible */
   bool has_inode;          /* false: "<none>:0" */
   uint64_t dev, ino;
   uint64_t start, end;     /* bytes [start, end], END inclusive */
   bool to_eof;             /* the range runs to the end of the file and beyond */
} PlatformLockRecord;

/* ---- the parsers (pure: tested on literal text) ---- */

/* One data line of the System V list of KIND (not the header). */
bool platform_procfs_sysv_line(PlatformSysvKind kind, const char *line, PlatformSysvRecord *out);
/* One line of a process's mapping list, without its newline.  A name in
 * brackets ("[heap]", "[vdso]", "[anon:x]") is kept in backing.name with
 * kind PLATFORM_BACKING_NONE. */
bool platform_procfs_maps_line(const char *line, PlatformRegion *out);
/* What region R is; SHM_DEV is the device of the POSIX shm file system
 * (0: unknown, then the path "/dev/shm/" says).  *NAME points into R: the
 * name to show ("/NAME" for shm, the memfd name, "[vdso]"; "" if none;
 * "/sem.NAME" for the semaphore /NAME, as in the shm file system). */
PlatformRegionKind platform_procfs_region_kind(const PlatformRegion *r, uint64_t shm_dev,
                                               const char **name);
/* One line of smaps or smaps_rollup (without its newline): true when it
 * is a field line ("Name:  N kB", or any "Name: ..." such as VmFlags),
 * whose figure is then added to F when it is one F keeps; false for
 * anything else (the region headers, which are maps lines). */
bool platform_procfs_smaps_field(const char *line, PlatformMemFigures *f);

/* What /proc/PID/status (proc(5); fs/proc/array.c) says of a process's
 * credentials and state. */
typedef struct {
   char state;                 /* 'R', 'S', 'Z' ... */
   unsigned uid[4], gid[4];    /* real, effective, saved, file system */
   uint64_t cap_eff;           /* effective capabilities (bit N: capability N) */
   bool has_uid, has_gid, has_cap;
} PlatformProcStatus;
bool platform_procfs_status(const char *text, PlatformProcStatus *out);

/* What tells one life of a process from another, from /proc/PID/stat
 * (proc(5) "stat"; fs/proc/array.c do_task_stat()): field 22 starttime
 * (clock ticks after boot: a process that takes the id later has
 * another), fields 28 startstack, 48 arg_start and 50 env_start (where
 * exec() put the program's stack and arguments; 0 without ptrace read
 * access, and 0 once the process has no memory).  ENDED: field 3, the
 * state, is Z (a zombie its parent has not reaped yet) or X (dead), or
 * field 23, vsize, is 0 (an exiting process whose memory is already
 * released: vsize is given without ptrace access, and is 0 only without
 * memory).  False when TEXT has fewer fields. */
typedef struct {
   uint64_t start_time, start_stack, arg_start, env_start;
   char state;
   bool ended;
} PlatformProcLife;
bool platform_procfs_stat_life(const char *text, PlatformProcLife *out);
/* Whether the stat line TEXT is a kernel thread's: field 9, flags, has
 * PF_KTHREAD (include/linux/sched.h).  A kernel thread has no address
 * space and no descriptor table of its own.  False when TEXT has fewer
 * fields. */
#define PLATFORM_PF_KTHREAD 0x00200000u
bool platform_procfs_stat_kthread(const char *text, bool *kthread);
/* /proc/PID/comm's TEXT (proc(5); fs/proc/base.c comm_show: "%s\n" of
 * the task's comm) into the command itself: only the kernel's last
 * newline goes.  The command is whatever prctl(PR_SET_NAME) set, up to
 * 15 bytes of anything but NUL, newlines and escapes included. */
void platform_procfs_comm(char *text);
/* A descriptor's link target; UNLINKED: the file's link count is 0. */
void platform_procfs_fd_target(const char *target, bool unlinked, PlatformBacking *out);
/* A mapping's path as the kernel printed it (escaped, maybe " (deleted)"). */
void platform_procfs_map_path(const char *path, PlatformBacking *out);
/* One line of /proc/locks, without its newline. */
bool platform_procfs_lock_line(const char *line, PlatformLockRecord *out);
/* One line of a descriptor's fdinfo: true only for a "lock:" line. */
bool platform_procfs_fdinfo_lock(const char *line, PlatformLockRecord *out);

/* glibc's sem_t (N bytes at B): its value and the number of waiters.
 * LAYOUT64: the layout with 64-bit atomics (every 64-bit target).
 * False when the bytes are no semaphore's: the value is past SEM_VALUE_MAX,
 * the futex flag ("private") is neither 0 nor FUTEX_PRIVATE_FLAG (128,
 * what sem_open() writes), or a byte sem_open() zeroes (the padding, the
 * rest of the sem_t) is not 0: written as shared memory. */
bool platform_sem_decode(const unsigned char *b, size_t n, bool layout64,
                         unsigned *value, unsigned *waiters);
/* The size of glibc's sem_t here; true when it uses the 64-bit layout. */
size_t platform_sem_size(void);
bool platform_sem_layout64(void);

/* A path through which the object a holder has open can be opened again
 * (a descriptor FD, or the mapping [START, END) when MAPPED) into BUF. */
void platform_holder_path(int pid, bool mapped, int fd, uint64_t start, uint64_t end,
                          char *buf, size_t size);

#endif
