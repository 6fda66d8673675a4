/* source_file.c - regular files and block devices, named by a path. */
#include "config.h"

#include "core/source.h"
#include "core/gettext.h"
#include "platform/pseudo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool file_open(Source *s, const char *path, bool writable, Error *e) {
   if (*path == '\0') {
      error_set(e, ERR_BAD_SOURCE, 0, "%s", _("the path is empty"));
      return false;
   }
   s->name = strdup(path);
   if (!source_fd_open_path(s, path, writable, e))
      return false;
   if (s->unopened) {              /* described only: nothing to read */
      s->size = SOURCE_SIZE_UNKNOWN;
      return true;
   }
   if (s->open_denied) {           /* --info without permission: its stat only */
      s->size = s->st.kind == PLATFORM_KIND_REGULAR ? s->st.size : SOURCE_SIZE_UNKNOWN;
      if (s->st.kind == PLATFORM_KIND_BLOCK)
         s->ops = &source_block_ops;
      return true;
   }
   if (s->reading && (s->st.kind == PLATFORM_KIND_FIFO || s->st.kind == PLATFORM_KIND_CHAR))
      return source_stream_adopt(s, path, e);
   s->size = s->st.size;
   if (s->st.kind == PLATFORM_KIND_BLOCK) {
      s->ops = &source_block_ops;
   } else if (s->reading && platform_size_unknown(s->handle, &s->st)) {
      s->read_to_end = true;        /* the modes that read: to its end, streaming */
      s->size = SOURCE_SIZE_UNKNOWN;
   } else if (platform_size_unreliable(s->handle)) {
      return source_pseudo_adopt(s, e);   /* the screen: read whole, then shown */
   }
   return true;
}

static void file_life(const Source *s, size_t len, SourceLife *out) {
   source_fd_describe_life(s, len, out);
   source_life_open_path(s, out);
}

/* Files and block devices can be live: other processes write them
 * (write(2) reaches the page cache the view's shared mapping shows), and a
 * refresh costs the screen's bytes and one fstat, whatever their size.
 * Most do not change while they are looked at: live when asked. */
const SourceOps source_file_ops = {
   .kind = N_("file"),
   .prefix = NULL,
   .caps = SOURCE_CAN_MAP | SOURCE_CAN_READ | SOURCE_CAN_EDIT | SOURCE_CAN_JOURNAL
           | SOURCE_CAN_LOCK | SOURCE_CAN_LIVE | SOURCE_LIVE_ON_REQUEST | SOURCE_CAN_HOLES,
   .open = file_open,
   SOURCE_FD_OPS(source_fd_next_data),
   .describe_life = file_life,
   .look = source_look_path,
};

/* Block devices have no holes to ask about: every byte is data. */
static void block_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end) {
   *start = offset < s->size ? offset : s->size;
   *end = s->size;
}

/* A disk maps on Linux; Windows maps no disk: CreateFileMapping() wants a
 * file, so a disk is read with ReadFile() in whole sectors. */
static void block_life(const Source *s, size_t len, SourceLife *out) {
   source_fd_describe_life(s, len, out);
   source_life_open_path(s, out);
   SourceLifeStep *o = &out->step[SOURCE_STAGE_OPEN];
   snprintf(o->call + strlen(o->call), sizeof o->call - strlen(o->call),
            " + ioctl(%d, BLKGETSIZE64)", (int)s->handle);
   snprintf(o->windows, sizeof o->windows, "%s",
            "CreateFile(\"\\\\.\\PhysicalDriveN\", GENERIC_READ, ...) + "
            "DeviceIoControl(IOCTL_DISK_GET_LENGTH_INFO)");
   snprintf(o->note, sizeof o->note, "%s",
            _("Windows maps no disk: CreateFileMapping() wants a file; ReadFile() reads whole "
              "sectors"));
}

const SourceOps source_block_ops = {
   .kind = N_("block device"),
   .prefix = NULL,
   .caps = SOURCE_CAN_MAP | SOURCE_CAN_READ | SOURCE_CAN_EDIT | SOURCE_CAN_JOURNAL
           | SOURCE_CAN_LOCK | SOURCE_CAN_LIVE | SOURCE_LIVE_ON_REQUEST,
   .open = file_open,
   SOURCE_FD_OPS(block_next_data),
   .describe_life = block_life,
   .look = source_look_path,
};
