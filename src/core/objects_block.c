/* objects_block.c - block devices as rows of the object list (the kind
 * "blockdev", listed only when asked for): each whole device that is
 * mounted, held (its own holders or its partitions'), or open by a
 * process, with its mount points, holders and, for a loop device, its
 * backing file.  A row is keyed by its node's device and inode, so that a
 * process's descriptor of that node is its holder; a device without a node
 * in the platform's device directory is keyed by its device number. */
#include "config.h"

#include "core/objects.h"
#include "core/objects_build.h"

#include <stdlib.h>
#include <string.h>

static void add_one(ObjList *l, PlatformBlockDev *b) {
   bool node = b->node != NULL;
   Obj *o = objects_new(l, OBJ_BLOCK, node ? b->node : b->name, node ? b->node_st.dev : 0,
                        node ? b->node_st.ino : b->rdev);
   if (!o)
      return;
   PlatformBlockUsers *u = malloc(sizeof *u);
   if (!u)
      return;
   *u = b->users;                     /* the row takes them over */
   memset(&b->users, 0, sizeof b->users);
   o->block = u;
   o->backing = b->backing;
   b->backing = NULL;
   if (node)
      objects_fill_from_stat(o, &b->node_st);
   o->size = b->size;
   o->size_known = true;
}

void objects_add_blockdevs(ObjList *l) {
   PlatformBlockDevs devs;
   if (platform_blockdevs(&devs) == 0)
      for (size_t i = 0; i < devs.n; i++)
         add_one(l, &devs.v[i]);
   platform_blockdevs_free(&devs);
}

static bool idle(const Obj *o) {
   return o->kind == OBJ_BLOCK && o->natt == 0 && o->nlocks == 0
          && (!o->block || !platform_blockdev_in_use(o->block));
}

void objects_drop_idle_blockdevs(ObjList *l) {
   size_t kept = 0;
   for (size_t i = 0; i < l->n; i++) {
      Obj *o = &l->v[i];
      if (idle(o)) {
         free(o->name);
         free(o->att);
         free(o->locks);
         free(o->backing);
         if (o->block)
            platform_blockdev_users_free(o->block);
         free(o->block);
         continue;
      }
      l->v[kept++] = *o;
   }
   l->n = kept;
   objects_reindex(l);
}
