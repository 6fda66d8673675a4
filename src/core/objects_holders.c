/* objects_holders.c - who holds the objects: the processes, their
 * descriptors and their mappings, matched by device and inode, never by
 * path.  Objects seen only through a holder (a memfd, a shm object
 * unlinked while held) are added here. */
#include "config.h"

#include "core/objects.h"
#include "core/objects_build.h"
#include "core/grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void objects_begin_process(ObjList *l, int pid, const char *comm) {
   l->cur_pid = pid;
   l->cur_comm = "?";
   l->procs_scanned++;
   if (l->ncomms == l->comms_cap) {
      size_t cap = l->comms_cap ? l->comms_cap * 2 : 128;
      char **v = realloc(l->comms, cap * sizeof *v);
      if (!v)
         return;
      l->comms = v;
      int *p = realloc(l->comm_pids, cap * sizeof *p);
      if (!p)
         return;
      l->comm_pids = p;
      l->comms_cap = cap;
   }
   char *c = strdup(comm ? comm : "");
   if (!c)
      return;
   l->comm_pids[l->ncomms] = pid;
   l->comms[l->ncomms++] = c;
   l->cur_comm = c;
}

void objects_process_denied(ObjList *l, int pid, const char *comm, int err, const char *why) {
   ObjDenied *v = grow_for_one(l->denied, &l->denied_cap, l->procs_denied, sizeof *v, 8);
   if (!v)
      return;
   l->denied = v;
   ObjDenied *d = &l->denied[l->procs_denied++];
   d->pid = pid;
   d->err = err;
   snprintf(d->comm, sizeof d->comm, "%s", comm ? comm : "");
   snprintf(d->why, sizeof d->why, "%s", why ? why : "");
}

static void add_attacher(ObjList *l, Obj *o, int pid, const ObjAttacher *a) {
   ObjAttacher *v = grow_for_one(o->att, &o->att_cap, o->natt, sizeof *v, 4);
   if (!v)
      return;
   o->att = v;
   ObjAttacher *dst = &o->att[o->natt++];
   *dst = *a;
   dst->pid = pid;
   dst->comm = pid == l->cur_pid ? l->cur_comm : "?";
}


/* The last component of PATH: the name of a shm object in its directory. */
static const char *base_name(const char *path) {
   const char *slash = strrchr(path, '/');
   return slash ? slash + 1 : path;
}

/* A descriptor or mapping whose object is not in any name space yet:
 * a memfd, or a POSIX shm object that was unlinked while held. */
static Obj *object_for_unknown(ObjList *l, uint64_t dev, uint64_t ino, const PlatformBacking *b) {
   if (b->kind == PLATFORM_BACKING_MEMFD)
      return objects_new(l, OBJ_MEMFD, b->name, dev, ino);
   if (b->kind != PLATFORM_BACKING_FILE || !b->deleted || !l->info.shm_present
       || dev != l->info.shm_dev)
      return NULL;
   const char *name = base_name(b->name);
   bool sem = strncmp(name, "sem.", 4) == 0;
   Obj *o = objects_new(l, sem ? OBJ_SEM : OBJ_SHM, sem ? name + 4 : name, dev, ino);
   if (o)
      o->removed = true;
   return o;
}

/* A file given to --info by a holder's descriptor path turns out to be a
 * memfd (or an unlinked shm object): name it as the list does. */
static void upgrade_file(ObjList *l, Obj *o, const PlatformBacking *b) {
   bool memfd = b->kind == PLATFORM_BACKING_MEMFD;
   if (!memfd && (b->kind != PLATFORM_BACKING_FILE || !l->info.shm_present
                  || o->dev != l->info.shm_dev))
      return;
   char *copy = strdup(memfd ? b->name : base_name(b->name));
   if (!copy)
      return;
   free(o->name);
   o->name = copy;
   o->kind = memfd ? OBJ_MEMFD : OBJ_SHM;
   o->removed = !memfd;
}

void objects_add_process_fd(ObjList *l, int pid, const PlatformFdRecord *f) {
   Obj *o = objects_find(l, f->st.dev, f->st.ino);
   if (o && o->kind == OBJ_FILE && f->backing.deleted)
      upgrade_file(l, o, &f->backing);
   if (!o) {
      o = object_for_unknown(l, f->st.dev, f->st.ino, &f->backing);
      if (!o)
         return;
      objects_fill_from_stat(o, &f->st);
   }
   ObjAttacher a = { .mapped = false, .fd = f->fd };
   add_attacher(l, o, pid, &a);
}

/* A System V segment's mapping: its inode is the segment id, in a device
 * learned from the first such mapping (the kernel's shm file system). */
static Obj *object_for_mapping(ObjList *l, const PlatformRegion *r) {
   if (r->backing.kind == PLATFORM_BACKING_SYSV && (l->sysv_dev == 0 || l->sysv_dev == r->dev)) {
      Obj *o = objects_find_sysv(l, OBJ_SYSV_SHM, (int)r->inode);
      if (o)
         l->sysv_dev = r->dev;
      return o;
   }
   Obj *o = objects_find(l, r->dev, r->inode);
   if (!o)
      o = object_for_unknown(l, r->dev, r->inode, &r->backing);
   return o;
}

void objects_add_process_map(ObjList *l, int pid, const PlatformRegion *r) {
   if (r->inode == 0)
      return;
   Obj *o = object_for_mapping(l, r);
   if (!o)
      return;
   ObjAttacher a = { .mapped = true, .fd = -1, .start = r->start, .end = r->end,
                     .offset = r->offset };
   memcpy(a.perms, r->perms, sizeof a.perms);
   add_attacher(l, o, pid, &a);
   uint64_t reach = r->offset + (r->end - r->start);
   if (reach > o->max_mapped)
      o->max_mapped = reach;
}
