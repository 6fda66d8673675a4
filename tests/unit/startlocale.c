/* startlocale.c - the locale in two steps ends where setlocale(LC_ALL, "")
 * would have: each case runs in a child of its own (each step acts once
 * per process), with the environment it names. */
#include "config.h"

#include "app/startlocale.h"

#include <limits.h>
#include <locale.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static const char *cat(int c) {
   const char *v = setlocale(c, NULL);
   return v ? v : "(null)";
}

/* A child's checks: each failure a comment on stderr; the child's exit
 * status is the parent's one test point for the case. */
static int child_check(bool cond, const char *what) {
   if (!cond)
      fprintf(stderr, "# failed: %s\n", what);
   return cond ? 0 : 1;
}

static void in_child(const char *name, int (*body)(void)) {
   fflush(stdout);
   pid_t p = fork();
   if (p == 0)
      _exit(body());
   int st = 0;
   ok(p > 0 && waitpid(p, &st, 0) == p && WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s", name);
}

static int one_locale(void) {
   setenv("LC_ALL", "C.UTF-8", 1);
   int bad = 0;
   startlocale_begin();
   bad |= child_check(!strcmp(cat(LC_CTYPE), "C.UTF-8"), "begin: LC_CTYPE");
   bad |= child_check(!strcmp(cat(LC_MESSAGES), "C.UTF-8"), "begin: LC_MESSAGES");
   bad |= child_check(!strcmp(cat(LC_NUMERIC), "C.UTF-8"), "begin: LC_NUMERIC");
   bad |= child_check(!strcmp(cat(LC_TIME), "C"), "begin: LC_TIME not yet");
   bad |= child_check(!strcmp(cat(LC_COLLATE), "C"), "begin: LC_COLLATE not yet");
   bad |= child_check(!startlocale_finish(), "finish: nothing to draw again");
   bad |= child_check(!strcmp(cat(LC_ALL), "C.UTF-8"), "finish: every category");
   bad |= child_check(!startlocale_finish(), "finish twice");
   bad |= child_check(!strcmp(cat(LC_ALL), "C.UTF-8"), "finish twice: unchanged");
   return bad;
}

static int several_locales(void) {
   unsetenv("LC_ALL");
   setenv("LANG", "C.UTF-8", 1);
   setenv("LC_TIME", "C", 1);
   int bad = 0;
   startlocale_begin();                 /* several names: all at once */
   bad |= child_check(!strcmp(cat(LC_CTYPE), "C.UTF-8"), "LC_CTYPE from LANG");
   bad |= child_check(!strcmp(cat(LC_COLLATE), "C.UTF-8"), "LC_COLLATE at once");
   bad |= child_check(!strcmp(cat(LC_TIME), "C"), "LC_TIME its own");
   bad |= child_check(!startlocale_finish(), "finish: nothing left");
   bad |= child_check(!strcmp(cat(LC_COLLATE), "C.UTF-8"), "finish: unchanged");
   return bad;
}

static int no_such_locale(void) {
   setenv("LC_ALL", "xx_XX.nonexistent", 1);
   int bad = 0;
   startlocale_begin();
   bad |= child_check(!strcmp(cat(LC_ALL), "C"), "begin: all C");
   bad |= child_check(!startlocale_finish(), "finish: nothing to draw again");
   bad |= child_check(!strcmp(cat(LC_ALL), "C"), "finish: all C");
   return bad;
}

static char locdir[256];

/* A locale with the three first categories and no LC_TIME: setlocale(LC_ALL,
 * "") fails on it and leaves "C"; so must the two steps in the end. */
static int partial_locale(void) {
   setenv("LOCPATH", locdir, 1);
   setenv("LC_ALL", "xx_XX.UTF-8", 1);
   int bad = 0;
   startlocale_begin();
   bad |= child_check(!strcmp(cat(LC_CTYPE), "xx_XX.UTF-8"), "begin: LC_CTYPE set");
   bad |= child_check(startlocale_finish(), "finish: the screen must be drawn again");
   bad |= child_check(!strcmp(cat(LC_ALL), "C"), "finish: all C, as setlocale(LC_ALL, \"\")");
   return bad;
}

static bool make_partial(void) {
   char dir[512], from[512], to[1024];
   static const char *const cats[] = { "LC_CTYPE", "LC_MESSAGES", "LC_NUMERIC" };
   tap_scratch(locdir, sizeof locdir, "startlocale");
   if (!mkdtemp(locdir))
      return false;
   snprintf(dir, sizeof dir, "%s/xx_XX.UTF-8", locdir);
   if (mkdir(dir, 0700) != 0)
      return false;
   for (size_t i = 0; i < 3; i++) {
      snprintf(from, sizeof from, "/usr/lib/locale/C.utf8/%s", cats[i]);
      snprintf(to, sizeof to, "%s/%s", dir, cats[i]);
      if (access(from, R_OK) != 0 || symlink(from, to) != 0)
         return false;
   }
   return true;
}

static void remove_partial(void) {
   static const char *const cats[] = { "LC_CTYPE", "LC_MESSAGES", "LC_NUMERIC" };
   char p[1024];
   for (size_t i = 0; i < 3; i++) {
      snprintf(p, sizeof p, "%s/xx_XX.UTF-8/%s", locdir, cats[i]);
      unlink(p);
   }
   snprintf(p, sizeof p, "%s/xx_XX.UTF-8", locdir);
   rmdir(p);
   rmdir(locdir);
}

int main(void) {
   plan_lazy();
   if (!setlocale(LC_ALL, "C.UTF-8")) {
      skip("no C.UTF-8 locale here", "the two steps");
      return done_testing();
   }
   setlocale(LC_ALL, "C");
   in_child("one locale for all: three categories first, the rest at finish", one_locale);
   in_child("several locales named: all at once", several_locales);
   in_child("no such locale: \"C\" throughout", no_such_locale);
   if (make_partial())
      in_child("a locale without LC_TIME: \"C\" in the end, screen drawn again", partial_locale);
   else
      skip("no /usr/lib/locale/C.utf8 to build a partial locale from", "partial locale");
   if (*locdir)
      remove_partial();
   return done_testing();
}
