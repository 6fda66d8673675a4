/* ui.h - the interactive screen: mapscope SOURCE, and the object list. */
#ifndef MAPSCOPE_UI_H
#define MAPSCOPE_UI_H

#include <stdbool.h>

#include "app/options.h"
#include "app/objtable.h"

/* Open O->source, run the screen until the user quits; returns the exit
 * status.  An object that cannot be shown is refused before the screen
 * starts. */
int ui_main(const Options *o);

/* Run the screen on the object list of SCOPE (O->kinds filters it); Enter
 * opens an object in the hex view above it.  Returns the exit status.
 * ui_main() without O->source does this with every object. */
int ui_main_objects(const Options *o, const ObjTableScope *scope);

/* Run the screen on the tour (--tour): it makes the tour's objects and
 * removes them however the screen ends; O->script is a tour script
 * (app/tour_script.h), not a key script.  Returns the exit status. */
int ui_main_tour(const Options *o);

/* Whether standard input and output are a terminal the screen can use. */
bool ui_terminal(void);

#endif
