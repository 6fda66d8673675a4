/* tour.c - the Linux implementation of platform/tour.h. */
#include "config.h"

#include "platform/tour.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <poll.h>
#include <unistd.h>

int platform_dir_make(const char *path) {
   return mkdir(path, 0700) == 0 ? 0 : errno;
}

int platform_dir_remove(const char *path) {
   return rmdir(path) == 0 ? 0 : errno;
}

int platform_file_resize(const char *path, uint64_t size) {
   if (size > (uint64_t)INT64_MAX)
      return EFBIG;
   return truncate(path, (off_t)size) == 0 ? 0 : errno;
}

const char *platform_shm_dir(void) {
   return "/dev/shm";
}

int platform_sem_close(void *sem) {
   return sem_close(sem) == 0 ? 0 : errno;
}

int platform_map_sync(void *addr, size_t len) {
   return msync(addr, len, MS_SYNC) == 0 ? 0 : errno;
}

/* ---- the sweep of killed tours' leftovers --------------------------------- */

/* The pid after PREFIX in NAME, when a tour of a process that is gone (or
 * of this one) made it: what follows the digits is the end or '.'. */
static bool stale_name(const char *name, const char *prefix, bool whole) {
   size_t n = strlen(prefix);
   if (strncmp(name, prefix, n) != 0 || name[n] < '1' || name[n] > '9')
      return false;
   char *end;
   unsigned long pid = strtoul(name + n, &end, 10);
   if (pid > 0x7fffffffUL || (*end && (whole || *end != '.')))
      return false;
   if ((pid_t)pid == getpid())
      return true;
   return kill((pid_t)pid, 0) < 0 && errno == ESRCH;
}

static bool ours(const struct stat *sb, mode_t type) {
   return (sb->st_mode & S_IFMT) == type && sb->st_uid == geteuid();
}

/* Empty the directory DFD/NAME of its regular files, then remove it; false
 * when anything else is in it. */
static bool remove_tour_dir(int dfd, const char *name) {
   int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
   DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
   if (!d) {
      if (fd >= 0)
         close(fd);
      return false;
   }
   bool clean = true;
   struct dirent *de;
   struct stat sb;
   while ((de = readdir(d)) != NULL) {
      if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
         continue;
      if (fstatat(fd, de->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !ours(&sb, S_IFREG)
          || unlinkat(fd, de->d_name, 0) != 0)
         clean = false;
   }
   closedir(d);
   return clean && unlinkat(dfd, name, AT_REMOVEDIR) == 0;
}

/* Sweep DIR: the entries PREFIX<pid>[.*] (WHOLE: PREFIX<pid> only) of TYPE. */
static int sweep_dir(const char *dir, const char *prefix, bool whole, mode_t type,
                     unsigned *removed, unsigned *kept) {
   DIR *d = opendir(dir);
   if (!d)
      return errno;
   struct dirent *de;
   struct stat sb;
   while ((de = readdir(d)) != NULL) {
      if (!stale_name(de->d_name, prefix, whole))
         continue;
      bool good = fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 && ours(&sb, type);
      if (good)
         good = type == S_IFDIR ? remove_tour_dir(dirfd(d), de->d_name)
                                : unlinkat(dirfd(d), de->d_name, 0) == 0;
      (*(good ? removed : kept))++;
   }
   closedir(d);
   return 0;
}

int platform_tour_sweep(const char *temp_dir, const char *prefix, unsigned *removed,
                        unsigned *kept) {
   char sem_prefix[128];
   *removed = *kept = 0;
   snprintf(sem_prefix, sizeof sem_prefix, "sem.%s", prefix);
   int rc = sweep_dir(temp_dir, prefix, true, S_IFDIR, removed, kept);
   sweep_dir(platform_shm_dir(), prefix, false, S_IFREG, removed, kept);
   sweep_dir(platform_shm_dir(), sem_prefix, false, S_IFREG, removed, kept);
   return rc;
}

/* ---- the name-space probe ------------------------------------------------ */

/* The inode of /proc/self/ns/KIND: the name space's id. */
static uint64_t ns_id(const char *kind) {
   char path[64];
   struct stat sb;
   snprintf(path, sizeof path, "/proc/self/ns/%s", kind);
   return stat(path, &sb) == 0 ? (uint64_t)sb.st_ino : 0;
}

static int shm_lookup(const char *name) {
   int fd = shm_open(name, O_RDONLY, 0);
   if (fd < 0)
      return errno;
   close(fd);
   return 0;
}

static int sysv_lookup(uint32_t key) {
   return shmget((key_t)key, 0, 0) < 0 ? errno : 0;
}

static int write_file(const char *path, const char *text) {
   int fd = open(path, O_WRONLY | O_CLOEXEC);
   if (fd < 0)
      return errno;
   ssize_t n = write(fd, text, strlen(text));
   int rc = n == (ssize_t)strlen(text) ? 0 : n < 0 ? errno : EIO;
   close(fd);
   return rc;
}

/* New user, IPC and mount name spaces, the caller's user and group mapped
 * to root inside (user_namespaces(7): setgroups denied first). */
static int enter_user_ns(void) {
   char map[64];
   unsigned uid = (unsigned)geteuid(), gid = (unsigned)getegid();
   if (unshare(CLONE_NEWUSER | CLONE_NEWIPC | CLONE_NEWNS) != 0)
      return errno;
   snprintf(map, sizeof map, "0 %u 1\n", uid);
   int rc = write_file("/proc/self/setgroups", "deny");
   if (rc == 0 || rc == ENOENT)
      rc = write_file("/proc/self/uid_map", map);
   snprintf(map, sizeof map, "0 %u 1\n", gid);
   return rc ? rc : write_file("/proc/self/gid_map", map);
}

/* The child's part: each step only when the one before it worked, so no
 * object is ever made in the caller's name spaces. */
static void probe_inside(const char *shm_name, uint32_t key, PlatformNamespaceProbe *r) {
   r->unshare_err = unshare(CLONE_NEWIPC | CLONE_NEWNS) == 0 ? 0 : errno;
   if (r->unshare_err == EPERM) {
      r->tried_user_ns = true;
      r->user_ns_err = enter_user_ns();
   }
   if (r->unshare_err && (!r->tried_user_ns || r->user_ns_err))
      return;
   r->ipc_ns[1] = ns_id("ipc");
   r->mnt_ns[1] = ns_id("mnt");
   r->private_err = mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 ? 0 : errno;
   if (r->private_err == 0)
      r->mount_err = mount("tmpfs", platform_shm_dir(), "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777")
                        == 0 ? 0 : errno;
   if (r->private_err == 0 && r->mount_err == 0) {
      int fd = shm_open(shm_name, O_RDWR | O_CREAT | O_EXCL, 0600);
      r->shm_err = fd < 0 ? errno : 0;
      if (fd >= 0)
         close(fd);
      r->shm_seen_err = r->shm_err ? r->shm_err : shm_lookup(shm_name);
   }
   int id = shmget((key_t)key, 4096, IPC_CREAT | IPC_EXCL | 0600);
   r->sysv_err = id < 0 ? errno : 0;
   r->sysv_id = id;
   r->sysv_seen_err = r->sysv_err ? r->sysv_err : sysv_lookup(key);
}

static void write_all(int fd, const void *buf, size_t len) {
   const char *p = buf;
   while (len > 0) {
      ssize_t n = write(fd, p, len);
      if (n < 0 && errno == EINTR)
         continue;
      if (n <= 0)
         return;
      p += n;
      len -= (size_t)n;
   }
}

/* Read LEN bytes within TIMEOUT_MS; false when they do not come. */
static bool read_within(int fd, void *buf, size_t len, int timeout_ms) {
   char *p = buf;
   while (len > 0) {
      struct pollfd pf = { fd, POLLIN, 0 };
      int n = poll(&pf, 1, timeout_ms);
      if (n < 0 && errno == EINTR)
         continue;
      if (n <= 0)
         return false;
      ssize_t got = read(fd, p, len);
      if (got < 0 && errno == EINTR)
         continue;
      if (got <= 0)
         return false;
      p += got;
      len -= (size_t)got;
   }
   return true;
}

/* The child: probe, report, hold the objects until the caller has looked
 * (or gone), then end, taking its name spaces with it. */
static void probe_child(const char *shm_name, uint32_t key, int report, int go) {
   PlatformNamespaceProbe r;
   memset(&r, 0, sizeof r);
   signal(SIGINT, SIG_IGN);
   signal(SIGTERM, SIG_DFL);
   probe_inside(shm_name, key, &r);
   write_all(report, &r, sizeof r);
   char c;
   while (read(go, &c, 1) < 0 && errno == EINTR)
      ;
   _exit(0);
}

static int reap(pid_t pid) {
   int st;
   while (waitpid(pid, &st, 0) < 0)
      if (errno != EINTR)
         return errno;
   return 0;
}

int platform_namespace_probe(const char *shm_name, uint32_t sysv_key, int timeout_ms,
                             PlatformNamespaceProbe *out) {
   int report[2], go[2];
   memset(out, 0, sizeof *out);
   if (pipe2(report, O_CLOEXEC) < 0)
      return errno;
   if (pipe2(go, O_CLOEXEC) < 0) {
      int rc = errno;
      close(report[0]);
      close(report[1]);
      return rc;
   }
   fflush(NULL);
   pid_t pid = fork();
   if (pid == 0) {
      close(report[0]);
      close(go[1]);
      probe_child(shm_name, sysv_key, report[1], go[0]);
   }
   int rc = pid < 0 ? errno : 0;
   close(report[1]);
   close(go[0]);
   if (rc == 0 && !read_within(report[0], out, sizeof *out, timeout_ms)) {
      kill(pid, SIGKILL);
      rc = ETIMEDOUT;
   }
   if (rc == 0) {
      out->ipc_ns[0] = ns_id("ipc");
      out->mnt_ns[0] = ns_id("mnt");
      out->shm_outside_err = out->shm_err == 0 ? shm_lookup(shm_name) : 0;
      out->sysv_outside_err = out->sysv_err == 0 ? sysv_lookup(sysv_key) : 0;
      out->child_pid = (int)pid;
   }
   close(go[1]);                      /* the child may end now */
   close(report[0]);
   if (pid > 0)
      reap(pid);
   return rc;
}
