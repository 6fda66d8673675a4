/* mode_xxd.h - --xxd: a drop-in for xxd(1), its options after --xxd
 * (app/xxd_options.h); -r in mode_xxd_revert.c. */
#ifndef MAPSCOPE_MODE_XXD_H
#define MAPSCOPE_MODE_XXD_H

#include "app/options.h"

int mode_xxd_run(const Options *o);

/* OUTFILE opened for writing (created when missing, emptied first when
 * TRUNCATE) into *FD; a block device only as its exclusive claim
 * (core/source_busy.h), refused while it is mounted, held or claimed
 * unless FORCE.  -1, or the exit status after the message. */
int mode_xxd_open_output(const char *path, bool truncate, bool force, int *fd);

/* -r: the dump in INFILE (or stdin) back into bytes, into OUTFILE in place
 * through journaled copy-on-write edits, or to stdout. */
int mode_xxd_revert(const Options *o);

#endif
