/* objects.c - the Linux implementation of platform/names.h. */
#include "config.h"

#include "platform/names.h"
#include "platform/mapping.h"
#include "platform/procfs.h"
#include "platform/procmem.h"

#include "core/gettext.h"
#include "platform/linux/internal.h"
#include "platform/linux/locks.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <mntent.h>
#include <mqueue.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define SHM_DIR "/dev/shm"

uint64_t platform_dev_make(unsigned major, unsigned minor) {
   return makedev(major, minor);
}

void platform_dev_split(uint64_t dev, unsigned *major, unsigned *minor) {
   *major = major(dev);
   *minor = minor(dev);
}

static void entry_from_stat(PlatformEntry *e, const char *name, const struct stat *sb) {
   memset(e, 0, sizeof *e);
   e->name = name;
   platform_fill_stat(sb, &e->st);
}

/* ---- name spaces ------------------------------------------------------- */

/* opendir() that also hands back the descriptor, for fstat and *at calls. */
static DIR *open_dir(const char *path, int *dfd) {
   *dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
   DIR *d = *dfd >= 0 ? fdopendir(*dfd) : NULL;
   if (!d && *dfd >= 0)
      close(*dfd);
   return d;
}

static void scan_shm(const PlatformObjectsSink *sink, PlatformObjectsInfo *info) {
   int dfd;
   DIR *d = open_dir(SHM_DIR, &dfd);
   struct stat sb;
   if (!d)
      return;
   if (fstat(dfd, &sb) == 0) {
      info->shm_present = true;
      info->shm_dev = sb.st_dev;
   }
   struct dirent *de;
   while ((de = readdir(d)) != NULL) {
      if (de->d_name[0] == '.' && (!de->d_name[1] || (de->d_name[1] == '.' && !de->d_name[2])))
         continue;
      if (fstatat(dfd, de->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(sb.st_mode))
         continue;
      PlatformEntry e;
      entry_from_stat(&e, de->d_name, &sb);
      sink->shm_entry(sink->ctx, &e);
   }
   closedir(d);
}

static bool find_mqueue_mount(PlatformObjectsInfo *info) {
   FILE *f = setmntent("/proc/self/mounts", "r");
   if (!f)
      return false;
   struct mntent *m;
   while ((m = getmntent(f)) != NULL) {
      if (strcmp(m->mnt_type, "mqueue") == 0 && strlen(m->mnt_dir) < sizeof info->mq_path) {
         strcpy(info->mq_path, m->mnt_dir);
         info->mq_mounted = true;
         break;
      }
   }
   endmntent(f);
   return info->mq_mounted;
}

/* Read a small text file at DFD/NAME into BUF (NUL-terminated). */
static int read_small(int dfd, const char *name, char *buf, size_t size) {
   int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
   if (fd < 0)
      return errno;
   ssize_t n = read(fd, buf, size - 1);
   int rc = n < 0 ? errno : 0;
   close(fd);
   buf[n > 0 ? n : 0] = '\0';
   return rc;
}

/* A queue's count and limits, through a descriptor of its file, which is a
 * queue descriptor (mqueue_file_operations): mq_getattr(3) reads them and
 * changes nothing, where read(2) of the file would set the queue's access
 * and change times (ipc/mqueue.c).  Read permission, else write, is
 * needed, as for mq_open(3); the descriptor must be the queue SB is. */
static int mq_attributes(int dfd, const char *name, const struct stat *sb, PlatformMqInfo *out) {
   int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
   if (fd < 0 && errno == EACCES)
      fd = openat(dfd, name, O_WRONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
   if (fd < 0)
      return errno;
   struct stat now;
   struct mq_attr attr;
   int rc = 0;
   if (fstat(fd, &now) != 0 || mq_getattr((mqd_t)fd, &attr) != 0)
      rc = errno;
   else if (now.st_dev != sb->st_dev || now.st_ino != sb->st_ino)
      rc = ESTALE;                    /* removed and made again meanwhile */
   close(fd);
   if (rc == 0) {
      out->messages = (uint64_t)attr.mq_curmsgs;
      out->maxmsg = (uint64_t)attr.mq_maxmsg;
      out->msgsize = (uint64_t)attr.mq_msgsize;
   }
   return rc;
}

static void scan_mqueue(const PlatformObjectsSink *sink, PlatformObjectsInfo *info) {
   if (!find_mqueue_mount(info))
      return;
   int dfd;
   DIR *d = open_dir(info->mq_path, &dfd);
   struct stat sb;
   if (!d)
      return;
   if (fstat(dfd, &sb) == 0)
      info->mq_dev = sb.st_dev;
   struct dirent *de;
   while ((de = readdir(d)) != NULL) {
      if (de->d_name[0] == '.')
         continue;
      if (fstatat(dfd, de->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(sb.st_mode))
         continue;
      PlatformEntry e;
      entry_from_stat(&e, de->d_name, &sb);
      e.mq_err = mq_attributes(dfd, de->d_name, &sb, &e.mq);
      e.mq_known = e.mq_err == 0;
      sink->mq_entry(sink->ctx, &e);
   }
   closedir(d);
}

static void scan_sysv(const PlatformObjectsSink *sink, PlatformObjectsInfo *info) {
   static const char *const files[] = { "/proc/sysvipc/shm", "/proc/sysvipc/sem",
                                        "/proc/sysvipc/msg" };
   static const PlatformSysvKind kinds[] = { PLATFORM_SYSV_SHM, PLATFORM_SYSV_SEM,
                                             PLATFORM_SYSV_MSG };
   char *line = NULL;
   size_t cap = 0;
   for (size_t i = 0; i < 3; i++) {
      FILE *f = fopen(files[i], "re");
      if (!f)
         continue;
      info->sysv_present = true;
      ssize_t n;
      bool header = true;
      while ((n = getline(&line, &cap, f)) > 0) {
         if (line[n - 1] == '\n')
            line[n - 1] = '\0';
         PlatformSysvRecord r;
         if (!header && platform_procfs_sysv_line(kinds[i], line, &r))
            sink->sysv(sink->ctx, &r);
         header = false;
      }
      fclose(f);
   }
   free(line);
}

/* ---- processes --------------------------------------------------------- */

static bool is_pid_name(const char *s) {
   if (!*s)
      return false;
   for (; *s; s++)
      if (!isdigit((unsigned char)*s))
         return false;
   return true;
}

static bool denied(int err) {
   return err == EACCES || err == EPERM;
}

/* Descriptors of a process: only those that refer to files are reported,
 * and the locks held through those of locked files. */
static int scan_fds(const PlatformObjectsSink *sink, const LinuxLockedSet *locked, int pid,
                    const char *comm, int pfd) {
   int dfd = openat(pfd, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
   DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
   if (!d) {
      int err = errno;
      if (dfd >= 0)
         close(dfd);
      return err;
   }
   struct dirent *de;
   char target[4096];
   static PlatformFdRecord rec;       /* 4 KiB of name: not on the stack each time */
   while ((de = readdir(d)) != NULL) {
      if (!is_pid_name(de->d_name))
         continue;
      ssize_t n = readlinkat(dfd, de->d_name, target, sizeof target - 1);
      if (n <= 0)
         continue;
      target[n] = '\0';
      if (strncmp(target, "socket:", 7) == 0 || strncmp(target, "pipe:", 5) == 0
          || strncmp(target, "anon_inode:", 11) == 0)
         continue;
      struct stat sb;
      if (fstatat(dfd, de->d_name, &sb, 0) != 0)
         continue;
      rec.fd = atoi(de->d_name);
      platform_fill_stat(&sb, &rec.st);
      platform_procfs_fd_target(target, sb.st_nlink == 0, &rec.backing);
      sink->process_fd(sink->ctx, pid, &rec);
      if (linux_locks_has(locked, sb.st_dev, sb.st_ino))
         linux_locks_fd(sink, pfd, pid, comm, pid == (int)getpid(), rec.fd);
   }
   closedir(d);
   return 0;
}

static int scan_maps(const PlatformObjectsSink *sink, int pid, int pfd) {
   int fd = openat(pfd, "maps", O_RDONLY | O_CLOEXEC);
   FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
   if (!f) {
      int err = errno;
      if (fd >= 0)
         close(fd);
      return err;
   }
   char *line = NULL;
   size_t cap = 0;
   ssize_t n;
   int err = 0;
   errno = 0;
   static PlatformRegion r;
   while ((n = getline(&line, &cap, f)) > 0) {
      if (line[n - 1] == '\n')
         line[n - 1] = '\0';
      if (!platform_procfs_maps_line(line, &r))
         continue;
      linux_map_exact_name(pid, &r);
      sink->process_map(sink->ctx, pid, &r);
   }
   if (ferror(f))
      err = errno ? errno : EIO;
   free(line);
   fclose(f);
   return err;
}

/* A kernel thread has no address space and no descriptor table of its
 * own: nothing to look for (and another user may not open its fd/). */
static bool kernel_thread(int pfd) {
   char text[1024];
   bool kthread;
   return read_small(pfd, "stat", text, sizeof text) == 0
          && platform_procfs_stat_kthread(text, &kthread) && kthread;
}

/* The process whose descriptors or mappings could not be read, and why
 * (ERR and ERR2 from reading each); those that ended meanwhile too. */
static void say_denied(const PlatformObjectsSink *sink, int pid, const char *comm, int err,
                       int err2) {
   int why = denied(err) ? err : denied(err2) ? err2 : 0;
   char text[512];
   if (why)
      platform_proc_why(pid, why, PLATFORM_PROC_LISTING, 0, text, sizeof text);
   else if (err == ENOENT || err == ESRCH || err2 == ENOENT || err2 == ESRCH)
      snprintf(text, sizeof text, "%s", _("it exited during the scan"));
   else
      return;
   sink->process_denied(sink->ctx, pid, comm, why ? why : ESRCH, text);
}

static void scan_process(const PlatformObjectsSink *sink, const LinuxLockedSet *locked,
                         int procfd, const char *name) {
   int pid = atoi(name);
   int pfd = openat(procfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
   if (pfd < 0)
      return;                       /* gone already */
   char comm[64];
   if (read_small(pfd, "comm", comm, sizeof comm) != 0 || kernel_thread(pfd)) {
      close(pfd);
      return;
   }
   platform_procfs_comm(comm);
   sink->process(sink->ctx, pid, comm);
   int err = scan_fds(sink, locked, pid, comm, pfd);
   int err2 = scan_maps(sink, pid, pfd);
   say_denied(sink, pid, comm, err, err2);
   close(pfd);
}

static int scan_processes(const PlatformObjectsSink *sink, bool self_too) {
   int procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
   DIR *d = procfd >= 0 ? fdopendir(procfd) : NULL;
   if (!d) {
      int err = errno;
      if (procfd >= 0)
         close(procfd);
      return err;
   }
   char self[32];
   snprintf(self, sizeof self, "%d", self_too ? -1 : (int)getpid());
   LinuxLockedSet locked;
   linux_locks_read(sink, &locked);
   struct dirent *de;
   while ((de = readdir(d)) != NULL)
      if (is_pid_name(de->d_name) && strcmp(de->d_name, self) != 0)
         scan_process(sink, &locked, procfd, de->d_name);
   closedir(d);
   if (!self_too)
      linux_locks_self(sink, &locked);
   linux_locks_free(&locked);
   return 0;
}

int platform_objects_scan(const PlatformObjectsSink *sink, unsigned what,
                          PlatformObjectsInfo *info) {
   memset(info, 0, sizeof *info);
   if (what & PLATFORM_SCAN_NAMES) {
      scan_shm(sink, info);
      scan_mqueue(sink, info);
      scan_sysv(sink, info);
   } else {
      struct stat sb;
      if (stat(SHM_DIR, &sb) == 0) {
         info->shm_present = true;
         info->shm_dev = sb.st_dev;
      }
   }
   if (what & PLATFORM_SCAN_PROCESSES)
      return scan_processes(sink, (what & PLATFORM_SCAN_SELF) != 0);
   return 0;
}

int platform_stat_mapping(int pid, uint64_t start, uint64_t end, PlatformStat *st) {
   char path[96];
   struct stat sb;
   snprintf(path, sizeof path, "/proc/%d/map_files/%" PRIx64 "-%" PRIx64, pid, start, end);
   if (stat(path, &sb) != 0)
      return errno;
   platform_fill_stat(&sb, st);
   return 0;
}

/* Looking a user up reads the password database each time: a listing of
 * thousands of objects asks about the same few users, so remember them. */
#define USER_CACHE 16
static struct {
   unsigned uid;
   char name[64];
   bool used;
} user_cache[USER_CACHE];

void platform_user_name(PlatformUserId uid, char *buf, size_t size) {
   size_t slot = uid % USER_CACHE;
   if (!user_cache[slot].used || user_cache[slot].uid != uid) {
      struct passwd pw, *res = NULL;
      char tmp[1024];
      if (getpwuid_r((uid_t)uid, &pw, tmp, sizeof tmp, &res) == 0 && res)
         snprintf(user_cache[slot].name, sizeof user_cache[slot].name, "%s", res->pw_name);
      else
         snprintf(user_cache[slot].name, sizeof user_cache[slot].name, "%u", uid);
      user_cache[slot].uid = uid;
      user_cache[slot].used = true;
   }
   snprintf(buf, size, "%s", user_cache[slot].name);
}

int platform_user_lookup(const char *name, PlatformUserId *uid) {
   struct passwd pw, *res = NULL;
   char tmp[4096];
   int rc = getpwnam_r(name, &pw, tmp, sizeof tmp, &res);
   if (rc == 0 && res) {
      *uid = (unsigned)res->pw_uid;
      return 0;
   }
   char *end;
   errno = 0;
   unsigned long v = strtoul(name, &end, 10);
   if (*name >= '0' && *name <= '9' && !*end && errno == 0 && v < 4294967295ul) {
      *uid = (unsigned)v;
      return 0;
   }
   return rc == 0 || rc == ENOENT || rc == ESRCH || rc == EBADF || rc == EPERM ? ENOENT : EIO;
}

/* ---- System V shared memory ------------------------------------------- */

/* The row of /proc/sysvipc/shm (ipc/shm.c: sysvipc_shm_proc_show) for
 * which MATCH is true; ENOENT when none. */
static int listed_shm(bool (*match)(const PlatformSysvRecord *r, uint64_t want), uint64_t want,
                      PlatformSysvRecord *out) {
   FILE *f = fopen("/proc/sysvipc/shm", "re");
   if (!f)
      return errno;
   char *line = NULL;
   size_t cap = 0;
   ssize_t n;
   int rc = ENOENT;
   for (bool header = true; rc == ENOENT && (n = getline(&line, &cap, f)) > 0; header = false) {
      if (line[n - 1] == '\n')
         line[n - 1] = '\0';
      if (!header && platform_procfs_sysv_line(PLATFORM_SYSV_SHM, line, out) && match(out, want))
         rc = 0;
   }
   free(line);
   fclose(f);
   return rc;
}

static bool id_is(const PlatformSysvRecord *r, uint64_t want) { return (uint64_t)r->id == want; }
static bool key_is(const PlatformSysvRecord *r, uint64_t want) {
   return r->key == want && !r->removed;    /* shmget() finds no removed segment */
}

int platform_sysv_shm_find_listed(uint32_t key, int *id) {
   PlatformSysvRecord r;
   int rc = listed_shm(key_is, key, &r);
   if (rc == 0)
      *id = r.id;
   return rc;
}

int platform_sysv_shm_stat_listed(int id, PlatformStat *st) {
   PlatformSysvRecord r;
   int rc = listed_shm(id_is, (uint64_t)id, &r);
   if (rc != 0)
      return rc == ENOENT ? EINVAL : rc;     /* as IPC_STAT says it */
   memset(st, 0, sizeof *st);
   st->kind = PLATFORM_KIND_REGULAR;
   st->size = r.size;
   st->ino = (uint64_t)id;
   st->mtime_sec = r.ctime;       /* as IPC_STAT's are filled below */
   st->atime_sec = r.atime;
   st->ctime_sec = r.ctime;
   st->uid = r.uid;
   st->gid = r.gid;
   st->mode = r.mode & 0777;
   return 0;
}

int platform_sysv_shm_find(uint32_t key, int *id) {
   int r = shmget((key_t)key, 0, 0);
   if (r < 0)
      return errno;
   *id = r;
   return 0;
}

int platform_sysv_shm_stat(int id, PlatformStat *st) {
   struct shmid_ds ds;
   if (shmctl(id, IPC_STAT, &ds) < 0)
      return errno;
   memset(st, 0, sizeof *st);
   st->kind = PLATFORM_KIND_REGULAR;
   st->size = ds.shm_segsz;
   st->ino = (uint64_t)id;
   st->mtime_sec = ds.shm_ctime;
   st->atime_sec = ds.shm_atime;
   st->ctime_sec = ds.shm_ctime;
   st->uid = ds.shm_perm.uid;
   st->gid = ds.shm_perm.gid;
   st->mode = ds.shm_perm.mode & 0777;
   return 0;
}

/* The segments this process attached through platform_sysv_shm_attach()
 * and has not detached: what it adds to their nattch. */
#define SELF_ATTACH_MAX 64
static struct {
   void *addr;
   int id;
} self_attach[SELF_ATTACH_MAX];

static void remember_attach(void *addr, int id) {
   for (size_t i = 0; i < SELF_ATTACH_MAX; i++)
      if (!self_attach[i].addr) {
         self_attach[i].addr = addr;
         self_attach[i].id = id;
         return;
      }
}

int platform_sysv_shm_attach(int id, bool writable, void **addr, PlatformStat *st) {
   int rc = platform_sysv_shm_stat(id, st);
   if (rc != 0)
      return rc;
   void *p = shmat(id, NULL, writable ? 0 : SHM_RDONLY);
   if (p == (void *)-1)
      return errno;
   /* A child forked later (the libmagic lookup gets a copy of the bytes)
    * must not inherit the attachment: its exit would detach it again,
    * naming the child in lpid and setting the detach time (shm_close() in
    * ipc/shm.c).  Not inherited, it never touches the segment. */
   uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
   size_t len = (size_t)((st->size + page - 1) / page * page);
   if (len && madvise(p, len, MADV_DONTFORK) != 0) {
      rc = errno;
      shmdt(p);
      return rc;
   }
   *addr = p;
   remember_attach(p, id);
   return 0;
}

void platform_sysv_shm_detach(void *addr) {
   if (!addr)
      return;
   shmdt(addr);
   for (size_t i = 0; i < SELF_ATTACH_MAX; i++)
      if (self_attach[i].addr == addr)
         self_attach[i].addr = NULL;
}

unsigned platform_sysv_shm_self_attached(int id) {
   unsigned n = 0;
   for (size_t i = 0; i < SELF_ATTACH_MAX; i++)
      n += self_attach[i].addr && self_attach[i].id == id;
   return n;
}

int platform_map_anonymous(size_t len, void **addr) {
   void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   if (p == MAP_FAILED)
      return errno;
   *addr = p;
   return 0;
}
