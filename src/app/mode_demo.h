/* mode_demo.h - --demo: a small scene of named objects to look at. */
#ifndef MAPSCOPE_MODE_DEMO_H
#define MAPSCOPE_MODE_DEMO_H

#include "app/options.h"

int mode_demo_run(const Options *o);

#endif
