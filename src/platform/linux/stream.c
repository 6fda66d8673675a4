/* stream.c - objects read rather than mapped: pipes, FIFOs, character
 * devices, standard input, and files whose size lies (procfs, sysfs ...).
 *
 * The magic numbers are those of statfs(2) and <linux/magic.h>. */
#include "config.h"

#include "platform/platform.h"
#include "platform/pseudo.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

/* File systems whose files are made when read: their sizes are 0 (procfs),
 * one page (sysfs, configfs) or whatever the writer of the driver said. */
static const unsigned long pseudo_magics[] = {
   0x9fa0,       /* PROC_SUPER_MAGIC */
   0x62656572,   /* SYSFS_MAGIC */
   0x64626720,   /* DEBUGFS_MAGIC */
   0x74726163,   /* TRACEFS_MAGIC */
   0x62656570,   /* CONFIGFS_MAGIC */
   0x73636673,   /* SECURITYFS_MAGIC */
   0xf97cff8c,   /* SELINUX_MAGIC */
   0x43415d53,   /* SMACK_MAGIC */
   0x27e0eb,     /* CGROUP_SUPER_MAGIC */
   0x63677270,   /* CGROUP2_SUPER_MAGIC */
   0x42494e4d,   /* BINFMTFS_MAGIC */
   0x65735543,   /* FUSECTL_SUPER_MAGIC */
   0x6165676c,   /* PSTOREFS_MAGIC */
   0xcafe4a11,   /* BPF_FS_MAGIC */
};

bool platform_size_unreliable(int fd) {
   struct statfs fs;
   if (fstatfs(fd, &fs) != 0)
      return false;
   for (size_t i = 0; i < sizeof pseudo_magics / sizeof pseudo_magics[0]; i++)
      if ((unsigned long)fs.f_type == pseudo_magics[i])
         return true;
   return false;
}

bool platform_size_unknown(int fd, const PlatformStat *st) {
   if (st->kind != PLATFORM_KIND_REGULAR)
      return false;
   if (st->size == 0)
      return true;            /* nothing to lose: an empty file reads as empty */
   return platform_size_unreliable(fd);
}

int platform_open_stream(const char *path, int fd, int *out) {
   (void)path;
   struct stat st;
   if (fstat(fd, &st) != 0)
      return errno;
   /* Opened without waiting, a FIFO reads as ended until a writer comes:
    * wait for its first bytes (or its writer's close), as cat's open
    * waits.  Linux reports no hang-up before a writer has come. */
   if (S_ISFIFO(st.st_mode)) {
      struct pollfd p = { .fd = fd, .events = POLLIN };
      while (poll(&p, 1, -1) < 0)
         if (errno != EINTR)
            return errno;
   }
   int fl = fcntl(fd, F_GETFL);
   if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0)
      return errno;
   *out = fd;
   return 0;
}

int platform_open_stdin(int *fd, PlatformStat *st) {
   int nfd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3);
   if (nfd < 0)
      return errno;
   int rc = platform_stat_fd(nfd, st);
   if (rc != 0) {
      close(nfd);
      return rc;
   }
   *fd = nfd;
   return 0;
}
