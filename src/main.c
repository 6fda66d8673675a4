/* main.c - mapscope: set up the locale, read the command line, run a mode. */
#include "config.h"

#include "app/diag.h"
#include "app/mode_dump.h"
#include "app/options.h"
#include "core/gettext.h"

#include <locale.h>
#include <stdlib.h>

/* MAPSCOPE_LOCALEDIR lets a build tree (and the tests) use its own catalogs. */
static void setup_locale(void) {
   setlocale(LC_ALL, "");
#if ENABLE_NLS
   const char *dir = getenv("MAPSCOPE_LOCALEDIR");
   bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
   textdomain(PACKAGE);
#endif
}

int main(int argc, char **argv) {
   setup_locale();
   Options o;
   int status = options_parse(argc, argv, &o);
   if (status >= 0)
      return status;
   switch (o.mode) {
   case MODE_DUMP:
   case MODE_XXD:
      return mode_dump_run(&o);
   case MODE_VIEW:
   default:
      return diag_usage(_("the interactive viewer is not built yet: use --dump"));
   }
}
