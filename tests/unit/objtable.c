/* Unit tests: the screen's object list model (filter, sort, keys, sources). */
#include "config.h"

#include "app/objtable.h"
#include "tap.h"

#include <stdlib.h>

static PlatformEntry entry(const char *name, uint64_t size, uint64_t ino) {
   PlatformEntry e;
   memset(&e, 0, sizeof e);
   e.name = name;
   e.st.kind = PLATFORM_KIND_REGULAR;
   e.st.size = size;
   e.st.dev = 1;
   e.st.ino = ino;
   e.st.mode = 0600;
   return e;
}

/* shm b (100 bytes), shm a (300), semaphore c (32): no scan of the machine. */
static void fixture(ObjTable *t) {
   objtable_init(t);
   objects_init(&t->list, 4096);
   PlatformEntry e[] = { entry("b", 100, 10), entry("a", 300, 11), entry("sem.c", 32, 12) };
   for (size_t i = 0; i < 3; i++)
      objects_add_shm_entry(&t->list, &e[i]);
   objects_finish(&t->list);
   t->scanned = true;
   objtable_select(t);
}

static const char *row_name(const ObjTable *t, size_t i) {
   const Obj *o = objtable_row(t, i);
   return o ? o->name : "(none)";
}

static void test_sort(void) {
   ObjTable t;
   fixture(&t);
   is_u64(t.count, 3, "three objects");
   is_str(row_name(&t, 0), "a", "by kind, then name: a");
   is_str(row_name(&t, 1), "b", "... b");
   is_str(row_name(&t, 2), "c", "... then the semaphore c");
   t.sort = OBJTABLE_SIZE;
   t.reverse = true;
   objtable_select(&t);
   is_str(row_name(&t, 0), "a", "size, descending: a (300) first");
   is_str(row_name(&t, 2), "c", "... c (32) last");
   ok(objtable_row(&t, 3) == NULL, "no row past the end");
   objtable_free(&t);
}

static void test_filter_and_keys(void) {
   ObjTable t;
   fixture(&t);
   ObjTableKey k;
   objtable_key(objtable_row(&t, 1), &k);
   snprintf(t.filter, sizeof t.filter, "%s", "/b");
   objtable_select(&t);
   is_u64(t.count, 1, "filter /b: one object");
   is_u64(objtable_find(&t, &k), 0, "the key finds b again");
   t.filter[0] = '\0';
   t.kinds = 1u << OBJ_SEM;
   objtable_select(&t);
   is_u64(t.count, 1, "kind sem: one object");
   is_u64(objtable_find(&t, &k), t.count, "b is not shown: not found");
   objtable_free(&t);
}

static void test_columns(void) {
   ObjTableColumn c;
   ok(objtable_column_parse("size", &c) && c == OBJTABLE_SIZE, "size");
   ok(objtable_column_parse("pro", &c) && c == OBJTABLE_ATTACHERS, "a prefix: pro");
   ok(objtable_column_parse("FLAGS", &c) && c == OBJTABLE_FLAGS, "any case");
   ok(objtable_column_parse("m", &c) && c == OBJTABLE_MODE, "m: mode");
   ok(!objtable_column_parse("x", &c), "x: no column");
   ok(!objtable_column_parse("", &c), "empty: no column");
}

static void test_specs(void) {
   ObjTable t;
   fixture(&t);
   ObjOpenSpec specs[4];
   const char *why;
   const Obj *sa = objtable_row(&t, 0);
   ok(objtable_open_specs(sa, specs, 4, &why) == 1, "shm a: one way");
   is_str(specs[0].text, "shm:/a", "... by its name");
   ok(specs[0].checked && specs[0].expect.kind == PLATFORM_KIND_REGULAR
      && specs[0].expect.dev == sa->dev && specs[0].expect.ino == sa->ino,
      "... expected to be the file the list saw (dev, inode)");
   ok(objtable_open_specs(objtable_row(&t, 2), specs, 4, &why) == 1, "semaphore c: one way");
   is_str(specs[0].text, "sem:/c", "... by its name");
   Obj q = *objtable_row(&t, 0);
   q.kind = OBJ_SYSV_SEM;
   ok(objtable_open_specs(&q, specs, 4, &why) == 0 && why != NULL, "a semaphore set: none, and why");
   ObjAttacher a = { .pid = 42, .mapped = false, .fd = 7 };
   ObjOpenSpec one;
   objtable_attacher_spec(sa, &a, &one);
   is_str(one.text, "/proc/42/fd/7", "a descriptor: /proc/PID/fd/N");
   ok(one.checked && one.expect.dev == sa->dev && one.expect.ino == sa->ino,
      "... expected to lead to the object listed");
   a.mapped = true;
   a.start = 0x7f0000001000;
   a.end = 0x7f0000003000;
   objtable_attacher_spec(sa, &a, &one);
   is_str(one.text, "/proc/42/map_files/7f0000001000-7f0000003000", "a mapping: map_files");
   ok(one.checked && one.expect.ino == sa->ino, "... expected to lead to the object listed");
   Obj seg = *sa;
   seg.kind = OBJ_SYSV_SHM;
   seg.ino = 77;
   objtable_attacher_spec(&seg, &a, &one);
   ok(one.expect.dev == PLATFORM_DEV_ANY && one.expect.ino == 77,
      "a System V segment's mapping: its id is the inode, any device");
   PlatformStat file = { .kind = PLATFORM_KIND_REGULAR, .dev = 12, .ino = 77 };
   ok(platform_same_object(&one.expect, &file), "... which matches its file");
   file.ino = 78;
   ok(!platform_same_object(&one.expect, &file), "... and not another inode");
   objtable_free(&t);
}

int main(void) {
   plan_lazy();
   test_sort();
   test_filter_and_keys();
   test_columns();
   test_specs();
   return done_testing();
}
