/* command.c - command lookup and dispatch. */
#include "config.h"

#include "app/command.h"
#include "tap.h"

static char last[64];
static int calls;

static CommandStatus run_a(void *ctx, const char *args) {
   (void)ctx;
   snprintf(last, sizeof last, "goto:%s", args);
   calls++;
   return COMMAND_OK;
}

static CommandStatus run_b(void *ctx, const char *args) {
   snprintf(last, sizeof last, "%s:%s", (const char *)ctx, args);
   calls++;
   return COMMAND_OK;
}

static CommandStatus run_q(void *ctx, const char *args) {
   (void)ctx;
   (void)args;
   return COMMAND_QUIT;
}

static const Command first[] = {
   { "goto", "OFFSET", "move", run_a },
   { "granularity", "SIZE", "align", run_b },
};
static const Command second[] = {
   { "quit", NULL, "quit", run_q },
   { "reload", NULL, "reload", run_b },
};

int main(void) {
   plan_lazy();
   static char first_ctx[] = "first", second_ctx[] = "second";
   CommandSet sets[] = { { first, 2, first_ctx }, { second, 2, second_ctx } };
   char name[16];
   const char *args;
   ok(command_split("  goto   end  ", name, sizeof name, &args), "split");
   is_str(name, "goto", "split: name");
   is_str(args, "end  ", "split: arguments");
   ok(!command_split("   ", name, sizeof name, &args), "blank line: nothing");

   void *ctx;
   bool amb;
   ok(command_lookup(sets, 2, "quit", &ctx, &amb) == &second[0], "exact name");
   ok(command_lookup(sets, 2, "gr", &ctx, &amb) == &first[1] && ctx == sets[0].ctx,
      "unique prefix, with its set's context");
   ok(!command_lookup(sets, 2, "g", &ctx, &amb) && amb, "ambiguous prefix");
   ok(!command_lookup(sets, 2, "x", &ctx, &amb) && !amb, "unknown");

   is_u64(command_execute(sets, 2, "goto 50%"), COMMAND_OK, "execute goto");
   is_str(last, "goto:50%", "goto got its arguments");
   is_u64(command_execute(sets, 2, "0x100"), COMMAND_OK, "bare offset");
   is_str(last, "goto:0x100", "bare offset is goto");
   is_u64(command_execute(sets, 2, "-4K"), COMMAND_OK, "relative offset");
   is_str(last, "goto:-4K", "-4K is goto");
   is_u64(command_execute(sets, 2, "rel"), COMMAND_OK, "prefix runs");
   is_str(last, "second:", "second set's context");
   is_u64(command_execute(sets, 2, "q"), COMMAND_QUIT, "q is quit");
   is_u64(command_execute(sets, 2, "nope"), COMMAND_UNKNOWN, "unknown command");
   is_u64(command_execute(sets, 2, "goto"), COMMAND_BAD_ARGS, "goto needs an argument");
   is_u64(command_execute(sets, 2, "quit now"), COMMAND_BAD_ARGS, "quit takes none");
   calls = 0;
   is_u64(command_execute(sets, 2, ""), COMMAND_OK, "empty line");
   is_u64(calls, 0, "empty line runs nothing");

   char which[64];
   is_u64(command_candidates(sets, 2, "g", which, sizeof which), 2, "g: two candidates");
   is_str(which, "goto, granularity", "... named in table order");
   is_u64(command_candidates(sets, 2, "z", which, sizeof which), 0, "none for z");

   /* names with '!' only whole; "[ARG]" is optional */
   static const Command bang[] = {
      { "flush", NULL, "flush", run_b },
      { "flush!", NULL, "force", run_b },
      { "find", "[PATTERN]", "find", run_b },
   };
   static char bang_ctx[] = "bang";
   CommandSet bs[] = { { bang, 3, bang_ctx } };
   ok(command_lookup(bs, 1, "flus", &ctx, &amb) == &bang[0], "flus is flush, not ambiguous with flush!");
   ok(command_lookup(bs, 1, "flush!", &ctx, &amb) == &bang[1], "flush! whole");
   is_u64(command_candidates(bs, 1, "fl", which, sizeof which), 1, "flush! is no candidate");
   is_u64(command_execute(bs, 1, "find"), COMMAND_OK, "an optional argument may be left out");
   is_u64(command_execute(bs, 1, "find x"), COMMAND_OK, "... or given");
   return done_testing();
}
