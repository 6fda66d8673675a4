/* source_sysv.c - System V shared-memory segments: sysv:ID or sysv:key=0xKEY.
 *
 * A segment has no descriptor: it is attached once with shmat() (read-only
 * unless writing was asked for) and every window is a slice of that one
 * attachment.  A copy-on-write window is a private copy of the slice.
 *
 * Attaching changes the segment: nattch counts us, lpid and the attach time
 * become ours.  So opening only stats it (IPC_STAT changes nothing), and
 * the attach waits for the first map or read: --info never attaches. */
#include "config.h"

#include "core/source.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "platform/mapping.h"
#include "platform/names.h"
#include "platform/namelook.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Digits only, as ipcs prints them: strtoull alone would take blanks, a
 * sign or "0x" in an ID. */
static bool all_digits(const char *s, bool hex_allowed) {
   if (hex_allowed && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
      s += 2;
      if (*s == '\0')
         return false;
      for (; *s; s++)
         if (!strchr("0123456789abcdefABCDEF", *s))
            return false;
      return true;
   }
   if (*s == '\0')
      return false;
   for (; *s; s++)
      if (*s < '0' || *s > '9')
         return false;
   return true;
}

/* "ID" or "key=KEY" (KEY in hex with 0x, or decimal). */
static bool parse_spec(const char *name, bool *by_key, unsigned long long *value, Error *e) {
   const char *num = name;
   *by_key = strncmp(name, "key=", 4) == 0;
   if (*by_key)
      num += 4;
   char *end;
   errno = 0;
   *value = strtoull(num, &end, *by_key ? 0 : 10);
   if (!all_digits(num, *by_key) || *end != '\0' || errno != 0
       || *value > (*by_key ? UINT32_MAX : INT32_MAX)) {
      error_set(e, ERR_BAD_SOURCE, 0, "%s", _("give sysv:ID or sysv:key=0xKEY"));
      return false;
   }
   return true;
}

static bool resolve_id(const char *name, bool describing, int *id, Error *e) {
   bool by_key;
   unsigned long long v;
   if (!parse_spec(name, &by_key, &v, e))
      return false;
   if (!by_key) {
      *id = (int)v;
      return true;
   }
   if (v == 0) {               /* IPC_PRIVATE: every such segment has key 0 */
      error_set(e, ERR_BAD_SOURCE, 0, "%s",
                _("key 0 is IPC_PRIVATE, shared by every private segment: none can be "
                  "found by it; give sysv:ID (the shmid ipcs -m shows)"));
      return false;
   }
   int rc = platform_sysv_shm_find((uint32_t)v, id);
   if (rc == EACCES && describing)      /* --info: the kernel's list tells anyone */
      rc = platform_sysv_shm_find_listed((uint32_t)v, id);
   if (rc == ENOENT)
      error_set(e, ERR_NO_OBJECT, 0, _("no System V segment with key 0x%08llx"), v);
   else if (rc != 0)
      error_set(e, ERR_OPEN, rc, NULL);
   return rc == 0;
}

static bool sysv_open(Source *s, const char *name, bool writable, Error *e) {
   int id;
   (void)writable;             /* s->writable: the attach comes later */
   if (!resolve_id(name, s->describing, &id, e))
      return false;
   char buf[32];
   snprintf(buf, sizeof buf, "%d", id);
   if (!(s->name = strdup(buf))) {
      error_set(e, ERR_OPEN, ENOMEM, NULL);
      return false;
   }
   int rc = platform_sysv_shm_stat(id, &s->st);
   if (rc == EACCES && s->describing) {  /* --info: the kernel's list tells anyone */
      rc = platform_sysv_shm_stat_listed(id, &s->st);
      s->open_denied = EACCES;
   }
   if (rc == EINVAL || rc == EIDRM)
      error_set(e, ERR_NO_OBJECT, 0, _("no System V segment with id %d"), id);
   else if (rc != 0)
      error_set(e, ERR_OPEN, rc, NULL);
   if (rc != 0)
      return false;
   s->size = s->st.size;
   return true;
}

static bool sysv_refresh(Source *s, Error *e) {
   int rc = platform_sysv_shm_stat((int)s->st.ino, &s->st);
   if (rc != 0) {
      error_set(e, ERR_READ, rc, NULL);
      return false;
   }
   s->size = s->st.size;
   return true;
}

const char source_sysv_attach_note[] =
   N_("attached by mapscope: counted in nattch while open; lpid and the attach time "
      "now name mapscope");

/* The one attachment, made on first use. */
static bool attached(Source *s, Error *e) {
   if (s->priv)
      return true;
   int rc = platform_sysv_shm_attach((int)s->st.ino, s->writable, &s->priv, &s->st);
   if (rc == EINVAL || rc == EIDRM)
      error_set(e, ERR_NO_OBJECT, 0, _("no System V segment with id %d"), (int)s->st.ino);
   else if (rc != 0)
      error_set(e, ERR_MAP, rc, NULL);
   if (rc != 0)
      return false;
   s->size = s->st.size;
   source_report_use(s);       /* whoever attached, the user is told */
   return true;
}

static bool in_segment(const Source *s, uint64_t offset, size_t len) {
   return offset <= s->size && len <= s->size - offset;
}

static bool sysv_map(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                     bool populate, void **addr, Error *e) {
   (void)populate;
   if (!attached(s, e))
      return false;
   if (!in_segment(s, offset, len)) {
      error_set(e, ERR_PAST_END, 0, NULL);
      return false;
   }
   unsigned char *base = s->priv;
   if (mode == PLATFORM_MAP_SHARED && !s->writable) {
      error_set(e, ERR_MAP, EACCES, "%s", _("the segment is attached read-only"));
      return false;
   }
   if (mode != PLATFORM_MAP_PRIVATE) {
      *addr = base + offset;
      return true;
   }
   int rc = platform_map_anonymous(len, addr);
   if (rc != 0) {
      error_set(e, ERR_MAP, rc, NULL);
      return false;
   }
   memcpy(*addr, base + offset, len);
   return true;
}

/* Slices of the attachment stay; private copies go. */
static void sysv_unmap(Source *s, void *addr, size_t len) {
   unsigned char *base = s->priv, *p = addr;
   if (p >= base && p < base + s->size)
      return;
   platform_unmap(addr, len);
}

static bool sysv_read(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e) {
   *got = 0;
   if (!attached(s, e))
      return false;
   if (offset >= s->size)
      return true;
   size_t n = s->size - offset < len ? (size_t)(s->size - offset) : len;
   memcpy(buf, (unsigned char *)s->priv + offset, n);
   *got = n;
   return true;
}

static void sysv_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end) {
   *start = offset < s->size ? offset : s->size;
   *end = s->size;
}

static void sysv_close(Source *s) {
   platform_sysv_shm_detach(s->priv);
   s->priv = NULL;
}

/* The segment's id is its inode, in a device no file system has: the
 * object list indexes System V segments the same way. */
static void sysv_identity(const Source *s, SourceIdentity *id) {
   id->dev = SOURCE_DEV_SYSV_SHM;
   id->ino = s->st.ino;
   id->in_file_system = false;
}

typedef unsigned long long ull;

/* Every window is a slice of the one shmat() made at open; a copy-on-write
 * window is an anonymous private mapping the slice was copied into. */
static void sysv_describe_map(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                              const void *addr, SourceMapCall *out) {
   (void)addr;
   if (mode == PLATFORM_MAP_PRIVATE) {
      snprintf(out->function, sizeof out->function, "mmap");
      snprintf(out->prot, sizeof out->prot, "PROT_READ|PROT_WRITE");
      snprintf(out->flags, sizeof out->flags, "MAP_PRIVATE|MAP_ANONYMOUS");
      snprintf(out->args, sizeof out->args, "NULL, %llu, %s, %s, -1, 0", (ull)len, out->prot,
               out->flags);
      snprintf(out->note, sizeof out->note, _("a copy of bytes 0x%llx.. of the segment"),
               (ull)offset);
      snprintf(out->windows, sizeof out->windows,
               "MapViewOfFile(hMap, FILE_MAP_COPY, 0x%08llx, 0x%08llx, %llu)",
               (ull)(offset >> 32), (ull)(offset & 0xffffffffu), (ull)len);
      return;
   }
   snprintf(out->function, sizeof out->function, "shmat");
   snprintf(out->prot, sizeof out->prot, "%s", s->writable ? "0" : "SHM_RDONLY");
   snprintf(out->args, sizeof out->args, "%llu, NULL, %s", (ull)s->st.ino, out->prot);
   out->result = s->priv;
   if (offset)
      snprintf(out->note, sizeof out->note, _("this window at +0x%llx"), (ull)offset);
   snprintf(out->windows, sizeof out->windows,
            "OpenFileMapping + MapViewOfFile(hMap, %s, 0, 0, 0)",
            s->writable ? "FILE_MAP_WRITE" : "FILE_MAP_READ");
}

/* A segment has a number, not a descriptor: opening only asks its state,
 * the first window attaches it once, and every window is a slice of it. */
static void sysv_life(const Source *s, size_t len, SourceLife *out) {
   (void)len;
   SourceLifeStep *o = &out->step[SOURCE_STAGE_OPEN];
   const char *key = s->spec && strncmp(s->spec, "sysv:key=", 9) == 0 ? s->spec + 9 : NULL;
   char k[64] = "";
   if (key) {
      escape_into(k, sizeof k, key);
      snprintf(o->call, sizeof o->call, "shmget(%s, 0, 0) = %llu + shmctl(%llu, IPC_STAT, &ds)",
               k, (ull)s->st.ino, (ull)s->st.ino);
   } else {
      snprintf(o->call, sizeof o->call, "shmctl(%llu, IPC_STAT, &ds)", (ull)s->st.ino);
   }
   snprintf(o->windows, sizeof o->windows, "OpenFileMapping(%s, FALSE, \"Local\\\\%s\")",
            s->writable ? "FILE_MAP_WRITE" : "FILE_MAP_READ", key ? k : "NAME");
   snprintf(o->note, sizeof o->note, "%s",
            _("a segment has a number (a key finds it), not a name or a descriptor: opening "
              "only reads its state; the first window attaches it"));
   SourceLifeStep *f = &out->step[SOURCE_STAGE_FLUSH];
   snprintf(f->note, sizeof f->note, "%s",
            _("none: a segment is memory, not a file; writes through shmat() are seen at once "
              "(as in a view of the paging file)"));
   SourceLifeStep *u = &out->step[SOURCE_STAGE_UNMAP];
   snprintf(u->call, sizeof u->call, "shmdt(addr)");
   snprintf(u->windows, sizeof u->windows, "UnmapViewOfFile(addr)");
   snprintf(u->note, sizeof u->note, "%s",
            _("once, at close: every window is a slice of the one attachment"));
   SourceLifeStep *c = &out->step[SOURCE_STAGE_CLOSE];
   snprintf(c->windows, sizeof c->windows, "CloseHandle(hMap)");
   snprintf(c->note, sizeof c->note, "%s",
            _("nothing to close: the segment lives until shmctl(IPC_RMID) and its last shmdt()"));
}

/* A segment is memory no file backs: mincore() tells anyone the truth. */
static int sysv_residency(const Source *s, uint64_t offset, const void *addr, size_t npages,
                          unsigned char *state, PlatformResidency *how, int *why) {
   (void)s;
   (void)offset;
   *why = 0;
   return platform_memory_pages(addr, npages, state, how);
}

/* What sysv:key=K leads to now: the segment with that key (REPLACED when
 * another, with READ_ERR EACCES when one the caller may not see); what
 * sysv:ID leads to: the segment itself, unless it is gone.  Either way a
 * segment removed (IPC_RMID) while still attached is MARKED: it goes when
 * its last process detaches. */
static void sysv_look(const Source *s, SourceLook *out) {
   int id = (int)s->st.ino;
   bool marked = false;
   int rc = platform_sysv_shm_marked(id, &marked);
   if (rc != 0 && rc != EINVAL && rc != EIDRM) {
      out->state = SOURCE_LOOK_UNKNOWN;
      out->err = rc;
      return;
   }
   bool alive = rc == 0;
   SourceLookState gone = alive && marked ? SOURCE_LOOK_MARKED : SOURCE_LOOK_REMOVED;
   const char *name = s->spec + strlen(source_sysv_ops.prefix);
   bool by_key = false;
   unsigned long long key = 0;
   Error e;
   if (strncmp(s->spec, source_sysv_ops.prefix, strlen(source_sysv_ops.prefix)) != 0
       || !parse_spec(name, &by_key, &key, &e) || !by_key) {
      out->state = alive && !marked ? SOURCE_LOOK_SAME : gone;
      return;
   }
   int now_id = -1;
   rc = platform_sysv_shm_find((uint32_t)key, &now_id);
   if (rc == 0 && now_id == id)
      out->state = SOURCE_LOOK_SAME;
   else if (rc == 0 || rc == EACCES) {
      out->state = SOURCE_LOOK_REPLACED;
      out->now = s->st;
      out->now.ino = rc == 0 ? (uint64_t)now_id : UINT64_MAX;
      if (rc == 0)
         (void)platform_sysv_shm_stat(now_id, &out->now);
      out->read_err = rc;
   } else if (rc == ENOENT)
      out->state = gone;
   else {
      out->state = SOURCE_LOOK_UNKNOWN;
      out->err = rc;
   }
}

const SourceOps source_sysv_ops = {
   .kind = N_("System V shared memory"),
   .prefix = "sysv:",
   .caps = SOURCE_CAN_MAP | SOURCE_CAN_READ | SOURCE_CAN_LIVE,
   .use_note = source_sysv_attach_note,
   .open = sysv_open,
   .refresh = sysv_refresh,
   .map = sysv_map,
   .unmap = sysv_unmap,
   .read = sysv_read,
   .next_data = sysv_next_data,
   .close = sysv_close,
   .identity = sysv_identity,
   .describe_map = sysv_describe_map,
   .describe_life = sysv_life,
   .residency = sysv_residency,
   .look = sysv_look,
};
