/* registry_linux.c - the source kinds this platform offers by prefix, in
 * the order SOURCE is matched against them.  Path-based kinds (file, block
 * device, pseudo-file) are chosen by the file kind once it has looked.
 * A new kind is one line here. */
#include "config.h"

#include "core/source.h"

static const SourceOps *const kinds[] = {
   &source_shm_ops,
   &source_sem_ops,
   &source_sysv_ops,
   &source_pid_ops,
};

const SourceOps *const *source_registry(size_t *n) {
   *n = sizeof kinds / sizeof kinds[0];
   return kinds;
}
