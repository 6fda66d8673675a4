/* objects.h - where the named objects of the machine live, and who holds them.
 *
 * The platform walks its name spaces and its processes and hands what it
 * finds, raw, to a sink: the core (core/objects.h) interprets it.  On Linux:
 *  - POSIX shared memory and semaphores are files in /dev/shm (a semaphore
 *    "/x" is the 32-byte file sem.x);
 *  - POSIX message queues are files in the mqueue file system, where it is
 *    mounted; reading one gives "QSIZE:n NOTIFY:n SIGNO:n NOTIFY_PID:n";
 *  - System V objects are the lines of /proc/sysvipc/{shm,sem,msg};
 *  - a process holds objects through /proc/PID/fd and /proc/PID/maps.
 * The scanner reports its own process only when asked to. */
#ifndef MAPSCOPE_PLATFORM_OBJECTS_H
#define MAPSCOPE_PLATFORM_OBJECTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/platform.h"

typedef enum {
   PLATFORM_SYSV_SHM,
   PLATFORM_SYSV_SEM,
   PLATFORM_SYSV_MSG
} PlatformSysvKind;

/* One entry of a name space directory. */
typedef struct {
   const char *name;       /* the entry's name, no '/' (untrusted bytes) */
   PlatformStat st;
   int64_t atime_sec;
   int64_t ctime_sec;
   const char *info;       /* message queues: the text the file reads as */
} PlatformEntry;

typedef struct {
   void *ctx;
   void (*shm_entry)(void *ctx, const PlatformEntry *e);
   void (*mq_entry)(void *ctx, const PlatformEntry *e);
   /* One data line of /proc/sysvipc/KIND (the header line is not passed). */
   void (*sysv_line)(void *ctx, PlatformSysvKind kind, const char *line);
   /* Called once per process before its descriptors and mappings. */
   void (*process)(void *ctx, int pid, const char *comm);
   /* A descriptor that refers to a file (not a socket, pipe or anon inode). */
   void (*process_fd)(void *ctx, int pid, int fd, const PlatformStat *st, const char *target);
   /* One line of the process's mapping list, without its newline. */
   void (*process_map)(void *ctx, int pid, const char *line);
   /* The process exists but could not be inspected; ERR says why. */
   void (*process_denied)(void *ctx, int pid, int err);
} PlatformObjectsSink;

/* Facts about the name spaces themselves. */
typedef struct {
   bool shm_present;            /* the shm directory exists */
   uint64_t shm_dev;            /* its device: a mapping with this device is a shm object */
   bool mq_mounted;             /* the mqueue file system is mounted somewhere */
   char mq_path[256];           /* where */
   uint64_t mq_dev;
   bool sysv_present;           /* /proc/sysvipc could be read */
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

/* The device number that a mapping line's "MAJ:MIN" stands for. */
uint64_t platform_dev_make(unsigned major, unsigned minor);
void platform_dev_split(uint64_t dev, unsigned *major, unsigned *minor);

/* Stat the object behind mapping [START, END) of process PID. */
int platform_stat_mapping(int pid, uint64_t start, uint64_t end, PlatformStat *st);

/* The login name of UID into BUF (the number when it has none). */
void platform_user_name(unsigned uid, char *buf, size_t size);
/* The uid of login NAME, or NAME as a decimal number when no login has
 * it (getpwnam_r(3)).  ENOENT when neither; EIO when the database fails. */
int platform_user_lookup(const char *name, unsigned *uid);

/* ---- System V shared memory --------------------------------------------- */

/* The id of the segment with KEY (ENOENT when none). */
int platform_sysv_shm_find(uint32_t key, int *id);

/* Attach segment ID (read-only unless WRITABLE); its size and identity go to
 * ST (st->ino is the id). */
int platform_sysv_shm_attach(int id, bool writable, void **addr, PlatformStat *st);
int platform_sysv_shm_stat(int id, PlatformStat *st);
void platform_sysv_shm_detach(void *addr);
/* How many of segment ID's attachments (its nattch) are this process's own,
 * made by platform_sysv_shm_attach() and not yet detached (counted up to
 * 64 attachments at once). */
unsigned platform_sysv_shm_self_attached(int id);

/* An anonymous private mapping of LEN bytes (copies of what cannot be
 * mapped copy-on-write). */
int platform_map_anonymous(size_t len, void **addr);

#endif
