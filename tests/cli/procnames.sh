#!/bin/sh
# Untrusted names in a process's region list: mapped files whose names hold
# a newline, a tab, an escape sequence, a right-to-left override and a
# backslash are escaped in --list and carried once-escaped in --json (the
# same text as the table, valid JSON); a file named "... (deleted)" that
# is there is not taken for an unlinked one, and an unlinked one is.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null || skip_all "python3 maps the files"
mkdir "$tmp/n"
python3 - "$tmp/n" >"$tmp/p.out" 2>"$tmp/p.err" <<'PY' &
import mmap, os, sys, time, signal
os.chdir(sys.argv[1])
names = ["a\nb.bin", "bidi\u202egnp.exe", "tab\there", "esc\x1b[31mred", "back\\slash",
         "there (deleted)", "gone.bin"]
keep = []
for n in names:
    with open(n, "wb") as f:
        f.write(b"x" * 4096)
    fd = os.open(n, os.O_RDONLY)
    keep.append(mmap.mmap(fd, 4096, prot=mmap.PROT_READ))
    os.close(fd)
os.unlink("gone.bin")
print("pid=%d" % os.getpid(), flush=True)
time.sleep(120)
PY
ppid=$!
on_exit "kill $ppid 2>/dev/null"
await_line "$tmp/p.out" '^pid=' "$ppid" "$tmp/p.err" "the mapping process did not start"

run_ms --list --columns=flags,backing pid:"$ppid"
is "--list pid:PID (0)" "$rc" 0
list=$(printf '%s\n' "$out" | grep "$tmp/n/")
is "one line per mapped file, a newline in a name included" "$(printf '%s\n' "$list" | wc -l)" 7
like "a newline is escaped" "$list" "/a\\nb.bin"
like "a right-to-left override is escaped" "$list" "/bidi\\u202egnp.exe"
like "an escape sequence is escaped" "$list" "/esc\\e[31mred"
like "a tab is escaped" "$list" "/tab\\there"
like "a backslash is doubled" "$list" "/back\\\\slash"
is "no raw control byte reaches the output" "$(printf '%s' "$out" | tr -d '\n' | tr -d '[:print:]' | wc -c)" 0
like "a file named '... (deleted)' keeps its name" "$list" "/there (deleted)"
like "an unlinked file is flagged" "$(printf '%s\n' "$list" | grep gone.bin)" "deleted"

run_ms --list --json pid:"$ppid"
printf '%s\n' "$out" >"$tmp/j.json"
ok "--list --json pid:PID is valid JSON" python3 -m json.tool "$tmp/j.json"
is "backing and name say the same, as JSON strings of the real names; deleted only where it is" "$(python3 - "$tmp/j.json" "$tmp/n/" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
mine = [r for r in j["regions"] if r["name"].startswith(sys.argv[2])]
for r in sorted(mine, key=lambda r: r["name"]):
    print(r["backing"] == r["name"], r["deleted"], json.dumps(r["name"][len(sys.argv[2]):]))
PY
)" 'True False "a\nb.bin"
True False "back\\slash"
True False "bidi\u202egnp.exe"
True False "esc\u001b[31mred"
True True "gone.bin"
True False "tab\there"
True False "there (deleted)"'

# a command name (comm) that holds a newline is shown whole, escaped: only
# the kernel's own newline at its end is dropped
python3 -c 'import ctypes, sys, time
ctypes.CDLL(None).prctl(15, b"ev\nil\x1b[2J", 0, 0, 0)
print("ready", flush=True)
time.sleep(60)' >"$tmp/c.out" &
cpid=$!
on_exit "kill $cpid 2>/dev/null"
await_line "$tmp/c.out" '^ready' "$cpid" /dev/null "the renamed process is ready"
run_ms --info pid:"$cpid"
like "--info: the whole name, escaped" "$out" "($(printf '%s' 'ev\nil\e[2J'))"
run_ms --list --json pid:"$cpid"
is "--list --json: the whole name as JSON" "$(printf '%s' "$out" | python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["command"]))')" '"ev\nil\u001b[2J"'
done_testing
