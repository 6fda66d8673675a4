/* objects_flags.c - what is odd about an object: a semaphore used as shared
 * memory, a name shared by several objects, a mapping past the end, an
 * object removed but still held; and whether its holders are all known. */
#include "config.h"

#include "core/objects.h"
#include "core/objects_build.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A semaphore's object sized or written as shared memory: its size is not
 * a sem_t's, or its bytes are no semaphore's.  Being mapped or held open
 * says nothing: sem_open() maps it read-write, and a viewer (mapscope
 * itself) maps it read-only or holds a descriptor without misusing it. */
static bool used_as_shm(const Obj *o) {
   return (o->size_known && o->size != objects_sem_size()) || o->sem_bytes_bad;
}

static bool maps_past_end(const ObjList *l, const Obj *o) {
   if (!o->size_known || o->max_mapped == 0)
      return false;
   if (o->kind == OBJ_MQ || o->kind == OBJ_SYSV_SEM || o->kind == OBJ_SYSV_MSG)
      return false;
   uint64_t pages = (o->size + l->page_size - 1) / l->page_size * l->page_size;
   return o->max_mapped > pages;
}

static void flag_each(ObjList *l) {
   for (size_t i = 0; i < l->n; i++) {
      Obj *o = &l->v[i];
      if (o->kind == OBJ_SEM && used_as_shm(o))
         o->flags |= OBJ_FLAG_SEM_SHM;
      if (maps_past_end(l, o))
         o->flags |= OBJ_FLAG_SIZE_MISMATCH;
      if (o->kind == OBJ_SYSV_SHM ? o->removed && o->nattch > 0 : o->removed && o->natt > 0)
         o->flags |= OBJ_FLAG_REMOVED;
      for (size_t j = 0; j < o->nlocks; j++)
         if (!o->locks[j].lock.waiting)
            o->flags |= OBJ_FLAG_LOCKED;
   }
}

static bool has_portable_name(const Obj *o) {
   return (o->kind == OBJ_SHM || o->kind == OBJ_SEM || o->kind == OBJ_MQ) && !o->removed;
}

static const ObjList *sort_list;

static int by_name(const void *a, const void *b) {
   return strcmp(sort_list->v[*(const size_t *)a].name, sort_list->v[*(const size_t *)b].name);
}

/* Sort the objects that PICK selects with CMP; flag every run of two or more
 * equal ones of mixed kinds with FLAG. */
static void flag_groups(ObjList *l, bool (*pick)(const Obj *), int (*cmp)(const void *, const void *),
                        unsigned flag) {
   size_t *idx = malloc((l->n ? l->n : 1) * sizeof *idx), m = 0;
   if (!idx)
      return;
   for (size_t i = 0; i < l->n; i++)
      if (pick(&l->v[i]))
         idx[m++] = i;
   sort_list = l;
   qsort(idx, m, sizeof *idx, cmp);
   for (size_t i = 0; i < m;) {
      size_t j = i + 1;
      bool mixed = false;
      while (j < m && cmp(&idx[i], &idx[j]) == 0) {
         mixed |= l->v[idx[j]].kind != l->v[idx[i]].kind;
         j++;
      }
      if (j - i > 1 && mixed)
         for (size_t k = i; k < j; k++)
            l->v[idx[k]].flags |= flag;
      i = j;
   }
   free(idx);
}

/* Processes that could not be inspected because access was refused (not
 * those that exited during the scan: they hold nothing any more). */
static bool some_refused(const ObjList *l) {
   for (unsigned i = 0; i < l->procs_denied; i++)
      if (l->denied[i].err != ESRCH)
         return true;
   return false;
}

/* Whether O's holders may be missing.  A System V segment's nattch counts
 * every attachment (this process's own left out): more than the mappings
 * seen, and some are hidden.  Semaphore sets and System V queues are held
 * by nobody.  Anything else: nothing seen while processes were refused. */
static bool holders_unknown(const Obj *o, bool refused) {
   switch (o->kind) {
   case OBJ_SYSV_SHM: {
      unsigned self = platform_sysv_shm_self_attached((int)o->ino);
      unsigned others = self <= o->nattch ? o->nattch - self : 0;
      size_t seen = 0;
      for (size_t i = 0; i < o->natt; i++)
         seen += o->att[i].mapped;
      return others > seen;
   }
   case OBJ_SYSV_SEM:
   case OBJ_SYSV_MSG:
      return false;
   default:
      return refused && o->natt == 0;
   }
}

void objects_finish(ObjList *l) {
   bool refused = some_refused(l);
   for (size_t i = 0; i < l->n; i++) {
      l->v[i].flags = 0;
      l->v[i].holders_unknown = holders_unknown(&l->v[i], refused);
   }
   objects_resolve_locks(l);
   flag_each(l);
   flag_groups(l, has_portable_name, by_name, OBJ_FLAG_NAME_COLLISION);
}
