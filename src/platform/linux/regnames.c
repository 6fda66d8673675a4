/* regnames.c - what a region's line of /proc/PID/maps cannot say for sure
 * about its object, from the shm directory and the System V list (each
 * read once per region list, and only when a region needs it).
 *
 *  - glibc's sem_open() (nptl/sem_open.c) creates /dev/shm/sem.XXXXXX,
 *    maps it, then link()s it as sem.NAME and unlinks the temporary: the
 *    mapping keeps the temporary's name with " (deleted)", though the
 *    object lives on as sem.NAME (the same device and inode);
 *  - every System V segment's mapping is named "/SYSV%08x (deleted)"
 *    (ipc/shm.c): whether the segment is really removed (marked SHM_DEST,
 *    01000 in its mode) is in /proc/sysvipc/shm, where the kernel has also
 *    set a removed segment's key to IPC_PRIVATE. */
#include "config.h"

#include "platform/procfs.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define SHM_DIR "/dev/shm"

void linux_regnames_free(LinuxRegionNames *n) {
   for (size_t i = 0; i < n->nshm; i++)
      free(n->shm[i].name);
   free(n->shm);
   free(n->sysv);
   memset(n, 0, sizeof *n);
}

static void read_shm_dir(LinuxRegionNames *n) {
   size_t cap = 0;
   n->shm_read = true;
   DIR *d = opendir(SHM_DIR);
   struct dirent *de;
   while (d && (de = readdir(d)) != NULL) {
      struct stat sb;
      if (de->d_name[0] == '.' || fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0
          || !S_ISREG(sb.st_mode))
         continue;
      if (n->nshm == cap) {
         cap = cap ? cap * 2 : 32;
         void *v = realloc(n->shm, cap * sizeof *n->shm);
         if (!v)
            break;
         n->shm = v;
      }
      char *name = strdup(de->d_name);
      if (!name)
         break;
      n->shm[n->nshm].dev = sb.st_dev;
      n->shm[n->nshm].ino = sb.st_ino;
      n->shm[n->nshm++].name = name;
   }
   if (d)
      closedir(d);
}

void linux_regnames_shm(LinuxRegionNames *n, uint64_t shm_dev, PlatformRegion *r) {
   PlatformBacking *b = &r->backing;
   if (b->kind != PLATFORM_BACKING_FILE || !b->deleted || shm_dev == 0 || r->dev != shm_dev)
      return;
   if (!n->shm_read)
      read_shm_dir(n);
   for (size_t i = 0; i < n->nshm; i++)
      if (n->shm[i].ino == r->inode && n->shm[i].dev == r->dev) {
         snprintf(b->name, sizeof b->name, "%s/%s", SHM_DIR, n->shm[i].name);
         b->deleted = false;
         b->ambiguous = false;
         return;
      }
}

static void read_sysv(LinuxRegionNames *n) {
   size_t cap = 0;
   char *line = NULL;
   size_t lcap = 0;
   ssize_t len;
   n->sysv_read = true;
   FILE *f = fopen("/proc/sysvipc/shm", "re");
   for (bool header = true; f && (len = getline(&line, &lcap, f)) > 0; header = false) {
      PlatformSysvRecord rec;
      if (line[len - 1] == '\n')
         line[len - 1] = '\0';
      if (header || !platform_procfs_sysv_line(PLATFORM_SYSV_SHM, line, &rec))
         continue;
      if (n->nsysv == cap) {
         cap = cap ? cap * 2 : 32;
         void *v = realloc(n->sysv, cap * sizeof *n->sysv);
         if (!v)
            break;
         n->sysv = v;
      }
      n->sysv[n->nsysv].id = rec.id;
      n->sysv[n->nsysv].key = rec.key;
      n->sysv[n->nsysv++].removed = rec.removed;
   }
   free(line);
   if (f)
      fclose(f);
}

bool linux_regnames_sysv_removed(LinuxRegionNames *n, int id, uint32_t key) {
   if (!n->sysv_read)
      read_sysv(n);
   for (size_t i = 0; i < n->nsysv; i++)
      if (n->sysv[i].id == id)
         return n->sysv[i].removed && (n->sysv[i].key == key || n->sysv[i].key == 0);
   return false;
}
