/* blockdev.h - who else uses a block device: the file systems mounted from
 * it or from its partitions, the devices stacked on it or on its
 * partitions (their holders: device-mapper, md, bcache), swap, a program
 * that claimed it for itself (an O_EXCL open), and, for a regular file,
 * the loop devices it backs and who uses those.
 *
 * Sources (Linux):
 *  - /proc/self/mountinfo (proc(5), "/proc/pid/mountinfo"): field 3 is the
 *    MAJ:MIN of the mounted device, field 5 the mount point with space,
 *    tab, newline and backslash escaped as \ooo octal;
 *  - /proc/swaps (proc(5), "/proc/swaps"): after a header line, the first
 *    field of each line is the swap area's path, escaped as mountinfo's;
 *    a device is swap when that path is a block device node of its number;
 *  - /sys/dev/block/MAJ:MIN/holders/ (Documentation/ABI/testing/sysfs-block:
 *    one entry per device that holds this one), and the partitions: the
 *    subdirectories of /sys/dev/block/MAJ:MIN/ that hold a "partition"
 *    file, each with its "dev" (MAJ:MIN) and its own holders/;
 *  - loop devices: /sys/block/loopN/dev, /sys/block/loopN/loop/ (present
 *    while a file is attached; Documentation/ABI/testing/sysfs-block-loop),
 *    and the LOOP_GET_STATUS64 ioctl (loop(4)) of /dev/loopN, whose
 *    lo_device and lo_inode name the backing file (lo_device in the
 *    kernel's new_encode_dev() form); where the node cannot be opened,
 *    /sys/block/loopN/loop/backing_file (its path, " (deleted)" once
 *    removed) is stat'ed instead;
 *  - the exclusive test: an open(2) with O_RDONLY | O_EXCL of the same
 *    inode, closed at once.  The kernel refuses it with EBUSY while the
 *    device or one of its partitions is mounted, held, or claimed by
 *    another program's O_EXCL open; only this test sees such a claim.
 *
 * Every function returns 0 or an errno value.  Strings are untrusted bytes
 * (a mount point is any path): escape them before output. */
#ifndef MAPSCOPE_PLATFORM_BLOCKDEV_H
#define MAPSCOPE_PLATFORM_BLOCKDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/files.h"

/* One partition of a disk that is mounted or held. */
typedef struct {
   char *name;                /* its kernel name ("loop0p1", "sda2"); malloc'd */
   char **mounts;             /* its mount points, decoded; malloc'd */
   size_t nmounts;
   char **holders;            /* kernel names of its holders; malloc'd */
   size_t nholders;
   bool swap;                 /* it is an active swap area */
} PlatformBlockPart;

typedef struct {
   char **mounts;             /* the device's own mount points, decoded; malloc'd */
   size_t nmounts;
   char **holders;            /* kernel names of its own holders ("dm-0"); malloc'd */
   size_t nholders;
   bool swap;                 /* it is an active swap area (swapon) */
   PlatformBlockPart *parts;  /* its partitions that are mounted, held or swap */
   size_t nparts;
   /* The exclusive test: 0 (nobody could have claimed it), EBUSY (in use),
    * or the errno that kept the test from being made. */
   int exclusive;
   /* EBUSY, and no mount, holder or swap above explains it: another
    * program has it (or one of its partitions) open with O_EXCL. */
   bool claimed;
} PlatformBlockUsers;

/* A loop device whose backing file is a given file. */
typedef struct {
   char *node;                /* "/dev/loop0", or its kernel name when no node was found */
   PlatformBlockUsers users;
} PlatformLoopUse;

typedef struct {
   PlatformLoopUse *loops;
   size_t nloops;
} PlatformFileLoops;

/* FD is open on a block device: 0 when it could be opened exclusively now
 * (the exclusive descriptor is closed again at once), EBUSY when it is
 * mounted or held, ENOTBLK when FD is no block device, else errno. */
int platform_blockdev_exclusive(int fd);

/* FD is open on a block device that is about to be written: open the same
 * inode again, with FD's access mode and O_EXCL, into *EXCL.  While *EXCL
 * stays open nobody can mount the device or claim it, so a write through
 * it cannot land under a file system mounted after a check.  EBUSY when it is
 * mounted or held now, ENOTBLK when FD is no block device, ESTALE when
 * the inode opened is another device, else errno; *EXCL is then -1. */
int platform_blockdev_claim(int fd, int *excl);

/* Who uses the block device open on FD (the exclusive test included);
 * free with platform_blockdev_users_free() (also after a failure). */
int platform_blockdev_users(int fd, PlatformBlockUsers *u);
void platform_blockdev_users_free(PlatformBlockUsers *u);

/* The same for the block device node PATH that could not be opened
 * (DENIED, its errno), found by its stat(2) and checked to be the device
 * EXPECT describes (ESTALE when it is another by now): mounts, holders,
 * partitions and swap by its device number; no exclusive test (that needs
 * an open), users.exclusive is DENIED.  *SIZE is its size in bytes from
 * /sys/dev/block/MAJ:MIN/size (0 when unreadable). */
int platform_blockdev_users_path(const char *path, const PlatformStat *expect, int denied,
                                 PlatformBlockUsers *u, uint64_t *size);

/* True when U shows any use: a mount, a holder, swap (its own or a
 * partition's) or a claim. */
bool platform_blockdev_in_use(const PlatformBlockUsers *u);

/* The loop devices whose backing file is the file open on FD (none for
 * any other kind of file); free with platform_file_loops_free() (also
 * after a failure). */
int platform_file_loops(int fd, PlatformFileLoops *l);
void platform_file_loops_free(PlatformFileLoops *l);
/* The same for the regular file PATH that could not be opened, checked
 * by its stat(2) to be the file EXPECT describes (ESTALE otherwise). */
int platform_file_loops_path(const char *path, const PlatformStat *expect, PlatformFileLoops *l);

/* ---- every block device in use (the object list's kind "blockdev") ---- */

typedef struct {
   char *name;                /* kernel name ("loop0", "sda") */
   char *node;                /* "/dev/NAME" when that node is this device, else NULL */
   PlatformStat node_st;      /* the node's owner, mode, device and inode (when NODE) */
   uint64_t rdev;             /* its device number */
   uint64_t size;             /* bytes (the "size" file's 512-byte sectors) */
   char *backing;             /* a loop device's backing file, else NULL */
   PlatformBlockUsers users;  /* no exclusive test: users.exclusive is ENOENT */
} PlatformBlockDev;

typedef struct {
   PlatformBlockDev *v;
   size_t n;
} PlatformBlockDevs;

/* Every block device of the machine that is not a partition (partitions
 * show in their disk's users), whether in use or not; free with
 * platform_blockdevs_free() (also after a failure). */
int platform_blockdevs(PlatformBlockDevs *l);
void platform_blockdevs_free(PlatformBlockDevs *l);

#endif
