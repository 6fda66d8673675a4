/* objects_build.h - the pieces the objects_*.c files share to build the
 * list (not for use outside src/core/objects*.c). */
#ifndef MAPSCOPE_OBJECTS_BUILD_H
#define MAPSCOPE_OBJECTS_BUILD_H

#include "core/objects.h"

/* A new object named NAME (copied), indexed by DEV:INO; NULL when memory
 * runs out. */
Obj *objects_new(ObjList *l, ObjKind kind, const char *name, uint64_t dev, uint64_t ino);
/* Size, owner, mode and the three times from ST (times_known). */
void objects_fill_from_stat(Obj *o, const PlatformStat *st);
/* Index every object again (after rows were removed). */
void objects_reindex(ObjList *l);
/* The device no file system has that indexes System V objects of KIND. */
uint64_t objects_sysv_dev(ObjKind kind);
/* Read the value and waiters of each semaphore in the list. */
void objects_read_sem_values(ObjList *l);

/* Match the lock list's lines to the objects, beside the locks seen on
 * descriptors (objects_locks.c); the lines are used up. */
void objects_resolve_locks(ObjList *l);

#endif
