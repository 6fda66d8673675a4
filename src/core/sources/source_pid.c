/* source_pid.c - another process's bytes: pid:PID:ADDR and pid:PID:START-END.
 *
 * Addresses are hex, with or without 0x (as pmap and the region list print
 * them).  pid:PID:ADDR is the whole region that holds ADDR, opened at
 * ADDR: offset 0 is the region's start (Source.base), Source.origin is
 * ADDR's offset in it, where the screen's cursor goes and --dump/--xxd
 * start; pid:PID:START-END is exactly [START, END), gaps and all.
 * pid:PID alone is the region list, not bytes (--list pid:PID).
 *
 * Nothing is mapped: bytes are read (and flushed edits written) through
 * the platform's procmem.h, which never stops the process.  A page that cannot
 * be read is reported, never a crash: source_read() fails there with the
 * cause, source_read_marked() marks it and reads on.  There is no journal
 * for a process's memory: it has no file to keep one beside, and a
 * process that dies takes its bytes with it. */
#include "config.h"

#include "core/source.h"
#include "core/gettext.h"
#include "platform/procmem.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
   int pid;
   bool life_known;
   PlatformProcLife life;       /* at open: a new process on the id, or exec(), differs */
} PidState;

static const char prefix[] = "pid:";

/* ---- the SOURCE text --------------------------------------------------- */

static bool parse_hex(const char *p, const char **end, uint64_t *out) {
   uint64_t v = 0;
   size_t n = 0;
   if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
      p += 2;
   for (; *p; p++, n++) {
      const char *hex = "0123456789abcdef0123456789ABCDEF";
      const char *d = strchr(hex, *p);
      if (!d || n == 16)
         break;
      v = v << 4 | (uint64_t)((d - hex) % 16);
   }
   *end = p;
   *out = v;
   return n > 0 && n <= 16;
}

static bool parse_pid(const char *p, const char **end, int *pid) {
   long long v = 0;
   size_t n = 0;
   for (; *p >= '0' && *p <= '9' && n < 11; p++, n++)
      v = v * 10 + (*p - '0');
   *end = p;
   *pid = (int)v;
   return n > 0 && n < 11 && v > 0 && v <= INT_MAX;
}

static int bad_spec(Error *e) {
   error_set(e, ERR_BAD_SOURCE, 0, "%s",
             _("give pid:PID, pid:PID:ADDR or pid:PID:START-END (addresses in hex)"));
   return -1;
}

/* "self" (as the kernel names the caller) would be mapscope itself, whose memory changes
 * as it reads it and which a write would corrupt: refused, by name. */
static int refuse_self(Error *e) {
   error_set(e, ERR_BAD_SOURCE, 0, "%s",
             _("pid:self would be mapscope itself: give the number of another process"));
   return -1;
}

/* NAME is SOURCE without "pid:". */
static int parse_name(const char *name, SourcePidSpec *out, Error *e) {
   const char *p;
   memset(out, 0, sizeof *out);
   if (strncmp(name, "self", 4) == 0 && (name[4] == '\0' || name[4] == ':'))
      return refuse_self(e);
   if (!parse_pid(name, &p, &out->pid))
      return bad_spec(e);
   if (*p == '\0') {
      out->what = SOURCE_PID_ALL;
      return 1;
   }
   if (*p != ':' || !parse_hex(p + 1, &p, &out->addr))
      return bad_spec(e);
   if (*p == '\0') {
      out->what = SOURCE_PID_ADDR;
      return 1;
   }
   if (*p != '-' || !parse_hex(p + 1, &p, &out->end) || *p != '\0')
      return bad_spec(e);
   if (out->end <= out->addr) {
      error_set(e, ERR_BAD_SOURCE, 0, "%s", out->end == out->addr
                ? _("the range is empty (END is the first address after it)")
                : _("the range ends before it starts"));
      return -1;
   }
   out->what = SOURCE_PID_RANGE;
   return 1;
}

int source_pid_spec(const char *spec, SourcePidSpec *out, Error *e) {
   memset(out, 0, sizeof *out);
   if (strncmp(spec, prefix, sizeof prefix - 1) != 0)
      return 0;
   return parse_name(spec + sizeof prefix - 1, out, e);
}

/* ---- errors ------------------------------------------------------------- */

/* E from ERR of platform_proc_*() for PID doing WHAT at ADDR. */
static bool proc_failed(Error *e, int pid, int err, PlatformProcAccess what, uint64_t addr) {
   char why[sizeof e->detail];
   platform_proc_why(pid, err, what, addr, why, sizeof why);
   ErrorCode code = err == ESRCH ? ERR_PROC_GONE
                    : err == EPERM || err == EACCES || err == EXDEV ? ERR_PROC_DENIED
                    : err == EFAULT || err == EIO ? ERR_UNREADABLE : ERR_READ;
   error_set(e, code, err, "%s", why);
   return false;
}

/* ---- opening ------------------------------------------------------------- */

/* The region that holds ADDR: [*start, *end). */
static bool region_of(int pid, uint64_t addr, uint64_t *start, uint64_t *end, Error *e) {
   PlatformProcRegion *v;
   size_t n;
   int rc = platform_proc_regions(pid, false, &v, &n, NULL);
   if (rc != 0)
      return proc_failed(e, pid, rc, PLATFORM_PROC_LISTING, addr);
   bool found = false;
   for (size_t i = 0; i < n && !found; i++) {
      if (v[i].map.start <= addr && addr < v[i].map.end) {
         *start = v[i].map.start;
         *end = v[i].map.end;
         found = true;
      }
   }
   platform_proc_regions_free(v, n);
   return found || proc_failed(e, pid, EFAULT, PLATFORM_PROC_READING, addr);
}

/* One byte read at ADDR: refused and gone are said at once; an
 * unreadable page is not an error here (it shows as such). */
static bool probe(int pid, uint64_t addr, Error *e) {
   unsigned char b;
   size_t got;
   int rc = platform_proc_read(pid, addr, &b, 1, &got);
   if (rc == 0 || rc == EFAULT || rc == EIO)
      return true;
   return proc_failed(e, pid, rc, PLATFORM_PROC_READING, addr);
}

static bool pid_open(Source *s, const char *name, bool writable, Error *e) {
   SourcePidSpec sp;
   if (parse_name(name, &sp, e) < 0)
      return false;
   if (sp.what == SOURCE_PID_ALL) {
      error_set(e, ERR_BAD_SOURCE, 0, "%s",
                _("a process is a list of regions: give pid:PID:ADDR for its bytes, "
                  "or list them with --list pid:PID"));
      return false;
   }
   char comm[64];
   PlatformUserId uid;
   int rc = platform_proc_identity(sp.pid, comm, sizeof comm, &uid);
   if (rc != 0)
      return proc_failed(e, sp.pid, rc, PLATFORM_PROC_LISTING, 0);
   uint64_t start = sp.addr, end = sp.end;
   if (sp.what == SOURCE_PID_ADDR && !region_of(sp.pid, sp.addr, &start, &end, e))
      return false;
   if (!probe(sp.pid, sp.addr, e))
      return false;
   PidState *st = calloc(1, sizeof *st);
   if (!st || !(s->name = malloc(sizeof prefix + strlen(name)))) {
      free(st);
      error_set(e, ERR_OPEN, ENOMEM, NULL);
      return false;
   }
   strcpy(s->name, prefix);
   strcat(s->name, name);
   st->pid = sp.pid;
   st->life_known = platform_proc_life(sp.pid, &st->life) == 0 && !st->life.ended;
   s->priv = st;
   s->writable = writable;
   s->base = start;
   s->origin = sp.addr - start;
   s->size = end - start;
   s->st = (PlatformStat){ .kind = PLATFORM_KIND_OTHER, .size = s->size,
                           .dev = SOURCE_DEV_PROCESS, .ino = (uint64_t)sp.pid, .uid = uid };
   return true;
}

/* ---- bytes ----------------------------------------------------------------- */

static size_t clip(const Source *s, size_t len, uint64_t offset) {
   if (offset >= s->size)
      return 0;
   return s->size - offset < len ? (size_t)(s->size - offset) : len;
}

static bool pid_read(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e) {
   const PidState *st = s->priv;
   len = clip(s, len, offset);
   *got = 0;
   if (len == 0)
      return true;
   uint64_t addr = source_address(s, offset);
   int rc = platform_proc_read(st->pid, addr, buf, len, got);
   if (rc == 0)
      return true;
   return proc_failed(e, st->pid, rc, PLATFORM_PROC_READING, addr + *got);
}

/* Unreadable runs are whole pages: the next page may be readable again. */
static bool pid_read_marked(Source *s, void *buf, size_t len, uint64_t offset, size_t *got,
                            unsigned char *bad, SourceFault *fault, Error *e) {
   const PidState *st = s->priv;
   size_t page = platform_page_size(), done = 0;
   unsigned char *b = buf;
   len = clip(s, len, offset);
   *got = len;
   while (done < len) {
      size_t n = 0;
      uint64_t addr = source_address(s, offset + done);
      int rc = platform_proc_read(st->pid, addr, b + done, len - done, &n);
      done += n;
      if (rc == 0)
         break;
      if (rc != EFAULT && rc != EIO)
         return proc_failed(e, st->pid, rc, PLATFORM_PROC_READING, addr + n);
      uint64_t at = source_address(s, offset + done);
      size_t skip = page - (size_t)(at % page);
      if (skip > len - done)
         skip = len - done;
      memset(b + done, 0, skip);
      if (bad)
         memset(bad + done, 1, skip);
      if (fault && fault->err == 0)
         *fault = (SourceFault){ .offset = offset + done, .end = offset + done + skip, .err = rc };
      else if (fault && fault->end == offset + done)
         fault->end += skip;
      done += skip;
   }
   return true;
}

static bool pid_write(Source *s, const void *buf, size_t len, uint64_t offset, Error *e) {
   const PidState *st = s->priv;
   size_t put = 0;
   if (offset > s->size || len > s->size - offset) {
      error_set(e, ERR_PAST_END, 0, NULL);
      return false;
   }
   uint64_t addr = source_address(s, offset);
   int rc = platform_proc_write(st->pid, addr, buf, len, &put);
   if (rc == 0)
      return true;
   char why[sizeof e->detail];
   platform_proc_why(st->pid, rc, PLATFORM_PROC_WRITING, addr + put, why, sizeof why);
   error_set(e, rc == ESRCH ? ERR_PROC_GONE : ERR_FLUSH, rc, "%s", why);
   return false;
}

static void pid_fault_why(const Source *s, const SourceFault *f, char *buf, size_t size) {
   const PidState *st = s->priv;
   platform_proc_why(st->pid, f->err, PLATFORM_PROC_READING, source_address(s, f->offset),
                     buf, size);
}

/* ---- the rest of the table ----------------------------------------------------- */

/* Whether the process is still the one opened: not another that took
 * its id (another start time), not ended (a zombie, or exiting: its
 * memory is gone, and so are the addresses that tell exec() apart), nor
 * another program it exec()ed (whose memory is not what the view shows,
 * and which a flush must not write into).  In that order: each later
 * test means nothing once an earlier one holds. */
static bool same_life(const PidState *st, Error *e) {
   PlatformProcLife now;
   if (!st->life_known)
      return true;
   int rc = platform_proc_life(st->pid, &now);
   if (rc == ESRCH)
      return proc_failed(e, st->pid, rc, PLATFORM_PROC_LISTING, 0);
   if (rc != 0)
      return true;       /* unreadable now: the reads say what is wrong */
   if (now.start_time != st->life.start_time) {
      error_set(e, ERR_PROC_GONE, 0, _("process %d has exited; its id now names another process"),
                st->pid);
      return false;
   }
   if (now.ended)
      return proc_failed(e, st->pid, ESRCH, PLATFORM_PROC_LISTING, 0);
   if (now.start_stack != st->life.start_stack || now.arg_start != st->life.arg_start
       || now.env_start != st->life.env_start) {
      error_set(e, ERR_PROC_GONE, 0,
                _("process %d has run another program (exec): its memory is no longer what "
                  "was opened; open it again"), st->pid);
      return false;
   }
   return true;
}

/* The process may have exited or exec()ed: say so (an unmapped page shows
 * where it is read). */
static bool pid_refresh(Source *s, Error *e) {
   const PidState *st = s->priv;
   char comm[64];
   PlatformUserId uid;
   int rc = platform_proc_identity(st->pid, comm, sizeof comm, &uid);
   if (rc != 0)
      return proc_failed(e, st->pid, rc, PLATFORM_PROC_LISTING, 0);
   return same_life(st, e);
}

static bool pid_map(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                    bool populate, void **addr, Error *e) {
   (void)s, (void)offset, (void)len, (void)mode, (void)populate, (void)addr;
   error_set(e, ERR_NOT_MAPPABLE, 0, "%s", _("another process's memory is read, not mapped"));
   return false;
}

static void pid_unmap(Source *s, void *addr, size_t len) {
   (void)s, (void)addr, (void)len;
}

/* Every byte is data: unreadable pages are no holes (they do not read as
 * zeros), they are errors where they are read. */
static void pid_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end) {
   *start = offset < s->size ? offset : s->size;
   *end = s->size;
}

static void pid_close(Source *s) {
   free(s->priv);
   s->priv = NULL;
}

static void pid_identity(const Source *s, SourceIdentity *id) {
   const PidState *st = s->priv;
   id->dev = SOURCE_DEV_PROCESS;
   id->ino = (uint64_t)st->pid;
   id->in_file_system = false;
}

typedef unsigned long long ull;

static void pid_describe_map(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                             const void *addr, SourceMapCall *out) {
   const PidState *st = s->priv;
   (void)mode;
   (void)addr;
   snprintf(out->function, sizeof out->function, "process_vm_readv");
   snprintf(out->args, sizeof out->args, "%d, {buf, %llu}, 1, {0x%llx, %llu}, 1, 0", st->pid,
            (ull)len, (ull)source_address(s, offset), (ull)len);
   snprintf(out->windows, sizeof out->windows,
            "ReadProcessMemory(hProcess, 0x%llx, buf, %llu, &got)",
            (ull)source_address(s, offset), (ull)len);
   snprintf(out->note, sizeof out->note, "%s", _("read, not mapped: the process is not stopped"));
}

/* ---- its life ------------------------------------------------------------ */

/* The protections of the region that holds ADDR, read now (mprotect()
 * may have changed them since the open): *PERMS "rwxp", *FILE whether a
 * file backs it.  False when the region list cannot be read or no region
 * holds ADDR. */
static bool region_perms(int pid, uint64_t addr, char perms[5], bool *file) {
   PlatformProcRegion *v;
   size_t n;
   bool found = false;
   if (platform_proc_regions(pid, false, &v, &n, NULL) != 0)
      return false;
   for (size_t i = 0; i < n && !found; i++) {
      if (v[i].map.start <= addr && addr < v[i].map.end) {
         memcpy(perms, v[i].map.perms, 5);
         perms[4] = '\0';
         *file = v[i].map.backing.kind == PLATFORM_BACKING_FILE
                 || v[i].map.backing.kind == PLATFORM_BACKING_MEMFD;
         found = true;
      }
   }
   platform_proc_regions_free(v, n);
   return found;
}

/* "PROT_READ|PROT_EXEC, MAP_PRIVATE" of PERMS "r-xp". */
static void linux_prot(const char *perms, char *out, size_t size) {
   char p[48] = "";
   if (perms[0] == 'r')
      strcat(p, "|PROT_READ");
   if (perms[1] == 'w')
      strcat(p, "|PROT_WRITE");
   if (perms[2] == 'x')
      strcat(p, "|PROT_EXEC");
   snprintf(out, size, "%s, %s (%s)", p[0] ? p + 1 : "PROT_NONE",
            perms[3] == 's' ? "MAP_SHARED" : "MAP_PRIVATE", perms);
}

/* What VirtualQueryEx() would say of such a region on Windows: a private
 * writable view of a file is copy-on-write there too; Windows has no
 * write-only page. */
static const char *windows_prot(const char *perms, bool file) {
   bool r = perms[0] == 'r', w = perms[1] == 'w', x = perms[2] == 'x';
   bool cow = w && perms[3] != 's' && file;
   if (x)
      return w ? (cow ? "PAGE_EXECUTE_WRITECOPY" : "PAGE_EXECUTE_READWRITE")
             : r ? "PAGE_EXECUTE_READ" : "PAGE_EXECUTE";
   if (w)
      return cow ? "PAGE_WRITECOPY" : "PAGE_READWRITE";
   return r ? "PAGE_READONLY" : "PAGE_NOACCESS";
}

/* A process is opened by its number, nothing is mapped, edits wait in
 * buffers of our own and are written back without a journal. */
static void pid_life(const Source *s, size_t len, SourceLife *out) {
   const PidState *st = s->priv;
   uint64_t at = source_address(s, s->origin);
   char perms[5] = "", prot[96] = "";
   bool file = false, known = region_perms(st->pid, at, perms, &file);
   if (known)
      linux_prot(perms, prot, sizeof prot);

   SourceLifeStep *o = &out->step[SOURCE_STAGE_OPEN];
   char fallback[160];
   SourcePidSpec sp;
   Error e;
   bool by_addr = s->spec && source_pid_spec(s->spec, &sp, &e) == 1 && sp.what == SOURCE_PID_ADDR;
   platform_proc_calls(st->pid, by_addr, o->call, sizeof o->call, fallback, sizeof fallback);
   snprintf(o->windows, sizeof o->windows, "OpenProcess(%s, FALSE, %d)",
            s->writable ? "PROCESS_VM_READ | PROCESS_QUERY_INFORMATION | PROCESS_VM_WRITE | "
                          "PROCESS_VM_OPERATION"
                        : "PROCESS_VM_READ | PROCESS_QUERY_INFORMATION",
            st->pid);
   snprintf(o->note, sizeof o->note, "%s",
            _("nothing is opened: the process is looked up by its number (and the region "
              "that holds an address found); every read is checked against ptrace access "
              "mode PTRACE_MODE_ATTACH_REALCREDS"));

   SourceLifeStep *v = &out->step[SOURCE_STAGE_VIEW];
   size_t l = strlen(v->windows);
   snprintf(v->windows + l, sizeof v->windows - l,
            " + VirtualQueryEx(hProcess, 0x%llx, &mbi, sizeof mbi)", (ull)at);
   snprintf(v->prot, sizeof v->prot, "%s", prot);
   snprintf(v->windows_prot, sizeof v->windows_prot, "%s",
            known ? windows_prot(perms, file) : "");
   if (known)
      snprintf(v->note, sizeof v->note,
               _("the visible bytes, read again at each refresh (%s when process_vm_readv() is "
                 "refused); the process is not stopped"), fallback);
   else
      snprintf(v->note, sizeof v->note, "%s",
               _("the visible bytes, read again at each refresh; the region's protections "
                 "could not be read now"));

   /* Edits are staged whether or not S was opened for writing (the
    * screen opens read-only and writes at the flush): the Windows twin
    * opens the process again with the rights to write then. */
   SourceLifeStep *c = &out->step[SOURCE_STAGE_COPY];
   c->prot[0] = c->windows_prot[0] = '\0';
   snprintf(c->call, sizeof c->call, "malloc(n) + process_vm_readv(%d, ...)", st->pid);
   snprintf(c->windows, sizeof c->windows,
            "HeapAlloc(GetProcessHeap(), 0, n) + ReadProcessMemory(hProcess, ...)");
   snprintf(c->note, sizeof c->note, "%s",
            _("no copy-on-write of the process's pages: the staged edits live in "
              "mapscope's memory, in buffers read at the first edit"));

   SourceLifeStep *f = &out->step[SOURCE_STAGE_FLUSH];
   snprintf(f->call, sizeof f->call, "process_vm_writev(%d, {buf, n}, 1, {addr, n}, 1, 0)",
            st->pid);
   char reopen[96] = "";
   if (!s->writable)
      snprintf(reopen, sizeof reopen,
               "OpenProcess(PROCESS_VM_WRITE | PROCESS_VM_OPERATION, FALSE, %d) + ", st->pid);
   snprintf(f->windows, sizeof f->windows, "%sWriteProcessMemory(hProcess, addr, buf, n, &put)%s",
            reopen,
            known && perms[2] == 'x' ? " + FlushInstructionCache(hProcess, addr, n)" : "");
   snprintf(f->note, sizeof f->note, "%s",
            _("at W or :flush (only when mapscope was started with -w, even for one's own "
              "process), without a journal (a process has no file to keep one beside); refused "
              "where the bytes changed since they were read"));

   SourceLifeStep *u = &out->step[SOURCE_STAGE_UNMAP];
   u->call[0] = u->windows[0] = '\0';
   snprintf(u->note, sizeof u->note, "%s", _("none: nothing is mapped"));

   SourceLifeStep *cl = &out->step[SOURCE_STAGE_CLOSE];
   snprintf(cl->windows, sizeof cl->windows, "CloseHandle(hProcess)");
   snprintf(cl->note, sizeof cl->note, "%s",
            _("nothing to close: the pid is just a number (the process may end, or its number "
              "be given to another, meanwhile)"));
   (void)len;
}

const SourceOps source_pid_ops = {
   .kind = N_("process memory"),
   .prefix = prefix,
   .caps = SOURCE_CAN_READ | SOURCE_CAN_LIVE | SOURCE_CAN_EDIT | SOURCE_EDIT_NEEDS_W,
   .open = pid_open,
   .refresh = pid_refresh,
   .map = pid_map,
   .unmap = pid_unmap,
   .read = pid_read,
   .next_data = pid_next_data,
   .close = pid_close,
   .identity = pid_identity,
   .describe_map = pid_describe_map,
   .read_marked = pid_read_marked,
   .fault_why = pid_fault_why,
   .write = pid_write,
   .describe_life = pid_life,
};
