/* objects.c - building the named-object list and matching its attachers. */
#include "config.h"

#include "core/objects.h"
#include "core/gettext.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A device no file system has: the key space of System V shm ids. */
#define SYSV_DEV_SHM UINT64_C(0xffffffffffff0001)
#define SYSV_DEV_SEM UINT64_C(0xffffffffffff0002)
#define SYSV_DEV_MSG UINT64_C(0xffffffffffff0003)

static const char *const kind_names[OBJ_KIND_COUNT] = {
   [OBJ_SHM] = "shm", [OBJ_SEM] = "sem", [OBJ_MQ] = "mq",
   [OBJ_SYSV_SHM] = "sysv-shm", [OBJ_SYSV_SEM] = "sysv-sem", [OBJ_SYSV_MSG] = "sysv-msg",
   [OBJ_MEMFD] = "memfd", [OBJ_FILE] = "file",
};

/* ---- the list and its index ------------------------------------------- */

void objects_init(ObjList *l, size_t page_size) {
   memset(l, 0, sizeof *l);
   l->page_size = page_size ? page_size : 4096;
   l->first_denied_pid = -1;
}

void objects_free(ObjList *l) {
   for (size_t i = 0; i < l->n; i++) {
      free(l->v[i].name);
      free(l->v[i].att);
   }
   for (size_t i = 0; i < l->ncomms; i++)
      free(l->comms[i]);
   free(l->comms);
   free(l->v);
   free(l->hkeys_dev);
   free(l->hkeys_ino);
   free(l->hvals);
   memset(l, 0, sizeof *l);
}

static size_t hash_slot(uint64_t dev, uint64_t ino, size_t cap) {
   uint64_t h = (dev * UINT64_C(0x9e3779b97f4a7c15)) ^ (ino * UINT64_C(0xc2b2ae3d27d4eb4f));
   h ^= h >> 29;
   return (size_t)(h & (cap - 1));
}

static void hash_put(ObjList *l, uint64_t dev, uint64_t ino, size_t idx) {
   size_t s = hash_slot(dev, ino, l->hcap);
   while (l->hvals[s] && !(l->hkeys_dev[s] == dev && l->hkeys_ino[s] == ino))
      s = (s + 1) & (l->hcap - 1);
   l->hkeys_dev[s] = dev;
   l->hkeys_ino[s] = ino;
   l->hvals[s] = idx + 1;
}

static bool hash_grow(ObjList *l) {
   size_t cap = l->hcap ? l->hcap * 2 : 256;
   uint64_t *kd = calloc(cap, sizeof *kd), *ki = calloc(cap, sizeof *ki);
   size_t *hv = calloc(cap, sizeof *hv);
   if (!kd || !ki || !hv) {
      free(kd);
      free(ki);
      free(hv);
      return false;
   }
   free(l->hkeys_dev);
   free(l->hkeys_ino);
   free(l->hvals);
   l->hkeys_dev = kd;
   l->hkeys_ino = ki;
   l->hvals = hv;
   l->hcap = cap;
   for (size_t i = 0; i < l->n; i++)
      hash_put(l, l->v[i].dev, l->v[i].ino, i);
   return true;
}

Obj *objects_find(const ObjList *l, uint64_t dev, uint64_t ino) {
   if (l->hcap == 0)
      return NULL;
   size_t s = hash_slot(dev, ino, l->hcap);
   while (l->hvals[s]) {
      if (l->hkeys_dev[s] == dev && l->hkeys_ino[s] == ino)
         return &l->v[l->hvals[s] - 1];
      s = (s + 1) & (l->hcap - 1);
   }
   return NULL;
}

static uint64_t sysv_dev(ObjKind kind) {
   return kind == OBJ_SYSV_SHM ? SYSV_DEV_SHM : kind == OBJ_SYSV_SEM ? SYSV_DEV_SEM : SYSV_DEV_MSG;
}

Obj *objects_find_sysv(const ObjList *l, ObjKind kind, int id) {
   return objects_find(l, sysv_dev(kind), (uint64_t)(unsigned)id);
}

/* A new object, indexed by DEV:INO.  NULL when memory runs out. */
static Obj *add_obj(ObjList *l, ObjKind kind, const char *name, uint64_t dev, uint64_t ino) {
   if (l->n == l->cap) {
      size_t cap = l->cap ? l->cap * 2 : 64;
      Obj *v = realloc(l->v, cap * sizeof *v);
      if (!v)
         return NULL;
      l->v = v;
      l->cap = cap;
   }
   if ((l->n + 1) * 2 > l->hcap && !hash_grow(l))
      return NULL;
   char *copy = strdup(name ? name : "");
   if (!copy)
      return NULL;
   Obj *o = &l->v[l->n];
   memset(o, 0, sizeof *o);
   o->kind = kind;
   o->name = copy;
   o->dev = dev;
   o->ino = ino;
   hash_put(l, dev, ino, l->n);
   l->n++;
   return o;
}

static void fill_from_stat(Obj *o, const PlatformStat *st) {
   o->size = st->size;
   o->size_known = true;
   o->uid = st->uid;
   o->gid = st->gid;
   o->mode = st->mode;
   o->mtime = st->mtime_sec;
}

/* ---- name spaces -------------------------------------------------------- */

void objects_add_shm_entry(ObjList *l, const PlatformEntry *pe) {
   bool sem = strncmp(pe->name, "sem.", 4) == 0 && pe->name[4] != '\0';
   Obj *o = add_obj(l, sem ? OBJ_SEM : OBJ_SHM, sem ? pe->name + 4 : pe->name,
                    pe->st.dev, pe->st.ino);
   if (!o)
      return;
   fill_from_stat(o, &pe->st);
   o->atime = pe->atime_sec;
   o->ctime = pe->ctime_sec;
}

bool objects_parse_mq_info(const char *text, uint64_t *qsize, int *notify_pid, int *signo) {
   unsigned long long q;
   int notify, sig, npid;
   if (sscanf(text, "QSIZE:%llu NOTIFY:%d SIGNO:%d NOTIFY_PID:%d", &q, &notify, &sig, &npid) != 4)
      return false;
   *qsize = q;
   *notify_pid = npid;
   *signo = sig;
   return true;
}

void objects_add_mq_entry(ObjList *l, const PlatformEntry *pe) {
   Obj *o = add_obj(l, OBJ_MQ, pe->name, pe->st.dev, pe->st.ino);
   if (!o)
      return;
   fill_from_stat(o, &pe->st);
   o->atime = pe->atime_sec;
   o->ctime = pe->ctime_sec;
   o->size_known = pe->info && objects_parse_mq_info(pe->info, &o->size, &o->notify_pid,
                                                     &o->notify_signo);
}

/* SysV perms carry SHM_DEST (01000) once a segment is marked for removal. */
#define SYSV_SHM_DEST 01000

static bool sysv_shm_line(ObjList *l, const char *line) {
   long long key;
   int id, cpid, lpid;
   unsigned perms, uid, gid, cuid, cgid;
   unsigned long long size, nattch, at, dt, ct;
   if (sscanf(line, "%lld %d %o %llu %d %d %llu %u %u %u %u %llu %llu %llu", &key, &id, &perms,
              &size, &cpid, &lpid, &nattch, &uid, &gid, &cuid, &cgid, &at, &dt, &ct) != 14)
      return false;
   Obj *o = add_obj(l, OBJ_SYSV_SHM, "", SYSV_DEV_SHM, (uint64_t)(unsigned)id);
   if (!o)
      return false;
   *o = (Obj){ .kind = OBJ_SYSV_SHM, .name = o->name, .size = size, .size_known = true,
               .uid = uid, .gid = gid, .mode = perms & 0777, .atime = (int64_t)at,
               .mtime = (int64_t)dt, .ctime = (int64_t)ct, .dev = SYSV_DEV_SHM,
               .ino = (uint64_t)(unsigned)id, .key = (uint32_t)key, .cpid = cpid,
               .lpid = lpid, .cuid = cuid, .nattch = (unsigned)nattch,
               .removed = (perms & SYSV_SHM_DEST) != 0 };
   (void)cgid;
   return true;
}

static bool sysv_sem_line(ObjList *l, const char *line) {
   long long key;
   int id;
   unsigned perms, uid, gid, cuid, cgid;
   unsigned long long nsems, ot, ct;
   if (sscanf(line, "%lld %d %o %llu %u %u %u %u %llu %llu", &key, &id, &perms, &nsems, &uid,
              &gid, &cuid, &cgid, &ot, &ct) != 10)
      return false;
   Obj *o = add_obj(l, OBJ_SYSV_SEM, "", SYSV_DEV_SEM, (uint64_t)(unsigned)id);
   if (!o)
      return false;
   *o = (Obj){ .kind = OBJ_SYSV_SEM, .name = o->name, .size = nsems, .size_known = true,
               .uid = uid, .gid = gid, .mode = perms & 0777, .atime = (int64_t)ot,
               .ctime = (int64_t)ct, .dev = SYSV_DEV_SEM, .ino = (uint64_t)(unsigned)id,
               .key = (uint32_t)key, .cuid = cuid };
   (void)cgid;
   return true;
}

static bool sysv_msg_line(ObjList *l, const char *line) {
   long long key;
   int id, lspid, lrpid;
   unsigned perms, uid, gid, cuid, cgid;
   unsigned long long cbytes, qnum, st, rt, ct;
   if (sscanf(line, "%lld %d %o %llu %llu %d %d %u %u %u %u %llu %llu %llu", &key, &id, &perms,
              &cbytes, &qnum, &lspid, &lrpid, &uid, &gid, &cuid, &cgid, &st, &rt, &ct) != 14)
      return false;
   Obj *o = add_obj(l, OBJ_SYSV_MSG, "", SYSV_DEV_MSG, (uint64_t)(unsigned)id);
   if (!o)
      return false;
   *o = (Obj){ .kind = OBJ_SYSV_MSG, .name = o->name, .size = cbytes, .size_known = true,
               .uid = uid, .gid = gid, .mode = perms & 0777, .atime = (int64_t)rt,
               .mtime = (int64_t)st, .ctime = (int64_t)ct, .dev = SYSV_DEV_MSG,
               .ino = (uint64_t)(unsigned)id, .key = (uint32_t)key, .cpid = lspid,
               .lpid = lrpid, .cuid = cuid, .messages = qnum };
   (void)cgid;
   return true;
}

bool objects_add_sysv_line(ObjList *l, PlatformSysvKind kind, const char *line) {
   switch (kind) {
   case PLATFORM_SYSV_SHM: return sysv_shm_line(l, line);
   case PLATFORM_SYSV_SEM: return sysv_sem_line(l, line);
   case PLATFORM_SYSV_MSG: return sysv_msg_line(l, line);
   default: return false;
   }
}

Obj *objects_add_file(ObjList *l, const char *name, const PlatformStat *st) {
   Obj *o = objects_find(l, st->dev, st->ino);
   if (o)
      return o;
   o = add_obj(l, OBJ_FILE, name, st->dev, st->ino);
   if (o)
      fill_from_stat(o, st);
   return o;
}

/* ---- processes ---------------------------------------------------------- */

void objects_begin_process(ObjList *l, int pid, const char *comm) {
   l->cur_pid = pid;
   l->cur_comm = "?";
   l->procs_scanned++;
   if (l->ncomms == l->comms_cap) {
      size_t cap = l->comms_cap ? l->comms_cap * 2 : 128;
      char **v = realloc(l->comms, cap * sizeof *v);
      if (!v)
         return;
      l->comms = v;
      l->comms_cap = cap;
   }
   char *c = strdup(comm ? comm : "");
   if (!c)
      return;
   l->comms[l->ncomms++] = c;
   l->cur_comm = c;
}

void objects_process_denied(ObjList *l, int pid) {
   if (l->procs_denied++ == 0)
      l->first_denied_pid = pid;
}

static void add_attacher(ObjList *l, Obj *o, int pid, const ObjAttacher *a) {
   if (o->natt == o->att_cap) {
      size_t cap = o->att_cap ? o->att_cap * 2 : 4;
      ObjAttacher *v = realloc(o->att, cap * sizeof *v);
      if (!v)
         return;
      o->att = v;
      o->att_cap = cap;
   }
   ObjAttacher *dst = &o->att[o->natt++];
   *dst = *a;
   dst->pid = pid;
   dst->comm = pid == l->cur_pid ? l->cur_comm : "?";
}

/* "/memfd:NAME (deleted)" -> NAME, or NULL when TARGET is not a memfd. */
static const char *memfd_name(const char *target, size_t len, char *buf, size_t size) {
   static const char prefix[] = "/memfd:";
   static const char deleted[] = " (deleted)";
   size_t pl = sizeof prefix - 1, dl = sizeof deleted - 1;
   if (len < pl || strncmp(target, prefix, pl) != 0)
      return NULL;
   if (len >= pl + dl && memcmp(target + len - dl, deleted, dl) == 0)
      len -= dl;
   len -= pl;
   if (len >= size)
      len = size - 1;
   memcpy(buf, target + pl, len);
   buf[len] = '\0';
   return buf;
}

/* A descriptor or mapping whose object is not in any name space yet:
 * a memfd, or a POSIX shm object that was unlinked while held. */
static Obj *object_for_unknown(ObjList *l, uint64_t dev, uint64_t ino, const char *path,
                               size_t path_len, bool deleted) {
   char buf[256];
   const char *mname = memfd_name(path, path_len, buf, sizeof buf);
   if (mname)
      return add_obj(l, OBJ_MEMFD, mname, dev, ino);
   if (deleted && l->info.shm_present && dev == l->info.shm_dev) {
      const char *base = memrchr(path, '/', path_len);
      size_t n = base ? path_len - (size_t)(base + 1 - path) : path_len;
      snprintf(buf, sizeof buf, "%.*s", (int)n, base ? base + 1 : path);
      bool sem = strncmp(buf, "sem.", 4) == 0;
      Obj *o = add_obj(l, sem ? OBJ_SEM : OBJ_SHM, sem ? buf + 4 : buf, dev, ino);
      if (o)
         o->removed = true;
      return o;
   }
   return NULL;
}

/* A file given to --info by a path such as /proc/PID/fd/N turns out to be a
 * memfd (or an unlinked shm object): name it as the list does. */
static void upgrade_file(ObjList *l, Obj *o, const char *path, size_t path_len) {
   char buf[256];
   bool memfd = memfd_name(path, path_len, buf, sizeof buf) != NULL;
   if (!memfd) {
      if (!l->info.shm_present || o->dev != l->info.shm_dev)
         return;
      const char *base = memrchr(path, '/', path_len);
      size_t n = base ? path_len - (size_t)(base + 1 - path) : path_len;
      snprintf(buf, sizeof buf, "%.*s", (int)n, base ? base + 1 : path);
   }
   char *copy = strdup(buf);
   if (!copy)
      return;
   free(o->name);
   o->name = copy;
   o->kind = memfd ? OBJ_MEMFD : OBJ_SHM;
   o->removed = !memfd;
}

void objects_add_process_fd(ObjList *l, int pid, int fd, const PlatformStat *st,
                            const char *target) {
   static const char deleted[] = " (deleted)";
   size_t len = strlen(target), dl = sizeof deleted - 1;
   bool gone = len > dl && strcmp(target + len - dl, deleted) == 0;
   Obj *o = objects_find(l, st->dev, st->ino);
   if (o && o->kind == OBJ_FILE && gone)
      upgrade_file(l, o, target, len - dl);
   if (!o) {
      o = object_for_unknown(l, st->dev, st->ino, target, gone ? len - dl : len, gone);
      if (!o)
         return;
      fill_from_stat(o, st);
   }
   ObjAttacher a = { .mapped = false, .fd = fd };
   add_attacher(l, o, pid, &a);
}

/* ---- mapping lines ------------------------------------------------------ */

static bool parse_hex(const char **p, char stop, uint64_t *out) {
   char *end;
   errno = 0;
   unsigned long long v = strtoull(*p, &end, 16);
   if (end == *p || errno != 0 || (stop && *end != stop))
      return false;
   *out = v;
   *p = stop ? end + 1 : end;
   return true;
}

static const char *skip_spaces(const char *p) {
   while (*p == ' ' || *p == '\t')
      p++;
   return p;
}

static void set_path(ObjMapsLine *out, const char *p) {
   static const char deleted[] = " (deleted)";
   size_t len = strlen(p), dl = sizeof deleted - 1;
   out->path = p;
   out->deleted = len > dl && strcmp(p + len - dl, deleted) == 0;
   out->path_len = out->deleted ? len - dl : len;
}

bool objects_parse_maps_line(const char *line, ObjMapsLine *out) {
   const char *p = line;
   uint64_t major, minor;
   memset(out, 0, sizeof *out);
   if (!parse_hex(&p, '-', &out->start) || !parse_hex(&p, ' ', &out->end) || out->end < out->start)
      return false;
   for (int i = 0; i < 4; i++, p++) {
      if (!*p || *p == ' ')
         return false;
      out->perms[i] = *p;
   }
   if (*p++ != ' ' || !parse_hex(&p, ' ', &out->offset))
      return false;
   if (!parse_hex(&p, ':', &major) || !parse_hex(&p, ' ', &minor))
      return false;
   out->major = (unsigned)major;
   out->minor = (unsigned)minor;
   char *end;
   errno = 0;
   unsigned long long ino = strtoull(p, &end, 10);
   if (end == p || errno != 0 || (*end != ' ' && *end != '\0'))
      return false;
   out->inode = ino;
   set_path(out, skip_spaces(end));
   return true;
}

/* "/SYSV%08x" (deleted): a System V segment, its inode the segment id. */
static bool is_sysv_path(const ObjMapsLine *m) {
   if (!m->deleted || m->path_len != 13 || strncmp(m->path, "/SYSV", 5) != 0)
      return false;
   for (size_t i = 5; i < 13; i++)
      if (!strchr("0123456789abcdef", m->path[i]))
         return false;
   return true;
}

static Obj *object_for_mapping(ObjList *l, const ObjMapsLine *m) {
   uint64_t dev = platform_dev_make(m->major, m->minor);
   if (is_sysv_path(m) && (l->sysv_dev == 0 || l->sysv_dev == dev)) {
      Obj *o = objects_find_sysv(l, OBJ_SYSV_SHM, (int)m->inode);
      if (o)
         l->sysv_dev = dev;
      return o;
   }
   Obj *o = objects_find(l, dev, m->inode);
   if (!o && m->path[0] == '/')
      o = object_for_unknown(l, dev, m->inode, m->path, m->path_len, m->deleted);
   return o;
}

void objects_add_process_map(ObjList *l, int pid, const char *line) {
   ObjMapsLine m;
   if (!objects_parse_maps_line(line, &m) || m.inode == 0)
      return;
   Obj *o = object_for_mapping(l, &m);
   if (!o)
      return;
   ObjAttacher a = { .mapped = true, .fd = -1, .start = m.start, .end = m.end,
                     .offset = m.offset };
   memcpy(a.perms, m.perms, sizeof a.perms);
   add_attacher(l, o, pid, &a);
   uint64_t reach = m.offset + (m.end - m.start);
   if (reach > o->max_mapped)
      o->max_mapped = reach;
}

/* ---- semaphores --------------------------------------------------------- */

size_t objects_sem_size(void) {
   return sizeof(long) == 8 ? 32 : 16;
}

/* glibc's struct new_sem.  With 64-bit atomics: a 64-bit word whose low
 * half is the value and high half the number of waiters.  Without: a 32-bit
 * word holding value << 1 (bit 0: there are waiters), and the count of
 * waiters at byte 12.  Both little- or big-endian as the machine is. */
bool objects_sem_decode(const unsigned char *b, size_t n, bool layout64,
                        unsigned *value, unsigned *waiters) {
   if (layout64) {
      uint64_t data;
      if (n < sizeof data)
         return false;
      memcpy(&data, b, sizeof data);
      *value = (unsigned)(data & 0xffffffffu);
      *waiters = (unsigned)(data >> 32);
      return true;
   }
   uint32_t v, w;
   if (n < 16)
      return false;
   memcpy(&v, b, sizeof v);
   memcpy(&w, b + 12, sizeof w);
   *value = v >> 1;
   *waiters = w;
   return true;
}

/* ---- flags -------------------------------------------------------------- */

/* sem_open() maps the whole object read-write and shared at offset 0 and
 * closes its descriptor: anything else is a use as shared memory. */
static bool used_as_shm(const Obj *o) {
   if (o->size_known && o->size != objects_sem_size())
      return true;
   for (size_t i = 0; i < o->natt; i++) {
      const ObjAttacher *a = &o->att[i];
      if (!a->mapped || a->offset != 0 || strcmp(a->perms, "rw-s") != 0)
         return true;
   }
   return false;
}

static bool maps_past_end(const ObjList *l, const Obj *o) {
   if (!o->size_known || o->max_mapped == 0)
      return false;
   if (o->kind == OBJ_MQ || o->kind == OBJ_SYSV_SEM || o->kind == OBJ_SYSV_MSG)
      return false;
   uint64_t pages = (o->size + l->page_size - 1) / l->page_size * l->page_size;
   return o->max_mapped > pages;
}

static void flag_each(ObjList *l) {
   for (size_t i = 0; i < l->n; i++) {
      Obj *o = &l->v[i];
      if (o->kind == OBJ_SEM && used_as_shm(o))
         o->flags |= OBJ_FLAG_SEM_SHM;
      if (maps_past_end(l, o))
         o->flags |= OBJ_FLAG_SIZE_MISMATCH;
      if (o->kind == OBJ_SYSV_SHM ? o->removed && o->nattch > 0 : o->removed && o->natt > 0)
         o->flags |= OBJ_FLAG_REMOVED;
   }
}

static bool has_portable_name(const Obj *o) {
   return (o->kind == OBJ_SHM || o->kind == OBJ_SEM || o->kind == OBJ_MQ) && !o->removed;
}

static bool is_keyed(const Obj *o) {
   return (o->kind == OBJ_SYSV_SHM || o->kind == OBJ_SYSV_SEM || o->kind == OBJ_SYSV_MSG)
          && o->key != 0;
}

static const ObjList *sort_list;

static int by_name(const void *a, const void *b) {
   return strcmp(sort_list->v[*(const size_t *)a].name, sort_list->v[*(const size_t *)b].name);
}

static int by_key(const void *a, const void *b) {
   uint32_t ka = sort_list->v[*(const size_t *)a].key, kb = sort_list->v[*(const size_t *)b].key;
   return ka < kb ? -1 : ka > kb;
}

/* Sort the objects that PICK selects with CMP; flag every run of two or more
 * equal ones with FLAG (when ANY_KIND is false, only runs of mixed kinds). */
static void flag_groups(ObjList *l, bool (*pick)(const Obj *), int (*cmp)(const void *, const void *),
                        unsigned flag, bool any_kind) {
   size_t *idx = malloc((l->n ? l->n : 1) * sizeof *idx), m = 0;
   if (!idx)
      return;
   for (size_t i = 0; i < l->n; i++)
      if (pick(&l->v[i]))
         idx[m++] = i;
   sort_list = l;
   qsort(idx, m, sizeof *idx, cmp);
   for (size_t i = 0; i < m;) {
      size_t j = i + 1;
      bool mixed = false;
      while (j < m && cmp(&idx[i], &idx[j]) == 0) {
         mixed |= l->v[idx[j]].kind != l->v[idx[i]].kind;
         j++;
      }
      if (j - i > 1 && (any_kind || mixed))
         for (size_t k = i; k < j; k++)
            l->v[idx[k]].flags |= flag;
      i = j;
   }
   free(idx);
}

void objects_finish(ObjList *l) {
   for (size_t i = 0; i < l->n; i++)
      l->v[i].flags = 0;
   flag_each(l);
   flag_groups(l, has_portable_name, by_name, OBJ_FLAG_NAME_COLLISION, false);
   flag_groups(l, is_keyed, by_key, OBJ_FLAG_KEY_REUSE, true);
}

/* ---- names -------------------------------------------------------------- */

const char *objects_kind_name(ObjKind k) {
   return (unsigned)k < OBJ_KIND_COUNT ? kind_names[k] : "?";
}

static bool kind_word(const char *w, size_t n, unsigned *mask) {
   if (n == 4 && strncmp(w, "sysv", 4) == 0) {
      *mask |= 1u << OBJ_SYSV_SHM | 1u << OBJ_SYSV_SEM | 1u << OBJ_SYSV_MSG;
      return true;
   }
   if (n == 3 && strncmp(w, "all", 3) == 0) {
      *mask |= OBJ_KINDS_ALL;
      return true;
   }
   for (unsigned k = 0; k < OBJ_FILE; k++)
      if (strlen(kind_names[k]) == n && strncmp(kind_names[k], w, n) == 0) {
         *mask |= 1u << k;
         return true;
      }
   return false;
}

bool objects_kind_parse(const char *list, unsigned *mask, const char **bad, size_t *bad_len) {
   *mask = 0;
   const char *p = list;
   for (;;) {
      size_t n = strcspn(p, ",");
      if (!kind_word(p, n, mask)) {
         *bad = p;
         *bad_len = n;
         return false;
      }
      if (p[n] == '\0')
         return true;
      p += n + 1;
   }
}

static const struct {
   const char *name;
   const char *explain;
} flag_table[OBJ_FLAG_COUNT] = {
   { "sem-shm", N_("shm_open(\"/sem.X\") and sem_open(\"/X\") reach the same object, and "
                   "this one is sized or used as shared memory, not as a semaphore.") },
   { "key-reuse", N_("Several System V objects share this key, as happens when ftok() "
                     "turns different files into one key.") },
   { "name-collision", N_("Objects of different kinds share this name: legal on Linux, but "
                          "on Windows, where mappings and semaphores share one name space, "
                          "the second would fail with ERROR_INVALID_HANDLE.") },
   { "size-mismatch", N_("A process maps more than the object's current size: touching the "
                         "pages past its end raises SIGBUS.") },
   { "removed", N_("The object has been removed but is still attached: it lives on until "
                   "the last process lets go of it.") },
};

static int flag_index(ObjFlag f) {
   for (int i = 0; i < OBJ_FLAG_COUNT; i++)
      if ((unsigned)f == 1u << i)
         return i;
   return -1;
}

const char *objects_flag_name(ObjFlag f) {
   int i = flag_index(f);
   return i < 0 ? "?" : flag_table[i].name;
}

const char *objects_flag_explain(ObjFlag f) {
   int i = flag_index(f);
   return i < 0 ? "" : flag_table[i].explain;
}

/* ---- scanning ----------------------------------------------------------- */

static void sink_shm(void *ctx, const PlatformEntry *e) { objects_add_shm_entry(ctx, e); }
static void sink_mq(void *ctx, const PlatformEntry *e) { objects_add_mq_entry(ctx, e); }
static void sink_sysv(void *ctx, PlatformSysvKind k, const char *line) {
   objects_add_sysv_line(ctx, k, line);
}
static void sink_process(void *ctx, int pid, const char *comm) {
   objects_begin_process(ctx, pid, comm);
}
static void sink_fd(void *ctx, int pid, int fd, const PlatformStat *st, const char *target) {
   objects_add_process_fd(ctx, pid, fd, st, target);
}
static void sink_map(void *ctx, int pid, const char *line) {
   objects_add_process_map(ctx, pid, line);
}
static void sink_denied(void *ctx, int pid, int err) {
   (void)err;
   objects_process_denied(ctx, pid);
}

static void read_sem_values(ObjList *l) {
   for (size_t i = 0; i < l->n; i++) {
      Obj *o = &l->v[i];
      if (o->kind != OBJ_SEM || o->removed || o->size != objects_sem_size())
         continue;
      char name[300];
      unsigned char b[32];
      int fd;
      size_t got = 0;
      PlatformStat st;
      snprintf(name, sizeof name, "/sem.%s", o->name);
      if (platform_open_shm(name, false, &fd, &st) != 0)
         continue;
      if (st.dev == o->dev && st.ino == o->ino
          && platform_read_at(fd, b, objects_sem_size(), 0, &got) == 0)
         o->have_value = objects_sem_decode(b, got, sizeof(long) == 8, &o->sem_value,
                                            &o->sem_waiters);
      platform_close(fd);
   }
}

/* Objects seen only as mappings (a memfd whose descriptor is closed). */
static void stat_unsized(ObjList *l) {
   for (size_t i = 0; i < l->n; i++) {
      Obj *o = &l->v[i];
      for (size_t j = 0; !o->size_known && j < o->natt; j++) {
         PlatformStat st;
         const ObjAttacher *a = &o->att[j];
         if (a->mapped && platform_stat_mapping(a->pid, a->start, a->end, &st) == 0
             && st.dev == o->dev && st.ino == o->ino)
            fill_from_stat(o, &st);
      }
   }
}

bool objects_scan_target(ObjList *l, const char *name, const PlatformStat *target, Error *e) {
   PlatformObjectsSink sink = { l, sink_shm, sink_mq, sink_sysv, sink_process, sink_fd,
                                sink_map, sink_denied };
   int rc = platform_objects_scan(&sink, PLATFORM_SCAN_NAMES, &l->info);
   PlatformObjectsInfo names = l->info;
   if (rc == 0) {
      read_sem_values(l);
      if (target && !objects_find(l, target->dev, target->ino))
         objects_add_file(l, name, target);
      unsigned what = PLATFORM_SCAN_PROCESSES | (l->include_self ? PLATFORM_SCAN_SELF : 0);
      rc = platform_objects_scan(&sink, what, &l->info);
   }
   names.shm_present = l->info.shm_present;
   names.shm_dev = l->info.shm_dev;
   l->info = names;
   if (rc != 0) {
      error_set(e, ERR_SCAN, rc, NULL);
      return false;
   }
   stat_unsized(l);
   objects_finish(l);
   return true;
}

bool objects_scan(ObjList *l, Error *e) {
   return objects_scan_target(l, NULL, NULL, e);
}
