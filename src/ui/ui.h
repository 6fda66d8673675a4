/* ui.h - the interactive screen: mapscope SOURCE, and the object list. */
#ifndef MAPSCOPE_UI_H
#define MAPSCOPE_UI_H

#include <stdbool.h>

#include "app/options.h"
#include "core/error.h"
#include "core/objects.h"

/* Open O->source, run the screen until the user quits; returns the exit
 * status.  An object that cannot be shown is refused before the screen
 * starts. */
int ui_main(const Options *o);

/* The object list: what `mapscope` without SOURCE and --demo show. */
typedef struct UiObjects {
   const char *title;                       /* NULL: "named objects" */
   bool (*pick)(const Obj *o, void *ctx);   /* only these objects (NULL: all) */
   bool include_self;                       /* this process counts as a holder */
   /* Looked at about once a second: false ends the screen, and E is the
    * error ui_main_objects() reports (the demo's writer died, say). */
   bool (*check)(void *ctx, Error *e);
   void *ctx;
} UiObjects;

/* Run the screen on the object list (O->kinds filters it); Enter opens an
 * object in the hex view above it.  Returns the exit status. */
int ui_main_objects(const Options *o, const UiObjects *objects);

/* Whether standard input and output are a terminal the screen can use. */
bool ui_terminal(void);

#endif
