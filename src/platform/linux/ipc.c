/* ipc.c - the Linux implementation of platform/scene.h, and of the workers
 * and events of platform/processes.h. */
#include "config.h"

#include "platform/scene.h"
#include "platform/processes.h"

#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <poll.h>
#include <semaphore.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int map_shared(int fd, size_t size, void **addr) {
   void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
   if (p == MAP_FAILED)
      return errno;
   *addr = p;
   return 0;
}

int platform_shm_create(const char *name, size_t size, int *fd, void **addr) {
   int f = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
   if (f < 0)
      return errno;
   int rc = ftruncate(f, (off_t)size) == 0 ? 0 : errno;
   /* Its pages taken now: in a full /dev/shm the first touch of a page
    * ftruncate() only promised would raise SIGBUS. */
   if (rc == 0 && size > 0)
      rc = posix_fallocate(f, 0, (off_t)size);
   if (rc == 0)
      rc = map_shared(f, size, addr);
   if (rc != 0) {
      close(f);
      shm_unlink(name);
      return rc;
   }
   *fd = f;
   return 0;
}

int platform_shm_attach(const char *name, size_t size, int *fd, void **addr) {
   int f = shm_open(name, O_RDWR, 0);
   if (f < 0)
      return errno;
   int rc = map_shared(f, size, addr);
   if (rc != 0) {
      close(f);
      return rc;
   }
   *fd = f;
   return 0;
}

int platform_shm_remove(const char *name) {
   return shm_unlink(name) == 0 ? 0 : errno;
}

int platform_sem_create(const char *name, unsigned value, void **sem) {
   sem_t *s = sem_open(name, O_CREAT | O_EXCL, 0600, value);
   if (s == SEM_FAILED)
      return errno;
   *sem = s;
   return 0;
}

int platform_sem_wait(void *sem) {
   while (sem_wait(sem) != 0)
      if (errno != EINTR)
         return errno;
   return 0;
}

int platform_sem_post(void *sem) {
   return sem_post(sem) == 0 ? 0 : errno;
}

int platform_sem_remove(const char *name) {
   return sem_unlink(name) == 0 ? 0 : errno;
}

int platform_mq_create(const char *name, int *mqd) {
   struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 64 };
   mqd_t q = mq_open(name, O_RDWR | O_CREAT | O_EXCL | O_NONBLOCK, 0600, &attr);
   if (q == (mqd_t)-1)
      return errno;
   *mqd = (int)q;
   return 0;
}

int platform_mq_remove(const char *name) {
   return mq_unlink(name) == 0 ? 0 : errno;
}

int platform_sysv_shm_create(uint32_t key, size_t size, int *id, void **addr) {
   int i = shmget((key_t)key, size, IPC_CREAT | IPC_EXCL | 0600);
   if (i < 0)
      return errno;
   void *p = shmat(i, NULL, 0);
   if (p == (void *)-1) {
      int rc = errno;
      shmctl(i, IPC_RMID, NULL);
      return rc;
   }
   *id = i;
   *addr = p;
   return 0;
}

int platform_sysv_shm_remove(int id) {
   return shmctl(id, IPC_RMID, NULL) == 0 ? 0 : errno;
}

int platform_file_create(const char *path, const void *data, size_t len) {
   int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
   if (fd < 0)
      return errno;
   const char *p = data;
   while (len > 0) {
      ssize_t n = write(fd, p, len);
      if (n < 0 && errno == EINTR)
         continue;
      if (n <= 0) {
         int rc = n < 0 ? errno : EIO;
         close(fd);
         unlink(path);
         return rc;
      }
      p += n;
      len -= (size_t)n;
   }
   return close(fd) == 0 ? 0 : errno;
}

int platform_file_remove(const char *path) {
   return unlink(path) == 0 ? 0 : errno;
}

const char *platform_temp_dir(void) {
   const char *t = getenv("TMPDIR");
   return t && *t == '/' ? t : "/tmp";
}

int platform_self_pid(void) {
   return (int)getpid();
}

int platform_spawn(void (*fn)(void *ctx), void *ctx, int *pid) {
   fflush(NULL);
   pid_t p = fork();
   if (p < 0)
      return errno;
   if (p == 0) {
      fn(ctx);
      _exit(0);
   }
   *pid = (int)p;
   return 0;
}

void platform_stop_child(int pid) {
   if (pid <= 0)
      return;
   kill((pid_t)pid, SIGTERM);
   while (waitpid((pid_t)pid, NULL, 0) < 0 && errno == EINTR)
      ;
}

bool platform_parent_alive(int parent_pid) {
   return getppid() == (pid_t)parent_pid;
}

void platform_sleep_ms(unsigned ms) {
   struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };
   while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
      ;
}

bool platform_child_exited(int pid) {
   if (pid <= 0)
      return false;
   pid_t r = waitpid((pid_t)pid, NULL, WNOHANG);
   return r == (pid_t)pid || (r < 0 && errno == ECHILD);
}

uint64_t platform_clock_ms(void) {
   struct timespec ts;
   clock_gettime(CLOCK_MONOTONIC, &ts);
   return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* ---- events -------------------------------------------------------------- */

static volatile sig_atomic_t pending_signal;
static volatile sig_atomic_t child_ended;

static void on_signal(int sig) {
   if (sig == SIGCHLD)
      child_ended = 1;
   else
      pending_signal = sig;
}

void platform_events_begin(void) {
   static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGCHLD };
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_handler = on_signal;
   sigemptyset(&sa.sa_mask);
   for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
      sigaction(sigs[i], &sa, NULL);
   signal(SIGPIPE, SIG_IGN);
}

void platform_end_broken_pipe(void) {
   sigset_t pipe;
   sigemptyset(&pipe);
   sigaddset(&pipe, SIGPIPE);
   signal(SIGPIPE, SIG_DFL);
   sigprocmask(SIG_UNBLOCK, &pipe, NULL);
   raise(SIGPIPE);
}

void platform_ignore_interrupt(void) {
   signal(SIGINT, SIG_IGN);
   signal(SIGHUP, SIG_IGN);
   signal(SIGTERM, SIG_DFL);
   signal(SIGCHLD, SIG_DFL);
}

bool platform_interrupted(int *signo) {
   *signo = pending_signal;
   return pending_signal != 0;
}

/* A line of input (or its end): read it all so the next wait blocks again. */
static bool input_line(void) {
   char buf[256];
   ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
   if (n < 0)
      return errno != EINTR && errno != EAGAIN;
   return n == 0 || memchr(buf, '\n', (size_t)n) != NULL;
}

PlatformEvent platform_wait_event(int timeout_ms, int *signo) {
   struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
   *signo = 0;
   if (pending_signal || child_ended)
      timeout_ms = 0;
   int n = poll(&p, 1, timeout_ms);
   if (pending_signal) {
      *signo = pending_signal;
      return PLATFORM_EVENT_INTERRUPT;
   }
   if (child_ended) {
      child_ended = 0;
      return PLATFORM_EVENT_CHILD;
   }
   if (n > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)))
      return (p.revents & POLLNVAL) || input_line() ? PLATFORM_EVENT_INPUT
                                                     : PLATFORM_EVENT_TIMEOUT;
   return PLATFORM_EVENT_TIMEOUT;
}
