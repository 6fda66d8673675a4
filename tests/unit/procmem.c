/* Unit tests: the platform's access to another process's memory
 * (platform/procmem.h) against a forked child, which has our addresses:
 * bytes it changed after the fork, a read that runs into a guard page
 * (the exact count before it), a write, the region list, and the causes
 * given for a guard page, an unmapped address and a process that is gone. */
#include "config.h"

#include "platform/procmem.h"
#include "tap.h"

#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static int child_pipe[2];

static unsigned char *page_pair(size_t page) {
   unsigned char *p = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   if (p == MAP_FAILED)
      return NULL;
   memset(p, 0xaa, 3 * page);
   return p;
}

/* The child changes the bytes, closes off the third page, says so, and
 * waits to be killed. */
static pid_t start_child(unsigned char *p, size_t page) {
   if (pipe(child_pipe) != 0)
      return -1;
   pid_t pid = fork();
   if (pid == 0) {
      memcpy(p, "child bytes", 11);
      p[2 * page - 1] = 0x77;
      mprotect(p + 2 * page, page, PROT_NONE);
      if (write(child_pipe[1], "r", 1) != 1)
         _exit(1);
      for (;;)
         pause();
   }
   char c;
   if (pid > 0 && read(child_pipe[0], &c, 1) != 1)
      return -1;
   return pid;
}

static void test_read(pid_t pid, const unsigned char *p, size_t page) {
   unsigned char buf[32];
   size_t got = 0;
   uint64_t a = (uint64_t)(uintptr_t)p;
   is_u64(platform_proc_read(pid, a, buf, 11, &got), 0, "a read of the child's bytes");
   ok(got == 11 && memcmp(buf, "child bytes", 11) == 0, "the bytes the child wrote, not ours");
   unsigned char *big = malloc(3 * page);
   int rc = platform_proc_read(pid, a + 16, big, 3 * page - 16, &got);
   ok(rc == EFAULT, "a read into the guard page fails with EFAULT (%d)", rc);
   is_u64(got, 2 * page - 16, "exactly the bytes before the guard page were read");
   ok(big[2 * page - 17] == 0x77, "the last readable byte is there");
   free(big);
   char why[512];
   platform_proc_why(pid, rc, PLATFORM_PROC_READING, a + 2 * page, why, sizeof why);
   ok(strstr(why, "guard page") != NULL, "the cause: a guard page (%s)", why);
   rc = platform_proc_read(pid, 8, buf, 4, &got);
   ok(rc == EFAULT && got == 0, "address 8 cannot be read");
   platform_proc_why(pid, rc, PLATFORM_PROC_READING, 8, why, sizeof why);
   ok(strstr(why, "not mapped") != NULL, "the cause: not mapped (%s)", why);
}

static void test_write(pid_t pid, const unsigned char *p) {
   unsigned char buf[4];
   size_t n;
   uint64_t a = (uint64_t)(uintptr_t)p + 100;
   ok(platform_proc_write(pid, a, "\x01\x02\x03\x04", 4, &n) == 0 && n == 4, "a write");
   ok(platform_proc_read(pid, a, buf, 4, &n) == 0 && memcmp(buf, "\x01\x02\x03\x04", 4) == 0,
      "reads back");
   ok(p[100] == 0xaa, "our own copy is untouched");
}

static void test_regions(pid_t pid, const unsigned char *p, size_t page) {
   PlatformProcRegion *v;
   PlatformMemFigures tot;
   size_t n, i;
   uint64_t a = (uint64_t)(uintptr_t)p;
   ok(platform_proc_regions(pid, true, &v, &n, &tot) == 0 && n > 3, "the region list");
   for (i = 0; i < n && !(v[i].map.start <= a && a < v[i].map.end); i++)
      ;
   ok(i < n && v[i].kind == PLATFORM_REGION_ANON && strcmp(v[i].map.perms, "rw-p") == 0,
      "our pages: anonymous, rw-p");
   ok(i < n && v[i].figures.known && v[i].figures.rss >= 2 * page, "their Rss counts them");
   ok(i + 1 < n && v[i + 1].map.start == a + 2 * page && strcmp(v[i + 1].map.perms, "---p") == 0,
      "then the guard page");
   ok(tot.known && tot.rss >= 2 * page, "totals");
   bool heap_or_stack = false;
   for (i = 0; i < n; i++)
      heap_or_stack |= v[i].kind == PLATFORM_REGION_STACK
                       && strcmp(v[i].map.backing.name, "[stack]") == 0;
   ok(heap_or_stack, "[stack] is named");
   platform_proc_regions_free(v, n);
}

static void test_gone(pid_t pid) {
   char why[512], comm[32];
   size_t got;
   PlatformUserId uid;
   unsigned char b;
   PlatformProcRegion *v;
   size_t n;
   kill(pid, SIGKILL);
   waitpid(pid, NULL, 0);
   int rc = platform_proc_read(pid, 4096, &b, 1, &got);
   ok(rc == ESRCH, "a process that is gone: ESRCH (%d)", rc);
   platform_proc_why(pid, rc, PLATFORM_PROC_READING, 0, why, sizeof why);
   ok(strstr(why, "no process") != NULL, "the cause says so (%s)", why);
   ok(platform_proc_regions(pid, false, &v, &n, NULL) == ESRCH, "no region list");
   ok(platform_proc_identity(pid, comm, sizeof comm, &uid) == ESRCH, "no identity");
   ok(platform_proc_read(0, 0, &b, 1, &got) == ESRCH, "pid 0 is no process");
}

int main(void) {
   plan_lazy();
   size_t page = (size_t)sysconf(_SC_PAGESIZE);
   unsigned char *p = page_pair(page);
   pid_t pid = p ? start_child(p, page) : -1;
   if (pid <= 0) {
      ok(false, "a child to read");
      return done_testing();
   }
   char comm[32];
   PlatformUserId uid;
   ok(platform_proc_identity(pid, comm, sizeof comm, &uid) == 0 && strcmp(comm, "procmem.t") == 0
      && uid == (PlatformUserId)getuid(), "identity: comm and owner (%s)", comm);
   test_read(pid, p, page);
   test_write(pid, p);
   test_regions(pid, p, page);
   test_gone(pid);
   return done_testing();
}
