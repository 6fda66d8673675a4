/* nameholder - maps the objects whose names and flags the region list and
 * the object list get wrong most easily, and holds them until standard
 * input ends (or SIGTERM/SIGINT), then removes them.
 *
 *    nameholder PREFIX DIR
 *
 * Its command (PR_SET_NAME) is "a\nb\t" U+202E "\e[7m".  It maps, each
 * MAP_SHARED: the removed shm objects PREFIX-lit\012x (a backslash and
 * three digits) and PREFIX-real<newline>x; the files DIR/lit\012y and
 * DIR/real<newline>y; a semaphore PREFIX-sem (sem_open maps glibc's
 * temporary name); a live System V segment and a removed one; the memfd
 * PREFIX-mfd; and the live shm objects PREFIX-a and PREFIX-b.  It prints
 * "key=value" lines, then "ready". */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <unistd.h>

static char prefix[64], sem_name[128], shm_a[128], shm_b[128];
static int sysv_live = -1;

static void cleanup(void) {
   if (sem_name[0])
      sem_unlink(sem_name);
   if (shm_a[0])
      shm_unlink(shm_a);
   if (shm_b[0])
      shm_unlink(shm_b);
   if (sysv_live >= 0)
      shmctl(sysv_live, IPC_RMID, NULL);
}

static void on_signal(int sig) {
   cleanup();
   signal(sig, SIG_DFL);
   raise(sig);
}

static void die(const char *what) {
   fprintf(stderr, "nameholder: %s: %s\n", what, strerror(errno));
   exit(1);
}

static void map_fd(int fd, size_t size, const char *what) {
   if (ftruncate(fd, (off_t)size) != 0
       || mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED)
      die(what);
   close(fd);
}

/* A shm object NAME of SIZE bytes, mapped; removed when REMOVE. */
static void shm(const char *name, size_t size, int remove) {
   int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
   if (fd < 0)
      die(name);
   map_fd(fd, size, name);
   if (remove && shm_unlink(name) != 0)
      die(name);
}

static void file(const char *dir, const char *name) {
   char path[512];
   snprintf(path, sizeof path, "%s/%s", dir, name);
   int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
   if (fd < 0)
      die(path);
   map_fd(fd, 4096, path);
}

static int sysv(size_t size, int remove) {
   int id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
   if (id < 0 || shmat(id, NULL, 0) == (void *)-1)
      die("shmget");
   if (remove && shmctl(id, IPC_RMID, NULL) != 0)
      die("IPC_RMID");
   return id;
}

int main(int argc, char **argv) {
   char n[128];
   if (argc != 3) {
      fprintf(stderr, "usage: nameholder PREFIX DIR\n");
      return 2;
   }
   snprintf(prefix, sizeof prefix, "%s", argv[1]);
   signal(SIGTERM, on_signal);
   signal(SIGINT, on_signal);
   atexit(cleanup);
   setvbuf(stdout, NULL, _IOLBF, 0);
   if (prctl(PR_SET_NAME, "a\nb\t\xe2\x80\xae\033[7m", 0, 0, 0) != 0)
      die("PR_SET_NAME");
   snprintf(n, sizeof n, "/%s-lit\\012x", prefix);
   shm(n, 4096, 1);
   snprintf(n, sizeof n, "/%s-real\nx", prefix);
   shm(n, 8192, 1);
   file(argv[2], "lit\\012y");
   file(argv[2], "real\ny");
   snprintf(sem_name, sizeof sem_name, "/%s-sem", prefix);
   if (sem_open(sem_name, O_CREAT | O_EXCL, 0600, 1) == SEM_FAILED)
      die(sem_name);
   sysv_live = sysv(4096, 0);
   int gone = sysv(8192, 1);
   int mfd = memfd_create("mfd", 0);
   if (mfd < 0)
      die("memfd_create");
   map_fd(mfd, 4096, "memfd");
   snprintf(shm_a, sizeof shm_a, "/%s-a", prefix);
   shm(shm_a, 4096, 0);
   snprintf(shm_b, sizeof shm_b, "/%s-b", prefix);
   shm(shm_b, 4096, 0);
   printf("pid=%d\nsysv_live=%d\nsysv_removed=%d\nready\n", (int)getpid(), sysv_live, gone);
   char buf[64];
   while (read(0, buf, sizeof buf) > 0)
      ;
   return 0;
}
