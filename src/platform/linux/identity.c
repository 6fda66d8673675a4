/* identity.c - the Linux implementation of platform/identity.h: statx(2)
 * STATX_BTIME, ioctl FS_IOC_GETVERSION and name_to_handle_at(2). */
#include "config.h"

#include "platform/identity.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

static void birth_time(int fd, PlatformIdentity *id) {
   struct statx sx;
   if (statx(fd, "", AT_EMPTY_PATH | AT_STATX_SYNC_AS_STAT, STATX_BTIME, &sx) != 0
       || !(sx.stx_mask & STATX_BTIME))
      return;
   id->btime_sec = sx.stx_btime.tv_sec;
   id->btime_nsec = sx.stx_btime.tv_nsec;
   id->known |= PLATFORM_ID_BTIME;
}

static void generation(int fd, PlatformIdentity *id) {
   int gen = 0;
   if (ioctl(fd, FS_IOC_GETVERSION, &gen) != 0)
      return;
   id->generation = (uint32_t)gen;
   id->known |= PLATFORM_ID_GENERATION;
}

static void file_handle(int fd, PlatformIdentity *id) {
   struct file_handle *fh = malloc(sizeof *fh + PLATFORM_FILE_HANDLE_MAX);
   int mount_id;
   if (!fh)
      return;
   fh->handle_bytes = PLATFORM_FILE_HANDLE_MAX;
   if (name_to_handle_at(fd, "", fh, &mount_id, AT_EMPTY_PATH) == 0
       && fh->handle_bytes <= PLATFORM_FILE_HANDLE_MAX) {
      id->handle_type = (uint32_t)fh->handle_type;
      id->handle_len = fh->handle_bytes;
      memcpy(id->handle, fh->f_handle, fh->handle_bytes);
      id->known |= PLATFORM_ID_HANDLE;
   }
   free(fh);
}

void platform_identity(int fd, PlatformIdentity *id) {
   memset(id, 0, sizeof *id);
   birth_time(fd, id);
   generation(fd, id);
   file_handle(fd, id);
}
