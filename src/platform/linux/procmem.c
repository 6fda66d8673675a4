/* procmem.c - another process's address space on Linux: its regions with
 * their figures (/proc/PID/maps, smaps, smaps_rollup), its bytes
 * (process_vm_readv/process_vm_writev, falling back to /proc/PID/mem) and
 * its identity.  The contract is platform/procmem.h; why a call was
 * refused is procwhy.c. */
#include "config.h"

#include "platform/procmem.h"
#include "platform/procfs.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "internal.h"

/* ---- reading the kernel's text, line by line, in large reads ---------- */

#define LINES_CHUNK (256 * 1024)

typedef int (*LineFn)(void *ctx, char *line);

/* Call FN on each line of the open descriptor FD (newline removed); a
 * line longer than the buffer is cut.  0, FN's non-zero, or an errno. */
static int each_line(int fd, LineFn fn, void *ctx) {
   char *buf = malloc(LINES_CHUNK + 1);
   size_t have = 0;
   int rc = 0;
   if (!buf)
      return ENOMEM;
   for (;;) {
      ssize_t r = read(fd, buf + have, LINES_CHUNK - have);
      if (r < 0 && errno == EINTR)
         continue;
      if (r < 0) {
         rc = errno;
         break;
      }
      have += (size_t)r;
      char *p = buf, *end = buf + have, *nl;
      while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
         *nl = '\0';
         if ((rc = fn(ctx, p)) != 0)
            goto out;
         p = nl + 1;
      }
      have = (size_t)(end - p);
      if (r == 0 || have == LINES_CHUNK) {     /* the end, or a line too long */
         if (have > 0) {
            buf[have] = '\0';
            rc = fn(ctx, buf);
         }
         if (r == 0 || rc != 0)
            break;
         have = 0;
         continue;
      }
      memmove(buf, p, have);
   }
out:
   free(buf);
   return rc;
}

/* Open /proc/PID/NAME; an errno (ESRCH when the process is gone). */
static int open_proc(int pid, const char *name, int flags, int *fd) {
   char path[64];
   snprintf(path, sizeof path, "/proc/%d/%s", pid, name);
   *fd = open(path, flags | O_CLOEXEC);
   if (*fd >= 0)
      return 0;
   return errno == ENOENT ? ESRCH : errno;
}

int platform_proc_same_ns(void) {
   static int verdict = -1;          /* -1: not asked yet */
   if (verdict < 0) {
      char buf[32];
      ssize_t n = readlink("/proc/self", buf, sizeof buf - 1);
      buf[n > 0 ? n : 0] = '\0';
      verdict = n > 0 && strtol(buf, NULL, 10) != (long)getpid() ? EXDEV : 0;
   }
   return verdict;
}

/* Read the small file PATH whole into BUF (NUL-terminated); an errno. */
int platform_proc_small_file(const char *path, char *buf, size_t size) {
   int fd = open(path, O_RDONLY | O_CLOEXEC);
   if (fd < 0)
      return errno;
   size_t n = 0;
   while (n + 1 < size) {
      ssize_t r = read(fd, buf + n, size - 1 - n);
      if (r < 0 && errno == EINTR)
         continue;
      if (r <= 0) {
         int err = r < 0 ? errno : 0;
         if (err) {
            close(fd);
            return err;
         }
         break;
      }
      n += (size_t)r;
   }
   buf[n] = '\0';
   close(fd);
   return 0;
}

int platform_proc_status(int pid, PlatformProcStatus *st) {
   char path[64], text[4096];
   snprintf(path, sizeof path, "/proc/%d/status", pid);
   int rc = platform_proc_small_file(path, text, sizeof text);
   if (rc != 0)
      return rc == ENOENT ? ESRCH : rc;
   return platform_procfs_status(text, st) ? 0 : EPROTO;
}

/* ---- the region list ---------------------------------------------------- */

typedef struct {
   PlatformProcRegion *v;
   size_t n, cap;
   int pid;
   uint64_t shm_dev;
   PlatformRegion tmp;         /* the line being parsed (its name is large) */
   PlatformMemFigures *totals; /* smaps_rollup's figures, or NULL */
   LinuxRegionNames names;     /* the shm directory, the System V list */
} RegionList;

static const char no_name[] = "";

/* The kernel writes " (deleted)" after the path of an unlinked file, and a
 * file may also be named so: when the path with that suffix, seen from the
 * process's root, is the mapped file itself (device and inode), the suffix
 * is the name's and the file is there. */
static void named_deleted(int pid, PlatformRegion *r) {
   static const char suffix[] = " (deleted)";
   char path[PLATFORM_NAME_MAX + 64];
   struct stat sb;
   if (!r->backing.deleted || r->backing.kind != PLATFORM_BACKING_FILE || r->backing.name[0] != '/')
      return;
   size_t len = strlen(r->backing.name);
   if (len + sizeof suffix > sizeof r->backing.name)
      return;
   snprintf(path, sizeof path, "/proc/%d/root%s%s", pid, r->backing.name, suffix);
   if (stat(path, &sb) != 0 || (uint64_t)sb.st_ino != r->inode
       || (uint64_t)sb.st_dev != r->dev)
      return;
   memcpy(r->backing.name + len, suffix, sizeof suffix);
   r->backing.deleted = false;
}

void linux_map_exact_name(int pid, PlatformRegion *r) {
   char path[96];
   static char target[PLATFORM_NAME_MAX + 32];
   if (!r->backing.ambiguous)
      return;
   snprintf(path, sizeof path, "/proc/%d/map_files/%" PRIx64 "-%" PRIx64, pid, r->start, r->end);
   ssize_t n = readlink(path, target, sizeof target - 1);
   if (n <= 0 || (size_t)n >= sizeof target - 1)
      return;
   target[n] = '\0';
   /* The link is the same d_path as the maps line, without its escape:
    * " (deleted)" is the kernel's exactly when the maps line said so. */
   platform_procfs_fd_target(target, r->backing.deleted, &r->backing);
}

/* FILE, "/sem.NAME" in the shm file system, is glibc's file of the
 * semaphore "/NAME": that name, malloc'd. */
static char *sem_name(const char *file) {
   const char *name = file + 5;
   size_t n = strlen(name);
   char *s = malloc(n + 2);
   if (s) {
      s[0] = '/';
      memcpy(s + 1, name, n + 1);
   }
   return s;
}

static int add_region(RegionList *l, const PlatformRegion *r) {
   if (l->n == l->cap) {
      size_t cap = l->cap ? l->cap * 2 : 256;
      PlatformProcRegion *v = realloc(l->v, cap * sizeof *v);
      if (!v)
         return ENOMEM;
      l->v = v;
      l->cap = cap;
   }
   PlatformProcRegion *o = &l->v[l->n];
   const char *name;
   memset(o, 0, sizeof *o);
   o->kind = platform_procfs_region_kind(r, l->shm_dev, &name);
   o->map.start = r->start;
   o->map.end = r->end;
   o->map.offset = r->offset;
   memcpy(o->map.perms, r->perms, sizeof o->map.perms);
   o->map.dev = r->dev;
   o->map.inode = r->inode;
   o->map.backing.kind = r->backing.kind;
   o->map.backing.deleted = r->backing.deleted;
   o->map.backing.ambiguous = r->backing.ambiguous;
   o->map.backing.sysv_key = r->backing.sysv_key;
   if (o->kind == PLATFORM_REGION_SYSV)        /* every segment's name says deleted */
      o->map.backing.deleted = linux_regnames_sysv_removed(&l->names, (int)r->inode,
                                                           r->backing.sysv_key);
   else if (o->kind == PLATFORM_REGION_MEMFD)  /* never linked, so never removed */
      o->map.backing.deleted = false;
   if (o->kind == PLATFORM_REGION_SEM)
      o->map.backing.name = sem_name(name);
   else
      o->map.backing.name = *name ? strdup(name) : no_name;
   if (!o->map.backing.name)
      return ENOMEM;
   l->n++;
   return 0;
}

/* A line of maps or smaps: a region's header, or one of its figures. */
static int region_line(void *ctx, char *line) {
   RegionList *l = ctx;
   if (l->n > 0 && platform_procfs_smaps_field(line, &l->v[l->n - 1].figures))
      return 0;
   if (!platform_procfs_maps_line(line, &l->tmp))
      return 0;      /* a line of a format this parser does not know: skipped */
   linux_map_exact_name(l->pid, &l->tmp);
   linux_regnames_shm(&l->names, l->shm_dev, &l->tmp);
   named_deleted(l->pid, &l->tmp);
   return add_region(l, &l->tmp);
}

static int rollup_line(void *ctx, char *line) {
   RegionList *l = ctx;
   platform_procfs_smaps_field(line, l->totals);
   return 0;
}

static uint64_t shm_device(void) {
   struct stat sb;
   return stat("/dev/shm", &sb) == 0 ? (uint64_t)sb.st_dev : 0;
}

void platform_proc_regions_free(PlatformProcRegion *regions, size_t n) {
   for (size_t i = 0; regions && i < n; i++)
      if (regions[i].map.backing.name != no_name)
         free((char *)regions[i].map.backing.name);
   free(regions);
}

/* [vvar] (and [vvar_vclock]) are pages of the kernel's (VM_PFNMAP):
 * process_vm_readv and /proc/PID/mem refuse them. */
bool platform_proc_region_readable(const PlatformProcRegion *r) {
   return r->map.perms[0] == 'r' && strncmp(r->map.backing.name, "[vvar", 5) != 0;
}

/* The totals: smaps_rollup (Linux 4.14), else the sum of the regions. */
static void region_totals(int pid, RegionList *l, PlatformMemFigures *totals) {
   int fd;
   memset(totals, 0, sizeof *totals);
   l->totals = totals;
   if (open_proc(pid, "smaps_rollup", O_RDONLY, &fd) == 0) {
      int rc = each_line(fd, rollup_line, l);
      close(fd);
      if (rc == 0 && totals->known)
         return;
      memset(totals, 0, sizeof *totals);
   }
   for (size_t i = 0; i < l->n; i++) {
      const PlatformMemFigures *f = &l->v[i].figures;
      if (!f->known)
         continue;
      totals->known = true;
      totals->rss += f->rss;
      totals->pss += f->pss;
      totals->shared_clean += f->shared_clean;
      totals->shared_dirty += f->shared_dirty;
      totals->private_clean += f->private_clean;
      totals->private_dirty += f->private_dirty;
      totals->anonymous += f->anonymous;
      totals->swap += f->swap;
   }
}

/* No region at all: a zombie (or a kernel thread) has no memory. */
static int empty_list(int pid) {
   PlatformProcStatus st;
   int rc = platform_proc_status(pid, &st);
   if (rc != 0)
      return rc;
   return st.state == 'Z' || st.state == 'X' ? ESRCH : 0;
}

int platform_proc_regions(int pid, bool figures, PlatformProcRegion **out, size_t *n,
                          PlatformMemFigures *totals) {
   RegionList l = { .pid = pid, .shm_dev = shm_device() };
   int fd, rc;
   *out = NULL;
   *n = 0;
   if (pid <= 0)
      return ESRCH;
   if ((rc = platform_proc_same_ns()) != 0)
      return rc;
   if ((rc = open_proc(pid, figures ? "smaps" : "maps", O_RDONLY, &fd)) != 0)
      return rc;
   rc = each_line(fd, region_line, &l);
   close(fd);
   linux_regnames_free(&l.names);
   if (rc == 0 && l.n == 0)
      rc = empty_list(pid);
   if (rc == 0 && figures && totals)
      region_totals(pid, &l, totals);
   if (rc != 0) {
      platform_proc_regions_free(l.v, l.n);
      return rc;
   }
   *out = l.v;
   *n = l.n;
   return 0;
}

int platform_proc_identity(int pid, char *comm, size_t commsz, PlatformUserId *uid) {
   char path[64];
   PlatformProcStatus st;
   if (pid <= 0)
      return ESRCH;
   int rc = platform_proc_same_ns();
   if (rc == 0)
      rc = platform_proc_status(pid, &st);
   if (rc != 0)
      return rc;
   *uid = st.uid[0];
   snprintf(path, sizeof path, "/proc/%d/comm", pid);
   if (commsz > 0 && platform_proc_small_file(path, comm, commsz) == 0)
      platform_procfs_comm(comm);
   else if (commsz > 0)
      comm[0] = '\0';
   return 0;
}

int platform_proc_life(int pid, PlatformProcLife *life) {
   char path[64], text[1024];
   if (pid <= 0)
      return ESRCH;
   int rc = platform_proc_same_ns();
   if (rc != 0)
      return rc;
   snprintf(path, sizeof path, "/proc/%d/stat", pid);
   if ((rc = platform_proc_small_file(path, text, sizeof text)) != 0)
      return rc == ENOENT ? ESRCH : rc;
   return platform_procfs_stat_life(text, life) ? 0 : EPROTO;
}

void platform_proc_calls(int pid, bool regions, char *open, size_t opensz, char *fallback,
                         size_t fallbacksz) {
   char maps[48] = "";
   if (regions)
      snprintf(maps, sizeof maps, " + open(\"/proc/%d/maps\")", pid);
   snprintf(open, opensz,
            "open(\"/proc/%d/status\") + open(\"/proc/%d/comm\")%s + "
            "process_vm_readv(%d, {buf, 1}, 1, {addr, 1}, 1, 0)",
            pid, pid, maps, pid);
   snprintf(fallback, fallbacksz, "pread(open(\"/proc/%d/mem\", O_RDONLY), buf, n, addr)", pid);
}

/* ---- bytes ---------------------------------------------------------------- */

/* One transfer of LEN bytes: the bytes moved, or -1 with errno. */
static ssize_t vm_io(int pid, uint64_t addr, void *buf, size_t len, bool write) {
   struct iovec local = { .iov_base = buf, .iov_len = len };
   struct iovec remote = { .iov_base = (void *)(uintptr_t)addr, .iov_len = len };
   if (addr > UINTPTR_MAX || len > UINTPTR_MAX - addr) {
      errno = EFAULT;
      return -1;
   }
   return write ? process_vm_writev(pid, &local, 1, &remote, 1, 0)
                : process_vm_readv(pid, &local, 1, &remote, 1, 0);
}

/* The same through /proc/PID/mem (for a kernel or a seccomp filter that
 * refuses process_vm_*). */
static ssize_t mem_io(int pid, uint64_t addr, void *buf, size_t len, bool write) {
   int fd, rc = open_proc(pid, "mem", write ? O_WRONLY : O_RDONLY, &fd);
   if (rc != 0) {
      errno = rc;
      return -1;
   }
   ssize_t r;
   if (addr > INT64_MAX) {
      errno = EFAULT;
      r = -1;
   } else if (write) {
      r = pwrite(fd, buf, len, (off_t)addr);
   } else {
      r = pread(fd, buf, len, (off_t)addr);
   }
   int err = errno;
   close(fd);
   errno = err == EIO ? EFAULT : err;
   return r;
}

static ssize_t proc_io(int pid, uint64_t addr, void *buf, size_t len, bool write) {
   ssize_t r = vm_io(pid, addr, buf, len, write);
   if (r < 0 && (errno == ENOSYS || errno == EPERM)) {
      int first = errno;
      r = mem_io(pid, addr, buf, len, write);
      if (r < 0 && errno != EFAULT && errno != ESRCH)
         errno = first;    /* both refused: the first call's reason */
   }
   if (r < 0 && errno == EACCES)
      errno = EPERM;
   return r;
}

/* Move LEN bytes; a failure part-way is narrowed down page by page, so
 * *DONE is the exact count before the first byte that failed. */
static int proc_move(int pid, uint64_t addr, void *buf, size_t len, size_t *done, bool write) {
   size_t page = (size_t)sysconf(_SC_PAGESIZE);
   bool paged = false;     /* after a failure: a page at a time */
   *done = 0;
   if (pid <= 0)
      return ESRCH;
   if (platform_proc_same_ns() != 0)
      return EXDEV;
   while (*done < len) {
      uint64_t at = addr + *done;
      size_t want = len - *done, to_page = page - (size_t)(at % page);
      if (paged && want > to_page)
         want = to_page;
      ssize_t r = proc_io(pid, at, (char *)buf + *done, want, write);
      if (r < 0 && errno == EFAULT && !paged && want > to_page) {
         paged = true;     /* maybe only a later page failed: find it */
         continue;
      }
      if (r < 0)
         return errno == 0 ? EIO : errno;
      if (r == 0)
         return EFAULT;
      if ((size_t)r < want)
         paged = true;
      *done += (size_t)r;
   }
   return 0;
}

int platform_proc_read(int pid, uint64_t addr, void *buf, size_t len, size_t *got) {
   return proc_move(pid, addr, buf, len, got, false);
}

int platform_proc_write(int pid, uint64_t addr, const void *buf, size_t len, size_t *put) {
   return proc_move(pid, addr, (void *)buf, len, put, true);
}
