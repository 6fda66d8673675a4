#!/bin/sh
# Every catalogue of po/LINGUAS is built, complete, and used.
. "$top_srcdir/tests/lib.sh"

command -v msgfmt >/dev/null 2>&1 || skip_all "msgfmt not installed"
langs=$(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS")
like "po/LINGUAS names German" " $(echo $langs) " " de "
like "po/LINGUAS names Simplified Chinese" " $(echo $langs) " " zh_CN "

# The messages of the sources now, with the c-format flags xgettext gives
# them (po/Makevars' options): a catalogue entry added by hand may lack
# its flag, and msgfmt checks the directives of flagged entries only.
pot=""
if command -v xgettext >/dev/null 2>&1 && command -v msgcmp >/dev/null 2>&1 &&
   command -v msgmerge >/dev/null 2>&1; then
   (cd "$top_srcdir" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
      --keyword=ngettext:1,2 --flag=diag_usage:1:c-format --flag=error_set:4:c-format \
      -f po/POTFILES.in -o "$tmp/now.pot" 2>/dev/null) && pot="$tmp/now.pot"
fi

for lang in $langs; do
   po="$top_srcdir/po/$lang.po"
   # Complete: no untranslated or fuzzy message, and in step with the sources.
   stats=$(msgfmt --statistics -o /dev/null "$po" 2>&1)
   like "$lang.po has translations" "$stats" "translated message"
   case $stats in
   *untranslated*|*fuzzy*) ok "$lang.po is complete ($stats)" false ;;
   *) ok "$lang.po is complete ($stats)" true ;;
   esac
   # The header (Plural-Forms among it) and the format directives of every
   # flagged entry: the same arguments, of the same types, in an order
   # printf can take.
   ok "$lang.po passes msgfmt --check" msgfmt --check -o /dev/null "$po"
   if [ -n "$pot" ]; then
      ok "every message in the sources is in $lang.po (msgcmp)" msgcmp "$po" "$pot"
      # The sources' flags on a scratch copy (the catalogue is not touched).
      # msgmerge marks fuzzy a translation whose directives do not match.
      msgmerge -q --no-fuzzy-matching -o "$tmp/$lang.flagged.po" "$po" "$pot"
      ok "$lang.po: every translation takes the arguments of its message" \
         msgfmt --check-format --use-fuzzy -o /dev/null "$tmp/$lang.flagged.po"
      is "$lang.po: no translation is fuzzy under the sources' flags" \
         "$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.flagged.po" | grep -c '^msgid')" 0
   else
      skip "every message in the sources is in $lang.po" "xgettext/msgcmp/msgmerge missing"
      skip "$lang.po: every translation takes the arguments of its message" "no xgettext"
   fi

   # The build compiles the catalogue (make puts it beside the .po) ...
   if [ -f "$top_builddir/po/$lang.gmo" ] || [ -f "$top_srcdir/po/$lang.gmo" ]; then
      ok "the build compiled $lang.gmo" true
   else
      ok "the build compiled $lang.gmo" false
   fi
   # ... and the program uses it (compiled afresh below: gettext rebuilds
   # .gmo files only when the template changes, so the build's copy may be
   # older).
   mkdir -p "$tmp/locale/$lang/LC_MESSAGES"
   msgfmt -o "$tmp/locale/$lang/LC_MESSAGES/mapscope.mo" "$po"
done

out=$(MAPSCOPE_LOCALEDIR="$tmp/locale" LANGUAGE=de LC_ALL=C.UTF-8 "$MAPSCOPE" --help)
like "LANGUAGE=de: --help is in German" "$out" "Aufruf: mapscope"
err=$(MAPSCOPE_LOCALEDIR="$tmp/locale" LANGUAGE=de LC_ALL=C.UTF-8 "$MAPSCOPE" --dump "$tmp/nope" 2>&1)
like "LANGUAGE=de: errors are in German" "$err" "kann nicht geöffnet werden"
out=$(MAPSCOPE_LOCALEDIR="$tmp/locale" LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$MAPSCOPE" --help)
like "LANGUAGE=zh_CN: --help is in Chinese" "$out" "用法：mapscope"
out=$(MAPSCOPE_LOCALEDIR="$tmp/locale" LANGUAGE=de LC_ALL=C "$MAPSCOPE" --help)
like "the C locale stays English" "$out" "Usage: mapscope"

# --help fits an 80-column terminal in every language (its lines measured
# in screen columns: a CJK character takes two).
wide_lines() {
   python3 -c '
import sys, unicodedata
for line in sys.stdin.read().splitlines():
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if w > 80:
        print(w, line)'
}
if command -v python3 >/dev/null 2>&1; then
   for lang in C $langs; do
      out=$(MAPSCOPE_LOCALEDIR="$tmp/locale" LANGUAGE=$lang LC_ALL=C.UTF-8 "$MAPSCOPE" --help)
      is "--help in $lang: no line wider than 80 columns" "$(printf '%s\n' "$out" | wide_lines)" ""
   done
else
   skip "--help fits 80 columns" "python3 is not installed"
fi

done_testing
