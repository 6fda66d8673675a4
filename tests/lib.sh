# lib.sh - shared helpers for the shell tests (TAP output).
#
#   . "$top_srcdir/tests/lib.sh"
#   ok "name" command...        passes when the command succeeds (its output,
#                               when it fails, follows as TAP comments)
#   is "name" "$got" "$want"    string equality, shows both on failure
#   run_ms ARGS...              runs mapscope: sets $out, $err, $rc
#   skip_all "why"              the whole test is skipped
#   await_line FILE RE PID ...  waits for a helper's line, bails out if it dies
#   done_testing                prints the plan, exits 0 or 1
#
# Each test gets a private scratch directory in $tmp, removed at exit.
set -u

: "${MAPSCOPE:?run the tests through make check}"
: "${top_srcdir:=.}"
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE MAPSCOPE_LOCALEDIR NO_COLOR

tap_n=0
tap_failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mapscope-test.XXXXXX")
chmod 755 "$tmp"
cleanup_hooks=""
trap 'eval "$cleanup_hooks"; rm -rf "$tmp"' EXIT

on_exit() { cleanup_hooks="$cleanup_hooks
$1"; }

# await_line FILE REGEX PID ERRFILE WHAT: wait (30 s at most) until FILE has
# a line matching REGEX; if PID ends first or time runs out, show ERRFILE
# and bail out, saying WHAT did not happen.
await_line() {
   await_n=0
   while ! grep -q -- "$2" "$1" 2>/dev/null; do
      await_n=$((await_n + 1))
      if [ "$await_n" -gt 300 ] || ! kill -0 "$3" 2>/dev/null; then
         # the line may have come just before the process went (a locker
         # that hands its lock to a child exits once the child has printed)
         grep -q -- "$2" "$1" 2>/dev/null && return 0
         cat "$4" >&2
         echo "Bail out! $5"
         exit 1
      fi
      sleep 0.1
   done
}

ok() {
   name=$1; shift
   tap_n=$((tap_n + 1))
   if "$@" >"$tmp/.ok" 2>&1; then
      echo "ok $tap_n - $name"
   else
      echo "not ok $tap_n - $name"
      sed 's/^/# /' "$tmp/.ok"        # what the failed command said
      tap_failed=$((tap_failed + 1))
   fi
}

is() {
   tap_n=$((tap_n + 1))
   if [ "$2" = "$3" ]; then
      echo "ok $tap_n - $1"
   else
      echo "not ok $tap_n - $1"
      printf '# got:  %s\n# want: %s\n' "$2" "$3" | sed '3,$s/^/# /'
      tap_failed=$((tap_failed + 1))
   fi
}

# Passes when $2 contains $3.
like() {
   tap_n=$((tap_n + 1))
   case "$2" in
   *"$3"*) echo "ok $tap_n - $1" ;;
   *) echo "not ok $tap_n - $1"
      printf '# got:  %s\n# want it to contain: %s\n' "$2" "$3"
      tap_failed=$((tap_failed + 1)) ;;
   esac
}

skip() {
   tap_n=$((tap_n + 1))
   echo "ok $tap_n - $1 # SKIP $2"
}

skip_all() {
   echo "1..0 # SKIP $1"
   exit 0
}

run_ms() {
   "$MAPSCOPE" "$@" >"$tmp/.out" 2>"$tmp/.err"
   rc=$?
   out=$(cat "$tmp/.out")
   err=$(cat "$tmp/.err")
}

# Runs mapscope as the unprivileged user "nobody" when we are root.
run_ms_unprivileged() {
   if [ "$(id -u)" -eq 0 ]; then
      setpriv --reuid=65534 --regid=65534 --clear-groups -- "$MAPSCOPE" "$@" \
         >"$tmp/.out" 2>"$tmp/.err"
   else
      "$MAPSCOPE" "$@" >"$tmp/.out" 2>"$tmp/.err"
   fi
   rc=$?
   out=$(cat "$tmp/.out")
   err=$(cat "$tmp/.err")
}

done_testing() {
   echo "1..$tap_n"
   [ "$tap_failed" -eq 0 ]
   exit $?
}

# umount_free MOUNTPOINT DEVICE: unmount, then wait (up to 60 s) until the
# kernel lets DEVICE be opened O_EXCL again.  A test that makes a mount
# name space meanwhile (unshare -m) holds a copy of the mount, and with it
# the file system's claim on DEVICE, until that name space ends; a test
# that goes on to write to DEVICE must not take that for a user of its own.
umount_free() {
   umount "$1" || return 1
   python3 - "$2" <<'PY'
import errno, os, sys, time
end = time.monotonic() + 60
while True:
    try:
        os.close(os.open(sys.argv[1], os.O_RDONLY | os.O_EXCL))
        sys.exit(0)
    except OSError as e:
        if e.errno != errno.EBUSY or time.monotonic() > end:
            sys.exit(1)
        time.sleep(0.1)
PY
}
