/* mode_demo.c - --demo: a small scene of named objects to look at.
 *
 * The scene: a data file; a POSIX shm object whose head is a small header
 * (size, name, writer pid, counter); a semaphore the writer takes as a
 * mutex; a semaphore that is also opened and written as the shm object
 * "sem.<x>"; a shm object and a message queue sharing one name (where
 * queues exist); a
 * System V segment; and a child process that bumps the counter a few times
 * a second.  On a terminal the scene is shown in the screen's object list;
 * otherwise it is printed.  Everything is removed on Enter (or quitting the
 * screen), end of input, Ctrl-C, SIGTERM, or when the writer dies; a writer
 * whose parent vanished removes it too. */
#include "config.h"

#include "app/mode_demo.h"
#include "app/diag.h"
#include "app/mode_list.h"
#include "core/gettext.h"
#include "core/objects.h"
#include "core/textwidth.h"
#include "platform/mapping.h"
#include "platform/names.h"
#include "platform/processes.h"
#include "platform/scene.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEMO_SHM_SIZE 4096
#define DEMO_SYSV_SIZE 4096
#define DEMO_DATA_SIZE 65536
#define DEMO_WRITER_MS 200

/* The header at the head of the demo's shm object (all little-endian on the
 * machines we know; mapscope's data inspector reads it either way). */
typedef struct {
   char magic[8];            /* "MSDEMO1" */
   uint64_t size;            /* of the object */
   uint32_t writer_pid;      /* the last process that wrote the counter */
   uint32_t reserved;
   uint64_t counter;         /* bumped by the writer under the mutex */
   char name[32];            /* the object's own name */
} DemoHeader;

typedef struct {
   char base[48];
   char shm[64], mutex[64], clash[64], clash_shm[72], shared[64];
   char data_path[512];
   int parent;
   int shm_fd, clash_fd, shared_fd, mqd, sysv_id, child;
   DemoHeader *hdr;
   void *mutex_sem, *clash_sem, *clash_addr, *shared_addr, *sysv_addr;
   uint32_t sysv_key;
   bool made_data, made_shm, made_mutex, made_clash, made_shared, made_mq, made_sysv;
   bool mq_missing;          /* no message queues on this system */
} Scene;

static void scene_names(Scene *s) {
   memset(s, 0, sizeof *s);
   s->parent = platform_self_pid();
   s->shm_fd = s->clash_fd = s->shared_fd = s->mqd = s->sysv_id = -1;
   snprintf(s->base, sizeof s->base, "mapscope-demo-%d", s->parent);
   snprintf(s->shm, sizeof s->shm, "/%s", s->base);
   snprintf(s->mutex, sizeof s->mutex, "/%s.mutex", s->base);
   snprintf(s->clash, sizeof s->clash, "/%s.clash", s->base);
   snprintf(s->clash_shm, sizeof s->clash_shm, "/sem.%s.clash", s->base);
   snprintf(s->shared, sizeof s->shared, "/%s.shared", s->base);
   snprintf(s->data_path, sizeof s->data_path, "%s/%s.bin", platform_temp_dir(), s->base);
}

/* Remove every name the scene made.  Safe to call twice and from the writer
 * (which then removes what its vanished parent left). */
static void scene_remove(Scene *s) {
   if (s->made_data)
      platform_file_remove(s->data_path);
   if (s->made_shm)
      platform_shm_remove(s->shm);
   if (s->made_mutex)
      platform_sem_remove(s->mutex);
   if (s->made_clash)
      platform_sem_remove(s->clash);
   if (s->made_shared)
      platform_shm_remove(s->shared);
   if (s->made_mq)
      platform_mq_remove(s->shared);
   if (s->made_sysv)
      platform_sysv_shm_remove(s->sysv_id);
   s->made_data = s->made_shm = s->made_mutex = s->made_clash = false;
   s->made_shared = s->made_mq = s->made_sysv = false;
}

static int make_data(Scene *s) {
   char *buf = malloc(DEMO_DATA_SIZE);
   if (!buf)
      return ENOMEM;
   for (size_t i = 0; i < DEMO_DATA_SIZE; i++)
      buf[i] = (char)(i % 64 < 48 ? "mapscope demo data: every line is the same text.\n"[i % 48]
                                  : (char)i);
   int rc = platform_file_create(s->data_path, buf, DEMO_DATA_SIZE);
   free(buf);
   s->made_data = rc == 0;
   return rc;
}

static int make_shm(Scene *s) {
   void *addr;
   int rc = platform_shm_create(s->shm, DEMO_SHM_SIZE, &s->shm_fd, &addr);
   if (rc != 0)
      return rc;
   s->made_shm = true;
   s->hdr = addr;
   memcpy(s->hdr->magic, "MSDEMO1", 8);
   s->hdr->size = DEMO_SHM_SIZE;
   s->hdr->writer_pid = (uint32_t)s->parent;
   snprintf(s->hdr->name, sizeof s->hdr->name, "%.31s", s->shm);
   return 0;
}

/* The semaphore "<x>.clash", reached a second time as shm "sem.<x>.clash"
 * and written through it. */
static int make_clash(Scene *s) {
   int rc = platform_sem_create(s->clash, 0, &s->clash_sem);
   if (rc != 0)
      return rc;
   s->made_clash = true;
   rc = platform_shm_attach(s->clash_shm, (size_t)objects_sem_size(), &s->clash_fd,
                            &s->clash_addr);
   if (rc != 0)
      return rc;
   /* Written as shared memory, over bytes sem_open() leaves 0 (the
    * padding of glibc's sem_t): that, not being opened, is the misuse the
    * list flags (sem-shm). */
   memcpy((char *)s->clash_addr + objects_sem_size() / 2 - 4, "shm!", 4);
   return 0;
}

/* One name, two kinds: shm "<x>.shared" and the queue "<x>.shared". */
static int make_shared(Scene *s) {
   int rc = platform_shm_create(s->shared, DEMO_SHM_SIZE, &s->shared_fd, &s->shared_addr);
   if (rc != 0)
      return rc;
   s->made_shared = true;
   snprintf(s->shared_addr, DEMO_SHM_SIZE, "a shm object whose name a message queue shares\n");
   rc = platform_mq_create(s->shared, &s->mqd);
   s->made_mq = rc == 0;
   s->mq_missing = rc != 0;   /* no mqueue support: the rest of the scene still teaches */
   return 0;
}

static int make_sysv(Scene *s) {
   int rc = 0;
   for (uint32_t i = 0; i < 64; i++) {
      s->sysv_key = 0x4d530000u | (((uint32_t)s->parent + i) & 0xffffu);
      rc = platform_sysv_shm_create(s->sysv_key, DEMO_SYSV_SIZE, &s->sysv_id, &s->sysv_addr);
      if (rc != EEXIST)
         break;
   }
   if (rc != 0)
      return rc;
   s->made_sysv = true;
   snprintf(s->sysv_addr, DEMO_SYSV_SIZE, "a System V segment made by mapscope --demo\n");
   return 0;
}

/* The writer: bumps the counter under the mutex until stopped. */
static void writer(void *ctx) {
   Scene *s = ctx;
   platform_ignore_interrupt();
   uint32_t self = (uint32_t)platform_self_pid();
   for (;;) {
      if (!platform_parent_alive(s->parent)) {
         scene_remove(s);
         return;
      }
      if (platform_sem_wait(s->mutex_sem) == 0) {
         s->hdr->counter++;
         s->hdr->writer_pid = self;
         platform_sem_post(s->mutex_sem);
      }
      platform_sleep_ms(DEMO_WRITER_MS);
   }
}

static int make_mutex(Scene *s) {
   int rc = platform_sem_create(s->mutex, 1, &s->mutex_sem);
   s->made_mutex = rc == 0;
   return rc;
}

/* Build the scene step by step; on failure *WHAT names the step. */
static int scene_build(Scene *s, const char **what) {
   static const struct {
      int (*make)(Scene *);
      const char *what;
   } steps[] = {
      { make_data, N_("the data file") },
      { make_shm, N_("the shared-memory object") },
      { make_mutex, N_("the semaphore") },
      { make_clash, N_("the colliding semaphore") },
      { make_shared, N_("the object sharing a name with a queue") },
      { make_sysv, N_("the System V segment") },
   };
   for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
      int rc = steps[i].make(s);
      if (rc != 0) {
         *what = steps[i].what;
         return rc;
      }
   }
   int rc = platform_spawn(writer, s, &s->child);
   if (rc != 0)
      *what = N_("the writer process");
   return rc;
}

static bool in_scene(const Obj *o, void *ctx) {
   const Scene *s = ctx;
   if (o->kind == OBJ_SYSV_SHM)
      return o->ino == (uint64_t)s->sysv_id;
   return strncmp(o->name, s->base, strlen(s->base)) == 0;
}

/* A label padded to 40 columns (a translated one may be CJK: 2 columns a
 * letter); one buffer, used by one printf at a time. */
static const char *label(const char *text) {
   static char buf[256];
   return textwidth_pad(buf, sizeof buf, text, 40, 0);
}

/* False when standard output failed (its reader went away): nobody reads
 * what the scene is, so it is not kept waiting. */
static bool print_scene(Scene *s) {
   printf(_("mapscope demo (pid %d): the scene is built; the writer (pid %d) bumps the "
            "counter %d times a second.\n\n"), s->parent, s->child, 1000 / DEMO_WRITER_MS);
   printf("  %s mapscope --dump %s\n", label(_("a data file:")), s->data_path);
   printf("  %s mapscope --dump -n 64 shm:%s\n",
          label(_("shm with a header (watch the counter):")), s->shm);
   printf("  %s mapscope --dump sem:%s\n", label(_("a semaphore used as a mutex:")), s->mutex);
   printf("  %s mapscope --dump sem:%s\n", label(_("a semaphore also opened as shm:")), s->clash);
   printf("  %s mapscope --info shm:%s\n", label(_("a name shared by shm and a queue:")), s->shared);
   printf("  %s mapscope --dump sysv:%d\n", label(_("a System V segment:")), s->sysv_id);
   if (s->mq_missing)
      printf(_("  (no message queue: this system has no POSIX message queues)\n"));
   fputc('\n', stdout);
   ObjList l;
   Error e;
   objects_init(&l, platform_page_size());
   l.include_self = true;
   if (objects_scan(&l, &e)) {
      ListFilter flt = { .kinds = OBJ_KINDS_ALL, .pick = in_scene, .ctx = s };
      mode_list_table(stdout, &l, &flt);
   }
   objects_free(&l);
   printf(_("\nPress Enter or Ctrl-C to remove the scene and exit.\n"));
   return fflush(stdout) == 0 && !ferror(stdout);
}

/* Wait for Enter, the end of input, a signal, or the writer's death. */
static int wait_for_end(Scene *s) {
   for (;;) {
      int sig;
      switch (platform_wait_event(250, &sig)) {
      case PLATFORM_EVENT_INPUT:
      case PLATFORM_EVENT_INTERRUPT:
         return 0;
      case PLATFORM_EVENT_CHILD: {
         Error e;
         platform_stop_child(s->child);
         s->child = -1;
         error_set(&e, ERR_DEMO, 0, "%s", _("the writer process ended; the scene is removed"));
         return diag_error(NULL, &e);
      }
      case PLATFORM_EVENT_TIMEOUT:
      default:
         break;
      }
   }
}

/* The screen's check, once a second: is the writer still there? */
static bool writer_alive(void *ctx, Error *e) {
   Scene *s = ctx;
   if (!platform_child_exited(s->child))
      return true;
   s->child = -1;
   error_set(e, ERR_DEMO, 0, "%s", _("the writer process ended; the scene is removed"));
   return false;
}

static int show_scene(Scene *s, const Options *o, DemoScreen screen) {
   char title[128];
   snprintf(title, sizeof title, _("mapscope demo (pid %d, writer %d): q removes the scene"),
            s->parent, s->child);
   ObjTableScope scope = { title, in_scene, true, writer_alive, s };
   int status = screen(o, &scope);
   platform_events_begin();          /* the screen gave the signals back */
   return status;
}

int mode_demo_run(const Options *o, DemoScreen screen) {
   Scene s;
   const char *what = NULL;
   scene_names(&s);
   platform_events_begin();
   int rc = scene_build(&s, &what);
   int status;
   if (rc != 0) {
      Error e;
      error_set(&e, ERR_DEMO, rc, NULL);
      scene_remove(&s);
      if (s.child > 0)
         platform_stop_child(s.child);
      return diag_error(_(what), &e);
   }
   if (screen) {
      status = show_scene(&s, o, screen);
   } else {
      status = print_scene(&s) ? wait_for_end(&s) : diag_stdout_status();
   }
   if (s.child > 0)
      platform_stop_child(s.child);
   scene_remove(&s);
   return status;
}
