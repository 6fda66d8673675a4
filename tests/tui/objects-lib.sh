# objects-lib.sh - the terminal tests of the object list: objects made by
# tests/helpers/objholder under a prefix of fixed length, and captures
# masked where they vary from run to run (the prefix, pids, addresses,
# the owner, ids, the count of processes that could not be inspected).
#
#   . "$top_srcdir/tests/tui/objects-lib.sh"
#   objtui_holder             starts the holder: $p (name prefix), $key_prefix
#                             ("key=0x7e" + 4 hex digits: its System V keys)
# Descriptor numbers are masked too: make's job server may hold some.
. "$top_srcdir/tests/tui/tui.sh"
. "$top_srcdir/tests/cli/objects-lib.sh"

need_shm
p="mst$(printf '%07d' $$)"
key_hex="7e$(printf '%04x' $(( $$ & 0xffff )))"
key_prefix="key=0x$key_hex"
me=$(id -un)

objtui_holder() {
   holder_start "$p" "0x${key_hex}00"
   holder_pid_text=$(holder_get pid)
}

# The owner column is 8 wide: " NAME   " becomes " OWNER   ".
objtui_mask() {
   sed -e "s/$p/mstPREFIX_/g" \
       -e "s/ $me  */ OWNER    /" \
       -e 's/[0-9][0-9]* process\(es\)\{0,1\} not inspected/N processes not inspected/' \
       -e 's/ [0-9][0-9]* of [0-9][0-9]*/ N of M/' \
       -e 's/[0-9a-f]\{8,\}-[0-9a-f]\{8,\}/ADDRESS-ADDRESS/' -e 's/ fd [0-9][0-9]*$/ fd N/' \
       -e 's/^ \{1,6\}[0-9]\{1,6\}  \([^ ]\)/    PID  \1/' \
       -e 's/= 0x[0-9a-f]\{6,\}/= 0xADDRESS/' -e 's/= (nil)/= 0xADDRESS/'
}

# objtui_no_status=1: leave the status line out (the hex view's right part
# belongs to that view, not to the list).
objtui_no_status=0
tui_capture() {
   if [ "$objtui_no_status" = 1 ]; then
      tui_tmux capture-pane -p -t tui 2>/dev/null | objtui_mask | sed '$d'
   else
      tui_tmux capture-pane -p -t tui 2>/dev/null | objtui_mask
   fi
}
