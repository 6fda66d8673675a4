/* mode_tour.c - --tour without a terminal: the steps' text on standard
 * output, driven by a tour script (app/tour_script.h) or, without one,
 * every step in order.  The script is read to its end and checked whole
 * before anything is made; only the steps its lines come to are printed. */
#include "config.h"

#include "app/mode_tour.h"
#include "app/diag.h"
#include "app/script.h"
#include "app/tour.h"
#include "app/tour_script.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "platform/files.h"
#include "platform/processes.h"
#include "core/grow.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCRIPT_CHECK_MAX (1024 * 1024)   /* a script longer than this is not checked first */

int mode_tour_bad_line(const char *path, unsigned line_no, const char *line, const char *why) {
   char *p = escape_dup(path), *l = escape_dup(line);
   const char *more = l && strlen(l) > 60 ? "..." : "";      /* a line may be 2 KiB long */
   int rc = diag_usage(_("%s: line %u: '%.60s%s': %s (%s)"), p ? p : "?", line_no, l ? l : "?",
                       more, _(why), _(tour_script_usage));
   free(p);
   free(l);
   return rc;
}

/* For the screen: a regular file is read whole and checked before the
 * tour starts (a FIFO drives the screen as it comes). */
static int check_script(const char *path) {
   PlatformStat st;
   Script sc;
   Error e;
   if (platform_stat_path(path, &st) != 0 || st.kind != PLATFORM_KIND_REGULAR
       || st.size > SCRIPT_CHECK_MAX)
      return -1;                        /* a FIFO: its lines are checked as they come */
   if (!script_open(&sc, path, &e))
      return diag_error(path, &e);
   int status = -1;
   const char *text;
   ScriptKind k = SCRIPT_NONE;
   while (status < 0 && k != SCRIPT_END) {
      if (!script_fill(&sc, &e)) {
         status = diag_error(path, &e);
         break;
      }
      while (status < 0 && (k = script_next(&sc, &text)) != SCRIPT_NONE && k != SCRIPT_END) {
         TourCmd c = tour_script_line(sc.line, sc.flaw);
         if (c.kind == TOUR_CMD_BAD)
            status = mode_tour_bad_line(path, sc.line_no, sc.line, c.why);
      }
   }
   script_close(&sc);
   return status;
}

/* ---- the text: the whole script read and checked first ---------------- */

#define PLAN_MAX 65536                   /* commands a script may hold */

/* A script's commands, in order (comments and empty lines left out);
 * an @sync's path is a copy of its own. */
typedef struct {
   TourCmd *cmd;
   size_t n, cap;
} Plan;

static void plan_free(Plan *p) {
   for (size_t i = 0; i < p->n; i++)
      free((char *)p->cmd[i].path);
   free(p->cmd);
   *p = (Plan){ 0 };
}

static bool plan_add(Plan *p, TourCmd c) {
   TourCmd *v = grow_for_one(p->cmd, &p->cap, p->n, sizeof *v, 16);
   if (!v)
      return false;
   p->cmd = v;
   if (c.path && !(c.path = strdup(c.path)))
      return false;
   p->cmd[p->n++] = c;
   return true;
}

/* Wait for more of the script (a FIFO may be slow), or a signal: -1
 * when more was read, else an exit status. */
static int wait_script(Script *sc, const char *path) {
   int sig;
   bool ready;
   Error e;
   while (!platform_interrupted(&sig)) {
      if (platform_wait_readable(&sc->fd, &ready, 1, 250) == 0 && ready)
         return script_fill(sc, &e) ? -1 : diag_error(path, &e);
   }
   return 128 + sig;
}

/* Read PATH to its end (a FIFO or a pipe too, waiting for it; SIGINT,
 * SIGTERM and SIGHUP end the wait, nothing made yet) and check every
 * line: -1 with *P filled, else an exit status said already. */
static int read_plan(const char *path, Plan *p) {
   Script sc;
   Error e;
   if (!script_open(&sc, path, &e))
      return diag_error(path, &e);
   int status = -1;
   const char *text;
   ScriptKind k;
   while (status < 0 && (k = script_next(&sc, &text)) != SCRIPT_END) {
      if (k == SCRIPT_NONE) {
         status = wait_script(&sc, path);
         continue;
      }
      TourCmd c = tour_script_line(sc.line, sc.flaw);
      if (c.kind == TOUR_CMD_BAD)
         status = mode_tour_bad_line(path, sc.line_no, sc.line, c.why);
      else if (c.kind != TOUR_CMD_NONE && p->n == PLAN_MAX)
         status = mode_tour_bad_line(path, sc.line_no, sc.line,
                                     N_("a script holds at most 65536 commands"));
      else if (c.kind != TOUR_CMD_NONE && !plan_add(p, c)) {
         error_set(&e, ERR_OPEN, ENOMEM, NULL);
         status = diag_error(path, &e);
      }
   }
   script_close(&sc);
   if (status >= 0)
      plan_free(p);
   return status;
}

/* Run step AT and print it; false once standard output fails (a reader
 * that went away): the tour then ends instead of running on unseen. */
static bool show(Tour *t, size_t at, TourText *tt) {
   tour_run(t, at, tt);
   for (size_t i = 0; i < tt->n; i++)
      printf("%s\n", tt->lines[i]);
   fputc('\n', stdout);
   return fflush(stdout) == 0 && !ferror(stdout);
}

/* A new file only: never one that exists, never through a symlink. */
static void sync_file(const char *path) {
   fflush(stdout);
   int rc = script_sync_create(path, "");
   if (rc == 0)
      return;
   char *shown = escape_dup(path);               /* the script's bytes: untrusted */
   diag_warn(_("%s: cannot create it (%s)"), shown ? shown : "?", strerror(rc));
   free(shown);
}

typedef struct {
   Tour *t;
   TourText text;
   size_t at;                   /* where the tour is: step 1 at first, not printed */
} Walk;

/* Carry out one command: true to go on. */
static bool walk_cmd(Walk *w, const TourCmd *c) {
   switch (c->kind) {
   case TOUR_CMD_NEXT:
      return w->at + 1 < TOUR_STEPS && show(w->t, ++w->at, &w->text);
   case TOUR_CMD_PREV:
      return w->at == 0 || show(w->t, --w->at, &w->text);
   case TOUR_CMD_STEP:
      return show(w->t, w->at = c->step, &w->text);
   case TOUR_CMD_SYNC: sync_file(c->path); return true;
   case TOUR_CMD_QUIT: return false;
   case TOUR_CMD_NONE:
   case TOUR_CMD_BAD:
   default: return true;
   }
}

/* The exit status once the walk ended: a signal's, else standard
 * output's (a reader that went away ends it quietly, app/diag.h). */
static int walk_end(void) {
   int sig;
   return platform_interrupted(&sig) ? 128 + sig : diag_stdout_status();
}

static int walk_plan(Walk *w, const Plan *p) {
   int sig;
   for (size_t i = 0; i < p->n && !platform_interrupted(&sig); i++)
      if (!walk_cmd(w, &p->cmd[i]))
         break;
   return walk_end();
}

static int walk_all(Walk *w) {
   int sig;
   for (size_t i = 0; i < TOUR_STEPS && !platform_interrupted(&sig); i++)
      if (!show(w->t, i, &w->text))
         break;
   return walk_end();
}

static int run_text(const char *script) {
   Error e;
   const char *what;
   char banner[768];
   Plan plan = { 0 };
   Walk w = { 0 };
   platform_events_begin();
   int status = script ? read_plan(script, &plan) : -1;    /* before anything is made */
   if (status >= 0)
      return status;
   if (!(w.t = tour_new(&e, &what))) {
      plan_free(&plan);
      return diag_error(_(what), &e);
   }
   if (tour_sweep_note(w.t, banner, sizeof banner))
      diag_warn("%s", banner);
   tour_banner(w.t, banner, sizeof banner);
   printf("%s\n\n", banner);
   status = script ? walk_plan(&w, &plan) : walk_all(&w);
   plan_free(&plan);
   tour_text_clear(&w.text);
   tour_free(w.t);
   return status;
}

int mode_tour_run(const Options *o, TourScreen screen) {
   const char *script = o->script ? o->script : getenv("MAPSCOPE_SCRIPT");  /* as the screen's */
   if (script && !*script)
      script = NULL;
   if (!screen)
      return run_text(script);
   int status = script ? check_script(script) : -1;
   return status >= 0 ? status : screen(o);
}
