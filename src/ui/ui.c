/* ui.c - the screen's main loop: the view stack, the status line and
 * prompt, start-up commands and key scripts. */
#include "config.h"

#include "ui/ui.h"
#include "ui/crt.h"
#include "ui/keymap.h"
#include "ui/prompt.h"
#include "ui/view.h"
#include "ui/textscroll.h"
#include "app/diag.h"
#include "app/objfmt.h"
#include "app/regtable.h"
#include "app/script.h"
#include "app/startlocale.h"
#include "app/session_edit.h"
#include "app/tour_script.h"
#include "core/escape.h"
#include "core/gettext.h"
#include "core/textwidth.h"
#include "platform/processes.h"

#include <curses.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIZE_CHECK_MS 1000      /* the periodic look at the object's size */
/* The libmagic child starts this long after a screen is drawn: its work
 * (loading megabytes of database) never competes with the terminal that
 * shows the first screen, and the type appears well within a glance. */
#define MAGIC_DELAY_MS 100
#define COUNT_MAX 1000000000UL  /* a count prefix stops growing here */

struct Ui {
   View *top;
   char *message;                 /* the status line's own message, whole (heap; NULL: none) */
   bool message_is_error;
   bool quit;
   bool prompting;
   Prompt prompt;                 /* the line typed at the prompt, and its history */
   char prompt_hint[256];         /* said above the prompt (Tab's candidates), "" for none */
   int prompt_x;                  /* the prompt's cursor column */
   unsigned forced_cols;
   unsigned refresh_ms;           /* --refresh, 0: the live view's default */
   Script script;
   bool scripting;
   bool tour_words;               /* the script is a tour script (--tour --script) */
   bool dirty;
   bool prompt_dirty;             /* only the prompt's line changed since the last draw */
   bool asking_quit;              /* edits pending: flush, discard or stay? */
   char question[512];            /* ... why it asks (session_edit_quit_question) */
   bool leave_to_list;            /* ... and then back to the list, not out */
   unsigned long count;           /* a count typed before a key (5j), 0: none */
   bool pending_z;                /* Z typed: ZZ writes and quits, ZQ quits */
   unsigned long prompt_count;    /* ... before the key that opened the prompt (3/GNU) */
   char *log[UI_LOG_MAX];         /* the messages shown, whole, oldest first (:messages) */
   unsigned log_count;
   View *source_view;             /* the hex view opened from the object list */
   SessionConfig open_cfg;        /* the command line's settings, for objects opened from the list */
   bool failed;                   /* ui_fail(): end with FAILURE */
   Error failure;
   uint64_t magic_due;            /* platform_clock_ms() when the type lookup starts; 0: none */
   char notice[256];              /* a source's use changed its object: said at the next draw */
};

Session *ui_session(Ui *ui) {
   for (View *v = ui->top; v; v = v->below)
      if (v->ops->session)
         return v->ops->session(v);
   return NULL;
}

/* The session of the top view, which reports in the status line. */
static Session *top_session(Ui *ui) {
   return ui->top && ui->top->ops->session ? ui->top->ops->session(ui->top) : NULL;
}

/* A message is kept whole, however long (:messages shows it so). */
void ui_message(Ui *ui, bool is_error, const char *fmt, ...) {
   va_list ap, again;
   va_start(ap, fmt);
   va_copy(again, ap);
   int len = vsnprintf(NULL, 0, fmt, ap);
   va_end(ap);
   char *text = len >= 0 ? malloc((size_t)len + 1) : NULL;
   if (text)
      vsnprintf(text, (size_t)len + 1, fmt, again);
   va_end(again);
   Session *s = top_session(ui);
   if (s) {
      session_message(s, is_error, "%s", text ? text : "");
      free(text);
      return;
   }
   free(ui->message);
   ui->message = text;
   ui->message_is_error = is_error;
}

void ui_clear_message(Ui *ui) {
   Session *s = top_session(ui);
   if (s)
      session_clear_message(s);
   free(ui->message);
   ui->message = NULL;
   ui->message_is_error = false;
}

static bool edits_pending(Ui *ui) {
   Session *s = ui_session(ui);
   return s && session_edit_pending(s);
}
unsigned ui_forced_cols(Ui *ui) { return ui->forced_cols; }
unsigned ui_refresh_ms(Ui *ui) { return ui->refresh_ms; }
/* Leave: back to the object list from an object opened there, out of the
 * program otherwise. */
static void leave_now(Ui *ui, bool to_list) {
   if (to_list && ui->source_view && ui->top == ui->source_view) {
      ui_pop(ui);
      ui_clear_message(ui);
   } else {
      ui->quit = true;
   }
}

static void log_message(Ui *ui, const char *msg);

/* With edits not flushed, leaving asks first (ask_quit_key answers), in
 * every view, whichever is on top (help, :messages, the tour ...): the
 * screen draws the question itself (draw_question), over any view. */
static void request_leave(Ui *ui, bool to_list) {
   if (!edits_pending(ui)) {
      leave_now(ui, to_list);
      return;
   }
   ui->asking_quit = true;
   ui->prompting = false;            /* Ctrl-C at the prompt: the question takes the keys */
   ui->leave_to_list = to_list;
   session_edit_quit_question(ui_session(ui), ui->question, sizeof ui->question);
   char *asked = NULL;
   size_t len = strlen(ui->question) + strlen(_(session_edit_choices)) + 3;
   if ((asked = malloc(len)) != NULL) {
      snprintf(asked, len, "%s: %s", ui->question, _(session_edit_choices));
      log_message(ui, asked);
      free(asked);
   }
}

void ui_request_quit(Ui *ui) { request_leave(ui, false); }

/* Whether q in V goes back to the list (V is an object opened there). */
static bool goes_back(const View *v) {
   return v == v->ui->source_view && v->below;
}

/* The answer to the quit question.  How it went (flushed, discarded, the
 * flush failed, stayed) is said where the user is next, in the status line
 * of the view on top and in :messages: the view the edits were in, a view
 * above it (help, the tour), or the list it went back to, with the
 * object's name. */
static void ask_quit_key(Ui *ui, int key) {
   Session *s = ui_session(ui);
   bool to_list = ui->leave_to_list;
   ui->asking_quit = false;
   bool leave = false;
   if (key == 'f' || key == 'F')
      leave = session_edit_flush(s, false);
   else if (key == 'd' || key == 'D') {
      session_edit_discard(s);
      leave = true;
   } else {
      session_message(s, false, "%s", _("stayed: the edits are still pending"));
   }
   char *said = strdup(session_message_text(s));
   char *name = escape_dup(s->src ? s->src->spec : "");
   bool is_error = s->message_is_error;
   bool back = leave && to_list && ui->source_view && ui->top == ui->source_view;
   if (leave)
      leave_now(ui, to_list);
   if (!ui->quit && said && back)
      ui_message(ui, is_error, "%s: %s", name ? name : "?", said);
   else if (!ui->quit && said && top_session(ui) != s)
      ui_message(ui, is_error, "%s", said);
   free(said);
   free(name);
}

unsigned long ui_count(Ui *ui) { return ui->count ? ui->count : 1; }
bool ui_has_count(Ui *ui) { return ui->count != 0; }

const char *ui_log(Ui *ui, unsigned i) {
   return i < ui->log_count ? ui->log[i] : NULL;
}

/* Keep the message shown now, whole, for :messages (once, however often
 * drawn). */
static void log_message(Ui *ui, const char *msg) {
   if (!msg || !msg[0] || (ui->log_count && strcmp(ui->log[ui->log_count - 1], msg) == 0))
      return;
   char *copy = strdup(msg);
   if (!copy)
      return;
   if (ui->log_count == UI_LOG_MAX) {
      free(ui->log[0]);
      memmove(&ui->log[0], &ui->log[1], sizeof ui->log[0] * (UI_LOG_MAX - 1));
      ui->log_count--;
   }
   ui->log[ui->log_count++] = copy;
}

void ui_push(Ui *ui, View *v) {
   if (!v)
      return;
   v->below = ui->top;
   ui->top = v;
   if (v->ops->resize)
      v->ops->resize(v, LINES - 1, COLS);
}

void ui_pop(Ui *ui) {
   View *v = ui->top;
   if (!v)
      return;
   ui->top = v->below;
   if (v == ui->source_view)         /* back to the object list */
      ui->source_view = NULL;
   if (v->ops->session)              /* its type lookup goes with it */
      ui->magic_due = 0;
   if (v->ops->close)
      v->ops->close(v);
}

bool ui_open_source(Ui *ui, const ObjOpenSpec *spec, Error *e) {
   SessionConfig cfg = ui->open_cfg;   /* -g, -W and -w reach these objects too */
   cfg.offset = NULL;
   cfg.magic = true;
   if (ui->source_view) {
      error_set(e, ERR_OPEN, EBUSY, NULL);
      return false;
   }
   cfg.expect = spec->checked ? &spec->expect : NULL;   /* only the listed object */
   View *v = view_hex_open(ui, spec->text, &cfg, e);
   if (!v)
      return false;
   ui_clear_message(ui);               /* the list's message stays with the list */
   ui_push(ui, v);
   ui->source_view = v;                 /* the type: once its screen is up */
   return true;
}

View *ui_source_view(Ui *ui) {
   return ui->source_view;
}

void ui_fail(Ui *ui, const Error *e) {
   ui->failure = *e;
   ui->failed = true;
   ui->quit = true;
}

/* Esc in an object opened from the list goes back to the list (asking
 * first when edits are pending, as q does). */
static bool back_to_list(View *v) {
   if (!goes_back(v))
      return false;
   request_leave(v->ui, true);
   return true;
}

void ui_open_prompt(Ui *ui, const char *initial) {
   ui->prompt_hint[0] = '\0';
   if (!prompt_open(&ui->prompt, initial)) {
      ui_message(ui, true, "%s", _("the prompt cannot open: out of memory"));
      return;
   }
   ui->prompting = true;
   ui->prompt_count = ui->count;       /* 3/GNU: the line runs with the count */
}

bool view_run_key(View *v, const KeyBinding *keys, size_t count, int key) {
   for (size_t i = 0; i < count; i++) {
      if (keys[i].key == key) {
         keys[i].run(v);
         return true;
      }
   }
   return false;
}

/* ---- global keys and commands ------------------------------------------ */

static void key_quit_all(View *v) { ui_request_quit(v->ui); }   /* C-c: never just back */
static void key_quit(View *v) { request_leave(v->ui, goes_back(v)); }

static void key_prompt(View *v) { ui_open_prompt(v->ui, ""); }
static void key_z(View *v) {
   v->ui->pending_z = true;
   ui_message(v->ui, false, "%s", _("Z: ZZ flushes and quits (:x), ZQ quits and drops the edits (:q!)"));
}
static void key_help(View *v) { ui_push(v->ui, view_help_new(v->ui, v)); }
static void key_redraw(View *v) { (void)v; clearok(curscr, TRUE); }
static void key_clear(View *v) {
   if (!back_to_list(v))
      ui_clear_message(v->ui);
}

static const KeyBinding global_keys[] = {
   { 'q', "q", N_("quit, or back to the list; asks first if edits are pending"), key_quit },
   { KEYMAP_CTRL('c'), "C-c", N_("quit mapscope, from any view; asks first if edits are pending"),
     key_quit_all },
   { ':', ":", N_("type a command (see Commands)"), key_prompt },
   { 'Z', "Z", N_("ZZ: flush and quit (as :x); ZQ: quit, dropping the edits (as :q!)"), key_z },
   { KEY_F(1), "F1", N_("help: this screen (? too, where ? is not a search)"), key_help },
   { '?', NULL, NULL, key_help },
   { KEYMAP_CTRL('l'), "C-l", N_("redraw the screen"), key_redraw },
   { KEYMAP_ESC, "Esc", N_("clear the message, or back to the object list"), key_clear },
};

const KeyBinding *ui_global_keys(size_t *count) {
   *count = sizeof global_keys / sizeof global_keys[0];
   return global_keys;
}

static CommandStatus cmd_quit(void *ctx, const char *args) {
   (void)args;
   Ui *ui = ctx;
   request_leave(ui, false);
   return ui->quit ? COMMAND_QUIT : COMMAND_OK;
}

static CommandStatus cmd_quit_discard(void *ctx, const char *args) {
   (void)args;
   Ui *ui = ctx;
   if (edits_pending(ui))
      session_edit_discard(ui_session(ui));
   leave_now(ui, false);
   return ui->quit ? COMMAND_QUIT : COMMAND_OK;
}

/* :w - flush when an object is open; FORCE (:w!) as :flush! does, even
 * where the object changed since it was read. */
static bool write_edits(Ui *ui, bool force) {
   Session *s = ui_session(ui);
   if (!s) {
      ui_message(ui, false, "%s", _("no object is open: nothing to write"));
      return true;
   }
   return session_edit_flush(s, force);
}

static CommandStatus write_quit(Ui *ui, bool force) {
   if (!write_edits(ui, force))
      return COMMAND_FAILED;          /* the flush failed: the edits stay, so do we */
   leave_now(ui, false);
   return ui->quit ? COMMAND_QUIT : COMMAND_OK;
}

static CommandStatus cmd_write(void *ctx, const char *args) {
   (void)args;
   return write_edits(ctx, false) ? COMMAND_OK : COMMAND_FAILED;
}

static CommandStatus cmd_write_force(void *ctx, const char *args) {
   (void)args;
   return write_edits(ctx, true) ? COMMAND_OK : COMMAND_FAILED;
}

static CommandStatus cmd_write_quit(void *ctx, const char *args) {
   (void)args;
   return write_quit(ctx, false);
}

static CommandStatus cmd_write_quit_force(void *ctx, const char *args) {
   (void)args;
   return write_quit(ctx, true);
}

static CommandStatus cmd_messages(void *ctx, const char *args) {
   (void)args;
   Ui *ui = ctx;
   ui_push(ui, view_messages_new(ui));
   return COMMAND_OK;
}

static CommandStatus cmd_help(void *ctx, const char *args) {
   Ui *ui = ctx;
   (void)args;
   ui_push(ui, view_help_new(ui, ui->top));
   return COMMAND_OK;
}

static CommandStatus cmd_tour(void *ctx, const char *args) {
   Ui *ui = ctx;
   Error e;
   (void)args;
   for (View *open = ui->top; open; open = open->below) {
      if (strcmp(open->ops->name, "tour") == 0) {
         ui_message(ui, true, "%s", _("the tour is open already (q ends it)"));
         return COMMAND_FAILED;
      }
   }
   View *v = view_tour_new(ui, &e);
   if (!v) {
      ui_message(ui, true, "%s: %s", _(error_message(e.code)), strerror(e.sys_errno));
      return COMMAND_FAILED;
   }
   ui_push(ui, v);
   return COMMAND_OK;
}

static const Command global_commands[] = {
   { "quit", NULL, N_("quit mapscope (also :q, C-c); asks first when edits are not flushed"),
     cmd_quit },
   { "q!", NULL, N_("quit and discard the edits not flushed"), cmd_quit_discard },
   { "quit!", NULL, N_("as :q!"), cmd_quit_discard },
   { "w", NULL, N_("write: flush the edits (as :flush)"), cmd_write },
   { "w!", NULL, N_("write even if the object changed (as :flush!)"), cmd_write_force },
   { "wq", NULL, N_("flush the edits, then quit (stays when the flush fails)"), cmd_write_quit },
   { "wq!", NULL, N_("as :wq, flushing as :flush! does"), cmd_write_quit_force },
   { "x", NULL, N_("as :wq"), cmd_write_quit },
   { "x!", NULL, N_("as :wq!"), cmd_write_quit_force },
   { "help", NULL, N_("show the keys and commands"), cmd_help },
   { "messages", NULL, N_("the messages shown so far, in full"), cmd_messages },
   { "tour", NULL, N_("the tour of the concepts of mapping, every call real (q ends it)"),
     cmd_tour },
};

const Command *ui_global_commands(size_t *count) {
   *count = sizeof global_commands / sizeof global_commands[0];
   return global_commands;
}

static size_t command_sets(Ui *ui, CommandSet sets[3]);

/* Run one command line; the status line says how it went. */
static void run_command(Ui *ui, const char *line) {
   CommandSet sets[3];
   command_sets(ui, sets);
   ui_clear_message(ui);
   CommandStatus st = command_execute(sets, sizeof sets / sizeof sets[0], line);
   char name[64], which[192];
   const char *args;
   if (st == COMMAND_UNKNOWN && command_split(line, name, sizeof name, &args)
       && command_candidates(sets, sizeof sets / sizeof sets[0], name, which, sizeof which) > 1)
      ui_message(ui, true, _("%s is ambiguous: %s"), name, which);
   else if (st == COMMAND_UNKNOWN && command_split(line, name, sizeof name, &args))
      ui_message(ui, true, _("unknown command: %s (F1 lists the commands)"), name);
   else if (st == COMMAND_BAD_ARGS && command_split(line, name, sizeof name, &args))
      ui_message(ui, true, _("%s: wrong arguments (F1 shows the usage)"), name);
}

/* ---- the prompt -------------------------------------------------------- */

/* The command tables a line typed now is looked up in. */
static size_t command_sets(Ui *ui, CommandSet sets[3]) {
   Session *s = ui_session(ui);
   sets[0] = (CommandSet){ ui->top->ops->commands, ui->top->ops->command_count, ui->top };
   sets[1] = (CommandSet){ global_commands, sizeof global_commands / sizeof global_commands[0], ui };
   sets[2] = (CommandSet){ session_commands, s ? session_command_count : 0, s };
   return 3;
}

/* Tab: the command name before the cursor completed from the tables, as
 * far as the names that start so agree; the candidates are named above the
 * prompt when they still differ. */
static void complete(Ui *ui) {
   Prompt *p = &ui->prompt;
   const char *line = prompt_text(p);
   size_t start = 0;
   while (line[start] == ' ' || line[start] == '\t')
      start++;
   if (p->cur != p->len || strpbrk(line + start, " \t")) {
      snprintf(ui->prompt_hint, sizeof ui->prompt_hint, "%s",
               _("Tab completes a command's name, at the end of it"));
      return;
   }
   CommandSet sets[3];
   size_t nsets = command_sets(ui, sets);
   char done[64];
   size_t n = command_complete(sets, nsets, line + start, done, sizeof done);
   size_t have = strlen(line + start);
   if (n == 0) {
      snprintf(ui->prompt_hint, sizeof ui->prompt_hint, _("no command starts with %s"),
               line + start);
      return;
   }
   if (strlen(done) > have)
      prompt_insert(p, done + have, strlen(done) - have);
   if (n == 1)
      prompt_insert(p, " ", 1);
   else
      command_candidates(sets, nsets, done, ui->prompt_hint, sizeof ui->prompt_hint);
}

static void prompt_key(Ui *ui, int key) {
   ui->prompt_hint[0] = '\0';
   PromptResult r = prompt_edit(&ui->prompt, key);
   if (r == PROMPT_ENTER) {
      char *line = strdup(prompt_text(&ui->prompt));
      ui->prompting = false;
      if (!line) {
         ui_message(ui, true, "%s", _("the prompt cannot run the line: out of memory"));
         return;
      }
      prompt_remember(&ui->prompt, line);
      ui->count = ui->prompt_count;
      run_command(ui, line);
      ui->count = ui->prompt_count = 0;
      free(line);
   } else if (r == PROMPT_CANCEL) {
      ui->prompting = false;
   } else if (r == PROMPT_FULL) {
      snprintf(ui->prompt_hint, sizeof ui->prompt_hint,
               _("the prompt holds at most %u bytes: that key was not taken"), PROMPT_MAX);
   } else if (r == PROMPT_UNUSED && key == '\t') {
      complete(ui);
   }
}

static CommandStatus cmd_write_quit(void *ctx, const char *args);
static CommandStatus cmd_quit_discard(void *ctx, const char *args);

/* The key after Z: Z (ZZ, as :x) or Q (ZQ, as :q!), as in vi. */
static void z_key(Ui *ui, int key) {
   ui->pending_z = false;
   ui_clear_message(ui);
   if (key == 'Z')
      cmd_write_quit(ui, "");
   else if (key == 'Q')
      cmd_quit_discard(ui, "");
   else if (key != KEYMAP_ESC)
      ui_message(ui, true, "%s", _("Z: only ZZ and ZQ are known"));
}

static void handle_key(Ui *ui, int key) {
   if (key == KEY_RESIZE) {
      if (ui->top->ops->resize)
         ui->top->ops->resize(ui->top, LINES - 1, COLS);
      return;
   }
   if (ui->prompting) {
      prompt_key(ui, key);
      return;
   }
   if (ui->asking_quit) {
      ask_quit_key(ui, key);
      ui->count = 0;
      return;
   }
   if (ui->pending_z) {
      z_key(ui, key);
      ui->count = 0;
      return;
   }
   View *v = ui->top;
   if (v->ops->intercept && v->ops->intercept(v, key)) {
      ui->count = 0;
      return;
   }
   /* A count before a key, as in less and vi: 5j, 10l, 3n; 0 alone is a key. */
   if (key >= '0' && key <= '9' && (key != '0' || ui->count)) {
      ui->count = ui->count * 10 + (unsigned long)(key - '0');
      if (ui->count > COUNT_MAX)
         ui->count = COUNT_MAX;
      return;
   }
   if (!view_run_key(v, v->ops->keys, v->ops->key_count, key)
       && !textscroll_run_key(v, key)
       && !(v->ops->key && v->ops->key(v, key)))
      view_run_key(v, global_keys, sizeof global_keys / sizeof global_keys[0], key);
   ui->count = 0;
}

/* ---- drawing ----------------------------------------------------------- */

#define MIN_COLS 16
#define MIN_ROWS 4

/* The prompt's line: the part before the cursor ends at the cursor (the
 * end of it when it is longer than the screen), the rest follows as far as
 * it fits; shown escaped, while the command gets the bytes typed.  Tab's
 * candidates and refusals show in the row above. */
static void draw_prompt(Ui *ui, int y) {
   const Prompt *p = &ui->prompt;
   const char *text = prompt_text(p);
   int room = COLS - 2;
   /* at most what could ever show (an escape is 4 columns a byte) */
   size_t from = p->cur > (size_t)COLS * 4 ? p->cur - (size_t)COLS * 4 : 0;
   while (from < p->cur && (text[from] & 0xc0) == 0x80)
      from++;
   char *before = strndup(text + from, p->cur - from);
   if (!before)
      return;
   crt_put(y, 0, ":", 1);
   int used = crt_put_tail(y, 1, before, room - 1);
   free(before);
   ui->prompt_x = 1 + used;
   crt_put(y, ui->prompt_x, text + p->cur, room - used);
   if (ui->prompt_hint[0] && LINES > 1) {
      move(y - 1, 0);
      clrtoeol();
      attrset(crt_attr(CRT_STATUS));
      crt_put_cut(y - 1, 0, ui->prompt_hint, COLS, false);
      attrset(A_NORMAL);
   }
}

/* The screen's source_set_use_hook() hook: whichever view attached a
 * System V segment (the command line's source, Enter in the object list,
 * a reopen), the next status line says so, and :messages keeps it. */
static void source_used(void *ctx, const Source *src, const char *note) {
   Ui *ui = ctx;
   char *spec = escape_dup(src->spec);
   snprintf(ui->notice, sizeof ui->notice, "%s: %s", spec ? spec : "?", _(note));
   free(spec);
   ui->dirty = true;
}

/* The notice replaces the message of the moment (the list's "NAME (q or
 * Esc: back to the list)"), which :messages keeps before it; an error
 * stays on the line, and the notice follows once it is cleared. */
static void post_notice(Ui *ui) {
   if (!ui->notice[0])
      return;
   Session *s = top_session(ui);
   const char *msg = s ? session_message_text(s) : ui->message;
   if (s ? s->message_is_error : ui->message_is_error)
      return;
   log_message(ui, msg);
   ui_message(ui, false, "%s", ui->notice);
   ui->notice[0] = '\0';
}

/* A screen too small for any view: the message of the moment alone on the
 * bottom row (the outcome of the quit question asked there), cut with an
 * ellipsis; :messages has it whole. */
static void draw_message_alone(Ui *ui) {
   Session *s = top_session(ui);
   const char *msg = s ? session_message_text(s) : ui->message ? ui->message : "";
   if (!msg[0] || LINES < 2)
      return;
   log_message(ui, msg);
   move(LINES - 1, 0);
   clrtoeol();
   attrset(crt_attr((s ? s->message_is_error : ui->message_is_error) ? CRT_ERROR : CRT_NORMAL));
   crt_put_cut(LINES - 1, 0, msg, COLS, true);
   attrset(A_NORMAL);
}

static void draw_status(Ui *ui) {
   int y = LINES - 1;
   post_notice(ui);
   move(y, 0);
   clrtoeol();
   if (ui->prompting) {
      draw_prompt(ui, y);
      return;
   }
   char right[160] = "";
   if (ui->top->ops->status)
      ui->top->ops->status(ui->top, right, sizeof right);
   int rlen = (int)crt_cols(right);
   Session *s = top_session(ui);
   const char *msg = s ? session_message_text(s) : ui->message ? ui->message : "";
   bool is_error = s ? s->message_is_error : ui->message_is_error;
   /* An error or a question that does not fit beside the right part gets
    * the whole line, and so does any message the right part would leave
    * less than half the line (a narrow screen: the outcome of the quit
    * question is seen); longer still, or any other message that does not
    * fit, it is cut with an ellipsis and :messages has it whole. */
   int room = COLS - rlen - 1, mlen = (int)crt_cols(msg);
   bool whole = msg[0] && mlen > room && (is_error || room < COLS / 2);
   if (rlen < COLS && !whole) {
      attrset(crt_attr(CRT_STATUS));
      crt_put(y, COLS - rlen, right, rlen);
   }
   if (msg[0]) {
      log_message(ui, msg);
      attrset(crt_attr(is_error ? CRT_ERROR : CRT_NORMAL));
      crt_put_cut(y, 0, msg, whole ? COLS : COLS - rlen - 1, true);
   }
   attrset(A_NORMAL);
}

/* The quit question, over whatever view is on top, in the bottom rows:
 * "WHY: f flush, d discard, s stay" on the status line when it fits;
 * else the choices alone there, never cut, and the why wrapped onto the
 * rows above (at most QUESTION_ROWS, the last one cut with an ellipsis);
 * narrower than the choices, the keys alone ("f/d/s?"). */
#define QUESTION_ROWS 3
static void draw_question(Ui *ui) {
   int y = LINES - 1, cols = COLS;
   const char *choices = _(session_edit_choices);
   int cc = (int)crt_cols(choices), wc = (int)crt_cols(ui->question);
   attrset(crt_attr(CRT_ERROR));
   move(y, 0);
   clrtoeol();
   if (wc + 2 + cc <= cols) {
      int x = crt_put(y, 0, ui->question, cols);
      x += crt_put(y, x, ": ", cols - x);
      crt_put(y, x, choices, cols - x);
      attrset(A_NORMAL);
      return;
   }
   if (cc > cols)
      choices = _(session_edit_choices_short);
   crt_put(y, 0, choices, cols);
   /* the why above it, wrapped: as many rows as it needs, up to the limit */
   int rows = 0;
   for (const char *m = ui->question; *m && rows < QUESTION_ROWS && rows < y; rows++) {
      size_t next;
      textwidth_wrap(m, (size_t)cols, &next);
      m += next ? next : strlen(m);
   }
   const char *m = ui->question;
   for (int r = 0; r < rows && *m; r++) {
      int row = y - rows + r;
      move(row, 0);
      clrtoeol();
      if (r == rows - 1) {
         crt_put_cut(row, 0, m, cols, true);
         break;
      }
      size_t next, end = textwidth_wrap(m, (size_t)cols, &next);
      crt_put_len(row, 0, m, end, cols);
      m += next ? next : strlen(m);
   }
   attrset(A_NORMAL);
}

static void draw(Ui *ui) {
   erase();
   curs_set(0);
   if (COLS < MIN_COLS || LINES < MIN_ROWS) {
      view_draw_too_small(LINES, COLS);
      if (ui->asking_quit)
         draw_question(ui);       /* the keys, however small the screen */
      else
         draw_message_alone(ui);  /* and what the answer did, after it */
   } else {
      ui->top->ops->draw(ui->top, LINES - 1, COLS);
      draw_status(ui);
      if (ui->asking_quit)
         draw_question(ui);
      if (ui->prompting) {
         move(LINES - 1, ui->prompt_x < COLS ? ui->prompt_x : COLS - 1);
         curs_set(1);
      }
   }
   wnoutrefresh(stdscr);
   doupdate();
   ui->dirty = ui->prompt_dirty = false;
}

/* While the prompt takes the keys and nothing else changed: its line alone,
 * the view above as it was drawn (not read again from its object). */
static void draw_prompt_line(Ui *ui) {
   move(LINES - 1, 0);
   clrtoeol();
   draw_prompt(ui, LINES - 1);
   move(LINES - 1, ui->prompt_x < COLS ? ui->prompt_x : COLS - 1);
   curs_set(1);
   wnoutrefresh(stdscr);
   doupdate();
   ui->prompt_dirty = false;
}

/* ---- scripts ------------------------------------------------------------ */

static void script_keys(Ui *ui, const char *text) {
   int ch;
   char name[32];
   while (!ui->quit && script_next_key(&text, &ch, name, sizeof name)) {
      int key = ch >= 0 ? ch : keymap_code(name), y, x;
      if (ch < 0 && keymap_click(name, &y, &x)) {
         crt_set_click(y, x);
         key = CRT_KEY_CLICK;
      }
      if (key < 0) {
         ui_message(ui, true, _("script line %u: unknown key <%s>"), ui->script.line_no, name);
         continue;
      }
      handle_key(ui, key == '\n' ? '\r' : key);
      if (ui_session(ui)) {
         session_check_size(ui_session(ui));
         session_check_identity(ui_session(ui));
      }
      draw(ui);
   }
}

static void script_sync(Ui *ui, const char *path) {
   char size[32];
   draw(ui);
   snprintf(size, sizeof size, "%dx%d\n", COLS, LINES);   /* the size the screen was drawn at */
   int rc = script_sync_create(path, size);
   if (rc == 0)
      return;
   char *shown = escape_dup(path);                       /* the script's bytes */
   ui_message(ui, true, _("script line %u: %s: cannot create it (%s)"), ui->script.line_no,
              shown ? shown : "?", strerror(rc));
   free(shown);
   draw(ui);                                             /* the message on the screen now */
}

/* A line of a tour script: its word as the key or command it stands for. */
static void tour_word(Ui *ui) {
   TourCmd c = tour_script_line(ui->script.line, ui->script.flaw);
   char cmd[32];
   switch (c.kind) {
   case TOUR_CMD_NEXT: handle_key(ui, 'n'); break;
   case TOUR_CMD_PREV: handle_key(ui, 'p'); break;
   case TOUR_CMD_QUIT: handle_key(ui, 'q'); break;
   case TOUR_CMD_SYNC: script_sync(ui, c.path); return;
   case TOUR_CMD_STEP:
      snprintf(cmd, sizeof cmd, "step %zu", c.step + 1);
      run_command(ui, cmd);
      break;
   case TOUR_CMD_BAD: {
      Error e;
      error_set(&e, ERR_USAGE, 0, "%s %u: '%.60s': %s (%s)", _("script line"),
                ui->script.line_no, ui->script.line, _(c.why), _(tour_script_usage));
      ui_fail(ui, &e);
      return;
   }
   case TOUR_CMD_NONE:
   default:
      return;
   }
   draw(ui);
}

/* A line that is no key, command or @sync: said, escaped (the script's
 * bytes), and not carried out. */
static void script_bad(Ui *ui, const char *text) {
   char *shown = escape_dup(text);
   if (ui->script.flaw)
      ui_message(ui, true, _("script line %u: %s"), ui->script.line_no, _(ui->script.flaw));
   else
      ui_message(ui, true, _("script line %u: unknown directive %s"), ui->script.line_no,
                 shown ? shown : "?");
   free(shown);
}

/* Carry out the next buffered script line; false when none is buffered. */
static bool script_step(Ui *ui) {
   const char *text;
   ScriptKind kind = script_next(&ui->script, &text);
   if (ui->tour_words && kind != SCRIPT_NONE && kind != SCRIPT_END) {
      tour_word(ui);
      return true;
   }
   switch (kind) {
   case SCRIPT_KEYS:    script_keys(ui, text); return true;
   case SCRIPT_COMMAND: run_command(ui, text); draw(ui); return true;
   case SCRIPT_SYNC:    script_sync(ui, text); return true;
   case SCRIPT_BAD:
      script_bad(ui, text);
      return true;
   case SCRIPT_END:
      script_close(&ui->script);
      ui->scripting = false;
      return true;
   case SCRIPT_NONE:
   default:
      return false;
   }
}

/* ---- the loop ----------------------------------------------------------- */

/* The type lookup's descriptor, -1 when none runs. */
static int magic_fd(Ui *ui) {
   Session *s = ui_session(ui);
   return s ? session_magic_fd(s) : -1;
}

/* After a screen is drawn: the type lookup it wants is due shortly (at
 * once for scripts, which see finished screens). */
static void schedule_magic(Ui *ui) {
   Session *s = ui_session(ui);
   if (!s || !s->magic_wanted || ui->magic_due)
      return;
   if (ui->scripting)
      session_magic_start(s);
   else
      ui->magic_due = platform_clock_ms() + MAGIC_DELAY_MS;
}

/* Milliseconds until the lookup is due (-1: none is), starting it when due. */
static int magic_wait(Ui *ui) {
   Session *s = ui_session(ui);
   if (!ui->magic_due || !s) {
      ui->magic_due = 0;
      return -1;
   }
   uint64_t now = platform_clock_ms();
   if (now < ui->magic_due)
      return (int)(ui->magic_due - now);
   ui->magic_due = 0;
   session_magic_start(s);
   return -1;
}

/* The background job of the top view (view.h job_fd), -1 when none runs. */
static int view_job_fd(Ui *ui) {
   return ui->top && ui->top->ops->job_fd ? ui->top->ops->job_fd(ui->top) : -1;
}

/* Whether KEY, about to be handled, changes the prompt's line alone: typed
 * into the prompt, with no word shown above it (Tab's candidates, a key
 * refused), on a screen big enough to have the line. */
static bool prompt_line_key(const Ui *ui, int key) {
   return ui->prompting && !ui->prompt_hint[0] && !ui->asking_quit && key != KEY_RESIZE
          && COLS >= MIN_COLS && LINES >= MIN_ROWS;
}

/* KEY, then, while the prompt takes them, every key typed ahead (a paste):
 * the screen is drawn once after them all, as each would have left it.
 * Any other key is handled alone, the screen drawn before the next, as
 * views lay out and messages are kept (:messages) when drawn.  True when
 * only the prompt's line changed. */
static bool handle_keys(Ui *ui, int key) {
   bool line_only = true;
   for (;;) {
      line_only = line_only && prompt_line_key(ui, key);
      handle_key(ui, key);
      if (!ui->prompting || ui->quit || crt_quit_requested() || crt_quit_interrupted())
         break;
      if ((key = crt_pending_key()) == CRT_KEY_NONE)
         break;
   }
   return line_only && prompt_line_key(ui, 0);
}

static void wait_and_handle(Ui *ui) {
   int fds[3] = { ui->scripting ? ui->script.fd : -1, magic_fd(ui), view_job_fd(ui) };
   bool ready[3];
   int timeout = SIZE_CHECK_MS;
   int magic = magic_wait(ui);
   if (magic >= 0 && magic < timeout)
      timeout = magic;
   int due = ui->top->ops->timer ? ui->top->ops->timer(ui->top) : -1;
   if (due >= 0 && due < timeout)
      timeout = due;
   int key = crt_wait(timeout, fds, 3, ready);
   bool script_ready = ready[0];
   if (ready[1]) {
      session_magic_collect(ui_session(ui), SIZE_CHECK_MS);
      ui->dirty = true;
   }
   if (ready[2]) {
      ui->top->ops->job_done(ui->top, SIZE_CHECK_MS);
      ui->dirty = true;
   }
   if (script_ready) {
      Error e;
      if (!script_fill(&ui->script, &e))
         ui_message(ui, true, _("script: %s"), _(error_message(e.code)));
   }
   if (key != CRT_KEY_NONE) {
      if (handle_keys(ui, key))
         ui->prompt_dirty = true;
      else
         ui->dirty = true;
   }
   if ((ui_session(ui) && session_check_size(ui_session(ui))) || script_ready)
      ui->dirty = true;
   if (ui_session(ui) && key == CRT_KEY_NONE && session_check_identity(ui_session(ui)))
      ui->dirty = true;             /* the periodic look: mv new f, shm made again */
   for (View *v = ui->top; v; v = v->below)
      if (v->ops->tick && v->ops->tick(v))
         ui->dirty = true;
   if (ui->top && ui->top->ops->timer && ui->top->ops->timer(ui->top) == 0)
      ui->dirty = true;
}

static void loop(Ui *ui) {
   ui->dirty = true;
   while (!ui->quit && ui->top) {
      if (crt_quit_interrupted() && edits_pending(ui)) {
         crt_quit_clear();            /* Ctrl-C asks too */
         if (ui->asking_quit)
            ask_quit_key(ui, 's');
         else
            ui_request_quit(ui);
         ui->dirty = true;
      }
      if (crt_quit_requested())
         break;
      if (crt_handle_suspend()) {
         clearok(curscr, TRUE);
         ui->dirty = true;
      }
      if (ui->dirty) {
         draw(ui);
         /* The first screen is up: the rest of the locale, before any child
          * starts; drawn again in the rare case that changed it. */
         ui->dirty = startlocale_finish();
         schedule_magic(ui);          /* never before the first screen */
      } else if (ui->prompt_dirty) {
         draw_prompt_line(ui);
      }
      /* Scripts see finished screens: the type is known before they go on. */
      if (ui->scripting && magic_fd(ui) >= 0) {
         session_magic_collect(ui_session(ui), INSPECT_TIMEOUT_MS);
         ui->dirty = true;
         continue;
      }
      if (ui->scripting && view_job_fd(ui) >= 0) {
         ui->top->ops->job_done(ui->top, INSPECT_TIMEOUT_MS);
         ui->dirty = true;
         continue;
      }
      if (ui->scripting && script_step(ui))
         continue;
      wait_and_handle(ui);
   }
}

/* The screen ends without asking (SIGTERM, SIGHUP, SIGQUIT, a failure)
 * while edits are pending: what each view drops, into OUT (at most MAX
 * lines), to be said once the terminal is back.  Returns how many. */
#define DROPPED_MAX 4
static size_t dropped_edits(Ui *ui, char out[][512], size_t max) {
   const char *cause = crt_quit_name() ? crt_quit_name() : _("an error");
   size_t n = 0;
   for (View *v = ui->top; v && n < max; v = v->below) {
      Session *s = v->ops->session ? v->ops->session(v) : NULL;
      if (s && session_edit_dropped(s, cause, out[n], sizeof out[n]))
         n++;
   }
   return n;
}

static int start_script(Ui *ui, const Options *o) {
   const char *path = o->script ? o->script : getenv("MAPSCOPE_SCRIPT");
   if (!path || !*path)
      return -1;
   Error e;
   if (!script_open(&ui->script, path, &e))
      return diag_error(path, &e);
   ui->scripting = true;
   return -1;
}

static void run_startup_commands(Ui *ui, const Options *o) {
   for (unsigned i = 0; i < o->command_count && !ui->quit; i++) {
      run_command(ui, o->commands[i]);
      Session *s = top_session(ui);
      if (s ? s->message_is_error : ui->message_is_error)
         break;
   }
}

static CrtColorMode color_mode(const Options *o) {
   switch (o->color) {
   case OPTIONS_COLOR_ALWAYS: return CRT_COLOR_ALWAYS;
   case OPTIONS_COLOR_NEVER:  return CRT_COLOR_NEVER;
   default:                   return CRT_COLOR_AUTO;
   }
}

static int run(const Options *o, const ObjTableScope *objects) {
   static Ui ui;
   SessionConfig cfg = { o->granularity, o->window_size, o->offset, true, o->write, NULL };
   Error e;
   ui.open_cfg = cfg;
   ui.forced_cols = o->cols;
   ui.refresh_ms = o->refresh_ms;
   /* The first view: the hex view of O->source (opened before the terminal
    * starts, so a bad source is a plain message), or the object list. */
   View *first = NULL;
   int pid;
   source_set_use_hook(source_used, &ui);      /* the screen, not standard error, says it */
   if (o->source && regtable_spec_is_process(o->source, &pid))
      first = view_regions_new(&ui, pid, &e);      /* pid:PID: its regions */
   else if (o->source)
      first = view_hex_open(&ui, o->source, &cfg, &e);
   if (o->source && !first)
      return diag_error(o->source, &e);
   if (o->mode == MODE_TOUR && !(first = view_tour_new(&ui, &e)))
      return diag_error(_("the tour"), &e);
   ui.tour_words = o->mode == MODE_TOUR;
   int status = start_script(&ui, o);
   if (status < 0 && !crt_start(color_mode(o))) {
      error_set(&e, ERR_TERMINAL, 0, "%s", _("standard input and output must be a terminal"));
      status = diag_error(NULL, &e);
   }
   if (status < 0) {
      ui_push(&ui, first ? first : view_objects_new(&ui, objects, o));
      first = NULL;
      if (o->command_count)
         startlocale_finish();      /* commands may start children or lists */
      run_startup_commands(&ui, o);
      loop(&ui);
      char dropped[DROPPED_MAX][512];
      size_t nd = dropped_edits(&ui, dropped, DROPPED_MAX);
      while (ui.top)
         ui_pop(&ui);
      crt_stop();
      status = ui.failed ? diag_error(NULL, &ui.failure) : crt_quit_status();
      for (size_t i = 0; i < nd; i++)      /* the terminal is itself again */
         diag_warn("%s", dropped[i]);
   }
   if (ui.scripting)
      script_close(&ui.script);
   prompt_free(&ui.prompt);
   if (first)
      first->ops->close(first);
   source_set_use_hook(objfmt_report_use, NULL);
   if (ui.notice[0])
      diag_warn("%s", ui.notice);         /* never shown on a screen */
   return status;
}

int ui_main(const Options *o) {
   return run(o, NULL);
}

int ui_main_objects(const Options *o, const ObjTableScope *objects) {
   return run(o, objects);
}

int ui_main_tour(const Options *o) {
   return run(o, NULL);
}

bool ui_terminal(void) {
   return crt_terminal();
}
