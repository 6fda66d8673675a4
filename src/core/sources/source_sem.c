/* source_sem.c - the object behind a POSIX named semaphore: sem:NAME.
 *
 * glibc keeps sem_open("/x") as the shared-memory object "/sem.x" holding
 * one sem_t (32 bytes on 64-bit machines), so the semaphore opens, maps and
 * reads exactly as a shm object of that name does. */
#include "config.h"

#include "core/source.h"
#include "core/escape.h"
#include "core/gettext.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool sem_open_source(Source *s, const char *name, bool writable, Error *e) {
   char *bare = source_shm_normalize_name(name, e);
   if (!bare) {
      if (e->code == ERR_BAD_NAME)
         e->code = ERR_BAD_SEM_NAME;     /* the same rules, said of a semaphore */
      return false;
   }
   size_t n = strlen(bare);
   if (n - 1 + 4 > SOURCE_SHM_NAME_MAX) {          /* glibc names the file "sem.NAME" */
      free(bare);
      error_set(e, ERR_BAD_SEM_NAME, 0, "%s",
                _("a semaphore name is at most 251 bytes (the object is named sem.NAME)"));
      return false;
   }
   s->name = malloc(n + 5);
   if (!s->name) {
      free(bare);
      error_set(e, ERR_OPEN, ENOMEM, NULL);
      return false;
   }
   memcpy(s->name, "/sem.", 5);
   memcpy(s->name + 5, bare + 1, n);
   char missing[600];
   snprintf(missing, sizeof missing, _("no semaphore %s: no shared-memory object %s"), bare, s->name);
   free(bare);
   return source_shm_attach(s, writable, missing, e);
}

/* glibc's semaphore is a shm object; Windows' is a kernel object with no
 * bytes to map. */
static void sem_life(const Source *s, size_t len, SourceLife *out) {
   char name[160];
   source_fd_describe_life(s, len, out);
   source_life_open_shm(s, s->name + 1, out);
   escape_into(name, sizeof name, s->name + 5);      /* "/sem.NAME" */
   SourceLifeStep *o = &out->step[SOURCE_STAGE_OPEN];
   snprintf(o->windows, sizeof o->windows,
            "OpenSemaphore(SEMAPHORE_ALL_ACCESS, FALSE, \"%s\")", name);
   snprintf(o->note, sizeof o->note, "%s",
            _("sem_open() is shm_open(\"/sem.NAME\") + mmap() of one sem_t; a Windows "
              "semaphore is a kernel object with no bytes to map"));
   snprintf(out->step[SOURCE_STAGE_CLOSE].windows, sizeof out->step[SOURCE_STAGE_CLOSE].windows,
            "CloseHandle(hSem)");
}

const SourceOps source_sem_ops = {
   .kind = N_("POSIX semaphore"),
   .prefix = "sem:",
   .caps = SOURCE_CAN_MAP | SOURCE_CAN_READ | SOURCE_CAN_EDIT | SOURCE_CAN_JOURNAL
           | SOURCE_CAN_LOCK | SOURCE_CAN_LIVE | SOURCE_CAN_HOLES,
   .open = sem_open_source,
   SOURCE_FD_OPS(source_fd_next_data),
   .look = source_look_shm,
   .describe_life = sem_life,
};
