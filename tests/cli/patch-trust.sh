#!/bin/sh
# Journals that are not ours are never replayed, and never block a flush:
# another user's journal, a symbolic link, one others may write, one in a
# directory that is not ours, one too large to be a journal.  Read-only
# runs (--dump, --xxd, --find, --info, --patch without --flush) say what
# they found and write nothing; --recover and a flush move a foreign file
# aside, and say where.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/patch-lib.sh"

f=$tmp/data
sd=$XDG_STATE_HOME/mapscope
random_file "$tmp/orig" 65536
random_file "$tmp/n1" 9000
set -- --patch "100:$(hex_of "$tmp/n1")" --patch "40000:c0ffee" --flush

# crash: a flush killed half-way leaves F half-written and its journal $j
crash() {
   cp "$tmp/orig" "$f"
   MAPSCOPE_TEST_CRASH_AT=mid-write "$MAPSCOPE" "$@" "$f" >/dev/null 2>&1
   j=$(ls "$sd"/*.journal)
   cp "$f" "$tmp/half"
}

# read_only WHAT WANT: every read-only mode says WANT and writes nothing
read_only() {
   for mode in "--dump -n 16" "--xxd -n 16" "--find c0ffee" "--info" "--patch 0:00"; do
      # shellcheck disable=SC2086
      run_ms $mode "$f"
      like "$1: ${mode%% *} says so" "$err" "$2"
      ok "$1: ${mode%% *} writes nothing" same "$f" "$tmp/half"
   done
}

# ---- the journal of an interrupted flush: read-only runs say so ----
crash "$@"
ok "the crash left the file half-written" sh -c '! cmp -s "$1" "$2"' - "$f" "$tmp/orig"
read_only "a hot journal" "half-written"
run_ms --find c0ffee "$f"
like "--find says how to roll it back" "$err" "mapscope --recover"
is "the journal is still there" "$(journals)" 1
run_ms --recover "$f"
is "--recover: exit 0" "$rc" 0
ok "--recover: the file is all old" same "$f" "$tmp/orig"
run_ms --recover "$f"
like "--recover again: nothing to do" "$out" "no interrupted flush"

# ---- --recover: bad usage ----
run_ms --recover
is "--recover without SOURCE: exit 2" "$rc" 2
like "--recover without SOURCE: says so" "$err" "no SOURCE given"
run_ms --recover --patch 0:00 "$f"
is "--recover with --patch: exit 2" "$rc" 2
XDG_STATE_HOME= HOME= run_ms --recover "$f"
is "--recover with no place for journals: exit 1" "$rc" 1
like "--recover with no place for journals: says so" "$err" "set XDG_STATE_HOME or HOME"

# ---- foreign journals: never read, moved aside only by a writing open ----
# plant HOW: make $j foreign
plant() {
   case $1 in
   link) mv "$j" "$tmp/elsewhere"; ln -s "$tmp/elsewhere" "$j" ;;
   dangling) rm -f "$j"; ln -s "$tmp/nowhere" "$j" ;;
   writable) chmod 0664 "$j" ;;
   other-user) chown 65534:65534 "$j"; chmod 0644 "$j" ;;
   huge-link) rm -f "$j"; truncate -s 5G "$tmp/huge"; ln -s "$tmp/huge" "$j" ;;
   huge) rm -f "$j"; truncate -s 5G "$j"; chmod 0600 "$j" ;;
   not-journal) printf 'not a journal at all' >"$j" ;;
   esac
}

for how in link dangling writable other-user huge-link huge not-journal; do
   if [ "$how" = other-user ] && [ "$(id -u)" -ne 0 ]; then
      skip "$how: needs root to give a file away"
      continue
   fi
   crash "$@"
   plant "$how"
   read_only "$how" "not a journal of ours"
   run_ms --recover "$f"
   is "$how: --recover exits 1: nothing was rolled back" "$rc" 1
   like "$how: --recover says it was not read" "$err" "not a journal of ours"
   like "$how: and where it was moved" "$err" "aside"
   ok "$how: not replayed" same "$f" "$tmp/half"
   is "$how: nothing at the journal's name" "$(journals)" 0
   is "$how: kept aside, not removed" "$(ls -A "$sd" | grep -c '\.aside\.')" 1
   rm -f "$sd"/*.aside.*
done

# a foreign file at the journal's name does not block a flush: it is moved
# aside, and the flush says so
for how in dangling writable huge; do
   cp "$tmp/orig" "$f"
   MAPSCOPE_TEST_CRASH_AT=journal-synced "$MAPSCOPE" "$@" "$f" >/dev/null 2>&1
   j=$(ls "$sd"/*.journal)
   plant "$how"
   run_ms --patch 0:41 --flush "$f"
   is "$how at the name, then a flush: exit 0" "$rc" 0
   like "$how at the name, then a flush: says it moved it aside" "$err" "moved aside"
   is "$how at the name, then a flush: the edit is written" "$(bytes_at "$f" 0 1)" 41
   is "$how at the name, then a flush: kept aside" "$(ls -A "$sd" | grep -c '\.aside\.')" 1
   rm -f "$sd"/*.aside.*
done

# ---- a journal directory that is not ours ----
crash "$@"
chmod 0777 "$sd"
read_only "a directory others may write" "may be written by others"
run_ms --recover "$f"
is "a directory others may write: --recover exits 1" "$rc" 1
like "a directory others may write: names it" "$err" "$sd"
run_ms --patch 0:41 --flush "$f"
is "a directory others may write: a flush exits 1" "$rc" 1
like "a directory others may write: the flush says why" "$err" "chmod go-w"
ok "a directory others may write: nothing written" same "$f" "$tmp/half"
chmod 0700 "$sd"

if [ "$(id -u)" -eq 0 ]; then
   # root's XDG_STATE_HOME (or HOME) in a directory another user owns: the
   # attack of a planted journal
   chown 65534:65534 "$sd"
   read_only "another user's directory" "belongs to uid 65534"
   run_ms --patch 0:41 --flush "$f"
   is "another user's directory: a flush exits 1" "$rc" 1
   like "another user's directory: says whose it is" "$err" "belongs to uid 65534, not to you"
   ok "another user's directory: nothing written" same "$f" "$tmp/half"
   chown 0:0 "$sd"
   run_ms --recover "$f"
   ok "ours again: --recover rolls back" same "$f" "$tmp/orig"

   # a user's own directory holding a root-owned file at the journal's
   # name: the user's flush is not blocked for ever
   u=$tmp/user
   mkdir -p "$u/state"
   cp "$tmp/orig" "$u/data"
   chown -R 65534:65534 "$u"
   chmod 0700 "$u/state"
   name=$(stat -c '%d:%i' "$u/data").journal
   mkdir -p "$u/state/mapscope"
   chown 65534:65534 "$u/state/mapscope"
   chmod 0700 "$u/state/mapscope"
   printf 'root was here' >"$u/state/mapscope/$name"
   chmod 0600 "$u/state/mapscope/$name"
   XDG_STATE_HOME=$u/state run_ms_unprivileged --dump -n 16 "$u/data"
   like "a root-owned journal in the user's directory: a dump says so" "$err" "belongs to uid 0"
   XDG_STATE_HOME=$u/state run_ms_unprivileged --patch 0:41 --flush "$u/data"
   is "a root-owned journal in the user's directory: the user's flush works" "$rc" 0
   like "and says it moved the file aside" "$err" "moved aside"
   is "the edit is written" "$(bytes_at "$u/data" 0 1)" 41
   ok "the root-owned file is kept" sh -c 'ls "$1"/*.aside.1 >/dev/null' - "$u/state/mapscope"
else
   skip "another user's directory: needs root"
fi

# The journal directory through a symbolic link in a sticky directory
# anyone may write (as /tmp): anyone could have made that link, so it is
# refused before anything is made or read through it.  A link in a
# directory of the user's own is followed as before.
sticky=$tmp/sticky
mkdir -p "$sticky" "$tmp/target"
chmod 1777 "$sticky"
chmod 0700 "$tmp/target"
ln -s "$tmp/target" "$sticky/mapscope"
cp "$tmp/orig" "$f"
XDG_STATE_HOME=$sticky run_ms --patch 0:41 --flush "$f"
is "journal directory: a link in a sticky world-writable directory: status 1" "$rc" 1
like "... refused, with the link named" "$err" "goes through the symbolic link $sticky/mapscope in a sticky directory anyone may write"
is "... the object is not written" "$(bytes_at "$f" 0 1)" "$(bytes_at "$tmp/orig" 0 1)"
is "... nothing made through the link" "$(ls -A "$tmp/target" | wc -l)" 0
XDG_STATE_HOME=$sticky run_ms --recover "$f"
like "... --recover refuses it too" "$err" "goes through the symbolic link"
ln -s "$sticky" "$tmp/via"
XDG_STATE_HOME=$tmp/via run_ms --patch 0:41 --flush "$f"
like "... a link further up the path is looked at too" "$err" "goes through the symbolic link $tmp/via/mapscope"
mkdir -p "$tmp/mine"
chmod 0700 "$tmp/mine"
ln -s "$tmp/target" "$tmp/mine/mapscope"
XDG_STATE_HOME=$tmp/mine run_ms --patch 0:41 --flush "$f"
is "a link in a directory of one's own is followed: the flush works" "$rc" 0
is "... the edit is written" "$(bytes_at "$f" 0 1)" 41

done_testing
