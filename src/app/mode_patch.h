/* mode_patch.h - --patch OFFSET:HEXBYTES (repeatable), --flush, --force. */
#ifndef MAPSCOPE_MODE_PATCH_H
#define MAPSCOPE_MODE_PATCH_H

#include "app/options.h"

int mode_patch_run(const Options *o);

#endif
