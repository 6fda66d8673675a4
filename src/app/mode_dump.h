/* mode_dump.h - --dump and --xxd. */
#ifndef MAPSCOPE_MODE_DUMP_H
#define MAPSCOPE_MODE_DUMP_H

#include "app/options.h"

int mode_dump_run(const Options *o);

#endif
