/* command.c - command lookup and the session's commands. */
#include "config.h"

#include "app/command.h"
#include "app/session.h"
#include "core/gettext.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *skip_blanks(const char *s) {
   while (*s == ' ' || *s == '\t')
      s++;
   return s;
}

bool command_split(const char *line, char *name, size_t namesz, const char **args) {
   const char *p = skip_blanks(line);
   size_t n = 0;
   while (p[n] && p[n] != ' ' && p[n] != '\t')
      n++;
   if (n == 0 || namesz == 0)
      return false;
   if (n >= namesz)
      n = namesz - 1;
   memcpy(name, p, n);
   name[n] = '\0';
   while (*p && *p != ' ' && *p != '\t')
      p++;
   *args = skip_blanks(p);
   return true;
}

const Command *command_lookup(const CommandSet *sets, size_t nsets, const char *name,
                              void **ctx, bool *ambiguous) {
   const Command *found = NULL;
   size_t len = strlen(name), matches = 0;
   *ambiguous = false;
   for (size_t i = 0; i < nsets; i++) {
      for (size_t j = 0; j < sets[i].count; j++) {
         const Command *c = &sets[i].commands[j];
         if (strcmp(c->name, name) == 0) {
            *ctx = sets[i].ctx;
            return c;
         }
         if (strncmp(c->name, name, len) == 0 && !strchr(c->name, '!')
             && (!found || found != c)) {
            matches++;
            found = c;
            *ctx = sets[i].ctx;
         }
      }
   }
   if (matches == 1)
      return found;
   *ambiguous = matches > 1;
   return NULL;
}

size_t command_candidates(const CommandSet *sets, size_t nsets, const char *name,
                          char *out, size_t outsz) {
   size_t len = strlen(name), n = 0, used = 0;
   if (outsz)
      out[0] = '\0';
   for (size_t i = 0; i < nsets; i++)
      for (size_t j = 0; j < sets[i].count; j++) {
         const char *cn = sets[i].commands[j].name;
         if (strncmp(cn, name, len) != 0 || strchr(cn, '!'))
            continue;
         int w = snprintf(out + used, outsz > used ? outsz - used : 0, "%s%s", n ? ", " : "", cn);
         if (w > 0 && used + (size_t)w < outsz)
            used += (size_t)w;
         n++;
      }
   return n;
}

size_t command_complete(const CommandSet *sets, size_t nsets, const char *prefix,
                        char *out, size_t outsz) {
   size_t len = strlen(prefix), n = 0, common = 0;
   const char *first = NULL;
   for (size_t i = 0; i < nsets; i++)
      for (size_t j = 0; j < sets[i].count; j++) {
         const char *cn = sets[i].commands[j].name;
         if (strncmp(cn, prefix, len) != 0 || strchr(cn, '!'))
            continue;
         if (!first) {
            first = cn;
            common = strlen(cn);
         }
         size_t k = 0;
         while (k < common && cn[k] == first[k])
            k++;
         common = k;
         n++;
      }
   if (!first) {
      first = prefix;
      common = len;
   }
   if (common >= outsz)
      common = outsz ? outsz - 1 : 0;
   if (outsz) {
      memcpy(out, first, common);
      out[common] = '\0';
   }
   return n;
}

/* Whether the command's arguments are as its table row says ("[ARG]":
 * optional). */
static bool args_fit(const Command *c, const char *args) {
   if (c->args && c->args[0] == '[')
      return true;
   return c->args ? *args != '\0' : *args == '\0';
}

CommandStatus command_execute(const CommandSet *sets, size_t nsets, const char *line) {
   char name[64];
   const char *args;
   if (!command_split(line, name, sizeof name, &args))
      return COMMAND_OK;
   const char *p = skip_blanks(line);
   if (isdigit((unsigned char)*p) || *p == '+' || *p == '-') {
      strcpy(name, "goto");
      args = p;
   } else if (strcmp(name, "$") == 0 && !*args) {
      strcpy(name, "goto");             /* :$ is the end, as in vi */
      args = "end";
   }
   void *ctx = NULL;
   bool ambiguous;
   const Command *c = command_lookup(sets, nsets, name, &ctx, &ambiguous);
   if (!c)
      return COMMAND_UNKNOWN;
   if (!args_fit(c, args))
      return COMMAND_BAD_ARGS;
   return c->run(ctx, args);
}

/* ---- the session's commands ------------------------------------------- */

static CommandStatus cmd_goto(void *ctx, const char *args) {
   return session_goto(ctx, args) ? COMMAND_OK : COMMAND_FAILED;
}

static CommandStatus cmd_granularity(void *ctx, const char *args) {
   return session_set_granularity(ctx, args) ? COMMAND_OK : COMMAND_FAILED;
}

static CommandStatus cmd_window(void *ctx, const char *args) {
   return session_set_window(ctx, args) ? COMMAND_OK : COMMAND_FAILED;
}

static CommandStatus cmd_reload(void *ctx, const char *args) {
   (void)args;
   return session_reload(ctx) ? COMMAND_OK : COMMAND_FAILED;
}

static CommandStatus cmd_reopen(void *ctx, const char *args) {
   (void)args;
   return session_reopen(ctx) ? COMMAND_OK : COMMAND_FAILED;
}

const Command session_commands[] = {
   { "goto", N_("OFFSET"),
     N_("move to OFFSET: 0x1f00 4096 64K 1.5G 50% +N -N end"), cmd_goto },
   { "granularity", N_("SIZE"),
     N_("align windows to SIZE (64K: as Windows does)"), cmd_granularity },
   { "window", N_("SIZE"), N_("map at least SIZE bytes per window"), cmd_window },
   { "reload", NULL, N_("look at the object's size and type again (also r)"), cmd_reload },
   { "reopen", NULL, N_("open the object the name refers to now: after it was replaced"
                        " or removed and made again (also R, :e)"), cmd_reopen },
   { "e", NULL, N_("reopen (as in vi)"), cmd_reopen },
};
const size_t session_command_count = sizeof session_commands / sizeof session_commands[0];
