/* Unit tests: the rollback journal: write, replay, torn and stale journals. */
#include "config.h"

#include "core/journal.h"
#include "tap.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

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
 * (3 bytes), to become "01XY456789ZZZdef". */
static char *write_journal(Source *s, uint64_t *bytes, Error *e) {
   static const JournalRun runs[] = {
      { 2, 2, (const unsigned char *)"23", (const unsigned char *)"XY" },
      { 10, 3, (const unsigned char *)"abc", (const unsigned char *)"ZZZ" },
   };
   JournalId id = { s->st.dev, s->st.ino, s->size };
   char *jp = journal_path(jdir, s->st.dev, s->st.ino);
   if (!journal_write(jdir, jp, &id, runs, 2, bytes, e)) {
      free(jp);
      return NULL;
   }
   return jp;
}

static JournalOutcome replay(Source *s, uint64_t *restored) {
   JournalReplay r;
   Error e;
   bool good = journal_replay(jdir, s, &r, &e);
   free(r.path);
   if (restored)
      *restored = r.bytes;
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
   is_u64(jbytes, 48 + 2 * 16 + 2 * 2 + 2 * 3 + 4, "%s: journal size", what);
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
   ok(access(jp, F_OK) != 0, "%s: the journal is removed", what);
   free(jp);
   source_close(s);
}

static void test_stale(void) {
   unlink(path);
   put("0123456789abcdef", 16, 0);
   Source *s = open_src();
   uint64_t jbytes;
   Error e;
   char *jp = write_journal(s, &jbytes, &e);
   put("01QQ456789abcdef", 16, 0);
   is_u64(replay(s, NULL), JOURNAL_STALE, "bytes that are neither old nor new: stale");
   ok(content_is("01QQ456789abcdef"), "a stale journal does not touch the object");
   ok(access(jp, F_OK) != 0, "and is removed");
   free(jp);

   jp = write_journal(s, &jbytes, &e);
   put("0", 1, 16);
   source_refresh(s, &e);
   is_u64(replay(s, NULL), JOURNAL_STALE, "a size that differs: stale");
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
   ok(strstr(e.detail, "interrupted") != NULL, "the message says why");
   ok(journal_remove(jdir, jp, &e) && access(jp, F_OK) != 0, "journal_remove");
   free(jp);
   source_close(s);
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
   test_stale();
   test_exists();
   char cmd[1100];
   snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
   if (system(cmd) != 0)
      diag("could not remove %s", dir);
   return done_testing();
}
