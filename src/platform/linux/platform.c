/* platform.c - the Linux implementation of platform.h. */
#include "config.h"

#include "platform/platform.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

size_t platform_page_size(void) {
   static size_t page;
   if (page == 0) {
      long v = sysconf(_SC_PAGESIZE);
      page = v > 0 ? (size_t)v : 4096;
   }
   return page;
}

static PlatformKind kind_of(mode_t mode) {
   if (S_ISREG(mode))  return PLATFORM_KIND_REGULAR;
   if (S_ISBLK(mode))  return PLATFORM_KIND_BLOCK;
   if (S_ISDIR(mode))  return PLATFORM_KIND_DIRECTORY;
   if (S_ISFIFO(mode)) return PLATFORM_KIND_FIFO;
   if (S_ISCHR(mode))  return PLATFORM_KIND_CHAR;
   if (S_ISSOCK(mode)) return PLATFORM_KIND_SOCKET;
   return PLATFORM_KIND_OTHER;
}

int platform_stat_fd(int fd, PlatformStat *st) {
   struct stat sb;
   if (fstat(fd, &sb) < 0)
      return errno;
   memset(st, 0, sizeof *st);
   st->kind = kind_of(sb.st_mode);
   st->size = sb.st_size > 0 ? (uint64_t)sb.st_size : 0;
   st->dev = sb.st_dev;
   st->ino = sb.st_ino;
   st->mtime_sec = sb.st_mtim.tv_sec;
   st->mtime_nsec = sb.st_mtim.tv_nsec;
   st->uid = sb.st_uid;
   st->gid = sb.st_gid;
   st->mode = sb.st_mode & 07777;
   if (st->kind == PLATFORM_KIND_BLOCK) {
      uint64_t bytes = 0;
      if (ioctl(fd, BLKGETSIZE64, &bytes) < 0)
         return errno;
      st->size = bytes;
   }
   return 0;
}

/* O_NONBLOCK so that opening a FIFO does not wait for a writer; it is
 * cleared again once fstat() has said what the object is. */
static int open_and_stat(int fd, int *out, PlatformStat *st) {
   if (fd < 0)
      return errno;
   int rc = platform_stat_fd(fd, st);
   if (rc == 0) {
      int fl = fcntl(fd, F_GETFL);
      if (fl >= 0)
         (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
      *out = fd;
      return 0;
   }
   close(fd);
   return rc;
}

int platform_open_path(const char *path, bool writable, int *fd, PlatformStat *st) {
   int flags = (writable ? O_RDWR : O_RDONLY) | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
   return open_and_stat(open(path, flags), fd, st);
}

int platform_open_shm(const char *name, bool writable, int *fd, PlatformStat *st) {
   int flags = (writable ? O_RDWR : O_RDONLY) | O_NONBLOCK;
   return open_and_stat(shm_open(name, flags, 0), fd, st);
}

void platform_close(int fd) {
   if (fd >= 0)
      close(fd);
}

int platform_map(int fd, uint64_t offset, size_t len, PlatformMapMode mode,
                 bool populate, void **addr) {
   int prot = PROT_READ, flags = MAP_SHARED;
   if (mode == PLATFORM_MAP_SHARED)
      prot |= PROT_WRITE;
   if (mode == PLATFORM_MAP_PRIVATE) {
      prot |= PROT_WRITE;
      flags = MAP_PRIVATE;
   }
   if (populate)
      flags |= MAP_POPULATE;
   if (len == 0 || offset > (uint64_t)INT64_MAX)
      return EINVAL;
   void *p = mmap(NULL, len, prot, flags, fd, (off_t)offset);
   if (p == MAP_FAILED)
      return errno;
   *addr = p;
   return 0;
}

void platform_unmap(void *addr, size_t len) {
   if (addr && len)
      munmap(addr, len);
}

int platform_read_at(int fd, void *buf, size_t len, uint64_t offset, size_t *got) {
   size_t done = 0;
   while (done < len) {
      ssize_t n = pread(fd, (char *)buf + done, len - done, (off_t)(offset + done));
      if (n < 0) {
         if (errno == EINTR)
            continue;
         *got = done;
         return errno;
      }
      if (n == 0)
         break;
      done += (size_t)n;
   }
   *got = done;
   return 0;
}

int platform_next_data(int fd, uint64_t offset, uint64_t size,
                       uint64_t *data_start, uint64_t *data_end) {
   if (offset >= size) {
      *data_start = *data_end = size;
      return 0;
   }
   off_t d = lseek(fd, (off_t)offset, SEEK_DATA);
   if (d < 0) {
      if (errno == ENXIO) {              /* only a hole up to the end */
         *data_start = *data_end = size;
         return 0;
      }
      *data_start = offset;              /* cannot tell: all data */
      *data_end = size;
      return 0;
   }
   off_t h = lseek(fd, d, SEEK_HOLE);
   *data_start = (uint64_t)d < size ? (uint64_t)d : size;
   *data_end = (h < 0 || (uint64_t)h > size) ? size : (uint64_t)h;
   return 0;
}

/* ---- SIGBUS guard ---------------------------------------------------- */

static __thread sigjmp_buf *guard_jump;
static __thread void *guard_fault;

static void on_sigbus(int sig, siginfo_t *info, void *uctx) {
   (void)uctx;
   if (guard_jump) {
      guard_fault = info->si_addr;
      siglongjmp(*guard_jump, 1);
   }
   /* A SIGBUS outside any guard is a bug: die of it as the kernel meant. */
   signal(sig, SIG_DFL);
   raise(sig);
}

static void install_sigbus_handler(void) {
   static bool installed;
   if (installed)
      return;
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_sigaction = on_sigbus;
   sa.sa_flags = SA_SIGINFO | SA_NODEFER;
   sigemptyset(&sa.sa_mask);
   sigaction(SIGBUS, &sa, NULL);
   installed = true;
}

int platform_guard(void (*fn)(void *ctx), void *ctx, void **fault_addr) {
   install_sigbus_handler();
   sigjmp_buf here;
   sigjmp_buf *volatile outer = guard_jump;
   if (sigsetjmp(here, 1) != 0) {
      guard_jump = outer;
      if (fault_addr)
         *fault_addr = guard_fault;
      return EFAULT;
   }
   guard_jump = &here;
   fn(ctx);
   guard_jump = outer;
   return 0;
}
