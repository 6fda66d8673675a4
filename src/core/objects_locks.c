/* objects_locks.c - file locks on the objects and who holds them.
 *
 * The platform reports the machine's lock list (one line per lock, with
 * the pid the kernel keeps for it) and, for the descriptors of locked
 * files, the locks each descriptor holds.  A descriptor is the truth about
 * a holder: an OFD lock's line has pid -1 and a flock lock's line the pid
 * that took it, which may have exited while a child holds the lock on.  A
 * line no descriptor showed (its holders could not be inspected) is kept
 * with the line's pid, saying so; waiters come from the lines only. */
#include "config.h"

#include "core/objects.h"
#include "core/objects_build.h"
#include "platform/processes.h"
#include "core/grow.h"

#include <stdlib.h>
#include <string.h>

void objects_add_lock(ObjList *l, const PlatformLockRecord *r) {
   PlatformLockRecord *v = grow_for_one(l->lockrecs, &l->lockrecs_cap, l->nlockrecs, sizeof *v, 16);
   if (!v)
      return;
   l->lockrecs = v;
   l->lockrecs[l->nlockrecs++] = *r;
}

/* The same lock: everything but the line's number and the waiter mark. */
static bool same_lock(const PlatformLockRecord *a, const PlatformLockRecord *b) {
   return a->kind == b->kind && a->type == b->type && a->mandatory == b->mandatory
          && a->pid == b->pid && a->dev == b->dev && a->ino == b->ino && a->start == b->start
          && a->end == b->end && a->to_eof == b->to_eof;
}

/* PID's command as the list keeps it (COMM added when it has none);
 * "?" when not known. */
static const char *comm_of(ObjList *l, int pid, const char *comm) {
   if (pid == l->cur_pid && l->cur_comm)
      return l->cur_comm;
   for (size_t i = 0; i < l->ncomms; i++)
      if (l->comm_pids[i] == pid)
         return l->comms[i];
   if (!comm || pid <= 0)
      return "?";
   int cur_pid = l->cur_pid;
   const char *cur_comm = l->cur_comm;
   unsigned scanned = l->procs_scanned;
   objects_begin_process(l, pid, comm);       /* keeps it, without counting it */
   const char *kept = l->cur_comm;
   l->cur_pid = cur_pid;
   l->cur_comm = cur_comm;
   l->procs_scanned = scanned;
   return kept;
}

static ObjLock *new_lock(Obj *o) {
   if (o->nlocks == o->locks_cap) {
      size_t cap = o->locks_cap ? o->locks_cap * 2 : 4;
      ObjLock *v = realloc(o->locks, cap * sizeof *v);
      if (!v)
         return NULL;
      o->locks = v;
      o->locks_cap = cap;
   }
   ObjLock *k = &o->locks[o->nlocks++];
   memset(k, 0, sizeof *k);
   return k;
}

void objects_add_process_lock(ObjList *l, int pid, const char *comm, bool self, int fd,
                              const PlatformLockRecord *r) {
   Obj *o = r->has_inode ? objects_find(l, r->dev, r->ino) : NULL;
   if (!o)
      return;
   for (size_t i = 0; i < o->nlocks; i++)      /* dup()ed descriptors show it again */
      if (o->locks[i].pid == pid && same_lock(&o->locks[i].lock, r))
         return;
   ObjLock *k = new_lock(o);
   if (!k)
      return;
   k->lock = *r;
   k->lock.waiting = false;
   k->pid = pid;
   k->comm = comm_of(l, pid, comm);
   k->fd = fd;
   k->self = self;
   k->seen_on_fd = true;
}

static bool seen_on_a_fd(const Obj *o, const PlatformLockRecord *r) {
   for (size_t i = 0; i < o->nlocks; i++)
      if (o->locks[i].seen_on_fd && same_lock(&o->locks[i].lock, r))
         return true;
   return false;
}

/* A line no descriptor showed: the holder is the line's pid, as far as it
 * says one (an OFD lock's -1 says none). */
static void add_from_line(ObjList *l, Obj *o, const PlatformLockRecord *r) {
   ObjLock *k = new_lock(o);
   if (!k)
      return;
   k->lock = *r;
   k->pid = r->pid > 0 ? r->pid : 0;
   k->comm = comm_of(l, k->pid, NULL);
   k->fd = -1;
   k->self = k->pid > 0 && k->pid == platform_self_pid();
}

void objects_resolve_locks(ObjList *l) {
   for (int waiters = 0; waiters < 2; waiters++)      /* held first, then waiting */
      for (size_t i = 0; i < l->nlockrecs; i++) {
         const PlatformLockRecord *r = &l->lockrecs[i];
         Obj *o = r->has_inode ? objects_find(l, r->dev, r->ino) : NULL;
         if (o && r->waiting == (waiters == 1) && (r->waiting || !seen_on_a_fd(o, r)))
            add_from_line(l, o, r);
      }
   l->nlockrecs = 0;
}
