/* edit.c - what copy-on-write edits and their flush need from Linux:
 * durable writes, directory syncs, and the page flags of /proc/self/pagemap. */
#include "config.h"

#include "platform/platform.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

PlatformHandle platform_stdout(void) {
   return STDOUT_FILENO;
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

int platform_sync_dir(const char *dir) {
   int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
   if (fd < 0)
      return errno;
   int rc = platform_sync(fd);
   close(fd);
   /* Some file systems cannot sync a directory; their entries are as
    * durable as they will ever be. */
   return rc == EINVAL ? 0 : rc;
}

int platform_create_excl(const char *path, int *fd) {
   int f = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
   if (f < 0)
      return errno;
   *fd = f;
   return 0;
}

int platform_remove(const char *path) {
   return unlink(path) < 0 ? errno : 0;
}

/* mkdir -p: create each missing component in turn. */
int platform_make_dirs(const char *dir, unsigned mode) {
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

/* /proc/self/pagemap: one 64-bit entry per virtual page.  Bit 63 present,
 * 62 swapped, 61 file-page or shared-anon (clear once copy-on-write has
 * given the page a private copy), 56 exclusively mapped. */
static unsigned char decode_pagemap(uint64_t v) {
   unsigned char f = 0;
   if (v >> 63 & 1) f |= PLATFORM_PAGE_PRESENT;
   if (v >> 62 & 1) f |= PLATFORM_PAGE_SWAPPED;
   if (v >> 61 & 1) f |= PLATFORM_PAGE_FILE;
   if (v >> 56 & 1) f |= PLATFORM_PAGE_EXCLUSIVE;
   return f;
}

int platform_page_flags(const void *addr, size_t npages, unsigned char *flags) {
   int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
   if (fd < 0)
      return errno;
   uint64_t first = (uint64_t)(uintptr_t)addr / platform_page_size();
   uint64_t buf[512];
   int rc = 0;
   for (size_t done = 0; done < npages && rc == 0;) {
      size_t n = npages - done < 512 ? npages - done : 512;
      ssize_t got = pread(fd, buf, n * sizeof buf[0], (off_t)((first + done) * sizeof buf[0]));
      if (got < 0 && errno == EINTR)
         continue;
      if (got <= 0 || (size_t)got % sizeof buf[0] != 0) {
         rc = got < 0 ? errno : EIO;
         break;
      }
      n = (size_t)got / sizeof buf[0];
      for (size_t i = 0; i < n; i++)
         flags[done + i] = decode_pagemap(buf[i]);
      done += n;
   }
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
