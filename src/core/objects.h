/* objects.h - the named objects of the machine, who holds them, and what is
 * odd about them.
 *
 * A list is built from the typed records the platform reports
 * (platform/names.h and the procfs.h beside it) or, in tests, from records fed to
 * the objects_add_* functions; then objects_finish() computes the flags.
 * Attachers are matched to objects by device and inode, never by path: a
 * semaphore's mapping shows a deleted temporary name, and a System V
 * segment's mapping has the segment id as its inode.  No printing and no
 * OS text format here: the application formats, the platform parses.
 *
 * The concerns, one file each: objects.c (the list and its index),
 * objects_posix.c, objects_sysv.c (the name spaces), objects_holders.c
 * (processes, descriptors, mappings), objects_flags.c, objects_names.c,
 * objects_scan.c (one scan of the machine), objects_locks.c (file locks
 * and who holds them).
 *
 * Every name in here is untrusted: escape it before output. */
#ifndef MAPSCOPE_OBJECTS_H
#define MAPSCOPE_OBJECTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "platform/blockdev.h"
#include "core/namepick.h"
#include "platform/names.h"

typedef enum {
   OBJ_SHM,           /* POSIX shared memory */
   OBJ_SEM,           /* POSIX named semaphore */
   OBJ_MQ,            /* POSIX message queue */
   OBJ_SYSV_SHM,
   OBJ_SYSV_SEM,
   OBJ_SYSV_MSG,
   OBJ_MEMFD,
   OBJ_FILE,          /* a file asked about by --info, not a named object */
   OBJ_BLOCK,         /* a block device in use: listed only when asked for */
   OBJ_KIND_COUNT
} ObjKind;

/* Every kind of named object: the default set, and what "all" means.
 * Block devices are listed only when named ("blockdev"). */
#define OBJ_KINDS_ALL ((1u << OBJ_FILE) - 1)

typedef enum {
   OBJ_FLAG_SEM_SHM = 1u << 0,        /* sem.X sized or written as shared memory */
   OBJ_FLAG_NAME_COLLISION = 1u << 1, /* one portable name, several kinds */
   OBJ_FLAG_SIZE_MISMATCH = 1u << 2,  /* mapped past the end */
   OBJ_FLAG_REMOVED = 1u << 3,        /* removed but still attached */
   OBJ_FLAG_LOCKED = 1u << 4,         /* a process holds a file lock on it */
   OBJ_FLAG_COUNT = 5
} ObjFlag;

typedef struct {
   int pid;
   const char *comm;        /* owned by the list */
   bool mapped;             /* false: an open descriptor */
   int fd;
   uint64_t start, end, offset;
   char perms[5];
} ObjAttacher;

/* A file lock on an object and one process that holds it (a lock held
 * through an open file shared by several processes, as flock and OFD
 * locks are after fork(), is one entry per process). */
typedef struct {
   PlatformLockRecord lock;
   int pid;                 /* the holder (the waiter when lock.waiting); 0: not known */
   const char *comm;        /* its command, owned by the list; "?" when not known */
   int fd;                  /* the descriptor it is held through; -1: not known */
   bool self;               /* the scanning process holds it */
   /* How the holder is known: true, from a descriptor of the holder that
    * shows the lock; false, from the lock list's pid alone (a POSIX lock's
    * owner, a waiter, or, for flock and OFD locks whose holders could not be
    * inspected, the pid that took it: -1 for OFD). */
   bool seen_on_fd;
} ObjLock;

typedef struct {
   ObjKind kind;
   char *name;              /* the portable name without '/'; a memfd's: its name */
   uint64_t size;           /* bytes (SIZE_KNOWN false: none are given, as for a semaphore
                               set or a POSIX queue, or they are unknown) */
   unsigned uid, gid, mode;
   /* Seconds since the epoch.  STAT_TIMES: they are the object's stat
    * (every object whose stat was read: a name space entry, a descriptor,
    * a mapping's map_files link, an --info target), where 0 is a time
    * like any other.  Otherwise 0 means never or unknown: System V objects
    * take them from the kernel's lists, where 0 is never (never attached,
    * detached, sent, received); an object seen only through a process's
    * mapping whose file could not be stat'ed (map_files refused) has none,
    * for a maps line carries no times. */
   int64_t atime, mtime, ctime;
   bool stat_times;
   uint64_t dev, ino;       /* SysV: ino is the id */
   bool size_known;         /* false where nobody measured it (a FIFO's stat size) */
   /* OBJ_FILE: what its stat says it is (a block device, a FIFO ...);
    * FILE_LINK: it is a symbolic link, looked at without following it. */
   PlatformKind file_kind;
   bool file_link;
   /* System V */
   uint32_t key;
   int cpid, lpid;          /* SysV shm: creator, last attach/detach; msg: last send */
   unsigned cuid;
   unsigned nattch;         /* SysV shm */
   uint64_t messages;       /* SysV msg, POSIX mq: messages queued */
   unsigned nsems;          /* SysV sem: semaphores in the set */
   bool removed;            /* SysV: marked for removal; shm: unlinked */
   /* POSIX */
   bool have_value;
   unsigned sem_value, sem_waiters;
   bool sem_bytes_bad;      /* its bytes were read and are no sem_t's: written as shm */
   bool sem_unread;         /* not read: that would set another user's access time */
   bool mq_known;           /* message queues: MESSAGES and the limits are known */
   bool mq_denied;          /* ... else: no permission to open the queue */
   uint64_t mq_maxmsg, mq_msgsize;
   /* Some holders may be missing: the kernel counts more attachments than
    * were seen (System V nattch), or none was seen while some processes
    * could not be inspected. */
   bool holders_unknown;
   ObjAttacher *att;
   size_t natt, att_cap;
   unsigned flags;
   uint64_t max_mapped;     /* furthest byte any attacher maps */
   ObjLock *locks;          /* held first, then the waiters */
   size_t nlocks, locks_cap;
   /* Block devices (OBJ_BLOCK): mounts, holders, partitions; a loop
    * device's backing file.  Owned; NULL for every other kind. */
   PlatformBlockUsers *block;
   char *backing;
} Obj;

/* A process that could not be inspected: its attachers are missing. */
typedef struct {
   int pid;
   char comm[64];           /* the kernel's text: escape before printing */
   int err;                 /* EACCES/EPERM: refused; ESRCH: it exited during the scan */
   char why[320];           /* one translated sentence (platform_proc_why()) */
} ObjDenied;

typedef struct {
   Obj *v;
   size_t n, cap;
   /* dev:inode -> index + 1 (open addressing) */
   uint64_t *hkeys_dev, *hkeys_ino;
   size_t *hvals;
   size_t hcap;
   /* processes */
   char **comms;
   int *comm_pids;          /* the pid of each of COMMS */
   size_t ncomms, comms_cap;
   PlatformLockRecord *lockrecs;   /* the lock list, until objects_finish() */
   size_t nlockrecs, lockrecs_cap;
   int cur_pid;
   const char *cur_comm;
   unsigned procs_scanned;
   unsigned procs_denied;   /* the count of DENIED */
   ObjDenied *denied;       /* the processes that could not be inspected, in scan order */
   size_t denied_cap;
   PlatformObjectsInfo info;
   size_t page_size;
   uint64_t sysv_dev;       /* learned from the System V segments' mappings */
   bool include_self;       /* report the scanning process as an attacher too */
   bool scan_block;         /* list the block devices in use too (OBJ_BLOCK) */
} ObjList;

/* ---- building ---------------------------------------------------------- */

void objects_init(ObjList *l, size_t page_size);
void objects_free(ObjList *l);

/* Scan the machine: names, then processes, then flags. */
bool objects_scan(ObjList *l, Error *e);
/* The same, and collect the attachers of TARGET (named NAME) too when it
 * is no named object (a plain file given to --info). */
bool objects_scan_target(ObjList *l, const char *name, const PlatformStat *target, Error *e);

/* Add a file (an --info target) so that its attachers are collected. */
Obj *objects_add_file(ObjList *l, const char *name, const PlatformStat *st);

/* The pieces objects_scan() feeds; tests feed them fixtures. */
void objects_add_shm_entry(ObjList *l, const PlatformEntry *pe);
void objects_add_mq_entry(ObjList *l, const PlatformEntry *pe);
bool objects_add_sysv(ObjList *l, const PlatformSysvRecord *r);
void objects_begin_process(ObjList *l, int pid, const char *comm);
void objects_add_process_fd(ObjList *l, int pid, const PlatformFdRecord *f);
void objects_add_process_map(ObjList *l, int pid, const PlatformRegion *r);
void objects_process_denied(ObjList *l, int pid, const char *comm, int err, const char *why);
/* A line of the machine's lock list, and a lock seen on descriptor FD of
 * process PID (SELF: the scanning process); objects_finish() matches them
 * to the objects by device and inode. */
void objects_add_lock(ObjList *l, const PlatformLockRecord *r);
void objects_add_process_lock(ObjList *l, int pid, const char *comm, bool self, int fd,
                              const PlatformLockRecord *r);
/* The block devices of the machine, each a row (before the processes, so
 * that their descriptors are matched); then, after the processes, drop
 * those that nothing mounts, holds or opens (objects_block.c). */
void objects_add_blockdevs(ObjList *l);
void objects_drop_idle_blockdevs(ObjList *l);
/* Compute every object's flags (after all of the above). */
void objects_finish(ObjList *l);

/* ---- looking ----------------------------------------------------------- */

Obj *objects_find(const ObjList *l, uint64_t dev, uint64_t ino);
Obj *objects_find_sysv(const ObjList *l, ObjKind kind, int id);

/* ---- names ------------------------------------------------------------- */

/* "shm", "sem", "mq", "sysv-shm", "sysv-sem", "sysv-msg", "memfd", "file",
 * "blockdev". */
const char *objects_kind_name(ObjKind k);
/* O's kind as the output names it: objects_kind_name(), but an OBJ_FILE
 * by its real type ("file", "blockdev" as the list says, "fifo", "char",
 * "socket", "directory", "symlink", "other"). */
const char *objects_obj_kind_name(const Obj *o);
/* A comma-separated list of kind names ("sysv" means all three SysV
 * kinds, "all" every kind of named object, "blockdev" the block devices in use), each whole or a unique prefix in any case
 * (core/namepick.h), into a mask of 1 << ObjKind; *BAD points at the
 * first word that is no kind (*BAD_LEN bytes), and *WHY (may be NULL)
 * says whether it is unknown or ambiguous. */
bool objects_kind_parse(const char *list, unsigned *mask, const char **bad, size_t *bad_len,
                        NamePick *why);
/* The words objects_kind_parse() takes, for messages. */
void objects_kind_names(NameSet *s);

/* "sem-shm", "name-collision", "size-mismatch", "removed", "locked".
 * (No flag for System V keys: keys are per IPC kind, one key for a
 * segment, a semaphore set and a queue is the usual idiom, and the kernel
 * never lets two live objects of one kind share a key, so no list of
 * live objects can show an ftok() collision.) */
const char *objects_flag_name(ObjFlag f);
/* One plain sentence (gettext-marked, untranslated) that explains F. */
const char *objects_flag_explain(ObjFlag f);

/* "posix", "ofd", "flock", "lease", "delegation", "other"; "read",
 * "write", "unlock". */
const char *objects_lock_kind_name(PlatformLockKind k);
const char *objects_lock_type_name(PlatformLockType t);
/* One plain sentence (gettext-marked, untranslated) that says what a lock
 * of kind K is and who owns it. */
const char *objects_lock_explain(PlatformLockKind k);

/* The size of a POSIX semaphore's object on this machine. */
size_t objects_sem_size(void);
/* What the N bytes at B (read from semaphore O) say: its value, or that
 * they are no semaphore's. */
void objects_sem_bytes(Obj *o, const unsigned char *b, size_t n);

#endif
