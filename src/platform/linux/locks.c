/* locks.c - the machine's file locks and the descriptors that hold them
 * (linux/locks.h). */
#include "config.h"

#include "platform/linux/locks.h"
#include "platform/procfs.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool add(LinuxLockedSet *set, size_t *cap, uint64_t dev, uint64_t ino) {
   if (set->n == *cap) {
      size_t c = *cap ? *cap * 2 : 16;
      uint64_t *d = realloc(set->dev, c * sizeof *d);
      if (!d)
         return false;
      set->dev = d;
      uint64_t *i = realloc(set->ino, c * sizeof *i);
      if (!i)
         return false;
      set->ino = i;
      *cap = c;
   }
   set->dev[set->n] = dev;
   set->ino[set->n++] = ino;
   return true;
}

static int compare(const LinuxLockedSet *s, size_t i, uint64_t dev, uint64_t ino) {
   if (s->dev[i] != dev)
      return s->dev[i] < dev ? -1 : 1;
   return s->ino[i] < ino ? -1 : s->ino[i] > ino;
}

/* Few locks are held at once on most machines: an insertion sort, then
 * the duplicates dropped. */
static void sort_unique(LinuxLockedSet *s) {
   for (size_t i = 1; i < s->n; i++) {
      uint64_t d = s->dev[i], n = s->ino[i];
      size_t j = i;
      for (; j > 0 && compare(s, j - 1, d, n) > 0; j--) {
         s->dev[j] = s->dev[j - 1];
         s->ino[j] = s->ino[j - 1];
      }
      s->dev[j] = d;
      s->ino[j] = n;
   }
   size_t out = 0;
   for (size_t i = 0; i < s->n; i++)
      if (out == 0 || compare(s, out - 1, s->dev[i], s->ino[i]) != 0) {
         s->dev[out] = s->dev[i];
         s->ino[out++] = s->ino[i];
      }
   s->n = out;
}

void linux_locks_read(const PlatformObjectsSink *sink, LinuxLockedSet *set) {
   memset(set, 0, sizeof *set);
   FILE *f = fopen("/proc/locks", "re");
   if (!f)
      return;
   char *line = NULL;
   size_t cap = 0, set_cap = 0;
   ssize_t n;
   while ((n = getline(&line, &cap, f)) > 0) {
      if (line[n - 1] == '\n')
         line[n - 1] = '\0';
      PlatformLockRecord r;
      if (!platform_procfs_lock_line(line, &r))
         continue;
      if (sink->lock)
         sink->lock(sink->ctx, &r);
      if (r.has_inode)
         add(set, &set_cap, r.dev, r.ino);
   }
   free(line);
   fclose(f);
   sort_unique(set);
}

bool linux_locks_has(const LinuxLockedSet *set, uint64_t dev, uint64_t ino) {
   size_t lo = 0, hi = set->n;
   while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      int c = compare(set, mid, dev, ino);
      if (c == 0)
         return true;
      if (c < 0)
         lo = mid + 1;
      else
         hi = mid;
   }
   return false;
}

void linux_locks_free(LinuxLockedSet *set) {
   free(set->dev);
   free(set->ino);
   memset(set, 0, sizeof *set);
}

void linux_locks_fd(const PlatformObjectsSink *sink, int pfd, int pid, const char *comm,
                    bool self, int fd) {
   if (!sink->process_lock)
      return;
   char name[32];
   snprintf(name, sizeof name, "fdinfo/%d", fd);
   int ifd = openat(pfd, name, O_RDONLY | O_CLOEXEC);
   FILE *f = ifd >= 0 ? fdopen(ifd, "r") : NULL;
   if (!f) {
      if (ifd >= 0)
         close(ifd);
      return;
   }
   char *line = NULL;
   size_t cap = 0;
   ssize_t n;
   while ((n = getline(&line, &cap, f)) > 0) {
      if (line[n - 1] == '\n')
         line[n - 1] = '\0';
      PlatformLockRecord r;
      if (platform_procfs_fdinfo_lock(line, &r))
         sink->process_lock(sink->ctx, pid, comm, self, fd, &r);
   }
   free(line);
   fclose(f);
}

void linux_locks_self(const PlatformObjectsSink *sink, const LinuxLockedSet *set) {
   int pfd = open("/proc/self", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
   int dfd = pfd >= 0 ? openat(pfd, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
   DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
   char comm[64] = "";
   if (pfd >= 0) {
      int cfd = openat(pfd, "comm", O_RDONLY | O_CLOEXEC);
      ssize_t got = cfd >= 0 ? read(cfd, comm, sizeof comm - 1) : -1;
      comm[got > 0 ? got : 0] = '\0';
      platform_procfs_comm(comm);
      if (cfd >= 0)
         close(cfd);
   }
   struct dirent *de;
   while (d && (de = readdir(d)) != NULL) {
      struct stat sb;
      if (de->d_name[0] < '0' || de->d_name[0] > '9' || fstatat(dfd, de->d_name, &sb, 0) != 0
          || !linux_locks_has(set, sb.st_dev, sb.st_ino))
         continue;
      linux_locks_fd(sink, pfd, getpid(), comm, true, atoi(de->d_name));
   }
   if (d)
      closedir(d);
   else if (dfd >= 0)
      close(dfd);
   if (pfd >= 0)
      close(pfd);
}
