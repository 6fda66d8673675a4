/* objwho.c - selecting named objects by holding process and by owner. */
#include "config.h"

#include "app/objwho.h"
#include "core/gettext.h"
#include "platform/names.h"
#include "platform/procmem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One decimal number from 1 to INT32_MAX at *P, which moves past it. */
static bool parse_pid(const char **p, int *pid) {
   const char *s = *p;
   if (*s < '0' || *s > '9')
      return false;
   char *end;
   errno = 0;
   unsigned long v = strtoul(s, &end, 10);
   if (errno || v == 0 || v > 2147483647ul)
      return false;
   *pid = (int)v;
   *p = end;
   return true;
}

bool objwho_parse_pids(ObjWho *w, const char *text, const char **why) {
   int pids[OBJWHO_MAX_PIDS];
   size_t n = 0;
   const char *p = text;
   while (*p) {
      if (n == OBJWHO_MAX_PIDS) {
         *why = N_("at most 64 processes");
         return false;
      }
      if (!parse_pid(&p, &pids[n++]) || (*p && *p != ',') || (*p == ',' && !p[1])) {
         *why = N_("give process ids from 1 up, separated by commas");
         return false;
      }
      if (*p == ',')
         p++;
   }
   memcpy(w->pids, pids, n * sizeof pids[0]);
   w->npids = n;
   return true;
}

bool objwho_parse_user(ObjWho *w, const char *text, const char **why) {
   unsigned uid;
   if (!*text) {
      w->by_user = false;
      w->user[0] = '\0';
      return true;
   }
   int rc = platform_user_lookup(text, &uid);
   if (rc != 0) {
      *why = rc == ENOENT ? N_("no such user") : N_("the user database cannot be read");
      return false;
   }
   w->by_user = true;
   w->uid = uid;
   snprintf(w->user, sizeof w->user, "%s", text);
   return true;
}

static bool held_by_one_of(const ObjWho *w, const Obj *o) {
   for (size_t i = 0; i < o->natt; i++)
      for (size_t j = 0; j < w->npids; j++)
         if (o->att[i].pid == w->pids[j])
            return true;
   return false;
}

bool objwho_pid_exists(int pid) {
   PlatformUserId uid;
   return platform_proc_identity(pid, NULL, 0, &uid) != ESRCH;
}

bool objwho_pid_selected(const ObjWho *w, int pid) {
   if (!w || w->npids == 0)
      return true;
   for (size_t j = 0; j < w->npids; j++)
      if (w->pids[j] == pid)
         return true;
   return false;
}

bool objwho_match(const ObjWho *w, const Obj *o) {
   if (!w)
      return true;
   if (w->by_user && o->uid != w->uid)
      return false;
   return w->npids == 0 || held_by_one_of(w, o);
}

void objwho_pids_text(const ObjWho *w, char *buf, size_t size) {
   size_t used = 0;
   buf[0] = '\0';
   for (size_t i = 0; i < w->npids && used < size; i++)
      used += (size_t)snprintf(buf + used, size - used, "%s%d", i ? "," : "", w->pids[i]);
}
