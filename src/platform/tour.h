/* tour.h - what --tour needs of the system besides scene.h: a private
 * directory for its files, a sparse file, and the name-space probe.
 *
 * Calls return 0 or an errno value, as files.h says.  Names are POSIX
 * names with their leading '/'. */
#ifndef MAPSCOPE_PLATFORM_TOUR_H
#define MAPSCOPE_PLATFORM_TOUR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A new directory at PATH that only its owner may enter (never an existing
 * one: EEXIST), and its removal (it must be empty). */
int platform_dir_make(const char *path);
int platform_dir_remove(const char *path);

/* Make the existing file PATH SIZE bytes long: what lies past its old end
 * reads as zeros and takes no room where the file system has holes. */
int platform_file_resize(const char *path, uint64_t size);

/* The directory where POSIX shm objects (and glibc's semaphores) are
 * files: "/dev/shm" on Linux. */
const char *platform_shm_dir(void);

/* Close a semaphore platform_sem_create() (scene.h) made; its name stays. */
int platform_sem_close(void *sem);

/* msync(ADDR, LEN, MS_SYNC) of a mapping (ADDR page-aligned): what a
 * flush of a shared view does, and nothing at all for a private one. */
int platform_map_sync(void *addr, size_t len);

/* ---- what a killed tour left -------------------------------------------
 * A tour ended by SIGKILL cannot remove its objects.  The next one sweeps
 * them: the directories TEMP_DIR/PREFIX<pid> and the shm objects (and
 * glibc's semaphores) /PREFIX<pid>... and /sem.PREFIX<pid>... whose process
 * <pid> is gone (or is the caller, which has made nothing yet).  Only what
 * the caller owns, of the right type (a directory holding nothing but
 * regular files; a regular file), never through a symlink.  *REMOVED
 * counts what was removed; *KEPT what was left because another user owns
 * it or it is not what a tour makes.  0, or an errno value when TEMP_DIR
 * cannot be read (a missing shm directory counts nothing). */
int platform_tour_sweep(const char *temp_dir, const char *prefix, unsigned *removed,
                        unsigned *kept);

/* ---- name spaces ---------------------------------------------------------
 * platform_namespace_probe() shows that named objects belong to a name
 * space.  A child process leaves the caller's IPC and mount name spaces
 * (unshare(2) with CLONE_NEWIPC | CLONE_NEWNS; refused, with CLONE_NEWUSER
 * as well, its user mapped to root inside), makes its mounts private
 * (so nothing it mounts is seen outside), mounts a new tmpfs on the
 * directory of POSIX shm objects (/dev/shm), and there creates the shm
 * object SHM_NAME and the System V segment of key SYSV_KEY, and looks them
 * up.  While it holds them, the caller looks them up by the same name and
 * key from the old name spaces.  Then the child ends, and its name spaces
 * and objects with it: nothing is left on the machine.  A step that fails
 * says why in its errno field and the steps after it are not tried (an
 * object is never made in the caller's own name space). */
typedef struct {
   int unshare_err;            /* 0, or why unshare failed (EPERM: not allowed) */
   bool tried_user_ns;         /* after EPERM: unshare again with CLONE_NEWUSER (a user
                                * name space where the caller is root, as unprivileged
                                * users may where the system allows it) */
   int user_ns_err;            /* ... and how that went: 0 (the probe went on) or errno */
   int private_err;            /* making the mounts private */
   int mount_err;              /* mounting a tmpfs on /dev/shm */
   int shm_err, sysv_err;      /* creating the objects inside */
   int shm_seen_err;           /* looking the shm object up by name inside */
   int sysv_seen_err;          /* ... and the segment by key */
   int shm_outside_err;        /* looking them up from the old name spaces: */
   int sysv_outside_err;       /*   ENOENT when they are invisible there */
   int sysv_id;                /* the segment's id inside */
   uint64_t ipc_ns[2], mnt_ns[2];   /* the name spaces' ids: [0] old, [1] new */
   int child_pid;
} PlatformNamespaceProbe;

/* 0 once the probe ran (its fields say how far it got), or an errno value
 * when no child could be started.  Waits at most TIMEOUT_MS for the child. */
int platform_namespace_probe(const char *shm_name, uint32_t sysv_key, int timeout_ms,
                             PlatformNamespaceProbe *out);

#endif
