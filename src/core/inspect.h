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
int inspect_magic_fd(const InspectJob *job);          /* -1: nothing runs */
bool inspect_magic_finish(InspectJob *job, char *out, size_t outsz, int timeout_ms);

#endif
