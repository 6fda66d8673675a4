/* objects.c - the named-object list and its dev:inode index. */
#include "config.h"

#include "core/objects.h"
#include "core/objects_build.h"
#include "core/source.h"
#include "core/grow.h"

#include <stdlib.h>
#include <string.h>

void objects_init(ObjList *l, size_t page_size) {
   memset(l, 0, sizeof *l);
   l->page_size = page_size ? page_size : 4096;
}

void objects_free(ObjList *l) {
   for (size_t i = 0; i < l->n; i++) {
      free(l->v[i].name);
      free(l->v[i].att);
      free(l->v[i].locks);
      free(l->v[i].backing);
      if (l->v[i].block)
         platform_blockdev_users_free(l->v[i].block);
      free(l->v[i].block);
   }
   for (size_t i = 0; i < l->ncomms; i++)
      free(l->comms[i]);
   free(l->comms);
   free(l->comm_pids);
   free(l->lockrecs);
   free(l->denied);
   free(l->v);
   free(l->hkeys_dev);
   free(l->hkeys_ino);
   free(l->hvals);
   memset(l, 0, sizeof *l);
}

static size_t hash_slot(uint64_t dev, uint64_t ino, size_t cap) {
   uint64_t h = (dev * UINT64_C(0x9e3779b97f4a7c15)) ^ (ino * UINT64_C(0xc2b2ae3d27d4eb4f));
   h ^= h >> 29;
   return (size_t)(h & (cap - 1));
}

static void hash_put(ObjList *l, uint64_t dev, uint64_t ino, size_t idx) {
   size_t s = hash_slot(dev, ino, l->hcap);
   while (l->hvals[s] && !(l->hkeys_dev[s] == dev && l->hkeys_ino[s] == ino))
      s = (s + 1) & (l->hcap - 1);
   l->hkeys_dev[s] = dev;
   l->hkeys_ino[s] = ino;
   l->hvals[s] = idx + 1;
}

static bool hash_grow(ObjList *l) {
   size_t cap = l->hcap ? l->hcap * 2 : 256;
   uint64_t *kd = calloc(cap, sizeof *kd), *ki = calloc(cap, sizeof *ki);
   size_t *hv = calloc(cap, sizeof *hv);
   if (!kd || !ki || !hv) {
      free(kd);
      free(ki);
      free(hv);
      return false;
   }
   free(l->hkeys_dev);
   free(l->hkeys_ino);
   free(l->hvals);
   l->hkeys_dev = kd;
   l->hkeys_ino = ki;
   l->hvals = hv;
   l->hcap = cap;
   for (size_t i = 0; i < l->n; i++)
      hash_put(l, l->v[i].dev, l->v[i].ino, i);
   return true;
}

void objects_reindex(ObjList *l) {
   if (l->hcap == 0)
      return;
   memset(l->hvals, 0, l->hcap * sizeof *l->hvals);
   for (size_t i = 0; i < l->n; i++)
      hash_put(l, l->v[i].dev, l->v[i].ino, i);
}

Obj *objects_find(const ObjList *l, uint64_t dev, uint64_t ino) {
   if (l->hcap == 0)
      return NULL;
   size_t s = hash_slot(dev, ino, l->hcap);
   while (l->hvals[s]) {
      if (l->hkeys_dev[s] == dev && l->hkeys_ino[s] == ino)
         return &l->v[l->hvals[s] - 1];
      s = (s + 1) & (l->hcap - 1);
   }
   return NULL;
}

uint64_t objects_sysv_dev(ObjKind kind) {
   return kind == OBJ_SYSV_SHM ? SOURCE_DEV_SYSV_SHM
          : kind == OBJ_SYSV_SEM ? SOURCE_DEV_SYSV_SEM : SOURCE_DEV_SYSV_MSG;
}

Obj *objects_find_sysv(const ObjList *l, ObjKind kind, int id) {
   return objects_find(l, objects_sysv_dev(kind), (uint64_t)(unsigned)id);
}

/* A new object, indexed by DEV:INO.  NULL when memory runs out. */
Obj *objects_new(ObjList *l, ObjKind kind, const char *name, uint64_t dev, uint64_t ino) {
   Obj *v = grow_for_one(l->v, &l->cap, l->n, sizeof *v, 64);
   if (!v)
      return NULL;
   l->v = v;
   if ((l->n + 1) * 2 > l->hcap && !hash_grow(l))
      return NULL;
   char *copy = strdup(name ? name : "");
   if (!copy)
      return NULL;
   Obj *o = &l->v[l->n];
   memset(o, 0, sizeof *o);
   o->kind = kind;
   o->name = copy;
   o->dev = dev;
   o->ino = ino;
   hash_put(l, dev, ino, l->n);
   l->n++;
   return o;
}

void objects_fill_from_stat(Obj *o, const PlatformStat *st) {
   o->size = st->size;
   o->size_known = st->kind == PLATFORM_KIND_REGULAR;   /* a FIFO's 0 is no size */
   o->file_kind = st->kind;
   o->uid = st->uid;
   o->gid = st->gid;
   o->mode = st->mode;
   o->atime = st->atime_sec;
   o->mtime = st->mtime_sec;
   o->ctime = st->ctime_sec;
   o->stat_times = true;
}

Obj *objects_add_file(ObjList *l, const char *name, const PlatformStat *st) {
   Obj *o = objects_find(l, st->dev, st->ino);
   if (o)
      return o;
   o = objects_new(l, OBJ_FILE, name, st->dev, st->ino);
   if (o)
      objects_fill_from_stat(o, st);
   return o;
}
