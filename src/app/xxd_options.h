/* xxd_options.h - the options after --xxd, spelled as xxd(1) spells them.
 *
 * xxd reads its options its own way, which getopt_long cannot: one dash
 * before long names (-cols 8, -ps, -include), a value glued to its letter
 * or not (-c8, -c 8), any word that begins with an option's letter taken as
 * that option (-p, -ps, -postscript, -plain), "--" as a prefix allowed
 * (--ps).  The table in xxd_options.c lists them; numbers are C numbers
 * (strtol base 0: 0x hex, leading 0 octal), but unlike xxd, trailing
 * characters are refused ("-l 1k" is an error, not 1).
 *
 * After the options come [INFILE [OUTFILE]]; "-" or none means standard
 * input / output.  Among them, mapscope's own --force is taken too (only
 * with an OUTFILE: write it even if it is a block device that is mounted
 * or held), so it may go before --xxd or after it. */
#ifndef MAPSCOPE_XXD_OPTIONS_H
#define MAPSCOPE_XXD_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/xxdfmt.h"

typedef struct {
   XxdFormat fmt;            /* resolved: cols and group defaults applied */
   bool revert;              /* -r */
   bool force;               /* mapscope's --force, before --xxd or among xxd's
                                options (with an OUTFILE) */
   bool capitalize;          /* -C */
   const char *name;         /* -n NAME, else NULL */
   bool seek_given;          /* -s */
   bool seek_relative;       /* -s +N: from the current position of stdin */
   bool seek_from_end;       /* -s -N */
   uint64_t seek;
   const char *seek_text;    /* -s as given (argv), for messages */
   bool length_given;        /* -l N, N >= 0 (a negative N: no limit) */
   uint64_t length;
   const char *infile;       /* NULL: standard input */
   const char *outfile;      /* NULL: standard output */
   /* what was typed, before the defaults were applied */
   long long cols_typed;     /* -1: none */
   long long group_typed;    /* -1: none */
} XxdOptions;

/* Parse ARGV[0..ARGC) (the words after --xxd) into X.  Returns -1 to go
 * on, 0 after -h or -v (printed), or 2 after a usage error (reported). */
int xxd_options_parse(int argc, char **argv, XxdOptions *x);

/* The index in ARGV of "--xxd" (or an abbreviation getopt_long would take
 * for it), before any "--"; ARGC when there is none. */
int xxd_options_find(int argc, char **argv);

/* Hand the words after ARGV[AT] (the --xxd) to xxd_options_parse, into
 * O->xxd, once getopt_long has read ARGV up to AT (FIRST_OPERAND: its
 * optind).  Only -g, -W, -w and --force may come before --xxd.  Sets
 * O->source to INFILE, and O->force and X->force when --force came
 * before or after --xxd.  Returns as xxd_options_parse does. */
struct Options;
int xxd_options_take(struct Options *o, int argc, char **argv, int at, int first_operand);

#endif
