/* objects_sysv.c - System V objects from the platform's records. */
#include "config.h"

#include "core/objects.h"
#include "core/objects_build.h"

static const ObjKind sysv_kinds[] = {
   [PLATFORM_SYSV_SHM] = OBJ_SYSV_SHM,
   [PLATFORM_SYSV_SEM] = OBJ_SYSV_SEM,
   [PLATFORM_SYSV_MSG] = OBJ_SYSV_MSG,
};

bool objects_add_sysv(ObjList *l, const PlatformSysvRecord *r) {
   if ((unsigned)r->kind >= sizeof sysv_kinds / sizeof sysv_kinds[0] || r->id < 0)
      return false;
   ObjKind kind = sysv_kinds[r->kind];
   uint64_t dev = objects_sysv_dev(kind), ino = (uint64_t)(unsigned)r->id;
   Obj *o = objects_new(l, kind, "", dev, ino);
   if (!o)
      return false;
   bool sem = kind == OBJ_SYSV_SEM;     /* a set of semaphores: no bytes */
   *o = (Obj){ .kind = kind, .name = o->name, .size = sem ? 0 : r->size, .size_known = !sem,
               .nsems = sem ? (unsigned)(r->size > UINT32_MAX ? UINT32_MAX : r->size) : 0,
               .uid = r->uid, .gid = r->gid, .mode = r->mode, .atime = r->atime,
               .mtime = r->mtime, .ctime = r->ctime, .dev = dev, .ino = ino, .key = r->key,
               .cpid = r->cpid, .lpid = r->lpid, .cuid = r->cuid,
               .nattch = r->nattch > UINT32_MAX ? UINT32_MAX : (unsigned)r->nattch,
               .messages = r->messages, .removed = r->removed };
   return true;
}
