/* edit.c - what copy-on-write edits and their flush need from Linux:
 * durable writes, the object's lock, the journal's directory and files
 * (reached through a directory descriptor, never following a link), and
 * the page flags of /proc/self/pagemap. */
#include "config.h"

#include "platform/platform.h"
#include "platform/linux/pagemap.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

PlatformHandle platform_stdout(void) {
   return STDOUT_FILENO;
}

PlatformHandle platform_stdin(void) {
   return STDIN_FILENO;
}

int platform_write_all(PlatformHandle fd, const void *buf, size_t len) {
   const char *p = buf;
   while (len > 0) {
      ssize_t n = write(fd, p, len);
      if (n < 0) {
         if (errno == EINTR)
            continue;
         return errno;
      }
      if (n == 0)
         return EIO;
      p += n;
      len -= (size_t)n;
   }
   return 0;
}

int platform_write_at(int fd, const void *buf, size_t len, uint64_t offset) {
   const char *p = buf;
   while (len > 0) {
      if (offset > (uint64_t)INT64_MAX)
         return EFBIG;
      ssize_t n = pwrite(fd, p, len, (off_t)offset);
      if (n < 0) {
         if (errno == EINTR)
            continue;
         return errno;
      }
      if (n == 0)
         return EIO;
      p += n;
      len -= (size_t)n;
      offset += (uint64_t)n;
   }
   return 0;
}

int platform_sync(int fd) {
   while (fsync(fd) < 0) {
      if (errno != EINTR)
         return errno;
   }
   return 0;
}

/* mkdir -p: create each missing component in turn. */
static int make_dirs(const char *dir, unsigned mode) {
   char *copy = strdup(dir);
   if (!copy)
      return ENOMEM;
   int rc = 0;
   for (char *p = copy + 1; rc == 0; p++) {
      bool last = *p == '\0';
      if (*p != '/' && !last)
         continue;
      *p = '\0';
      if (mkdir(copy, (mode_t)mode) < 0 && errno != EEXIST)
         rc = errno;
      if (last)
         break;
      *p = '/';
   }
   struct stat sb;
   if (rc == 0 && stat(copy, &sb) < 0)
      rc = errno;
   else if (rc == 0 && !S_ISDIR(sb.st_mode))
      rc = ENOTDIR;
   free(copy);
   return rc;
}

PlatformUserId platform_user_id(void) {
   return (PlatformUserId)geteuid();
}

int platform_page_flags(const void *addr, size_t npages, unsigned char *flags) {
   int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
   if (fd < 0)
      return errno;
   int rc = platform_pagemap_read(fd, (uint64_t)(uintptr_t)addr / platform_page_size(), npages,
                                  flags);
   close(fd);
   return rc;
}

int platform_lock(int fd) {
   while (flock(fd, LOCK_EX | LOCK_NB) < 0) {
      if (errno != EINTR)
         return errno == EAGAIN ? EWOULDBLOCK : errno;
   }
   return 0;
}

void platform_unlock(int fd) {
   flock(fd, LOCK_UN);
}

void platform_test_signal(bool kill) {
   raise(kill ? SIGKILL : SIGSTOP);
}

int platform_lock_wait(int fd, int wait_ms) {
   int rc;
   for (int waited = 0; (rc = platform_lock(fd)) == EWOULDBLOCK && waited < wait_ms; waited += 5)
      usleep(5000);
   return rc;
}

int platform_lock_shared(int fd) {
   while (flock(fd, LOCK_SH | LOCK_NB) < 0) {
      if (errno != EINTR)
         return errno == EAGAIN ? EWOULDBLOCK : errno;
   }
   return 0;
}

/* ---- the journal's directory and files ------------------------------------ */

static void fill_stat(const struct stat *sb, PlatformStat *st) {
   memset(st, 0, sizeof *st);
   st->kind = S_ISREG(sb->st_mode) ? PLATFORM_KIND_REGULAR
            : S_ISDIR(sb->st_mode) ? PLATFORM_KIND_DIRECTORY
            : S_ISBLK(sb->st_mode) ? PLATFORM_KIND_BLOCK
            : S_ISCHR(sb->st_mode) ? PLATFORM_KIND_CHAR
            : S_ISFIFO(sb->st_mode) ? PLATFORM_KIND_FIFO
            : S_ISSOCK(sb->st_mode) ? PLATFORM_KIND_SOCKET : PLATFORM_KIND_OTHER;
   st->size = (uint64_t)sb->st_size;
   st->dev = (uint64_t)sb->st_dev;
   st->ino = (uint64_t)sb->st_ino;
   st->mtime_sec = (int64_t)sb->st_mtim.tv_sec;
   st->mtime_nsec = sb->st_mtim.tv_nsec;
   st->atime_sec = (int64_t)sb->st_atim.tv_sec;
   st->ctime_sec = (int64_t)sb->st_ctim.tv_sec;
   st->uid = sb->st_uid;
   st->gid = sb->st_gid;
   st->mode = (unsigned)(sb->st_mode & 07777);
}

static int stat_fd_into(int fd, PlatformStat *st) {
   struct stat sb;
   if (fstat(fd, &sb) < 0)
      return errno;
   fill_stat(&sb, st);
   return 0;
}

/* F, just opened (-1: errno says why), stat'ed into *ST and handed to *OUT;
 * closed when the stat fails. */
static int adopt(int f, int *out, PlatformStat *st) {
   if (f < 0)
      return errno;
   int rc = stat_fd_into(f, st);
   if (rc != 0) {
      close(f);
      return rc;
   }
   *out = f;
   return 0;
}

int platform_dir_open(const char *dir, bool create, int *dfd, PlatformStat *st) {
   if (create) {
      int rc = make_dirs(dir, 0700);
      if (rc != 0)
         return rc;
   }
   return adopt(open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), dfd, st);
}

/* Is the directory at PATH (cut at SLASH; links followed: the directory
 * that holds the component) sticky and world-writable? */
static bool parent_sticky_open(char *path, char *slash) {
   struct stat sb;
   char keep = slash[slash == path ? 1 : 0];
   slash[slash == path ? 1 : 0] = '\0';          /* "/x": the parent is "/" */
   bool open_sticky = stat(path, &sb) == 0 && (sb.st_mode & S_ISVTX) && (sb.st_mode & S_IWOTH);
   slash[slash == path ? 1 : 0] = keep;
   return open_sticky;
}

bool platform_sticky_link(const char *dir, char *link, size_t linksz) {
   char *copy = strdup(dir);
   bool found = false;
   if (!copy)
      return false;
   char *prev = NULL;
   for (char *p = copy + 1; !found; p++) {
      bool last = *p == '\0';
      if (*p != '/' && !last)
         continue;
      char keep = *p;
      *p = '\0';
      struct stat sb;
      char *slash = prev ? prev : copy;
      if (p > slash + 1 && lstat(copy, &sb) == 0 && S_ISLNK(sb.st_mode)
          && parent_sticky_open(copy, slash)) {
         snprintf(link, linksz, "%s", copy);
         found = true;
      }
      *p = keep;
      prev = p;
      if (last)
         break;
   }
   free(copy);
   return found;
}

int platform_open_in_dir(int dfd, const char *name, int *fd, PlatformStat *st) {
   return adopt(openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC),
                fd, st);
}

int platform_stat_in_dir(int dfd, const char *name, PlatformStat *st, bool *is_link) {
   struct stat sb;
   if (fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) < 0)
      return errno;
   fill_stat(&sb, st);
   *is_link = S_ISLNK(sb.st_mode);
   return 0;
}

int platform_create_in_dir(int dfd, const char *name, int *fd) {
   int f = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
   if (f < 0)
      return errno;
   *fd = f;
   return 0;
}

int platform_remove_in_dir(int dfd, const char *name) {
   return unlinkat(dfd, name, 0) < 0 ? errno : 0;
}

int platform_rename_in_dir(int dfd, const char *name, const char *newname) {
   if (renameat2(dfd, name, dfd, newname, RENAME_NOREPLACE) == 0)
      return 0;
   if (errno != EINVAL && errno != ENOSYS)
      return errno;
   /* No RENAME_NOREPLACE here: a hard link never replaces either. */
   if (linkat(dfd, name, dfd, newname, 0) < 0)
      return errno;
   return unlinkat(dfd, name, 0) < 0 ? errno : 0;
}
