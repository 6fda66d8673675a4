/* objects_scan.c - one scan of the machine: the platform's records into
 * the list, then the flags. */
#include "config.h"

#include "core/objects.h"
#include "core/objects_build.h"

static void sink_shm(void *ctx, const PlatformEntry *e) { objects_add_shm_entry(ctx, e); }
static void sink_mq(void *ctx, const PlatformEntry *e) { objects_add_mq_entry(ctx, e); }
static void sink_sysv(void *ctx, const PlatformSysvRecord *r) { objects_add_sysv(ctx, r); }
static void sink_process(void *ctx, int pid, const char *comm) {
   objects_begin_process(ctx, pid, comm);
}
static void sink_fd(void *ctx, int pid, const PlatformFdRecord *f) {
   objects_add_process_fd(ctx, pid, f);
}
static void sink_map(void *ctx, int pid, const PlatformRegion *r) {
   objects_add_process_map(ctx, pid, r);
}
static void sink_lock(void *ctx, const PlatformLockRecord *r) { objects_add_lock(ctx, r); }
static void sink_process_lock(void *ctx, int pid, const char *comm, bool self, int fd,
                              const PlatformLockRecord *r) {
   objects_add_process_lock(ctx, pid, comm, self, fd, r);
}
static void sink_denied(void *ctx, int pid, const char *comm, int err, const char *why) {
   objects_process_denied(ctx, pid, comm, err, why);
}

/* Objects seen only as mappings (a memfd whose descriptor is closed). */
static void stat_unsized(ObjList *l) {
   for (size_t i = 0; i < l->n; i++) {
      Obj *o = &l->v[i];
      for (size_t j = 0; !o->size_known && j < o->natt; j++) {
         PlatformStat st;
         const ObjAttacher *a = &o->att[j];
         if (a->mapped && platform_stat_mapping(a->pid, a->start, a->end, &st) == 0
             && st.dev == o->dev && st.ino == o->ino)
            objects_fill_from_stat(o, &st);
      }
   }
}

bool objects_scan_target(ObjList *l, const char *name, const PlatformStat *target, Error *e) {
   PlatformObjectsSink sink = { l, sink_shm, sink_mq, sink_sysv, sink_process, sink_fd,
                                sink_map, sink_denied, sink_lock, sink_process_lock };
   int rc = platform_objects_scan(&sink, PLATFORM_SCAN_NAMES, &l->info);
   PlatformObjectsInfo names = l->info;
   if (rc == 0) {
      objects_read_sem_values(l);
      if (l->scan_block)
         objects_add_blockdevs(l);
      if (target && !objects_find(l, target->dev, target->ino))
         objects_add_file(l, name, target);
      unsigned what = PLATFORM_SCAN_PROCESSES | (l->include_self ? PLATFORM_SCAN_SELF : 0);
      rc = platform_objects_scan(&sink, what, &l->info);
   }
   names.shm_present = l->info.shm_present;
   names.shm_dev = l->info.shm_dev;
   l->info = names;
   if (rc != 0) {
      error_set(e, ERR_SCAN, rc, NULL);
      return false;
   }
   if (l->scan_block)
      objects_drop_idle_blockdevs(l);
   stat_unsized(l);
   objects_finish(l);
   return true;
}

bool objects_scan(ObjList *l, Error *e) {
   return objects_scan_target(l, NULL, NULL, e);
}

