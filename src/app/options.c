/* options.c - getopt_long, --help and --version. */
#include "config.h"

#include "app/options.h"
#include "app/pickmsg.h"
#include "app/diag.h"
#include "app/live.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/objects.h"
#include "core/offset.h"
#include "core/window.h"
#include "platform/mapping.h"
#include "platform/processes.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_DUMP = 0x100, OPT_XXD, OPT_LIST, OPT_JSON, OPT_KIND, OPT_INFO, OPT_DEMO };
enum { OPT_PATCH = 0x200, OPT_FLUSH, OPT_FORCE, OPT_RECOVER };
enum { OPT_SCRIPT = 0x300, OPT_COLOR, OPT_COLS, OPT_REFRESH };
enum { OPT_FIND = 0x400, OPT_COUNT, OPT_HEX };
enum { OPT_PID = 0x500, OPT_USER, OPT_SORT, OPT_COLUMNS };
enum { OPT_TOUR = 0x600 };

static const struct option long_options[] = {
   { "dump",        no_argument,       NULL, OPT_DUMP },
   { "xxd",         no_argument,       NULL, OPT_XXD },
   { "find",        optional_argument, NULL, OPT_FIND },
   { "regexp",      required_argument, NULL, 'e' },
   { "count",       no_argument,       NULL, OPT_COUNT },
   { "hex",         no_argument,       NULL, OPT_HEX },
   { "ignore-case", no_argument,       NULL, 'i' },
   { "no-squeezing", no_argument,      NULL, 'v' },
   { "list",        no_argument,       NULL, OPT_LIST },
   { "json",        no_argument,       NULL, OPT_JSON },
   { "kind",        required_argument, NULL, OPT_KIND },
   { "info",        no_argument,       NULL, OPT_INFO },
   { "demo",        no_argument,       NULL, OPT_DEMO },
   { "tour",        no_argument,       NULL, OPT_TOUR },
   { "skip",        required_argument, NULL, 's' },
   { "length",      required_argument, NULL, 'n' },
   { "granularity", required_argument, NULL, 'g' },
   { "window",      required_argument, NULL, 'W' },
   { "patch",       required_argument, NULL, OPT_PATCH },
   { "flush",       no_argument,       NULL, OPT_FLUSH },
   { "force",       no_argument,       NULL, OPT_FORCE },
   { "recover",     no_argument,       NULL, OPT_RECOVER },
   { "write",       no_argument,       NULL, 'w' },
   { "offset",      required_argument, NULL, 'o' },
   { "command",     required_argument, NULL, 'c' },
   { "script",      required_argument, NULL, OPT_SCRIPT },
   { "color",       required_argument, NULL, OPT_COLOR },
   { "colour",      required_argument, NULL, OPT_COLOR },
   { "cols",        required_argument, NULL, OPT_COLS },
   { "refresh",     required_argument, NULL, OPT_REFRESH },
   { "pid",         required_argument, NULL, OPT_PID },
   { "user",        required_argument, NULL, OPT_USER },
   { "sort",        required_argument, NULL, OPT_SORT },
   { "columns",     required_argument, NULL, OPT_COLUMNS },
   { "help",        no_argument,       NULL, 'h' },
   { "version",     no_argument,       NULL, 'V' },
   { NULL, 0, NULL, 0 }
};

static void print_help(void) {
   printf(_("Usage: %s [OPTION]... [SOURCE]\n"), PACKAGE);
   fputs(_("Inspect a file, block device or shared-memory object through memory mappings.\n"), stdout);
   fputs("\n", stdout);
   fputs(_("SOURCE is a PATH (regular file or block device) or shm:NAME (POSIX shared\n"
           "memory).\n"), stdout);
   fputs(_("It may also be sem:NAME (the object behind a POSIX named semaphore),\n"
           "sysv:ID or sysv:key=0xKEY (System V shared memory, attached read-only).\n"), stdout);
   fputs(_("pid:PID:ADDR is another process's region that holds ADDR, opened at ADDR;\n"
           "pid:PID:START-END that range (addresses in hex; read, never mapped; there is\n"
           "no journal for process memory); pid:PID goes with --list, --info, --find.\n"
           "PID is a number: pid:self would be mapscope itself and is refused.\n"), stdout);
   fputs(_("Without SOURCE the screen shows the named objects (--kind filters them);\n"
           "Enter opens one.\n"), stdout);
   fputs("\n", stdout);
   fputs(_("Modes:\n"), stdout);
   fputs(_("      --dump             print the range as 'hexdump -C' does\n"), stdout);
   fputs(_("  -v, --no-squeezing     with --dump: print repeated lines too, as\n"
           "                         'hexdump -C -v' does (no '*')\n"), stdout);
   fputs(_("      --xxd [XXD-OPTION]... [INFILE [OUTFILE]]\n"
           "                         be xxd: the words after --xxd are xxd's options\n"
           "                         (-c -g -p -i -n -C -e -b -u -o -d -a -s -l -r),\n"
           "                         and -s, -l, -n mean what they mean to xxd;\n"
           "                         -r writes through the rollback journal\n"
           "                         ('mapscope --xxd -h' lists them)\n"), stdout);
   fputs(_("      --find=PATTERN     print the offset of every match of PATTERN in the\n"
           "                         range, in hex and decimal; exit 1 when none,\n"
           "                         2 on any error (as grep)\n"
           "                         (PATTERN is text with escapes: \\n \\t \\0 \\\\ \\xHH)\n"), stdout);
   fputs(_("                         (--find PATTERN, as grep: options may follow it)\n"
           "  -e, --regexp=PATTERN   --find PATTERN, for a PATTERN that starts with '-'\n"), stdout);
   fputs(_("      --count            with --find: print only the number of matches\n"), stdout);
   fputs(_("      --hex              with --find: PATTERN is hex bytes, ?? a wildcard\n"
           "                         ('de ad ?? ef')\n"), stdout);
   fputs(_("  -i, --ignore-case      with --find: ASCII letters match either case\n"), stdout);
   fputs(_("      --list             list the named objects (POSIX shm, semaphores and\n"
           "                         message queues, System V IPC, memfd), who holds\n"
           "                         them and what is odd about them; no SOURCE\n"), stdout);
   fputs(_("      --list pid:PID     list a process's regions with their Rss, Pss,\n"
           "                         Private_Dirty, Swap and copy-on-write flag; its\n"
           "                         --kind: anon, file, shm, sem, sysv, memfd, heap,\n"
           "                         stack, special; its --sort and --columns: range,\n"
           "                         size, perms, offset, device, inode, rss, pss,\n"
           "                         dirty, swap, flags, kind, backing\n"), stdout);
   fputs(_("      --json             with --list or --info: print JSON\n"), stdout);
   fputs(_("      --kind=KINDS       with --list or no SOURCE: only these kinds\n"
           "                         (comma-separated: shm, sem, mq, sysv-shm,\n"
           "                         sysv-sem, sysv-msg, sysv, memfd, all; blockdev:\n"
           "                         the block devices in use, listed only when asked\n"
           "                         for; a unique prefix in any case is enough)\n"), stdout);
   fputs(_("      --pid=PID[,PID]    with --list or no SOURCE: only the objects these\n"
           "                         processes hold (at most 64; a pid that names no\n"
           "                         process is said, and --list then exits 1)\n"), stdout);
   fputs(_("      --user=NAME|UID    with --list or no SOURCE: only the objects this\n"
           "                         user owns\n"), stdout);
   fputs(_("      --sort=[-]COLUMN   with --list or no SOURCE: sort by COLUMN (kind,\n"
           "                         name, size, owner, mode, processes, flags, pids,\n"
           "                         detail); '-' sorts descending\n"), stdout);
   fputs(_("      --columns=LIST     with --list: the table's columns, in order\n"
           "                         (e.g. kind,name,size,pids)\n"), stdout);
   fputs(_("      --info             print what is known of SOURCE: kind, size,\n"
           "                         granularity, who holds it\n"), stdout);
   fputs(_("      --demo             build a small scene of named objects to look at,\n"
           "                         and remove all of it on exit\n"), stdout);
   fputs(_("      --tour             walk through the concepts of file mapping, one\n"
           "                         step each, every call made for real on objects\n"
           "                         the tour makes and removes; without a terminal\n"
           "                         the steps are printed (--script FILE chooses them:\n"
           "                         next, prev, step N, quit)\n"), stdout);
   fputs(_("      --patch=OFFSET:HEXBYTES\n"
           "                         edit bytes in copy-on-write mappings (repeatable;\n"
           "                         HEXBYTES like deadbeef or 'de ad be ef'); without\n"
           "                         --flush, report what would be written\n"), stdout);
   fputs(_("      --flush            write the --patch edits to the object, all or\n"
           "                         nothing (a rollback journal guards the write)\n"), stdout);
   fputs(_("      --force            with --flush, --recover, or --xxd with an OUTFILE:\n"
           "                         write even to a block device that is mounted,\n"
           "                         held or claimed; with --flush, also when the\n"
           "                         object changed since editing began\n"), stdout);
   fputs(_("      --recover          roll back the flush of SOURCE that was interrupted\n"
           "                         (other modes only warn that it is half-written)\n"), stdout);
   fputs("\n", stdout);
   fputs(_("Options:\n"), stdout);
   fputs(_("  -s, --skip=OFFSET      with --dump or --find: start at OFFSET (default 0)\n"), stdout);
   fputs(_("  -n, --length=SIZE      with --dump or --find: stop after SIZE bytes\n"
           "                         (default: to the end)\n"), stdout);
   fputs(_("  -g, --granularity=SIZE align windows to SIZE, a power of two no smaller\n"
           "                         than the page size (default: the page size;\n"
           "                         64K shows what Windows does)\n"), stdout);
   fputs(_("  -W, --window=SIZE      map SIZE bytes per window (rounded up to the\n"
           "                         granularity); --dump and --xxd read through\n"
           "                         mapped windows only when -W or -g is given\n"), stdout);
   fputs(_("  -w, --write            allow editing objects of other users (objects\n"
           "                         you own can always be edited) and any process's\n"
           "                         memory (pid:, even your own process's)\n"), stdout);
   fputs(_("                         (before --xxd; --xxd -r, as xxd, writes any file\n"
           "                         you may write without it)\n"), stdout);
   fputs("\n", stdout);
   fputs(_("The screen (the default mode):\n"), stdout);
   fputs(_("  -o, --offset=OFFSET    open with the cursor at OFFSET\n"), stdout);
   fputs(_("  -c, --command=CMD      run the screen command CMD at start-up, as typed\n"
           "                         after ':' (repeatable: -c 'goto 50%' -c mapping)\n"), stdout);
   fputs(_("      --script=FILE      drive the screen from FILE, a key script (also\n"
           "                         MAPSCOPE_SCRIPT=FILE); see mapscope(1)\n"), stdout);
   fputs(_("      --color=WHEN       colour byte classes: auto (default; off when\n"
           "                         NO_COLOR is set), always or never\n"), stdout);
   fputs(_("      --cols=N           show N bytes per row instead of fitting the width\n"), stdout);
   fputs(_("      --refresh=SECONDS  live view: re-read the bytes shown every SECONDS\n"
           "                         (default 1; 0.1 to 3600); shared memory is live\n"
           "                         from the start, a file once this is given (or p)\n"), stdout);
   fputs("\n", stdout);
   fputs(_("  -h, --help             show this help and exit\n"), stdout);
   fputs(_("  -V, --version          show the version and exit\n"), stdout);
   fputs("\n", stdout);
   /* xgettext:no-c-format */
   fputs(_("OFFSET and SIZE: decimal, 0x-hex or 0-octal (010 is 8), with an optional\n"
           "K, M, G, T suffix (K and KiB are 1024, KB is 1000; fractions allowed:\n"
           "1.5G); an OFFSET may also be N% of the size, -N counted back from the end,\n"
           "or +N / .+N / .-N from the current offset (the cursor at :goto).\n"), stdout);
   /* xgettext:no-c-format */
   fputs(_("At -o and :goto alike, 100% and end are the last byte.\n"), stdout);
   fputs(_("Without SOURCE, --dump, --xxd, --find and --info read standard input (also\n"
           "'-'), as they read pipes, FIFOs, character devices and procfs or sysfs files.\n"), stdout);
   fputs("\n", stdout);
   fputs(_("Exit status: 0 on success, 1 when a source or I/O fails, 2 on bad usage.\n"), stdout);
   fputs(_("--find: 0 when something matched, 1 when nothing did, 2 on any error.\n"), stdout);
}

static void print_version(void) {
   printf("%s %s\n", PACKAGE, VERSION);
   fputs(platform_sandbox_filters()
            ? _("libmagic runs without privileges, under a seccomp filter.\n")
            : _("libmagic runs without privileges, with no seccomp filter (built --without-seccomp).\n"),
         stdout);
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

/* --kind=shm,sem,mq,sysv-shm,sysv-sem,sysv-msg,sysv,memfd,all,blockdev (prefixes, any case) */
static int parse_kinds(const char *text, unsigned *mask) {
   const char *bad;
   size_t bad_len;
   NamePick why;
   NameSet s;
   PickMsg m;
   if (objects_kind_parse(text, mask, &bad, &bad_len, &why))
      return -1;
   objects_kind_names(&s);
   pickmsg_explain(&s, PICK_KIND, why, bad, bad_len, &m);
   return pickmsg_usage("--kind", bad, bad_len, &m);
}

/* ---- the object list: --pid, --user, --sort, --columns ------------------ */

static int parse_pids(const char *text, Options *o) {
   const char *why;
   if (!*text || !objwho_parse_pids(&o->who, text, &why))
      return diag_bad_value("--pid", text, _("invalid process list"),
                            *text ? _(why) : _("give process ids from 1 up, separated by commas"));
   o->who_given = true;
   return -1;
}

static int parse_user(const char *text, Options *o) {
   const char *why;
   if (!*text)
      return diag_bad_value("--user", text, _("invalid user"), _("give a login name or a uid"));
   if (!objwho_parse_user(&o->who, text, &why))
      return diag_bad_value("--user", text, _("invalid user"), _(why));
   o->who_given = true;
   return -1;
}

/* "COLUMN" or "-COLUMN" (descending). */
static int parse_sort(const char *text, Options *o) {
   size_t n, c;
   PickMsg m;
   const ColSpec *spec = objtable_columns(&n);
   const char *name = text[0] == '-' ? text + 1 : text;
   if (coltable_pick(spec, n, name, strlen(name), &c, &m) != NAMEPICK_FOUND)
      return pickmsg_usage("--sort", text, strlen(text), &m);
   o->sort = (ObjTableColumn)c;
   o->sort_reverse = text[0] == '-';
   o->sort_given = true;
   return -1;
}

static int parse_columns(const char *text, Options *o) {
   const char *bad;
   size_t bad_len, n, c;
   PickMsg m;
   if (objtable_columns_parse(text, o->columns, OBJTABLE_ALL_COLUMNS, &o->ncolumns, &bad,
                              &bad_len))
      return -1;
   const ColSpec *spec = objtable_columns(&n);
   if (coltable_pick(spec, n, bad, bad_len, &c, &m) == NAMEPICK_AMBIGUOUS)
      return pickmsg_usage("--columns", bad, bad_len, &m);
   /* the word cut with an ellipsis where it is long, as every pick's */
   snprintf(m.what, sizeof m.what, "%s",
            bad_len ? _("no such column, or given twice") : _("empty column name"));
   objtable_column_names(m.why, sizeof m.why);
   return pickmsg_usage("--columns", bad, bad_len, &m);
}

/* They choose objects of the list: --list, or the screen without SOURCE. */
static int check_object_options(const Options *o, bool no_source) {
   bool listing = o->mode == MODE_LIST || (o->mode == MODE_VIEW && no_source && !o->npatches);
   const char *opt = o->who_given ? (o->who.by_user && !o->who.npids ? "--user" : "--pid")
                   : o->sort_given ? "--sort" : o->ncolumns ? "--columns" : NULL;
   if (opt && !listing)
      return diag_usage(_("%s goes with --list or the object list (no SOURCE)"), opt);
   if ((o->ncolumns || o->columns_text) && (o->mode != MODE_LIST || o->json))
      return diag_usage(_("--columns chooses the columns of the --list table (JSON has every "
                          "field)"));
   return -1;
}

/* The option getopt just complained about, as the user typed it (up to a
 * '='), escaped: it may hold any byte.  Malloc'd. */
static char *option_name(char **argv) {
   char text[80];
   const char *arg = argv[optind - 1];
   if (strncmp(arg, "--", 2) != 0 && optopt > 0 && optopt < 0x100) {
      snprintf(text, sizeof text, "-%c", (char)optopt);
   } else {                       /* cut with an ellipsis past 64 bytes, as a pick's word */
      size_t n = strcspn(arg, "=");
      if (n > 64)
         snprintf(text, sizeof text, "%.64s...", arg);
      else
         snprintf(text, sizeof text, "%.*s", (int)n, arg);
   }
   return escape_dup(text);
}

/* The long options NAME (an abbreviation, without "--") may stand for. */
static size_t long_candidates(const char *name, size_t len, const struct option **out,
                              size_t cap, bool *exact) {
   size_t n = 0;
   *exact = false;
   for (const struct option *o = long_options; o->name; o++) {
      if (strncmp(o->name, name, len) != 0)
         continue;
      if (strlen(o->name) == len)
         *exact = true;
      if (n < cap)
         out[n++] = o;
   }
   return n;
}

/* getopt_long said '?' (opterr is 0, so it printed nothing): say why,
 * naming the candidates of an ambiguous abbreviation. */
static int bad_option(char **argv) {
   char *name = option_name(argv);
   const char *arg = argv[optind - 1];
   int rc;
   if (strncmp(arg, "--", 2) == 0) {
      const struct option *c[32];
      bool exact;
      size_t len = strcspn(arg + 2, "=");
      size_t n = long_candidates(arg + 2, len, c, 32, &exact);
      if (n == 1 || exact) {
         rc = diag_usage(_("option '%s' takes no argument"), name);
      } else if (n > 1) {
         char list[512] = "";
         for (size_t i = 0; i < n; i++) {
            size_t used = strlen(list);
            snprintf(list + used, sizeof list - used, " '--%s'", c[i]->name);
         }
         rc = diag_usage(_("option '%s' is ambiguous; possibilities:%s"), name, list);
      } else {
         rc = diag_usage(_("unknown option '%s'"), name);
      }
   } else {
      rc = diag_usage(_("unknown option '%s'"), name);
   }
   free(name);
   return rc;
}

static int missing_argument(char **argv) {
   char *name = option_name(argv);
   int rc = diag_usage(_("option '%s' needs an argument"), name);
   free(name);
   return rc;
}

/* --patch and -c are repeatable.  There can be no more of them than
 * arguments, so each list is sized by argc once and lives as long as the
 * program (as argv does). */
static bool make_lists(Options *o, int argc) {
   static const char **patches, **commands;   /* reachable until exit */
   free(patches);
   free(commands);
   patches = calloc((size_t)argc, sizeof *patches);
   commands = calloc((size_t)argc, sizeof *commands);
   o->patches = patches;
   o->commands = commands;
   return patches && commands;
}

static int parse_color(const char *text, int *out) {
   static const char *const names[] = { "auto", "always", "never" };
   for (int i = 0; i < 3; i++) {
      if (strcmp(text, names[i]) == 0) {
         *out = i;   /* OPTIONS_COLOR_* in this order */
         return -1;
      }
   }
   return diag_bad_value("--color", text, _("invalid argument"),
                         _("one of auto, always, never"));
}

static int parse_cols(const char *text, unsigned *out) {
   char *end;
   unsigned long n = strtoul(text, &end, 10);
   if (*text < '1' || *text > '9' || *end != '\0' || n > 256)
      return diag_bad_value("--cols", text, _("invalid number of bytes per row"),
                            _("a number from 1 to 256"));
   *out = (unsigned)n;
   return -1;
}

/* The option that chose each mode, for the message when two are given. */
static const char *const mode_option[] = {
   [MODE_VIEW] = "", [MODE_LIST] = "--list", [MODE_INFO] = "--info", [MODE_DEMO] = "--demo",
   [MODE_DUMP] = "--dump", [MODE_XXD] = "--xxd", [MODE_FIND] = "--find",
   [MODE_PATCH] = "--patch", [MODE_RECOVER] = "--recover", [MODE_TOUR] = "--tour",
};

/* One mode a run: a second, different one is a usage error (-1: set). */
static int set_mode(Options *o, Mode mode) {
   if (o->mode != MODE_VIEW && o->mode != mode)
      return diag_usage(_("%s and %s are two modes; give one"), mode_option[o->mode],
                        mode_option[mode]);
   o->mode = mode;
   return -1;
}

/* --patch is a mode of its own; --flush only means something with it. */
static int check_patch(Options *o) {
   if (o->npatches == 0)
      return o->flush ? diag_usage(_("--flush needs --patch")) : -1;
   if (o->mode != MODE_VIEW && o->mode != MODE_PATCH)
      return diag_usage(_("--patch cannot be combined with another mode"));
   o->mode = MODE_PATCH;
   return -1;
}

/* --find's PATTERN: --find=PATTERN, -e PATTERN, or the first operand, as
 * grep takes it (so options may follow: --find -i NEEDLE -s 1G FILE).
 * Moves *FIRST past the operand it took. */
static int find_pattern(Options *o, int argc, char **argv, int *first) {
   if (o->mode != MODE_FIND || o->find)
      return -1;
   if (*first >= argc)
      return diag_usage(_("--find needs a PATTERN (--find PATTERN, --find=PATTERN or -e PATTERN)"));
   o->find = argv[(*first)++];
   return -1;
}

/* --count, --hex and -i only qualify --find. */
static int check_find(const Options *o) {
   if (o->verbose && o->mode != MODE_DUMP)
      return diag_usage(_("-v goes with --dump"));
   if (o->find && o->mode != MODE_FIND)
      return diag_usage(_("-e PATTERN goes with --find"));
   if (o->mode == MODE_FIND || !(o->count || o->hex || o->ignore_case))
      return -1;
   return diag_usage(_("%s needs --find"),
                     o->count ? "--count" : o->hex ? "--hex" : "--ignore-case");
}

static int set_pattern(Options *o, const char *text) {
   if (o->find)
      return diag_usage(_("only one PATTERN may be given"));
   o->find = text;
   return -1;
}

/* --tour makes its own objects and takes only --script and --color. */
static int check_tour(const Options *o, bool has_source) {
   const char *opt = has_source ? "SOURCE"
                   : o->skip ? "--skip" : o->length ? "--length"
                   : o->windows_given ? "--granularity/--window" : o->offset ? "--offset"
                   : o->command_count ? "--command" : o->write ? "--write"
                   : o->json ? "--json" : o->kinds_text ? "--kind" : o->who_given ? "--pid/--user"
                   : o->sort_given ? "--sort" : o->columns_text ? "--columns" : o->cols ? "--cols"
                   : o->refresh_ms ? "--refresh" : o->npatches ? "--patch"
                   : o->flush ? "--flush" : o->force ? "--force" : o->verbose ? "-v"
                   : o->count ? "--count" : o->hex ? "--hex" : o->ignore_case ? "-i" : NULL;
   if (opt)
      return diag_usage(_("--tour takes no %s (only --script and --color)"), opt);
   return -1;
}

/* --list pid:... that is no pid:PID: a usage error that says why. */
static int list_pid_usage(const char *spec, int kind, const SourcePidSpec *sp, const Error *e) {
   char *name = escape_dup(spec);
   int rc = -1;
   if (kind < 0)
      rc = diag_usage("%s: %s (%s)", name, _(error_message(e->code)), e->detail);
   else if (sp->what != SOURCE_PID_ALL)
      rc = diag_usage(_("%s: --list lists a process's regions: give pid:PID, without an address"),
                      name);
   free(name);
   return rc;
}

/* --list pid:PID lists a process's regions: its --kind, --sort and
 * --columns are the region list's (parsed by app/regions.c); otherwise
 * they are the named objects'. */
static int list_options(Options *o, int argc, char **argv, int first) {
   SourcePidSpec sp;
   Error e;
   int rc;
   int kind = o->mode == MODE_LIST && argc - first == 1 ? source_pid_spec(argv[first], &sp, &e) : 0;
   if (kind != 0 && (rc = list_pid_usage(argv[first], kind, &sp, &e)) >= 0)
      return rc;
   o->regions = kind == 1;
   if (o->regions) {
      o->source = argv[first];
      if (o->who_given)
         return diag_usage(_("--pid and --user choose named objects, not a process's regions"));
      return -1;
   }
   if (o->kinds_text && (rc = parse_kinds(o->kinds_text, &o->kinds)) >= 0)
      return rc;
   if (o->sort_text && (rc = parse_sort(o->sort_text, o)) >= 0)
      return rc;
   if (o->columns_text && (rc = parse_columns(o->columns_text, o)) >= 0)
      return rc;
   return -1;
}

/* The option of the screen's that O gives, or NULL: a mode that prints
 * and exits would ignore it (-o 4 --dump would dump from 0). */
static const char *screen_option(const Options *o) {
   return o->offset ? "--offset" : o->command_count ? "--command" : o->script ? "--script"
        : o->cols ? "--cols" : o->refresh_ms ? "--refresh" : NULL;
}

/* The modes that read standard input when no SOURCE is given. */
static bool reads_stdin(Mode mode) {
   return mode == MODE_DUMP || mode == MODE_XXD || mode == MODE_FIND || mode == MODE_INFO;
}

static int check_combination(const Options *o, int argc, char **argv, int first_operand) {
   if (o->mode == MODE_TOUR)
      return check_tour(o, first_operand < argc);
   const char *screen = screen_option(o);
   if (screen && ((o->mode != MODE_VIEW && o->mode != MODE_DEMO) || o->npatches))
      return diag_usage(_("%s goes with the screen, not with --dump, --xxd, --find, --list, "
                          "--info, --patch or --recover (--skip starts --dump and --find)"),
                        screen);
   if ((o->skip || o->length) && o->mode != MODE_DUMP && o->mode != MODE_FIND)
      return diag_usage(_("%s goes with --dump and --find (the screen starts at --offset)"),
                        o->skip ? "--skip" : "--length");
   if (argc - first_operand > 1)
      return diag_usage(_("only one SOURCE may be given"));
   if ((o->mode == MODE_LIST || o->mode == MODE_DEMO) && first_operand < argc && !o->regions)
      return diag_usage(_("--list takes no SOURCE but pid:PID, --demo none"));
   if (o->mode == MODE_DEMO && (o->json || o->kinds))
      return diag_usage(_("--demo takes no --json or --kind"));
   if (o->mode == MODE_LIST && o->windows_given)
      return diag_usage(_("--list maps nothing: -g and -W do not apply"));
   if (o->mode == MODE_LIST || o->mode == MODE_DEMO)
      return -1;
   if (o->kinds && !(o->mode == MODE_LIST || (o->mode == MODE_VIEW && first_operand == argc)))
      return diag_usage(_("--kind goes with --list"));
   if (o->json && o->mode != MODE_INFO)
      return diag_usage(_("--json goes with --list or --info"));
   /* The search reads with pread and maps nothing: a window it would ignore. */
   if (o->mode == MODE_FIND && o->windows_given)
      return diag_usage(_("--find reads the object, it maps no windows: -g and -W do not apply"));
   if (o->mode == MODE_INFO && o->window_size)
      return diag_usage(_("--window goes with the screen, --dump, --xxd and --patch"));
   if (first_operand < argc || (o->mode == MODE_VIEW && o->npatches == 0))
      return -1;                  /* no SOURCE: the screen shows the object list */
   if (reads_stdin(o->mode))
      return -1;                  /* no SOURCE: standard input, as the peers read it */
   (void)argv;
   (void)o;
   return diag_usage(_("no SOURCE given"));
}

int options_parse(int argc, char **argv, Options *o) {
   memset(o, 0, sizeof *o);
   if (!make_lists(o, argc))
      return diag_usage("%s", strerror(ENOMEM));
   int c, rc;
   opterr = 0;
   /* After --xxd the words are xxd's options (app/xxd_options.h). */
   const int xxd_at = xxd_options_find(argc, argv);
   const int own_argc = xxd_at < argc ? xxd_at + 1 : argc;
   while ((c = getopt_long(own_argc, argv, ":s:n:g:W:who:c:Vie:v", long_options, NULL)) != -1) {
      switch (c) {
      case OPT_DUMP:
         if ((rc = set_mode(o, MODE_DUMP)) >= 0)
            return rc;
         break;
      case OPT_XXD: o->mode = o->mode == MODE_VIEW ? MODE_XXD : o->mode; break;
      case OPT_FIND:
         if ((rc = set_mode(o, MODE_FIND)) >= 0)
            return rc;
         if (optarg && (rc = set_pattern(o, optarg)) >= 0)
            return rc;
         break;
      case 'e':
         if (o->mode != MODE_VIEW && o->mode != MODE_FIND)
            return diag_usage(_("-e PATTERN goes with --find"));
         o->mode = MODE_FIND;
         if ((rc = set_pattern(o, optarg)) >= 0)
            return rc;
         break;
      case OPT_COUNT: o->count = true; break;
      case OPT_HEX: o->hex = true; break;
      case 'i': o->ignore_case = true; break;
      case 'v': o->verbose = true; break;
      case OPT_LIST:
         if ((rc = set_mode(o, MODE_LIST)) >= 0)
            return rc;
         break;
      case OPT_INFO:
         if ((rc = set_mode(o, MODE_INFO)) >= 0)
            return rc;
         break;
      case OPT_DEMO:
         if ((rc = set_mode(o, MODE_DEMO)) >= 0)
            return rc;
         break;
      case OPT_TOUR:
         if ((rc = set_mode(o, MODE_TOUR)) >= 0)
            return rc;
         break;
      case OPT_JSON: o->json = true; break;
      case OPT_KIND: o->kinds_text = optarg; break;
      case OPT_PATCH:
         o->patches[o->npatches++] = optarg;
         break;
      case OPT_FLUSH: o->flush = true; break;
      case OPT_FORCE: o->force = true; break;
      case OPT_RECOVER:
         if ((rc = set_mode(o, MODE_RECOVER)) >= 0)
            return rc;
         break;
      case 'w': o->write = true; break;
      case 's': o->skip = optarg; break;
      case 'n': o->length = optarg; break;
      case 'g':
         if ((rc = parse_granularity(optarg, &o->granularity)) >= 0)
            return rc;
         o->windows_given = true;
         break;
      case 'W':
         if ((rc = parse_size("--window", optarg, &o->window_size)) >= 0)
            return rc;
         o->windows_given = true;
         break;
      case 'o': o->offset = optarg; break;
      case 'c':
         o->commands[o->command_count++] = optarg;
         break;
      case OPT_SCRIPT: o->script = optarg; break;
      case OPT_COLOR:
         if ((rc = parse_color(optarg, &o->color)) >= 0)
            return rc;
         break;
      case OPT_COLS:
         if ((rc = parse_cols(optarg, &o->cols)) >= 0)
            return rc;
         break;
      case OPT_REFRESH:
         if (!live_parse_interval(optarg, &o->refresh_ms))
            return diag_bad_value("--refresh", optarg, _("invalid interval"),
                                  _("seconds from 0.1 to 3600"));
         break;
      case OPT_PID:
         if ((rc = parse_pids(optarg, o)) >= 0)
            return rc;
         break;
      case OPT_USER:
         if ((rc = parse_user(optarg, o)) >= 0)
            return rc;
         break;
      case OPT_SORT: o->sort_text = optarg; o->sort_given = true; break;
      case OPT_COLUMNS: o->columns_text = optarg; break;
      case 'h': print_help(); return diag_stdout_status();
      case 'V': print_version(); return diag_stdout_status();
      case ':':
         return missing_argument(argv);
      case '?':
      default:
         return bad_option(argv);
      }
   }
   if (xxd_at < argc || o->mode == MODE_XXD) {
      rc = xxd_options_take(o, argc, argv, xxd_at < argc ? xxd_at : argc - 1, optind);
      if (rc >= 0)
         return rc;
      if (o->granularity == 0)
         o->granularity = platform_page_size();
      return -1;
   }
   int first = optind;
   if ((rc = find_pattern(o, argc, argv, &first)) >= 0)
      return rc;
   if ((rc = list_options(o, argc, argv, first)) >= 0)
      return rc;
   if ((rc = check_combination(o, argc, argv, first)) >= 0)
      return rc;
   if ((rc = check_object_options(o, optind == argc)) >= 0)
      return rc;
   if ((rc = check_patch(o)) >= 0)
      return rc;
   if ((rc = check_find(o)) >= 0)
      return rc;
   o->source = first < argc ? argv[first] : NULL;
   if (!o->source && reads_stdin(o->mode))
      o->source = "-";
   if (o->granularity == 0)
      o->granularity = platform_page_size();
   return -1;
}
