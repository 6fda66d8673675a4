/* Unit tests: the rollback journal: write, replay, torn, unfit, foreign
 * and hot journals, the read-only check, and the lock. */
#include "config.h"

#include "core/journal.h"
#include "tap.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* like(got, needle, name): GOT contains NEEDLE. */
#define like(got, needle, name) do { \
      const char *g_ = (got); \
      if (!ok(g_ && strstr(g_, (needle)) != NULL, "%s", (name))) \
         diag("got \"%s\", want it to contain \"%s\"", g_ ? g_ : "(null)", (needle)); \
   } while (0)

static char dir[1024];
static char path[4096], jdir[4096];

static void put(const char *bytes, size_t len, off_t at) {
   int fd = open(path, O_WRONLY | O_CREAT, 0644);
   if (fd < 0 || pwrite(fd, bytes, len, at) != (ssize_t)len)
      abort();
   close(fd);
}

static bool content_is(const char *want) {
   char got[64] = { 0 };
   int fd = open(path, O_RDONLY);
   ssize_t n = read(fd, got, sizeof got - 1);
   close(fd);
   return n == (ssize_t)strlen(want) && memcmp(got, want, (size_t)n) == 0;
}

static Source *open_src(void) {
   Source *s = NULL;
   Error e;
   if (!source_open(path, false, &s, &e))
      abort();
   return s;
}

/* A journal for the file "0123456789abcdef": runs at 2 (2 bytes) and 10
 * (3 bytes), to become "01XY456789ZZZdef"; its identity is the object's,
 * then changed by FORGE when not NULL (a file that had the same device and
 * inode before). */
static char *write_forged(Source *s, void (*forge)(PlatformIdentity *), uint64_t *bytes, Error *e) {
   static const JournalRun runs[] = {
      { 2, 2, (const unsigned char *)"23", (const unsigned char *)"XY" },
      { 10, 3, (const unsigned char *)"abc", (const unsigned char *)"ZZZ" },
   };
   JournalId id = { .dev = s->st.dev, .ino = s->st.ino, .size = s->size };
   platform_identity(s->handle, &id.who);
   if (forge)
      forge(&id.who);
   JournalDir d;
   char *name = journal_name(s->st.dev, s->st.ino);
   bool good = journal_dir_open(jdir, true, &d, NULL, e)
               && journal_write(&d, name, &id, runs, 2, bytes, e);
   if (d.fd >= 0)
      journal_dir_close(&d);
   free(name);
   return good ? journal_path(jdir, s->st.dev, s->st.ino) : NULL;
}

static char *write_journal(Source *s, uint64_t *bytes, Error *e) {
   return write_forged(s, NULL, bytes, e);
}

static char aside[4096];

static JournalOutcome replay(Source *s, uint64_t *restored) {
   JournalReplay r;
   Error e;
   bool good = journal_replay(jdir, s, NULL, &r, &e);
   if (restored)
      *restored = r.bytes;
   snprintf(aside, sizeof aside, "%s", r.aside ? r.aside : "");
   journal_replay_free(&r);
   return good ? r.outcome : (JournalOutcome)-1;
}

static JournalOutcome check(Source *s) {
   JournalReplay r;
   Error e;
   bool good = journal_check(jdir, s, &r, &e);
   journal_replay_free(&r);
   return good ? r.outcome : (JournalOutcome)-1;
}

static void test_crc(void) {
   is_u64(journal_crc32c(0, "123456789", 9), 0xE3069283u, "CRC-32C check value");
   uint32_t c = journal_crc32c(0, "1234", 4);
   is_u64(journal_crc32c(c, "56789", 5), 0xE3069283u, "CRC-32C in two parts");
}

static void test_roll_back(const char *state, const char *what) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   Source *s = open_src();
   uint64_t jbytes = 0, restored = 0;
   Error e;
   char *jp = write_journal(s, &jbytes, &e);
   ok(jp != NULL, "%s: journal written", what);
   is_u64(jbytes, 224 + 2 * 16 + 2 * 2 + 2 * 3 + 4, "%s: journal size", what);
   put(state, 16, 0);
   is_u64(replay(s, &restored), JOURNAL_ROLLED_BACK, "%s: rolled back", what);
   is_u64(restored, 5, "%s: 5 bytes restored", what);
   ok(content_is("0123456789abcdef"), "%s: the file is all old", what);
   ok(jp && access(jp, F_OK) != 0, "%s: the journal is gone", what);
   is_u64(replay(s, NULL), JOURNAL_NONE, "%s: a second open finds nothing", what);
   free(jp);
   source_close(s);
}

/* Damage the journal with DAMAGE, then replay: torn, the file untouched. */
static void test_torn(int damage, const char *what) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   Source *s = open_src();
   uint64_t jbytes;
   Error e;
   char *jp = write_journal(s, &jbytes, &e);
   if (damage == 0 && truncate(jp, (off_t)jbytes - 7) != 0)
      abort();
   if (damage == 1) {
      int fd = open(jp, O_WRONLY);
      if (pwrite(fd, "\xff", 1, 60) != 1)
         abort();
      close(fd);
   }
   if (damage == 2 && truncate(jp, 0) != 0)
      abort();
   put("01XY456789abcdef", 16, 0);    /* must stay as it is */
   is_u64(replay(s, NULL), JOURNAL_TORN, "%s: found torn", what);
   ok(content_is("01XY456789abcdef"), "%s: the object is not touched", what);
   ok(access(jp, F_OK) != 0, "%s: the journal is gone from its name", what);
   char torn_aside[4096];
   snprintf(torn_aside, sizeof torn_aside, "%s.aside.1", jp);
   ok(access(torn_aside, F_OK) == 0, "%s: ... set aside as NAME.aside.1, never deleted", what);
   unlink(torn_aside);
   free(jp);
   source_close(s);
}

/* A journal written for "0123456789abcdef", then the object set to STATE
 * (LEN bytes): what a replay makes of it. */
static JournalOutcome after(const char *state, size_t len, char **jp) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   Source *s = open_src();
   uint64_t jbytes;
   Error e;
   *jp = write_journal(s, &jbytes, &e);
   if (truncate(path, 0) != 0)
      abort();
   put(state, len, 0);
   source_refresh(s, &e);
   JournalOutcome o = replay(s, NULL);
   source_close(s);
   return o;
}

static void test_unfit(void) {
   char *jp;
   is_u64(after("01QQ456789abcdef", 16, &jp), JOURNAL_UNFIT, "bytes neither old nor new: unfit");
   ok(content_is("01QQ456789abcdef"), "an unfit journal does not touch the object");
   ok(access(jp, F_OK) != 0 && access(aside, F_OK) == 0, "it is moved aside, not removed");
   like(aside, ".journal.aside.1", "to NAME.aside.1");
   free(jp);
   is_u64(after("01XY456789ZZ", 12, &jp), JOURNAL_UNFIT, "a run cut by a truncation: unfit");
   free(jp);
}

/* Item 4: a size change outside the runs does not stop the roll-back. */
static void test_benign_change(void) {
   char *jp;
   is_u64(after("01XY456789ZZZdef+", 17, &jp), JOURNAL_ROLLED_BACK,
          "half-written, then a byte appended: rolled back");
   ok(content_is("0123456789abcdef+"), "the runs are old again, the appended byte stays");
   free(jp);
   is_u64(after("01XY456789ZZZde", 15, &jp), JOURNAL_ROLLED_BACK,
          "half-written, then the last byte cut: rolled back");
   ok(content_is("0123456789abcde"), "the runs are old again");
   free(jp);
}

/* An object far larger than any journal: its journal is trusted. */
static void test_huge_object(void) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   if (truncate(path, (off_t)64 << 30) != 0) {
      ok(true, "# SKIP no sparse 64 GiB file here");
      return;
   }
   Source *s = open_src();
   uint64_t jbytes;
   Error e;
   char *jp = write_journal(s, &jbytes, &e);
   put("01XY456789ZZZdef", 16, 0);
   is_u64(replay(s, NULL), JOURNAL_ROLLED_BACK, "a 64 GiB object: its journal rolls back");
   free(jp);
   source_close(s);
   unlink(path);
}

/* Read-only: the check says HOT and changes nothing. */
static void test_check(void) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   Source *s = open_src();
   uint64_t jbytes;
   Error e;
   char *jp = write_journal(s, &jbytes, &e);
   put("01XY456789abcdef", 16, 0);
   is_u64(check(s), JOURNAL_HOT, "check: a hot journal");
   ok(content_is("01XY456789abcdef"), "check: the object is not written");
   ok(access(jp, F_OK) == 0, "check: the journal stays");
   int other = open(path, O_RDONLY);
   flock(other, LOCK_EX);
   is_u64(check(s), JOURNAL_BUSY, "check: a locked object's journal is a running flush's");
   is_u64(replay(s, NULL), JOURNAL_BUSY, "replay: left alone while the object is locked");
   ok(access(jp, F_OK) == 0 && content_is("01XY456789abcdef"), "replay: nothing touched");
   close(other);
   is_u64(replay(s, NULL), JOURNAL_ROLLED_BACK, "replay once the lock is free");
   free(jp);
   source_close(s);
}

/* Something not ours at the journal's name: never read, moved aside. */
static void plant(int how, const char *jp) {
   char target[4200];
   snprintf(target, sizeof target, "%s/elsewhere", dir);
   if (how == 0 && (rename(jp, target) != 0 || symlink(target, jp) != 0))
      abort();
   if (how == 1 && chown(jp, 1, 1) != 0)
      abort();
   if (how == 2 && chmod(jp, 0664) != 0)
      abort();
   if (how == 3 && truncate(jp, (off_t)5 << 30) != 0)
      abort();
   if (how == 4) {
      int fd = open(jp, O_WRONLY);
      if (pwrite(fd, "\x01", 1, 16) != 1)      /* the header's dev */
         abort();
      close(fd);
   }
}

static void test_foreign(int how, const char *what) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   Source *s = open_src();
   uint64_t jbytes;
   Error e;
   char *jp = write_journal(s, &jbytes, &e);
   put("01XY456789abcdef", 16, 0);
   plant(how, jp);
   is_u64(check(s), JOURNAL_FOREIGN, "%s: check says foreign", what);
   is_u64(replay(s, NULL), JOURNAL_FOREIGN, "%s: replay says foreign", what);
   ok(content_is("01XY456789abcdef"), "%s: not replayed", what);
   ok(access(jp, F_OK) != 0 && aside[0] && access(aside, F_OK) == 0, "%s: moved aside", what);
   unlink(aside);
   free(jp);
   source_close(s);
}

static void test_foreign_dir(void) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   Source *s = open_src();
   uint64_t jbytes;
   Error e;
   char *jp = write_journal(s, &jbytes, &e);
   put("01XY456789abcdef", 16, 0);
   chmod(jdir, 0777);
   is_u64(check(s), JOURNAL_FOREIGN, "a directory others may write: check says foreign");
   JournalReplay r;
   ok(!journal_replay(jdir, s, NULL, &r, &e), "a directory others may write: replay refuses");
   like(e.detail, "may be written by others", "and says why");
   like(e.detail, jdir, "naming the directory");
   journal_replay_free(&r);
   JournalDir d;
   ok(!journal_dir_open(jdir, true, &d, NULL, &e), "nor is a journal written there");
   ok(content_is("01XY456789abcdef") && access(jp, F_OK) == 0, "nothing touched");
   chmod(jdir, 0700);
   unlink(jp);
   free(jp);
   source_close(s);
}

static void test_claim(void) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   Source *s = open_src();
   uint64_t jbytes;
   Error e;
   char *jp = write_journal(s, &jbytes, &e);
   JournalDir d;
   char *name = journal_name(s->st.dev, s->st.ino);
   JournalReplay r;
   ok(journal_dir_open(jdir, false, &d, NULL, &e), "the directory is ours");
   ok(!journal_claim(&d, name, s->handle, &s->st, &r, &e), "a flush refuses a hot journal");
   like(e.detail, "--recover", "and says how to roll it back");
   journal_replay_free(&r);
   chmod(jp, 0666);
   ok(journal_claim(&d, name, s->handle, &s->st, &r, &e) && r.aside, "a foreign file is moved aside");
   ok(access(jp, F_OK) != 0, "the name is free");
   journal_replay_free(&r);
   journal_dir_close(&d);
   free(name);
   free(jp);
   source_close(s);
}

static void test_exists(void) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   Source *s = open_src();
   uint64_t jbytes;
   Error e;
   char *jp = write_journal(s, &jbytes, &e);
   ok(write_journal(s, &jbytes, &e) == NULL && e.code == ERR_JOURNAL,
      "a second journal for the same object is refused");
   JournalDir d;
   char *name = journal_name(s->st.dev, s->st.ino);
   ok(journal_dir_open(jdir, false, &d, NULL, &e) && journal_remove(&d, name, &e)
      && access(jp, F_OK) != 0, "journal_remove");
   journal_dir_close(&d);
   free(name);
   free(jp);
   source_close(s);
}

/* ---- the object's identity: a file that reused the device and inode ---- */

static void forge_btime(PlatformIdentity *id) { id->btime_nsec = (id->btime_nsec + 1) % 1000000000u; }
static void forge_generation(PlatformIdentity *id) { id->generation++; }
static void forge_handle(PlatformIdentity *id) { id->handle[id->handle_len - 1] ^= 0x55; }
/* A journal that records what this file system no longer gives. */
static void forge_unknown(PlatformIdentity *id) {
   id->known = id->known ? 0 : PLATFORM_ID_GENERATION;
}

/* A journal of another file with this device and inode (FORGE says how it
 * differs), with the object in a state the journal would fit: nothing may
 * be replayed. */
static void test_stranger(void (*forge)(PlatformIdentity *), unsigned needs, const char *what,
                          const char *why) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   Source *s = open_src();
   PlatformIdentity here;
   platform_identity(s->handle, &here);
   if (needs && !(here.known & needs)) {
      skip("this file system does not give it", "%s", what);
      source_close(s);
      return;
   }
   uint64_t jbytes;
   Error e;
   char *jp = write_forged(s, forge, &jbytes, &e);
   put("01XY456789ZZZdef", 16, 0);    /* the new bytes: the journal would "fit" */
   JournalReplay r;
   ok(journal_check(jdir, s, &r, &e) && r.outcome == JOURNAL_STRANGER,
      "%s: check says it is another file's journal", what);
   like(r.why, why, "and says why");
   journal_replay_free(&r);
   ok(access(jp, F_OK) == 0, "%s: check moves nothing", what);
   is_u64(replay(s, NULL), JOURNAL_STRANGER, "%s: replay says it is another file's", what);
   ok(content_is("01XY456789ZZZdef"), "%s: nothing is written back", what);
   ok(access(jp, F_OK) != 0 && aside[0] && access(aside, F_OK) == 0,
      "%s: moved aside, never deleted", what);
   unlink(aside);
   free(jp);
   source_close(s);
}

/* A flush finding another file's journal at its name moves it aside and
 * goes on (it is not a hot journal of this object). */
static void test_stranger_claim(void) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   Source *s = open_src();
   uint64_t jbytes;
   Error e;
   char *jp = write_forged(s, forge_unknown, &jbytes, &e);
   JournalDir d;
   char *name = journal_name(s->st.dev, s->st.ino);
   JournalReplay r;
   ok(journal_dir_open(jdir, false, &d, NULL, &e), "the directory is ours");
   ok(journal_claim(&d, name, s->handle, &s->st, &r, &e) && r.outcome == JOURNAL_STRANGER
      && r.aside && access(r.aside, F_OK) == 0, "a flush moves another file's journal aside");
   ok(access(jp, F_OK) != 0, "and its name is free");
   if (r.aside)
      unlink(r.aside);
   journal_replay_free(&r);
   journal_dir_close(&d);
   free(name);
   free(jp);
   source_close(s);
}

/* A journal of the first format (MSJRNL01: no identity), valid in every
 * other way and fitting the object: set aside, never replayed. */
static void test_old_format(void) {
   unlink(path);
   put("01XY456789ZZZdef", 16, 0);
   Source *s = open_src();
   unsigned char j[48 + 16 + 4 + 4];
   unsigned char *p = j;
   memcpy(p, "MSJRNL01", 8);
   uint64_t nums[] = { sizeof j, s->st.dev, s->st.ino, 16, 1, 2, 2 };
   for (size_t i = 0; i < 7; i++)
      for (int b = 0; b < 8; b++)
         p[8 + 8 * i + b] = (unsigned char)(nums[i] >> (8 * b));
   memcpy(j + 64, "23XY", 4);
   uint32_t crc = journal_crc32c(0, j, sizeof j - 4);
   for (int b = 0; b < 4; b++)
      j[68 + b] = (unsigned char)(crc >> (8 * b));
   Error e;
   JournalDir d;
   ok(journal_dir_open(jdir, true, &d, NULL, &e), "the directory is ours");
   journal_dir_close(&d);
   char *jp = journal_path(jdir, s->st.dev, s->st.ino);
   int fd = open(jp, O_WRONLY | O_CREAT | O_EXCL, 0600);
   if (fd < 0 || write(fd, j, sizeof j) != (ssize_t)sizeof j)
      abort();
   close(fd);
   JournalReplay r;
   ok(journal_check(jdir, s, &r, &e) && r.outcome == JOURNAL_STRANGER,
      "an old-format journal: check says it cannot be matched");
   like(r.why, "MSJRNL01", "naming the format");
   journal_replay_free(&r);
   is_u64(replay(s, NULL), JOURNAL_STRANGER, "an old-format journal is not replayed");
   ok(content_is("01XY456789ZZZdef"), "the object is not written");
   ok(access(jp, F_OK) != 0 && aside[0] && access(aside, F_OK) == 0, "it is moved aside");
   unlink(aside);
   free(jp);
   source_close(s);
}

/* The comparison itself, on made-up identities. */
static void test_identity_rule(void) {
   PlatformIdentity a, b;
   char why[256];
   memset(&a, 0, sizeof a);
   b = a;
   ok(!journal_identity_differs(&a, &b, why, sizeof why),
      "neither knows anything: DEV:INODE and the bytes decide");
   a.known = PLATFORM_ID_BTIME | PLATFORM_ID_GENERATION;
   a.btime_sec = 1700000000;
   a.btime_nsec = 5;
   a.generation = 42;
   b = a;
   ok(!journal_identity_differs(&a, &b, why, sizeof why), "the same birth time and generation");
   b.btime_nsec = 6;
   ok(journal_identity_differs(&a, &b, why, sizeof why), "another birth time: another file");
   like(why, "2023-11-14 22:13:20.000000006 UTC", "the birth time said in UTC");
   b = a;
   b.generation = 43;
   ok(journal_identity_differs(&a, &b, why, sizeof why), "another generation: another file");
   like(why, "generation is 43", "and which");
   b = a;
   b.known = PLATFORM_ID_BTIME;
   ok(!journal_identity_differs(&a, &b, why, sizeof why),
      "only what both know is compared (the birth time agrees)");
   b.known = PLATFORM_ID_HANDLE;
   b.handle_len = 8;
   ok(journal_identity_differs(&a, &b, why, sizeof why),
      "nothing in common although the journal knows some: not replayed");
   memset(&b, 0, sizeof b);
   ok(journal_identity_differs(&b, &a, why, sizeof why),
      "the journal knows nothing but the object now tells files apart: not replayed");
   a.known = b.known = PLATFORM_ID_HANDLE;
   a.handle_type = b.handle_type = 1;
   a.handle_len = b.handle_len = 8;
   memcpy(a.handle, "\1\2\3\4\5\6\7\10", 8);
   memcpy(b.handle, a.handle, 8);
   ok(!journal_identity_differs(&a, &b, why, sizeof why), "the same file handle");
   b.handle[7] = 9;
   ok(journal_identity_differs(&a, &b, why, sizeof why), "another file handle: another file");
   b = a;
   b.handle_type = 2;
   ok(journal_identity_differs(&a, &b, why, sizeof why), "another handle type: another file");
}

int main(void) {
   plan_lazy();
   if (!tap_scratch(dir, sizeof dir, "journal") || !mkdtemp(dir))
      return 1;
   snprintf(path, sizeof path, "%s/data", dir);
   snprintf(jdir, sizeof jdir, "%s/state/deep/mapscope", dir);
   test_crc();
   test_roll_back("01XY456789ZZZdef", "all new");
   test_roll_back("01XY456789abcdef", "half written");
   test_roll_back("01X3456789aZcdef", "torn bytes");
   test_roll_back("0123456789abcdef", "not written yet");
   test_torn(0, "truncated journal");
   test_torn(1, "flipped byte");
   test_torn(2, "empty journal");
   test_unfit();
   test_benign_change();
   test_huge_object();
   test_check();
   test_foreign(0, "a symbolic link");
   if (geteuid() == 0)
      test_foreign(1, "another user's file");
   test_foreign(2, "a file others may write");
   test_foreign(3, "a 5 GiB file");
   test_foreign(4, "a header naming another object");
   test_foreign_dir();
   test_claim();
   test_exists();
   test_identity_rule();
   test_stranger(forge_btime, PLATFORM_ID_BTIME, "another birth time", "born");
   test_stranger(forge_generation, PLATFORM_ID_GENERATION, "another generation", "generation");
   test_stranger(forge_handle, PLATFORM_ID_HANDLE, "another file handle", "file handle");
   test_stranger(forge_unknown, 0, "identities that cannot be compared", "file system");
   test_stranger_claim();
   test_old_format();
   char cmd[1100];
   snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
   if (system(cmd) != 0)
      diag("could not remove %s", dir);
   return done_testing();
}
