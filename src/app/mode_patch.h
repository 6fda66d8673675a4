/* mode_patch.h - --patch OFFSET:HEXBYTES (repeatable), --flush, --force. */
#ifndef MAPSCOPE_MODE_PATCH_H
#define MAPSCOPE_MODE_PATCH_H

#include "app/options.h"
#include "core/source.h"

#include <stddef.h>
#include <stdint.h>

int mode_patch_run(const Options *o);

/* --recover SOURCE: roll back (or set aside) the journal of an interrupted
 * flush, and say what was done on stdout.  0: done or nothing to do; 1: the
 * journal could not be dealt with, or a flush is running now. */
int mode_recover_run(const Options *o);

/* N runs of bytes (inside SRC) made copy-on-write edits and flushed with
 * the journal, as --patch --flush does, silently: what --xxd -r writes.
 * SRC must be open and recovered.  Returns 0, or the exit status after
 * reporting the problem. */
typedef struct {
   uint64_t offset;
   const unsigned char *bytes;
   size_t len;
} PatchRun;

int mode_patch_write_runs(const Options *o, Source *src, const PatchRun *runs, size_t n);

#endif
