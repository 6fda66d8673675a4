#!/bin/sh
# The object list in Simplified Chinese: the headings in their columns, the
# pane's explanations wrapped between characters (Chinese has no spaces
# to wrap at), and the holders' headings padded in columns, not bytes.
. "$top_srcdir/tests/tui/objects-lib.sh"
command -v msgfmt >/dev/null 2>&1 || skip_all "msgfmt not installed"
mkdir -p "$tmp/locale/zh_CN/LC_MESSAGES"
msgfmt -o "$tmp/locale/zh_CN/LC_MESSAGES/mapscope.mo" "$top_srcdir/po/zh_CN.po"
tui_env="MAPSCOPE_LOCALEDIR='$tmp/locale' LANGUAGE=zh_CN"

# The counts that vary from run to run, as they read in Chinese.
tui_capture() {
   tui_tmux capture-pane -p -t tui 2>/dev/null | objtui_mask |
      sed -e 's/[0-9][0-9]* 个进程未检查/N 个进程未检查/' \
          -e 's/ [0-9][0-9]* \/ [0-9][0-9]* / N \/ M /'
}

objtui_holder

tui_start 80 24 -c "filter $p"
tui_screen objects-zh-list-80x24
expect_status "the status is in Chinese" "对象 1/10"
tui_send "jjjj"
tui_screen objects-zh-shrunk-80x24
expect_line 22 "the explanation goes on in the pane's next line, indented" \
   "  SIGBUS"
# At 60 columns an explanation has runs of Chinese wider than a line,
# without a space: they are wrapped between two characters, nothing
# lost; when the pane is full, its last line ends in an ellipsis.  (Lines
# of the pane only: the list's names are cut at this width, past the
# masks.)
tui_resize 60 24
tui_send "<C-l>"
shrunk_pane=$(tui_settled | sed -n '21,23p')
tui_send "j"
is "60 columns: the flag's line breaks at a space" \
   "$(tui_settled | sed -n 21p)" 'sem-shm: shm_open("/sem.X") 和 sem_open("/X")'
is "60 columns: the run without spaces is cut between characters" \
   "$(tui_settled | sed -n 22,23p)" "  指向同一个对象，而这个对象被当作共享内存调整过大小或写入过
  ：它的大小或字节不是信号量的。"
is "60 columns: size-mismatch's explanation, wrapped whole between its characters" \
   "$shrunk_pane" "size-mismatch:
  有进程映射的范围超过了对象当前的大小：访问其末尾之后的页会
  触发 SIGBUS。"
tui_resize 80 24
tui_send ":filter $p-shm" "a"
tui_screen objects-zh-attachers-80x24
tui_send "q"
tui_stop
is "quit exits 0" "$tui_rc" 0
done_testing
