/* mode_xxd.h - --xxd: a drop-in for xxd(1), its options after --xxd
 * (app/xxd_options.h); -r in mode_xxd_revert.c. */
#ifndef MAPSCOPE_MODE_XXD_H
#define MAPSCOPE_MODE_XXD_H

#include "app/options.h"

int mode_xxd_run(const Options *o);

/* -r: the dump in INFILE (or stdin) back into bytes, into OUTFILE in place
 * through journaled copy-on-write edits, or to stdout. */
int mode_xxd_revert(const Options *o);

#endif
