/* options.c - getopt_long, --help and --version. */
#include "config.h"

#include "app/options.h"
#include "app/diag.h"
#include "core/gettext.h"
#include "core/offset.h"
#include "core/window.h"
#include "platform/platform.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

enum { OPT_DUMP = 0x100, OPT_XXD };

static const struct option long_options[] = {
   { "dump",        no_argument,       NULL, OPT_DUMP },
   { "xxd",         no_argument,       NULL, OPT_XXD },
   { "skip",        required_argument, NULL, 's' },
   { "length",      required_argument, NULL, 'n' },
   { "granularity", required_argument, NULL, 'g' },
   { "window",      required_argument, NULL, 'W' },
   { "help",        no_argument,       NULL, 'h' },
   { "version",     no_argument,       NULL, 'V' },
   { NULL, 0, NULL, 0 }
};

static void print_help(void) {
   printf(_("Usage: %s [OPTION]... SOURCE\n"), PACKAGE);
   fputs(_("Inspect a file, block device or shared-memory object through memory mappings.\n"), stdout);
   fputs("\n", stdout);
   fputs(_("SOURCE is a PATH (regular file or block device) or shm:NAME (POSIX shared memory).\n"), stdout);
   fputs("\n", stdout);
   fputs(_("Modes:\n"), stdout);
   fputs(_("      --dump             print the range as 'hexdump -C' does\n"), stdout);
   fputs(_("      --xxd              print the range as 'xxd' does\n"), stdout);
   fputs("\n", stdout);
   fputs(_("Options:\n"), stdout);
   fputs(_("  -s, --skip=OFFSET      start at OFFSET (default 0)\n"), stdout);
   fputs(_("  -n, --length=SIZE      stop after SIZE bytes (default: to the end)\n"), stdout);
   fputs(_("  -g, --granularity=SIZE align windows to SIZE, a power of two no smaller\n"
           "                         than the page size (default: the page size;\n"
           "                         64K shows what Windows does)\n"), stdout);
   fputs(_("  -W, --window=SIZE      map SIZE bytes per window (rounded up to the\n"
           "                         granularity)\n"), stdout);
   fputs(_("  -h, --help             show this help and exit\n"), stdout);
   fputs(_("  -V, --version          show the version and exit\n"), stdout);
   fputs("\n", stdout);
   /* xgettext:no-c-format */
   fputs(_("OFFSET and SIZE: decimal or 0x-hex, with an optional K, M, G, T suffix\n"
           "(powers of 1024, fractions allowed: 1.5G); an OFFSET may also be N% of the\n"
           "size or -N, counted back from the end.\n"), stdout);
   fputs("\n", stdout);
   fputs(_("Exit status: 0 on success, 1 when a source or I/O fails, 2 on bad usage.\n"), stdout);
}

static void print_version(void) {
   printf("%s %s\n", PACKAGE, VERSION);
   fputs(_("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
           "This is free software: you are free to change and redistribute it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

/* A size option: parse, then check it against its own rules. */
static int parse_size(const char *opt, const char *text, uint64_t *out) {
   const char *why = NULL;
   if (!offset_eval(text, OFFSET_AS_LENGTH, 0, 0, out, &why))
      return diag_bad_value(opt, text, _("invalid size"), _(why));
   if (*out == 0)
      return diag_bad_value(opt, text, _("invalid size"), _("must be greater than zero"));
   return -1;
}

static int parse_granularity(const char *text, uint64_t *out) {
   int rc = parse_size("--granularity", text, out);
   if (rc >= 0)
      return rc;
   if (!window_granularity_valid(*out, platform_page_size()))
      return diag_bad_value("--granularity", text, _("invalid granularity"),
                            _("must be a power of two no smaller than the page size"));
   return -1;
}

/* The option getopt just complained about, as the user typed it. */
static const char *option_name(char **argv) {
   static char short_opt[3];
   if (optopt != 0) {
      short_opt[0] = '-';
      short_opt[1] = (char)optopt;
      return short_opt;
   }
   return argv[optind - 1];
}

static int check_combination(const Options *o, int argc, char **argv, int first_operand) {
   if (argc - first_operand > 1)
      return diag_usage(_("only one SOURCE may be given"));
   if (first_operand < argc)
      return -1;
   (void)argv;
   (void)o;
   return diag_usage(_("no SOURCE given"));
}

int options_parse(int argc, char **argv, Options *o) {
   memset(o, 0, sizeof *o);
   int c, rc;
   opterr = 0;
   while ((c = getopt_long(argc, argv, ":s:n:g:W:hV", long_options, NULL)) != -1) {
      switch (c) {
      case OPT_DUMP: o->mode = MODE_DUMP; break;
      case OPT_XXD:  o->mode = MODE_XXD; break;
      case 's': o->skip = optarg; break;
      case 'n': o->length = optarg; break;
      case 'g':
         if ((rc = parse_granularity(optarg, &o->granularity)) >= 0)
            return rc;
         break;
      case 'W':
         if ((rc = parse_size("--window", optarg, &o->window_size)) >= 0)
            return rc;
         break;
      case 'h': print_help(); return 0;
      case 'V': print_version(); return 0;
      case ':':
         return diag_usage(_("option '%s' needs an argument"), option_name(argv));
      case '?':
      default:
         return diag_usage(_("unknown option '%s'"), option_name(argv));
      }
   }
   if ((rc = check_combination(o, argc, argv, optind)) >= 0)
      return rc;
   o->source = argv[optind];
   if (o->granularity == 0)
      o->granularity = platform_page_size();
   return -1;
}
