/* mode_info.h - --info SOURCE: kind, size, granularity, who holds it. */
#ifndef MAPSCOPE_MODE_INFO_H
#define MAPSCOPE_MODE_INFO_H

#include "app/options.h"

int mode_info_run(const Options *o);

#endif
