#!/bin/sh
# A terminal that goes away ends the screen: its other end closed, the
# descriptor reads as always ready and gives no key; mapscope must end
# (status 129, as a hang-up), not spin on it.  The pty here is not the
# controlling terminal, so no SIGHUP comes: only the descriptor tells.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 not installed"
head -c 8192 /dev/urandom >"$tmp/data"

python3 - "$MAPSCOPE" "$tmp/data" >"$tmp/result" 2>&1 <<'PY'
import os, pty, subprocess, sys, time
master, slave = pty.openpty()
env = dict(os.environ, TERM="xterm", LC_ALL="C.UTF-8")
p = subprocess.Popen([sys.argv[1], sys.argv[2]], stdin=slave, stdout=slave,
                     stderr=slave, env=env, close_fds=True)
os.close(slave)
deadline = time.time() + 10
drawn = b""
while time.time() < deadline and b"00000000" not in drawn:   # the first screen
    try:
        drawn += os.read(master, 65536)
    except OSError:
        break
os.close(master)                    # the terminal goes away
try:
    rc = p.wait(timeout=10)
    print("exited", rc)
except subprocess.TimeoutExpired:
    print("still running")
    p.kill()
    p.wait()
PY
result=$(cat "$tmp/result")
is "the screen ends when its terminal goes away, as on a hang-up" "$result" "exited 129"
done_testing
