/* sandbox.c - the confinement of the sandboxed child (platform.h, "the
 * sandboxed child"): no privileges (setgroups(2), setresgid(2),
 * setresuid(2)), no_new_privs (prctl(2) PR_SET_NO_NEW_PRIVS), a seccomp
 * filter built with libseccomp (seccomp_init(3), seccomp_rule_add(3)),
 * which the child loads itself (platform/library.h).
 * The deadline (alarm(2)) is set in platform.c before the child prepares:
 * SIGALRM kills it, and under the filter it can no longer change that. */
#include "config.h"

#include "platform/platform.h"
#include "platform/library.h"
#include "platform/linux/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#if HAVE_SECCOMP
#include <seccomp.h>
#endif

#define NOBODY_ID 65534

static long probe_uid = -1;   /* the uid the child runs as, for the probe */

/* As root: become nobody, with no supplementary groups.  Anyone else has
 * no rights to give up beyond what no_new_privs takes. */
static int drop_privileges(void) {
   if (geteuid() == 0 || getuid() == 0) {
      if (setgroups(0, NULL) != 0)
         return errno;
      if (setresgid(NOBODY_ID, NOBODY_ID, NOBODY_ID) != 0)
         return errno;
      if (setresuid(NOBODY_ID, NOBODY_ID, NOBODY_ID) != 0)
         return errno;
      if (getuid() != NOBODY_ID || geteuid() != NOBODY_ID || getegid() != NOBODY_ID)
         return EPERM;
   }
   probe_uid = (long)getuid();
   return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 ? 0 : errno;
}

#if HAVE_SECCOMP
/* libseccomp is loaded by the child that installs the filter, before it
 * gives its rights up (platform/library.h): the viewer never maps it. */
typedef struct {
   scmp_filter_ctx (*init)(uint32_t def_action);
   int (*rule_add)(scmp_filter_ctx ctx, uint32_t action, int syscall, unsigned int arg_cnt, ...);
   int (*load)(scmp_filter_ctx ctx);
   void (*release)(scmp_filter_ctx ctx);
} SeccompApi;

static SeccompApi scmp;

static int load_seccomp(void) {
   char why[256];
   PlatformLibrary *lib = platform_library_open(SECCOMP_SONAME, why, sizeof why);
   scmp.init = (scmp_filter_ctx (*)(uint32_t))platform_library_function(lib, "seccomp_init");
   scmp.rule_add = (int (*)(scmp_filter_ctx, uint32_t, int, unsigned int, ...))
                         platform_library_function(lib, "seccomp_rule_add");
   scmp.load = (int (*)(scmp_filter_ctx))platform_library_function(lib, "seccomp_load");
   scmp.release = (void (*)(scmp_filter_ctx))platform_library_function(lib, "seccomp_release");
   return scmp.init && scmp.rule_add && scmp.load && scmp.release ? 0 : ENOSYS;
}

/* Memory, futex (glibc's and the sanitizers' locks), what abort() needs to
 * die of its signal, and exit; write() is allowed on the pipe alone,
 * mmap() and mprotect() only without PROT_EXEC, tgkill() on itself only. */
static const int allowed_calls[] = {
   SCMP_SYS(brk), SCMP_SYS(munmap), SCMP_SYS(mremap), SCMP_SYS(madvise),
   SCMP_SYS(futex), SCMP_SYS(rt_sigreturn), SCMP_SYS(rt_sigprocmask), SCMP_SYS(sigaltstack),
   SCMP_SYS(getpid), SCMP_SYS(gettid), SCMP_SYS(exit), SCMP_SYS(exit_group),
};

static int add_rules(scmp_filter_ctx f, int pipefd) {
   int rc = 0;
   for (size_t i = 0; rc == 0 && i < sizeof allowed_calls / sizeof allowed_calls[0]; i++)
      rc = scmp.rule_add(f, SCMP_ACT_ALLOW, allowed_calls[i], 0);
   if (rc == 0)
      rc = scmp.rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(write), 1,
                            SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)pipefd));
   if (rc == 0)
      rc = scmp.rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1,
                            SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
   if (rc == 0)
      rc = scmp.rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1,
                            SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
   if (rc == 0)
      rc = scmp.rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1,
                            SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid()));
   return rc;
}

static int install_filter(int pipefd) {
   scmp_filter_ctx f = scmp.init(SCMP_ACT_ERRNO(EPERM));
   if (!f)
      return ENOMEM;
   int rc = add_rules(f, pipefd);
   if (rc == 0)
      rc = scmp.load(f);
   scmp.release(f);
   return rc < 0 ? -rc : rc;
}

bool platform_sandbox_filters(void) {
   return true;
}
#else
static int load_seccomp(void) {
   return 0;
}

static int install_filter(int pipefd) {
   (void)pipefd;
   return 0;
}

bool platform_sandbox_filters(void) {
   return false;
}
#endif

int platform_sandbox_enter(int pipefd) {
   int rc = load_seccomp();    /* with the caller's rights, before the filter */
   if (rc == 0)
      rc = drop_privileges();
   return rc != 0 ? rc : install_filter(pipefd);
}

/* ---- the test hook ------------------------------------------------------ */

static void probe_open(const char *path, char *out, size_t outsz) {
   int fd = open(path, O_RDONLY | O_CLOEXEC);
   int err = fd < 0 ? errno : 0;
   snprintf(out, outsz, "open: errno %d, uid %ld", err, probe_uid);
}

bool platform_sandbox_probe(char *out, size_t outsz) {
   const char *hook = getenv("MAPSCOPE_TEST_SANDBOX");
   if (!hook)
      return false;
   if (strncmp(hook, "open:", 5) == 0) {
      probe_open(hook + 5, out, outsz);
      return true;
   }
   if (strcmp(hook, "spin") == 0)
      for (volatile unsigned long n = 0;; n++)
         ;
   return false;
}
