/* life.c - the whole life of an object, stage by stage, beside Windows:
 * each kind fills its own (a file, a POSIX shm object, a System V segment,
 * another process's memory). */
#include "config.h"

#include "app/mapfacts.h"
#include "app/session.h"
#include "core/source.h"
#include "core/window.h"
#include "platform/scene.h"
#include "tap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static bool has(const char *hay, const char *needle) {
   bool yes = strstr(hay, needle) != NULL;
   if (!yes)
      diag("'%s' not in '%s'", needle, hay);
   return yes;
}

static void test_file(void) {
   char path[512], want[600];
   snprintf(path, sizeof path, "%s/mapscope-life-%ld.bin", platform_temp_dir(), (long)getpid());
   char data[8192] = "life";
   ok(platform_file_create(path, data, sizeof data) == 0, "file made");
   Source *s;
   Error e;
   if (!ok(source_open(path, false, &s, &e), "file opens"))
      return;
   Window w = { { 0x1010, 0x1000, 0x10, 4096 }, PLATFORM_MAP_READ, NULL };
   ok(window_map(&w, s, 0x1010, 4096, 4096, PLATFORM_MAP_READ, false, &e), "window mapped");
   SourceLife L;
   source_describe_life(s, w.span.start, (size_t)w.span.length, w.mode, w.addr, NULL, &L);
   int fd = (int)s->handle;
   snprintf(want, sizeof want, "open(\"%s\", O_RDONLY) = %d", path, fd);
   is_str(L.step[SOURCE_STAGE_OPEN].call, want, "open: the real call");
   ok(has(L.step[SOURCE_STAGE_OPEN].windows, "CreateFile(\"")
      && has(L.step[SOURCE_STAGE_OPEN].windows, "GENERIC_READ,")
      && has(L.step[SOURCE_STAGE_OPEN].windows, "CreateFileMapping(hFile, NULL, PAGE_READONLY"),
      "open: CreateFile + CreateFileMapping(PAGE_READONLY)");
   snprintf(want, sizeof want, "mmap(NULL, 4096, PROT_READ, MAP_SHARED, %d, 0x1000) = %p", fd,
            (void *)w.addr);
   is_str(L.step[SOURCE_STAGE_VIEW].call, want, "view: the mmap() that made the window");
   is_str(L.step[SOURCE_STAGE_VIEW].windows,
          "MapViewOfFile(hMap, FILE_MAP_READ, 0x00000000, 0x00001000, 4096)", "view: MapViewOfFile");
   is_str(L.step[SOURCE_STAGE_VIEW].prot, "PROT_READ, MAP_SHARED", "view: protection");
   is_str(L.step[SOURCE_STAGE_VIEW].windows_prot, "PAGE_READONLY, FILE_MAP_READ",
          "view: PAGE_READONLY, FILE_MAP_READ");
   snprintf(want, sizeof want, "mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE, %d, 0x1000)", fd);
   is_str(L.step[SOURCE_STAGE_COPY].call, want, "copy: not made yet, no address");
   is_str(L.step[SOURCE_STAGE_COPY].prot, "PROT_READ|PROT_WRITE, MAP_PRIVATE", "copy: MAP_PRIVATE");
   is_str(L.step[SOURCE_STAGE_COPY].windows_prot, "PAGE_WRITECOPY, FILE_MAP_COPY",
          "copy: PAGE_WRITECOPY, FILE_MAP_COPY");
   ok(L.step[SOURCE_STAGE_COPY].note[0] != '\0', "copy: says when it is made");
   source_describe_life(s, w.span.start, (size_t)w.span.length, w.mode, w.addr, (void *)0x5000,
                        &L);
   ok(has(L.step[SOURCE_STAGE_COPY].call, ") = 0x5000"), "copy: made, with its address");
   snprintf(want, sizeof want, "pwrite(%d, ...) + fsync(%d) (a MAP_SHARED view: msync(MS_SYNC))",
            fd, fd);
   is_str(L.step[SOURCE_STAGE_FLUSH].call, want, "flush: pwrite + fsync");
   ok(has(L.step[SOURCE_STAGE_FLUSH].windows, "FlushFileBuffers(hFile)")
      && has(L.step[SOURCE_STAGE_FLUSH].windows, "FlushViewOfFile"),
      "flush: FlushViewOfFile + FlushFileBuffers");
   ok(has(L.step[SOURCE_STAGE_FLUSH].note, "journal"), "flush: journaled");
   is_str(L.step[SOURCE_STAGE_UNMAP].call, "munmap(addr, 4096)", "unmap: munmap");
   is_str(L.step[SOURCE_STAGE_UNMAP].windows, "UnmapViewOfFile(addr)", "unmap: UnmapViewOfFile");
   snprintf(want, sizeof want, "close(%d)", fd);
   is_str(L.step[SOURCE_STAGE_CLOSE].call, want, "close: close");
   ok(has(L.step[SOURCE_STAGE_CLOSE].windows, "CloseHandle(hFile)"), "close: CloseHandle");
   is_str(source_stage_name(SOURCE_STAGE_FLUSH), "4 flush", "stage names, numbered");
   window_unmap(&w, s);
   source_close(s);
   platform_file_remove(path);
}

static void test_shm(void) {
   char name[64], spec[80], want[200];
   snprintf(name, sizeof name, "/mapscope-life-%ld", (long)getpid());
   PlatformHandle fd;
   void *addr;
   ok(platform_shm_create(name, 8192, &fd, &addr) == 0, "shm object made");
   snprintf(spec, sizeof spec, "shm:%s", name + 1);
   Source *s;
   Error e;
   if (ok(source_open(spec, false, &s, &e), "shm opens")) {
      SourceLife L;
      source_describe_life(s, 0, 8192, PLATFORM_MAP_READ, NULL, NULL, &L);
      snprintf(want, sizeof want, "shm_open(\"%s\", O_RDONLY, 0) = %d", name, (int)s->handle);
      is_str(L.step[SOURCE_STAGE_OPEN].call, want, "shm: shm_open");
      snprintf(want, sizeof want, "OpenFileMapping(FILE_MAP_READ, FALSE, \"Local\\\\%s\")",
               name + 1);
      is_str(L.step[SOURCE_STAGE_OPEN].windows, want, "shm: OpenFileMapping by name");
      ok(has(L.step[SOURCE_STAGE_OPEN].note, "INVALID_HANDLE_VALUE"),
         "shm: its maker's CreateFileMapping(INVALID_HANDLE_VALUE)");
      is_str(L.step[SOURCE_STAGE_CLOSE].windows, "CloseHandle(hMap)", "shm: no file handle");
      source_close(s);
   }
   platform_shm_remove(name);
}

static void test_sysv(void) {
   int id;
   void *addr;
   uint32_t key = 0x6c000000u | ((uint32_t)getpid() & 0xffffffu);
   if (platform_sysv_shm_create(key, 8192, &id, &addr) != 0) {
      skip("no System V shared memory here", "sysv life");
      return;
   }
   char spec[64], want[200];
   snprintf(spec, sizeof spec, "sysv:key=0x%08x", key);
   Source *s;
   Error e;
   if (ok(source_open(spec, false, &s, &e), "segment opens by key")) {
      Window w = { { 0, 0, 0, 0 }, PLATFORM_MAP_READ, NULL };
      ok(window_map(&w, s, 4096, 4096, 4096, PLATFORM_MAP_READ, false, &e), "attached");
      SourceLife L;
      source_describe_life(s, w.span.start, (size_t)w.span.length, w.mode, w.addr, NULL, &L);
      snprintf(want, sizeof want, "shmget(0x%08x, 0, 0) = %d + shmctl(%d, IPC_STAT, &ds)", key,
               id, id);
      is_str(L.step[SOURCE_STAGE_OPEN].call, want, "sysv: shmget by key, then IPC_STAT");
      snprintf(want, sizeof want, "shmat(%d, NULL, SHM_RDONLY) = %p", id, s->priv);
      is_str(L.step[SOURCE_STAGE_VIEW].call, want, "sysv: the one shmat()");
      is_str(L.step[SOURCE_STAGE_VIEW].prot, "SHM_RDONLY", "sysv: SHM_RDONLY");
      is_str(L.step[SOURCE_STAGE_VIEW].windows_prot, "PAGE_READONLY, FILE_MAP_READ",
             "sysv: PAGE_READONLY");
      ok(has(L.step[SOURCE_STAGE_COPY].prot, "MAP_ANONYMOUS"), "sysv: a copy is anonymous memory");
      is_str(L.step[SOURCE_STAGE_FLUSH].call, "", "sysv: no flush call");
      ok(has(L.step[SOURCE_STAGE_FLUSH].note, "none"), "sysv: says why");
      is_str(L.step[SOURCE_STAGE_UNMAP].call, "shmdt(addr)", "sysv: shmdt");
      is_str(L.step[SOURCE_STAGE_CLOSE].call, "", "sysv: nothing to close");
      window_unmap(&w, s);
      source_close(s);
   }
   platform_sysv_shm_remove(id);
}

/* A forked child holds our mappings at our addresses: an anonymous
 * read-write one, an executable one and a private view of a file. */
static void pid_region(pid_t pid, void *at, bool writable, SourceLife *L) {
   char spec[64];
   Source *s;
   Error e;
   memset(L, 0, sizeof *L);
   snprintf(spec, sizeof spec, "pid:%d:%llx", (int)pid, (unsigned long long)(uintptr_t)at);
   if (!ok(source_open(spec, writable, &s, &e), "%s opens", spec))
      return;
   source_describe_life(s, 0, 4096, PLATFORM_MAP_READ, NULL, NULL, L);
   source_close(s);
}

/* One anonymous page with PROT, a region of its own: between two pages
 * with no access, it never merges with a neighbour of the same kind (the
 * sanitizer's allocations are rw-p anonymous too). */
static void *lone_page(size_t page, int prot) {
   char *g = mmap(NULL, 3 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   if (g == MAP_FAILED || mprotect(g + page, page, prot) != 0)
      return MAP_FAILED;
   return g + page;
}

static void test_pid(void) {
   size_t page = platform_page_size();
   char path[512], want[600];
   snprintf(path, sizeof path, "%s/mapscope-life-pid-%ld.bin", platform_temp_dir(), (long)getpid());
   char data[8192] = "file";
   if (!ok(platform_file_create(path, data, sizeof data) == 0, "file made"))
      return;
   int fd = open(path, O_RDWR);
   void *rw = lone_page(page, PROT_READ | PROT_WRITE);
   void *rx = lone_page(page, PROT_READ | PROT_EXEC);
   void *cow = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
   if (!ok(fd >= 0 && rw != MAP_FAILED && rx != MAP_FAILED && cow != MAP_FAILED,
           "three regions mapped")) {
      platform_file_remove(path);
      return;
   }
   fflush(stdout);
   pid_t pid = fork();
   if (pid == 0) {
      for (;;)
         pause();
   }
   SourceLife L;
   pid_region(pid, rw, false, &L);
   snprintf(want, sizeof want,
            "open(\"/proc/%d/status\") + open(\"/proc/%d/comm\") + open(\"/proc/%d/maps\") + "
            "process_vm_readv(%d, {buf, 1}, 1, {addr, 1}, 1, 0)",
            (int)pid, (int)pid, (int)pid, (int)pid);
   is_str(L.step[SOURCE_STAGE_OPEN].call, want, "pid:PID:ADDR: found by its number, its region too");
   snprintf(want, sizeof want, "OpenProcess(PROCESS_VM_READ | PROCESS_QUERY_INFORMATION, FALSE, %d)",
            (int)pid);
   is_str(L.step[SOURCE_STAGE_OPEN].windows, want, "pid: OpenProcess to read, by its number");
   snprintf(want, sizeof want, "process_vm_readv(%d, {buf, 4096}, 1, {%p, 4096}, 1, 0)", (int)pid,
            rw);
   is_str(L.step[SOURCE_STAGE_VIEW].call, want, "pid: the read of the visible bytes");
   snprintf(want, sizeof want,
            "ReadProcessMemory(hProcess, %p, buf, 4096, &got) + "
            "VirtualQueryEx(hProcess, %p, &mbi, sizeof mbi)", rw, rw);
   is_str(L.step[SOURCE_STAGE_VIEW].windows, want, "pid: ReadProcessMemory + VirtualQueryEx");
   is_str(L.step[SOURCE_STAGE_VIEW].prot, "PROT_READ|PROT_WRITE, MAP_PRIVATE (rw-p)",
          "pid: the region's protections");
   is_str(L.step[SOURCE_STAGE_VIEW].windows_prot, "PAGE_READWRITE", "pid: anonymous rw-p");
   snprintf(want, sizeof want, "/proc/%d/mem", (int)pid);
   ok(has(L.step[SOURCE_STAGE_VIEW].note, want), "pid: the fallback named");
   ok(has(L.step[SOURCE_STAGE_COPY].call, "malloc(n)")
      && has(L.step[SOURCE_STAGE_COPY].note, "copy-on-write"),
      "pid: edits staged in our memory, no copy-on-write");
   snprintf(want, sizeof want, "process_vm_writev(%d, {buf, n}, 1, {addr, n}, 1, 0)", (int)pid);
   is_str(L.step[SOURCE_STAGE_FLUSH].call, want, "pid: process_vm_writev");
   snprintf(want, sizeof want,
            "OpenProcess(PROCESS_VM_WRITE | PROCESS_VM_OPERATION, FALSE, %d) + "
            "WriteProcessMemory(hProcess, addr, buf, n, &put)", (int)pid);
   is_str(L.step[SOURCE_STAGE_FLUSH].windows, want,
          "pid opened to read: Windows opens it again to write, no instruction cache to flush");
   ok(has(L.step[SOURCE_STAGE_FLUSH].note, "journal") && has(L.step[SOURCE_STAGE_FLUSH].note,
                                                             "changed"),
      "pid: no journal, refused where the bytes changed");
   is_str(L.step[SOURCE_STAGE_UNMAP].call, "", "pid: nothing unmapped");
   ok(has(L.step[SOURCE_STAGE_UNMAP].note, "none"), "pid: says why");
   is_str(L.step[SOURCE_STAGE_CLOSE].call, "", "pid: nothing closed");
   is_str(L.step[SOURCE_STAGE_CLOSE].windows, "CloseHandle(hProcess)", "pid: CloseHandle");

   pid_region(pid, rw, true, &L);
   ok(has(L.step[SOURCE_STAGE_OPEN].windows,
          "PROCESS_VM_READ | PROCESS_QUERY_INFORMATION | PROCESS_VM_WRITE | PROCESS_VM_OPERATION"),
      "pid -w: OpenProcess to write too");
   is_str(L.step[SOURCE_STAGE_FLUSH].windows, "WriteProcessMemory(hProcess, addr, buf, n, &put)",
          "pid -w: WriteProcessMemory through the handle it has");

   pid_region(pid, rx, true, &L);
   is_str(L.step[SOURCE_STAGE_VIEW].prot, "PROT_READ|PROT_EXEC, MAP_PRIVATE (r-xp)",
          "pid: an executable region");
   is_str(L.step[SOURCE_STAGE_VIEW].windows_prot, "PAGE_EXECUTE_READ", "pid: PAGE_EXECUTE_READ");
   ok(has(L.step[SOURCE_STAGE_FLUSH].windows, "FlushInstructionCache(hProcess, addr, n)"),
      "pid -w, executable: FlushInstructionCache");

   pid_region(pid, cow, false, &L);
   is_str(L.step[SOURCE_STAGE_VIEW].windows_prot, "PAGE_WRITECOPY",
          "pid: a private writable view of a file is PAGE_WRITECOPY");

   kill(pid, SIGKILL);
   waitpid(pid, NULL, 0);
   munmap(rw, page);
   munmap(rx, page);
   munmap(cow, page);
   close(fd);
   platform_file_remove(path);
}

/* A kind that describes no life of its own still gets its view stage,
 * and a word on what it does not say. */
static void describe_none(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                          const void *addr, SourceMapCall *out) {
   (void)s, (void)mode, (void)addr;
   snprintf(out->function, sizeof out->function, "peek");
   snprintf(out->args, sizeof out->args, "0x%llx, %zu", (unsigned long long)offset, len);
}

static void test_no_life(void) {
   const SourceOps ops = { .kind = "test", .caps = SOURCE_CAN_READ, .describe_map = describe_none };
   Source s = { .ops = &ops, .handle = PLATFORM_HANDLE_NONE };
   SourceLife L;
   source_describe_life(&s, 0x10, 4, PLATFORM_MAP_READ, NULL, NULL, &L);
   is_str(L.step[SOURCE_STAGE_VIEW].call, "peek(0x10, 4)", "no life: the view stage still");
   ok(L.step[SOURCE_STAGE_OPEN].note[0] != '\0', "no life: says so");
   ok(has(L.step[SOURCE_STAGE_COPY].note, "none"), "no life, not mapped: no copy");
   unsigned char st[2] = { 1, 1 };
   PlatformResidency how;
   int why = -1;
   is_u64(source_residency(&s, 0, NULL, 2, st, &how, &why), 0, "no residency op: no error");
   ok(how == PLATFORM_RESIDENCY_UNKNOWN && st[0] == 0 && st[1] == 0 && why == 0,
      "no residency op: every page unknown");
}

/* What an unprivileged user is told of a root-owned file's pages: nothing
 * (mincore() would call them all resident, cachestat() refuses).  Run in
 * a child that became nobody; its exit status says what it saw. */
static int as_nobody(const char *path) {
   if (setgid(65534) != 0 || setuid(65534) != 0)
      return 3;
   Session s;
   SessionConfig cfg = { 0 };
   Error e;
   if (!session_open(&s, path, &cfg, &e))
      return 4;
   unsigned char buf[64], vec[8], st[8];
   size_t pages;
   session_set_geometry(&s, 16, 4);
   session_visible(&s, buf, sizeof buf);
   bool said = session_residency(&s, vec, sizeof vec, &pages);
   MapResidency r;
   bool mapped = mapfacts_residency(&s, st, sizeof st, &r);
   session_close(&s);
   if (said)
      return 5;
   return mapped && r.how == PLATFORM_RESIDENCY_UNKNOWN && r.why == EPERM && r.unknown == r.shown
          && r.resident == 0 ? 0 : 6;
}

static void test_unprivileged(void) {
   if (geteuid() != 0) {
      skip("needs root to make a file and become another user", "residency as nobody");
      return;
   }
   char path[512], data[16384] = "root's";
   snprintf(path, sizeof path, "%s/mapscope-life-ro-%ld.bin", platform_temp_dir(), (long)getpid());
   if (!ok(platform_file_create(path, data, sizeof data) == 0, "a root-owned file"))
      return;
   fflush(stdout);
   pid_t pid = fork();
   if (pid == 0)
      _exit(as_nobody(path));
   int status = -1;
   waitpid(pid, &status, 0);
   is_u64(WIFEXITED(status) ? (uint64_t)WEXITSTATUS(status) : 99, 0,
          "as nobody: the session says nothing of the pages, every page unknown (EPERM)");
   platform_file_remove(path);
}

int main(void) {
   plan_lazy();
   test_no_life();
   test_unprivileged();
   test_file();
   test_shm();
   test_sysv();
   test_pid();
   return done_testing();
}
