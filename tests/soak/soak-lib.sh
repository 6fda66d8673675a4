# soak-lib.sh - the crash and race loops of `make soak`, also run (with
# few rounds) by tests/cli/patch-race.sh.  Sourced after tests/cli/patch-lib.sh
# ($MAPSCOPE, $tmp and the helpers there).  Each function sets counts.

# soak_files: a 256 KiB file and three runs of edits over several pages;
# $soak_args flushes them, $tmp/soak-orig and $tmp/soak-want are the file
# before and after.
soak_files() {
   random_file "$tmp/soak-orig" 262144
   random_file "$tmp/soak-n1" 20000
   random_file "$tmp/soak-n2" 30000
   random_file "$tmp/soak-n3" 8000
   cp "$tmp/soak-orig" "$tmp/soak-want"
   splice "$tmp/soak-want" 1000 "$tmp/soak-n1"
   splice "$tmp/soak-want" 100000 "$tmp/soak-n2"
   splice "$tmp/soak-want" 200003 "$tmp/soak-n3"
   soak_args="--patch 1000:$(hex_of "$tmp/soak-n1") --patch 100000:$(hex_of "$tmp/soak-n2")
--patch 200003:$(hex_of "$tmp/soak-n3") --flush"
   # how long the flush itself takes (the quickest of three, from the
   # edits applied to the exit) sets the range of the random delays
   best=0
   for k in 1 2 3; do
      cp "$tmp/soak-orig" "$tmp/soak-data"
      soak_start_flush
      t0=$(date +%s%N)
      kill -CONT "$pid"
      wait "$pid"
      t1=$(date +%s%N)
      [ "$best" -eq 0 ] || [ $((t1 - t0)) -lt "$best" ] && best=$((t1 - t0))
   done
   soak_span=$(awk -v ns="$best" 'BEGIN { printf "%.4f", ns / 1e9 * 1.2 }')
}

# soak_start_flush: a flush of $tmp/soak-data, stopped (SIGSTOP) once its
# edits are applied, before the flush begins; $pid is the process.
soak_start_flush() {
   # shellcheck disable=SC2086
   MAPSCOPE_TEST_STOP_AT=edits-applied "$MAPSCOPE" $soak_args "$tmp/soak-data" >/dev/null 2>&1 &
   pid=$!
   wait_stopped "$pid"
}

# soak_kill_flush SEED: that flush let go, and killed (SIGKILL) after a
# random delay within the flush's time; $killed is 1 when the kill ended it.
soak_kill_flush() {
   delay=$(awk -v s="$1" -v span="$soak_span" 'BEGIN { srand(s); printf "%.4f", rand() * span }')
   soak_start_flush
   kill -CONT "$pid"
   sleep "$delay"
   kill -9 "$pid" 2>/dev/null
   wait "$pid"
   [ $? -eq 137 ] && killed=1 || killed=0
   # The flush ended first: flushes run faster than when the span was
   # measured (a machine less loaded now), so narrow it.
   [ "$killed" -eq 1 ] ||
      soak_span=$(awk -v span="$soak_span" 'BEGIN { printf "%.4f", span * 0.9 }')
}

# soak_state FILE OLD NEW: old, new or mixed
soak_state() {
   if cmp -s "$1" "$2"; then echo old
   elif cmp -s "$1" "$3"; then echo new
   else echo mixed
   fi
}

# soak_crashes N: N flushes killed by SIGKILL at random moments (runs the
# flush ended before the kill are not counted), then --recover.  Sets
# crash_killed crash_rolled crash_old crash_new crash_mixed crash_left.
soak_crashes() {
   crash_killed=0 crash_rolled=0 crash_old=0 crash_new=0 crash_mixed=0 crash_left=0
   i=0
   while [ "$crash_killed" -lt "$1" ] && [ "$i" -lt $(($1 * 3)) ]; do
      i=$((i + 1))
      cp "$tmp/soak-orig" "$tmp/soak-data"
      soak_kill_flush "$$$i"
      [ "$killed" -eq 1 ] || continue
      crash_killed=$((crash_killed + 1))
      "$MAPSCOPE" --recover "$tmp/soak-data" >"$tmp/soak.out" 2>&1
      grep -q "rolled back" "$tmp/soak.out" && crash_rolled=$((crash_rolled + 1))
      case $(soak_state "$tmp/soak-data" "$tmp/soak-orig" "$tmp/soak-want") in
      old) crash_old=$((crash_old + 1)) ;;
      new) crash_new=$((crash_new + 1)) ;;
      *) crash_mixed=$((crash_mixed + 1)) ;;
      esac
      [ "$(journals)" -eq 0 ] || { crash_left=$((crash_left + 1)); rm -f "$XDG_STATE_HOME"/mapscope/*; }
   done
}

# soak_benign N: N flushes killed after their journal is synced (the test
# hook, at the three stages in turn: every one leaves a journal), then one
# byte appended or the last byte cut (outside the runs), then --recover:
# the runs must be all old or all new.  Sets benign_runs benign_rolled
# benign_half.
soak_benign() {
   benign_runs=0 benign_rolled=0 benign_half=0
   i=0
   while [ "$benign_runs" -lt "$1" ]; do
      i=$((i + 1))
      cp "$tmp/soak-orig" "$tmp/soak-data"
      cp "$tmp/soak-orig" "$tmp/soak-o2"
      cp "$tmp/soak-want" "$tmp/soak-w2"
      case $((i % 3)) in
      0) stage=journal-synced ;;
      1) stage=mid-write ;;
      *) stage=object-synced ;;
      esac
      # shellcheck disable=SC2086
      (MAPSCOPE_TEST_CRASH_AT=$stage "$MAPSCOPE" $soak_args "$tmp/soak-data") >/dev/null 2>&1
      benign_runs=$((benign_runs + 1))
      for g in "$tmp/soak-data" "$tmp/soak-o2" "$tmp/soak-w2"; do
         if [ $((i % 2)) -eq 0 ]; then printf 'Z' >>"$g"; else truncate -s -1 "$g"; fi
      done
      "$MAPSCOPE" --recover "$tmp/soak-data" >"$tmp/soak.out" 2>&1
      grep -q "rolled back" "$tmp/soak.out" && benign_rolled=$((benign_rolled + 1))
      [ "$(soak_state "$tmp/soak-data" "$tmp/soak-o2" "$tmp/soak-w2")" = mixed ] &&
         benign_half=$((benign_half + 1))
      [ "$(journals)" -eq 0 ] || { benign_half=$((benign_half + 1)); rm -f "$XDG_STATE_HOME"/mapscope/*; }
   done
}

# soak_race N: N completed flushes of a counter while two loops of --dump
# and one of --recover run on the same file.  A completed flush is undone
# when its bytes are not there right after it, or before the next one.  A
# flush may fail when the lock stays taken longer than it waits (a very
# loaded machine): it is counted, and tried again.  Sets race_done
# race_failed race_undone race_left.
soak_race() {
   f=$tmp/race-data
   random_file "$f" 65536
   stop=$tmp/race-stop
   rm -f "$stop"
   soak_reader() {
      while [ ! -e "$stop" ]; do "$MAPSCOPE" "$@" "$f" >/dev/null 2>&1; done
   }
   soak_reader --dump -n 16 & r1=$!
   soak_reader --dump -s 40000 -n 16 & r2=$!
   soak_reader --recover & r3=$!
   race_done=0 race_failed=0 race_undone=0 last=""
   i=1
   while [ "$race_done" -lt "$1" ] && [ "$i" -le $(($1 * 2)) ]; do
      v=$(printf '%08x' "$i")
      [ -n "$last" ] && [ "$(bytes_at "$f" 0 4)$(bytes_at "$f" 40000 4)" != "$last$last" ] &&
         race_undone=$((race_undone + 1))
      if "$MAPSCOPE" --patch "0:$v" --patch "40000:$v" --flush "$f" >/dev/null 2>"$tmp/race.err"; then
         race_done=$((race_done + 1))
         last=$v
         [ "$(bytes_at "$f" 0 4)$(bytes_at "$f" 40000 4)" = "$v$v" ] || race_undone=$((race_undone + 1))
      else
         race_failed=$((race_failed + 1))
         sed 's/^/# failed flush: /' "$tmp/race.err"
      fi
      i=$((i + 1))
   done
   touch "$stop"
   wait "$r1" "$r2" "$r3"
   [ -n "$last" ] && [ "$(bytes_at "$f" 0 4)$(bytes_at "$f" 40000 4)" != "$last$last" ] &&
      race_undone=$((race_undone + 1))
   race_left=$(journals)
}

# soak_reuse FILE: delete FILE and give a copy of its bytes the same inode
# number (at once on ext4); false when the file system did not.
soak_reuse() {
   ino=$(stat -c %i "$1")
   cp "$1" "$tmp/soak-bytes"
   rm "$1"
   n=0
   while [ "$n" -lt 20 ]; do
      cp "$tmp/soak-bytes" "$tmp/soak-fresh$n"
      if [ "$(stat -c %i "$tmp/soak-fresh$n")" = "$ino" ]; then
         mv "$tmp/soak-fresh$n" "$1"
         rm -f "$tmp"/soak-fresh*
         return 0
      fi
      n=$((n + 1))
   done
   mv "$tmp/soak-bytes" "$1"
   rm -f "$tmp"/soak-fresh*
   return 1
}

# soak_foreign N: N journals that are not ours (another user's, a symbolic
# link, writable by others, one whose header names another object, a
# 5 GiB file and a link to one) or not the file's (one of the first format,
# one of a deleted file whose inode number a copy of its half-written bytes
# got: where the file system gives it again), each met by --dump, --recover
# and a flush; replayed when the half-written file changed.  Sets
# foreign_runs foreign_replayed foreign_blocked (flushes refused because of
# it) and foreign_reused (journals of a deleted file met).
soak_foreign() {
   foreign_runs=0 foreign_replayed=0 foreign_blocked=0 foreign_reused=0
   sd=$XDG_STATE_HOME/mapscope
   kinds="link writable header huge huge-link old-format reused"
   [ "$(id -u)" -eq 0 ] && kinds="$kinds other-user"
   while [ "$foreign_runs" -lt "$1" ]; do
      for how in $kinds; do
         cp "$tmp/soak-orig" "$tmp/soak-data"
         # shellcheck disable=SC2086
         (MAPSCOPE_TEST_CRASH_AT=mid-write "$MAPSCOPE" $soak_args "$tmp/soak-data") >/dev/null 2>&1
         cp "$tmp/soak-data" "$tmp/soak-half"
         j=$(ls "$sd"/*.journal)
         cp "$j" "$tmp/soak-jcopy"
         if [ "$how" = reused ]; then
            soak_reuse "$tmp/soak-data" || { rm -rf "$sd"/*; continue; }
            foreign_reused=$((foreign_reused + 1))
         fi
         soak_plant "$how" "$j"
         "$MAPSCOPE" --dump -n 16 "$tmp/soak-data" >/dev/null 2>&1
         "$MAPSCOPE" --recover "$tmp/soak-data" >/dev/null 2>&1
         foreign_runs=$((foreign_runs + 1))
         cmp -s "$tmp/soak-data" "$tmp/soak-half" || foreign_replayed=$((foreign_replayed + 1))
         soak_plant "$how" "$j"
         "$MAPSCOPE" --patch 0:00 --flush "$tmp/soak-data" >/dev/null 2>&1 ||
            foreign_blocked=$((foreign_blocked + 1))
         rm -rf "$sd"/* "$tmp/elsewhere" "$tmp/huge"
      done
   done
}

# soak_plant HOW JOURNAL: put something not ours at JOURNAL's name (from
# the valid journal saved in $tmp/soak-jcopy).
soak_plant() {
   rm -f "$2"
   case $1 in
   link) cp "$tmp/soak-jcopy" "$tmp/elsewhere"; ln -s "$tmp/elsewhere" "$2" ;;
   writable) cp "$tmp/soak-jcopy" "$2"; chmod 0664 "$2" ;;
   header) cp "$tmp/soak-jcopy" "$2"; printf '\001' | dd of="$2" bs=1 seek=16 conv=notrunc status=none ;;
   huge) truncate -s 5G "$2"; chmod 0600 "$2" ;;
   huge-link) truncate -s 5G "$tmp/huge"; ln -s "$tmp/huge" "$2" ;;
   other-user) cp "$tmp/soak-jcopy" "$2"; chown 65534:65534 "$2"; chmod 0644 "$2" ;;
   old-format) { printf 'MSJRNL01'; tail -c +9 "$tmp/soak-jcopy"; } >"$2"; chmod 0600 "$2" ;;
   reused) cp "$tmp/soak-jcopy" "$2"; chmod 0600 "$2" ;;
   esac
}
