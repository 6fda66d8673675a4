/* Unit tests: copy-on-write edits, undo/redo, queries, and the flush. */
#include "config.h"

#include "core/edits.h"
#include "core/flush.h"
#include "core/journal.h"
#include "tap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

static char dir[1024];
static char path[4096], jdir[4096];
static size_t page;

/* A file of NPAGES pages: byte i is i % 251. */
static void make_file(size_t npages) {
   int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
   for (size_t i = 0; i < npages * page; i++) {
      unsigned char c = (unsigned char)(i % 251);
      if (write(fd, &c, 1) != 1)
         abort();
   }
   close(fd);
}

static unsigned char file_byte(uint64_t off) {
   unsigned char c = 0;
   int fd = open(path, O_RDONLY);
   if (pread(fd, &c, 1, (off_t)off) != 1)
      c = 0xEE;
   close(fd);
   return c;
}

static bool file_is_original(size_t npages) {
   for (size_t i = 0; i < npages * page; i++)
      if (file_byte(i) != (unsigned char)(i % 251))
         return false;
   return true;
}

static unsigned char view_byte(EditSet *es, uint64_t off) {
   unsigned char c = 0;
   size_t got;
   Error e;
   if (!edits_read(es, off, &c, 1, &got, &e) || got != 1)
      return 0xEE;
   return c;
}

static EditSet *open_set(Source **src, bool allow_others) {
   Error e;
   if (!source_open(path, false, src, &e))
      return NULL;
   EditConfig cfg = { page, page, allow_others, false, false };
   return edits_new(*src, &cfg);
}

static void test_apply_and_query(void) {
   make_file(3);
   Source *src;
   EditSet *es = open_set(&src, false);
   Error e;
   ok(es != NULL, "an edit set over a 3-page file");
   ok(!edits_pending(es), "nothing pending at first");
   ok(edits_window(es, 0, NULL) == NULL, "no private window before an edit");
   ok(edits_apply(es, 10, "\xde\xad\xbe\xef", 4, false, &e), "4 bytes at 10");
   ok(edits_pending(es), "edits are pending");
   ok(edits_is_modified(es, 10) && edits_is_modified(es, 13), "bytes 10 and 13 modified");
   ok(!edits_is_modified(es, 9) && !edits_is_modified(es, 14), "bytes 9 and 14 not");
   is_u64(edits_modified_bytes(es), 4, "4 modified bytes");
   is_u64(edits_dirty_pages(es), 1, "in one page");
   is_u64(view_byte(es, 11), 0xad, "the view shows the new byte");
   is_u64(file_byte(11), 11, "the file still holds the old byte");
   WindowSpan span;
   const unsigned char *w = edits_window(es, 11, &span);
   ok(w != NULL && span.start == 0 && span.delta == 11, "the private window of offset 11");
   ok(w && w[11] == 0xad, "the private mapping holds the new byte");
   is_u64(edits_copied_pages(es), 1, "the page map shows one page copied on write");
   unsigned char flags[2];
   ok(platform_page_flags(w, 1, flags) == 0 && (flags[0] & PLATFORM_PAGE_PRESENT)
      && !(flags[0] & PLATFORM_PAGE_FILE), "pagemap: present, no longer a file page");

   ok(edits_apply(es, page - 2, "\x01\x02\x03\x04", 4, false, &e), "4 bytes across a page boundary");
   is_u64(edits_dirty_pages(es), 2, "now two dirty pages");
   is_u64(edits_modified_bytes(es), 8, "8 modified bytes");
   ok(edits_window(es, page, NULL) != NULL, "the second page has its window");
   unsigned char states[3];
   edits_page_states(es, 0, 3, states);
   ok(states[0] == (EDITS_PAGE_MODIFIED | EDITS_PAGE_COPIED)
      && states[1] == (EDITS_PAGE_MODIFIED | EDITS_PAGE_COPIED) && states[2] == 0,
      "page states: modified and copied, modified and copied, clean");
   uint64_t s, t;
   ok(edits_next_modified(es, 0, &s, &t) && s == 10 && t == 14, "first modified range [10,14)");
   ok(edits_next_modified(es, 14, &s, &t) && s == page - 2 && t == page + 2, "second range");
   ok(!edits_next_modified(es, page + 2, &s, &t), "no third range");

   unsigned char buf[16];
   for (int i = 0; i < 16; i++)
      buf[i] = (unsigned char)(i + 8);
   edits_overlay(es, 8, buf, 16);
   ok(buf[0] == 8 && buf[1] == 9 && buf[2] == 0xde && buf[5] == 0xef && buf[6] == 14,
      "the overlay callback lays edits over a buffer");

   ok(!edits_apply(es, 3 * page - 1, "\x00\x00", 2, false, &e) && e.code == ERR_PAST_END,
      "an edit past the end is refused");
   ok(file_is_original(3), "the file is untouched by all of it");
   edits_free(es);
   source_close(src);
   ok(file_is_original(3), "and after the edits are dropped");
}

static void test_undo_redo(void) {
   make_file(2);
   Source *src;
   EditSet *es = open_set(&src, false);
   Error e;
   uint64_t off;
   size_t len;
   edits_apply(es, 200, "xxxx", 4, false, &e);
   edits_apply(es, 202, "yy", 2, false, &e);
   ok(view_byte(es, 201) == 'x' && view_byte(es, 202) == 'y', "overlapping edits: the later wins");
   is_u64(edits_undo_depth(es), 2, "two undo steps");
   ok(edits_undo(es, &off, &len, &e) && off == 202 && len == 2, "undo the second edit");
   ok(view_byte(es, 202) == 'x' && view_byte(es, 203) == 'x', "the first edit shows again");
   is_u64(edits_modified_bytes(es), 4, "4 bytes still modified");
   ok(edits_undo(es, NULL, NULL, &e), "undo the first edit");
   ok(view_byte(es, 200) == (unsigned char)200 && !edits_pending(es), "back to the object's bytes");
   ok(!edits_undo(es, NULL, NULL, &e) && e.code == ERR_NONE, "nothing more to undo");
   is_u64(edits_redo_depth(es), 2, "two redo steps");
   ok(edits_redo(es, NULL, NULL, &e) && edits_redo(es, &off, &len, &e) && off == 202,
      "redo both");
   ok(view_byte(es, 201) == 'x' && view_byte(es, 203) == 'y', "both edits show again");
   ok(!edits_redo(es, NULL, NULL, &e) && e.code == ERR_NONE, "nothing more to redo");
   edits_undo(es, NULL, NULL, &e);
   edits_apply(es, 300, "z", 1, false, &e);
   is_u64(edits_redo_depth(es), 0, "a new edit drops the redo history");
   is_u64(edits_modified_bytes(es), 5, "4 + 1 modified bytes");

   edits_apply(es, 400, "a", 1, true, &e);
   edits_apply(es, 401, "b", 1, true, &e);
   edits_apply(es, 400, "c", 1, true, &e);
   ok(view_byte(es, 400) == 'c' && view_byte(es, 401) == 'b', "typed bytes merge into one run");
   is_u64(edits_undo_depth(es), 3, "one undo step for the run");
   edits_undo(es, NULL, NULL, &e);
   ok(view_byte(es, 400) == (unsigned char)(400 % 251) && view_byte(es, 401) == (unsigned char)(401 % 251),
      "undoing the run restores both bytes");

   edits_discard(es);
   ok(!edits_pending(es) && edits_undo_depth(es) == 0 && edits_window(es, 200, NULL) == NULL,
      "discard drops everything and unmaps the windows");
   ok(file_is_original(2), "the file was never touched");
   edits_free(es);
   source_close(src);
}

static void test_shrink(void) {
   make_file(2);
   Source *src;
   EditSet *es = open_set(&src, false);
   Error e;
   edits_apply(es, page + 5, "q", 1, false, &e);
   if (truncate(path, 0) != 0)
      abort();
   ok(!edits_undo(es, NULL, NULL, &e) && e.code == ERR_SHRANK,
      "undo after the file shrank: an error, not SIGBUS");
   unsigned char c = 0;
   edits_overlay(es, page + 5, &c, 1);
   ok(c == 'q', "the edit itself is not lost");
   edits_free(es);
   source_close(src);
}

typedef struct {
   const unsigned char *p;
   unsigned char c;
} Touch;

static void touch_fn(void *ctx) {
   Touch *t = ctx;
   t->c = *t->p;
}

/* Bit 61 of the page map: a page only read stays a file page; a written
 * one is a private copy. */
static void test_pagemap(void) {
   make_file(4);
   Source *src;
   Error e;
   if (!source_open(path, false, &src, &e))
      abort();
   EditConfig cfg = { page, 4 * page, false, false, false };
   EditSet *es = edits_new(src, &cfg);
   ok(edits_apply(es, 5, "w", 1, false, &e), "an edit in a 4-page window");
   WindowSpan span;
   const unsigned char *w = edits_window(es, 2 * page, &span);
   ok(w && span.start == 0 && span.length == 4 * page, "one window holds all four pages");
   Touch t = { w + 2 * page, 0 };
   ok(w && platform_guard(touch_fn, &t, NULL) == 0 && t.c == (unsigned char)((2 * page) % 251),
      "page 2 is read through the private mapping");
   unsigned char flags[4] = { 0 };
   ok(w && platform_page_flags(w, 4, flags) == 0, "the page map is read");
   ok((flags[0] & PLATFORM_PAGE_PRESENT) && !(flags[0] & PLATFORM_PAGE_FILE),
      "the written page: present, copied (bit 61 clear)");
   ok((flags[2] & PLATFORM_PAGE_PRESENT) && (flags[2] & PLATFORM_PAGE_FILE),
      "the page only read: present, still the file's page (bit 61 set)");
   is_u64(edits_copied_pages(es), 1, "one page copied in the window");
   edits_free(es);
   source_close(src);
}

static void backdate(void) {
   struct timeval tv[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
   utimes(path, tv);
}

static void test_flush(void) {
   make_file(3);
   Source *src;
   EditSet *es = open_set(&src, false);
   Error e;
   FlushOptions fo = { jdir, false, NULL, NULL, NULL, NULL };
   FlushReport r;
   edits_apply(es, 1, "AB", 2, false, &e);
   edits_apply(es, 2 * page + 7, "C", 1, false, &e);
   bool good = flush_commit(es, &fo, &r, &e);
   ok(good, "flush");
   if (!good)
      diag("%s (%s)", error_message(e.code), e.detail);
   is_u64(r.bytes, 3, "3 bytes written");
   is_u64(r.pages, 2, "in 2 pages");
   ok(r.journal_bytes > 6, "a journal was written");
   ok(file_byte(1) == 'A' && file_byte(2) == 'B' && file_byte(2 * page + 7) == 'C', "the file has the new bytes");
   ok(file_byte(0) == 0 && file_byte(3) == 3 && file_byte(2 * page + 8) == (unsigned char)((2 * page + 8) % 251),
      "and nothing else changed");
   ok(!edits_pending(es) && edits_window(es, 1, NULL) == NULL, "the edits are gone");
   char *jp = journal_path(jdir, src->st.dev, src->st.ino);
   ok(access(jp, F_OK) != 0, "the journal is removed");
   free(jp);

   backdate();
   edits_apply(es, 100, "M", 1, false, &e);
   int fd = open(path, O_WRONLY);
   ok(pwrite(fd, "!", 1, 500) == 1, "someone else writes to the file");
   close(fd);
   ok(!flush_commit(es, &fo, &r, &e) && e.code == ERR_CHANGED, "the flush is refused: modified");
   ok(edits_pending(es) && file_byte(100) == 100, "the edit is kept, the file untouched");
   fo.force = true;
   ok(flush_commit(es, &fo, &r, &e) && file_byte(100) == 'M' && file_byte(500) == '!',
      "--force writes the edit and only the edit");
   fo.force = false;

   /* a flush that cannot write its journal fails and keeps the edits */
   char bad[4200];
   snprintf(bad, sizeof bad, "%s/data/journals", dir);    /* under a regular file */
   FlushOptions nowhere = { bad, false, NULL, NULL, NULL, NULL };
   edits_apply(es, 60, "J", 1, false, &e);
   ok(!flush_commit(es, &nowhere, &r, &e) && e.code == ERR_JOURNAL, "no place for the journal: refused");
   ok(edits_pending(es) && edits_is_modified(es, 60) && view_byte(es, 60) == 'J',
      "the edit is kept");
   ok(file_byte(60) == 60, "and the file is untouched");
   ok(flush_commit(es, &fo, &r, &e) && file_byte(60) == 'J', "the next flush writes it");

   edits_apply(es, 50, "S", 1, false, &e);
   if (truncate(path, (off_t)(4 * page)) != 0)
      abort();
   ok(!flush_commit(es, &fo, &r, &e) && e.code == ERR_CHANGED, "refused: the size changed");
   ok(strstr(e.detail, "size") != NULL, "the message says so");
   edits_free(es);
   source_close(src);
}

static void test_owner(void) {
   make_file(1);
   if (geteuid() != 0 || chown(path, 65534, 65534) != 0) {
      ok(true, "# SKIP needs root to chown");
      return;
   }
   Source *src;
   Error e;
   EditSet *es = open_set(&src, false);
   ok(!edits_writable(es, &e) && e.code == ERR_READ_ONLY, "another user's file is read-only");
   ok(!edits_apply(es, 0, "x", 1, false, &e) && e.code == ERR_READ_ONLY && strstr(e.detail, "-w"),
      "edits are refused and -w is named");
   edits_free(es);
   EditConfig screen = { page, page, false, false, true };
   es = edits_new(src, &screen);
   ok(!edits_apply(es, 0, "x", 1, false, &e)
      && strstr(e.detail, "uid 65534 owns it; editing it needs mapscope started with -w"),
      "on the screen: mapscope must be started with -w (%s)", e.detail);
   edits_free(es);
   source_close(src);
   es = open_set(&src, true);
   ok(edits_apply(es, 0, "x", 1, false, &e), "with -w the edit is allowed");
   edits_free(es);
   source_close(src);
}

int main(void) {
   plan_lazy();
   page = platform_page_size();
   if (!tap_scratch(dir, sizeof dir, "edits") || !mkdtemp(dir))
      return 1;
   snprintf(path, sizeof path, "%s/data", dir);
   snprintf(jdir, sizeof jdir, "%s/state/mapscope", dir);
   test_apply_and_query();
   test_undo_redo();
   test_shrink();
   test_pagemap();
   test_flush();
   test_owner();
   char cmd[1100];
   snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
   if (system(cmd) != 0)
      diag("could not remove %s", dir);
   return done_testing();
}
