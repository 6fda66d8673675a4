#!/bin/sh
# Refusals: objects of other users, no write permission, a read-only file
# system, and an object that changed on disk since the edit (--force
# overrides that one).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

f=$tmp/data
random_file "$f" 8192
cp "$f" "$tmp/orig"

# ---- another user's object --------------------------------------------------
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
   chown 0:0 "$f"
   chmod 0644 "$f"
   XDG_STATE_HOME=$tmp/nobody-state run_ms_unprivileged --patch 0:00 --flush "$f"
   is "root's file, patched by nobody: exit 1" "$rc" 1
   like "root's file, patched by nobody: cannot edit" "$err" "cannot edit"
   like "root's file, patched by nobody: says whose it is and names -w" "$err" "belongs to uid 0, not to you; -w"
   XDG_STATE_HOME=$tmp/nobody-state run_ms_unprivileged --patch 0:00 "$f"
   is "even a dry run is refused: exit 1" "$rc" 1
   XDG_STATE_HOME=$tmp/nobody-state run_ms_unprivileged -w --patch 0:00 --flush "$f"
   is "with -w but no write permission: exit 1" "$rc" 1
   like "with -w but no write permission: says so" "$err" "no write permission"
   ok "the file is unchanged" same "$f" "$tmp/orig"
   chown 65534:65534 "$f"
   run_ms --patch 0:00 "$f"
   is "nobody's file, edited by root without -w: exit 1" "$rc" 1
   like "nobody's file, edited by root without -w: names -w" "$err" "-w"
   run_ms -w --patch 0:00 "$f"
   is "nobody's file, edited by root with -w: exit 0" "$rc" 0
   chown 0:0 "$f"
else
   for n in 1 2 3 4 5 6 7 8 9 10 11; do skip "another user's object $n" "needs root and setpriv"; done
fi

# ---- a read-only file system (EROFS) -----------------------------------------
mkdir "$tmp/rodir" "$tmp/ro"
cp "$tmp/orig" "$tmp/rodir/data"
if mount --bind "$tmp/rodir" "$tmp/ro" 2>/dev/null; then
   on_exit "umount '$tmp/ro' 2>/dev/null || umount -l '$tmp/ro'"
   if mount -o remount,bind,ro "$tmp/ro" 2>/dev/null; then
      run_ms --patch 0:00 --flush "$tmp/ro/data"
      is "read-only file system: exit 1" "$rc" 1
      like "read-only file system: says so" "$err" "read-only file system"
      ok "read-only file system: unchanged" same "$tmp/ro/data" "$tmp/orig"
      # writable while editing, read-only by the time of the flush
      mount -o remount,bind,rw "$tmp/ro"
      MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" --patch 0:00 --flush "$tmp/ro/data" \
         >"$tmp/bg.out" 2>"$tmp/bg.err" &
      pid=$!
      on_exit "kill -9 $pid 2>/dev/null"
      wait_stopped "$pid"
      mount -o remount,bind,ro "$tmp/ro"
      kill -CONT "$pid"
      wait "$pid"
      is "read-only by the flush: exit 1" "$?" 1
      like "read-only by the flush: says why and keeps the edits" "$(cat "$tmp/bg.err")" "Read-only file system"
      ok "read-only by the flush: unchanged" same "$tmp/ro/data" "$tmp/orig"
   else
      for n in 1 2 3 4 5 6; do skip "read-only file system $n" "cannot remount read-only"; done
   fi
else
   for n in 1 2 3 4 5 6; do skip "read-only file system $n" "cannot bind-mount"; done
fi

# ---- changed on disk since the edit ------------------------------------------
# start_flush ARGS...: a flush that stops once its edits are applied
start_flush() {
   MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" "$@" >"$tmp/bg.out" 2>"$tmp/bg.err" &
   pid=$!
   on_exit "kill -9 $pid 2>/dev/null"
   wait_stopped "$pid"
}
finish_flush() {
   kill -CONT "$pid"
   wait "$pid"
   rc=$?
   err=$(cat "$tmp/bg.err")
}

for force in "" --force; do
   what=${force:-refused}
   # modified in place: same size, new mtime
   cp "$tmp/orig" "$f"
   touch -d '2001-01-01' "$f"
   start_flush --patch 100:abcd --flush $force "$f"
   printf 'X' >"$tmp/x"
   splice "$f" 4000 "$tmp/x"
   finish_flush
   if [ -z "$force" ]; then
      is "modified since the edit: exit 1" "$rc" 1
      like "modified since the edit: a clear message" "$err" "changed since editing began"
      like "modified since the edit: names --force" "$err" "--force"
      is "modified since the edit: the edit is not written" "$(bytes_at "$f" 100 2)" "$(bytes_at "$tmp/orig" 100 2)"
   else
      is "modified, --force: exit 0" "$rc" 0
      is "modified, --force: the edit is written" "$(bytes_at "$f" 100 2)" "abcd"
   fi
   is "modified ($what): the other writer's byte stays" "$(bytes_at "$f" 4000 1)" "58"

   # grown
   cp "$tmp/orig" "$f"
   start_flush --patch 100:abcd --flush $force "$f"
   printf 'more' >>"$f"
   finish_flush
   if [ -z "$force" ]; then
      is "grown since the edit: exit 1" "$rc" 1
      like "grown since the edit: says the size changed" "$err" "size changed from 8192 to 8196"
   else
      is "grown, --force: exit 0" "$rc" 0
      is "grown, --force: the edit is written" "$(bytes_at "$f" 100 2)" "abcd"
   fi

   # replaced by another file (a new inode under the same name)
   cp "$tmp/orig" "$f"
   start_flush --patch 100:abcd --flush $force "$f"
   cp "$tmp/orig" "$tmp/new"
   mv "$tmp/new" "$f"
   finish_flush
   if [ -z "$force" ]; then
      is "replaced since the edit: exit 1" "$rc" 1
      like "replaced since the edit: says so" "$err" "another object"
      ok "replaced since the edit: the new file is untouched" same "$f" "$tmp/orig"
   else
      is "replaced, --force: exit 0" "$rc" 0
      is "replaced, --force: the edit goes to the file the name holds now" "$(bytes_at "$f" 100 2)" "abcd"
   fi
done

# shrunk below the edit: refused even with --force
cp "$tmp/orig" "$f"
start_flush --patch 8000:abcd --flush --force "$f"
truncate -s 4096 "$f"
finish_flush
is "shrunk below the edit, even with --force: exit 1" "$rc" 1
like "shrunk below the edit: says so" "$err" "too short"

done_testing
