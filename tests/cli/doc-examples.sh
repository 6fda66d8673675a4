#!/bin/sh
# Every example README.md, doc/mapscope.1 (its EXAMPLES) and --help show is
# extracted from the documents themselves and run here against files this
# test builds, so a documented command cannot break unnoticed.  A line that
# shows the grammar ([OPTION], SOURCE, OFFSET ...) is not an example.  The
# screen's examples run in a pseudo-terminal (script(1)) and end with
# -c quit.  Global names (shm:/session ...) are made unique to this run.
. "$top_srcdir/tests/lib.sh"

command -v script >/dev/null 2>&1 || skip_all "script(1) not found"

# ---- the files the examples name -------------------------------------------
cd "$tmp" || exit 1
truncate -s 6G disk.img
printf 'Copyright NEEDLE' | dd of=disk.img bs=1 seek=$((1024 * 1024 * 1024 + 100)) \
   conv=notrunc 2>/dev/null
head -c 70000 /dev/urandom >core
printf '\336\255\001\357' | dd of=core bs=1 seek=4000 conv=notrunc 2>/dev/null
cp core core.1234
head -c 300 /dev/urandom >firmware.bin
printf 'step 6\nquit\n' >steps.txt
tag=mapscope-doc-$$
printf '\177ELF\002 session' >"/dev/shm/$tag"
head -c 32 /dev/zero >"/dev/shm/sem.$tag"
id=$(ipcmk -M 4096 2>/dev/null | awk '{print $NF}')
key=$(ipcs -m 2>/dev/null | awk -v id="$id" '$2 == id { print $1 }')   # in hex, as typed
on_exit "rm -f '/dev/shm/$tag' '/dev/shm/sem.$tag'; [ -n '$id' ] && ipcrm -m '$id' 2>/dev/null"
# a process for the pid: examples (pid:1234, its known bytes at 7f0000001000)
"$top_builddir/tests/helpers/procmemhelper" >procmem.out 2>&1 &
procmem_pid=$!
on_exit "kill $procmem_pid 2>/dev/null"
await_line procmem.out '^pid=' "$procmem_pid" procmem.out "the process for the pid: examples did not start"
procmem_known=$(tr ' ' '\n' <procmem.out | sed -n 's/^known=0x//p')

# ---- the examples --------------------------------------------------------------
# README: indented code lines that run mapscope (alone or after a pipe).
sed -n 's/^    \(mapscope\( .*\)\{0,1\}\)$/\1/p; s/^    \([^ ].* | mapscope .*\)$/\1/p' \
   "$top_srcdir/README.md" >examples.readme
# The man page: the .B lines of EXAMPLES, unescaped.
sed -n '/^\.SH EXAMPLES/,/^\.SH /s/^\.B \(mapscope .*\)$/\1/p' "$top_srcdir/doc/mapscope.1" |
   sed "s/\\\\-/-/g; s/\\\\(aq/'/g" >examples.man
# doc/concepts.md: its indented mapscope lines, as README's.
sed -n 's/^    \(mapscope\( .*\)\{0,1\}\)$/\1/p; s/^    \([^ ].* | mapscope .*\)$/\1/p' \
   "$top_srcdir/doc/concepts.md" >examples.concepts
# --help: the -c examples, on a file.
"$MAPSCOPE" --help | sed -n "s/.*(repeatable: \(-c .*\))$/mapscope \1 disk.img/p" >examples.help

is "README.md has examples" "$(test -s examples.readme && echo yes)" yes
is "the man page has examples" "$(test -s examples.man && echo yes)" yes
is "--help has an example" "$(test -s examples.help && echo yes)" yes
is "doc/concepts.md has examples" "$(test -s examples.concepts && echo yes)" yes

# Grammar lines are not examples.
is_grammar() {
   case $1 in
   *'['*|*SOURCE*|*OFFSET:HEX*|*KINDS*|*'PATTERN '*) return 0 ;;
   esac
   return 1
}

# Make a documented command runnable here: comments off, global names ours,
# placeholders filled, the screen told to quit.
prepare() {
   printf '%s\n' "$1" | sed \
      -e 's/[[:space:]]*#[^'"'"']*$//' \
      -e "s|\\bmapscope\\b|\"\$MAPSCOPE\"|g" \
      -e "s|shm:/session|shm:/$tag|g" \
      -e "s|sem:/lock|sem:/$tag|g" \
      -e "s|sysv:key=0x5e0001|sysv:key=$key|g" \
      -e "s|NEEDLE|Copyright|g" \
      -e "s|pid:1234|pid:$procmem_pid|g" \
      -e "s|7f0000001000|$procmem_known|g"
}

is_screen() {
   case $1 in
   *--dump*|*--xxd*|*--find*|*-e\ *|*--patch*|*--list*|*--info*|*--help*|*--version*) return 1 ;;
   *--recover*) return 1 ;;       # prints what it rolled back: no screen, so no -c
   *--tour*) return 1 ;;          # without a terminal: the steps as text
   esac
   return 0
}

cat examples.readme examples.man examples.help examples.concepts >examples
while IFS= read -r line; do
   is_grammar "$line" && continue
   cmd=$(prepare "$line")
   if is_screen "$cmd"; then
      case $cmd in *'-c quit'*) ;; *) cmd="$cmd -c quit" ;; esac
      MAPSCOPE=$MAPSCOPE timeout 20 script -qec "$cmd" /dev/null </dev/null >out 2>&1
   else
      MAPSCOPE=$MAPSCOPE timeout 20 sh -c "$cmd" >out 2>err </dev/null
   fi
   rc=$?
   is "documented: $line" "$rc" 0
   if [ "$rc" -ne 0 ]; then
      sed 's/^/# /' err out 2>/dev/null | head -5
   fi
done <examples

done_testing
