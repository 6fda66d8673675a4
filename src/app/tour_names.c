/* tour_names.c - the tour's steps on named objects: one shared by two
 * processes (4), a name that exists (5), one name for two kinds (7), name
 * spaces (8), a header at the head of shared memory (9). */
#include "config.h"

#include "app/tour_internal.h"
#include "core/textwidth.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/values.h"
#include "platform/mapping.h"
#include "platform/processes.h"
#include "platform/names.h"
#include "platform/scene.h"
#include "platform/tour.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long long ull;

#define MSG_AT 64               /* where step 4's messages are written */
#define MSG_LEN 64
#define WAIT_MS 5000            /* at most, for the second process */

int tour_need_shm(Tour *t) {
   if (t->made_shm)
      return 0;
   int rc = platform_shm_create(t->shm, TOUR_SHM_SIZE, &t->shm_fd, &t->shm_addr);
   t->made_shm = rc == 0;
   return rc;
}

static void drop_shm(Tour *t) {
   if (t->shm_addr)
      platform_unmap(t->shm_addr, TOUR_SHM_SIZE);
   if (t->shm_fd != PLATFORM_HANDLE_NONE)
      platform_close(t->shm_fd);
   if (t->made_shm)
      platform_shm_remove(t->shm);
   t->shm_addr = NULL;
   t->shm_fd = PLATFORM_HANDLE_NONE;
   t->made_shm = false;
}

/* ---- 4: a named object, two processes ----------------------------------- */

/* Wait (WAIT_MS at most) until the byte at P is not 0. */
static bool wait_flag(volatile const unsigned char *p) {
   for (int i = 0; i < WAIT_MS / 5 && *p == 0; i++)
      platform_sleep_ms(5);
   return *p != 0;
}

/* Wait until the message at P differs from SEEN; copy it into SEEN. */
static bool wait_change(volatile const char *p, char *seen) {
   for (int i = 0; i < WAIT_MS / 5; i++) {
      char now[MSG_LEN];
      for (size_t k = 0; k < MSG_LEN; k++)
         now[k] = p[k];
      now[MSG_LEN - 1] = '\0';
      if (strcmp(now, seen) != 0) {
         memcpy(seen, now, MSG_LEN);
         return true;
      }
      platform_sleep_ms(5);
   }
   return false;
}

/* The second process: open by name, read, say it is there, see the next
 * write come, tell what it saw. */
static void second_process(void *ctx, char *out, size_t outsz) {
   const Tour *t = ctx;
   PlatformHandle fd;
   void *addr;
   int rc = platform_shm_attach(t->shm, TOUR_SHM_SIZE, &fd, &addr);
   if (rc != 0) {
      snprintf(out, outsz, "shm_open: %s", strerror(rc));
      return;
   }
   volatile char *msg = (char *)addr + MSG_AT;
   char first[MSG_LEN], second[MSG_LEN];
   for (size_t k = 0; k < MSG_LEN; k++)
      first[k] = msg[k];
   first[MSG_LEN - 1] = '\0';
   memcpy(second, first, MSG_LEN);
   ((volatile unsigned char *)addr)[0] = 1;            /* "I am here" */
   bool changed = wait_change(msg, second);
   snprintf(out, outsz, "%d\n%p\n%s\n%s", platform_self_pid(), addr, first,
            changed ? second : "");
   platform_unmap(addr, TOUR_SHM_SIZE);
   platform_close(fd);
}

/* The second process's lines: pid, address, first and second message. */
static void report_second(const Tour *t, TourText *out, char *text) {
   char *f[4] = { text, NULL, NULL, NULL };
   for (int i = 1; i < 4 && f[i - 1]; i++) {
      f[i] = strchr(f[i - 1], '\n');
      if (f[i])
         *f[i]++ = '\0';
   }
   if (!f[3]) {
      tour_line(out, _("    the second process failed: %s"), text);
      return;
   }
   tour_line(out, _("  the second process (pid %s): shm_open(\"%s\", O_RDWR) and mmap(...) = %s"),
             f[0], t->shm, f[1]);
   tour_line(out, _("    it read: \"%s\""), f[2]);
   if (*f[3])
      tour_line(out, _("    then, with no call at all, it saw: \"%s\""), f[3]);
   else
      tour_line(out, "%s", _("    it never saw the second write"));
}

void tour_step_named(Tour *t, TourText *out) {
   char err[96], text[512];
   drop_shm(t);                                   /* made anew: the call is real */
   int rc = tour_need_shm(t);
   tour_line(out, "  shm_open(\"%s\", O_RDWR|O_CREAT|O_EXCL, 0600), ftruncate(%u), "
             "posix_fallocate(0, %u), mmap(MAP_SHARED) = %s", t->shm, TOUR_SHM_SIZE,
             TOUR_SHM_SIZE, tour_errno(rc, err, sizeof err));
   if (rc != 0)
      return;
   tour_line(out, _("    mapped at %p; the object is %s%s, in memory, not on a disk"),
             t->shm_addr, platform_shm_dir(), t->shm);
   char *msg = (char *)t->shm_addr + MSG_AT;
   snprintf(msg, MSG_LEN, "first write by pid %d", t->pid);
   tour_line(out, _("  the first process (pid %d) writes: \"%s\""), t->pid, msg);
   PlatformChild child;
   if ((rc = platform_child_start(second_process, t, sizeof text, &child)) != 0) {
      tour_line(out, _("  no second process: %s"), tour_errno(rc, err, sizeof err));
      return;
   }
   if (wait_flag(t->shm_addr))
      snprintf(msg, MSG_LEN, "second write by pid %d", t->pid);
   tour_line(out, _("  once the second process has it mapped, the first writes: \"%s\""), msg);
   rc = platform_child_finish(&child, text, sizeof text, WAIT_MS * 2);
   if (rc != 0)
      tour_line(out, _("    the second process failed: %s"), tour_errno(rc, err, sizeof err));
   else
      report_second(t, out, text);
   *(volatile unsigned char *)t->shm_addr = 0;
}

/* shm_open(NAME, O_CREAT|O_EXCL) as it went; what it made is closed
 * (still named).  0 or the errno. */
static int shm_create_said(TourText *out, const char *name) {
   PlatformHandle fd;
   void *addr;
   char err[96];
   int rc = platform_shm_create(name, TOUR_SHM_SIZE, &fd, &addr);
   if (rc == 0) {
      platform_unmap(addr, TOUR_SHM_SIZE);
      platform_close(fd);
      tour_line(out, "  shm_open(\"%s\", O_RDWR|O_CREAT|O_EXCL, 0600) = %s", name,
                tour_errno(0, err, sizeof err));
   } else {
      tour_line(out, "  shm_open(\"%s\", O_RDWR|O_CREAT|O_EXCL, 0600) = -1, errno %s", name,
                tour_errno(rc, err, sizeof err));
   }
   return rc;
}

/* ---- 5: O_EXCL ----------------------------------------------------------- */

void tour_step_excl(Tour *t, TourText *out) {
   char err[96];
   bool fresh = !t->made_shm;
   int rc = tour_need_shm(t);
   if (rc != 0) {
      tour_line(out, "  shm_open(\"%s\") = %s", t->shm, tour_errno(rc, err, sizeof err));
      return;
   }
   tour_line(out, fresh ? _("  %s exists (made for this step).  Creating it again, exclusively:")
                        : _("  %s exists (step 4 made it).  Creating it again, exclusively:"),
             t->shm);
   PlatformHandle fd;
   void *addr;
   shm_create_said(out, t->shm);                  /* EEXIST: it exists */
   rc = platform_shm_attach(t->shm, TOUR_SHM_SIZE, &fd, &addr);
   tour_line(out, _("  without O_EXCL the same call opens the existing object: %s"),
             tour_errno(rc, err, sizeof err));
   if (rc == 0) {
      if (!fresh)
         tour_line(out, _("    and it holds what step 4 wrote: \"%.60s\""), (char *)addr + MSG_AT);
      platform_unmap(addr, TOUR_SHM_SIZE);
      platform_close(fd);
   }
   tour_line(out, "%s", _("  O_EXCL is how a creator learns that the name was taken."));
}

/* ---- 7: a semaphore and a shm object of one name ------------------------- */

static uint64_t shm_inode(const char *name) {
   PlatformHandle fd;
   PlatformStat st;
   if (platform_open_shm(name, false, &fd, &st) != 0)
      return 0;
   platform_close(fd);
   return st.ino;
}

/* The semaphore's bytes, read through the shm name: its value. */
static void sem_through_shm(Tour *t, TourText *out) {
   PlatformHandle fd;
   PlatformStat st;
   void *addr;
   char err[96];
   size_t n = platform_sem_size();
   int rc = platform_open_shm(t->clash_shm, false, &fd, &st);
   if (rc == 0)
      rc = platform_map(fd, 0, n, PLATFORM_MAP_READ, false, &addr);
   tour_line(out, "  shm_open(\"%s\", O_RDONLY), mmap(%zu) = %s", t->clash_shm, n,
             tour_errno(rc, err, sizeof err));
   if (rc != 0)
      return;
   unsigned value = 0, waiters = 0;
   unsigned char b[64];
   platform_guarded_copy(b, addr, n < sizeof b ? n : sizeof b);
   platform_sem_decode(b, n, platform_sem_layout64(), &value, &waiters);
   tour_line(out, ngettext("    its %zu byte is the semaphore itself: sem_t value %u, waiters %u",
                           "    its %zu bytes are the semaphore itself: sem_t value %u, waiters %u",
                           (unsigned long)n), n,
             value, waiters);
   platform_unmap(addr, n);
   platform_close(fd);
}

/* Made anew at each run, so that the calls shown are the calls made. */
static void clash_reset(Tour *t) {
   if (t->made_clash) {
      platform_sem_close(t->clash_sem);
      platform_sem_remove(t->clash);
   }
   if (t->made_clash_twin)
      platform_shm_remove(t->clash);
   t->made_clash = t->made_clash_twin = false;
   t->clash_sem = NULL;
}

/* The semaphore's name as shm: taken.  A shm object of its plain name: another. */
static void clash_names(Tour *t, TourText *out) {
   if (shm_create_said(out, t->clash_shm) == 0)     /* cannot be: the semaphore is there */
      platform_shm_remove(t->clash_shm);
   t->made_clash_twin = shm_create_said(out, t->clash) == 0;
   bool same = shm_inode(t->clash) == shm_inode(t->clash_shm);
   tour_line(out, _("    a shm object named as the semaphore is %s (inode %llu, the semaphore's "
                    "inode %llu)"), same ? _("the same object") : _("another object"),
             (ull)shm_inode(t->clash), (ull)shm_inode(t->clash_shm));
}

void tour_step_clash(Tour *t, TourText *out) {
   char err[96];
   clash_reset(t);
   int rc = platform_sem_create(t->clash, 0, &t->clash_sem);
   t->made_clash = rc == 0;
   tour_line(out, "  sem_open(\"%s\", O_CREAT|O_EXCL, 0600, 0) = %s", t->clash,
             tour_errno(rc, err, sizeof err));
   if (!t->made_clash)
      return;
   rc = platform_sem_post(t->clash_sem);
   tour_line(out, "  sem_post() = %s", tour_errno(rc, err, sizeof err));
   tour_line(out, _("  glibc keeps the semaphore \"%s\" as the shm object \"%s\":"), t->clash,
             t->clash_shm);
   sem_through_shm(t, out);
   clash_names(t, out);
   tour_line(out, "%s", _("  So on Linux \"sem.NAME\" is the collision.  mapscope --list marks "
                          "the semaphore and the shm object of one name name-collision: legal "
                          "here, the ERROR_INVALID_HANDLE of Windows."));
}

/* ---- 8: name spaces ------------------------------------------------------ */

static const char *found(int err, char *buf, size_t n) {
   if (err == 0)
      return _("found");
   return tour_errno(err, buf, n);
}

static void probe_inside(const Tour *t, TourText *out, const PlatformNamespaceProbe *r) {
   char err[96];
   tour_line(out, _("    IPC name space %llu -> %llu; mount name space %llu -> %llu"),
             (ull)r->ipc_ns[0], (ull)r->ipc_ns[1], (ull)r->mnt_ns[0], (ull)r->mnt_ns[1]);
   tour_line(out, "    mount(NULL, \"/\", NULL, MS_REC|MS_PRIVATE) = %s",
             tour_errno(r->private_err, err, sizeof err));
   if (!r->private_err)
      tour_line(out, "    mount(\"tmpfs\", \"%s\", \"tmpfs\") = %s", platform_shm_dir(),
                tour_errno(r->mount_err, err, sizeof err));
   if (!r->private_err && !r->mount_err) {
      tour_line(out, "    shm_open(\"%s\", O_CREAT|O_EXCL) = %s", t->ns,
                tour_errno(r->shm_err, err, sizeof err));
      tour_line(out, _("    looked up by name inside: %s"), found(r->shm_seen_err, err, sizeof err));
   } else {
      tour_line(out, _("    no private %s: no POSIX object is made (it would be seen "
                       "outside)"), platform_shm_dir());
   }
   if (r->sysv_err == 0)
      tour_line(out, "    shmget(0x%08x, 4096, IPC_CREAT|IPC_EXCL) = %d", t->ns_key, r->sysv_id);
   else
      tour_line(out, "    shmget(0x%08x, 4096, IPC_CREAT|IPC_EXCL) = -1, errno %s", t->ns_key,
                tour_errno(r->sysv_err, err, sizeof err));
   tour_line(out, _("    looked up by key inside: %s"), found(r->sysv_seen_err, err, sizeof err));
}

static void probe_outside(const Tour *t, TourText *out, const PlatformNamespaceProbe *r) {
   char err[96];
   tour_line(out, "%s", _("  from the old name spaces, while the child still holds them:"));
   if (!r->private_err && !r->mount_err && !r->shm_err)
      tour_line(out, "    shm_open(\"%s\", O_RDONLY) = %s", t->ns,
                tour_errno(r->shm_outside_err, err, sizeof err));
   if (!r->sysv_err)
      tour_line(out, "    shmget(0x%08x, 0, 0) = %s", t->ns_key,
                tour_errno(r->sysv_outside_err, err, sizeof err));
   tour_line(out, "%s", _("  the child ended: its name spaces and their objects are gone with "
                          "it."));
}

void tour_step_namespaces(Tour *t, TourText *out) {
   PlatformNamespaceProbe r;
   char err[96];
   int rc = platform_namespace_probe(t->ns, t->ns_key, WAIT_MS, &r);
   if (rc != 0) {
      tour_line(out, _("  the probe could not run: %s"), tour_errno(rc, err, sizeof err));
      return;
   }
   tour_line(out, _("  a child process (pid %d): unshare(CLONE_NEWIPC|CLONE_NEWNS) = %s"),
             r.child_pid, tour_errno(r.unshare_err, err, sizeof err));
   if (r.tried_user_ns) {
      tour_line(out, "    unshare(CLONE_NEWUSER|CLONE_NEWIPC|CLONE_NEWNS), uid_map, gid_map = %s",
                tour_errno(r.user_ns_err, err, sizeof err));
      if (!r.user_ns_err)
         tour_line(out, "%s", _("    in a user name space of its own this user is root, and "
                                "may make the other two"));
   }
   if (r.unshare_err && (!r.tried_user_ns || r.user_ns_err)) {
      tour_line(out, "%s", _("  This machine does not let this user make name spaces (it takes "
                             "CAP_SYS_ADMIN, or user name spaces that this user may make): the "
                             "step cannot be shown here, and nothing was made.  Run the tour "
                             "as root to see it."));
      return;
   }
   probe_inside(t, out, &r);
   probe_outside(t, out, &r);
}

/* ---- 9: a header at the head of shared memory ---------------------------- */

typedef struct {
   char magic[8];              /* "MSTOUR1" */
   uint64_t size;              /* of the object */
   uint32_t creator;           /* the process that made it */
   uint32_t header_size;       /* where the data begins */
   char name[40];              /* the object's own name */
} TourHeader;

static int make_header(Tour *t) {
   PlatformHandle fd;
   void *addr;
   if (t->made_hdr)
      platform_shm_remove(t->hdr);
   int rc = platform_shm_create(t->hdr, TOUR_SHM_SIZE, &fd, &addr);
   t->made_hdr = rc == 0;
   if (rc != 0)
      return rc;
   TourHeader h = { .magic = "MSTOUR1", .size = TOUR_SHM_SIZE, .creator = (uint32_t)t->pid,
                    .header_size = sizeof h };
   snprintf(h.name, sizeof h.name, "%.39s", t->hdr);
   memcpy(addr, &h, sizeof h);
   snprintf((char *)addr + sizeof h, 64, "the data after the header");
   platform_unmap(addr, TOUR_SHM_SIZE);
   platform_close(fd);
   return 0;
}

static void field(TourText *out, const unsigned char *b, size_t off, ValuesType type,
                  const char *what) {
   char le[VALUES_TEXT_MAX];
   values_format(type, b + off, TOUR_SHM_SIZE - off, false, le);
   tour_line(out, "    0x%02zx %-4s %-12s %s", off, values_name(type), le, what);
}

static void decode(TourText *out, const unsigned char *b) {
   char text[128], magic[9];
   memcpy(magic, b, 8);
   magic[8] = '\0';
   char *m = escape_dup(magic);
   tour_line(out, "    0x00 %-4s %-12s %s", "char", m ? m : "?", _("magic"));
   free(m);
   field(out, b, offsetof(TourHeader, size), VALUES_U64, _("size of the object"));
   field(out, b, offsetof(TourHeader, creator), VALUES_U32, _("the process that made it"));
   field(out, b, offsetof(TourHeader, header_size), VALUES_U32, _("where the data begins"));
   char name[sizeof ((TourHeader *)0)->name + 1];
   memcpy(name, b + offsetof(TourHeader, name), sizeof name - 1);
   name[sizeof name - 1] = '\0';
   char *shown = escape_dup(name);
   char label[64];                    /* a translated word, padded in columns */
   tour_line(out, "    0x%02zx %-4s %s %s", offsetof(TourHeader, name), "char",
             textwidth_pad(label, sizeof label, _("name"), 12, 0), shown ? shown : "?");
   free(shown);
   uint32_t at;
   memcpy(&at, b + offsetof(TourHeader, header_size), sizeof at);
   if (at < TOUR_SHM_SIZE - 32) {
      tour_preview(b + at, 64, text, sizeof text);
      tour_line(out, _("    the data at 0x%x: %s"), at, text);
   }
}

void tour_step_header(Tour *t, TourText *out) {
   char err[96];
   int rc = make_header(t);
   tour_line(out, ngettext("  %s made with a header of %zu byte at its head",
                           "  %s made with a header of %zu bytes at its head",
                           (unsigned long)sizeof(TourHeader)), t->hdr,
             sizeof(TourHeader));
   if (rc != 0) {
      tour_line(out, "  shm_open = %s", tour_errno(rc, err, sizeof err));
      return;
   }
   PlatformHandle fd;
   PlatformStat st;
   void *addr = NULL;
   rc = platform_open_shm(t->hdr, false, &fd, &st);
   if (rc == 0 && (rc = platform_map(fd, 0, TOUR_SHM_SIZE, PLATFORM_MAP_READ, false, &addr)) != 0)
      platform_close(fd);
   tour_line(out, _("  a reader opens it by name, read-only: shm_open, mmap(PROT_READ) = %s"),
             tour_errno(rc, err, sizeof err));
   if (rc != 0)
      return;
   unsigned char b[TOUR_SHM_SIZE];
   if (platform_guarded_copy(b, addr, sizeof b) == 0) {
      tour_line(out, "%s", _("  the inspector's reading (little-endian):"));
      decode(out, b);
   }
   platform_unmap(addr, TOUR_SHM_SIZE);
   platform_close(fd);
   tour_line(out, _("  On the screen: mapscope shm:%s, then M (the mapping pane) shows these "
                    "values at the cursor."), t->hdr);
}
