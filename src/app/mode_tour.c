/* mode_tour.c - --tour without a terminal: the steps' text on standard
 * output, driven by a tour script (app/tour_script.h) or, without one,
 * every step in order. */
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

/* A regular file is read whole and checked before the tour starts. */
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
   size_t at;
   const char *path;
} Walk;

/* Carry out one line: -2 to go on, -1 at the end, else an exit status. */
static int walk_line(Walk *w, const Script *sc) {
   TourCmd c = tour_script_line(sc->line, sc->flaw);
   switch (c.kind) {
   case TOUR_CMD_NEXT:
      if (w->at + 1 >= TOUR_STEPS)
         return -1;
      return show(w->t, ++w->at, &w->text) ? -2 : -1;
   case TOUR_CMD_PREV:
      return w->at == 0 || show(w->t, --w->at, &w->text) ? -2 : -1;
   case TOUR_CMD_STEP:
      return show(w->t, w->at = c.step, &w->text) ? -2 : -1;
   case TOUR_CMD_SYNC: sync_file(c.path); return -2;
   case TOUR_CMD_QUIT: return -1;
   case TOUR_CMD_BAD: return mode_tour_bad_line(w->path, sc->line_no, sc->line, c.why);
   case TOUR_CMD_NONE:
   default: return -2;
   }
}

/* Wait for more of the script (a FIFO may be slow), or a signal. */
static int wait_script(Script *sc) {
   int sig;
   bool ready;
   Error e;
   while (!platform_interrupted(&sig)) {
      if (platform_wait_readable(&sc->fd, &ready, 1, 250) == 0 && ready)
         return script_fill(sc, &e) ? -2 : diag_error(NULL, &e);
   }
   return 128 + sig;
}

static int walk_script(Walk *w, Script *sc) {
   int sig;
   int status = show(w->t, 0, &w->text) ? -2 : -1;
   while (status == -2) {
      const char *text;
      ScriptKind k = script_next(sc, &text);
      if (platform_interrupted(&sig))
         status = 128 + sig;
      else if (k == SCRIPT_END)
         status = -1;
      else if (k == SCRIPT_NONE)
         status = wait_script(sc);
      else
         status = walk_line(w, sc);
   }
   script_close(sc);
   return status == -1 ? diag_stdout_status() : status;
}

static int walk_all(Walk *w) {
   int sig;
   for (size_t i = 0; i < TOUR_STEPS; i++) {
      if (platform_interrupted(&sig))
         return 128 + sig;
      if (!show(w->t, i, &w->text))
         break;
   }
   return diag_stdout_status();
}

static int run_text(const char *script) {
   Error e;
   const char *what;
   char banner[768];
   Script sc;
   Walk w = { .path = script };
   if (script && !script_open(&sc, script, &e))    /* before anything is made */
      return diag_error(script, &e);
   platform_events_begin();
   if (!(w.t = tour_new(&e, &what))) {
      if (script)
         script_close(&sc);
      return diag_error(_(what), &e);
   }
   if (tour_sweep_note(w.t, banner, sizeof banner))
      diag_warn("%s", banner);
   tour_banner(w.t, banner, sizeof banner);
   printf("%s\n\n", banner);
   int status = script ? walk_script(&w, &sc) : walk_all(&w);
   tour_text_clear(&w.text);
   tour_free(w.t);
   return status;
}

int mode_tour_run(const Options *o, TourScreen screen) {
   const char *script = o->script ? o->script : getenv("MAPSCOPE_SCRIPT");  /* as the screen's */
   if (script && !*script)
      script = NULL;
   int status = script ? check_script(script) : -1;
   if (status >= 0)
      return status;
   return screen ? screen(o) : run_text(script);
}
