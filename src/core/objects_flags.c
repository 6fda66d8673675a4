/* objects_flags.c - what is odd about an object: a semaphore used as shared
 * memory, a key or a name shared by several objects, a mapping past the
 * end, an object removed but still held. */
#include "config.h"

#include "core/objects.h"
#include "core/objects_build.h"

#include <stdlib.h>
#include <string.h>

/* sem_open() maps the whole object read-write and shared at offset 0 and
 * closes its descriptor: anything else is a use as shared memory. */
static bool used_as_shm(const Obj *o) {
   if (o->size_known && o->size != objects_sem_size())
      return true;
   for (size_t i = 0; i < o->natt; i++) {
      const ObjAttacher *a = &o->att[i];
      if (!a->mapped || a->offset != 0 || strcmp(a->perms, "rw-s") != 0)
         return true;
   }
   return false;
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

static bool is_keyed(const Obj *o) {
   return (o->kind == OBJ_SYSV_SHM || o->kind == OBJ_SYSV_SEM || o->kind == OBJ_SYSV_MSG)
          && o->key != 0;
}

static const ObjList *sort_list;

static int by_name(const void *a, const void *b) {
   return strcmp(sort_list->v[*(const size_t *)a].name, sort_list->v[*(const size_t *)b].name);
}

static int by_key(const void *a, const void *b) {
   uint32_t ka = sort_list->v[*(const size_t *)a].key, kb = sort_list->v[*(const size_t *)b].key;
   return ka < kb ? -1 : ka > kb;
}

/* Sort the objects that PICK selects with CMP; flag every run of two or more
 * equal ones with FLAG (when ANY_KIND is false, only runs of mixed kinds). */
static void flag_groups(ObjList *l, bool (*pick)(const Obj *), int (*cmp)(const void *, const void *),
                        unsigned flag, bool any_kind) {
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
      if (j - i > 1 && (any_kind || mixed))
         for (size_t k = i; k < j; k++)
            l->v[idx[k]].flags |= flag;
      i = j;
   }
   free(idx);
}

void objects_finish(ObjList *l) {
   for (size_t i = 0; i < l->n; i++)
      l->v[i].flags = 0;
   objects_resolve_locks(l);
   flag_each(l);
   flag_groups(l, has_portable_name, by_name, OBJ_FLAG_NAME_COLLISION, false);
   flag_groups(l, is_keyed, by_key, OBJ_FLAG_KEY_REUSE, true);
}
