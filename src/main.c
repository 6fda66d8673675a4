/* main.c - mapscope: set up the locale, read the command line, run a mode. */
#include "config.h"

#include "app/diag.h"
#include "app/mode_demo.h"
#include "app/mode_tour.h"
#include "app/mode_dump.h"
#include "app/mode_xxd.h"
#include "app/mode_find.h"
#include "app/mode_patch.h"
#include "app/mode_info.h"
#include "app/mode_list.h"
#include "app/objfmt.h"
#include "app/options.h"
#include "app/startlocale.h"
#include "core/gettext.h"
#include "ui/ui.h"

#include <stdlib.h>

/* The categories the first screen uses now, the others once it is drawn
 * (app/startlocale.h).  MAPSCOPE_LOCALEDIR lets a build tree (and the tests)
 * use its own catalogs. */
static void setup_locale(void) {
   startlocale_begin();
#if defined ENABLE_NLS && ENABLE_NLS
   const char *dir = getenv("MAPSCOPE_LOCALEDIR");
   bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
   textdomain(PACKAGE);
#endif
}

/* The mode O asks for; its exit status. */
static int run_mode(const Options *o) {
   switch (o->mode) {
   case MODE_LIST:
      return mode_list_run(o);
   case MODE_INFO:
      return mode_info_run(o);
   case MODE_DEMO:
      return mode_demo_run(o, ui_terminal() ? ui_main_objects : NULL);
   case MODE_TOUR:
      return mode_tour_run(o, ui_terminal() ? ui_main_tour : NULL);
   case MODE_DUMP:
      return mode_dump_run(o);
   case MODE_XXD:
      return mode_xxd_run(o);
   case MODE_FIND:
      return mode_find_run(o);
   case MODE_PATCH:
      return mode_patch_run(o);
   case MODE_RECOVER:
      return mode_recover_run(o);
   case MODE_VIEW:
   default:
      return ui_main(o);
   }
}

int main(int argc, char **argv) {
   setup_locale();
   static Options o;              /* its lists live as long as the program */
   int status = options_parse(argc, argv, &o);
   if (status >= 0)
      return diag_exit(status);
   source_set_use_hook(objfmt_report_use, NULL);   /* any mode that attaches says so */
   if (o.mode != MODE_VIEW)
      startlocale_finish();      /* the screen does it once its first screen is up */
   return diag_exit(run_mode(&o));
}
