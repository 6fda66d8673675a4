/* ui.c - the screen's main loop: the view stack, the status line and
 * prompt, start-up commands and key scripts. */
#include "config.h"

#include "ui/ui.h"
#include "ui/crt.h"
#include "ui/keymap.h"
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
#define HISTORY 32
#define COUNT_MAX 1000000000UL  /* a count prefix stops growing here */

struct Ui {
   View *top;
   char message[256];             /* the status line's own message, "" for none */
   bool message_is_error;
   bool quit;
   bool prompting;
   char prompt[256];
   size_t prompt_len;
   int prompt_x;                  /* the prompt's cursor column */
   char history[HISTORY][256];
   unsigned history_count, history_at;
   unsigned forced_cols;
   unsigned refresh_ms;           /* --refresh, 0: the live view's default */
   Script script;
   bool scripting;
   bool tour_words;               /* the script is a tour script (--tour --script) */
   bool dirty;
   bool asking_quit;              /* edits pending: flush, discard or stay? */
   bool leave_to_list;            /* ... and then back to the list, not out */
   unsigned long count;           /* a count typed before a key (5j), 0: none */
   char log[UI_LOG_MAX][256];     /* the messages shown, oldest first (:messages) */
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

void ui_message(Ui *ui, bool is_error, const char *fmt, ...) {
   char text[sizeof ui->message];
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(text, sizeof text, fmt, ap);
   va_end(ap);
   Session *s = top_session(ui);
   if (s) {
      session_message(s, is_error, "%s", text);
      return;
   }
   memcpy(ui->message, text, sizeof text);
   ui->message_is_error = is_error;
}

void ui_clear_message(Ui *ui) {
   Session *s = top_session(ui);
   if (s)
      session_clear_message(s);
   ui->message[0] = '\0';
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

/* With edits not flushed, leaving asks first (ask_quit_key answers), in
 * every view that shows an object. */
static void request_leave(Ui *ui, bool to_list) {
   if (!edits_pending(ui)) {
      leave_now(ui, to_list);
      return;
   }
   ui->asking_quit = true;
   ui->leave_to_list = to_list;
   session_edit_ask_quit(ui_session(ui));
}

void ui_request_quit(Ui *ui) { request_leave(ui, false); }

/* Whether q in V goes back to the list (V is an object opened there). */
static bool goes_back(const View *v) {
   return v == v->ui->source_view && v->below;
}

static void ask_quit_key(Ui *ui, int key) {
   Session *s = ui_session(ui);
   ui->asking_quit = false;
   if (key == 'f' || key == 'F') {
      if (session_edit_flush(s, false))
         leave_now(ui, ui->leave_to_list);
   } else if (key == 'd' || key == 'D') {
      session_edit_discard(s);
      leave_now(ui, ui->leave_to_list);
   } else {
      session_message(s, false, "%s", _("stayed: the edits are still pending"));
   }
}

unsigned long ui_count(Ui *ui) { return ui->count ? ui->count : 1; }
bool ui_has_count(Ui *ui) { return ui->count != 0; }

const char *ui_log(Ui *ui, unsigned i) {
   return i < ui->log_count ? ui->log[i] : NULL;
}

/* Keep the message shown now for :messages (once, however often drawn). */
static void log_message(Ui *ui, const char *msg) {
   if (!msg[0] || (ui->log_count && strcmp(ui->log[ui->log_count - 1], msg) == 0))
      return;
   if (ui->log_count == UI_LOG_MAX) {
      memmove(ui->log[0], ui->log[1], sizeof ui->log[0] * (UI_LOG_MAX - 1));
      ui->log_count--;
   }
   snprintf(ui->log[ui->log_count++], sizeof ui->log[0], "%s", msg);
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
   ui->prompting = true;
   snprintf(ui->prompt, sizeof ui->prompt, "%s", initial);
   ui->prompt_len = strlen(ui->prompt);
   ui->history_at = ui->history_count;
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

/* Run one command line; the status line says how it went. */
static void run_command(Ui *ui, const char *line) {
   Session *s = ui_session(ui);
   CommandSet sets[] = {
      { ui->top->ops->commands, ui->top->ops->command_count, ui->top },
      { global_commands, sizeof global_commands / sizeof global_commands[0], ui },
      { session_commands, s ? session_command_count : 0, s },
   };
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

static void remember(Ui *ui, const char *line) {
   if (!*line)
      return;
   if (ui->history_count == HISTORY) {
      memmove(ui->history[0], ui->history[1], sizeof ui->history[0] * (HISTORY - 1));
      ui->history_count--;
   }
   snprintf(ui->history[ui->history_count++], sizeof ui->history[0], "%s", line);
}

static void recall(Ui *ui, int step) {
   if (step < 0 && ui->history_at > 0)
      ui->history_at--;
   else if (step > 0 && ui->history_at < ui->history_count)
      ui->history_at++;
   const char *text = ui->history_at < ui->history_count ? ui->history[ui->history_at] : "";
   snprintf(ui->prompt, sizeof ui->prompt, "%s", text);
   ui->prompt_len = strlen(ui->prompt);
}

static void prompt_key(Ui *ui, int key) {
   if (key == '\r' || key == '\n' || key == KEY_ENTER) {
      char line[256];
      snprintf(line, sizeof line, "%s", ui->prompt);
      ui->prompting = false;
      remember(ui, line);
      run_command(ui, line);
   } else if (key == KEYMAP_ESC || key == KEYMAP_CTRL('g')) {
      ui->prompting = false;
   } else if (key == KEY_BACKSPACE || key == 127 || key == KEYMAP_CTRL('h')) {
      if (ui->prompt_len == 0)
         ui->prompting = false;
      else                               /* a whole character, not one byte */
         ui->prompt[ui->prompt_len = textwidth_last_char(ui->prompt, ui->prompt_len)] = '\0';
   } else if (key == KEYMAP_CTRL('u')) {
      ui->prompt[ui->prompt_len = 0] = '\0';
   } else if (key == KEY_UP || key == KEY_DOWN) {
      recall(ui, key == KEY_UP ? -1 : 1);
   } else if (key >= 0x20 && key <= 0xff && key != 0x7f && ui->prompt_len + 1 < sizeof ui->prompt) {
      /* bytes 0x80-0xff: the UTF-8 the terminal sends, a byte at a time */
      ui->prompt[ui->prompt_len++] = (char)key;
      ui->prompt[ui->prompt_len] = '\0';
   }
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
   const char *msg = s ? s->message : ui->message;
   if (s ? s->message_is_error : ui->message_is_error)
      return;
   log_message(ui, msg);
   ui_message(ui, false, "%s", ui->notice);
   ui->notice[0] = '\0';
}

static void draw_status(Ui *ui) {
   int y = LINES - 1;
   post_notice(ui);
   move(y, 0);
   clrtoeol();
   if (ui->prompting) {
      /* the end of a line longer than the screen: where the typing is;
       * shown escaped, while the command gets the bytes typed */
      crt_put(y, 0, ":", 1);
      ui->prompt_x = 1 + crt_put_tail(y, 1, ui->prompt, COLS - 2);
      return;
   }
   char right[160] = "";
   if (ui->top->ops->status)
      ui->top->ops->status(ui->top, right, sizeof right);
   int rlen = (int)crt_cols(right);
   Session *s = top_session(ui);
   const char *msg = s ? s->message : ui->message;
   bool is_error = s ? s->message_is_error : ui->message_is_error;
   /* An error or a question that does not fit beside the right part gets
    * the whole line; longer still, or any other message that does not
    * fit, it is cut with an ellipsis and :messages has it whole. */
   bool whole = msg[0] && is_error && (int)crt_cols(msg) > COLS - rlen - 1;
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

static void draw(Ui *ui) {
   erase();
   curs_set(0);
   if (COLS < MIN_COLS || LINES < MIN_ROWS) {
      view_draw_too_small(LINES, COLS);
   } else {
      ui->top->ops->draw(ui->top, LINES - 1, COLS);
      draw_status(ui);
      if (ui->prompting) {
         move(LINES - 1, ui->prompt_x < COLS ? ui->prompt_x : COLS - 1);
         curs_set(1);
      }
   }
   wnoutrefresh(stdscr);
   doupdate();
   ui->dirty = false;
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
      handle_key(ui, key);
      ui->dirty = true;
   }
   if ((ui_session(ui) && session_check_size(ui_session(ui))) || key != CRT_KEY_NONE
       || script_ready)
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
