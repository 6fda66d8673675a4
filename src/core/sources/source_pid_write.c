/* source_pid_write.c - the flush's write of another process's memory
 * (SourceOps.write of the pid: kind, core/flush_inplace.h): in place with
 * platform_proc_write(), no journal.  The process is the source's
 * identity (its id is the pid); offsets are from the source's base
 * address. */
#include "config.h"

#include "core/source.h"
#include "platform/procmem.h"

#include <errno.h>

bool source_pid_write(Source *s, const void *buf, size_t len, uint64_t offset, size_t *put,
                      Error *e) {
   SourceIdentity id;
   source_identity(s, &id);
   int pid = (int)id.ino;
   uint64_t addr = source_address(s, offset);
   *put = 0;
   if (offset > s->size || len > s->size - offset) {
      error_set(e, ERR_PAST_END, 0, NULL);
      return false;
   }
   int rc = platform_proc_write(pid, addr, buf, len, put);
   if (rc == 0)
      return true;
   char why[sizeof e->detail];
   platform_proc_why(pid, rc, PLATFORM_PROC_WRITING, addr + *put, why, sizeof why);
   error_set(e, rc == ESRCH ? ERR_PROC_GONE : rc == EPERM || rc == EACCES ? ERR_PROC_DENIED
                : ERR_FLUSH, rc, "%s", why);
   return false;
}
