/* crt.c - curses start and stop, signals, colours and keys. */
#include "config.h"

#include "ui/crt.h"
#include "core/escape.h"
#include "core/textwidth.h"
#include "app/diag.h"
#include "platform/files.h"
#include "platform/terminal.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

static bool active, utf8, color;
static int attrs[CRT_STYLE_COUNT];

static bool want_color(CrtColorMode mode) {
   if (mode == CRT_COLOR_NEVER || !has_colors())
      return false;
   const char *no = getenv("NO_COLOR");
   return mode == CRT_COLOR_ALWAYS || !(no && *no);
}

/* Colours where there are colours; a distinct look where there are none. */
static void setup_styles(CrtColorMode mode) {
   /* OVER: drawn over another style (its attribute only, no colour pair of
    * its own, so the style beneath keeps its colours). */
   static const struct { short fg, bg; int extra, mono; bool over; } look[CRT_STYLE_COUNT] = {
      [CRT_NORMAL]     = { -1, -1, 0, 0 },
      [CRT_TITLE]      = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
      [CRT_STATUS]     = { -1, -1, A_BOLD, A_BOLD },
      [CRT_ERROR]      = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
      [CRT_OFFSET]     = { COLOR_YELLOW, -1, 0, 0 },
      [CRT_BYTE_NUL]   = { COLOR_BLUE, -1, A_BOLD, A_DIM },
      [CRT_BYTE_PRINT] = { -1, -1, 0, 0 },
      [CRT_BYTE_SPACE] = { COLOR_GREEN, -1, 0, 0 },
      [CRT_BYTE_OTHER] = { COLOR_MAGENTA, -1, 0, A_BOLD },
      [CRT_CURSOR]     = { -1, -1, A_REVERSE, A_REVERSE, true },
      [CRT_PANE]       = { COLOR_CYAN, -1, 0, 0 },
      [CRT_HEADING]    = { -1, -1, A_BOLD, A_BOLD },
      [CRT_EDITED]     = { COLOR_RED, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
      [CRT_CURSOR_OTHER] = { -1, -1, A_UNDERLINE, A_UNDERLINE, true },
      [CRT_MATCH]      = { COLOR_BLACK, COLOR_YELLOW, 0, A_STANDOUT | A_DIM },
      [CRT_CHANGED]    = { COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_BLINK },
      [CRT_CHANGED_2]  = { COLOR_WHITE, COLOR_MAGENTA, 0, A_BLINK },
      [CRT_CHANGED_1]  = { COLOR_RED, -1, A_BOLD, A_ITALIC },
   };
   color = want_color(mode);
   if (color) {
      start_color();
      use_default_colors();
   }
   for (int i = 0; i < CRT_STYLE_COUNT; i++) {
      if (!color) {
         attrs[i] = look[i].mono;
         continue;
      }
      /* Every style but the cursors has a colour pair, the terminal's
       * default colours included: a change between two styles is then one
       * colour escape, never the reset of every attribute (sgr0 and a
       * shift-in) that curses sends on the way back to no pair at all. */
      attrs[i] = look[i].extra;
      if (look[i].over)
         continue;
      init_pair((short)(i + 1), look[i].fg, look[i].bg);   /* pair 0 is fixed */
      attrs[i] |= (int)COLOR_PAIR(i + 1);
   }
   if (color)       /* what erase() leaves and text drawn in no style takes */
      bkgdset((chtype)' ' | (chtype)attrs[CRT_NORMAL]);
}

bool crt_terminal(void) {
   return platform_terminal_interactive();
}

bool crt_start(CrtColorMode mode) {
   if (!platform_terminal_interactive())
      return false;
   utf8 = platform_terminal_utf8();
   if (!getenv("ESCDELAY"))
      set_escdelay(25);
   if (!newterm(NULL, stdout, stdin))
      return false;
   active = true;
   diag_set_terminal_hook(crt_stop);
   atexit(crt_stop);
   cbreak();
   /* C-s is a key here (search, as in hexedit), not "stop output"; endwin()
    * puts the user's settings back, flow control with them */
   platform_terminal_flow_control_off();
   def_prog_mode();
   noecho();
   nonl();
   intrflush(stdscr, FALSE);
   keypad(stdscr, TRUE);
   nodelay(stdscr, TRUE);
   curs_set(0);
   mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
   mouseinterval(0);
   setup_styles(mode);
   platform_terminal_signals_begin();
   return true;
}

void crt_stop(void) {
   if (!active)
      return;
   active = false;
   curs_set(1);
   endwin();
   platform_terminal_signals_end();
}

const char *crt_ellipsis(void) {
   return crt_utf8() ? "\xe2\x80\xa6" : "...";
}

/* Longer than any screen line, escapes included. */
#define TEXT_MAX 4096

char *crt_safe(char *out, size_t outsz, const char *text) {
   escape_screen_into(out, outsz, text ? text : "");
   return out;
}

size_t crt_cols(const char *text) {
   char buf[TEXT_MAX];
   return textwidth_cols(crt_safe(buf, sizeof buf, text));
}

/* The one call that hands text to curses: SAFE has been through crt_safe(). */
static int put_safe(int y, int x, const char *safe, int cols) {
   char buf[TEXT_MAX];
   if (x < COLS && cols > COLS - x)  /* curses would wrap the rest onto the next row */
      cols = COLS - x;
   if (cols <= 0 || x >= COLS)
      return 0;
   size_t used, len = textwidth_fit(safe, (size_t)cols, &used);
   snprintf(buf, sizeof buf, "%.*s", (int)len, safe);
   mvaddstr(y, x, buf);
   return (int)used;
}

int crt_put(int y, int x, const char *text, int cols) {
   char safe[TEXT_MAX];
   return put_safe(y, x, crt_safe(safe, sizeof safe, text), cols);
}

int crt_put_len(int y, int x, const char *text, size_t len, int cols) {
   char part[TEXT_MAX];
   snprintf(part, sizeof part, "%.*s", (int)(len < sizeof part ? len : sizeof part - 1), text);
   return crt_put(y, x, part, cols);
}

int crt_put_cut(int y, int x, const char *text, int cols, bool words) {
   char safe[TEXT_MAX], buf[TEXT_MAX];
   if (cols <= 0)
      return 0;
   crt_safe(safe, sizeof safe, text);
   textwidth_cut(buf, sizeof buf, safe, (size_t)cols, crt_ellipsis(), words);
   return put_safe(y, x, buf, cols);
}

int crt_put_tail(int y, int x, const char *text, int cols) {
   char safe[TEXT_MAX];
   const char *shown = crt_safe(safe, sizeof safe, text);
   while (*shown && textwidth_cols(shown) > (size_t)(cols > 0 ? cols : 0))
      do                                /* one whole character */
         shown++;
      while ((*shown & 0xc0) == 0x80);
   return put_safe(y, x, shown, cols);
}

bool crt_utf8(void) {
   return utf8;
}

int crt_attr(CrtStyle style) {
   return (unsigned)style < CRT_STYLE_COUNT ? attrs[style] : 0;
}

static int click_y = -1, click_x = -1;

bool crt_click(int *y, int *x) {
   *y = click_y;
   *x = click_x;
   return click_y >= 0 && click_x >= 0;
}

void crt_set_click(int y, int x) {
   click_y = y;
   click_x = x;
}

static int translate_mouse(void) {
   MEVENT ev;
   if (getmouse(&ev) != OK)
      return CRT_KEY_NONE;
   if (ev.bstate & BUTTON4_PRESSED)
      return CRT_KEY_WHEEL_UP;
   if (ev.bstate & BUTTON5_PRESSED)
      return CRT_KEY_WHEEL_DOWN;
   if (ev.bstate & BUTTON1_PRESSED) {
      crt_set_click(ev.y, ev.x);
      return CRT_KEY_CLICK;
   }
   return CRT_KEY_NONE;
}

static int read_key(void) {
   int ch = getch();
   if (ch == ERR)
      return CRT_KEY_NONE;
   return ch == KEY_MOUSE ? translate_mouse() : ch;
}

int crt_pending_key(void) {
   return read_key();               /* nodelay: ERR at once when none is pending */
}

int crt_wait(int timeout_ms, const int *fds, size_t n, bool *ready) {
   PlatformHandle all[5] = { platform_terminal_input() };
   bool got[5];
   size_t m = 1;
   for (size_t i = 0; i < n; i++)
      ready[i] = false;
   int key = read_key();            /* curses may hold keys it has read already */
   if (key != CRT_KEY_NONE || platform_terminal_signalled())
      return key;
   for (size_t i = 0; i < n && m < 5; i++)
      if (fds[i] >= 0)
         all[m++] = fds[i];
   if (platform_wait_readable(all, got, m, timeout_ms) != 0)
      return read_key();            /* a signal: KEY_RESIZE may be waiting */
   for (size_t i = 0, j = 1; i < n && j < m; i++)
      if (fds[i] >= 0)
         ready[i] = got[j++];
   if (!got[0])
      return CRT_KEY_NONE;
   key = read_key();
   if (key == CRT_KEY_NONE)
      platform_terminal_check_hangup();   /* readable, no key: is the terminal gone? */
   return key;
}

bool crt_quit_requested(void) {
   return platform_terminal_quit_requested();
}

bool crt_quit_interrupted(void) {
   return platform_terminal_quit_interrupted();
}

void crt_quit_clear(void) {
   platform_terminal_quit_clear();
}

int crt_quit_status(void) {
   return platform_terminal_quit_status();
}

const char *crt_quit_name(void) {
   return platform_terminal_quit_name();
}

bool crt_handle_suspend(void) {
   bool redraw = platform_terminal_take_continue();
   if (!platform_terminal_take_suspend())
      return redraw;
   def_prog_mode();
   endwin();
   platform_terminal_suspend();     /* stopped here until continued */
   reset_prog_mode();
   return true;
}
