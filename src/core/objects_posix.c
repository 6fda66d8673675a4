/* objects_posix.c - POSIX shared memory, semaphores and message queues
 * from their name spaces, and the values of the semaphores. */
#include "config.h"

#include "core/objects.h"
#include "core/objects_build.h"

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
   o->size_known = pe->mq_known;
   if (pe->mq_known) {
      o->size = pe->mq.qsize;
      o->notify_pid = pe->mq.notify_pid;
      o->notify_signo = pe->mq.notify_signo;
   }
}

size_t objects_sem_size(void) {
   return platform_sem_size();
}

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
      if (platform_open_shm(name, false, &fd, &st) != 0)
         continue;
      if (st.dev == o->dev && st.ino == o->ino
          && platform_read_at(fd, b, objects_sem_size(), 0, &got) == 0)
         o->have_value = platform_sem_decode(b, got, platform_sem_layout64(), &o->sem_value,
                                            &o->sem_waiters);
      platform_close(fd);
   }
}

