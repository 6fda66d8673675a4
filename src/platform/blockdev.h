/* blockdev.h - who else uses a block device: the file systems mounted from
 * it, the devices stacked on it (its holders: device-mapper, md, bcache),
 * and whether the kernel would let one user have it to itself.
 *
 * Sources (Linux): /proc/self/mountinfo (proc(5), "/proc/pid/mountinfo":
 * field 3 is the MAJ:MIN of the mounted device, field 5 the mount point
 * with space, tab, newline and backslash escaped as \ooo octal), and
 * /sys/dev/block/MAJ:MIN/holders/ (Documentation/ABI/testing/sysfs-block:
 * one entry per device that holds this one).  The exclusive test is an
 * open(2) with O_EXCL of the same inode: a block device that is mounted or
 * claimed by another holder refuses it with EBUSY.
 *
 * Every function returns 0 or an errno value.  Strings are untrusted bytes
 * (a mount point is any path): escape them before output. */
#ifndef MAPSCOPE_PLATFORM_BLOCKDEV_H
#define MAPSCOPE_PLATFORM_BLOCKDEV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
   char **mounts;             /* mount points, decoded; malloc'd */
   size_t nmounts;
   char **holders;            /* kernel names of the holders ("dm-0"); malloc'd */
   size_t nholders;
} PlatformBlockUsers;

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

/* The mount points and holders of the block device open on FD; free them
 * with platform_blockdev_users_free() (also after a failure). */
int platform_blockdev_users(int fd, PlatformBlockUsers *u);
void platform_blockdev_users_free(PlatformBlockUsers *u);

#endif
