/* keymap.c - key names. */
#include "config.h"

#include "ui/keymap.h"
#include "ui/crt.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
   const char *name;
   int code;
} names[] = {
   { "Up", KEY_UP }, { "Down", KEY_DOWN }, { "Left", KEY_LEFT }, { "Right", KEY_RIGHT },
   { "PgUp", KEY_PPAGE }, { "PgDn", KEY_NPAGE }, { "PageUp", KEY_PPAGE },
   { "PageDown", KEY_NPAGE }, { "Home", KEY_HOME }, { "End", KEY_END },
   { "Del", KEY_DC }, { "Delete", KEY_DC },
   { "Enter", '\r' }, { "Esc", KEYMAP_ESC }, { "Space", ' ' }, { "Tab", '\t' },
   { "BS", KEY_BACKSPACE }, { "Backspace", KEY_BACKSPACE }, { "lt", '<' },
   { "WheelUp", CRT_KEY_WHEEL_UP }, { "WheelDown", CRT_KEY_WHEEL_DOWN },
   { "Click", CRT_KEY_CLICK },
   { "Resize", KEY_RESIZE },
};

int keymap_code(const char *name) {
   for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
      if (strcasecmp(names[i].name, name) == 0)
         return names[i].code;
   if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3])
      return KEYMAP_CTRL(name[2]);
   if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
      int n = name[1] - '0';
      if (name[2] >= '0' && name[2] <= '9' && !name[3])
         n = n * 10 + name[2] - '0';
      else if (name[2])
         return -1;
      return n <= 12 ? KEY_F(n) : -1;
   }
   return -1;
}

bool keymap_click(const char *name, int *y, int *x) {
   char end;
   return strncasecmp(name, "Click:", 6) == 0
          && sscanf(name + 6, "%d,%d%c", y, x, &end) == 2 && *y >= 0 && *x >= 0;
}

void keymap_label(int key, char *out, size_t outsz) {
   for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
      if (names[i].code == key && key != '<') {
         snprintf(out, outsz, "%s", names[i].name);
         return;
      }
   if (key >= KEY_F(1) && key <= KEY_F(12))
      snprintf(out, outsz, "F%d", key - KEY_F(0));
   else if (key > 0 && key < 0x20)
      snprintf(out, outsz, "C-%c", key + 'a' - 1);
   else if (key > 0x20 && key < 0x7f)
      snprintf(out, outsz, "%c", key);
   else
      snprintf(out, outsz, "?");
}
