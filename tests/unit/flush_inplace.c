/* flush_inplace.c - edits of a kind that is read, not mapped, and written in
 * place without a journal (another process's memory), over a fake kind in
 * memory: another user's object only with -w, staged in buffers, undo and
 * redo, written on flush only (flush_commit), refused when the object
 * changed since it was read (unless forced), every edit kept when a write
 * fails, and an edit of a byte that cannot be read refused. */
#include "config.h"

#include "tap.h"
#include "core/edits.h"
#include "core/flush.h"
#include "platform/mapping.h"

#define OBJ_BASE 0x10000u          /* bytes below it cannot be read, as a guard page */
#define OBJ_SIZE 0x14000u

static unsigned char mem[OBJ_SIZE];
static unsigned writes;           /* source_write calls */
static int fail_write_at = -1;    /* the call that fails (EFAULT), -1: none */
static int fail_from = -1;        /* this call and every later one fail, -1: none */

static bool fake_read(Source *s, void *buf, size_t len, uint64_t off, size_t *got, Error *e) {
   (void)s;
   *got = 0;
   if (off < OBJ_BASE) {
      error_set(e, ERR_READ, EFAULT, NULL);
      return false;
   }
   size_t n = off + len > OBJ_SIZE ? OBJ_SIZE - (size_t)off : len;
   memcpy(buf, mem + off, n);
   *got = n;
   return true;
}

static bool fake_write(Source *s, const void *buf, size_t len, uint64_t off, Error *e) {
   (void)s;
   int call = (int)writes++;
   if (call == fail_write_at || (fail_from >= 0 && call >= fail_from)) {
      error_set(e, ERR_FLUSH, EFAULT, NULL);
      return false;
   }
   memcpy(mem + off, buf, len);
   return true;
}

static bool fake_refresh(Source *s, Error *e) {
   (void)s;
   (void)e;
   return true;
}

static void fake_identity(const Source *s, SourceIdentity *id) {
   (void)s;
   memset(id, 0, sizeof *id);
}

static const SourceOps fake_ops = {
   .kind = "fake process",
   .caps = SOURCE_CAN_READ | SOURCE_CAN_EDIT | SOURCE_CAN_LIVE,
   .read = fake_read,
   .refresh = fake_refresh,
   .write = fake_write,
   .identity = fake_identity,
};

static Source src;

static void reset(void) {
   for (size_t i = 0; i < OBJ_SIZE; i++)
      mem[i] = (unsigned char)(i * 7);
   writes = 0;
   fail_write_at = -1;
   fail_from = -1;
   memset(&src, 0, sizeof src);
   src.ops = &fake_ops;
   src.size = OBJ_SIZE;
   src.handle = PLATFORM_HANDLE_NONE;
   src.st.uid = platform_user_id();
   src.st.size = OBJ_SIZE;
}

static bool flush(EditSet *es, bool force, FlushReport *r, Error *e) {
   FlushOptions fo = { "/nonexistent/no-journal-here", force, NULL, NULL, ":flush!", ":recover" };
   return flush_commit(es, &fo, r, e);
}

static EditSet *set(bool allow) {
   EditConfig cfg = { platform_page_size(), 0, allow, false, false };
   return edits_new(&src, &cfg);
}

static void test_needs_w(void) {
   reset();
   src.st.uid = platform_user_id() + 1;        /* another user's process */
   EditSet *es = set(false);
   Error e;
   unsigned char b = 1;
   ok(!edits_apply(es, OBJ_BASE, &b, 1, false, &e) && e.code == ERR_READ_ONLY
      && strstr(e.detail, "-w"), "without -w another user's is refused, naming -w (%s)", e.detail);
   edits_free(es);
   EditConfig screen = { platform_page_size(), 0, false, false, true };
   es = edits_new(&src, &screen);
   ok(!edits_apply(es, OBJ_BASE, &b, 1, false, &e)
      && strstr(e.detail, "needs mapscope started with -w"),
      "on the screen it says mapscope must be started with -w (%s)", e.detail);
   edits_free(es);
   es = set(true);
   ok(edits_apply(es, OBJ_BASE, &b, 1, false, &e), "with -w it is staged");
   edits_free(es);
}

static void test_staged_then_flushed(void) {
   reset();
   EditSet *es = set(true);
   Error e;
   FlushReport r;
   ok(edits_apply(es, OBJ_BASE + 10, "ABCD", 4, false, &e), "an edit is staged");
   ok(edits_apply(es, OBJ_BASE + 0x2000, "Z", 1, false, &e), "an edit on another page");
   ok(mem[OBJ_BASE + 10] == (unsigned char)((OBJ_BASE + 10) * 7) && writes == 0,
      "nothing reaches the object before the flush");
   unsigned char b[4];
   size_t got;
   ok(edits_read(es, OBJ_BASE + 10, b, 4, &got, &e) && memcmp(b, "ABCD", 4) == 0,
      "the view reads the staged bytes");
   ok(edits_undo(es, NULL, NULL, &e) && edits_redo(es, NULL, NULL, &e), "undo and redo");
   ok(flush(es, false, &r, &e), "the flush writes (no journal is needed)");
   ok(memcmp(mem + OBJ_BASE + 10, "ABCD", 4) == 0 && mem[OBJ_BASE + 0x2000] == 'Z',
      "the object holds the edits");
   is_u64(r.bytes, 5, "five bytes written");
   is_u64(r.runs, 2, "in two runs");
   ok(!edits_pending(es), "no edit is pending after the flush");
   edits_free(es);
}

static void test_changed_refused(void) {
   reset();
   EditSet *es = set(true);
   Error e;
   FlushReport r;
   ok(edits_apply(es, OBJ_BASE + 100, "xy", 2, false, &e), "an edit is staged");
   mem[OBJ_BASE + 101] ^= 0xff;                 /* the process writes there */
   mem[OBJ_BASE + 300] ^= 0xff;                 /* and elsewhere: not our business */
   ok(!flush(es, false, &r, &e) && e.code == ERR_CHANGED,
      "a byte changed since it was read: refused");
   ok(strstr(e.detail, "1 byte") && strstr(e.detail, "0x10065") && strstr(e.detail, ":flush!"),
      "the refusal counts the bytes, names the first and the way to force (%s)", e.detail);
   ok(writes == 0 && edits_pending(es), "nothing written, the edit kept");
   ok(flush(es, true, &r, &e) && memcmp(mem + OBJ_BASE + 100, "xy", 2) == 0,
      "forced, it writes");
   edits_free(es);
}

static void test_write_fails(void) {
   reset();
   EditSet *es = set(true);
   Error e;
   FlushReport r;
   unsigned char before = mem[OBJ_BASE + 1];
   ok(edits_apply(es, OBJ_BASE + 1, "1", 1, false, &e)
      && edits_apply(es, OBJ_BASE + 0x3000, "2", 1, false, &e), "two edits staged");
   fail_write_at = 1;                           /* the second range fails */
   ok(!flush(es, false, &r, &e), "a failed write fails the flush");
   ok(mem[OBJ_BASE + 1] == before && writes == 3,
      "the range written first gets its byte back (%u writes)", writes);
   ok(strstr(e.detail, "restored") != NULL, "and the message says so (%s)", e.detail);
   ok(edits_pending(es) && edits_modified_bytes(es) == 2, "every edit is kept");
   fail_write_at = -1;
   ok(flush(es, false, &r, &e) && mem[OBJ_BASE + 1] == '1' && mem[OBJ_BASE + 0x3000] == '2',
      "a plain retry writes both (%s)", e.detail);
   edits_free(es);
}

/* The range written first cannot be restored either: the message names
 * it, and a retry is not refused because of the byte the failed flush
 * left there. */
static void test_restore_fails(void) {
   reset();
   EditSet *es = set(true);
   Error e;
   FlushReport r;
   ok(edits_apply(es, OBJ_BASE + 1, "1", 1, false, &e)
      && edits_apply(es, OBJ_BASE + 0x3000, "2", 1, false, &e), "two edits staged");
   fail_from = 1;
   ok(!flush(es, false, &r, &e), "the second write fails");
   ok(mem[OBJ_BASE + 1] == '1', "the first could not be undone");
   ok(strstr(e.detail, "1 byte written could not be restored: 0x10001-0x10002") != NULL,
      "the message names what was not restored (%s)", e.detail);
   fail_from = -1;
   ok(flush(es, false, &r, &e) && mem[OBJ_BASE + 0x3000] == '2',
      "a plain retry is not refused for its own earlier write (%s)", e.detail);
   edits_free(es);
}

/* A run across a page boundary is written a page at a time: the page
 * written before the one that failed is restored. */
static void test_run_across_pages(void) {
   reset();
   EditSet *es = set(true);
   Error e;
   FlushReport r;
   unsigned char before[4];
   memcpy(before, mem + OBJ_BASE + 0xffe, 4);
   ok(edits_apply(es, OBJ_BASE + 0xffe, "ABCD", 4, false, &e), "a run over two pages");
   fail_write_at = 1;
   ok(!flush(es, false, &r, &e), "its second page fails");
   ok(memcmp(mem + OBJ_BASE + 0xffe, before, 4) == 0, "its first page is restored");
   fail_write_at = -1;
   ok(flush(es, false, &r, &e) && memcmp(mem + OBJ_BASE + 0xffe, "ABCD", 4) == 0,
      "a retry writes it");
   edits_free(es);
}

static void test_unreadable(void) {
   reset();
   EditSet *es = set(true);
   Error e;
   ok(!edits_apply(es, OBJ_BASE - 1, "q", 1, false, &e) && e.code != ERR_NONE,
      "an edit of a byte that cannot be read is refused");
   ok(!edits_pending(es), "and nothing is pending");
   edits_free(es);
}

int main(void) {
   plan_lazy();
   test_needs_w();
   test_staged_then_flushed();
   test_changed_refused();
   test_write_fails();
   test_restore_fails();
   test_run_across_pages();
   test_unreadable();
   return done_testing();
}
