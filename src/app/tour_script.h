/* tour_script.h - the words that drive --tour --script FILE.
 *
 * One command a line; empty lines and lines starting with '#' are skipped:
 *
 *    next          the next step (after the last one: the end of the tour)
 *    prev          the step before (none before the first)
 *    step N        step N, 1 to 10 (a bare N says the same)
 *    quit          the end of the tour (so is the end of the script)
 *    @sync PATH    create PATH once the step is shown (drawn, or printed
 *                  and flushed); tests wait for it.  A new file only
 *                  (app/script.h script_sync_create())
 *
 * The tour starts at step 1 and shows every step it comes to: on a
 * terminal step 1 is drawn first; without one only the steps the lines
 * come to are printed, the whole script checked before anything is made
 * (app/mode_tour.h). */
#ifndef MAPSCOPE_TOUR_SCRIPT_H
#define MAPSCOPE_TOUR_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
   TOUR_CMD_NONE,          /* an empty line or a comment */
   TOUR_CMD_NEXT,
   TOUR_CMD_PREV,
   TOUR_CMD_STEP,          /* step: 0-based */
   TOUR_CMD_QUIT,
   TOUR_CMD_SYNC,          /* path */
   TOUR_CMD_BAD            /* why: what is wrong (N_()) */
} TourCmdKind;

typedef struct {
   TourCmdKind kind;
   size_t step;
   const char *path;       /* points into the line */
   const char *why;
} TourCmd;

/* Read one line (without its newline; it must outlive CMD). */
TourCmd tour_script_parse(const char *line);

/* A line as a script reader took it (app/script.h): bad when the reader
 * found it flawed (FLAW: too long, a NUL byte), else tour_script_parse(). */
TourCmd tour_script_line(const char *line, const char *flaw);

/* What a bad line may say instead, for the message (N_()). */
extern const char *const tour_script_usage;

#endif
