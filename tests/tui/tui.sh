# tui.sh - helpers for the terminal tests: mapscope inside tmux.
#
#   . "$top_srcdir/tests/tui/tui.sh"
#   tui_start 80 24 [ARGS...]     start mapscope at that size in $tmp (name
#                                 files relative to it), driven by a key
#                                 script (a FIFO) the test writes to
#   tui_send LINE...              script lines (":goto end", "jj<PgDn>");
#                                 returns once all of them are on the screen
#   tui_screen NAME               capture the screen and compare it with
#                                 tests/tui/golden/NAME.txt
#   tui_resize 132 43             resize the terminal
#   tui_stop                      quit and wait for the exit status ($tui_rc)
#
# Goldens are regenerated with
#   MAPSCOPE_REGEN=1 make check TESTS='tests/tui/open.sh ...'
# after which `git diff tests/tui/golden` shows what changed.  Captures are
# made deterministic before comparison: the address mmap() returned is
# masked (it changes every run).
. "$top_srcdir/tests/lib.sh"

# TMUX_BIN is configure's TMUX_PROG: empty when tmux is not installed, the
# program otherwise (never the socket string tmux itself puts in $TMUX).
[ -n "${TMUX_BIN:-}" ] || TMUX_BIN=$(command -v tmux 2>/dev/null) || skip_all "tmux is not installed"
if [ ! -x "$TMUX_BIN" ]; then
   echo "Bail out! TMUX_BIN=$TMUX_BIN is not a program (configure found no tmux?)"
   exit 1
fi

golden_dir="$top_srcdir/tests/tui/golden"
# Each tui_start gets a tmux server of its own: a server whose last session
# just ended may still take a new session and then exit under it.
tui_starts=0
tui_sock="$tmp/tmux.0.sock"
tui_n=0
on_exit 'for s in "$tmp"/tmux.*.sock; do [ -S "$s" ] && "$TMUX_BIN" -S "$s" kill-server >/dev/null 2>&1; done'

tui_tmux() { "$TMUX_BIN" -u -S "$tui_sock" -f /dev/null "$@"; }

# make_data_file NAME [SIZE]: a deterministic test file in $tmp (64 KiB
# unless SIZE says): text, white space, a byte ramp.
make_data_file() {
   set -- "$tmp/$1" "${2:-}"
   {
      printf 'mapscope test data\n\tline two\r\n'
      i=0
      while [ $i -lt 256 ]; do
         printf "\\$(printf %03o $i)"
         i=$((i + 1))
      done
   } >"$tmp/.block"
   cat "$tmp/.block" "$tmp/.block" "$tmp/.block" "$tmp/.block" >"$tmp/.b4"
   cat "$tmp/.b4" "$tmp/.b4" "$tmp/.b4" "$tmp/.b4" >"$tmp/.b16"
   cat "$tmp/.b16" "$tmp/.b16" "$tmp/.b16" "$tmp/.b16" >"$tmp/.b64"
   want=${2:-65536}
   [ -n "$want" ] || want=65536
   : >"$1"
   while [ "$(wc -c <"$1")" -lt "$want" ]; do cat "$tmp/.b64" >>"$1"; done
   truncate -s "$want" "$1"
   cat "$1" >/dev/null          # resident: the page map is the same every run
   sync "$1"                    # ... and clean (cachestat() tells dirty pages apart)
}

# Wait until FILE exists (at most about 20 s).
tui_wait_file() {
   w=0
   while [ ! -e "$1" ]; do
      w=$((w + 1))
      [ $w -gt 400 ] && return 1
      sleep 0.05
   done
   return 0
}

# What a test masks besides the address (it may define its own after
# sourcing this file: pids, inodes ...).
tui_mask() { cat; }

tui_capture() {
   tui_tmux capture-pane -p -t tui 2>/dev/null |
      sed -e 's/= 0x[0-9a-f]\{6,\}/= 0xADDRESS/' -e 's/= (nil)/= 0xADDRESS/' \
          -e 's/^\( *\)0x[0-9a-f]\{6,\}\( \|$\)/\10xADDRESS\2/' | tui_mask
}

# The screen once tmux has drawn everything mapscope wrote: two equal
# captures in a row.
tui_settled() {
   prev=$(tui_capture)
   w=0
   while [ $w -lt 40 ]; do
      sleep 0.05
      cur=$(tui_capture)
      [ "$cur" = "$prev" ] && break
      prev=$cur
      w=$((w + 1))
   done
   printf '%s\n' "$prev"
}

# tui_server: the next tmux commands go to a new server of their own (a
# server whose last session just ended, or that was just killed, may still
# take a new session and then exit under it).  tui_start calls it; a test
# that makes a session itself calls it first.
tui_server() {
   tui_starts=$((tui_starts + 1))
   tui_sock="$tmp/tmux.$tui_starts.sock"
}

tui_start() {
   cols=$1 rows=$2
   shift 2
   rm -f "$tmp/script" "$tmp/exit"
   tui_server
   mkfifo "$tmp/script"
   exec 3<>"$tmp/script"
   args=""
   for a in "$@"; do args="$args '$a'"; done
   tui_tmux new-session -d -s tui -x "$cols" -y "$rows" \
      "cd '$tmp' && env TERM=screen LC_ALL=C.UTF-8 $tui_env '$MAPSCOPE' --script '$tmp/script' $args 2>'$tmp/stderr'; echo \$? >'$tmp/exit'"
   tui_tmux set-option -t tui status off >/dev/null
   tui_tmux resize-window -t tui -x "$cols" -y "$rows" >/dev/null 2>&1
   tui_send
}

tui_send() {
   for line in "$@"; do
      printf '%s\n' "$line" >&3
   done
   tui_n=$((tui_n + 1))
   printf '@sync %s\n' "$tmp/sync.$tui_n" >&3
   tui_wait_file "$tmp/sync.$tui_n" || tui_fail "mapscope reached sync point $tui_n"
}

# A step of the harness that did not happen: a failed test, not a comment.
tui_fail() {
   tap_n=$((tap_n + 1))
   echo "not ok $tap_n - $1"
   tail -n 5 "$tmp/stderr" 2>/dev/null | sed 's/^/# /'
   tap_failed=$((tap_failed + 1))
}

# tmux resizes the pane a little later: sync until mapscope has seen it.
tui_resize() {
   tui_tmux resize-window -t tui -x "$1" -y "$2"
   w=0
   while :; do
      tui_send
      [ "$(cat "$tmp/sync.$tui_n" 2>/dev/null)" = "${1}x${2}" ] && break
      w=$((w + 1))
      [ $w -gt 100 ] && { tui_fail "mapscope saw the new size ${1}x${2}"; break; }
      sleep 0.1
   done
}

# Compare the screen with golden NAME (or write it when regenerating).  A
# loaded machine may show tmux behind mapscope: look again for a few
# seconds before calling it a difference.
tui_screen() {
   got=$(tui_settled)
   file="$golden_dir/$1.txt"
   if [ "${MAPSCOPE_REGEN:-}" = 1 ]; then
      printf '%s\n' "$got" >"$file"
      ok "screen $1 (regenerated)" true
      return
   fi
   w=0
   while [ -f "$file" ] && [ "$got" != "$(cat "$file")" ] && [ $w -lt 25 ]; do
      sleep 0.2
      got=$(tui_capture)
      w=$((w + 1))
   done
   tap_n=$((tap_n + 1))
   if [ -f "$file" ] && [ "$got" = "$(cat "$file")" ]; then
      echo "ok $tap_n - screen $1"
   else
      echo "not ok $tap_n - screen $1"
      printf '%s\n' "$got" >"$tmp/got.txt"
      diff -u "$file" "$tmp/got.txt" | sed 's/^/# /'
      tap_failed=$((tap_failed + 1))
   fi
}

# tui_wait_text TEXT [SECONDS]: wait until the screen shows TEXT (keys sent
# with tmux send-keys arrive asynchronously); false after SECONDS (10).
tui_wait_text() {
   w=0
   while ! tui_capture | grep -qF -- "$1"; do
      w=$((w + 1))
      [ $w -gt $((${2:-10} * 20)) ] && return 1
      sleep 0.05
   done
}

# expect_line LINE NAME TEXT: screen line LINE ("$" for the status line)
# comes to contain TEXT (within a few seconds), as test NAME.
expect_line() {
   w=0
   while :; do
      cur=$(tui_capture | sed -n "$1p")
      case "$cur" in *"$3"*) break ;; esac
      w=$((w + 1))
      [ $w -gt 25 ] && break
      sleep 0.2
   done
   like "$2" "$cur" "$3"
}

expect_status() { expect_line '$' "$1" "$2"; }

tui_stop() {
   tui_quit ":quit"
}

# tui_quit LINE: a command or keys that end mapscope (no sync can follow).
tui_quit() {
   printf '%s\n' "$1" >&3
   tui_wait_file "$tmp/exit"
   tui_rc=$(cat "$tmp/exit" 2>/dev/null)
   exec 3>&-
}

tui_env=""
