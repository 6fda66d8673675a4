/* Unit tests: the screen's object list model (filter, sort, keys, sources). */
#include "config.h"

#include "app/objtable.h"
#include "app/objfmt.h"
#include "app/objwho.h"
#include "platform/scene.h"
#include "platform/names.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

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

/* ---- --columns, --pid, --user, a segment's nattch without us ---------- */

static void test_column_lists(void) {
   ObjTableColumn c[OBJTABLE_ALL_COLUMNS];
   size_t n;
   const char *bad;
   size_t bad_len;
   ok(objtable_columns_parse("name,pids,detail", c, OBJTABLE_ALL_COLUMNS, &n, &bad, &bad_len)
      && n == 3 && c[0] == OBJTABLE_NAME && c[1] == OBJTABLE_PIDS && c[2] == OBJTABLE_DETAIL,
      "name,pids,detail: three columns in order");
   ok(!objtable_columns_parse("name,bogus", c, OBJTABLE_ALL_COLUMNS, &n, &bad, &bad_len)
      && bad_len == 5 && strncmp(bad, "bogus", 5) == 0, "bogus: named");
   ok(!objtable_columns_parse("size,size", c, OBJTABLE_ALL_COLUMNS, &n, &bad, &bad_len),
      "a column twice: refused");
   ok(!objtable_columns_parse("name,", c, OBJTABLE_ALL_COLUMNS, &n, &bad, &bad_len)
      && bad_len == 0, "an empty name: refused");
   ok(!objtable_column_parse("p", c), "p: processes or pids, ambiguous");
   char names[160];
   objtable_column_names(names, sizeof names);
   is_str(names, "kind, name, size, owner, mode, processes, flags, pids, detail",
          "the valid names, for messages");
}

static void test_who(void) {
   ObjWho w;
   const char *why;
   memset(&w, 0, sizeof w);
   ObjAttacher att[2] = { { .pid = 10 }, { .pid = 20 } };
   Obj o = { .kind = OBJ_SHM, .uid = 1000, .att = att, .natt = 2 };
   ok(objwho_match(NULL, &o) && objwho_match(&w, &o), "no filter: every object");
   ok(objwho_parse_pids(&w, "5,20", &why) && w.npids == 2, "5,20 parses");
   ok(objwho_match(&w, &o), "held by 20: kept");
   ok(objwho_parse_pids(&w, "5", &why) && !objwho_match(&w, &o), "held by 5: no");
   ok(!objwho_parse_pids(&w, "5,,6", &why) && w.npids == 1, "5,,6: refused, the filter kept");
   ok(!objwho_parse_pids(&w, "-1", &why), "-1: refused");
   ok(!objwho_parse_pids(&w, "99999999999", &why), "too large: refused");
   ok(objwho_parse_pids(&w, "", &why) && w.npids == 0, "empty: any process");
   ok(objwho_parse_user(&w, "1000", &why) && objwho_match(&w, &o), "uid 1000: kept");
   ok(objwho_parse_user(&w, "0", &why) && !objwho_match(&w, &o), "uid 0: no");
   ok(objwho_parse_user(&w, "", &why) && objwho_match(&w, &o), "empty: any user");
}

static void test_self_nattch(void) {
   int id;
   void *creator;
   if (platform_sysv_shm_create(0, 4096, &id, &creator) != 0) {   /* 0: IPC_PRIVATE */
      ok(true, "# SKIP no System V shared memory here");
      return;
   }
   void *mine;
   PlatformStat st;
   ok(platform_sysv_shm_attach(id, false, &mine, &st) == 0, "attached through the platform");
   Obj o = { .kind = OBJ_SYSV_SHM, .ino = (uint64_t)id, .nattch = 2, .cpid = 1, .lpid = 2 };
   char buf[128];
   objfmt_detail(&o, buf, sizeof buf);
   is_str(buf, "nattch=1 (+1 mapscope) cpid=1 lpid=2", "nattch without us, and us said");
   platform_sysv_shm_detach(mine);
   o.nattch = 1;
   objfmt_detail(&o, buf, sizeof buf);
   is_str(buf, "nattch=1 cpid=1 lpid=2", "detached: nattch as the kernel says");
   platform_sysv_shm_detach(creator);
   platform_sysv_shm_remove(id);
}

int main(void) {
   plan_lazy();
   test_sort();
   test_filter_and_keys();
   test_columns();
   test_specs();
   test_column_lists();
   test_who();
   test_self_nattch();
   return done_testing();
}
