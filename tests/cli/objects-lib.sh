# objects-lib.sh - helpers for the tests of --list, --info and --demo.
#
#   need_shm                  skip unless /dev/shm is there
#   mqueue_setup              finds or arranges the mqueue file system ($have_mq)
#   run_list ARGS...          run_ms, where message queues can be seen
#   holder_start PREFIX KEY   runs tests/helpers/objholder; its facts in $tmp/holder.out
#   holder_get NAME           one "NAME=value" fact of the holder
#   jq_py FILE EXPR           evaluates a python expression over the JSON in FILE
#                             (j is the document, objs its objects)

need_shm() {
   [ -d /dev/shm ] || skip_all "no /dev/shm on this machine"
   command -v python3 >/dev/null 2>&1 || skip_all "python3 is needed to read the JSON"
}

# The mqueue file system: used where mounted; otherwise (as root) each
# mapscope run gets a private mount namespace with its own mount of it, so
# nothing is left mounted and parallel tests cannot unmount each other's.
have_mq=no
mq_private=no
mqueue_setup() {
   if awk '$3 == "mqueue" { f = 1 } END { exit !f }' /proc/self/mounts; then
      have_mq=yes
      return
   fi
   mkdir -p "$tmp/mq"
   if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null 2>&1 \
      && unshare -m sh -c 'mount -t mqueue none "$1"' sh "$tmp/mq" 2>/dev/null; then
      have_mq=yes
      mq_private=yes
   fi
}

# Run a command where the mqueue file system is mounted (if it can be).
with_mq() {
   if [ "$mq_private" = yes ]; then
      unshare -m sh -c 'mount -t mqueue none "$1" && shift && exec "$@"' sh "$tmp/mq" "$@"
   else
      "$@"
   fi
}

# The names of the message queues that exist now.
mq_names() {
   [ "$have_mq" = yes ] || return 0
   with_mq sh -c 'ls "$(awk '"'"'$3 == "mqueue" { print $2; exit }'"'"' /proc/self/mounts)"'
}

run_list() {
   with_mq "$MAPSCOPE" "$@" >"$tmp/.out" 2>"$tmp/.err"
   rc=$?
   out=$(cat "$tmp/.out")
   err=$(cat "$tmp/.err")
}

holder_start() {
   helper="$top_builddir/tests/helpers/objholder"
   [ -x "$helper" ] || skip_all "tests/helpers/objholder is not built"
   mkfifo "$tmp/holder.in"
   "$helper" "$1" "$2" <"$tmp/holder.in" >"$tmp/holder.out" 2>"$tmp/holder.err" &
   holder_pid=$!
   exec 7>"$tmp/holder.in"
   on_exit "exec 7>&-; kill $holder_pid 2>/dev/null; wait $holder_pid 2>/dev/null; holder_sweep '$1'"
   await_line "$tmp/holder.out" '^ready$' "$holder_pid" "$tmp/holder.err" "objholder did not get ready"
}

# Whatever a killed holder might leave behind.
holder_sweep() {
   rm -f /dev/shm/"$1"* /dev/shm/sem."$1"* 2>/dev/null
   return 0
}

holder_get() {
   sed -n "s/^$1=//p" "$tmp/holder.out" | head -n 1
}

jq_py() {
   python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
objs = j.get("objects", [])
def find(kind, name):
    return [o for o in objs if o["kind"] == kind and o["name"] == name]
def one(kind, name):
    r = find(kind, name)
    return r[0] if len(r) == 1 else None
def pids(o):
    return sorted(set(a["pid"] for a in o["attachers"])) if o else []
print(eval(sys.argv[2]))
' "$1" "$2"
}
