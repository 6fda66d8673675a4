/* command.h - the ':' command line: tables of named commands.
 *
 * Each layer that has commands fills a const table (the session here, each
 * view in ui/), and the command line looks a name up across the tables it
 * is given: an exact name first, then a unique prefix ("gr" is granularity).
 * Names with a '!' ("flush!", "q!") are only ever matched whole.
 * Adding a command adds one row to a table; help lists the tables. */
#ifndef MAPSCOPE_COMMAND_H
#define MAPSCOPE_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
   COMMAND_OK,
   COMMAND_FAILED,       /* it ran and said why it failed */
   COMMAND_QUIT,
   COMMAND_UNKNOWN,      /* no such command, or an ambiguous prefix */
   COMMAND_BAD_ARGS      /* arguments missing or extra: the usage is shown */
} CommandStatus;

typedef struct {
   const char *name;                 /* "goto" */
   const char *args;                 /* N_("OFFSET"), NULL for none; "[...]": optional */
   const char *help;                 /* N_("move the cursor to OFFSET ...") */
   CommandStatus (*run)(void *ctx, const char *args);
} Command;

typedef struct {
   const Command *commands;
   size_t count;
   void *ctx;                        /* handed to run() */
} CommandSet;

/* Split LINE into its command name (NAME, NAMESZ bytes) and arguments
 * (trimmed, "" when none).  False for an empty line. */
bool command_split(const char *line, char *name, size_t namesz, const char **args);

/* Find NAME in SETS; *CTX gets the set's context.  NULL when unknown or
 * ambiguous (then *AMBIGUOUS is true). */
const Command *command_lookup(const CommandSet *sets, size_t nsets, const char *name,
                              void **ctx, bool *ambiguous);

/* The commands of SETS whose names start with NAME, as "goto, granularity"
 * in OUT (OUTSZ bytes); returns how many there are. */
size_t command_candidates(const CommandSet *sets, size_t nsets, const char *name,
                          char *out, size_t outsz);

/* Tab at the prompt: the number of commands of SETS whose names start
 * with PREFIX (names with a '!' left out, as above); OUT (OUTSZ bytes) gets
 * the longest start those names share ("g": "g" for goto and granularity,
 * "go": "goto"), PREFIX itself when none does. */
size_t command_complete(const CommandSet *sets, size_t nsets, const char *prefix,
                        char *out, size_t outsz);

/* Run LINE.  A line that starts with a digit, '+' or '-' is "goto LINE", as
 * in less and vi; "$" is "goto end", as in vi.  An empty line does nothing. */
CommandStatus command_execute(const CommandSet *sets, size_t nsets, const char *line);

/* The session's commands (ctx: a Session). */
extern const Command session_commands[];
extern const size_t session_command_count;

#endif
