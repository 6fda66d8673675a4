/* mode_patch.h - --patch OFFSET:HEXBYTES (repeatable), --flush, --force. */
#ifndef MAPSCOPE_MODE_PATCH_H
#define MAPSCOPE_MODE_PATCH_H

#include "app/options.h"

int mode_patch_run(const Options *o);

/* --recover SOURCE: roll back (or set aside) the journal of an interrupted
 * flush, and say what was done on stdout.  0: done or nothing to do; 1: the
 * journal could not be dealt with, or a flush is running now. */
int mode_recover_run(const Options *o);

#endif
