/* procfs.c - Linux's text formats and glibc's layouts into the typed
 * records of platform/procfs.h.  Pure functions of their input: no file is
 * opened here. */
#include "config.h"

#include "platform/procfs.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

/* ---- numbers --------------------------------------------------------- */

/* Up to MAX whitespace-separated words of LINE; returns their count. */
static size_t split(const char *line, const char **w, size_t *len, size_t max) {
   size_t n = 0;
   const char *p = line;
   for (;;) {
      while (*p == ' ' || *p == '\t')
         p++;
      if (!*p || n == max)
         return *p ? max + 1 : n;
      w[n] = p;
      while (*p && *p != ' ' && *p != '\t')
         p++;
      len[n] = (size_t)(p - w[n]);
      n++;
   }
}

/* The whole word W as an unsigned number in BASE, at most MAX. */
static bool word_u64(const char *w, size_t len, int base, uint64_t max, uint64_t *out) {
   char buf[32], *end;
   if (len == 0 || len >= sizeof buf || w[0] == '-' || w[0] == '+')
      return false;
   memcpy(buf, w, len);
   buf[len] = '\0';
   errno = 0;
   unsigned long long v = strtoull(buf, &end, base);
   if (*end != '\0' || errno != 0 || v > max)
      return false;
   *out = v;
   return true;
}

static bool word_int(const char *w, size_t len, int *out) {
   char buf[32], *end;
   if (len == 0 || len >= sizeof buf)
      return false;
   memcpy(buf, w, len);
   buf[len] = '\0';
   errno = 0;
   long long v = strtoll(buf, &end, 10);
   if (*end != '\0' || errno != 0 || v < INT_MIN || v > INT_MAX)
      return false;
   *out = (int)v;
   return true;
}

/* ---- System V ---------------------------------------------------------- */

#define SYSV_SHM_DEST 01000
#define SYSV_WORDS_MAX 16

typedef struct {
   const char *w[SYSV_WORDS_MAX];
   size_t len[SYSV_WORDS_MAX];
   size_t n;
} Words;

static bool u64_at(const Words *w, size_t i, uint64_t max, uint64_t *out) {
   return i < w->n && word_u64(w->w[i], w->len[i], 10, max, out);
}

static bool uint_at(const Words *w, size_t i, unsigned *out) {
   uint64_t v;
   if (!u64_at(w, i, UINT_MAX, &v))
      return false;
   *out = (unsigned)v;
   return true;
}

static bool int_at(const Words *w, size_t i, int *out) {
   return i < w->n && word_int(w->w[i], w->len[i], out);
}

static bool time_at(const Words *w, size_t i, int64_t *out) {
   uint64_t v;
   if (!u64_at(w, i, INT64_MAX, &v))
      return false;
   *out = (int64_t)v;
   return true;
}

/* key (printed signed), id, perms (octal): the first three columns. */
static bool sysv_head(const Words *w, PlatformSysvRecord *r, uint64_t *perms) {
   int key;
   if (!int_at(w, 0, &key) || !int_at(w, 1, &r->id) || r->id < 0
       || !word_u64(w->w[2], w->len[2], 8, 07777, perms))
      return false;
   r->key = (uint32_t)key;
   r->mode = (unsigned)*perms & 0777;
   return true;
}

/* key shmid perms size cpid lpid nattch uid gid cuid cgid atime dtime ctime [rss swap] */
static bool shm_line(const Words *w, PlatformSysvRecord *r) {
   uint64_t perms;
   if (w->n < 14 || !sysv_head(w, r, &perms))
      return false;
   r->removed = (perms & SYSV_SHM_DEST) != 0;
   return u64_at(w, 3, UINT64_MAX, &r->size)
          && int_at(w, 4, &r->cpid) && int_at(w, 5, &r->lpid)
          && u64_at(w, 6, UINT64_MAX, &r->nattch) && uint_at(w, 7, &r->uid)
          && uint_at(w, 8, &r->gid) && uint_at(w, 9, &r->cuid) && uint_at(w, 10, &r->cgid)
          && time_at(w, 11, &r->atime) && time_at(w, 12, &r->mtime) && time_at(w, 13, &r->ctime);
}

/* key semid perms nsems uid gid cuid cgid otime ctime */
static bool sem_line(const Words *w, PlatformSysvRecord *r) {
   uint64_t perms;
   return w->n >= 10 && sysv_head(w, r, &perms) && u64_at(w, 3, UINT64_MAX, &r->size)
          && uint_at(w, 4, &r->uid) && uint_at(w, 5, &r->gid) && uint_at(w, 6, &r->cuid)
          && uint_at(w, 7, &r->cgid) && time_at(w, 8, &r->atime) && time_at(w, 9, &r->ctime);
}

/* key msqid perms cbytes qnum lspid lrpid uid gid cuid cgid stime rtime ctime */
static bool msg_line(const Words *w, PlatformSysvRecord *r) {
   uint64_t perms;
   return w->n >= 14 && sysv_head(w, r, &perms) && u64_at(w, 3, UINT64_MAX, &r->size)
          && u64_at(w, 4, UINT64_MAX, &r->messages) && int_at(w, 5, &r->cpid)
          && int_at(w, 6, &r->lpid) && uint_at(w, 7, &r->uid) && uint_at(w, 8, &r->gid)
          && uint_at(w, 9, &r->cuid) && uint_at(w, 10, &r->cgid) && time_at(w, 11, &r->mtime)
          && time_at(w, 12, &r->atime) && time_at(w, 13, &r->ctime);
}

bool platform_procfs_sysv_line(PlatformSysvKind kind, const char *line, PlatformSysvRecord *out) {
   Words w;
   memset(out, 0, sizeof *out);
   out->kind = kind;
   w.n = split(line, w.w, w.len, SYSV_WORDS_MAX);
   if (w.n > SYSV_WORDS_MAX || w.n < 3)
      return false;
   switch (kind) {
   case PLATFORM_SYSV_SHM: return shm_line(&w, out);
   case PLATFORM_SYSV_SEM: return sem_line(&w, out);
   case PLATFORM_SYSV_MSG: return msg_line(&w, out);
   default:                return false;
   }
}

/* ---- names ------------------------------------------------------------- */

static const char deleted_suffix[] = " (deleted)";

/* Strip " (deleted)" from NAME (LEN bytes) when STRIP; *LEN shortens. */
static bool strip_deleted(const char *name, size_t *len, bool strip) {
   size_t dl = sizeof deleted_suffix - 1;
   if (!strip || *len <= dl || memcmp(name + *len - dl, deleted_suffix, dl) != 0)
      return false;
   *len -= dl;
   return true;
}

/* "/SYSV%08x": a System V segment, lower-case hex as the kernel prints it. */
static bool sysv_name(const char *name, size_t len, uint32_t *key) {
   if (len != 13 || memcmp(name, "/SYSV", 5) != 0)
      return false;
   for (size_t i = 5; i < 13; i++)
      if (!strchr("0123456789abcdef", name[i]) || name[i] == '\0')
         return false;
   uint64_t v;
   if (!word_u64(name + 5, 8, 16, UINT32_MAX, &v))
      return false;
   *key = (uint32_t)v;
   return true;
}

static void set_name(PlatformBacking *b, const char *name, size_t len) {
   if (len > PLATFORM_NAME_MAX)
      len = PLATFORM_NAME_MAX;
   memcpy(b->name, name, len);
   b->name[len] = '\0';
}

/* Classify NAME (LEN bytes, already decoded, " (deleted)" handled). */
static void classify(const char *name, size_t len, bool deleted, PlatformBacking *b) {
   static const char memfd[] = "/memfd:";
   size_t ml = sizeof memfd - 1;
   b->deleted = deleted;
   b->name[0] = '\0';
   if (deleted && sysv_name(name, len, &b->sysv_key)) {
      b->kind = PLATFORM_BACKING_SYSV;
   } else if (len >= ml && memcmp(name, memfd, ml) == 0) {
      b->kind = PLATFORM_BACKING_MEMFD;
      set_name(b, name + ml, len - ml);
   } else if (len > 0 && name[0] == '/') {
      b->kind = PLATFORM_BACKING_FILE;
      set_name(b, name, len);
   } else {
      b->kind = PLATFORM_BACKING_NONE;
      if (len > 0 && name[0] == '[')    /* [heap], [vdso], [anon:NAME] ... */
         set_name(b, name, len);
   }
}

void platform_procfs_comm(char *text) {
   size_t n = strlen(text);
   if (n > 0 && text[n - 1] == '\n')
      text[n - 1] = '\0';
}

void platform_procfs_fd_target(const char *target, bool unlinked, PlatformBacking *out) {
   size_t len = strlen(target);
   memset(out, 0, sizeof *out);
   /* memfds are never linked: their suffix is always the kernel's. */
   bool memfd = strncmp(target, "/memfd:", 7) == 0;
   bool gone = strip_deleted(target, &len, unlinked || memfd);
   classify(target, len, gone, out);
}

/* seq_file_path(..., "\n") escapes only the newline, as "\012", and
 * leaves a backslash alone: "\012" in the text is a newline or those four
 * characters, and no text tells which.  The name is kept as printed and
 * called ambiguous. */
void platform_procfs_map_path(const char *path, PlatformBacking *out) {
   size_t len = strlen(path);
   memset(out, 0, sizeof *out);
   bool gone = strip_deleted(path, &len, true);
   classify(path, len, gone, out);
   out->ambiguous = strstr(out->name, "\\012") != NULL;
}

/* ---- mapping lines ------------------------------------------------------ */

static bool parse_hex(const char **p, char stop, uint64_t *out) {
   char *end;
   if (!strchr("0123456789abcdefABCDEF", **p) || **p == '\0')
      return false;
   errno = 0;
   unsigned long long v = strtoull(*p, &end, 16);
   if (end == *p || errno != 0 || *end != stop)
      return false;
   *out = v;
   *p = end + 1;
   return true;
}

static bool parse_perms(const char **p, char perms[5]) {
   for (int i = 0; i < 4; i++) {
      if (!(*p)[i] || (*p)[i] == ' ')
         return false;
      perms[i] = (*p)[i];
   }
   perms[4] = '\0';
   if ((*p)[4] != ' ')
      return false;
   *p += 5;
   return true;
}

/* "START-END PERMS OFFSET MAJ:MIN INODE[ spaces PATH]" */
bool platform_procfs_maps_line(const char *line, PlatformRegion *out) {
   const char *p = line;
   uint64_t major, minor;
   memset(out, 0, sizeof *out);
   if (!parse_hex(&p, '-', &out->start) || !parse_hex(&p, ' ', &out->end) || out->end < out->start
       || !parse_perms(&p, out->perms) || !parse_hex(&p, ' ', &out->offset)
       || !parse_hex(&p, ':', &major) || !parse_hex(&p, ' ', &minor)
       || major > UINT32_MAX || minor > UINT32_MAX)
      return false;
   out->dev = makedev((unsigned)major, (unsigned)minor);
   size_t n = strspn(p, "0123456789");
   if (n == 0 || (p[n] != ' ' && p[n] != '\0') || !word_u64(p, n, 10, UINT64_MAX, &out->inode))
      return false;
   p += n;
   while (*p == ' ' || *p == '\t')
      p++;
   platform_procfs_map_path(p, &out->backing);
   return true;
}

/* ---- regions, smaps and status ------------------------------------------ */

static bool starts(const char *s, const char *prefix) {
   return strncmp(s, prefix, strlen(prefix)) == 0;
}

static PlatformRegionKind bracket_kind(const char *name) {
   if (strcmp(name, "[heap]") == 0)
      return PLATFORM_REGION_HEAP;
   if (strcmp(name, "[stack]") == 0)
      return PLATFORM_REGION_STACK;
   if (starts(name, "[anon:") || starts(name, "[anon_shmem:"))
      return PLATFORM_REGION_ANON;
   return PLATFORM_REGION_SPECIAL;
}

PlatformRegionKind platform_procfs_region_kind(const PlatformRegion *r, uint64_t shm_dev,
                                               const char **name) {
   const PlatformBacking *b = &r->backing;
   *name = b->name;
   switch (b->kind) {
   case PLATFORM_BACKING_SYSV:  return PLATFORM_REGION_SYSV;
   case PLATFORM_BACKING_MEMFD: return PLATFORM_REGION_MEMFD;
   case PLATFORM_BACKING_NONE:
      return b->name[0] == '[' ? bracket_kind(b->name) : PLATFORM_REGION_ANON;
   case PLATFORM_BACKING_FILE:
      break;
   }
   /* shm_open() names are files of the shm file system: on that device,
    * the name is the last component (shm_open allows no other '/'). */
   bool on_dev = shm_dev != 0 ? r->dev == shm_dev : starts(b->name, "/dev/shm/");
   const char *slash = strrchr(b->name, '/');
   if (!on_dev || !slash || slash[1] == '\0')
      return PLATFORM_REGION_FILE;
   *name = slash;
   return starts(slash, "/sem.") && slash[5] != '\0' ? PLATFORM_REGION_SEM : PLATFORM_REGION_SHM;
}

typedef struct {
   const char *key;
   size_t off;
} SmapsKey;

#define FIG(k, m) { k, offsetof(PlatformMemFigures, m) }
static const SmapsKey smaps_keys[] = {
   FIG("Rss", rss), FIG("Pss", pss),
   FIG("Shared_Clean", shared_clean), FIG("Shared_Dirty", shared_dirty),
   FIG("Private_Clean", private_clean), FIG("Private_Dirty", private_dirty),
   FIG("Anonymous", anonymous), FIG("Swap", swap),
};
#undef FIG

/* "Name:" followed by "  N kB": kB is KiB (fs/proc/task_mmu.c, SEQ_PUT_DEC). */
static bool key_char(char c) {
   return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Called for every line of smaps (25 a region, 50,000 regions and more):
 * the key is scanned by hand. */
bool platform_procfs_smaps_field(const char *line, PlatformMemFigures *f) {
   if (!(line[0] >= 'A' && line[0] <= 'Z'))
      return false;
   size_t klen = 1;
   while (key_char(line[klen]))
      klen++;
   if (line[klen] != ':')
      return false;
   for (size_t i = 0; i < sizeof smaps_keys / sizeof smaps_keys[0]; i++) {
      if (smaps_keys[i].key[0] != line[0] || strlen(smaps_keys[i].key) != klen
          || memcmp(line, smaps_keys[i].key, klen) != 0)
         continue;
      const char *p = line + klen + 1;
      while (*p == ' ' || *p == '\t')
         p++;
      size_t n = strspn(p, "0123456789");
      uint64_t kib;
      if (n == 0 || strcmp(p + n, " kB") != 0 || !word_u64(p, n, 10, UINT64_MAX >> 10, &kib))
         return true;   /* a field, but not as expected: not counted */
      uint64_t *slot = (uint64_t *)((char *)f + smaps_keys[i].off);
      *slot += kib << 10;
      f->known = true;
      return true;
   }
   return true;
}

/* "Uid:\tR\tE\tS\tF" */
static bool four_ids(const char *p, unsigned id[4]) {
   unsigned long long v;
   for (int i = 0; i < 4; i++) {
      char *end;
      while (*p == ' ' || *p == '\t')
         p++;
      if (!(*p >= '0' && *p <= '9'))
         return false;
      errno = 0;
      v = strtoull(p, &end, 10);
      if (errno != 0 || v > UINT_MAX)
         return false;
      id[i] = (unsigned)v;
      p = end;
   }
   return true;
}

static void status_line(const char *l, PlatformProcStatus *out) {
   if (starts(l, "State:")) {
      l += 6;
      while (*l == ' ' || *l == '\t')
         l++;
      out->state = *l;
   } else if (starts(l, "Uid:")) {
      out->has_uid = four_ids(l + 4, out->uid);
   } else if (starts(l, "Gid:")) {
      out->has_gid = four_ids(l + 4, out->gid);
   } else if (starts(l, "CapEff:")) {
      l += 7;
      while (*l == ' ' || *l == '\t')
         l++;
      size_t n = strspn(l, "0123456789abcdefABCDEF");
      out->has_cap = n > 0 && n <= 16 && word_u64(l, n, 16, UINT64_MAX, &out->cap_eff);
   }
}

/* The numeric fields of a stat line into V[3..MAX] (V[N] is field N; the
 * state letter, field 3, reads as 0); the count of the last field read.
 * The comm in parentheses may hold anything, ")" and spaces too: the
 * fields start after the last ")". */
static unsigned stat_fields(const char *text, uint64_t *v, unsigned max) {
   const char *p = strrchr(text, ')');
   unsigned field = 2;
   if (!p)
      return 0;
   for (p++; *p && field < max;) {
      while (*p == ' ')
         p++;
      if (!*p || *p == '\n')
         break;
      char *end;
      field++;
      v[field] = strtoull(p, &end, 10);
      p = end == p ? p + 1 : end;
      while (*p && *p != ' ')
         p++;
   }
   return field;
}

bool platform_procfs_stat_life(const char *text, PlatformProcLife *out) {
   uint64_t v[51] = { 0 };
   memset(out, 0, sizeof *out);
   if (stat_fields(text, v, 50) < 50)
      return false;
   const char *paren = strrchr(text, ')');
   char state = paren && paren[1] == ' ' ? paren[2] : '?';
   *out = (PlatformProcLife){ .start_time = v[22], .start_stack = v[28], .arg_start = v[48],
                              .env_start = v[50], .state = state,
                              .ended = state == 'Z' || state == 'X' || v[23] == 0 };
   return true;
}

bool platform_procfs_stat_kthread(const char *text, bool *kthread) {
   uint64_t v[10] = { 0 };
   *kthread = false;
   if (stat_fields(text, v, 9) < 9)
      return false;
   *kthread = (v[9] & PLATFORM_PF_KTHREAD) != 0;
   return true;
}

bool platform_procfs_status(const char *text, PlatformProcStatus *out) {
   char line[256];
   memset(out, 0, sizeof *out);
   for (const char *p = text; *p;) {
      size_t n = strcspn(p, "\n");
      size_t c = n < sizeof line - 1 ? n : sizeof line - 1;
      memcpy(line, p, c);
      line[c] = '\0';
      status_line(line, out);
      p += n;
      if (*p == '\n')
         p++;
   }
   return out->has_uid && out->has_gid && out->state != '\0';
}

/* ---- file locks ---------------------------------------------------------- */

#define LOCK_WORDS_MAX 12

static bool word_is(const Words *w, size_t i, const char *text) {
   return i < w->n && w->len[i] == strlen(text) && memcmp(w->w[i], text, w->len[i]) == 0;
}

/* KIND and the word after it: ADVISORY, MANDATORY or *NOINODE* for the
 * record locks, the lease's state for leases. */
static bool lock_kind(const Words *w, size_t i, PlatformLockRecord *r) {
   static const struct {
      const char *word;
      PlatformLockKind kind;
   } kinds[] = {
      { "POSIX", PLATFORM_LOCK_POSIX }, { "OFDLCK", PLATFORM_LOCK_OFD },
      { "FLOCK", PLATFORM_LOCK_FLOCK }, { "LEASE", PLATFORM_LOCK_LEASE },
      { "DELEG", PLATFORM_LOCK_DELEG }, { "ACCESS", PLATFORM_LOCK_OTHER },
      { "UNKNOWN", PLATFORM_LOCK_OTHER },
   };
   size_t k = 0;
   while (k < sizeof kinds / sizeof kinds[0] && !word_is(w, i, kinds[k].word))
      k++;
   if (k == sizeof kinds / sizeof kinds[0])
      return false;
   r->kind = kinds[k].kind;
   r->mandatory = word_is(w, i + 1, "MANDATORY");
   return i + 1 < w->n;
}

static bool lock_type(const Words *w, size_t i, PlatformLockType *t) {
   if (word_is(w, i, "READ"))
      *t = PLATFORM_LOCK_READ;
   else if (word_is(w, i, "WRITE"))
      *t = PLATFORM_LOCK_WRITE;
   else if (word_is(w, i, "UNLCK"))
      *t = PLATFORM_LOCK_UNLOCK;
   else
      return false;
   return true;
}

/* "08:01:123456" (major and minor in hex, the inode in decimal) or "<none>:0". */
static bool lock_inode(const char *word, size_t len, PlatformLockRecord *r) {
   if (len == 8 && memcmp(word, "<none>:0", 8) == 0) {
      r->has_inode = false;
      return true;
   }
   const char *c1 = memchr(word, ':', len);
   const char *c2 = c1 ? memchr(c1 + 1, ':', len - (size_t)(c1 + 1 - word)) : NULL;
   uint64_t maj, min, ino;
   if (!c2 || !word_u64(word, (size_t)(c1 - word), 16, UINT32_MAX, &maj)
       || !word_u64(c1 + 1, (size_t)(c2 - c1 - 1), 16, UINT32_MAX, &min)
       || !word_u64(c2 + 1, len - (size_t)(c2 + 1 - word), 10, UINT64_MAX, &ino))
      return false;
   r->ino = ino;
   r->dev = makedev((unsigned)maj, (unsigned)min);
   r->has_inode = true;
   return true;
}

static bool lock_range(const Words *w, size_t i, PlatformLockRecord *r) {
   if (!u64_at(w, i, INT64_MAX, &r->start))
      return false;
   r->to_eof = word_is(w, i + 1, "EOF");
   if (r->to_eof) {
      r->end = (uint64_t)INT64_MAX;
      return true;
   }
   return u64_at(w, i + 1, INT64_MAX, &r->end) && r->end >= r->start;
}

bool platform_procfs_lock_line(const char *line, PlatformLockRecord *out) {
   Words w;
   PlatformLockRecord r;
   memset(&r, 0, sizeof r);
   w.n = split(line, w.w, w.len, LOCK_WORDS_MAX);
   if (w.n > LOCK_WORDS_MAX || w.n < 8 || w.len[0] < 2 || w.w[0][w.len[0] - 1] != ':'
       || !word_u64(w.w[0], w.len[0] - 1, 10, UINT64_MAX, &r.id))
      return false;
   size_t i = 1;
   if (w.len[i] >= 2 && memcmp(w.w[i], "->", 2) == 0) {   /* a waiter */
      r.waiting = true;
      if (w.len[i] == 2) {
         i++;
      } else {
         w.w[i] += 2;
         w.len[i] -= 2;
      }
   }
   if (w.n - i != 7 || !lock_kind(&w, i, &r) || !lock_type(&w, i + 2, &r.type)
       || !int_at(&w, i + 3, &r.pid) || r.pid < -1
       || !lock_inode(w.w[i + 4], w.len[i + 4], &r) || !lock_range(&w, i + 5, &r))
      return false;
   *out = r;
   return true;
}

bool platform_procfs_fdinfo_lock(const char *line, PlatformLockRecord *out) {
   if (strncmp(line, "lock:", 5) != 0)
      return false;
   return platform_procfs_lock_line(line + 5, out);
}

/* ---- semaphores ------------------------------------------------------------ */

size_t platform_sem_size(void) {
   return sizeof(long) == 8 ? 32 : 16;
}

bool platform_sem_layout64(void) {
   return sizeof(long) == 8;
}

/* glibc's struct new_sem (nptl/semaphoreP.h; sem_open.c writes it).  With
 * 64-bit atomics: a 64-bit word whose low half is the value and high half
 * the number of waiters, then int private, int pad.  Without: a 32-bit word
 * holding value << 1 (bit 0: there are waiters), int private, int pad, and
 * the count of waiters.  Both little- or big-endian as the machine is.
 * sem_open() sets private to FUTEX_SHARED (128), pad and the rest of the
 * sem_t to 0; sem_init() sets private to 0 or 128. */
#define SEM_VALUE_LIMIT 0x7fffffffu
#define SEM_FUTEX_SHARED 128

static bool zero_bytes(const unsigned char *b, size_t from, size_t to) {
   for (size_t i = from; i < to; i++)
      if (b[i])
         return false;
   return true;
}

bool platform_sem_decode(const unsigned char *b, size_t n, bool layout64,
                         unsigned *value, unsigned *waiters) {
   int32_t private_flag;
   if (n < 16)
      return false;
   memcpy(&private_flag, b + (layout64 ? 8 : 4), sizeof private_flag);
   if (layout64) {
      uint64_t data;
      memcpy(&data, b, sizeof data);
      *value = (unsigned)(data & 0xffffffffu);
      *waiters = (unsigned)(data >> 32);
   } else {
      uint32_t v, w;
      memcpy(&v, b, sizeof v);
      memcpy(&w, b + 12, sizeof w);
      *value = v >> 1;
      *waiters = w;
   }
   return *value <= SEM_VALUE_LIMIT
          && (private_flag == 0 || private_flag == SEM_FUTEX_SHARED)
          && zero_bytes(b, layout64 ? 12 : 8, layout64 ? 16 : 12)
          && zero_bytes(b, 16, n);
}

void platform_holder_path(int pid, bool mapped, int fd, uint64_t start, uint64_t end,
                          char *buf, size_t size) {
   if (mapped)
      snprintf(buf, size, "/proc/%d/map_files/%" PRIx64 "-%" PRIx64, pid, start, end);
   else
      snprintf(buf, size, "/proc/%d/fd/%d", pid, fd);
}
