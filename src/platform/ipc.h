/* ipc.h - making and removing named objects, a worker process, and waiting
 * for the user: what --demo and the tests' scenes need from the system.
 *
 * Every function returns 0 or an errno value, as platform.h does.  Names are
 * POSIX names with their leading '/'. */
#ifndef MAPSCOPE_PLATFORM_IPC_H
#define MAPSCOPE_PLATFORM_IPC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A new (never an existing) POSIX shm object of SIZE bytes, mapped shared
 * read-write at *ADDR; the descriptor stays open in *FD. */
int platform_shm_create(const char *name, size_t size, int *fd, void **addr);
/* Open an existing shm object read-write and map SIZE bytes of it. */
int platform_shm_attach(const char *name, size_t size, int *fd, void **addr);
int platform_shm_remove(const char *name);

/* A new POSIX named semaphore with VALUE; *SEM is its handle. */
int platform_sem_create(const char *name, unsigned value, void **sem);
int platform_sem_wait(void *sem);
int platform_sem_post(void *sem);
int platform_sem_remove(const char *name);

/* A new POSIX message queue (ENOSYS where the system has none). */
int platform_mq_create(const char *name, int *mqd);
int platform_mq_remove(const char *name);

/* A new System V segment of SIZE bytes under KEY, attached read-write. */
int platform_sysv_shm_create(uint32_t key, size_t size, int *id, void **addr);
int platform_sysv_shm_remove(int id);

/* A new file at PATH holding LEN bytes of DATA. */
int platform_file_create(const char *path, const void *data, size_t len);
int platform_file_remove(const char *path);
/* The directory for temporary files ($TMPDIR or /tmp). */
const char *platform_temp_dir(void);

int platform_self_pid(void);
/* Run FN(CTX) in a new process; it exits when FN returns. */
int platform_spawn(void (*fn)(void *ctx), void *ctx, int *pid);
/* Stop PID (SIGTERM) and wait for it. */
void platform_stop_child(int pid);
bool platform_parent_alive(int parent_pid);
void platform_sleep_ms(unsigned ms);
/* True once child PID has ended (it is then reaped); false while it runs. */
bool platform_child_exited(int pid);
/* Milliseconds from a fixed point in the past (a clock that never jumps). */
uint64_t platform_clock_ms(void);

typedef enum {
   PLATFORM_EVENT_TIMEOUT,
   PLATFORM_EVENT_INPUT,       /* a line (or the end) of standard input */
   PLATFORM_EVENT_INTERRUPT,   /* SIGINT, SIGTERM or SIGHUP */
   PLATFORM_EVENT_CHILD        /* a child process ended */
} PlatformEvent;

/* From now on SIGINT, SIGTERM, SIGHUP and SIGCHLD are events, not deaths. */
void platform_events_begin(void);
/* Ignore SIGINT (a worker leaves Ctrl-C to its parent). */
void platform_ignore_interrupt(void);
/* Wait up to TIMEOUT_MS for an event; *SIGNO says which signal interrupted. */
PlatformEvent platform_wait_event(int timeout_ms, int *signo);

#endif
