/* procwhy.c - why another process's memory could not be read or written,
 * and what would fix it (platform_proc_why(), platform/procmem.h).
 *
 * The kernel's order of checks (kernel/ptrace.c __ptrace_may_access(),
 * then the Yama module, security/yama/yama_lsm.c): the caller's real
 * user and group ids must equal the target's real, effective and saved
 * ones, and the target must be dumpable, unless the caller has
 * CAP_SYS_PTRACE; then Yama's kernel.yama.ptrace_scope (1: ancestors
 * only, 2: CAP_SYS_PTRACE only, 3: nobody).  A non-dumpable process's
 * files in /proc/PID belong to root (fs/proc/base.c task_dump_owner()). */
#include "config.h"

#include "platform/procmem.h"
#include "platform/names.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/gettext.h"
#include "internal.h"

#define CAP_BIT_SYS_PTRACE 19
#define CAP_BIT_SYS_ADMIN 21
#define CAP_BIT_CHECKPOINT_RESTORE 40

static const char yama_path[] = "/proc/sys/kernel/yama/ptrace_scope";

static bool has_cap(int bit) {
   PlatformProcStatus me;
   return platform_proc_status((int)getpid(), &me) == 0 && me.has_cap
          && (me.cap_eff >> bit & 1u) != 0;
}

/* Yama's setting, or -1 when the kernel has no Yama. */
static int yama_scope(void) {
   char buf[16];
   if (platform_proc_small_file(yama_path, buf, sizeof buf) != 0)
      return -1;
   return atoi(buf);
}

static bool gone(int pid, char *buf, size_t size) {
   PlatformProcStatus st;
   char path[64];
   struct stat sb;
   snprintf(path, sizeof path, "/proc/%d", pid);
   if (pid <= 0 || stat(path, &sb) != 0) {
      snprintf(buf, size, _("no process has the id %d (it has exited, or never ran)"), pid);
      return true;
   }
   if (platform_proc_status(pid, &st) == 0 && (st.state == 'Z' || st.state == 'X')) {
      snprintf(buf, size, _("process %d has exited (a zombie not yet reaped has no memory)"),
               pid);
      return true;
   }
   PlatformProcLife life;
   if (platform_proc_life(pid, &life) == 0 && life.ended) {
      snprintf(buf, size, _("process %d has exited (it is ending: its memory is already "
                            "released)"), pid);
      return true;
   }
   return false;
}

static bool all_equal(const unsigned v[4], unsigned want) {
   return v[0] == want && v[1] == want && v[2] == want;
}

/* The credential checks, for a caller without CAP_SYS_PTRACE. */
static bool credentials(int pid, const PlatformProcStatus *st, char *buf, size_t size) {
   unsigned me = (unsigned)getuid(), mygid = (unsigned)getgid();
   char user[64];
   if (st->uid[0] != me && st->uid[0] == st->uid[1] && st->uid[1] == st->uid[2]) {
      platform_user_name(st->uid[0], user, sizeof user);
      snprintf(buf, size,
               _("process %d belongs to user %s (uid %u), you are uid %u: access to another "
                 "user's process needs CAP_SYS_PTRACE (run as that user, or as root)"),
               pid, user, st->uid[0], me);
      return true;
   }
   if (!all_equal(st->uid, me) || !all_equal(st->gid, mygid)) {
      snprintf(buf, size,
               _("process %d runs with user or group ids other than yours (uid %u/%u/%u, "
                 "gid %u/%u/%u; a set-user-ID or set-group-ID program): access needs "
                 "CAP_SYS_PTRACE (run as root)"),
               pid, st->uid[0], st->uid[1], st->uid[2], st->gid[0], st->gid[1], st->gid[2]);
      return true;
   }
   return false;
}

/* Not dumpable: the files in its /proc directory (not the directory
 * itself) belong to root although it does not run as root. */
static bool undumpable(int pid, const PlatformProcStatus *st, char *buf, size_t size) {
   char path[64];
   struct stat sb;
   snprintf(path, sizeof path, "/proc/%d/status", pid);
   if (stat(path, &sb) != 0 || sb.st_uid != 0 || st->uid[1] == 0)
      return false;
   snprintf(buf, size,
            _("process %d is not dumpable (it called prctl(PR_SET_DUMPABLE, 0) or changed its "
              "credentials): only a caller with CAP_SYS_PTRACE may access it (run as root)"),
            pid);
   return true;
}

static bool yama(int pid, bool cap, char *buf, size_t size) {
   int scope = yama_scope();
   if (scope == 1 && !cap)
      snprintf(buf, size,
               _("kernel.yama.ptrace_scope is 1: only an ancestor of process %d (or a process it "
                 "named with PR_SET_PTRACER) may access it; run as root (CAP_SYS_PTRACE) or set "
                 "it to 0 (sysctl kernel.yama.ptrace_scope=0)"),
               pid);
   else if (scope == 2 && !cap)
      snprintf(buf, size,
               _("kernel.yama.ptrace_scope is 2: only a caller with CAP_SYS_PTRACE may access "
                 "another process; run as root, or set it to 0 or 1"));
   else if (scope >= 3)
      snprintf(buf, size,
               _("kernel.yama.ptrace_scope is %d: no process may access another one (only a "
                 "reboot lowers it)"),
               scope);
   else
      return false;
   return true;
}

static void refused(int pid, char *buf, size_t size) {
   PlatformProcStatus st;
   bool cap = has_cap(CAP_BIT_SYS_PTRACE);
   if (gone(pid, buf, size))
      return;
   if (platform_proc_status(pid, &st) == 0 && !cap
       && (credentials(pid, &st, buf, size) || undumpable(pid, &st, buf, size)))
      return;
   if (yama(pid, cap, buf, size))
      return;
   snprintf(buf, size,
            _("the kernel refused access to process %d (a security module such as AppArmor or "
              "SELinux, or a seccomp filter, may forbid it)"),
            pid);
}

static void map_files(int pid, char *buf, size_t size) {
   bool admin = has_cap(CAP_BIT_SYS_ADMIN), cr = has_cap(CAP_BIT_CHECKPOINT_RESTORE);
   if (admin || cr) {
      refused(pid, buf, size);
      return;
   }
   snprintf(buf, size,
            _("opening the file behind a mapping of process %d (its map_files entry) needs "
              "CAP_SYS_ADMIN or, from Linux 5.9, CAP_CHECKPOINT_RESTORE: run as root"),
            pid);
}

/* ---- an address that could not be read -------------------------------- */

static const PlatformProcRegion *region_at(const PlatformProcRegion *v, size_t n, uint64_t addr) {
   size_t lo = 0, hi = n;
   while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (addr < v[mid].map.start)
         hi = mid;
      else if (addr >= v[mid].map.end)
         lo = mid + 1;
      else
         return &v[mid];
   }
   return NULL;
}

static void region_why(const PlatformProcRegion *r, uint64_t addr, bool write,
                       char *buf, size_t size) {
   const char *perms = r->map.perms, *name = r->map.backing.name;
   if (strncmp(perms, "---", 3) == 0)
      snprintf(buf, size,
               _("0x%" PRIx64 " is in a guard page (the region %" PRIx64 "-%" PRIx64
                 " has no permissions)"), addr, r->map.start, r->map.end);
   else if (strncmp(name, "[vvar", 5) == 0)
      snprintf(buf, size,
               _("0x%" PRIx64 " is in %s, the kernel's clock data, which no other process can "
                 "read"), addr, name);
   else if (r->kind == PLATFORM_REGION_SPECIAL && strcmp(name, "[vdso]") != 0)
      snprintf(buf, size,
               _("0x%" PRIx64 " is in %s, a region of the kernel's that another process cannot "
                 "access"), addr, name);
   else if (!write && perms[0] != 'r')
      snprintf(buf, size, _("0x%" PRIx64 " is in a region without read permission (%s)"),
               addr, perms);
   else if (write && perms[1] != 'w')
      snprintf(buf, size, _("0x%" PRIx64 " is in a region without write permission (%s)"),
               addr, perms);
   else if (r->kind == PLATFORM_REGION_FILE || r->kind == PLATFORM_REGION_SHM
            || r->kind == PLATFORM_REGION_SEM)
      snprintf(buf, size,
               _("the page at 0x%" PRIx64 " could not be read: it lies past the end of the "
                 "file mapped there, or the file's device failed"), addr);
   else
      snprintf(buf, size, _("the page at 0x%" PRIx64 " could not be accessed"), addr);
}

static void fault(int pid, uint64_t addr, bool write, char *buf, size_t size) {
   PlatformProcRegion *v;
   size_t n;
   const PlatformProcRegion *r;
   if (gone(pid, buf, size))
      return;
   if (platform_proc_regions(pid, false, &v, &n, NULL) != 0) {
      snprintf(buf, size, _("the page at 0x%" PRIx64 " could not be accessed"), addr);
      return;
   }
   if ((r = region_at(v, n, addr)) != NULL)
      region_why(r, addr, write, buf, size);
   else
      snprintf(buf, size,
               _("0x%" PRIx64 " is not mapped in process %d (no region holds it, or it was "
                 "unmapped)"), addr, pid);
   platform_proc_regions_free(v, n);
}

void platform_proc_why(int pid, int err, PlatformProcAccess what, uint64_t addr,
                       char *buf, size_t size) {
   if (size == 0)
      return;
   switch (err) {
   case ESRCH:
      if (!gone(pid, buf, size))
         snprintf(buf, size, _("process %d has no memory left to read"), pid);
      return;
   case EPERM:
   case EACCES:
      if (what == PLATFORM_PROC_MAP_FILES)
         map_files(pid, buf, size);
      else
         refused(pid, buf, size);
      return;
   case EXDEV:
      snprintf(buf, size, _("/proc was mounted for another pid namespace than mapscope's: its "
                            "process ids name other processes; mount a /proc of this namespace "
                            "(unshare --mount-proc)"));
      return;
   case ENOSYS:
      if (what == PLATFORM_PROC_PAGES) {
         snprintf(buf, size, "%s",
                  _("this kernel keeps no page maps of processes (it was built without "
                    "CONFIG_PROC_PAGE_MONITOR)"));
         return;
      }
      break;
   case EFAULT:
   case EIO:
      if (what == PLATFORM_PROC_READING || what == PLATFORM_PROC_WRITING) {
         fault(pid, addr, what == PLATFORM_PROC_WRITING, buf, size);
         return;
      }
      break;
   default:
      break;
   }
   snprintf(buf, size, "%s", strerror(err));
}
