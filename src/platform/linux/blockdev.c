/* blockdev.c - mount points, holders and the exclusive open of a block
 * device (see platform/blockdev.h for the formats read). */
#include "config.h"

#include "platform/blockdev.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static int block_rdev(int fd, dev_t *rdev) {
   struct stat sb;
   if (fstat(fd, &sb) < 0)
      return errno;
   if (!S_ISBLK(sb.st_mode))
      return ENOTBLK;
   *rdev = sb.st_rdev;
   return 0;
}

int platform_blockdev_exclusive(int fd) {
   dev_t rdev;
   int rc = block_rdev(fd, &rdev);
   if (rc != 0)
      return rc;
   /* The same inode again (never the path, which may name another device
    * by now), with O_EXCL: the kernel's claim on a block device. */
   char path[64];
   snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
   int ex = open(path, O_RDONLY | O_EXCL | O_CLOEXEC);
   if (ex < 0)
      return errno;
   close(ex);
   return 0;
}

int platform_blockdev_claim(int fd, int *excl) {
   dev_t rdev = 0, got = 0;
   *excl = -1;
   int rc = block_rdev(fd, &rdev);
   if (rc != 0)
      return rc;
   char path[64];
   snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
   int mode = fcntl(fd, F_GETFL);
   if (mode < 0)
      return errno;
   int ex = open(path, (mode & O_ACCMODE) | O_EXCL | O_CLOEXEC | O_NOCTTY);
   if (ex < 0)
      return errno;
   rc = block_rdev(ex, &got);
   if (rc == 0 && got != rdev)
      rc = ESTALE;
   if (rc != 0) {
      close(ex);
      return rc;
   }
   *excl = ex;
   return 0;
}

static int push(char ***v, size_t *n, const char *s) {
   char **grown = realloc(*v, (*n + 1) * sizeof **v);
   if (!grown)
      return ENOMEM;
   *v = grown;
   if (!(grown[*n] = strdup(s)))
      return ENOMEM;
   (*n)++;
   return 0;
}

/* Undo mountinfo's \ooo escapes in place. */
static void unescape_octal(char *s) {
   char *out = s;
   for (; *s; s++) {
      if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7'
          && s[3] >= '0' && s[3] <= '7') {
         *out++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
         s += 3;
      } else {
         *out++ = *s;
      }
   }
   *out = '\0';
}

/* "ID PARENT MAJ:MIN ROOT MOUNTPOINT ...": the mount point when the line
 * is of RDEV. */
static const char *mount_of(char *line, dev_t rdev) {
   unsigned maj, min;
   char *fields[5];
   char *save = NULL, *p = line;
   for (int i = 0; i < 5; i++, p = NULL)
      if (!(fields[i] = strtok_r(p, " \n", &save)))
         return NULL;
   if (sscanf(fields[2], "%u:%u", &maj, &min) != 2 || makedev(maj, min) != rdev)
      return NULL;
   unescape_octal(fields[4]);
   return fields[4];
}

static int find_mounts(dev_t rdev, PlatformBlockUsers *u) {
   FILE *f = fopen("/proc/self/mountinfo", "re");
   if (!f)
      return errno;
   char *line = NULL;
   size_t cap = 0;
   int rc = 0;
   while (rc == 0 && getline(&line, &cap, f) > 0) {
      const char *at = mount_of(line, rdev);
      if (at)
         rc = push(&u->mounts, &u->nmounts, at);
   }
   free(line);
   fclose(f);
   return rc;
}

static int find_holders(dev_t rdev, PlatformBlockUsers *u) {
   char path[96];
   snprintf(path, sizeof path, "/sys/dev/block/%u:%u/holders", major(rdev), minor(rdev));
   DIR *d = opendir(path);
   if (!d)
      return errno == ENOENT ? 0 : errno;
   int rc = 0;
   struct dirent *de;
   while (rc == 0 && (de = readdir(d)) != NULL)
      if (de->d_name[0] != '.')
         rc = push(&u->holders, &u->nholders, de->d_name);
   closedir(d);
   return rc;
}

int platform_blockdev_users(int fd, PlatformBlockUsers *u) {
   dev_t rdev;
   memset(u, 0, sizeof *u);
   int rc = block_rdev(fd, &rdev);
   if (rc == 0)
      rc = find_mounts(rdev, u);
   if (rc == 0)
      rc = find_holders(rdev, u);
   return rc;
}

void platform_blockdev_users_free(PlatformBlockUsers *u) {
   for (size_t i = 0; i < u->nmounts; i++)
      free(u->mounts[i]);
   for (size_t i = 0; i < u->nholders; i++)
      free(u->holders[i]);
   free(u->mounts);
   free(u->holders);
   memset(u, 0, sizeof *u);
}
