/* Unit tests: the platform's parsers of the kernel's text (System V lists,
 * mapping lines, descriptor targets, the /SYSV and memfd names, message
 * queue text) and of glibc's sem_t, on literal samples, hostile ones too. */
#include "config.h"

#include "platform/procfs.h"
#include "platform/names.h"
#include "tap.h"

static bool name_is(const PlatformBacking *b, const char *want) {
   return strcmp(b->name, want) == 0;
}

static void test_maps_lines(void) {
   PlatformRegion m;
   ok(platform_procfs_maps_line("7f0000001000-7f0000003000 rw-s 00002000 00:1a 4242    "
                                "/dev/shm/sem.abc (deleted)", &m), "a shm mapping parses");
   is_u64(m.start, 0x7f0000001000, "start");
   is_u64(m.end, 0x7f0000003000, "end");
   is_str(m.perms, "rw-s", "perms");
   is_u64(m.offset, 0x2000, "offset");
   is_u64(m.dev, platform_dev_make(0, 0x1a), "device 00:1a");
   is_u64(m.inode, 4242, "inode");
   ok(m.backing.deleted, "deleted");
   ok(m.backing.kind == PLATFORM_BACKING_FILE && name_is(&m.backing, "/dev/shm/sem.abc"),
      "path without (deleted)");
   ok(platform_procfs_maps_line("00400000-00452000 r-xp 00000000 08:02 173521 /usr/bin/a b", &m)
      && !m.backing.deleted && name_is(&m.backing, "/usr/bin/a b"), "a path with a space");
   ok(platform_procfs_maps_line("7ffd1000-7ffd2000 rw-p 00000000 00:00 0", &m) && m.inode == 0
      && m.backing.kind == PLATFORM_BACKING_NONE && m.backing.name[0] == '\0',
      "an anonymous mapping has no path");
   ok(platform_procfs_maps_line("7ffd1000-7ffd2000 rw-p 00000000 00:00 0   [stack]", &m)
      && m.backing.kind == PLATFORM_BACKING_NONE, "[stack] is no file");
   ok(!platform_procfs_maps_line("7ffd1000 rw-p 00000000 00:00 0", &m), "no end: refused");
   ok(!platform_procfs_maps_line("2000-1000 rw-p 00000000 00:00 0", &m), "end before start: refused");
   ok(!platform_procfs_maps_line("1000-2000 rw 0 00:00 0", &m), "short perms: refused");
   ok(!platform_procfs_maps_line("", &m), "empty: refused");
}

static void test_maps_hostile(void) {
   PlatformRegion m;
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 5 /dev/shm/a\\012b (deleted)", &m)
      && m.backing.deleted && m.backing.ambiguous && name_is(&m.backing, "/dev/shm/a\\012b"),
      "\\012 in a name (a newline, or those four characters) is kept and called ambiguous");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 5 /x\\012\\012 (deleted)", &m)
      && m.backing.ambiguous && name_is(&m.backing, "/x\\012\\012"), "twice, at the end");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 5 /a\\01", &m)
      && !m.backing.ambiguous && name_is(&m.backing, "/a\\01"),
      "a cut escape stays as it is, and is not ambiguous");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 5 /memfd:m\\012 (deleted)", &m)
      && m.backing.kind == PLATFORM_BACKING_MEMFD && m.backing.ambiguous
      && name_is(&m.backing, "m\\012"), "a memfd's name too");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 5 /t (deleted) x", &m)
      && !m.backing.deleted && name_is(&m.backing, "/t (deleted) x"),
      "(deleted) inside a name is part of the name");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 5 /t (deleted) (deleted)", &m)
      && m.backing.deleted && name_is(&m.backing, "/t (deleted)"),
      "only the last (deleted) is the kernel's");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 5  (deleted)", &m)
      && m.backing.kind == PLATFORM_BACKING_NONE, "a bare (deleted) is no path");
   ok(platform_procfs_maps_line("1000-2000 r--p 00000000 fd:00 18446744073709551615 /big", &m)
      && m.inode == UINT64_MAX, "the largest inode");
   ok(!platform_procfs_maps_line("1000-2000 r--p 00000000 fd:00 18446744073709551616 /big", &m),
      "an inode past 2^64: refused");
   ok(!platform_procfs_maps_line("10000000000000000-10000000000000001 r--p 0 00:00 0", &m),
      "an address past 2^64: refused");
   ok(!platform_procfs_maps_line("1000-2000 r--p 00000000 100000000:0 1 /x", &m),
      "a major number past 32 bits: refused");
   ok(!platform_procfs_maps_line("-1000-2000 r--p 0 00:00 0", &m), "a sign: refused");
   ok(!platform_procfs_maps_line("1000-2000 r--p 0 00:00 12x /x", &m), "a bad inode: refused");
}

static void test_special_names(void) {
   PlatformRegion m;
   ok(platform_procfs_maps_line("7f0000000000-7f0000004000 rw-s 00000000 00:01 7 "
                                "/SYSV0000abcd (deleted)", &m)
      && m.backing.kind == PLATFORM_BACKING_SYSV && m.backing.sysv_key == 0xabcd && m.inode == 7,
      "/SYSV%%08x (deleted): a System V segment, its key from the name");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 7 /SYSV0000abcd", &m)
      && m.backing.kind == PLATFORM_BACKING_FILE, "without (deleted): a file of that name");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 7 /SYSV0000ABCD (deleted)", &m)
      && m.backing.kind == PLATFORM_BACKING_FILE, "upper-case hex is not the kernel's");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 7 /SYSV0000abc (deleted)", &m)
      && m.backing.kind == PLATFORM_BACKING_FILE, "seven digits is not the kernel's");
   ok(platform_procfs_maps_line("1000-2000 r--s 00000000 00:01 77 /memfd:buf\033x (deleted)", &m)
      && m.backing.kind == PLATFORM_BACKING_MEMFD && name_is(&m.backing, "buf\033x"),
      "memfd: its name, control bytes kept for the escaping above");
   ok(platform_procfs_maps_line("1000-2000 r--s 00000000 00:01 77 /memfd: (deleted) (deleted)", &m)
      && m.backing.kind == PLATFORM_BACKING_MEMFD && name_is(&m.backing, " (deleted)"),
      "a memfd named \" (deleted)\"");
   PlatformBacking b;
   platform_procfs_fd_target("/memfd:x (deleted)", false, &b);
   ok(b.kind == PLATFORM_BACKING_MEMFD && name_is(&b, "x") && b.deleted,
      "a memfd descriptor: never linked, its suffix is the kernel's");
   platform_procfs_fd_target("/dev/shm/was (deleted)", true, &b);
   ok(b.kind == PLATFORM_BACKING_FILE && b.deleted && name_is(&b, "/dev/shm/was"),
      "an unlinked file's descriptor");
   platform_procfs_fd_target("/dev/shm/is (deleted)", false, &b);
   ok(b.kind == PLATFORM_BACKING_FILE && !b.deleted && name_is(&b, "/dev/shm/is (deleted)"),
      "a linked file named \"is (deleted)\": the link count says it is no suffix");
   platform_procfs_fd_target("/tmp/a\nb\\012", false, &b);
   ok(name_is(&b, "/tmp/a\nb\\012"), "descriptor targets are not escaped: nothing is decoded");
   platform_procfs_fd_target("socket:[1234]", false, &b);
   ok(b.kind == PLATFORM_BACKING_NONE, "a socket is no file");
   char longname[PLATFORM_NAME_MAX + 100];
   longname[0] = '/';
   memset(longname + 1, 'n', sizeof longname - 2);
   longname[sizeof longname - 1] = '\0';
   platform_procfs_fd_target(longname, false, &b);
   ok(strlen(b.name) == PLATFORM_NAME_MAX, "a name longer than any path is cut, not overrun");
}

static void test_sysv_lines(void) {
   PlatformSysvRecord r;
   ok(platform_procfs_sysv_line(PLATFORM_SYSV_SHM, "     43981          7   600                 "
                                "12345   100   101      1     0     0     0     0          5   "
                                "       6          7                  0                  0", &r),
      "a shm line parses");
   ok(r.key == 43981 && r.id == 7 && r.mode == 0600 && r.size == 12345 && r.cpid == 100
      && r.lpid == 101 && r.nattch == 1 && !r.removed, "key, id, mode, size, pids, nattch");
   ok(r.atime == 5 && r.mtime == 6 && r.ctime == 7, "attach, detach and change times");
   ok(platform_procfs_sysv_line(PLATFORM_SYSV_SHM, "0 8 1600 4096 100 100 1 0 0 0 0 0 0 9 0 0", &r)
      && r.removed && r.mode == 0600, "SHM_DEST: removed, and not part of the mode");
   ok(platform_procfs_sysv_line(PLATFORM_SYSV_SEM, "     43981          3   600          3     0"
                                "     0     0     0          0         10", &r)
      && r.size == 3 && r.ctime == 10 && r.id == 3, "a sem line: three semaphores");
   ok(platform_procfs_sysv_line(PLATFORM_SYSV_MSG, "        -1          4   644           5   "
                                "       1   200   201     0     0     0     0          0        "
                                "  0         10", &r)
      && r.key == 0xffffffffu && r.size == 5 && r.messages == 1 && r.cpid == 200 && r.lpid == 201,
      "a msg line with a negative key");
   ok(!platform_procfs_sysv_line(PLATFORM_SYSV_SHM, "key shmid perms", &r), "a header is refused");
   ok(!platform_procfs_sysv_line(PLATFORM_SYSV_SHM, "1 2 600 4096 1 1 1 0 0 0 0 0 0", &r),
      "a line one column short is refused");
   ok(!platform_procfs_sysv_line(PLATFORM_SYSV_SHM, "1 99999999999 600 4096 1 1 1 0 0 0 0 0 0 9", &r),
      "an id past int: refused");
   ok(!platform_procfs_sysv_line(PLATFORM_SYSV_SHM, "1 2 600 99999999999999999999 1 1 1 0 0 0 0 0 0 9", &r),
      "a size past 2^64: refused");
   ok(platform_procfs_sysv_line(PLATFORM_SYSV_SHM, "1 2 600 18446744073709551615 1 1 1 0 0 0 0 0 0 9", &r)
      && r.size == UINT64_MAX, "the largest size");
   ok(!platform_procfs_sysv_line(PLATFORM_SYSV_SHM, "1 2 689 4096 1 1 1 0 0 0 0 0 0 9", &r),
      "perms that are not octal: refused");
   ok(!platform_procfs_sysv_line(PLATFORM_SYSV_SEM, "1 2 600 -3 0 0 0 0 0 10", &r),
      "a negative count: refused");
   ok(!platform_procfs_sysv_line(PLATFORM_SYSV_MSG, "1 2 600 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1", &r),
      "a line of too many columns: refused");
}

static void test_sem_decode(void) {
   unsigned char b[32] = { 0 };
   unsigned v, w;
   uint64_t data = 5 | (UINT64_C(2) << 32);
   memcpy(b, &data, sizeof data);
   ok(platform_sem_decode(b, 32, true, &v, &w) && v == 5 && w == 2, "64-bit layout: value 5, 2 waiters");
   uint32_t v32 = (7u << 1) | 1, w32 = 3;
   memset(b, 0, sizeof b);
   memcpy(b, &v32, 4);
   memcpy(b + 12, &w32, 4);
   ok(platform_sem_decode(b, 16, false, &v, &w) && v == 7 && w == 3, "32-bit layout: value 7, 3 waiters");
   ok(!platform_sem_decode(b, 4, true, &v, &w), "too short: refused");
   /* What sem_open() writes (private 128, the rest 0), and what it never
    * writes: bytes of shared memory. */
   int32_t shared = 128;
   memset(b, 0, sizeof b);
   data = 1;
   memcpy(b, &data, sizeof data);
   memcpy(b + 8, &shared, sizeof shared);
   ok(platform_sem_decode(b, 32, true, &v, &w) && v == 1, "64-bit: sem_open's bytes are a semaphore");
   b[20] = 'S';
   ok(!platform_sem_decode(b, 32, true, &v, &w), "a byte past new_sem written: no semaphore");
   b[20] = 0;
   b[9] = 1;
   ok(!platform_sem_decode(b, 32, true, &v, &w), "a futex flag glibc never writes: no semaphore");
   b[9] = 0;
   data = UINT64_C(0x80000000);
   memcpy(b, &data, sizeof data);
   ok(!platform_sem_decode(b, 32, true, &v, &w), "a value past SEM_VALUE_MAX: no semaphore");
   memset(b, 'S', sizeof b);
   ok(!platform_sem_decode(b, 32, true, &v, &w), "all 'S': no semaphore");
   is_u64(platform_sem_size(), sizeof(long) == 8 ? 32 : 16, "sem_t is 32 bytes on 64-bit targets");
}

static void test_holder_path(void) {
   char buf[96];
   platform_holder_path(42, false, 7, 0, 0, buf, sizeof buf);
   is_str(buf, "/proc/42/fd/7", "a descriptor's path");
   platform_holder_path(42, true, -1, 0x7f0000000000, 0x7f0000001000, buf, sizeof buf);
   is_str(buf, "/proc/42/map_files/7f0000000000-7f0000001000", "a mapping's path");
}

static void test_region_kinds(void) {
   PlatformRegion m;
   const char *name;
   ok(platform_procfs_maps_line("1000-2000 rw-p 00000000 00:00 0   [heap]", &m)
      && platform_procfs_region_kind(&m, 0, &name) == PLATFORM_REGION_HEAP
      && strcmp(name, "[heap]") == 0, "[heap]");
   ok(platform_procfs_maps_line("1000-2000 rw-p 00000000 00:00 0 [stack]", &m)
      && platform_procfs_region_kind(&m, 0, &name) == PLATFORM_REGION_STACK, "[stack]");
   ok(platform_procfs_maps_line("1000-2000 r-xp 00000000 00:00 0 [vdso]", &m)
      && platform_procfs_region_kind(&m, 0, &name) == PLATFORM_REGION_SPECIAL
      && strcmp(name, "[vdso]") == 0, "[vdso] is special, named");
   ok(platform_procfs_maps_line("1000-2000 rw-p 00000000 00:00 0 [anon:buf]", &m)
      && platform_procfs_region_kind(&m, 0, &name) == PLATFORM_REGION_ANON
      && strcmp(name, "[anon:buf]") == 0, "[anon:NAME] is anonymous, named");
   ok(platform_procfs_maps_line("1000-2000 rw-p 00000000 00:00 0", &m)
      && platform_procfs_region_kind(&m, 0, &name) == PLATFORM_REGION_ANON && *name == '\0',
      "no name: anonymous");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:1a 7 /dev/shm/obj", &m)
      && platform_procfs_region_kind(&m, platform_dev_make(0, 0x1a), &name) == PLATFORM_REGION_SHM
      && strcmp(name, "/obj") == 0, "a file of the shm device is shm:/NAME");
   ok(platform_procfs_region_kind(&m, platform_dev_make(0, 0x1b), &name) == PLATFORM_REGION_FILE
      && strcmp(name, "/dev/shm/obj") == 0, "the same path on another device is a file");
   ok(platform_procfs_region_kind(&m, 0, &name) == PLATFORM_REGION_SHM,
      "shm device unknown: the /dev/shm/ path says");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:1a 8 /dev/shm/sem.lock", &m)
      && platform_procfs_region_kind(&m, platform_dev_make(0, 0x1a), &name) == PLATFORM_REGION_SEM
      && strcmp(name, "/sem.lock") == 0, "sem.NAME of the shm device is the semaphore /NAME");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:1a 8 /dev/shm/sem.", &m)
      && platform_procfs_region_kind(&m, platform_dev_make(0, 0x1a), &name) == PLATFORM_REGION_SHM,
      "sem. alone is a shm object");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 98 /SYSV0000abcd (deleted)", &m)
      && platform_procfs_region_kind(&m, 0, &name) == PLATFORM_REGION_SYSV
      && m.backing.sysv_key == 0xabcd, "a System V segment");
   ok(platform_procfs_maps_line("1000-2000 rw-s 00000000 00:01 9 /memfd:ring (deleted)", &m)
      && platform_procfs_region_kind(&m, 0, &name) == PLATFORM_REGION_MEMFD
      && strcmp(name, "ring") == 0, "a memfd, by its name");
   ok(platform_procfs_maps_line("1000-2000 r--p 00000000 08:01 9 /usr/lib/x.so", &m)
      && platform_procfs_region_kind(&m, 0, &name) == PLATFORM_REGION_FILE
      && strcmp(name, "/usr/lib/x.so") == 0, "a file");
}

static void test_smaps_fields(void) {
   PlatformMemFigures f;
   memset(&f, 0, sizeof f);
   ok(platform_procfs_smaps_field("Rss:                  12 kB", &f) && f.rss == 12 * 1024,
      "Rss in KiB");
   ok(platform_procfs_smaps_field("Pss:  5 kB", &f) && f.pss == 5 * 1024, "Pss");
   ok(platform_procfs_smaps_field("Private_Dirty:\t8 kB", &f) && f.private_dirty == 8192,
      "Private_Dirty after a tab");
   ok(platform_procfs_smaps_field("Anonymous: 4 kB", &f) && f.anonymous == 4096, "Anonymous");
   ok(platform_procfs_smaps_field("Swap: 0 kB", &f) && f.swap == 0 && f.known, "Swap 0, known");
   ok(platform_procfs_smaps_field("Shared_Clean: 1 kB", &f)
      && platform_procfs_smaps_field("Shared_Dirty: 2 kB", &f)
      && platform_procfs_smaps_field("Private_Clean: 3 kB", &f)
      && f.shared_clean == 1024 && f.shared_dirty == 2048 && f.private_clean == 3072,
      "the shared and private figures");
   ok(platform_procfs_smaps_field("Rss: 1 kB", &f) && f.rss == 13 * 1024,
      "figures add up (smaps_rollup and sums)");
   ok(platform_procfs_smaps_field("VmFlags: rd wr mr mw me ac", &f), "VmFlags is a field");
   ok(platform_procfs_smaps_field("THPeligible:    0", &f), "THPeligible is a field");
   ok(platform_procfs_smaps_field("Pss_Dirty: 7 kB", &f) && f.pss == 5 * 1024,
      "Pss_Dirty is not Pss");
   ok(platform_procfs_smaps_field("Rss: 12 MB", &f) && f.rss == 13 * 1024,
      "another unit: a field, not counted");
   ok(platform_procfs_smaps_field("Rss: -1 kB", &f) && f.rss == 13 * 1024, "a sign: not counted");
   ok(platform_procfs_smaps_field("Rss: 18014398509481984 kB", &f) && f.rss == 13 * 1024,
      "KiB past 2^64 bytes: not counted");
   ok(!platform_procfs_smaps_field("7f0000000000-7f0000001000 rw-p 00000000 00:00 0", &f),
      "a region header is no field");
   ok(!platform_procfs_smaps_field("", &f), "empty: no field");
   ok(!platform_procfs_smaps_field(":1 kB", &f), "no name: no field");
   memset(&f, 0, sizeof f);
   ok(!platform_procfs_smaps_field("rss: 1 kB", &f) && !f.known, "lower case: no field");
}

static void test_status(void) {
   PlatformProcStatus st;
   ok(platform_procfs_status("Name:\tcat\nUmask:\t0022\nState:\tS (sleeping)\n"
                             "Uid:\t1000\t1000\t1000\t1000\nGid:\t100\t101\t102\t103\n"
                             "CapEff:\t0000000000080000\n", &st), "a status parses");
   ok(st.state == 'S', "state");
   ok(st.uid[0] == 1000 && st.uid[3] == 1000, "uids");
   ok(st.gid[0] == 100 && st.gid[1] == 101 && st.gid[2] == 102 && st.gid[3] == 103, "gids in order");
   ok(st.has_cap && st.cap_eff == (UINT64_C(1) << 19), "CapEff in hex: CAP_SYS_PTRACE");
   ok(platform_procfs_status("State:\tZ (zombie)\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n", &st)
      && st.state == 'Z' && !st.has_cap, "a zombie, no CapEff line");
   ok(!platform_procfs_status("State:\tR\nUid:\t1\t2\n", &st), "three ids missing: refused");
   ok(!platform_procfs_status("State:\tR\nUid:\t1\t2\t3\t4\nGid:\t-1\t2\t3\t4\n", &st),
      "a negative id: refused");
   ok(!platform_procfs_status("", &st), "empty: refused");
   ok(platform_procfs_status("State:\tR\nUid:\t1\t1\t1\t1\nGid:\t1\t1\t1\t1\n"
                             "CapEff:\t10000000000000000\n", &st) && !st.has_cap,
      "a CapEff past 64 bits is not taken");
}

/* Lines as fs/locks.c (lock_get_status) prints them. */
static void test_lock_lines(void) {
   PlatformLockRecord r;
   ok(platform_procfs_lock_line("1: POSIX  ADVISORY  WRITE 1234 08:01:123456 0 EOF", &r),
      "a POSIX lock to EOF parses");
   ok(r.kind == PLATFORM_LOCK_POSIX && !r.mandatory && r.type == PLATFORM_LOCK_WRITE
      && !r.waiting, "POSIX, advisory, write");
   is_u64(r.id, 1, "its number");
   ok(r.pid == 1234, "its pid");
   ok(r.has_inode && r.dev == platform_dev_make(8, 1) && r.ino == 123456, "device 08:01, inode");
   ok(r.start == 0 && r.to_eof, "from 0 to EOF");
   ok(platform_procfs_lock_line("12: OFDLCK ADVISORY  READ  -1 00:1a:42 100 199", &r)
      && r.kind == PLATFORM_LOCK_OFD && r.type == PLATFORM_LOCK_READ && r.pid == -1
      && r.start == 100 && r.end == 199 && !r.to_eof, "an OFD read lock of bytes 100-199, pid -1");
   ok(r.dev == platform_dev_make(0, 0x1a), "the minor is hex (1a)");
   ok(platform_procfs_lock_line("3: FLOCK  ADVISORY  WRITE 77 00:3e8:9 0 EOF", &r)
      && r.kind == PLATFORM_LOCK_FLOCK && r.pid == 77 && r.dev == platform_dev_make(0, 0x3e8),
      "flock; a minor past ff");
   ok(platform_procfs_lock_line("4: POSIX  MANDATORY WRITE 5 08:01:7 0 0", &r) && r.mandatory
      && r.start == 0 && r.end == 0, "MANDATORY (old kernels), a one-byte range");
   ok(platform_procfs_lock_line("4: -> POSIX  ADVISORY  WRITE 5 08:01:7 0 EOF", &r) && r.waiting
      && r.pid == 5, "a waiter (->)");
   ok(platform_procfs_lock_line("4:  -> FLOCK  ADVISORY  WRITE 6 08:01:7 0 EOF", &r) && r.waiting
      && r.kind == PLATFORM_LOCK_FLOCK, "a waiter further down");
   ok(platform_procfs_lock_line("5: LEASE  ACTIVE    READ 99 00:2c:1000 0 EOF", &r)
      && r.kind == PLATFORM_LOCK_LEASE && r.type == PLATFORM_LOCK_READ, "a lease");
   ok(platform_procfs_lock_line("6: LEASE  BREAKING  UNLCK 99 00:2c:1000 0 EOF", &r)
      && r.type == PLATFORM_LOCK_UNLOCK, "a lease being broken");
   ok(platform_procfs_lock_line("7: POSIX  *NOINODE* WRITE 0 <none>:0 0 EOF", &r)
      && !r.has_inode && r.pid == 0, "no inode, owner gone (pid 0)");
   ok(platform_procfs_lock_line("8: UNKNOWN UNKNOWN  WRITE 1 08:01:2 0 EOF", &r)
      && r.kind == PLATFORM_LOCK_OTHER, "an unknown kind is kept as other");
   ok(platform_procfs_fdinfo_lock("lock:\t1: OFDLCK ADVISORY  WRITE -1 fd:00:3 0 EOF", &r)
      && r.kind == PLATFORM_LOCK_OFD && r.dev == platform_dev_make(0xfd, 0), "an fdinfo lock: line");
   ok(!platform_procfs_fdinfo_lock("pos:\t0", &r), "other fdinfo lines are not locks");
   ok(!platform_procfs_lock_line("1: POSIX  ADVISORY  WRITE 1234 08:01:123456 9 3", &r),
      "an end before the start: refused");
   ok(!platform_procfs_lock_line("1: POSIX  ADVISORY  WRITE 1234 08:01:123456 0", &r),
      "no end: refused");
   ok(!platform_procfs_lock_line("1: BOGUS  ADVISORY  WRITE 1 08:01:1 0 EOF", &r), "unknown kind");
   ok(!platform_procfs_lock_line("1: POSIX  ADVISORY  SHARE 1 08:01:1 0 EOF", &r), "unknown type");
   ok(!platform_procfs_lock_line("1: POSIX  ADVISORY  WRITE -2 08:01:1 0 EOF", &r), "pid -2");
   ok(!platform_procfs_lock_line("1: POSIX  ADVISORY  WRITE 1 0801:1 0 EOF", &r), "no minor");
   ok(!platform_procfs_lock_line("1: POSIX  ADVISORY  WRITE 1 zz:01:1 0 EOF", &r), "bad major");
   ok(!platform_procfs_lock_line("x: POSIX  ADVISORY  WRITE 1 08:01:1 0 EOF", &r), "bad number");
   ok(!platform_procfs_lock_line("1: POSIX  ADVISORY  WRITE 1 08:01:1 0 EOF junk", &r),
      "a word too many");
   ok(!platform_procfs_lock_line("", &r), "empty");
}

/* /proc/PID/stat: the fields that tell one life of a process from the
 * next, after a comm that holds ") " and digits. */
static void test_stat_life(void) {
   PlatformProcLife l;
   ok(platform_procfs_stat_life("11362 (c) 7 (x) R 11355 11355 30469 0 -1 4194304 100 0 0 0 0 0 0 "
                                "0 20 0 1 0 1500991 3133440 390 18446744073709551615 947456912 "
                                "947456913 140735634506784 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 "
                                "94745691237424 94745691239040 94746174959616 140735634512510 "
                                "140735634512530 140735634512531 140735634513899 0\n", &l),
      "a stat line parses");
   is_u64(l.start_time, 1500991, "starttime is field 22, after a comm with ') '");
   is_u64(l.start_stack, 140735634506784, "startstack is field 28");
   is_u64(l.arg_start, 140735634512510, "arg_start is field 48");
   is_u64(l.env_start, 140735634512531, "env_start is field 50");
   ok(l.state == 'R' && !l.ended, "a running process with memory has not ended");
   ok(platform_procfs_stat_life("9 (a) Z) Z 1 9 9 0 -1 4194564 0 0 0 0 0 0 0 0 20 0 1 0 "
                                "1500991 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 "
                                "0 0 0 0 0 0 0 0 0 0 0 0 0\n", &l),
      "a zombie's stat line parses");
   ok(l.state == 'Z' && l.ended, "state Z (after a comm that holds ') Z'): ended");
   is_u64(l.start_stack, 0, "a zombie's startstack reads 0 (not a sign of exec)");
   ok(platform_procfs_stat_life("9 (a) R 1 9 9 0 -1 4194564 0 0 0 0 0 0 0 0 20 0 1 0 "
                                "1500991 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 "
                                "0 0 0 0 0 0 0 0 0 0 0 0 0\n", &l) && l.ended,
      "running without memory (vsize 0, exiting): ended");
   ok(platform_procfs_stat_life("9 (a) S 1 9 9 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 "
                                "1500991 3133440 390 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 "
                                "0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n", &l) && !l.ended,
      "memory without ptrace access (addresses 0, vsize not): not ended");
   ok(!platform_procfs_stat_life("1 (init) S 0 1 1 0 -1 4194560 0 0\n", &l), "too few fields: refused");
   ok(!platform_procfs_stat_life("garbage", &l), "no comm: refused");
}

/* /proc/PID/stat field 9, the flags: PF_KTHREAD marks a kernel thread,
 * whatever the comm holds. */
static void test_stat_kthread(void) {
   bool k = true;
   ok(platform_procfs_stat_kthread("2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0\n", &k) && k,
      "kthreadd (flags 0x208040) is a kernel thread");
   ok(platform_procfs_stat_kthread("77 (a) 2129984 (b) S 1 77 77 0 -1 4194560 5 0\n", &k) && !k,
      "a process whose comm holds ') ' and a kthread's flags is not one");
   ok(!platform_procfs_stat_kthread("3 (x) S 0 0\n", &k) && !k, "too few fields: refused");
   ok(!platform_procfs_stat_kthread("garbage", &k), "no comm: refused");
}

int main(void) {
   plan_lazy();
   test_stat_kthread();
   test_region_kinds();
   test_smaps_fields();
   test_status();
   test_stat_life();
   test_maps_lines();
   test_maps_hostile();
   test_special_names();
   test_sysv_lines();
   test_sem_decode();
   test_holder_path();
   test_lock_lines();
   return done_testing();
}
