/* textscroll.c - the text views' scrolling. */
#include "config.h"

#include "ui/textscroll.h"

int textscroll_clamp(int first, int lines, int rows) {
   if (first > lines - rows)
      first = lines - rows;
   return first < 0 ? 0 : first;
}

int textscroll_page(int rows) { return rows > 1 ? rows - 1 : 1; }

int textscroll_counted(unsigned long count, int n) {
   long m = (long)(count > 100000 ? 100000 : count) * n;
   return (int)m;
}
