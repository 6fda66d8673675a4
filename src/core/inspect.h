/* inspect.h - what an object holds: its libmagic type.
 *
 * The type is read from the first bytes of the object through the source's
 * read path (never through a mapping), so a sparse 1 TiB image costs one
 * small read.  libmagic runs in a sandboxed child process
 * (platform_sandbox_start: no privileges, a seccomp filter, killed after
 * INSPECT_TIMEOUT_MS): its database is loaded there, before the sandbox
 * closes, and dies with it.  Nothing here waits for the child unless asked
 * (inspect_magic, or inspect_magic_finish with a timeout). */
#ifndef MAPSCOPE_INSPECT_H
#define MAPSCOPE_INSPECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/source.h"
#include "platform/processes.h"

#define INSPECT_SAMPLE (64 * 1024)   /* bytes libmagic looks at */
#define INSPECT_TIMEOUT_MS 5000      /* libmagic gets this long (whole seconds) */
#define INSPECT_TEXT_MAX 1024        /* longest description kept */

/* Describe the bytes BUF[0..LEN) ("ELF 64-bit LSB pie executable ...").
 * On failure OUT holds a short reason in parentheses and false is returned. */
bool inspect_magic_buffer(const void *buf, size_t len, char *out, size_t outsz);

/* Describe the start of SRC. */
bool inspect_magic(Source *src, char *out, size_t outsz);

/* The same without waiting: start the lookup, wait until inspect_magic_fd()
 * is readable (or not), then finish.  A job that never started finishes
 * with "(type unknown)". */
typedef struct {
   PlatformChild child;
   bool running;
} InspectJob;

void inspect_magic_start(Source *src, InspectJob *job);

/* Lays the edits over BUF, which holds the object's LEN bytes at OFF (the
 * shape of edits_overlay()): libmagic then sees what the view shows. */
typedef void (*InspectOverlay)(void *ctx, uint64_t off, unsigned char *buf, size_t len);

/* The same for the bytes from OFF on (an embedded PNG is named where it
 * starts); OVERLAY may be NULL. */
void inspect_magic_start_at(Source *src, uint64_t off, InspectOverlay overlay,
                            void *overlay_ctx, InspectJob *job);

/* Is libmagic built in (configure --without-libmagic: no)? */
bool inspect_available(void);
int inspect_magic_fd(const InspectJob *job);          /* -1: nothing runs */
bool inspect_magic_finish(InspectJob *job, char *out, size_t outsz, int timeout_ms);

/* ---- the next offset libmagic recognises (core/inspect_scan.c) ----------
 *
 * libmagic answers about 2000 offsets a second on this project's machines
 * (bench/magic.sh), so a scan is a run of steps, each one sandboxed child
 * that looks at no more than INSPECT_SCAN_CALLS offsets of the
 * INSPECT_SCAN_SPAN bytes handed to it, and comes back; between steps the
 * caller shows the progress and may cancel.  An offset whose first four
 * bytes are zero is skipped without asking libmagic (zero runs and
 * sparse holes cost nothing; a type that starts with four zero bytes is
 * not found), and so is every offset not a multiple of the scan's ALIGN.
 * libmagic's text, encoding, CSV and JSON guesses are off: "data" or
 * nothing is "not recognised".  On random bytes libmagic names weak
 * matches (PGP keys, DOS COM files) at a few offsets in a hundred: the
 * scan stops there too. */
#define INSPECT_SCAN_CALLS 256             /* libmagic calls per step */
/* A step's child is killed after this long: far more than 256 calls take
 * on a loaded machine, so a slow step is never mistaken for a failure. */
#define INSPECT_SCAN_DEADLINE_S 60
#define INSPECT_SCAN_SPAN (1024 * 1024)    /* offsets per step at most */

typedef enum {
   INSPECT_SCAN_MORE,      /* this step found nothing: start the next */
   INSPECT_SCAN_FOUND,     /* at is recognised as type */
   INSPECT_SCAN_END,       /* nothing up to the end of the object */
   INSPECT_SCAN_FAILED     /* a read or the child failed: type says why */
} InspectScanState;

typedef struct {
   InspectJob job;
   uint64_t start, from, end;   /* where it began, the next offset to look at, the end */
   uint64_t align;              /* only offsets that are multiples of it (>= 1) */
   unsigned long calls;         /* libmagic calls so far */
   uint64_t at;                 /* FOUND: the offset */
   char type[INSPECT_TEXT_MAX]; /* FOUND: what libmagic says; FAILED: why */
} InspectScan;

/* A scan of the offsets [FROM, END) that are multiples of ALIGN. */
void inspect_scan_begin(InspectScan *sc, uint64_t from, uint64_t end, uint64_t align);
/* Start the next step on SRC (with OVERLAY as above).  Returns
 * INSPECT_SCAN_MORE when a child now runs (wait for inspect_scan_fd()),
 * END when nothing is left, FAILED when it could not start. */
InspectScanState inspect_scan_step(InspectScan *sc, Source *src, InspectOverlay overlay,
                                   void *overlay_ctx);
int inspect_scan_fd(const InspectScan *sc);             /* -1: no step runs */
/* The running step's answer (waiting at most TIMEOUT_MS). */
InspectScanState inspect_scan_collect(InspectScan *sc, int timeout_ms);
/* Stop the running step (its child is killed and reaped). */
void inspect_scan_cancel(InspectScan *sc);

#endif
