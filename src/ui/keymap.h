/* keymap.h - names of keys, for scripts and help. */
#ifndef MAPSCOPE_KEYMAP_H
#define MAPSCOPE_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#define KEYMAP_CTRL(c) ((c) & 0x1f)
#define KEYMAP_ESC 27            /* the one name of the Esc key */

/* The key code of a script's <NAME> ("PgDn", "C-d", "F1" ...), -1 if none. */
int keymap_code(const char *name);

/* A script's <Click:Y,X>: a left click at screen row Y, column X (from 0). */
bool keymap_click(const char *name, int *y, int *x);

/* How help writes KEY ("PgDn", "C-d", "j"); OUT holds at least 16 bytes. */
void keymap_label(int key, char *out, size_t outsz);

#endif
