# tour-lib.sh - what the tour's tests share (sourced after tests/lib.sh or
# tests/tui/tui.sh).

# tour_mask: a filter; what varies from run to run in the tour's text
# (names and pids, addresses, keys, inodes, name-space ids, journal sizes,
# the pid in the inspector) masked.
tour_mask() {
   sed -e 's/mapscope-tour-[0-9][0-9]*/mapscope-tour-PID/g' \
       -e 's/pid [0-9][0-9]*/pid PID/g' \
       -e 's/0x[0-9a-f]\{10,\}/0xADDRESS/g' \
       -e 's/0x4d54[0-9a-f]\{4\}/0xKEY/g' \
       -e 's/inode [0-9][0-9]*/inode N/g' \
       -e 's/name space [0-9][0-9]* -> [0-9][0-9]*/name space N -> M/g' \
       -e 's/journal bytes [0-9][0-9]*/journal bytes N/' \
       -e 's/0x10 u32  [0-9][0-9]* */0x10 u32  PID          /'
}
