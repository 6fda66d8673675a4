/* namelook.h - what a name leads to now, looked at without opening it.
 *
 * The screen asks every second whether the name it was opened by still
 * leads to the object it shows (mv new f, rm f; mkdir f, shm_unlink and
 * shm_open again, ipcrm and shmget again).  Nothing here opens the object
 * under the name: stat(2) needs no permission on the object itself (only
 * search permission on the directories), runs no driver and never blocks
 * on a FIFO.  Whether the caller could open it for reading is asked of
 * faccessat(2) (R_OK, effective ids).
 *
 * Every call returns 0 or an errno value (ENOENT: nothing under the name;
 * EACCES: a directory of the path may not be searched). */
#ifndef MAPSCOPE_PLATFORM_NAMELOOK_H
#define MAPSCOPE_PLATFORM_NAMELOOK_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/files.h"

/* What PATH leads to now (stat(2): symbolic links followed, so a link to
 * /dev/zero is the character device), and in *READ_ERR 0 when the caller
 * may open it for reading, else the errno such an open would give. */
int platform_look_path(const char *path, PlatformStat *st, int *read_err);

/* The same for the POSIX shared-memory object NAME ("/x"): on Linux the
 * file /dev/shm/x (shm_overview(7)). */
int platform_look_shm(const char *name, PlatformStat *st, int *read_err);

/* How many names (hard links) the open object H still has: 0 once it was
 * removed, more when it was only renamed or its directory moved. */
int platform_links(PlatformHandle h, uint64_t *links);

/* Whether System V segment ID still exists (0; EINVAL or EIDRM: it does
 * not) and, in *MARKED, whether it was removed with IPC_RMID while still
 * attached (it goes when its last process detaches: SHM_DEST in the mode
 * IPC_STAT gives, shmctl(2)). */
int platform_sysv_shm_marked(int id, bool *marked);

#endif
