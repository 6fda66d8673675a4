/* Unit tests: the words of a tour script, good and bad, and the steps'
 * titles (ten, none empty). */
#include "config.h"

#include "app/tour.h"
#include "app/tour_script.h"
#include "tap.h"

typedef struct {
   const char *line;
   TourCmdKind kind;
   size_t step;            /* TOUR_CMD_STEP: 0-based */
   const char *path;       /* TOUR_CMD_SYNC */
} Case;

static const Case cases[] = {
   { "", TOUR_CMD_NONE, 0, NULL },
   { "   \t", TOUR_CMD_NONE, 0, NULL },
   { "# next", TOUR_CMD_NONE, 0, NULL },
   { "  # indented comment", TOUR_CMD_NONE, 0, NULL },
   { "next", TOUR_CMD_NEXT, 0, NULL },
   { "  next  ", TOUR_CMD_NEXT, 0, NULL },
   { "prev", TOUR_CMD_PREV, 0, NULL },
   { "quit", TOUR_CMD_QUIT, 0, NULL },
   { "step 1", TOUR_CMD_STEP, 0, NULL },
   { "step\t10", TOUR_CMD_STEP, 9, NULL },
   { "step   7  ", TOUR_CMD_STEP, 6, NULL },
   { "3", TOUR_CMD_STEP, 2, NULL },
   { "@sync /tmp/x", TOUR_CMD_SYNC, 0, "/tmp/x" },
   { "@sync   a b", TOUR_CMD_SYNC, 0, "a b" },
   { "step 0", TOUR_CMD_BAD, 0, NULL },
   { "step 11", TOUR_CMD_BAD, 0, NULL },
   { "step -1", TOUR_CMD_BAD, 0, NULL },
   { "step 3x", TOUR_CMD_BAD, 0, NULL },
   { "step 99999999999999999999", TOUR_CMD_BAD, 0, NULL },
   { "step", TOUR_CMD_BAD, 0, NULL },
   { "11", TOUR_CMD_BAD, 0, NULL },
   { "nextstep", TOUR_CMD_BAD, 0, NULL },
   { "next 2", TOUR_CMD_BAD, 0, NULL },
   { "quit now", TOUR_CMD_BAD, 0, NULL },
   { "NEXT", TOUR_CMD_BAD, 0, NULL },
   { ":step 3", TOUR_CMD_BAD, 0, NULL },
   { "@sync", TOUR_CMD_BAD, 0, NULL },
   { "@sync   ", TOUR_CMD_BAD, 0, NULL },
   { "@wait 3", TOUR_CMD_BAD, 0, NULL },
};

int main(void) {
   plan_lazy();
   for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      const Case *c = &cases[i];
      TourCmd got = tour_script_parse(c->line);
      is_u64(got.kind, c->kind, "'%s': its kind", c->line);
      if (c->kind == TOUR_CMD_STEP)
         is_u64(got.step, c->step, "'%s': the step", c->line);
      if (c->kind == TOUR_CMD_SYNC)
         is_str(got.path, c->path, "'%s': the path", c->line);
      if (c->kind == TOUR_CMD_BAD)
         ok(got.why && *got.why, "'%s': says why", c->line);
   }
   TourCmd flawed = tour_script_line("quit", "the line holds a NUL byte");
   ok(flawed.kind == TOUR_CMD_BAD && strcmp(flawed.why, "the line holds a NUL byte") == 0,
      "a line the reader found flawed is bad, whatever it reads as");
   is_u64(tour_script_line("quit", NULL).kind, TOUR_CMD_QUIT, "a sound line is parsed");
   for (size_t i = 0; i < TOUR_STEPS; i++)
      ok(*tour_title(i), "step %zu has a title", i + 1);
   is_str(tour_title(TOUR_STEPS), "", "no step past the last");
   return done_testing();
}
