/* names.h - where the named objects of the machine live, and who holds them.
 *
 * The platform walks its name spaces and its processes and hands what it
 * finds to a sink as the typed records of platform/procfs.h (it parses its
 * own formats there): the core (core/objects.h) keeps the index, the flags
 * and the names.  On Linux:
 *  - POSIX shared memory and semaphores are files in /dev/shm (a semaphore
 *    "/x" is the 32-byte file sem.x);
 *  - POSIX message queues are files in the mqueue file system, where it is
 *    mounted; their count and limits come from mq_getattr(3) on a
 *    descriptor of each file, never from its text (reading it sets the
 *    queue's access and change times: ipc/mqueue.c, mqueue_read_file);
 *  - a semaphore's bytes are read through a descriptor opened with
 *    O_NOATIME, or not at all (platform_open_shm_quiet);
 *  - System V objects and what processes hold come from /proc;
 *  - file locks come from /proc/locks, their holders from the "lock:"
 *    lines of the descriptors' fdinfo (procfs.h says why both).
 * The scanner reports its own process only when asked to. */
#ifndef MAPSCOPE_PLATFORM_NAMES_H
#define MAPSCOPE_PLATFORM_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/files.h"
#include "platform/procfs.h"

/* One entry of a name space directory. */
typedef struct {
   const char *name;       /* the entry's name, no '/' (untrusted bytes) */
   PlatformStat st;        /* with its times */
   bool mq_known;          /* message queues: MQ could be read */
   int mq_err;             /* else why (an errno value; EACCES: no permission) */
   PlatformMqInfo mq;
} PlatformEntry;

typedef struct {
   void *ctx;
   void (*shm_entry)(void *ctx, const PlatformEntry *e);
   void (*mq_entry)(void *ctx, const PlatformEntry *e);
   /* One System V object. */
   void (*sysv)(void *ctx, const PlatformSysvRecord *r);
   /* Called once per process before its descriptors and mappings. */
   void (*process)(void *ctx, int pid, const char *comm);
   /* A descriptor that refers to a file (not a socket, pipe or anon inode). */
   void (*process_fd)(void *ctx, int pid, const PlatformFdRecord *f);
   /* One mapping of the process. */
   void (*process_map)(void *ctx, int pid, const PlatformRegion *r);
   /* The process (COMM its command, raw) could not be inspected: its
    * descriptors or mappings were refused (ERR EACCES or EPERM), or it
    * exited during the scan (ESRCH).  WHY is one translated sentence
    * saying the cause (platform_proc_why()).  Kernel threads are not
    * reported: they hold no descriptors or mappings of their own. */
   void (*process_denied)(void *ctx, int pid, const char *comm, int err, const char *why);
   /* One lock of the machine (a line of its lock list), before the
    * processes.  May be NULL. */
   void (*lock)(void *ctx, const PlatformLockRecord *r);
   /* A lock held through descriptor FD of process PID (COMM its command).
    * Reported for the scanning process too (SELF), even when it is not
    * scanned otherwise: a lock it holds is never hidden.  May be NULL. */
   void (*process_lock)(void *ctx, int pid, const char *comm, bool self, int fd,
                        const PlatformLockRecord *r);
} PlatformObjectsSink;

/* Facts about the name spaces themselves. */
typedef struct {
   bool shm_present;            /* the shm directory exists */
   uint64_t shm_dev;            /* its device: a mapping with this device is a shm object */
   bool mq_mounted;             /* the mqueue file system is mounted somewhere */
   char mq_path[256];           /* where */
   uint64_t mq_dev;
   bool sysv_present;           /* the System V lists could be read */
} PlatformObjectsInfo;

enum {
   PLATFORM_SCAN_NAMES = 1u << 0,     /* shm, semaphores, queues, SysV */
   PLATFORM_SCAN_PROCESSES = 1u << 1, /* descriptors and mappings of processes */
   PLATFORM_SCAN_SELF = 1u << 2       /* ... including the scanning process */
};

/* Walk what WHAT asks for, calling SINK.  Returns 0 or an errno value (only
 * for failures that make the whole scan meaningless). */
int platform_objects_scan(const PlatformObjectsSink *sink, unsigned what,
                          PlatformObjectsInfo *info);

/* The device number that "MAJ:MIN" stands for. */
uint64_t platform_dev_make(unsigned major, unsigned minor);
void platform_dev_split(uint64_t dev, unsigned *major, unsigned *minor);

/* Stat the object behind mapping [START, END) of process PID. */
int platform_stat_mapping(int pid, uint64_t start, uint64_t end, PlatformStat *st);

/* The login name of UID into BUF (the number when it has none). */
void platform_user_name(PlatformUserId uid, char *buf, size_t size);
/* The uid of login NAME, or NAME as a decimal number when no login has
 * it (getpwnam_r(3)).  ENOENT when neither; EIO when the database fails. */
int platform_user_lookup(const char *name, PlatformUserId *uid);

/* ---- System V shared memory --------------------------------------------- */

/* The id of the segment with KEY (ENOENT when none). */
int platform_sysv_shm_find(uint32_t key, int *id);

/* Attach segment ID (read-only unless WRITABLE); its size and identity go to
 * ST (st->ino is the id).  The attachment is not inherited by children
 * forked later (MADV_DONTFORK): only this process is counted in nattch and
 * named in lpid. */
int platform_sysv_shm_attach(int id, bool writable, void **addr, PlatformStat *st);
int platform_sysv_shm_stat(int id, PlatformStat *st);
/* The same two without permission to the segment (shmget() and IPC_STAT
 * refuse with EACCES): from the kernel's list of segments, which any user
 * may read (/proc/sysvipc/shm).  ENOENT, EINVAL as above. */
int platform_sysv_shm_find_listed(uint32_t key, int *id);
int platform_sysv_shm_stat_listed(int id, PlatformStat *st);
void platform_sysv_shm_detach(void *addr);
/* How many of segment ID's attachments (its nattch) are this process's own,
 * made by platform_sysv_shm_attach() and not yet detached (counted up to
 * 64 attachments at once). */
unsigned platform_sysv_shm_self_attached(int id);

#endif
