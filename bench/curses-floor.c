/* curses-floor.c - the least a curses program does before its first
 * screen: optionally the locale (setlocale(LC_ALL, "")), then initscr(),
 * one line at the bottom, refresh(), and a wait to be killed.
 *
 *   curses-floor [--locale] TEXT
 *
 * bench/viewer.sh builds it twice, against the wide library (ncursesw)
 * with --locale, as a program that shows UTF-8 must, and against the
 * narrow one (ncurses) without, as hexedit does, and times both with
 * bench/first-screen.c: the difference is what the library and the locale
 * cost before any program's own work. */
#include <curses.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
   int i = 1;
   if (i < argc && strcmp(argv[i], "--locale") == 0) {
      setlocale(LC_ALL, "");
      i++;
   }
   if (i >= argc)
      return 2;
   initscr();
   mvaddstr(LINES - 1, 0, argv[i]);
   refresh();
   for (;;)
      pause();
}
