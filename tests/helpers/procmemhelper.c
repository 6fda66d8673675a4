/* procmemhelper - a process whose memory the pid: tests and benches read.
 *
 *    procmemhelper [-s SHMNAME] [-f PRIVFILE] [-l LOCKFILE] [-n MAPPINGS]
 *                  [-g MIB] [-r MIB] [-D]
 *
 * It makes:
 *  known   two pages: "MSPROCMEM-KNOWN!" at 0, bytes 0..255 at 16, 0x5a to
 *          the end of the first page; the second page starts with the
 *          counter (one byte, 0), then 0x5a;
 *  counter the byte at known+4096 (page size 4096 assumed by the tests), +1
 *          on each SIGUSR1;
 *  guard   three pages, the middle one PROT_NONE (guard= is its address);
 *  shm     -s: a POSIX shm object of two pages, mapped shared, starting
 *          with "MSPROCMEM-SHM" (unlinked when it ends);
 *  priv    -f: the file (two pages or more) mapped private and writable,
 *          whole (its size rounded down to pages), its first page written
 *          ("MSPROCMEM-COW" at 0): copy-on-write has copied it; the other
 *          pages are left untouched; the file itself is not changed;
 *  locks   -l: a POSIX write lock on bytes 10-19 and a flock(LOCK_SH)
 *          on the file;
 *  maps    -n N: N more single pages, alternately read-only and read-write
 *          so that the kernel cannot merge them;
 *  big     -g N: N MiB of anonymous memory filled with 0x11 and
 *          "MSPROCMEM-NEEDLE" in its last 16 bytes;
 *  sparse  -r N: N MiB of anonymous memory reserved (MAP_NORESERVE), four
 *          pages of it touched: "MSPROCMEM-SPARSE" at half + 100 and in
 *          the last 16 bytes, a7 c3 in the last two bytes of the page at
 *          a quarter (the untouched page after it reads 00 00), e1 f9 in
 *          bytes 2-3 of the page at three quarters (the untouched page
 *          before it ends in 00 00);
 *  -D      prctl(PR_SET_DUMPABLE, 0).
 * It prints one line, "pid=P known=0xA counter=0xA guard=0xA shm=0xA
 * priv=0xA big=0xA sparse=0xA" (0x0 for what it did not make), then waits for
 * SIGTERM or SIGINT (its parent's end sends SIGTERM). */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#define PAGE 4096

static volatile unsigned char *counter;
static char shm_name[256];
static volatile sig_atomic_t stop;

static void die(const char *what) {
   fprintf(stderr, "procmemhelper: %s: %s\n", what, strerror(errno));
   if (shm_name[0])
      shm_unlink(shm_name);
   exit(1);
}

static void on_usr1(int sig) {
   (void)sig;
   (*counter)++;
}

static void on_stop(int sig) {
   (void)sig;
   stop = 1;
}

static void *map_anon(size_t len, int prot) {
   void *p = mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   if (p == MAP_FAILED)
      die("mmap");
   return p;
}

static unsigned char *make_known(void) {
   unsigned char *k = map_anon(2 * PAGE, PROT_READ | PROT_WRITE);
   memset(k, 0x5a, 2 * PAGE);
   /* built at run time, so that only this page holds the whole text */
   memcpy(k, "MSPROCMEM", 9);
   memcpy(k + 9, "-KNOWN!", 7);
   for (int i = 0; i < 256; i++)
      k[16 + i] = (unsigned char)i;
   k[PAGE] = 0;
   counter = k + PAGE;
   return k;
}

static void *make_guard(void) {
   unsigned char *g = map_anon(3 * PAGE, PROT_READ | PROT_WRITE);
   memset(g, 0x47, 3 * PAGE);
   if (mprotect(g + PAGE, PAGE, PROT_NONE) != 0)
      die("mprotect");
   return g + PAGE;
}

static void *make_shm(const char *name) {
   snprintf(shm_name, sizeof shm_name, "%s", name);
   int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
   if (fd < 0) {
      shm_name[0] = '\0';
      die("shm_open");
   }
   if (ftruncate(fd, 2 * PAGE) != 0)
      die("ftruncate");
   char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
   if (p == MAP_FAILED)
      die("mmap shm");
   memcpy(p, "MSPROCMEM-SHM", 13);
   close(fd);
   return p;
}

static void *make_priv(const char *path) {
   int fd = open(path, O_RDONLY);
   struct stat sb;
   if (fd < 0 || fstat(fd, &sb) != 0)
      die(path);
   if (sb.st_size < 2 * PAGE) {
      errno = EINVAL;
      die("the private file needs two pages");
   }
   size_t len = (size_t)sb.st_size - (size_t)sb.st_size % PAGE;
   char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
   if (p == MAP_FAILED)
      die("mmap private");
   memcpy(p, "MSPROCMEM-COW", 13);
   close(fd);
   return p;
}

static void hold_locks(const char *path) {
   int fd = open(path, O_RDWR);
   struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 10, .l_len = 10 };
   if (fd < 0)
      die(path);
   if (fcntl(fd, F_SETLK, &fl) != 0)
      die("fcntl lock");
   int fd2 = open(path, O_RDONLY);
   if (fd2 < 0 || flock(fd2, LOCK_SH | LOCK_NB) != 0)
      die("flock");
}

static void make_maps(long n) {
   for (long i = 0; i < n; i++)
      map_anon(PAGE, i % 2 ? PROT_READ | PROT_WRITE : PROT_READ);
}

static void *make_big(long mib) {
   size_t len = (size_t)mib << 20;
   unsigned char *b = map_anon(len, PROT_READ | PROT_WRITE);
   memset(b, 0x11, len);
   memcpy(b + len - 16, "MSPROCMEM", 9);
   memcpy(b + len - 7, "-NEEDLE", 7);
   return b;
}

static void sparse_text(unsigned char *at) {
   memcpy(at, "MSPROCMEM", 9);
   memcpy(at + 9, "-SPARSE", 7);
}

static void *make_sparse(long mib) {
   size_t len = (size_t)mib << 20;
   unsigned char *b = mmap(NULL, len, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
   if (b == MAP_FAILED)
      die("mmap");
   sparse_text(b + len / 2 + 100);
   sparse_text(b + len - 16);
   b[len / 4 + PAGE - 2] = 0xa7;
   b[len / 4 + PAGE - 1] = 0xc3;
   b[len / 4 * 3 + 2] = 0xe1;
   b[len / 4 * 3 + 3] = 0xf9;
   return b;
}

int main(int argc, char **argv) {
   const char *shm = NULL, *priv = NULL, *lock = NULL;
   long nmaps = 0, big_mib = 0, sparse_mib = 0;
   bool undumpable = false;
   int c;
   while ((c = getopt(argc, argv, "s:f:l:n:g:r:D")) != -1) {
      switch (c) {
      case 's': shm = optarg; break;
      case 'f': priv = optarg; break;
      case 'l': lock = optarg; break;
      case 'n': nmaps = atol(optarg); break;
      case 'g': big_mib = atol(optarg); break;
      case 'r': sparse_mib = atol(optarg); break;
      case 'D': undumpable = true; break;
      default:
         fprintf(stderr, "usage: procmemhelper [-s SHM] [-f FILE] [-l FILE] [-n N] [-g MIB] [-r MIB] [-D]\n");
         return 2;
      }
   }
   pid_t parent = getppid();
   prctl(PR_SET_PDEATHSIG, SIGTERM);
   if (getppid() != parent)
      return 0;      /* the parent ended before the request */
   struct sigaction sa = { .sa_handler = on_stop };
   sigaction(SIGTERM, &sa, NULL);
   sigaction(SIGINT, &sa, NULL);
   sa.sa_handler = on_usr1;
   sa.sa_flags = SA_RESTART;
   sigaction(SIGUSR1, &sa, NULL);

   unsigned char *known = make_known();
   void *guard = make_guard();
   void *s = shm ? make_shm(shm) : NULL;
   void *p = priv ? make_priv(priv) : NULL;
   if (lock)
      hold_locks(lock);
   make_maps(nmaps);
   void *b = big_mib > 0 ? make_big(big_mib) : NULL;
   void *r = sparse_mib > 0 ? make_sparse(sparse_mib) : NULL;
   if (undumpable && prctl(PR_SET_DUMPABLE, 0) != 0)
      die("prctl");
   printf("pid=%ld known=0x%jx counter=0x%jx guard=0x%jx shm=0x%jx priv=0x%jx big=0x%jx sparse=0x%jx\n",
          (long)getpid(), (uintmax_t)(uintptr_t)known, (uintmax_t)(uintptr_t)counter,
          (uintmax_t)(uintptr_t)guard, (uintmax_t)(uintptr_t)s, (uintmax_t)(uintptr_t)p,
          (uintmax_t)(uintptr_t)b, (uintmax_t)(uintptr_t)r);
   fflush(stdout);
   sigset_t none;
   sigemptyset(&none);
   while (!stop)
      sigsuspend(&none);
   if (shm_name[0])
      shm_unlink(shm_name);
   return 0;
}
