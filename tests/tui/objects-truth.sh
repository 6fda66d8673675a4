#!/bin/sh
# What the screen claims must be true: a System V segment opened in the hex
# view says mapscope attached it (and the kernel's nattch shows it); a page
# over a hole of a full tmpfs is said to be that, not a shrink; the object
# list says why no message queue is listed where mqueue is not mounted.
. "$top_srcdir/tests/tui/tui.sh"

# ---- a System V segment in the hex view ----
if command -v ipcmk >/dev/null 2>&1 \
   && id=$(ipcmk -M 8192 2>/dev/null | sed -n 's/^Shared memory id: //p') && [ -n "$id" ]; then
   on_exit "ipcrm -m $id 2>/dev/null"
   nattch() { awk -v id="$id" 'NR > 1 && $2 == id { print $7 }' /proc/sysvipc/shm; }
   tui_start 160 24 "sysv:$id"
   expect_status "the hex view says it attached the segment" \
      "attached by mapscope: counted in nattch while open"
   is "... and the kernel counts it" "$(nattch)" 1
   # The libmagic child (forked once the first screen is up) does not
   # inherit the attachment: once the type is shown, lpid still names
   # mapscope, nattch counts it once and no detach time was set.
   expect_line 1 "the type is in (the libmagic child has run)" "│ data"
   pane=$(tui_tmux list-panes -t tui -F '#{pane_pid}')
   ms=$(ps -o pid= --ppid "$pane" | tr -d ' ' | head -n 1)
   row=$(awk -v id="$id" 'NR > 1 && $2 == id { print $6, $7, $13 }' /proc/sysvipc/shm)
   is "after the libmagic child: lpid is mapscope's, nattch 1, no detach time" \
      "$row" "$ms 1 0"
   tui_stop
   is "sysv: quit exits 0" "$tui_rc" 0
   is "after quitting: detached" "$(nattch)" 0
   # Enter on the segment's row of the object list attaches it too: the
   # status line says so, and :messages keeps it after the list's own
   # message.
   tui_start 160 24 --kind=sysv-shm
   tui_send ":filter id=$id" "<Enter>"
   expect_status "Enter in the object list: the status line says it attached" \
      "sysv:$id: attached by mapscope: counted in nattch while open"
   is "... and the kernel counts it" "$(nattch)" 1
   tui_send ":messages"
   is ":messages keeps the notice" \
      "$(tui_capture | grep -c "^sysv:$id: attached by mapscope: counted in nattch while open")" 1
   tui_send "q" "q"
   expect_line 3 "back in the list" "sysv-shm key="
   is "back in the list: detached" "$(nattch)" 0
   tui_stop
else
   skip "the hex view says it attached the segment" "cannot make a System V segment (ipcmk)"
   skip "... and the kernel counts it" "no segment"
   skip "the type is in (the libmagic child has run)" "no segment"
   skip "after the libmagic child: lpid is mapscope's, nattch 1, no detach time" "no segment"
   skip "sysv: quit exits 0" "no segment"
   skip "after quitting: detached" "no segment"
   skip "Enter in the object list: the status line says it attached" "no segment"
   skip "... and the kernel counts it" "no segment"
   skip ":messages keeps the notice" "no segment"
   skip "back in the list" "no segment"
   skip "back in the list: detached" "no segment"
fi

# ---- a hole of a file on a full tmpfs ----
full="$tmp/full"
mkdir "$full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=256k tmpfs "$full" 2>/dev/null; then
   on_exit "umount '$full' 2>/dev/null || umount -l '$full'"
   truncate -s 64K "$full/sparse"
   dd if=/dev/zero of="$full/fill" bs=4096 status=none 2>/dev/null
   tui_start 160 24 "$full/sparse"
   expect_status "a hole on a full tmpfs: the real cause" \
      "the file system is full: the page over a hole could not be allocated"
   tui_stop
   # The inspector and the type line show no value the pane could not read.
   tui_start 100 50 -o 0x9000 -c mapping "$full/sparse"
   expect_line 2 "the hole's rows are blank" ""
   tui_wait_text "no values" 5
   is "full tmpfs: the inspector says why, instead of values" \
      "$(tui_capture | grep -c '^no values: the bytes here could not be read (the file system is full')" 1
   is "full tmpfs: no u8 cell" "$(tui_capture | grep -c '^u8 ')" 0
   is "full tmpfs: no type looked up" "$(tui_capture | grep -c 'type at 0x9000: not looked up')" 1
   tui_stop
   is "full tmpfs: quit exits 0" "$tui_rc" 0
   rm -f "$full/fill"
   tui_start 160 24 "$full/sparse"
   expect_line 2 "room again: the hole reads as zeros" "00 00 00 00"
   tui_stop
else
   skip "a hole on a full tmpfs: the real cause" "needs root to mount a tmpfs"
   skip "full tmpfs: quit exits 0" "needs root to mount a tmpfs"
   skip "the hole's rows are blank" "needs root to mount a tmpfs"
   skip "full tmpfs: the inspector says why, instead of values" "needs root to mount a tmpfs"
   skip "full tmpfs: no u8 cell" "needs root to mount a tmpfs"
   skip "full tmpfs: no type looked up" "needs root to mount a tmpfs"
   skip "room again: the hole reads as zeros" "needs root to mount a tmpfs"
fi

# ---- the object list without the mqueue file system ----
# mapscope in a private mount namespace with no mqueue mount.
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null 2>&1 \
   && unshare -m true 2>/dev/null; then
   cat >"$tmp/no-mq" <<EOS
#!/bin/sh
unshare -m sh -c 'awk '"'"'\$3 == "mqueue" { print \$2 }'"'"' /proc/self/mounts |
   while read -r m; do umount "\$m" || exit 1; done; exec "\$0" "\$@"' '$MAPSCOPE' "\$@"
EOS
   chmod +x "$tmp/no-mq"
   saved=$MAPSCOPE
   MAPSCOPE=$tmp/no-mq
   tui_start 160 24
   expect_status "the object list says why no queue is listed" \
      "message queues are not listed: the mqueue file system is not mounted (mount -t mqueue none /dev/mqueue)"
   tui_send ":kind mq"
   expect_line 20 ":kind mq: the empty list says there is none to show" "No object matches"
   expect_line 21 "... and why" "message queues are not listed: the mqueue file system is not mounted"
   tui_send ":kind shm"
   expect_line 20 ":kind shm: the list of shm objects" ""
   is ":kind shm: no word about queues" "$(tui_capture | grep -c 'message queues are not listed')" 0
   # A shm object's pane: not "nothing odd", but that a queue with its
   # name cannot be seen.
   q="mstnoq$$"
   printf 'x' >"/dev/shm/$q"
   on_exit "rm -f /dev/shm/$q"
   tui_send ":filter $q"
   expect_line 21 "the pane of a shm object: queues cannot be seen" \
      "No flags, but message queues cannot be seen: the mqueue file system is not mounted"
   is "... and no claim that nothing is odd" "$(tui_capture | grep -c 'nothing odd about this object')" 0
   tui_stop
   is "no mqueue: quit exits 0" "$tui_rc" 0
   MAPSCOPE=$saved
else
   skip "the object list says why no queue is listed" "needs root and unshare"
   skip ":kind mq: the empty list says there is none to show" "needs root and unshare"
   skip "... and why" "needs root and unshare"
   skip ":kind shm: no word about queues" "needs root and unshare"
   skip "the pane of a shm object: queues cannot be seen" "needs root and unshare"
   skip "... and no claim that nothing is odd" "needs root and unshare"
   skip "no mqueue: quit exits 0" "needs root and unshare"
fi

done_testing
