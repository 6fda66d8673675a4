/* mode_find.h - --find PATTERN: the offsets of matches, or their number. */
#ifndef MAPSCOPE_MODE_FIND_H
#define MAPSCOPE_MODE_FIND_H

#include "app/options.h"

int mode_find_run(const Options *o);

#endif
