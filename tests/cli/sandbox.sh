#!/bin/sh
# --version says how the libmagic child is confined, as configure built it.
. "$top_srcdir/tests/lib.sh"
run_ms --version
is "--version: status 0" "$rc" 0
if grep -q '^#define HAVE_SECCOMP 1' "$top_builddir/config.h"; then
   like "--version: the seccomp filter" "$out" "libmagic runs without privileges, under a seccomp filter."
else
   like "--version: no filter, and why" "$out" "with no seccomp filter (built --without-seccomp)"
fi
done_testing
