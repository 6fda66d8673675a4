/* namelook.c - what a name leads to now (platform/namelook.h). */
#include "config.h"

#include "platform/platform.h"
#include "platform/namelook.h"
#include "platform/linux/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

int platform_look_path(const char *path, PlatformStat *st, int *read_err) {
   struct stat sb;
   if (stat(path, &sb) < 0)
      return errno;
   platform_fill_stat(&sb, st);
   *read_err = faccessat(AT_FDCWD, path, R_OK, AT_EACCESS) == 0 ? 0 : errno;
   return 0;
}

int platform_look_shm(const char *name, PlatformStat *st, int *read_err) {
   char path[512];
   if (name[0] != '/' || (size_t)snprintf(path, sizeof path, "/dev/shm%s", name) >= sizeof path)
      return ENAMETOOLONG;
   return platform_look_path(path, st, read_err);
}

int platform_links(PlatformHandle h, uint64_t *links) {
   struct stat sb;
   if (fstat(h, &sb) < 0)
      return errno;
   *links = (uint64_t)sb.st_nlink;
   return 0;
}

int platform_sysv_shm_marked(int id, bool *marked) {
   struct shmid_ds ds;
   if (shmctl(id, IPC_STAT, &ds) < 0)
      return errno;
   *marked = (ds.shm_perm.mode & SHM_DEST) != 0;
   return 0;
}
