/* identity.h - what tells one file from another that got its device and
 * inode numbers after it was deleted.
 *
 * An inode number is reused as soon as its file is deleted (at once on
 * ext4), so DEV:INODE alone does not name an object over time.  What the
 * file system keeps for the life of one inode and changes when the number
 * is given to another file:
 *
 *   - the birth time: statx(2) STATX_BTIME, where the file system gives it
 *     (ext4, xfs, btrfs, tmpfs since Linux 5.x ...);
 *   - the inode generation: ioctl FS_IOC_GETVERSION (ioctl_iflags(2),
 *     <linux/fs.h>), where the file system answers it (ext2/3/4, btrfs ...);
 *   - the file handle: name_to_handle_at(2) with AT_EMPTY_PATH, the opaque
 *     bytes NFS uses to name a file across reboots, which most file systems
 *     build from the inode number and its generation (ext4, xfs, btrfs,
 *     tmpfs ...).  Its mount id is not kept: it changes with every mount.
 *
 * None of them changes when the file is written, truncated, chmod'ed or
 * renamed (unlike the size, mtime and ctime, which a flush itself changes).
 * KNOWN says which of them the file system gave; the others are zero.
 * platform_identity() never fails: a file system that gives none of them
 * leaves KNOWN 0. */
#ifndef MAPSCOPE_PLATFORM_IDENTITY_H
#define MAPSCOPE_PLATFORM_IDENTITY_H

#include <stdint.h>

#include "platform/files.h"

#define PLATFORM_ID_BTIME      1u
#define PLATFORM_ID_GENERATION 2u
#define PLATFORM_ID_HANDLE     4u

/* The longest file handle kept (MAX_HANDLE_SZ of the Linux kernel). */
#define PLATFORM_FILE_HANDLE_MAX 128

typedef struct {
   unsigned known;                 /* PLATFORM_ID_* bits */
   int64_t btime_sec;
   uint32_t btime_nsec;
   uint32_t generation;
   uint32_t handle_type;
   uint32_t handle_len;            /* at most PLATFORM_FILE_HANDLE_MAX */
   unsigned char handle[PLATFORM_FILE_HANDLE_MAX];
} PlatformIdentity;

/* What the file system says of the object open as FD (zeroed first). */
void platform_identity(PlatformHandle fd, PlatformIdentity *id);

#endif
