/* processes.h - other processes (children that run a function, workers),
 * signals turned into events, and the clock.
 *
 * Children run a function of this program: on Linux a fork(); a system
 * without fork would start the program again with an argument naming the
 * function, which is why a child gets only FN and CTX and hands back text.
 * Process ids are plain ints.  Calls return 0 or an errno value. */
#ifndef MAPSCOPE_PLATFORM_PROCESSES_H
#define MAPSCOPE_PLATFORM_PROCESSES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/files.h"

/* Run FN(CTX, OUT, OUTSZ) in a child process (at a lower priority) and copy
 * the text it leaves in OUT back (terminated).  Whatever FN allocates, maps
 * or crashes on stays in the child: the caller's memory and life are its own.
 * Gives up after TIMEOUT_MS.  Returns 0, or an errno value (ETIMEDOUT,
 * ECHILD ...). */
int platform_run_isolated(void (*fn)(void *ctx, char *out, size_t outsz), void *ctx,
                          char *out, size_t outsz, int timeout_ms);

/* The same in two steps, so the caller can go on meanwhile: start the
 * child (its text at most OUTSZ bytes), wait for FD to be readable, then
 * finish (which waits at most TIMEOUT_MS and reaps the child). */
typedef struct {
   int pid;
   PlatformHandle fd;      /* PLATFORM_HANDLE_NONE when no child runs */
} PlatformChild;

int platform_child_start(void (*fn)(void *ctx, char *out, size_t outsz), void *ctx,
                         size_t outsz, PlatformChild *child);
int platform_child_finish(PlatformChild *child, char *out, size_t outsz, int timeout_ms);

/* Stop (SIGSTOP) or kill (SIGKILL) the calling process: the test hooks of
 * a flush use it to freeze or crash at a chosen point. */
void platform_test_signal(bool kill);

int platform_self_pid(void);
/* Run FN(CTX) in a new process; it exits when FN returns. */
int platform_spawn(void (*fn)(void *ctx), void *ctx, int *pid);
/* Stop PID (SIGTERM) and wait for it. */
void platform_stop_child(int pid);
bool platform_parent_alive(int parent_pid);
/* True once child PID has ended (it is then reaped); false while it runs. */
bool platform_child_exited(int pid);

void platform_sleep_ms(unsigned ms);
/* Milliseconds from a fixed point in the past (a clock that never jumps). */
uint64_t platform_clock_ms(void);

typedef enum {
   PLATFORM_EVENT_TIMEOUT,
   PLATFORM_EVENT_INPUT,       /* a line (or the end) of standard input */
   PLATFORM_EVENT_INTERRUPT,   /* SIGINT, SIGTERM or SIGHUP */
   PLATFORM_EVENT_CHILD        /* a child process ended */
} PlatformEvent;

/* From now on SIGINT, SIGTERM, SIGHUP and SIGCHLD are events, not deaths,
 * and SIGPIPE is ignored (a write to a pipe whose reader went away fails
 * with EPIPE, so that what was made can be removed). */
void platform_events_begin(void);
/* End the process as a write to a pipe whose reader went away ends one
 * that does not ignore SIGPIPE (quietly, killed by it); returns only
 * where that signal cannot end it. */
void platform_end_broken_pipe(void);
/* Ignore SIGINT (a worker leaves Ctrl-C to its parent). */
void platform_ignore_interrupt(void);
/* Wait up to TIMEOUT_MS for an event; *SIGNO says which signal interrupted. */
PlatformEvent platform_wait_event(int timeout_ms, int *signo);
/* Whether SIGINT, SIGTERM or SIGHUP arrived since platform_events_begin()
 * (without waiting or reading anything); *SIGNO says which. */
bool platform_interrupted(int *signo);

/* ---- the sandboxed child (linux/sandbox.c) ------------------------------
 * Work on untrusted bytes (libmagic) runs in a child process that:
 *  1. runs PREPARE(CTX) with the caller's rights (libmagic loads its
 *     database here: files are opened only now);
 *  2. gives its rights up: as root it becomes nobody (uid and gid 65534,
 *     no supplementary groups); it sets no_new_privs (prctl(2));
 *  3. installs a seccomp filter (libseccomp) that allows only writing to
 *     its pipe, memory (brk, mmap and mprotect without PROT_EXEC, munmap,
 *     mremap, madvise), futex, dying of a signal it raises itself (abort)
 *     and exiting; any other system call fails with EPERM;
 *  4. runs WORK(CTX, OUT, OUTSZ) and writes OUT to the parent.
 * A child that cannot give its rights up writes nothing and fails.  Built
 * without libseccomp (configure --without-seccomp), step 3 is skipped and
 * platform_sandbox_filters() says so.  The kernel kills the child
 * DEADLINE_S seconds after it started (SIGALRM, which it can no longer
 * catch); platform_child_finish() kills it too when its wait times out.
 * Test hook: MAPSCOPE_TEST_SANDBOX=open:PATH makes WORK's text the result
 * of open(PATH) tried inside the sandbox ("open: ERRNO-TEXT, uid N");
 * MAPSCOPE_TEST_SANDBOX=spin makes the child spin until it is killed. */
typedef struct {
   void (*prepare)(void *ctx);
   void (*work)(void *ctx, char *out, size_t outsz);
   void *ctx;
   unsigned deadline_s;
} PlatformChildTask;

int platform_sandbox_start(const PlatformChildTask *task, size_t outsz, PlatformChild *child);

/* True when the child runs under the seccomp filter (step 3), false when
 * it only gives its rights up (built without libseccomp). */
bool platform_sandbox_filters(void);


#endif
