/* pseudo.c - the Linux implementation of platform/pseudo.h. */
#include "config.h"

#include "platform/pseudo.h"

#include <linux/magic.h>
#include <sys/vfs.h>

#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif
#ifndef CONFIGFS_MAGIC
#define CONFIGFS_MAGIC 0x62656570
#endif

bool platform_size_unreliable(int fd) {
   static const unsigned long magics[] = {
      PROC_SUPER_MAGIC, SYSFS_MAGIC, DEBUGFS_MAGIC, TRACEFS_MAGIC, SECURITYFS_MAGIC,
      CGROUP_SUPER_MAGIC, CGROUP2_SUPER_MAGIC, CONFIGFS_MAGIC,
   };
   struct statfs sf;
   if (fstatfs(fd, &sf) != 0)
      return false;
   for (unsigned i = 0; i < sizeof magics / sizeof magics[0]; i++)
      if ((unsigned long)sf.f_type == magics[i])
         return true;
   return false;
}
