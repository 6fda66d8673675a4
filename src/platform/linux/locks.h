/* locks.h - the machine's file locks for the object scan (linux/objects.c
 * only): the lines of /proc/locks, and the inodes they lock, so that only
 * the descriptors of locked files have their fdinfo read (one file each).
 * The formats are procfs.h's; the parsing is procfs.c's. */
#ifndef MAPSCOPE_PLATFORM_LINUX_LOCKS_H
#define MAPSCOPE_PLATFORM_LINUX_LOCKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/names.h"

typedef struct {
   uint64_t *dev, *ino;     /* the locked inodes, sorted, without duplicates */
   size_t n;
} LinuxLockedSet;

/* Report every lock of /proc/locks to SINK (when it takes locks) and
 * collect the inodes into SET.  A missing /proc/locks is no lock. */
void linux_locks_read(const PlatformObjectsSink *sink, LinuxLockedSet *set);
bool linux_locks_has(const LinuxLockedSet *set, uint64_t dev, uint64_t ino);
void linux_locks_free(LinuxLockedSet *set);

/* Report the "lock:" lines of descriptor FD of process PID (its /proc
 * directory PFD) to SINK. */
void linux_locks_fd(const PlatformObjectsSink *sink, int pfd, int pid, const char *comm,
                    bool self, int fd);

/* The scanning process's own descriptors: only their locks. */
void linux_locks_self(const PlatformObjectsSink *sink, const LinuxLockedSet *set);

#endif
