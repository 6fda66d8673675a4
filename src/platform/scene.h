/* scene.h - making and removing named objects: what --demo and the tests'
 * scenes build (the worker that keeps writing and the events it waits for
 * are processes.h's).
 *
 * Every function returns 0 or an errno value, as files.h says.  Names are
 * POSIX names with their leading '/'. */
#ifndef MAPSCOPE_PLATFORM_SCENE_H
#define MAPSCOPE_PLATFORM_SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/files.h"

/* A new (never an existing) POSIX shm object of SIZE bytes, mapped shared
 * read-write at *ADDR; the descriptor stays open in *FD.  Its pages are
 * allocated first (ENOSPC where the shm directory is full, never a SIGBUS
 * on the first write); on failure nothing is left. */
int platform_shm_create(const char *name, size_t size, PlatformHandle *fd, void **addr);
/* Open an existing shm object read-write and map SIZE bytes of it. */
int platform_shm_attach(const char *name, size_t size, PlatformHandle *fd, void **addr);
int platform_shm_remove(const char *name);

/* A new POSIX named semaphore with VALUE; *SEM is its handle. */
int platform_sem_create(const char *name, unsigned value, void **sem);
int platform_sem_wait(void *sem);
int platform_sem_post(void *sem);
int platform_sem_remove(const char *name);

/* A new POSIX message queue (ENOSYS where the system has none). */
int platform_mq_create(const char *name, PlatformHandle *mqd);
int platform_mq_remove(const char *name);

/* A new System V segment of SIZE bytes under KEY, attached read-write. */
int platform_sysv_shm_create(uint32_t key, size_t size, int *id, void **addr);
int platform_sysv_shm_remove(int id);

/* A new file at PATH holding LEN bytes of DATA. */
int platform_file_create(const char *path, const void *data, size_t len);
int platform_file_remove(const char *path);
/* The directory for temporary files ($TMPDIR or /tmp). */
const char *platform_temp_dir(void);

#endif
