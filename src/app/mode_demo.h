/* mode_demo.h - --demo: a small scene of named objects to look at. */
#ifndef MAPSCOPE_MODE_DEMO_H
#define MAPSCOPE_MODE_DEMO_H

#include "app/options.h"

#include "app/objtable.h"

/* Shows the scene on a screen (the object list of SCOPE) and returns the
 * exit status; main.c hands the screen in, so that this layer never calls
 * the one above it. */
typedef int (*DemoScreen)(const Options *o, const ObjTableScope *scope);

/* Build the scene, show it (on SCREEN when not NULL, else printed, until
 * Enter), remove it. */
int mode_demo_run(const Options *o, DemoScreen screen);

#endif
