/* objects_names.c - the names of object kinds and flags, and what each
 * flag means. */
#include "config.h"

#include "core/objects.h"
#include "core/objects_build.h"
#include "core/gettext.h"

#include <string.h>

static const char *const kind_names[OBJ_KIND_COUNT] = {
   [OBJ_SHM] = "shm", [OBJ_SEM] = "sem", [OBJ_MQ] = "mq",
   [OBJ_SYSV_SHM] = "sysv-shm", [OBJ_SYSV_SEM] = "sysv-sem", [OBJ_SYSV_MSG] = "sysv-msg",
   [OBJ_MEMFD] = "memfd", [OBJ_FILE] = "file", [OBJ_BLOCK] = "blockdev",
};

const char *objects_kind_name(ObjKind k) {
   return (unsigned)k < OBJ_KIND_COUNT ? kind_names[k] : "?";
}

const char *objects_obj_kind_name(const Obj *o) {
   if (o->kind != OBJ_FILE)
      return objects_kind_name(o->kind);
   if (o->file_link)
      return "symlink";
   switch (o->file_kind) {
   case PLATFORM_KIND_REGULAR:   return "file";
   case PLATFORM_KIND_BLOCK:     return objects_kind_name(OBJ_BLOCK);
   case PLATFORM_KIND_DIRECTORY: return "directory";
   case PLATFORM_KIND_FIFO:      return "fifo";
   case PLATFORM_KIND_CHAR:      return "char";
   case PLATFORM_KIND_SOCKET:    return "socket";
   case PLATFORM_KIND_OTHER:
   default:                      return "other";
   }
}

/* What --kind and :kind take: the kinds, "sysv" (the three), "all" (every
 * kind of named object) and "blockdev" (the block devices in use). */
static const char *const kind_words[] = {
   "shm", "sem", "mq", "sysv-shm", "sysv-sem", "sysv-msg", "sysv", "memfd", "all",
   "blockdev",
};
static const unsigned kind_masks[] = {
   1u << OBJ_SHM, 1u << OBJ_SEM, 1u << OBJ_MQ, 1u << OBJ_SYSV_SHM, 1u << OBJ_SYSV_SEM,
   1u << OBJ_SYSV_MSG, 1u << OBJ_SYSV_SHM | 1u << OBJ_SYSV_SEM | 1u << OBJ_SYSV_MSG,
   1u << OBJ_MEMFD, OBJ_KINDS_ALL, 1u << OBJ_BLOCK,
};
_Static_assert(sizeof kind_words / sizeof kind_words[0] == sizeof kind_masks / sizeof kind_masks[0],
               "a mask for each word");

void objects_kind_names(NameSet *s) {
   *s = (NameSet){ kind_words, NULL, sizeof kind_words / sizeof kind_words[0] };
}

bool objects_kind_parse(const char *list, unsigned *mask, const char **bad, size_t *bad_len,
                        NamePick *why) {
   NameSet s;
   objects_kind_names(&s);
   *mask = 0;
   const char *p = list;
   for (;;) {
      size_t n = strcspn(p, ","), k = 0;
      NamePick r = namepick(&s, p, n, &k);
      if (r != NAMEPICK_FOUND) {
         *bad = p;
         *bad_len = n;
         if (why)
            *why = r;
         return false;
      }
      *mask |= kind_masks[k];
      if (p[n] == '\0')
         return true;
      p += n + 1;
   }
}

static const struct {
   const char *name;
   const char *explain;
} flag_table[OBJ_FLAG_COUNT] = {
   { "sem-shm", N_("shm_open(\"/sem.X\") and sem_open(\"/X\") reach the same object, and "
                   "this one was sized or written as shared memory: its size or its bytes "
                   "are not a semaphore's.") },
   { "name-collision", N_("Objects of different kinds share this name: legal on Linux, but "
                          "on Windows, where mappings and semaphores share one name space, "
                          "the second would fail with ERROR_INVALID_HANDLE.") },
   { "size-mismatch", N_("A process maps more than the object's current size: touching the "
                         "pages past its end raises SIGBUS.") },
   { "removed", N_("The object has been removed but is still attached: it lives on until "
                   "the last process lets go of it.") },
   { "locked", N_("A process holds a file lock on it (POSIX, OFD or flock): the Linux side "
                  "of a named mutex; others that take the same lock wait or fail.") },
};

static const struct {
   const char *name;
   const char *explain;
} lock_table[] = {
   [PLATFORM_LOCK_POSIX] = { "posix", N_("A POSIX record lock (fcntl F_SETLK): owned by the "
                                         "process, released when it closes any descriptor of "
                                         "the file or exits.") },
   [PLATFORM_LOCK_OFD] = { "ofd", N_("An open file description lock (fcntl F_OFD_SETLK): "
                                     "owned by the open file, shared by every process that "
                                     "inherited it, released when its last descriptor closes; "
                                     "the kernel lists it with pid -1.") },
   [PLATFORM_LOCK_FLOCK] = { "flock", N_("A flock(2) lock of the whole file: owned by the open "
                                         "file, shared by every process that inherited it; the "
                                         "kernel lists the pid that took it.") },
   [PLATFORM_LOCK_LEASE] = { "lease", N_("A lease (fcntl F_SETLEASE): its holder is told before "
                                         "another process opens the file.") },
   [PLATFORM_LOCK_DELEG] = { "delegation", N_("An NFS delegation held by the kernel's server.") },
   [PLATFORM_LOCK_OTHER] = { "other", N_("A lock of a kind this program does not know.") },
};

const char *objects_lock_kind_name(PlatformLockKind k) {
   return (size_t)k < sizeof lock_table / sizeof lock_table[0] ? lock_table[k].name : "other";
}

const char *objects_lock_explain(PlatformLockKind k) {
   return (size_t)k < sizeof lock_table / sizeof lock_table[0] ? lock_table[k].explain : "";
}

const char *objects_lock_type_name(PlatformLockType t) {
   switch (t) {
   case PLATFORM_LOCK_READ:  return "read";
   case PLATFORM_LOCK_WRITE: return "write";
   default:                  return "unlock";
   }
}

static int flag_index(ObjFlag f) {
   for (int i = 0; i < OBJ_FLAG_COUNT; i++)
      if ((unsigned)f == 1u << i)
         return i;
   return -1;
}

const char *objects_flag_name(ObjFlag f) {
   int i = flag_index(f);
   return i < 0 ? "?" : flag_table[i].name;
}

const char *objects_flag_explain(ObjFlag f) {
   int i = flag_index(f);
   return i < 0 ? "" : flag_table[i].explain;
}
