# patch-lib.sh - helpers for the --patch tests (sourced after tests/lib.sh).

# Journals go to a private state directory.
XDG_STATE_HOME=$tmp/state
export XDG_STATE_HOME
unset MAPSCOPE_TEST_CRASH_AT MAPSCOPE_TEST_STOP_AT

# random_file PATH BYTES
random_file() { head -c "$2" /dev/urandom >"$1"; }

# hex_of FILE: its bytes as one string of hex digits
hex_of() { od -An -v -tx1 "$1" | tr -d ' \n'; }

# splice DEST OFFSET SRC: SRC's bytes into DEST at byte OFFSET
splice() { dd if="$3" of="$1" bs=4096 seek="$2" oflag=seek_bytes conv=notrunc status=none; }

# bytes_at FILE OFFSET COUNT: those bytes in hex
bytes_at() { od -An -v -tx1 -j "$2" -N "$3" "$1" | tr -d ' \n'; }

# journals: how many journals the state directory holds
journals() { ls "$XDG_STATE_HOME/mapscope" 2>/dev/null | grep -c 'journal$'; }

# wait_stopped PID: wait (10 s at most) until PID is stopped by SIGSTOP
wait_stopped() {
   n=0
   while [ "$n" -lt 500 ]; do
      st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
      [ "$st" = T ] && return 0
      [ -z "$st" ] && return 1
      sleep 0.02
      n=$((n + 1))
   done
   return 1
}

# same FILE1 FILE2: byte for byte
same() { cmp -s "$1" "$2"; }
