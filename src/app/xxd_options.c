/* xxd_options.c - xxd's own command line (see xxd_options.h). */
#include "config.h"

#include "app/xxd_options.h"
#include "core/offset.h"
#include "app/diag.h"
#include "app/options.h"
#include "core/escape.h"
#include "core/gettext.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct XxdOption XxdOption;
typedef int (*XxdSetter)(XxdOptions *x, const XxdOption *opt, const char *value);

/* One option: its letter, the rest of its long name (a word that goes on
 * with it takes its value from the next argument), and what it sets. */
struct XxdOption {
   char letter;
   const char *rest;          /* "ols" for -cols; NULL for a flag */
   const char *rest2;         /* a second long name ("eek" for -seek), or NULL */
   XxdSetter set;
   int arg;                   /* the setter's own argument */
};

enum { FLAG_AUTOSKIP, FLAG_UPPER, FLAG_CAPITALIZE, FLAG_DECIMAL, FLAG_REVERT };

/* A unit after a C number (K, KiB = 1024, KB = 1000, M, G ... as in the
 * rest of mapscope, offset.h): xxd's strtol() would stop at the unit and
 * read "1K" as 1, silently; mapscope reads 1024.  True with *N set. */
static bool unit_number(const char *value, long long *n) {
   bool neg = value[0] == '-';
   const char *digits = value + (neg || value[0] == '+');
   OffsetExpr ex;
   const char *why;
   if (!offset_parse(digits, OFFSET_AS_LENGTH, &ex, &why) || ex.unit != OFFSET_BYTES
       || ex.value > (uint64_t)LLONG_MAX)
      return false;
   *n = neg ? -(long long)ex.value : (long long)ex.value;
   return true;
}

/* A C number as strtoll(base 0) reads it, all of VALUE, or with a unit. */
static int parse_number(const XxdOption *opt, const char *value, long long *out) {
   char name[3] = { '-', opt->letter, '\0' }, *end;
   errno = 0;
   long long n = strtoll(value, &end, 0);
   bool whole = value[0] != '\0' && *end == '\0' && errno != ERANGE;
   if (!whole && !(end != value && errno != ERANGE && unit_number(value, &n)))
      return diag_bad_value(name, value, _("invalid number"),
                            _("a C number (decimal, 0x hex or 0 octal), "
                              "with a unit if any: K, M, G (1024s), KB, MB (1000s)"));
   *out = n;
   return -1;
}

static int set_style(XxdOptions *x, const XxdOption *opt, const char *value) {
   (void)value;
   x->fmt.style = (XxdStyle)opt->arg;
   return -1;
}

static int set_flag(XxdOptions *x, const XxdOption *opt, const char *value) {
   (void)value;
   switch (opt->arg) {
   case FLAG_AUTOSKIP: x->fmt.autoskip = !x->fmt.autoskip; break;   /* a toggle, as in xxd */
   case FLAG_UPPER: x->fmt.upper = true; break;
   case FLAG_CAPITALIZE: x->capitalize = true; break;
   case FLAG_DECIMAL: x->fmt.decimal = true; break;
   default: x->revert = true; break;
   }
   return -1;
}

static int set_cols(XxdOptions *x, const XxdOption *opt, const char *value) {
   int rc = parse_number(opt, value, &x->cols_typed);
   if (rc < 0 && x->cols_typed < 0)
      return diag_bad_value("-c", value, _("invalid number of columns"),
                            _("must not be negative"));
   return rc;
}

static int set_group(XxdOptions *x, const XxdOption *opt, const char *value) {
   int rc = parse_number(opt, value, &x->group_typed);
   if (rc < 0 && x->group_typed < 0)
      return diag_bad_value("-g", value, _("invalid group size"), _("must not be negative"));
   return rc;
}

static int set_offset(XxdOptions *x, const XxdOption *opt, const char *value) {
   long long n;
   int rc = parse_number(opt, value, &n);
   if (rc < 0)
      x->fmt.add = (uint64_t)n;
   return rc;
}

static int set_length(XxdOptions *x, const XxdOption *opt, const char *value) {
   long long n;
   int rc = parse_number(opt, value, &n);
   if (rc < 0) {
      x->length_given = n >= 0;          /* as in xxd: a negative length is no limit */
      x->length = n >= 0 ? (uint64_t)n : 0;
   }
   return rc;
}

/* -s [+][-]N */
static int set_seek(XxdOptions *x, const XxdOption *opt, const char *value) {
   const char *p = value;
   x->seek_relative = *p == '+';
   p += x->seek_relative;
   x->seek_from_end = *p == '-';
   p += x->seek_from_end;
   long long n;
   int rc = *p == '-' || *p == '+' ? parse_number(opt, value, &n) : parse_number(opt, p, &n);
   if (rc < 0 && (*p == '-' || *p == '+'))
      return diag_bad_value("-s", value, _("invalid offset"), _("one sign of each kind at most"));
   x->seek_given = true;
   x->seek = (uint64_t)n;
   x->seek_text = value;
   return rc;
}

static int set_name(XxdOptions *x, const XxdOption *opt, const char *value) {
   (void)opt;
   x->name = value;
   return -1;
}

static void print_help(void);

static int show_help(XxdOptions *x, const XxdOption *opt, const char *value) {
   (void)x, (void)opt, (void)value;
   print_help();
   return 0;
}

static int show_version(XxdOptions *x, const XxdOption *opt, const char *value) {
   (void)x, (void)opt, (void)value;
   printf("%s %s (--xxd)\n", PACKAGE, VERSION);
   return 0;
}

static int refuse_ebcdic(XxdOptions *x, const XxdOption *opt, const char *value) {
   (void)x, (void)opt, (void)value;
   return diag_usage(_("--xxd: -E (EBCDIC) is not supported"));
}

/* -R WHEN: --xxd writes no colour, so "never", or "auto" (colour only on a
 * terminal, where xxd's newer versions would colour). */
static int set_color(XxdOptions *x, const XxdOption *opt, const char *value) {
   (void)x, (void)opt;
   if (strcmp(value, "never") == 0 || strcmp(value, "auto") == 0)
      return -1;
   return diag_bad_value("-R", value, _("invalid argument"),
                         _("--xxd writes no colour: never or auto"));
}

static const XxdOption table[] = {
   { .letter = 'a', .set = set_flag, .arg = FLAG_AUTOSKIP },
   { .letter = 'b', .set = set_style, .arg = XXD_BITS },
   { .letter = 'C', .set = set_flag, .arg = FLAG_CAPITALIZE },
   { .letter = 'c', .rest = "ols", .set = set_cols },
   { .letter = 'd', .set = set_flag, .arg = FLAG_DECIMAL },
   { .letter = 'E', .set = refuse_ebcdic },
   { .letter = 'e', .set = set_style, .arg = XXD_LITTLE },
   { .letter = 'g', .rest = "roup", .set = set_group },
   { .letter = 'h', .set = show_help },
   { .letter = 'i', .set = set_style, .arg = XXD_INCLUDE },
   { .letter = 'l', .rest = "en", .set = set_length },
   { .letter = 'n', .rest = "ame", .set = set_name },
   { .letter = 'o', .rest = "ffset", .set = set_offset },
   { .letter = 'p', .set = set_style, .arg = XXD_PLAIN },
   { .letter = 'R', .rest = "", .set = set_color },
   { .letter = 'r', .set = set_flag, .arg = FLAG_REVERT },
   { .letter = 's', .rest = "kip", .rest2 = "eek", .set = set_seek },
   { .letter = 'u', .set = set_flag, .arg = FLAG_UPPER },
   { .letter = 'v', .set = show_version },
};

static const XxdOption *find_option(char letter) {
   for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
      if (table[i].letter == letter)
         return &table[i];
   return NULL;
}

static bool starts(const char *s, const char *prefix) {
   return prefix && *prefix && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A usage error about WORD, which is printed escaped (it is untrusted). */
static int word_usage(const char *fmt, const char *word) {
   char *safe = escape_dup(word);
   int rc = diag_usage(fmt, safe ? safe : "?");
   free(safe);
   return rc;
}

/* WORD is one of mapscope's own options that may go before --xxd (-w, -W,
 * --write, --window, --granularity), typed after it where xxd's go. */
static bool own_option(const char *word) {
   static const char *const own[] = { "-w", "--write", "-W", "--window", "--granularity" };
   size_t n = strcspn(word, "=");
   if (strncmp(word, "-W", 2) == 0)
      return true;               /* -W64K */
   for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
      if (n == strlen(own[i]) && strncmp(word, own[i], n) == 0)
         return true;
   return false;
}

/* One option word at ARGV[*I] (its dash or dashes already checked). */
static int parse_word(int argc, char **argv, int *i, XxdOptions *x) {
   const char *word = argv[*i], *p = word + (word[1] == '-' ? 1 : 0);
   if (strcmp(word, "--force") == 0) {   /* mapscope's, where a user puts it: with -r */
      x->force = true;
      return -1;
   }
   if (own_option(word))
      return word_usage(_("--xxd: '%s' is mapscope's option, not xxd's: it must come before "
                          "--xxd (the words after --xxd are xxd's)"), word);
   const XxdOption *opt = find_option(p[1]);
   if (!opt)
      return word_usage(_("--xxd: unknown option '%s'"), word);
   if (!opt->rest)
      return opt->set(x, opt, NULL);
   const char *glued = p + 2;
   /* -capitalize is -C, spelled out. */
   if (opt->letter == 'c' && starts(glued, "apitalize")) {
      x->capitalize = true;
      return -1;
   }
   if (*glued && !starts(glued, opt->rest) && !starts(glued, opt->rest2))
      return opt->set(x, opt, glued);
   if (*i + 1 >= argc)
      return word_usage(_("--xxd: option '%s' needs an argument"), word);
   return opt->set(x, opt, argv[++*i]);
}

/* The defaults xxd gives each layout, and its limits. */
static int resolve(XxdOptions *x) {
   XxdFormat *f = &x->fmt;
   static const unsigned default_cols[] = {
      [XXD_HEX] = 16, [XXD_LITTLE] = 16, [XXD_BITS] = 6, [XXD_PLAIN] = 30, [XXD_INCLUDE] = 12
   };
   static const unsigned default_group[] = {
      [XXD_HEX] = 2, [XXD_LITTLE] = 4, [XXD_BITS] = 1, [XXD_PLAIN] = 1, [XXD_INCLUDE] = 1
   };
   bool lines = f->style == XXD_HEX || f->style == XXD_LITTLE || f->style == XXD_BITS;
   if (lines && x->cols_typed > XXDFMT_COLS_MAX)
      return diag_usage(_("--xxd: invalid number of columns (at most %u)"), (unsigned)XXDFMT_COLS_MAX);
   if (x->cols_typed > (long long)(1u << 30))
      return diag_usage(_("--xxd: invalid number of columns (at most %u)"), 1u << 30);
   if (x->cols_typed > 0 || (x->cols_typed == 0 && f->style == XXD_PLAIN))
      f->cols = (unsigned)x->cols_typed;
   else
      f->cols = default_cols[f->style];
   long long g = x->group_typed < 0 ? default_group[f->style] : x->group_typed;
   if (f->style == XXD_LITTLE && g != 0 && (g & (g - 1)) != 0)
      return diag_usage(_("--xxd: with -e, the bytes per group (-g) must be a power of 2"));
   f->group = g == 0 || g > (long long)f->cols ? (f->cols ? f->cols : 1) : (unsigned)g;
   if (x->revert && (f->style == XXD_BITS || f->style == XXD_LITTLE || f->style == XXD_INCLUDE))
      return diag_usage(_("--xxd: -r reads hex dumps and -p dumps, not -b, -e or -i"));
   if (x->revert && x->seek_from_end)
      return diag_usage(_("--xxd: with -r, -s takes an offset to add, not one from the end"));
   if (x->force && !x->outfile)
      return diag_usage(_("--xxd: --force goes with an OUTFILE only (it writes onto a block "
                          "device that is mounted or held)"));
   return -1;
}

int xxd_options_parse(int argc, char **argv, XxdOptions *x) {
   memset(x, 0, sizeof *x);
   x->cols_typed = x->group_typed = -1;
   int i = 0, rc;
   for (; i < argc; i++) {
      const char *w = argv[i];
      if (strcmp(w, "--") == 0) {
         i++;
         break;
      }
      if (w[0] != '-' || w[1] == '\0' || (w[1] == '-' && w[2] == '-'))
         break;
      if ((rc = parse_word(argc, argv, &i, x)) >= 0)
         return rc;
   }
   if (argc - i > 2)
      return diag_usage(_("--xxd: at most INFILE and OUTFILE may follow the options"));
   if (i < argc && strcmp(argv[i], "-") != 0)
      x->infile = argv[i];
   if (i + 1 < argc && strcmp(argv[i + 1], "-") != 0)
      x->outfile = argv[i + 1];
   return resolve(x);
}

static void print_help(void) {
   printf(_("Usage: %s --xxd [OPTION]... [INFILE [OUTFILE]]\n"
            "   or: %s --xxd -r [-p] [-s OFFSET] [-c COLS] [INFILE [OUTFILE]]\n"), PACKAGE, PACKAGE);
   fputs(_("The options are xxd's, spelled as xxd spells them:\n"
           "  -a          toggle autoskip: a single '*' replaces runs of zero lines\n"
           "  -b          bits: binary digits instead of hex\n"
           "  -C          capitalize the variable names of -i\n"
           "  -c COLS     COLS bytes a line (16; -i: 12, -p: 30, -b: 6; -p -c 0: one line)\n"
           "  -d          offsets in decimal\n"
           "  -e          little-endian groups\n"
           "  -g BYTES    BYTES bytes a group (2; -e: 4, -b: 1; 0: no groups)\n"
           "  -i          C include file style\n"
           "  -l LEN      stop after LEN bytes\n"
           "  -n NAME     the variable name of -i\n"
           "  -o OFFSET   add OFFSET to the displayed offsets\n"
           "  -p          plain hex (also -ps, -postscript, -plain)\n"
           "  -R WHEN     colour: never or auto (--xxd writes no colour)\n"
           "  -r          reverse: a dump back into bytes, written into OUTFILE\n"
           "              in place (journaled, all or nothing), or to stdout\n"
           "  -s [+][-]N  start at N (-N: from the end); with -r: add N to offsets\n"
           "  -u          upper-case hex digits\n"
           "  -v          show the version\n"
           "Numbers are C numbers: decimal, 0x hex, 0 octal.\n"), stdout);
   fputs(_("mapscope's own option, before --xxd or after it:\n"
           "  --force     write OUTFILE even if it is a block device that is mounted\n"
           "              or held\n"), stdout);
}

/* ---- the hand-over from mapscope's own command line ---------------------- */

/* Is WORD one of mapscope's options whose value is the next word (so a
 * "--xxd" after it is that value: --find -e --xxd looks for the text)? */
static bool takes_next(const char *word) {
   static const char *const with_value[] = {
      "-s", "-n", "-g", "-W", "-o", "-c", "-e", "--regexp", "--kind", "--skip", "--length",
      "--granularity", "--window", "--patch", "--offset", "--command", "--script",
      "--color", "--colour", "--cols", "--refresh",
   };
   for (size_t i = 0; i < sizeof with_value / sizeof with_value[0]; i++)
      if (strcmp(word, with_value[i]) == 0)
         return true;
   return false;
}

int xxd_options_find(int argc, char **argv) {
   for (int i = 1; i < argc; i++) {
      size_t len = strlen(argv[i]);
      if (strcmp(argv[i], "--") == 0)
         break;
      if (takes_next(argv[i])) {
         i++;
         continue;
      }
      /* getopt_long takes any unique abbreviation: --x, --xx, --xxd */
      if (len >= 3 && len <= 5 && strncmp(argv[i], "--xxd", len) == 0)
         return i;
   }
   return argc;
}

int xxd_options_take(struct Options *o, int argc, char **argv, int at, int first_operand) {
   if (first_operand <= at)
      return diag_usage(_("--xxd: INFILE goes after the xxd options"));
   bool other = o->skip || o->length || o->offset || o->find || o->count || o->hex ||
                o->ignore_case || o->json || o->kinds || o->npatches || o->flush ||
                o->command_count || o->script || o->cols || o->refresh_ms;
   if (other || o->mode != MODE_XXD)
      return diag_usage(_("--xxd: only -g, -W, -w and --force go before --xxd; "
                          "xxd's own options (-s, -l ...) go after it"));
   int rc = xxd_options_parse(argc - at - 1, argv + at + 1, &o->xxd);
   if (rc < 0 && o->force && !o->xxd.outfile)
      rc = diag_usage(_("--xxd: --force goes with an OUTFILE only (it writes onto a block "
                        "device that is mounted or held)"));
   if (rc >= 0)
      return rc;
   o->force = o->xxd.force = o->force || o->xxd.force;
   o->source = o->xxd.infile;
   return -1;
}
