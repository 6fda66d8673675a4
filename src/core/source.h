/* source.h - what is shown: a file, a block device, a shared-memory object,
 * a pseudo-file.
 *
 * Each kind fills one const SourceOps table (src/core/sources/) that
 * DECLARES what the kind can do (SOURCE_CAN_*) and how it identifies itself;
 * nothing above asks "has it a descriptor?".  source_open() picks the table
 * by the SOURCE prefix ("shm:NAME") from the platform's registry
 * (sources/registry_PLATFORM.c) or, for a plain path, by what the path
 * turns out to be.  Adding a kind adds a file there and one registry line.
 *
 * The handle a kind holds (a descriptor on POSIX) is opaque above the
 * platform: only the kind and the platform calls it is handed to use it. */
#ifndef MAPSCOPE_SOURCE_H
#define MAPSCOPE_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "platform/files.h"
#include "platform/mapping.h"

typedef struct Source Source;

/* What a kind can do. */
typedef enum {
   SOURCE_CAN_MAP     = 1u << 0,  /* windows are mapped (else read into a buffer) */
   SOURCE_CAN_READ    = 1u << 1,  /* bytes can be read at an offset */
   SOURCE_CAN_EDIT    = 1u << 2,  /* copy-on-write edits can be flushed to it */
   SOURCE_CAN_JOURNAL = 1u << 3,  /* a flush keeps a rollback journal of it */
   SOURCE_CAN_LOCK    = 1u << 4,  /* it takes the advisory lock a flush holds */
   SOURCE_CAN_LIVE    = 1u << 5,  /* others change its bytes: the view re-reads */
   SOURCE_CAN_HOLES   = 1u << 6,  /* it can say where its holes are */
   /* With SOURCE_CAN_LIVE: the view re-reads it only when asked (p,
    * --refresh), not from the start: a file rarely changes under the view,
    * shared memory and a process's memory do all the time. */
   SOURCE_LIVE_ON_REQUEST = 1u << 7,
   SOURCE_EDIT_NEEDS_W = 1u << 8  /* edits need -w even of one's own (a running process) */
} SourceCap;

/* How an object identifies itself, to match it against the object list
 * and the journals: a file system's device and inode, or for objects
 * outside any file system a device no file system has and an id. */
typedef struct {
   uint64_t dev, ino;
   bool in_file_system;    /* false: DEV is one of SOURCE_DEV_* below */
} SourceIdentity;

/* The devices of the object spaces outside file systems (System V). */
#define SOURCE_DEV_SYSV_SHM UINT64_C(0xffffffffffff0001)
#define SOURCE_DEV_SYSV_SEM UINT64_C(0xffffffffffff0002)
#define SOURCE_DEV_SYSV_MSG UINT64_C(0xffffffffffff0003)
/* A process's address space: the id is its pid. */
#define SOURCE_DEV_PROCESS  UINT64_C(0xffffffffffff0010)

/* The call that maps (attaches, reads) a window, as the kind really makes
 * it, and its Windows counterpart, for the screen that explains it. */
typedef struct {
   char function[24];      /* "mmap", "shmat", "pread" */
   char args[200];         /* what goes between the parentheses */
   char prot[48];          /* "PROT_READ", "SHM_RDONLY", "" */
   char flags[64];         /* "MAP_SHARED", "" */
   char windows[200];      /* "MapViewOfFile(hMap, FILE_MAP_READ, ...)" */
   const void *result;     /* what the call returned; NULL: the window's address */
   char note[96];          /* where the window is in what the call made, or "" */
} SourceMapCall;

/* Bytes that could not be read (a process's guard page, an unmapped
 * address): where the first of them is, the errno, and the kind's word
 * on why (for the status line). */
typedef struct {
   uint64_t offset;        /* first unreadable byte */
   uint64_t end;           /* the end of the unreadable run, as far as it was read */
   int err;
} SourceFault;

/* The life of an object on the screen, stage by stage, as this machine
 * really goes through it, each stage beside its Windows twin (the
 * reference article's calls).  Each kind fills its own (describe_life);
 * the view and copy stages come from describe_map. */
typedef enum {
   SOURCE_STAGE_OPEN,      /* open, shm_open, shmget <-> CreateFile + CreateFileMapping, OpenFileMapping */
   SOURCE_STAGE_VIEW,      /* mmap, shmat, pread <-> MapViewOfFile */
   SOURCE_STAGE_COPY,      /* the edits' copy-on-write view <-> FILE_MAP_COPY */
   SOURCE_STAGE_FLUSH,     /* pwrite + fsync, journaled <-> FlushViewOfFile + FlushFileBuffers */
   SOURCE_STAGE_UNMAP,     /* munmap, shmdt <-> UnmapViewOfFile */
   SOURCE_STAGE_CLOSE,     /* close <-> CloseHandle */
   SOURCE_STAGES
} SourceStage;

typedef struct {
   char call[512];         /* what this machine calls: "open(\"f\", O_RDONLY) = 3" */
   char windows[512];      /* its twin: "CreateFile(\"f\", GENERIC_READ, ...)" */
   char prot[128];         /* the protection asked for: "PROT_READ, MAP_SHARED", or "" */
   char windows_prot[128]; /* "PAGE_READONLY, FILE_MAP_READ", or "" */
   char note[256];         /* when it happens, or why it does not (translated), or "" */
} SourceLifeStep;

typedef struct {
   SourceLifeStep step[SOURCE_STAGES];
} SourceLife;

/* What the name an object was opened by (its SOURCE) leads to now,
 * compared with the object shown: source_look_name(). */
typedef enum {
   SOURCE_LOOK_SAME,       /* the name leads to the object shown */
   SOURCE_LOOK_REPLACED,   /* to another object: NOW and READ_ERR say what */
   SOURCE_LOOK_REMOVED,    /* to nothing, and the object has no name left */
   SOURCE_LOOK_AWAY,       /* to nothing, but the object still has a name
                            * (renamed, or its directory was) */
   SOURCE_LOOK_MARKED,     /* System V: removed (IPC_RMID), kept while attached */
   SOURCE_LOOK_UNKNOWN     /* the name cannot be looked at: ERR says why */
} SourceLookState;

typedef struct {
   SourceLookState state;
   PlatformStat now;       /* REPLACED: what the name leads to (kind, dev, ino) */
   int read_err;           /* REPLACED: 0, or why it could not be opened (EACCES) */
   int err;                /* UNKNOWN: the errno of the look */
} SourceLook;

typedef struct SourceOps {
   const char *kind;        /* gettext-marked: "file", "block device" ... */
   const char *prefix;      /* "shm:"; NULL for the path-based kinds */
   unsigned caps;           /* SOURCE_CAN_* */
   /* gettext-marked: what reading the object does to it, said to the user
    * once its bytes are read (System V: the attachment counts); or NULL. */
   const char *use_note;
   /* Open NAME (the SOURCE without its prefix). */
   bool (*open)(Source *s, const char *name, bool writable, Error *e);
   /* Re-read the size and identity (objects change under us). */
   bool (*refresh)(Source *s, Error *e);
   bool (*map)(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
               bool populate, void **addr, Error *e);
   void (*unmap)(Source *s, void *addr, size_t len);
   bool (*read)(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e);
   /* Next data extent at or after OFFSET; [*start, *end), *start == size if none. */
   void (*next_data)(Source *s, uint64_t offset, uint64_t *start, uint64_t *end);
   void (*close)(Source *s);
   void (*identity)(const Source *s, SourceIdentity *id);
   /* Describe the call that made the window of LEN bytes at OFFSET, in
    * MODE, now at ADDR (for a kind that reads: the buffer). */
   void (*describe_map)(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                        const void *addr, SourceMapCall *out);
   /* For kinds with bytes that may be unreadable (NULL otherwise): as
    * source_read_marked() and source_fault_why(). */
   bool (*read_marked)(Source *s, void *buf, size_t len, uint64_t offset, size_t *got,
                       unsigned char *bad, SourceFault *fault, Error *e);
   void (*fault_why)(const Source *s, const SourceFault *fault, char *buf, size_t size);
   /* For kinds edited in place without a journal (a process's memory;
    * NULL otherwise): write LEN bytes of BUF at OFFSET, all or false with E. */
   bool (*write)(Source *s, const void *buf, size_t len, uint64_t offset, Error *e);

   /* The open, flush, unmap and close stages of S's life (the view and copy
    * stages are filled from describe_map before it is called; it may add
    * a note to them).  LEN is the window's length. */
   void (*describe_life)(const Source *s, size_t len, SourceLife *out);
   /* Which of the NPAGES pages from OFFSET (page-aligned; the window
    * mapped at ADDR) are in memory, as platform_cache_pages() says; NULL
    * for kinds whose bytes are read into a buffer (nothing is known). */
   int (*residency)(const Source *s, uint64_t offset, const void *addr, size_t npages,
                    unsigned char *state, PlatformResidency *how, int *why);
   /* What S's name leads to now, looked at without opening anything (NULL:
    * a kind whose name cannot come to lead elsewhere, as a process). */
   void (*look)(const Source *s, SourceLook *out);
} SourceOps;

struct Source {
   const SourceOps *ops;
   char *spec;            /* SOURCE as the user gave it (untrusted: escape it) */
   char *name;            /* path, or shm name with its leading '/' */
   PlatformHandle handle;   /* PLATFORM_HANDLE_NONE for kinds without one */
   bool writable;
   PlatformStat st;
   uint64_t size;
   bool size_partial;     /* only the first SIZE bytes are known (a pseudo-file cut short) */
   void *priv;            /* kind-specific state (sysv: the attached segment) */
   const PlatformStat *expect;   /* while opening: what it must be (NULL: any) */
   bool pinned;           /* opened as a listed object: reopen only that one */
   /* Opened by source_open_reading(): for the modes that read, not map. */
   bool reading;
   /* Opened by source_open_describing() (--info): a FIFO, character device
    * or socket is then not opened at all (UNOPENED; HANDLE is
    * PLATFORM_HANDLE_NONE, ST is its stat(2), no byte can be read). */
   bool describing;
   bool unopened;
   /* shm:NAME or sem:NAME names something in the shared-memory directory
    * that is no shared-memory object (a FIFO, directory, socket, device
    * or symbolic link, UNOPENED_LINK): never opened; --info describes it
    * from its lstat(2) (UNOPENED set), every other use is refused. */
   bool not_shm;
   bool unopened_link;
   /* Opened by source_open_describing() without permission to open it
    * (its errno, EACCES): ST and SIZE are what could be learnt without
    * opening it (a shm object's stat, a System V segment's row in the
    * kernel's list, a file's or block device's stat: a block device's
    * SIZE is then SOURCE_SIZE_UNKNOWN); HANDLE is PLATFORM_HANDLE_NONE,
    * no byte can be read. */
   int open_denied;
   /* The size is not known before reading (procfs, sysfs, pipes ...): SIZE
    * is SOURCE_SIZE_UNKNOWN, every byte is data, and a short read is the
    * end of the object, not a shrink. */
   bool read_to_end;
   /* Bytes come in order only (pipes, FIFOs, character devices, standard
    * input): reads must go forward; a skip reads and drops. */
   bool sequential;
   /* The address of offset 0, added wherever an offset is shown (--dump,
    * --xxd, --find, the hex rows): a process's virtual address for pid:;
    * 0 for every other kind. */
   uint64_t base;
   /* The offset the SOURCE named, where the screen puts its cursor and
    * --dump/--xxd start (pid:PID:ADDR: ADDR's offset in its region); 0
    * for every other kind. */
   uint64_t origin;
};

/* What offset OFF of S is shown as. */
static inline uint64_t source_address(const Source *s, uint64_t off) {
   return s->base + off;
}

#define SOURCE_SIZE_UNKNOWN ((uint64_t)INT64_MAX)

/* Open SPEC.  On failure returns false with E set; *out is untouched. */
bool source_open(const char *spec, bool writable, Source **out, Error *e);
/* The same, refusing (ERR_SWAPPED) any object but the one EXPECT describes:
 * its kind, device and inode (the rest of EXPECT is not looked at).  EXPECT
 * NULL is source_open(). */
bool source_open_expect(const char *spec, bool writable, const PlatformStat *expect,
                        Source **out, Error *e);
void source_close(Source *s);

/* Open SPEC for reading only, as --dump, --xxd, --find and --info do: also
 * "-" (standard input), pipes, FIFOs, character devices and files whose
 * size lies (see read_to_end).  source_open() refuses those: they cannot be
 * mapped. */
bool source_open_reading(const char *spec, Source **out, Error *e);

/* Open SPEC to describe it only (--info): as source_open_reading(), except
 * that a path naming a FIFO, a character device or a socket is not opened
 * (opening a FIFO waits for a writer, opening a device may act on it): it
 * is described from its stat, with UNOPENED set. */
bool source_open_describing(const char *spec, Source **out, Error *e);
/* The kinds whose open(2) may wait or have effects. */
bool source_kind_opens_with_effects(PlatformKind kind);

bool source_refresh(Source *s, Error *e);
bool source_map(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                bool populate, void **addr, Error *e);
void source_unmap(Source *s, void *addr, size_t len);
bool source_read(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e);
void source_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end);

/* Whether S's kind can do all of CAPS (SOURCE_CAN_*). */
bool source_can(const Source *s, unsigned caps);
void source_identity(const Source *s, SourceIdentity *id);
void source_describe_map(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                         const void *addr, SourceMapCall *out);
/* Read LEN bytes at OFFSET into BUF, marking in BAD (LEN bytes, 1 =
 * unreadable; may be NULL) the bytes that cannot be read, which are left
 * as 0 in BUF; *GOT is the bytes the object has there (short at its end).
 * FAULT (may be NULL) gets the first unreadable run; fault->err is 0 when
 * every byte was read.  False with E only when nothing at all can be read
 * (the process is gone, access refused).  Kinds whose bytes are always
 * readable mark nothing. */
bool source_read_marked(Source *s, void *buf, size_t len, uint64_t offset, size_t *got,
                        unsigned char *bad, SourceFault *fault, Error *e);
/* Write LEN bytes at OFFSET through a kind that has .write (false with E,
 * ERR_READ_ONLY, for the others: they are flushed through a journal). */
bool source_write(Source *s, const void *buf, size_t len, uint64_t offset, Error *e);
/* Why the bytes of FAULT could not be read, in BUF (translated): "a guard
 * page", "not mapped", "the process has exited". */
void source_fault_why(const Source *s, const SourceFault *fault, char *buf, size_t size);

/* The whole life of S for the window of LEN bytes at OFFSET mapped in MODE
 * at ADDR, and of the edits' copy-on-write view there (at COPY_ADDR, or
 * NULL when no edit has made it yet).  Names in it are escaped. */
void source_describe_life(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                          const void *addr, const void *copy_addr, SourceLife *out);
/* The unmap and close stages of a kind that maps a descriptor, and its
 * flush when it can be edited; the kind adds its open stage. */
void source_fd_describe_life(const Source *s, size_t len, SourceLife *out);
/* The open stage of a path (open + CreateFile + CreateFileMapping) and of a
 * POSIX shm name (shm_open + OpenFileMapping of "Local\\WINDOWS_NAME"). */
void source_life_open_path(const Source *s, SourceLife *out);
void source_life_open_shm(const Source *s, const char *windows_name, SourceLife *out);
/* The life of a path that is read, never mapped: the descriptor's stages,
 * its open without CreateFileMapping, its close a CloseHandle(hFile); the
 * kind adds its notes and its unmap stage. */
void source_life_read_path(const Source *s, size_t len, SourceLife *out);
/* "open", "view", "copy" ... (translated). */
const char *source_stage_name(SourceStage stage);

/* The residency of NPAGES pages of S's window at OFFSET mapped at ADDR
 * (the kind's residency op): one PLATFORM_CACHE_* byte a page.  A kind
 * without one knows nothing (*HOW PLATFORM_RESIDENCY_UNKNOWN, *WHY 0). */
int source_residency(const Source *s, uint64_t offset, const void *addr, size_t npages,
                     unsigned char *state, PlatformResidency *how, int *why);

/* The kinds chosen by a prefix, in the order they are tried (the
 * platform's registry); *N their count. */
const SourceOps *const *source_registry(size_t *n);

/* Refuse objects that cannot be mapped because they are empty. */
bool source_require_mappable(const Source *s, Error *e);

/* Shared pieces for kinds that hold a file descriptor. */
bool source_fd_refresh(Source *s, Error *e);
bool source_fd_map(Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                   bool populate, void **addr, Error *e);
void source_fd_unmap(Source *s, void *addr, size_t len);
bool source_fd_read(Source *s, void *buf, size_t len, uint64_t offset, size_t *got, Error *e);
void source_fd_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end);
void source_fd_close(Source *s);
void source_fd_identity(const Source *s, SourceIdentity *id);
void source_fd_describe_map(const Source *s, uint64_t offset, size_t len, PlatformMapMode mode,
                            const void *addr, SourceMapCall *out);
int source_fd_residency(const Source *s, uint64_t offset, const void *addr, size_t npages,
                        unsigned char *state, PlatformResidency *how, int *why);
/* Open the path NAME as the path kinds do: stat it, check it against
 * S->expect and source_check_kind() without opening it, then open exactly
 * what was stat'ed into S->handle and S->st.  Opened describing (--info),
 * a refused open (EACCES, EPERM) is S->open_denied, not a failure. */
bool source_fd_open_path(Source *s, const char *name, bool writable, Error *e);
/* Set E from an errno of platform_open_same() (ESTALE: ERR_SWAPPED);
 * returns false. */
bool source_open_failed(Error *e, int rc);

/* The SourceOps members of a kind that holds a descriptor; NEXT_DATA is
 * its way of finding data (block devices have no holes to ask about). */
#define SOURCE_FD_OPS(next_data_fn) \
   .refresh = source_fd_refresh, \
   .map = source_fd_map, \
   .unmap = source_fd_unmap, \
   .read = source_fd_read, \
   .next_data = (next_data_fn), \
   .close = source_fd_close, \
   .identity = source_fd_identity, \
   .describe_map = source_fd_describe_map, \
   .residency = source_fd_residency

/* What a source is opened for: the screen and --patch map it, the modes
 * that only read could use a stream.  Which kinds of object each use
 * accepts is one table in source.c. */
typedef enum {
   SOURCE_USE_MAP,
   SOURCE_USE_READ,
   SOURCE_USES
} SourceUse;

/* Check what a path or object is (S->st.kind), for mapping: false with E
 * saying why when it cannot be used.  Paths are checked before they are
 * opened. */
bool source_check_kind(const Source *s, Error *e);
bool source_check_kind_for(PlatformKind kind, SourceUse use, Error *e);

/* When S->expect is set: false (ERR_SWAPPED, naming both) unless ST is the
 * object expected. */
bool source_check_expected(const Source *s, const PlatformStat *st, Error *e);

/* Open the object SRC names once more, read-write or read-only, as its kind
 * opens it (source_reopen.c): a descriptor of its own in *FD and what the
 * name refers to now in *ST.  Edits use it to check write permission and to
 * see whether the object was replaced since it was opened.  Fails for kinds
 * that cannot be edited. */
bool source_reopen(const Source *src, bool writable, PlatformHandle *h, PlatformStat *st, Error *e);

/* Kinds whose use changes the object (ops->use_note: a System V segment,
 * whose shmat() counts the viewer in nattch and names it in lpid) say so
 * when that happens, through ONE process-wide hook: whichever path maps or
 * reads the source (the screen, --dump, --xxd, --find, --patch, a view
 * opened from the object list ...), the user is told, and no path can
 * forget.  The hook gets S and its kind's use_note (untranslated, N_());
 * the application prints it (standard error, or the screen's status line
 * and :messages).  NULL: nobody is told.  Not thread-safe (set it before
 * sources are used). */
typedef void (*SourceUseHook)(void *ctx, const Source *s, const char *note);
void source_set_use_hook(SourceUseHook hook, void *ctx);
/* For the kinds: S's object was just changed by its use (attached); calls
 * the hook with S's use_note.  Nothing when the kind has no use_note. */
void source_report_use(const Source *s);

extern const SourceOps source_file_ops;
extern const SourceOps source_block_ops;
/* What reading a System V segment does to it (N_()): the screen and the
 * modes that read say it. */
extern const char source_sysv_attach_note[];
extern const SourceOps source_shm_ops;
extern const SourceOps source_sem_ops;
extern const SourceOps source_sysv_ops;
extern const SourceOps source_pseudo_ops;

/* S is an open file whose reported size cannot be trusted (a file of the
 * kernel's own file systems, platform/pseudo.h): read it whole into a buffer and make it a pseudo-file. */
bool source_pseudo_adopt(Source *s, Error *e);
extern const SourceOps source_stream_ops;
/* Another process's bytes: pid:PID:ADDR, pid:PID:START-END (source_pid.c). */
extern const SourceOps source_pid_ops;

/* A SOURCE of the pid: kind, parsed (no process is looked at). */
typedef struct {
   int pid;
   enum { SOURCE_PID_ALL, SOURCE_PID_ADDR, SOURCE_PID_RANGE } what;
   uint64_t addr;           /* ADDR, or START */
   uint64_t end;            /* END (RANGE) */
} SourcePidSpec;
/* 1 when SPEC is "pid:..." and parses, 0 when it is no pid: source, -1
 * when it is one but malformed (E says why: ERR_BAD_SOURCE). */
int source_pid_spec(const char *spec, SourcePidSpec *out, Error *e);

/* Turn S, a path opened by the file kind that turned out to be a FIFO or a
 * character device, into a stream (source_stream.c). */
bool source_stream_adopt(Source *s, const char *path, Error *e);

/* The longest POSIX shm name, without its leading '/': a file name (NAME_MAX
 * on Linux).  A semaphore's file adds "sem." to it. */
#define SOURCE_SHM_NAME_MAX 255

/* A POSIX shm name checked (one path component, at most SOURCE_SHM_NAME_MAX bytes) and
 * returned malloc'd with its leading '/'; NULL with E set otherwise. */
char *source_shm_normalize_name(const char *name, Error *e);

/* What S's name leads to now (SOURCE_LOOK_SAME for kinds without a look).
 * The looks of the path kinds (file, block device, pseudo-file) and of the
 * shared-memory kinds (shm:, sem:), for their ops tables. */
void source_look_name(const Source *s, SourceLook *out);
void source_look_path(const Source *s, SourceLook *out);
void source_look_shm(const Source *s, SourceLook *out);
/* Open S->name as a POSIX shm object and check what it is; MISSING is the
 * reason given when no object has that name. */
bool source_shm_attach(Source *s, bool writable, const char *missing, Error *e);
/* "a FIFO", "a directory" ... (translated): what a PlatformKind is. */
const char *source_kind_word(PlatformKind k);

#endif
