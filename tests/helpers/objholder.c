/* objholder - makes one named object of each kind, and each collision,
 * holds them until standard input ends (or SIGTERM/SIGINT), then removes
 * them all.  The tests of --list compare mapscope's view with this.
 *
 *    objholder PREFIX
 *
 * prints "key=value" lines describing what it made, then "ready". */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAXNAMES 16

static char shm_names[MAXNAMES][128], sem_names[MAXNAMES][128], mq_names[MAXNAMES][128];
static int nshm, nsem, nmq;
static int sysv_shm[4], nsysv_shm, sysv_sem = -1, sysv_msg = -1;

static void die(const char *what) {
   fprintf(stderr, "objholder: %s: %s\n", what, strerror(errno));
   exit(1);
}

static void cleanup(void) {
   for (int i = 0; i < nshm; i++)
      shm_unlink(shm_names[i]);
   for (int i = 0; i < nsem; i++)
      sem_unlink(sem_names[i]);
   for (int i = 0; i < nmq; i++)
      mq_unlink(mq_names[i]);
   for (int i = 0; i < nsysv_shm; i++)
      shmctl(sysv_shm[i], IPC_RMID, NULL);
   if (sysv_sem >= 0)
      semctl(sysv_sem, 0, IPC_RMID);
   if (sysv_msg >= 0)
      msgctl(sysv_msg, IPC_RMID, NULL);
}

static void on_signal(int sig) {
   cleanup();
   signal(sig, SIG_DFL);
   raise(sig);
}

/* A shm object of SIZE bytes, mapped MAPLEN bytes; the descriptor stays open. */
static void *make_shm(const char *name, size_t size, size_t maplen, int *fdp) {
   snprintf(shm_names[nshm++], 128, "%s", name);
   int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0640);
   if (fd < 0)
      die(name);
   if (ftruncate(fd, (off_t)size) != 0)
      die("ftruncate");
   void *p = mmap(NULL, maplen, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
   if (p == MAP_FAILED)
      die("mmap");
   memset(p, 'S', size < maplen ? size : maplen);
   if (fdp)
      *fdp = fd;
   return p;
}

static sem_t *make_sem(const char *name, unsigned value) {
   snprintf(sem_names[nsem++], 128, "%s", name);
   sem_t *s = sem_open(name, O_CREAT | O_EXCL, 0600, value);
   if (s == SEM_FAILED)
      die(name);
   return s;
}

static int make_mq(const char *name) {
   struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 32 };
   mqd_t q = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
   if (q == (mqd_t)-1)
      return -1;
   snprintf(mq_names[nmq++], 128, "%s", name);
   if (mq_send(q, "hello", 5, 0) != 0)
      die("mq_send");
   struct sigevent sev = { .sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1 };
   if (mq_notify(q, &sev) != 0)
      die("mq_notify");
   return 0;
}

static int make_sysv_shm(key_t key, size_t size) {
   int id = shmget(key, size, IPC_CREAT | IPC_EXCL | 0600);
   if (id < 0)
      die("shmget");
   sysv_shm[nsysv_shm++] = id;
   if (shmat(id, NULL, 0) == (void *)-1)
      die("shmat");
   return id;
}

static void make_sysv(const char *prefix, key_t key) {
   int id = make_sysv_shm(key, 12345);
   printf("sysv_shm_id=%d\nsysv_key=0x%08x\n", id, (unsigned)key);
   sysv_sem = semget(key, 3, IPC_CREAT | IPC_EXCL | 0600);      /* same key: the usual idiom */
   sysv_msg = msgget(key + 1, IPC_CREAT | IPC_EXCL | 0600);
   if (sysv_sem < 0 || sysv_msg < 0)
      die("semget/msgget");
   printf("sysv_sem_id=%d\nsysv_msg_id=%d\n", sysv_sem, sysv_msg);
   int gone = make_sysv_shm(key + 2, 4096);                    /* removed but attached */
   if (shmctl(gone, IPC_RMID, NULL) != 0)
      die("IPC_RMID");
   nsysv_shm--;
   printf("sysv_removed_id=%d\n", gone);
   (void)prefix;
}

static void make_memfd(const char *prefix) {
   char name[128];
   snprintf(name, sizeof name, "%s-memfd", prefix);
   int fd = memfd_create(name, 0);
   if (fd < 0 || ftruncate(fd, 3000) != 0)
      die("memfd_create");
   if (mmap(NULL, 3000, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED)
      die("mmap memfd");
   printf("memfd_fd=%d\n", fd);
}

static void make_posix(const char *p) {
   char n[128], m[128];
   int fd;
   snprintf(n, sizeof n, "/%s-shm", p);
   make_shm(n, 8192, 8192, &fd);
   printf("shm_fd=%d\n", fd);
   snprintf(n, sizeof n, "/%s-sem", p);
   make_sem(n, 3);
   snprintf(n, sizeof n, "/%s-clash", p);                 /* sem X, opened as shm sem.X */
   make_sem(n, 0);
   snprintf(m, sizeof m, "/sem.%s-clash", p);
   int cfd = shm_open(m, O_RDWR, 0);                     /* and written as shared memory */
   if (cfd < 0 || pwrite(cfd, "shm!", 4, 16) != 4)
      die(m);
   snprintf(n, sizeof n, "/sem.%s-fat", p);               /* a "semaphore" of 4096 bytes */
   make_shm(n, 4096, 4096, NULL);
   snprintf(n, sizeof n, "/%s-same", p);                  /* one name, three kinds */
   make_shm(n, 100, 100, NULL);
   make_sem(n, 1);
   printf("mq=%s\n", make_mq(n) == 0 ? "yes" : "no");
   snprintf(n, sizeof n, "/%s-shrunk", p);                /* mapped past its end */
   make_shm(n, 16384, 16384, &fd);
   if (ftruncate(fd, 4096) != 0)
      die("ftruncate");
   snprintf(n, sizeof n, "/%s-gone", p);                  /* unlinked while mapped */
   make_shm(n, 4096, 4096, NULL);
   shm_unlink(n);
   nshm--;
   snprintf(n, sizeof n, "/%s-esc\033[31m\001x", p);       /* a name with escapes */
   make_shm(n, 64, 64, NULL);
}

int main(int argc, char **argv) {
   if (argc != 3) {
      fprintf(stderr, "usage: objholder PREFIX SYSV-KEY\n");
      return 2;
   }
   signal(SIGTERM, on_signal);
   signal(SIGINT, on_signal);
   signal(SIGUSR1, SIG_IGN);
   atexit(cleanup);
   setvbuf(stdout, NULL, _IOLBF, 0);
   printf("pid=%d\n", (int)getpid());
   make_posix(argv[1]);
   make_sysv(argv[1], (key_t)strtoul(argv[2], NULL, 0));
   make_memfd(argv[1]);
   printf("ready\n");
   char buf[64];
   while (read(0, buf, sizeof buf) > 0)
      ;
   return 0;
}
