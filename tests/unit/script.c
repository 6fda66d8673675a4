/* script.c - key scripts: lines, directives, key tokens. */
#include "config.h"

#include "app/script.h"
#include "tap.h"

#include <stdlib.h>
#include <unistd.h>

static const char *write_temp(const char *text, char *path) {
   int fd = tap_scratch(path, 1024, "script") ? mkstemp(path) : -1;
   if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
      return NULL;
   close(fd);
   return path;
}

static void test_lines(void) {
   char path[1024];
   ok(write_temp("# comment\n\n:goto 50%\njj<PgDn>\r\n@sync /tmp/x\n@bogus\n  :quit", path) != NULL,
      "script written");
   Script sc;
   Error e;
   const char *text;
   ok(script_open(&sc, path, &e), "open");
   while (!sc.eof)
      script_fill(&sc, &e);
   is_u64(script_next(&sc, &text), SCRIPT_COMMAND, "a command");
   is_str(text, "goto 50%", "command text");
   is_u64(script_next(&sc, &text), SCRIPT_KEYS, "keys");
   is_str(text, "jj<PgDn>", "keys text, CR dropped");
   is_u64(script_next(&sc, &text), SCRIPT_SYNC, "sync");
   is_str(text, "/tmp/x", "sync path");
   is_u64(script_next(&sc, &text), SCRIPT_BAD, "unknown directive");
   is_u64(script_next(&sc, &text), SCRIPT_COMMAND, "last line without newline");
   is_str(text, "quit", "indented command");
   is_u64(sc.line_no, 7, "line numbers");
   is_u64(script_next(&sc, &text), SCRIPT_END, "end");
   script_close(&sc);
   unlink(path);
   ok(!script_open(&sc, "/nonexistent/script", &e) && e.code == ERR_OPEN, "missing file");
}

static void test_partial(void) {
   int p[2];
   ok(pipe(p) == 0, "pipe");
   Script sc;
   memset(&sc, 0, sizeof sc);
   sc.fd = p[0];
   Error e;
   const char *text;
   ok(write(p[1], ":go", 3) == 3, "half a line");
   script_fill(&sc, &e);
   is_u64(script_next(&sc, &text), SCRIPT_NONE, "half a line is not a line yet");
   ok(write(p[1], "to end\n", 7) == 7, "the rest");
   script_fill(&sc, &e);
   is_u64(script_next(&sc, &text), SCRIPT_COMMAND, "now it is");
   is_str(text, "goto end", "whole line");
   close(p[1]);
   script_fill(&sc, &e);
   is_u64(script_next(&sc, &text), SCRIPT_END, "writer closed: end");
   close(p[0]);
}

/* A line longer than the buffer: bad as a whole, its tail never a line of
 * its own; a NUL byte: the line is bad, not cut at it. */
static void test_flawed(void) {
   int p[2];
   ok(pipe(p) == 0, "pipe");
   Script sc;
   memset(&sc, 0, sizeof sc);
   sc.fd = p[0];
   Error e;
   const char *text;
   char junk[sizeof sc.buf + 100];
   memset(junk, '#', sizeof junk);
   ok(write(p[1], junk, sizeof junk) == (ssize_t)sizeof junk, "a line longer than the buffer");
   ok(write(p[1], ":quit\n:goto 5\nab\0:quit\n:goto 6\n", 31) == 31, "and more lines");
   close(p[1]);
   ScriptKind k[5];
   const char *flaw[5];
   size_t n = 0;
   while (n < 5) {
      ScriptKind kind = script_next(&sc, &text);
      if (kind == SCRIPT_NONE && script_fill(&sc, &e))
         continue;
      if (kind == SCRIPT_END || kind == SCRIPT_NONE)
         break;
      flaw[n] = sc.flaw;
      k[n++] = kind;
   }
   is_u64(n, 4, "four lines");
   ok(n > 0 && k[0] == SCRIPT_BAD && flaw[0], "the overlong line is bad");
   ok(n > 1 && k[1] == SCRIPT_COMMAND && !flaw[1], "its tail ':quit' is dropped with it");
   ok(n > 2 && k[2] == SCRIPT_BAD && flaw[2], "a line with a NUL byte is bad");
   ok(n > 3 && k[3] == SCRIPT_COMMAND && strcmp(sc.line, ":goto 6") == 0, "the line after it");
   is_u64(sc.line_no, 4, "line numbers count the bad lines");
   close(p[0]);
}

static void test_keys(void) {
   const char *p = "j<PgDn><lt><C-d>x<";
   int ch;
   char name[16];
   ok(script_next_key(&p, &ch, name, sizeof name) && ch == 'j', "plain key");
   ok(script_next_key(&p, &ch, name, sizeof name) && ch == -1 && strcmp(name, "PgDn") == 0,
      "named key");
   ok(script_next_key(&p, &ch, name, sizeof name) && strcmp(name, "lt") == 0, "<lt>");
   ok(script_next_key(&p, &ch, name, sizeof name) && strcmp(name, "C-d") == 0, "<C-d>");
   ok(script_next_key(&p, &ch, name, sizeof name) && ch == 'x', "x");
   ok(script_next_key(&p, &ch, name, sizeof name) && ch == '<', "a lone '<' is itself");
   ok(!script_next_key(&p, &ch, name, sizeof name), "end of keys");
}

int main(void) {
   plan_lazy();
   test_flawed();
   test_lines();
   test_partial();
   test_keys();
   return done_testing();
}
