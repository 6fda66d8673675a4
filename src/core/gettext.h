/* gettext.h - translation markers for every layer. */
#ifndef MAPSCOPE_GETTEXT_H
#define MAPSCOPE_GETTEXT_H

#if defined ENABLE_NLS && ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
