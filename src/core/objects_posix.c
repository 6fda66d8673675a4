/* objects_posix.c - POSIX shared memory, semaphores and message queues
 * from their name spaces, and the values of the semaphores. */
#include "config.h"

#include "core/objects.h"
#include "core/objects_build.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

void objects_add_shm_entry(ObjList *l, const PlatformEntry *pe) {
   bool sem = strncmp(pe->name, "sem.", 4) == 0 && pe->name[4] != '\0';
   Obj *o = objects_new(l, sem ? OBJ_SEM : OBJ_SHM, sem ? pe->name + 4 : pe->name,
                    pe->st.dev, pe->st.ino);
   if (!o)
      return;
   objects_fill_from_stat(o, &pe->st);
}

void objects_add_mq_entry(ObjList *l, const PlatformEntry *pe) {
   Obj *o = objects_new(l, OBJ_MQ, pe->name, pe->st.dev, pe->st.ino);
   if (!o)
      return;
   objects_fill_from_stat(o, &pe->st);
   o->size = 0;             /* the bytes queued are only in the file's text */
   o->size_known = false;
   o->mq_known = pe->mq_known;
   o->mq_denied = !pe->mq_known && pe->mq_err == EACCES;
   if (pe->mq_known) {
      o->messages = pe->mq.messages;
      o->mq_maxmsg = pe->mq.maxmsg;
      o->mq_msgsize = pe->mq.msgsize;
   }
}

size_t objects_sem_size(void) {
   return platform_sem_size();
}

void objects_sem_bytes(Obj *o, const unsigned char *b, size_t n) {
   o->have_value = platform_sem_decode(b, n, platform_sem_layout64(), &o->sem_value,
                                       &o->sem_waiters);
   o->sem_bytes_bad = !o->have_value;
}

/* Read through a descriptor that leaves the access time alone: looking
 * changes nothing (where that is not allowed, the value stays unknown). */
void objects_read_sem_values(ObjList *l) {
   for (size_t i = 0; i < l->n; i++) {
      Obj *o = &l->v[i];
      if (o->kind != OBJ_SEM || o->removed || o->size != objects_sem_size())
         continue;
      char name[300];
      unsigned char b[32];
      int fd;
      size_t got = 0;
      PlatformStat st;
      snprintf(name, sizeof name, "/sem.%s", o->name);
      int rc = platform_open_shm_quiet(name, &fd, &st);
      o->sem_unread = rc == EPERM;
      if (rc != 0)
         continue;
      if (st.dev == o->dev && st.ino == o->ino && st.size == objects_sem_size()
          && platform_read_at(fd, b, objects_sem_size(), 0, &got) == 0
          && got == objects_sem_size())
         objects_sem_bytes(o, b, got);
      platform_close(fd);
   }
}
