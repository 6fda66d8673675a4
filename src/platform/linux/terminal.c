/* terminal.c - the Linux implementation of platform/terminal.h. */
#include "config.h"

#include "platform/terminal.h"

#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <termios.h>
#include <string.h>
#include <unistd.h>

void platform_terminal_flow_control_off(void) {
   struct termios t;
   if (tcgetattr(STDIN_FILENO, &t) != 0)
      return;
   t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
   tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

static volatile sig_atomic_t quit_flag, suspend_flag, continue_flag;

static void on_quit(int sig) {
   quit_flag = sig;
}

static void on_suspend(int sig) {
   (void)sig;
   suspend_flag = 1;
}

static void on_continue(int sig) {
   (void)sig;
   continue_flag = 1;
}

/* No SA_RESTART: a signal must wake the main loop's wait. */
static void set_handler(int sig, void (*fn)(int)) {
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_handler = fn;
   sigemptyset(&sa.sa_mask);
   sigaction(sig, &sa, NULL);
}

bool platform_terminal_interactive(void) {
   return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

bool platform_terminal_utf8(void) {
   const char *cs = nl_langinfo(CODESET);
   return cs && strcmp(cs, "UTF-8") == 0;
}

PlatformHandle platform_terminal_input(void) {
   return STDIN_FILENO;
}

void platform_terminal_signals_begin(void) {
   set_handler(SIGINT, on_quit);
   set_handler(SIGTERM, on_quit);
   set_handler(SIGHUP, on_quit);
   set_handler(SIGQUIT, on_quit);  /* Ctrl-\ too: the terminal must be restored */
   set_handler(SIGTSTP, on_suspend);
   set_handler(SIGCONT, on_continue);
}

void platform_terminal_signals_end(void) {
   static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT };
   for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
      signal(sigs[i], SIG_DFL);
}

bool platform_terminal_signalled(void) {
   return quit_flag || suspend_flag || continue_flag;
}

bool platform_terminal_check_hangup(void) {
   struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
   if (poll(&p, 1, 0) < 0 || !(p.revents & (POLLHUP | POLLERR | POLLNVAL)))
      return false;
   quit_flag = SIGHUP;
   return true;
}

bool platform_terminal_quit_requested(void) {
   return quit_flag != 0;
}

bool platform_terminal_quit_interrupted(void) {
   return quit_flag == SIGINT;
}

void platform_terminal_quit_clear(void) {
   quit_flag = 0;
}

int platform_terminal_quit_status(void) {
   return quit_flag == 0 || quit_flag == SIGINT ? 0 : 128 + quit_flag;
}

const char *platform_terminal_quit_name(void) {
   switch (quit_flag) {
   case SIGINT:  return "SIGINT";
   case SIGTERM: return "SIGTERM";
   case SIGHUP:  return "SIGHUP";
   case SIGQUIT: return "SIGQUIT";
   default:      return NULL;
   }
}

bool platform_terminal_take_continue(void) {
   bool was = continue_flag != 0;
   continue_flag = 0;
   return was;
}

bool platform_terminal_take_suspend(void) {
   bool was = suspend_flag != 0;
   suspend_flag = 0;
   return was;
}

void platform_terminal_suspend(void) {
   signal(SIGTSTP, SIG_DFL);
   raise(SIGTSTP);                  /* stops here until SIGCONT */
   set_handler(SIGTSTP, on_suspend);
   continue_flag = 0;
}
