/* source_file.c - regular files and block devices, named by a path. */
#include "config.h"

#include "core/source.h"
#include "core/gettext.h"

#include <stdlib.h>
#include <string.h>

static bool file_open(Source *s, const char *path, bool writable, Error *e) {
   if (*path == '\0') {
      error_set(e, ERR_BAD_SOURCE, 0, "%s", _("the path is empty"));
      return false;
   }
   s->name = strdup(path);
   int rc = platform_open_path(path, writable, &s->fd, &s->st);
   if (rc != 0) {
      error_set(e, ERR_OPEN, rc, NULL);
      return false;
   }
   if (s->reading && (s->st.kind == PLATFORM_KIND_FIFO || s->st.kind == PLATFORM_KIND_CHAR))
      return source_stream_adopt(s, path, e);
   if (!source_check_kind(s, e)) {
      source_fd_close(s);
      return false;
   }
   if (s->st.kind == PLATFORM_KIND_BLOCK)
      s->ops = &source_block_ops;
   s->size = s->st.size;
   if (s->reading && platform_size_unknown(s->fd, &s->st)) {
      s->read_to_end = true;
      s->size = SOURCE_SIZE_UNKNOWN;
   }
   return true;
}

const SourceOps source_file_ops = {
   .kind = N_("file"),
   .prefix = NULL,
   .open = file_open,
   SOURCE_FD_OPS(source_fd_next_data),
};

/* Block devices have no holes to ask about: every byte is data. */
static void block_next_data(Source *s, uint64_t offset, uint64_t *start, uint64_t *end) {
   *start = offset < s->size ? offset : s->size;
   *end = s->size;
}

const SourceOps source_block_ops = {
   .kind = N_("block device"),
   .prefix = NULL,
   .open = file_open,
   SOURCE_FD_OPS(block_next_data),
};
