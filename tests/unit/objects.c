/* Unit tests: the named-object model (flags, kinds, names, holders); the
 * platform's parsers that feed it are tested in procfs.c. */
#include "config.h"

#include "core/json.h"
#include "core/objects.h"
#include "app/objlock.h"
#include "tap.h"

#include <errno.h>
#include <stdlib.h>

static PlatformEntry entry(const char *name, uint64_t size, uint64_t dev, uint64_t ino) {
   PlatformEntry e;
   memset(&e, 0, sizeof e);
   e.name = name;
   e.st.kind = PLATFORM_KIND_REGULAR;
   e.st.size = size;
   e.st.dev = dev;
   e.st.ino = ino;
   e.st.mode = 0600;
   return e;
}

static Obj *by_name(ObjList *l, ObjKind kind, const char *name) {
   for (size_t i = 0; i < l->n; i++)
      if (l->v[i].kind == kind && strcmp(l->v[i].name, name) == 0)
         return &l->v[i];
   return NULL;
}

/* The platform's parsers turn fixture text into the records the list takes. */
static void add_map(ObjList *l, int pid, const char *line) {
   PlatformRegion r;
   if (platform_procfs_maps_line(line, &r))
      objects_add_process_map(l, pid, &r);
   else
      diag("fixture line refused: %s", line);
}

static bool add_sysv_line(ObjList *l, PlatformSysvKind kind, const char *line) {
   PlatformSysvRecord r;
   return platform_procfs_sysv_line(kind, line, &r) && objects_add_sysv(l, &r);
}

static void add_fd(ObjList *l, int pid, int fd, const PlatformStat *st, const char *target,
                   bool unlinked) {
   PlatformFdRecord f;
   f.fd = fd;
   f.st = *st;
   platform_procfs_fd_target(target, unlinked, &f.backing);
   objects_add_process_fd(l, pid, &f);
}

static void test_kinds(void) {
   unsigned mask;
   const char *bad;
   size_t n;
   ok(objects_kind_parse("shm,sem", &mask, &bad, &n, NULL) && mask == (1u << OBJ_SHM | 1u << OBJ_SEM),
      "shm,sem");
   ok(objects_kind_parse("sysv", &mask, &bad, &n, NULL)
      && mask == (1u << OBJ_SYSV_SHM | 1u << OBJ_SYSV_SEM | 1u << OBJ_SYSV_MSG), "sysv is all three");
   ok(!objects_kind_parse("shm,bogus,mq", &mask, &bad, &n, NULL) && n == 5 && strncmp(bad, "bogus", 5) == 0,
      "an unknown kind is pointed at");
   ok(!objects_kind_parse("shm,", &mask, &bad, &n, NULL) && n == 0, "an empty word is refused");
   NamePick why;
   ok(objects_kind_parse("sh,ME", &mask, &bad, &n, NULL)
      && mask == (1u << OBJ_SHM | 1u << OBJ_MEMFD), "unique prefixes, any case: sh, ME");
   ok(objects_kind_parse("SHM,Sysv-M", &mask, &bad, &n, NULL)
      && mask == (1u << OBJ_SHM | 1u << OBJ_SYSV_MSG), "SHM, Sysv-M");
   ok(objects_kind_parse("SYSV", &mask, &bad, &n, NULL)
      && mask == (1u << OBJ_SYSV_SHM | 1u << OBJ_SYSV_SEM | 1u << OBJ_SYSV_MSG),
      "a whole name is never ambiguous: SYSV");
   ok(!objects_kind_parse("shm,m", &mask, &bad, &n, &why) && why == NAMEPICK_AMBIGUOUS
      && n == 1 && *bad == 'm', "m is mq or memfd: ambiguous, pointed at");
   ok(!objects_kind_parse("sysv-s", &mask, &bad, &n, &why) && why == NAMEPICK_AMBIGUOUS,
      "sysv-s: ambiguous");
   ok(!objects_kind_parse("x", &mask, &bad, &n, &why) && why == NAMEPICK_UNKNOWN, "x: unknown");
   is_str(objects_kind_name(OBJ_SYSV_MSG), "sysv-msg", "kind name");
   for (int i = 0; i < OBJ_FLAG_COUNT; i++) {
      const char *t = objects_flag_explain((ObjFlag)(1u << i));
      ok(strlen(t) > 20 && t[strlen(t) - 1] == '.', "flag %s is explained in a sentence",
         objects_flag_name((ObjFlag)(1u << i)));
   }
}

static void test_posix_flags(void) {
   ObjList l;
   objects_init(&l, 4096);
   uint64_t dev = platform_dev_make(0, 0x1a);
   l.info.shm_present = true;
   l.info.shm_dev = dev;
   PlatformEntry e[] = {
      entry("x", 4096, dev, 10), entry("sem.x", 32, dev, 11), entry("sem.fat", 4096, dev, 12),
      entry("sem.held", 32, dev, 13), entry("alone", 100, dev, 14), entry("sem.ok", 32, dev, 15),
   };
   for (size_t i = 0; i < sizeof e / sizeof e[0]; i++)
      objects_add_shm_entry(&l, &e[i]);
   PlatformEntry q = entry("x", 0, platform_dev_make(0, 0x13), 500);
   q.mq_known = true;
   q.mq = (PlatformMqInfo){ .messages = 2, .maxmsg = 10, .msgsize = 64 };
   objects_add_mq_entry(&l, &q);
   objects_begin_process(&l, 42, "holder");
   PlatformStat st = e[3].st;
   add_fd(&l, 42, 7, &st, "/dev/shm/sem.held", false);
   add_map(&l, 42, "7f0000000000-7f0000001000 rw-s 00000000 00:1a 15 /dev/shm/sem.Xy12ab (deleted)");
   add_map(&l, 42, "7f0000010000-7f0000014000 rw-s 00000000 00:1a 14 /dev/shm/alone");
   add_map(&l, 42, "7f0000020000-7f0000021000 rw-s 00000000 00:1a 99 /dev/shm/was (deleted)");
   objects_finish(&l);
   Obj *x = by_name(&l, OBJ_SHM, "x"), *sx = by_name(&l, OBJ_SEM, "x"), *mq = by_name(&l, OBJ_MQ, "x");
   ok(x && sx && mq, "shm x, semaphore x (sem.x) and queue x are listed");
   ok(x && (x->flags & OBJ_FLAG_NAME_COLLISION), "shm x: name collision");
   ok(sx && (sx->flags & OBJ_FLAG_NAME_COLLISION), "semaphore x: name collision");
   ok(mq && (mq->flags & OBJ_FLAG_NAME_COLLISION), "queue x: name collision");
   Obj *fat = by_name(&l, OBJ_SEM, "fat"), *held = by_name(&l, OBJ_SEM, "held");
   Obj *okk = by_name(&l, OBJ_SEM, "ok"), *alone = by_name(&l, OBJ_SHM, "alone");
   ok(fat && (fat->flags & OBJ_FLAG_SEM_SHM), "a 4096-byte sem.* object: sem-shm");
   ok(held && !(held->flags & OBJ_FLAG_SEM_SHM),
      "a sem.* object held by a descriptor (a viewer): no sem-shm");
   ok(mq && mq->mq_known && mq->messages == 2 && mq->mq_maxmsg == 10 && mq->mq_msgsize == 64
      && !mq->size_known, "queue: its count and limits; no bytes given");
   ok(okk && okk->flags == 0, "a semaphore mapped as sem_open maps it: no flag");
   ok(okk && okk->natt == 1 && okk->att[0].pid == 42 && strcmp(okk->att[0].comm, "holder") == 0,
      "matched by dev:inode although the path is a deleted temporary name");
   ok(alone && (alone->flags & OBJ_FLAG_SIZE_MISMATCH), "100 bytes mapped as 16 KiB: size mismatch");
   ok(alone && !(alone->flags & OBJ_FLAG_NAME_COLLISION), "a lone name: no collision");
   Obj *was = by_name(&l, OBJ_SHM, "was");
   ok(was && was->removed && (was->flags & OBJ_FLAG_REMOVED), "an unlinked object still mapped: removed");
   objects_free(&l);
}

static void test_sysv_flags(void) {
   ObjList l;
   objects_init(&l, 4096);
   ok(add_sysv_line(&l, PLATFORM_SYSV_SHM, "     43981          7   600                 12345   100   101      1     0     0     0     0          5          6          7                  0                  0"),
      "a shm line parses");
   ok(add_sysv_line(&l, PLATFORM_SYSV_SEM, "     43981          3   600          3     0     0     0     0          0         10"),
      "a sem line parses");
   ok(add_sysv_line(&l, PLATFORM_SYSV_MSG, "        -1          4   644           5          1   200   201     0     0     0     0          0          0         10"),
      "a msg line with a negative key parses");
   ok(add_sysv_line(&l, PLATFORM_SYSV_SHM, "         0          8  1600                  4096   100   100      1     0     0     0     0          0          0          9                  0                  0"),
      "a removed segment parses");
   ok(!add_sysv_line(&l, PLATFORM_SYSV_SHM, "key shmid perms"), "a header is refused");
   objects_begin_process(&l, 100, "maker");
   add_map(&l, 100, "7f0000000000-7f0000004000 rw-s 00000000 00:01 7 /SYSV0000abcd (deleted)");
   add_map(&l, 100, "7f0000010000-7f0000011000 rw-s 00000000 00:01 8 /SYSV00000000 (deleted)");
   objects_finish(&l);
   Obj *shm = objects_find_sysv(&l, OBJ_SYSV_SHM, 7), *sem = objects_find_sysv(&l, OBJ_SYSV_SEM, 3);
   Obj *msg = objects_find_sysv(&l, OBJ_SYSV_MSG, 4), *gone = objects_find_sysv(&l, OBJ_SYSV_SHM, 8);
   ok(shm && shm->key == 0xabcd && shm->size == 12345 && shm->nattch == 1 && shm->cpid == 100,
      "shm: key, size, nattch, cpid");
   ok(shm && shm->natt == 1 && shm->att[0].mapped && shm->att[0].pid == 100,
      "the /SYSV mapping is matched by inode = shmid");
   ok(shm && shm->flags == 0 && sem && sem->flags == 0,
      "one key for a segment and a semaphore set: the usual idiom, no flag");
   ok(sem && sem->nsems == 3 && !sem->size_known, "sem: its count in nsems, no bytes");
   ok(msg && msg->key == 0xffffffffu && msg->flags == 0 && msg->messages == 1,
      "msg: its own key, one message");
   ok(gone && gone->removed && gone->flags == OBJ_FLAG_REMOVED, "removed but attached");
   ok(shm && !(shm->flags & OBJ_FLAG_SIZE_MISMATCH), "12345 bytes mapped as 16 KiB: no mismatch");
   objects_free(&l);
}

static void test_memfd(void) {
   ObjList l;
   objects_init(&l, 4096);
   PlatformStat st = { .kind = PLATFORM_KIND_REGULAR, .size = 3000, .dev = platform_dev_make(0, 1),
                       .ino = 77 };
   objects_begin_process(&l, 9, "m");
   add_fd(&l, 9, 4, &st, "/memfd:buf\033x (deleted)", true);
   add_map(&l, 9, "7f0000000000-7f0000001000 r--s 00000000 00:01 77 /memfd:buf\033x (deleted)");
   objects_finish(&l);
   Obj *m = by_name(&l, OBJ_MEMFD, "buf\033x");
   ok(m && m->natt == 2 && m->size == 3000 && !(m->flags & OBJ_FLAG_REMOVED),
      "a memfd: found by its descriptor, its mapping matched, not 'removed'");
   objects_free(&l);
}

static void test_json(void) {
   char *q = json_name_dup("a\"b\\c\033[31m\x01\n\xff\xe2\x80\xae\xc3\xa9");
   is_str(q, "\"a\\\"b\\\\c\\u001b[31m\\u0001\\n\\ufffd\\u202e\xc3\xa9\"",
          "JSON: the name itself, in JSON's escapes; not UTF-8 as U+FFFD; bidi as \\u202e");
   free(q);
   ok(!json_is_utf8("a\xff") && json_is_utf8("\xc3\xa9"), "JSON: which names need their bytes");
   char *hex = json_hex_dup("a\xff");
   is_str(hex, "\"61ff\"", "JSON: the bytes in hex");
   free(hex);
   char small[6];
   json_quote_into(small, sizeof small, "abcdefgh");
   is_str(small, "\"abcd", "JSON: truncation keeps whole pieces");
}

static void add_lock_line(ObjList *l, const char *line) {
   PlatformLockRecord r;
   if (platform_procfs_lock_line(line, &r))
      objects_add_lock(l, &r);
   else
      diag("fixture lock line refused: %s", line);
}

static void add_fd_lock(ObjList *l, int pid, const char *comm, int fd, const char *line) {
   PlatformLockRecord r;
   if (platform_procfs_fdinfo_lock(line, &r))
      objects_add_process_lock(l, pid, comm, false, fd, &r);
   else
      diag("fixture fdinfo line refused: %s", line);
}

/* Locks are matched by device:inode; the holders of flock and OFD locks
 * come from the descriptors, the lock list's pid is used only when no
 * descriptor showed the lock. */
static void test_locks(void) {
   ObjList l;
   objects_init(&l, 4096);
   PlatformEntry a = entry("a", 100, platform_dev_make(0, 0x1a), 10);
   PlatformEntry b = entry("b", 100, platform_dev_make(0, 0x1a), 11);
   PlatformEntry c = entry("c", 100, platform_dev_make(0, 0x1a), 12);
   objects_add_shm_entry(&l, &a);
   objects_add_shm_entry(&l, &b);
   objects_add_shm_entry(&l, &c);
   add_lock_line(&l, "1: FLOCK  ADVISORY  WRITE 500 00:1a:10 0 EOF");
   add_lock_line(&l, "2: OFDLCK ADVISORY  READ  -1 00:1a:11 0 99");
   add_lock_line(&l, "3: POSIX  ADVISORY  WRITE 700 00:1a:12 4 7");
   add_lock_line(&l, "3: -> POSIX  ADVISORY  WRITE 701 00:1a:12 0 EOF");
   add_lock_line(&l, "4: OFDLCK ADVISORY  WRITE -1 00:1a:12 50 60");
   add_lock_line(&l, "5: POSIX  ADVISORY  READ 800 08:01:12 0 EOF");    /* another device */
   objects_begin_process(&l, 501, "child");
   add_fd_lock(&l, 501, "child", 4, "lock:\t1: FLOCK  ADVISORY  WRITE 500 00:1a:10 0 EOF");
   objects_begin_process(&l, 600, "ofd");
   add_fd_lock(&l, 600, "ofd", 3, "lock:\t1: OFDLCK ADVISORY  READ  -1 00:1a:11 0 99");
   add_fd_lock(&l, 600, "ofd", 5, "lock:\t1: OFDLCK ADVISORY  READ  -1 00:1a:11 0 99");
   objects_begin_process(&l, 601, "ofd2");
   add_fd_lock(&l, 601, "ofd2", 3, "lock:\t1: OFDLCK ADVISORY  READ  -1 00:1a:11 0 99");
   objects_begin_process(&l, 701, "waiter");
   objects_finish(&l);
   Obj *oa = by_name(&l, OBJ_SHM, "a"), *ob = by_name(&l, OBJ_SHM, "b"), *oc = by_name(&l, OBJ_SHM, "c");
   ok(oa && oa->nlocks == 1 && oa->locks[0].pid == 501 && oa->locks[0].seen_on_fd
      && oa->locks[0].fd == 4 && strcmp(oa->locks[0].comm, "child") == 0,
      "flock: the holder is the descriptor's process, not the pid that took it");
   ok(oa && (oa->flags & OBJ_FLAG_LOCKED), "flagged locked");
   ok(ob && ob->nlocks == 2 && ob->locks[0].pid == 600 && ob->locks[1].pid == 601,
      "OFD: both processes sharing the open file hold it, a dup()ed descriptor once");
   ok(oc && oc->nlocks == 3, "POSIX, an OFD lock no descriptor showed, a waiter");
   ok(oc && oc->locks[0].lock.kind == PLATFORM_LOCK_POSIX && oc->locks[0].pid == 700
      && !oc->locks[0].seen_on_fd && strcmp(oc->locks[0].comm, "?") == 0,
      "POSIX from the list: its owner's pid, command not known");
   ok(oc && oc->locks[1].lock.kind == PLATFORM_LOCK_OFD && oc->locks[1].pid == 0,
      "OFD from the list alone: holder not known (pid -1 is no pid)");
   ok(oc && oc->locks[2].lock.waiting && oc->locks[2].pid == 701
      && strcmp(oc->locks[2].comm, "waiter") == 0, "the waiter comes last, with its command");
   is_u64(l.procs_scanned, 4, "locks do not count processes");
   objects_free(&l);
   objects_init(&l, 4096);
   objects_add_shm_entry(&l, &a);
   add_lock_line(&l, "1: -> FLOCK  ADVISORY  WRITE 9 00:1a:10 0 EOF");
   objects_finish(&l);
   oa = by_name(&l, OBJ_SHM, "a");
   ok(oa && oa->nlocks == 1 && !(oa->flags & OBJ_FLAG_LOCKED), "a waiter alone: not locked");
   objects_free(&l);
   /* the scanning process is not scanned, but its locks are reported */
   objects_init(&l, 4096);
   objects_add_shm_entry(&l, &a);
   add_lock_line(&l, "1: FLOCK  ADVISORY  WRITE 77 00:1a:10 0 EOF");
   PlatformLockRecord r;
   platform_procfs_lock_line("1: FLOCK  ADVISORY  WRITE 77 00:1a:10 0 EOF", &r);
   objects_add_process_lock(&l, 77, "mapscope", true, 9, &r);
   objects_finish(&l);
   oa = by_name(&l, OBJ_SHM, "a");
   ok(oa && oa->nlocks == 1 && oa->locks[0].self && strcmp(oa->locks[0].comm, "mapscope") == 0
      && (oa->flags & OBJ_FLAG_LOCKED), "a lock the scanning process holds is kept, marked self");
   is_u64(l.procs_scanned, 0, "... without counting it as scanned");
   char text[256];
   objlock_text(&oa->locks[0], text, sizeof text);
   is_str(text, "FLOCK write advisory, whole file: pid 77 fd 9 mapscope (this process)",
          "... and said so");
   objects_free(&l);
}

/* Bytes a semaphore's object holds: what sem_open() wrote, or shared
 * memory's. */
static void test_sem_bytes(void) {
   ObjList l;
   objects_init(&l, 4096);
   uint64_t dev = platform_dev_make(0, 0x1a);
   PlatformEntry e[] = { entry("sem.good", 32, dev, 10), entry("sem.bad", 32, dev, 11) };
   objects_add_shm_entry(&l, &e[0]);
   objects_add_shm_entry(&l, &e[1]);
   unsigned char b[32] = { 0 };
   b[0] = 4;
   b[8] = 128;                       /* FUTEX_SHARED, as sem_open() writes it */
   Obj *good = by_name(&l, OBJ_SEM, "good"), *bad = by_name(&l, OBJ_SEM, "bad");
   if (platform_sem_layout64()) {
      objects_sem_bytes(good, b, 32);
      memcpy(b + 16, "shm!", 4);
      objects_sem_bytes(bad, b, 32);
   } else {
      skip("64-bit sem_t layout", "a 32-bit target");
   }
   objects_finish(&l);
   ok(!platform_sem_layout64() || (good->have_value && good->sem_value == 4 && good->flags == 0),
      "sem_open()'s bytes: a value, no flag");
   ok(!platform_sem_layout64() || (!bad->have_value && (bad->flags & OBJ_FLAG_SEM_SHM)),
      "written as shared memory: sem-shm, no value");
   objects_free(&l);
}

/* Holders that may be missing are unknown, never 0. */
static void test_holders_unknown(void) {
   ObjList l;
   objects_init(&l, 4096);
   ok(add_sysv_line(&l, PLATFORM_SYSV_SHM, "     43981          7   600                 12345   100   101      1     0     0     0     0          5          6          7                  0                  0"),
      "a segment attached once");
   ok(add_sysv_line(&l, PLATFORM_SYSV_SHM, "     43982          9   600                  4096   100   101      0     0     0     0     0          5          6          7                  0                  0"),
      "a segment attached by none");
   PlatformEntry e = entry("lone", 100, platform_dev_make(0, 0x1a), 10);
   objects_add_shm_entry(&l, &e);
   objects_begin_process(&l, 5, "gone");
   objects_process_denied(&l, 5, "gone", ESRCH, "it exited during the scan");
   objects_finish(&l);
   Obj *seg = objects_find_sysv(&l, OBJ_SYSV_SHM, 7), *idle = objects_find_sysv(&l, OBJ_SYSV_SHM, 9);
   Obj *lone = by_name(&l, OBJ_SHM, "lone");
   ok(seg && seg->holders_unknown, "nattch 1, no mapping seen: holders unknown");
   ok(idle && !idle->holders_unknown, "nattch 0: held by none, known");
   ok(lone && !lone->holders_unknown, "a process that exited hides nothing");
   objects_process_denied(&l, 6, "root's", EACCES, "refused");
   objects_finish(&l);
   ok(lone && lone->holders_unknown, "a process refused: an object seen held by none is unknown");
   objects_begin_process(&l, 7, "holder");
   add_map(&l, 7, "7f0000000000-7f0000004000 rw-s 00000000 00:01 7 /SYSV0000abcd (deleted)");
   objects_finish(&l);
   ok(seg && !seg->holders_unknown, "nattch 1, its mapping seen: known");
   objects_free(&l);
}

int main(void) {
   plan_lazy();
   test_kinds();
   test_sem_bytes();
   test_holders_unknown();
   test_posix_flags();
   test_sysv_flags();
   test_memfd();
   test_json();
   test_locks();
   return done_testing();
}
