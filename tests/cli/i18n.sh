#!/bin/sh
# The German catalog is built, complete, and used.
. "$top_srcdir/tests/lib.sh"

command -v msgfmt >/dev/null 2>&1 || skip_all "msgfmt not installed"
po="$top_srcdir/po/de.po"

# Complete: no untranslated or fuzzy message, and in step with the sources.
stats=$(msgfmt --statistics -o /dev/null "$po" 2>&1)
like "de.po has translations" "$stats" "translated message"
case $stats in
*untranslated*|*fuzzy*) ok "de.po is complete ($stats)" false ;;
*) ok "de.po is complete ($stats)" true ;;
esac
if command -v xgettext >/dev/null 2>&1 && command -v msgcmp >/dev/null 2>&1; then
   (cd "$top_srcdir" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
      --keyword=ngettext:1,2 -f po/POTFILES.in -o "$tmp/now.pot" 2>/dev/null)
   ok "every message in the sources is in de.po (msgcmp)" msgcmp "$po" "$tmp/now.pot"
else
   skip "every message in the sources is in de.po" "xgettext/msgcmp missing"
fi

# The build compiles the catalog (make puts it beside de.po) ...
if [ -f "$top_builddir/po/de.gmo" ] || [ -f "$top_srcdir/po/de.gmo" ]; then
   ok "the build compiled de.gmo" true
else
   ok "the build compiled de.gmo" false
fi
# ... and the program uses it.  Compile de.po afresh: gettext rebuilds .gmo
# files only when the template changes, so the build's copy may be older.
mkdir -p "$tmp/locale/de/LC_MESSAGES"
msgfmt -o "$tmp/locale/de/LC_MESSAGES/mapscope.mo" "$po"
out=$(MAPSCOPE_LOCALEDIR="$tmp/locale" LANGUAGE=de LC_ALL=C.UTF-8 "$MAPSCOPE" --help)
like "LANGUAGE=de: --help is in German" "$out" "Aufruf: mapscope"
err=$(MAPSCOPE_LOCALEDIR="$tmp/locale" LANGUAGE=de LC_ALL=C.UTF-8 "$MAPSCOPE" --dump "$tmp/nope" 2>&1)
like "LANGUAGE=de: errors are in German" "$err" "kann nicht geöffnet werden"
out=$(MAPSCOPE_LOCALEDIR="$tmp/locale" LANGUAGE=de LC_ALL=C "$MAPSCOPE" --help)
like "the C locale stays English" "$out" "Usage: mapscope"

done_testing
