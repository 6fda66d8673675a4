/* blockdev.c - who uses a block device: mount points, holders, partitions,
 * the exclusive open, and the loop devices a file backs (see
 * platform/blockdev.h for the formats read). */
#include "config.h"

#include "platform/blockdev.h"
#include "platform/linux/internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/loop.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static void read_line(const char *path, char *buf, size_t size);

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
    * by now), read-only, with O_EXCL: the kernel's claim on a block
    * device, let go of at once. */
   char path[64];
   snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
   int ex = open(path, O_RDONLY | O_EXCL | O_CLOEXEC | O_NONBLOCK);
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

static void free_strings(char **v, size_t n) {
   for (size_t i = 0; i < n; i++)
      free(v[i]);
   free(v);
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

static int find_mounts(dev_t rdev, char ***v, size_t *n) {
   FILE *f = fopen("/proc/self/mountinfo", "re");
   if (!f)
      return errno;
   char *line = NULL;
   size_t cap = 0;
   int rc = 0;
   while (rc == 0 && getline(&line, &cap, f) > 0) {
      const char *at = mount_of(line, rdev);
      if (at)
         rc = push(v, n, at);
   }
   free(line);
   fclose(f);
   return rc;
}

/* Whether RDEV is an active swap area: a line of /proc/swaps whose path
 * is a node of RDEV. */
static bool is_swap(dev_t rdev) {
   FILE *f = fopen("/proc/swaps", "re");
   if (!f)
      return false;
   char *line = NULL;
   size_t cap = 0;
   bool found = false, header = true;
   while (!found && getline(&line, &cap, f) > 0) {
      char *save = NULL, *path = strtok_r(line, " \t\n", &save);
      struct stat sb;
      if (header || !path) {
         header = false;
         continue;
      }
      unescape_octal(path);
      found = stat(path, &sb) == 0 && S_ISBLK(sb.st_mode) && sb.st_rdev == rdev;
   }
   free(line);
   fclose(f);
   return found;
}

/* The entries of directory DIR/holders (none when it does not exist). */
static int find_holders(const char *dir, char ***v, size_t *n) {
   char path[512];
   snprintf(path, sizeof path, "%s/holders", dir);
   DIR *d = opendir(path);
   if (!d)
      return errno == ENOENT || errno == ENOTDIR ? 0 : errno;
   int rc = 0;
   struct dirent *de;
   while (rc == 0 && (de = readdir(d)) != NULL)
      if (de->d_name[0] != '.')
         rc = push(v, n, de->d_name);
   closedir(d);
   return rc;
}

/* The MAJ:MIN in file PATH ("8:1\n"). */
static int read_devno(const char *path, dev_t *rdev) {
   FILE *f = fopen(path, "re");
   if (!f)
      return errno;
   unsigned maj, min;
   int got = fscanf(f, "%u:%u", &maj, &min);
   fclose(f);
   if (got != 2)
      return EINVAL;
   *rdev = makedev(maj, min);
   return 0;
}

static void free_part(PlatformBlockPart *p) {
   free(p->name);
   free_strings(p->mounts, p->nmounts);
   free_strings(p->holders, p->nholders);
}

/* Partition NAME (a subdirectory of DIR): kept in U when mounted or held. */
static int add_part(const char *dir, const char *name, PlatformBlockUsers *u) {
   char sub[512], file[600];
   snprintf(sub, sizeof sub, "%s/%s", dir, name);
   snprintf(file, sizeof file, "%s/partition", sub);
   if (access(file, F_OK) != 0)
      return 0;                     /* holders/, queue/ ...: no partition */
   snprintf(file, sizeof file, "%s/dev", sub);
   dev_t rdev;
   if (read_devno(file, &rdev) != 0)
      return 0;
   PlatformBlockPart p = { 0 };
   int rc = find_mounts(rdev, &p.mounts, &p.nmounts);
   if (rc == 0)
      rc = find_holders(sub, &p.holders, &p.nholders);
   p.swap = is_swap(rdev);
   if (rc == 0 && (p.nmounts || p.nholders || p.swap) && !(p.name = strdup(name)))
      rc = ENOMEM;
   if (rc != 0 || !p.name) {
      free_part(&p);
      return rc;
   }
   PlatformBlockPart *grown = realloc(u->parts, (u->nparts + 1) * sizeof *grown);
   if (!grown) {
      free_part(&p);
      return ENOMEM;
   }
   u->parts = grown;
   u->parts[u->nparts++] = p;
   return 0;
}

static int find_parts(const char *dir, PlatformBlockUsers *u) {
   DIR *d = opendir(dir);
   if (!d)
      return errno == ENOENT ? 0 : errno;
   int rc = 0;
   struct dirent *de;
   while (rc == 0 && (de = readdir(d)) != NULL)
      if (de->d_name[0] != '.')
         rc = add_part(dir, de->d_name, u);
   closedir(d);
   return rc;
}

bool platform_blockdev_in_use(const PlatformBlockUsers *u) {
   return u->nmounts || u->nholders || u->swap || u->nparts || u->claimed;
}

/* Mounts, holders and partitions of RDEV; the exclusive test through FD
 * when FD >= 0. */
static int users_of(dev_t rdev, int fd, PlatformBlockUsers *u) {
   char dir[96];
   snprintf(dir, sizeof dir, "/sys/dev/block/%u:%u", major(rdev), minor(rdev));
   int rc = find_mounts(rdev, &u->mounts, &u->nmounts);
   if (rc == 0)
      rc = find_holders(dir, &u->holders, &u->nholders);
   if (rc == 0)
      rc = find_parts(dir, u);
   u->swap = is_swap(rdev);
   u->exclusive = fd >= 0 ? platform_blockdev_exclusive(fd) : ENOENT;
   u->claimed = u->exclusive == EBUSY && !u->nmounts && !u->nholders && !u->swap && !u->nparts;
   return rc;
}

int platform_blockdev_users(int fd, PlatformBlockUsers *u) {
   dev_t rdev;
   memset(u, 0, sizeof *u);
   int rc = block_rdev(fd, &rdev);
   return rc != 0 ? rc : users_of(rdev, fd, u);
}

/* PATH, stat'ed: 0 when it is still the block device EXPECT describes,
 * with its number in *RDEV. */
static int same_block_path(const char *path, const PlatformStat *expect, dev_t *rdev) {
   struct stat sb;
   if (stat(path, &sb) != 0)
      return errno;
   if (!S_ISBLK(sb.st_mode))
      return ENOTBLK;
   if ((uint64_t)sb.st_dev != expect->dev || (uint64_t)sb.st_ino != expect->ino)
      return ESTALE;
   *rdev = sb.st_rdev;
   return 0;
}

int platform_blockdev_users_path(const char *path, const PlatformStat *expect, int denied,
                                 PlatformBlockUsers *u, uint64_t *size) {
   dev_t rdev;
   memset(u, 0, sizeof *u);
   *size = 0;
   int rc = same_block_path(path, expect, &rdev);
   if (rc != 0)
      return rc;
   char file[96], line[64];
   snprintf(file, sizeof file, "/sys/dev/block/%u:%u/size", major(rdev), minor(rdev));
   read_line(file, line, sizeof line);
   if (line[0])
      *size = strtoull(line, NULL, 10) * 512;
   rc = users_of(rdev, -1, u);
   u->exclusive = denied;
   return rc;
}

void platform_blockdev_users_free(PlatformBlockUsers *u) {
   free_strings(u->mounts, u->nmounts);
   free_strings(u->holders, u->nholders);
   for (size_t i = 0; i < u->nparts; i++)
      free_part(&u->parts[i]);
   free(u->parts);
   memset(u, 0, sizeof *u);
}

/* ---- loop devices ---------------------------------------------------- */

/* /dev/NAME opened read-only when it is the device RDEV, else -1. */
static int open_node(const char *name, dev_t rdev, char *node, size_t size) {
   snprintf(node, size, "/dev/%s", name);
   int fd = open(node, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
   if (fd < 0)
      return -1;
   struct stat sb;
   if (fstat(fd, &sb) != 0 || !S_ISBLK(sb.st_mode) || sb.st_rdev != rdev) {
      close(fd);
      return -1;
   }
   return fd;
}

/* The kernel's new_encode_dev() form of lo_device, decoded. */
static dev_t loop_decode_dev(uint64_t v) {
   unsigned maj = (unsigned)((v & 0xfff00) >> 8);
   unsigned min = (unsigned)((v & 0xff) | ((v >> 12) & 0xfff00));
   return makedev(maj, min);
}

/* Whether loop device NAME (open on FD, or -1) is backed by FILE. */
static bool backs(const char *name, int fd, const struct stat *file) {
   struct loop_info64 info;
   if (fd >= 0 && ioctl(fd, LOOP_GET_STATUS64, &info) == 0)
      return loop_decode_dev(info.lo_device) == file->st_dev && info.lo_inode == file->st_ino;
   char path[512], back[4096];
   snprintf(path, sizeof path, "/sys/block/%s/loop/backing_file", name);
   FILE *f = fopen(path, "re");
   if (!f)
      return false;
   bool got = fgets(back, sizeof back, f) != NULL;
   fclose(f);
   if (!got)
      return false;
   back[strcspn(back, "\n")] = '\0';
   struct stat sb;
   return stat(back, &sb) == 0 && sb.st_dev == file->st_dev && sb.st_ino == file->st_ino;
}

static int add_loop(PlatformFileLoops *l, const char *name, const char *node, int fd,
                    dev_t rdev) {
   PlatformLoopUse *grown = realloc(l->loops, (l->nloops + 1) * sizeof *grown);
   if (!grown)
      return ENOMEM;
   l->loops = grown;
   PlatformLoopUse *lu = &l->loops[l->nloops];
   memset(lu, 0, sizeof *lu);
   if (!(lu->node = strdup(fd >= 0 ? node : name)))
      return ENOMEM;
   l->nloops++;
   return users_of(rdev, fd, &lu->users);
}

/* Loop device NAME (a /sys/block entry): added to L when FILE backs it. */
static int check_loop(PlatformFileLoops *l, const char *name, const struct stat *file) {
   char path[512], node[300];
   dev_t rdev;
   snprintf(path, sizeof path, "/sys/block/%s/loop", name);
   if (strncmp(name, "loop", 4) != 0 || access(path, F_OK) != 0)
      return 0;                     /* no loop device, or nothing attached */
   snprintf(path, sizeof path, "/sys/block/%s/dev", name);
   if (read_devno(path, &rdev) != 0)
      return 0;
   int fd = open_node(name, rdev, node, sizeof node);
   int rc = backs(name, fd, file) ? add_loop(l, name, node, fd, rdev) : 0;
   if (fd >= 0)
      close(fd);
   return rc;
}

static int file_loops(const struct stat *st, PlatformFileLoops *l);

int platform_file_loops(int fd, PlatformFileLoops *l) {
   memset(l, 0, sizeof *l);
   struct stat file;
   if (fstat(fd, &file) != 0)
      return errno;
   return file_loops(&file, l);
}

int platform_file_loops_path(const char *path, const PlatformStat *expect, PlatformFileLoops *l) {
   memset(l, 0, sizeof *l);
   struct stat file;
   if (stat(path, &file) != 0)
      return errno;
   if ((uint64_t)file.st_dev != expect->dev || (uint64_t)file.st_ino != expect->ino)
      return ESTALE;
   return file_loops(&file, l);
}

static int file_loops(const struct stat *st, PlatformFileLoops *l) {
   const struct stat file = *st;
   if (!S_ISREG(file.st_mode))
      return 0;
   DIR *d = opendir("/sys/block");
   if (!d)
      return errno == ENOENT ? 0 : errno;
   int rc = 0;
   struct dirent *de;
   while (rc == 0 && (de = readdir(d)) != NULL)
      rc = check_loop(l, de->d_name, &file);
   closedir(d);
   return rc;
}

void platform_file_loops_free(PlatformFileLoops *l) {
   for (size_t i = 0; i < l->nloops; i++) {
      free(l->loops[i].node);
      platform_blockdev_users_free(&l->loops[i].users);
   }
   free(l->loops);
   memset(l, 0, sizeof *l);
}

/* ---- every block device ------------------------------------------------ */

/* A small sysfs file's first line into BUF ("" when unreadable). */
static void read_line(const char *path, char *buf, size_t size) {
   buf[0] = '\0';
   FILE *f = fopen(path, "re");
   if (!f)
      return;
   if (!fgets(buf, (int)size, f))
      buf[0] = '\0';
   fclose(f);
   buf[strcspn(buf, "\n")] = '\0';
}

static void free_dev(PlatformBlockDev *b) {
   free(b->name);
   free(b->node);
   free(b->backing);
   platform_blockdev_users_free(&b->users);
}

static int fill_dev(PlatformBlockDev *b, const char *name) {
   char path[512], line[4096];
   dev_t rdev;
   snprintf(path, sizeof path, "/sys/block/%s/dev", name);
   int rc = read_devno(path, &rdev);
   if (rc != 0)
      return rc;
   b->rdev = rdev;
   if (!(b->name = strdup(name)))
      return ENOMEM;
   snprintf(path, sizeof path, "/sys/block/%s/size", name);
   read_line(path, line, sizeof line);
   b->size = strtoull(line, NULL, 10) * 512;
   snprintf(path, sizeof path, "/sys/block/%s/loop/backing_file", name);
   read_line(path, line, sizeof line);
   if (line[0] && !(b->backing = strdup(line)))
      return ENOMEM;
   struct stat sb;
   snprintf(path, sizeof path, "/dev/%s", name);
   if (stat(path, &sb) == 0 && S_ISBLK(sb.st_mode) && sb.st_rdev == rdev) {
      if (!(b->node = strdup(path)))
         return ENOMEM;
      platform_fill_stat(&sb, &b->node_st);
   }
   /* No exclusive test here: the list is refreshed every few seconds,
    * and even a brief claim could make another program's mount fail. */
   return users_of(rdev, -1, &b->users);
}

int platform_blockdevs(PlatformBlockDevs *l) {
   memset(l, 0, sizeof *l);
   DIR *d = opendir("/sys/block");
   if (!d)
      return errno == ENOENT ? 0 : errno;
   int rc = 0;
   struct dirent *de;
   while (rc == 0 && (de = readdir(d)) != NULL) {
      if (de->d_name[0] == '.')
         continue;
      PlatformBlockDev *grown = realloc(l->v, (l->n + 1) * sizeof *grown);
      if (!grown) {
         rc = ENOMEM;
         break;
      }
      l->v = grown;
      PlatformBlockDev *b = &l->v[l->n];
      memset(b, 0, sizeof *b);
      int frc = fill_dev(b, de->d_name);
      if (frc == 0)
         l->n++;
      else
         free_dev(b);
      if (frc == ENOMEM)
         rc = ENOMEM;
   }
   closedir(d);
   return rc;
}

void platform_blockdevs_free(PlatformBlockDevs *l) {
   for (size_t i = 0; i < l->n; i++)
      free_dev(&l->v[i]);
   free(l->v);
   memset(l, 0, sizeof *l);
}
