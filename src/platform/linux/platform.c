/* platform.c - the Linux implementation of platform/files.h (opening,
 * reading), platform/mapping.h and the children of platform/processes.h. */
#include "config.h"

#include "platform/platform.h"
#include "platform/linux/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/fs.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
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

void platform_fill_stat(const struct stat *sb, PlatformStat *st) {
   memset(st, 0, sizeof *st);
   st->kind = kind_of(sb->st_mode);
   st->size = sb->st_size > 0 ? (uint64_t)sb->st_size : 0;
   st->dev = sb->st_dev;
   st->ino = sb->st_ino;
   st->mtime_sec = sb->st_mtim.tv_sec;
   st->mtime_nsec = sb->st_mtim.tv_nsec;
   st->atime_sec = sb->st_atim.tv_sec;
   st->ctime_sec = sb->st_ctim.tv_sec;
   st->uid = sb->st_uid;
   st->gid = sb->st_gid;
   st->mode = sb->st_mode & 07777;
}

int platform_stat_fd(int fd, PlatformStat *st) {
   struct stat sb;
   if (fstat(fd, &sb) < 0)
      return errno;
   platform_fill_stat(&sb, st);
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

int platform_stat_shm(const char *name, PlatformStat *st, bool *is_link) {
   char path[4096];
   if ((size_t)snprintf(path, sizeof path, "/dev/shm%s", name) >= sizeof path)
      return ENAMETOOLONG;
   struct stat sb;
   if (lstat(path, &sb) < 0)
      return errno;
   platform_fill_stat(&sb, st);
   *is_link = S_ISLNK(sb.st_mode);
   return 0;
}

/* O_NOATIME (open(2)): reads and mmap() (shmem_mmap calls file_accessed)
 * leave the access time alone; allowed to the owner and with CAP_FOWNER,
 * EPERM to others.  glibc's shm_open() passes the flag on to open(). */
int platform_open_shm(const char *name, bool writable, int *fd, PlatformStat *st) {
   if (writable)
      return open_and_stat(shm_open(name, O_RDWR | O_NONBLOCK, 0), fd, st);
   int rc = open_and_stat(shm_open(name, O_RDONLY | O_NONBLOCK | O_NOATIME, 0), fd, st);
   if (rc == EPERM)
      rc = open_and_stat(shm_open(name, O_RDONLY | O_NONBLOCK, 0), fd, st);
   return rc;
}

int platform_open_shm_quiet(const char *name, int *fd, PlatformStat *st) {
   int rc = open_and_stat(shm_open(name, O_RDONLY | O_NONBLOCK | O_NOATIME, 0), fd, st);
   if (rc != EPERM)
      return rc;
   struct statvfs vfs;       /* a file system that keeps no access times */
   if (statvfs("/dev/shm", &vfs) != 0 || !(vfs.f_flag & ST_NOATIME))
      return EPERM;
   return open_and_stat(shm_open(name, O_RDONLY | O_NONBLOCK, 0), fd, st);
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

typedef struct {
   void *dst;
   const void *src;
   size_t len;
} GuardedCopy;

static void copy_under_guard(void *ctx) {
   GuardedCopy *c = ctx;
   memcpy(c->dst, c->src, c->len);
}

int platform_guarded_copy(void *dst, const void *src, size_t len) {
   GuardedCopy c = { dst, src, len };
   return platform_guard(copy_under_guard, &c, NULL);
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

/* ---- residency and the names of a mapping ---------------------------- */

int platform_residency(const void *addr, size_t len, unsigned char *vec) {
   if (mincore((void *)addr, len, vec) < 0)
      return errno;
   for (size_t i = 0, n = (len + platform_page_size() - 1) / platform_page_size(); i < n; i++)
      vec[i] &= 1;
   return 0;
}

const char *platform_map_prot_name(PlatformMapMode mode) {
   return mode == PLATFORM_MAP_READ ? "PROT_READ" : "PROT_READ|PROT_WRITE";
}

const char *platform_map_flags_name(PlatformMapMode mode, bool populate) {
   if (mode == PLATFORM_MAP_PRIVATE)
      return populate ? "MAP_PRIVATE|MAP_POPULATE" : "MAP_PRIVATE";
   return populate ? "MAP_SHARED|MAP_POPULATE" : "MAP_SHARED";
}

/* ---- reading scripts and waiting for input --------------------------- */

int platform_read_some(int fd, void *buf, size_t len, size_t *got) {
   for (;;) {
      ssize_t n = read(fd, buf, len);
      if (n >= 0) {
         *got = (size_t)n;
         return 0;
      }
      if (errno != EINTR) {
         *got = 0;
         return errno;
      }
   }
}

void platform_widen_pipe(int fd, size_t size) {
   struct stat st;
   if (fstat(fd, &st) != 0 || !S_ISFIFO(st.st_mode))
      return;
   int now = fcntl(fd, F_GETPIPE_SZ);
   /* Past pipe-max-size, or past the user's pipe-user-pages-soft, the
    * kernel refuses: halve until it grants. */
   for (; size > 65536 && size <= INT_MAX && now >= 0 && (size_t)now < size; size /= 2)
      if (fcntl(fd, F_SETPIPE_SZ, (int)size) >= 0)
         return;
}

/* poll(2): the write end of a pipe without readers reports POLLERR
 * (fs/pipe.c pipe_poll()), a socket whose peer shut down POLLHUP. */
bool platform_reader_gone(int fd) {
   struct pollfd p = { .fd = fd, .events = POLLOUT };
   return poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP)) != 0;
}

int platform_wait_readable(const int *fds, bool *ready, size_t n, int timeout_ms) {
   struct pollfd p[8];
   if (n > sizeof p / sizeof p[0])
      return EINVAL;
   for (size_t i = 0; i < n; i++) {
      p[i].fd = fds[i];
      p[i].events = POLLIN;
      p[i].revents = 0;
      ready[i] = false;
   }
   int rc = poll(p, (nfds_t)n, timeout_ms);
   if (rc < 0)
      return errno;
   for (size_t i = 0; i < n; i++)
      ready[i] = (p[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
   return 0;
}

/* ---- running a function in a child process ----------------------------- */

static void write_all(int fd, const char *buf, size_t len) {
   size_t done = 0;
   while (done < len) {
      ssize_t w = write(fd, buf + done, len - done);
      if (w <= 0)
         break;
      done += (size_t)w;
   }
}

/* The child's life: prepare, confine (when asked), work, report, exit. */
static void child_run(int fd, const PlatformChildTask *t, bool confine, size_t outsz) {
   char buf[1024];
   size_t n = outsz < sizeof buf ? outsz : sizeof buf;
   buf[0] = '\0';
   /* Work in a child is background work: never take the CPU from the
    * screen (or from the terminal that draws it). */
   errno = 0;
   if (nice(10) == -1 && errno != 0)
      errno = 0;
   if (confine && t->deadline_s > 0)
      alarm(t->deadline_s);        /* the kernel's deadline: SIGALRM kills */
   if (t->prepare)
      t->prepare(t->ctx);
   if (confine && platform_sandbox_enter(fd) != 0)
      _exit(1);
   if (!(confine && platform_sandbox_probe(buf, n)))
      t->work(t->ctx, buf, n);
   buf[n - 1] = '\0';
   write_all(fd, buf, strlen(buf));
   _exit(0);
}

static int read_child(int fd, char *out, size_t outsz, int timeout_ms) {
   size_t used = 0;
   for (;;) {
      struct pollfd p = { fd, POLLIN, 0 };
      int rc = poll(&p, 1, timeout_ms);
      if (rc < 0 && errno == EINTR)
         continue;
      if (rc <= 0)
         return rc == 0 ? ETIMEDOUT : errno;
      ssize_t n = read(fd, out + used, outsz - 1 - used);
      if (n < 0 && errno == EINTR)
         continue;
      if (n <= 0)
         break;
      used += (size_t)n;
      if (used == outsz - 1)
         break;
   }
   out[used] = '\0';
   return 0;
}

static int child_spawn(const PlatformChildTask *t, bool confine, size_t outsz,
                       PlatformChild *child) {
   int p[2];
   child->pid = -1;
   child->fd = -1;
   if (outsz == 0)
      return EINVAL;
   if (pipe2(p, O_CLOEXEC) < 0)
      return errno;
   fflush(NULL);
   pid_t pid = fork();
   if (pid < 0) {
      int err = errno;
      close(p[0]);
      close(p[1]);
      return err;
   }
   if (pid == 0) {
      close(p[0]);
      child_run(p[1], t, confine, outsz);
   }
   close(p[1]);
   child->pid = pid;
   child->fd = p[0];
   return 0;
}

int platform_child_start(void (*fn)(void *ctx, char *out, size_t outsz), void *ctx,
                         size_t outsz, PlatformChild *child) {
   PlatformChildTask t = { .prepare = NULL, .work = fn, .ctx = ctx, .deadline_s = 0 };
   return child_spawn(&t, false, outsz, child);
}

int platform_sandbox_start(const PlatformChildTask *task, size_t outsz, PlatformChild *child) {
   return child_spawn(task, true, outsz, child);
}

int platform_child_finish(PlatformChild *child, char *out, size_t outsz, int timeout_ms) {
   if (child->fd < 0 || outsz == 0)
      return EINVAL;
   out[0] = '\0';
   int rc = read_child(child->fd, out, outsz, timeout_ms);
   close(child->fd);
   if (rc != 0)
      kill(child->pid, SIGKILL);
   int status;
   while (waitpid(child->pid, &status, 0) < 0 && errno == EINTR)
      ;
   if (rc == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
      rc = ECHILD;
   child->fd = child->pid = -1;
   return rc;
}

int platform_run_isolated(void (*fn)(void *ctx, char *out, size_t outsz), void *ctx,
                          char *out, size_t outsz, int timeout_ms) {
   PlatformChild child;
   int rc = platform_child_start(fn, ctx, outsz, &child);
   if (rc != 0) {
      if (outsz > 0)
         out[0] = '\0';
      return rc;
   }
   return platform_child_finish(&child, out, outsz, timeout_ms);
}
