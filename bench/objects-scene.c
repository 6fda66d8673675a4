/* objects-scene - the fixture of bench/objects.sh: N POSIX shm objects and
 * S System V segments, held by P processes (each maps its share of the shm
 * objects and keeps their descriptors open, and attaches its share of the
 * segments).  Prints "ready", waits for the end of standard input (or
 * SIGTERM), then removes everything.
 *
 *    objects-scene PREFIX N P S */
#define _GNU_SOURCE 1
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *prefix;
static int n_obj, n_proc, n_sysv;
static int *sysv_ids;
static pid_t *kids;

static void name_of(int i, char *buf, size_t size) {
   snprintf(buf, size, "/%s-%05d", prefix, i);
}

static void cleanup(void) {
   char name[128];
   for (int i = 0; kids && i < n_proc; i++)
      if (kids[i] > 0)
         kill(kids[i], SIGKILL);
   for (int i = 0; kids && i < n_proc; i++)
      if (kids[i] > 0)
         waitpid(kids[i], NULL, 0);
   for (int i = 0; i < n_obj; i++) {
      name_of(i, name, sizeof name);
      shm_unlink(name);
   }
   for (int i = 0; sysv_ids && i < n_sysv; i++)
      if (sysv_ids[i] >= 0)
         shmctl(sysv_ids[i], IPC_RMID, NULL);
}

/* A signal only ends the wait: the cleanup runs once, from main. */
static void on_term(int sig) {
   (void)sig;
}

/* Child K: map and hold its share, then sleep until killed. */
static void child(int k, int ready) {
   char name[128];
   prctl(PR_SET_PDEATHSIG, SIGKILL);
   if (getppid() == 1)
      _exit(1);
   for (int i = k; i < n_obj; i += n_proc) {
      name_of(i, name, sizeof name);
      int fd = shm_open(name, O_RDWR, 0);
      if (fd < 0 || mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED)
         _exit(1);
   }
   for (int i = k; i < n_sysv; i += n_proc)
      if (shmat(sysv_ids[i], NULL, SHM_RDONLY) == (void *)-1)
         _exit(1);
   if (write(ready, "x", 1) != 1)
      _exit(1);
   for (;;)
      pause();
}

int main(int argc, char **argv) {
   if (argc != 5)
      return fprintf(stderr, "usage: objects-scene PREFIX N P S\n"), 2;
   prefix = argv[1];
   n_obj = atoi(argv[2]);
   n_proc = atoi(argv[3]);
   n_sysv = atoi(argv[4]);
   sysv_ids = calloc((size_t)n_sysv + 1, sizeof *sysv_ids);
   kids = calloc((size_t)n_proc + 1, sizeof *kids);
   atexit(cleanup);
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_handler = on_term;         /* no SA_RESTART: read() returns EINTR */
   sigaction(SIGTERM, &sa, NULL);
   sigaction(SIGINT, &sa, NULL);
   char name[128];
   for (int i = 0; i < n_obj; i++) {
      name_of(i, name, sizeof name);
      int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
      if (fd < 0 || ftruncate(fd, 4096) != 0)
         return perror(name), 1;
      close(fd);
   }
   for (int i = 0; i < n_sysv; i++)
      if ((sysv_ids[i] = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600)) < 0)
         return perror("shmget"), 1;
   int ready[2];
   if (pipe(ready) != 0)
      return perror("pipe"), 1;
   for (int k = 0; k < n_proc; k++) {
      kids[k] = fork();
      if (kids[k] < 0)
         return perror("fork"), 1;
      if (kids[k] == 0) {
         close(ready[0]);
         child(k, ready[1]);
      }
   }
   close(ready[1]);
   for (int k = 0; k < n_proc; k++) {
      char c;
      if (read(ready[0], &c, 1) != 1)
         return fprintf(stderr, "objects-scene: a holder failed\n"), 1;
   }
   printf("ready\n");
   fflush(stdout);
   char buf[64];
   while (read(0, buf, sizeof buf) > 0)
      ;
   return 0;
}
