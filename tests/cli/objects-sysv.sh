#!/bin/sh
# System V objects in --list: the holder's rows, and every row agrees with
# /proc/sysvipc and with lsipc.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/objects-lib.sh"

need_shm
[ -r /proc/sysvipc/shm ] || skip_all "no /proc/sysvipc on this machine"
p="msv$$"
key=$(printf '0x6e%06x' $(( $$ & 0xffffff )))
holder_start "$p" "$key"
hp=$(holder_get pid)
sid=$(holder_get sysv_shm_id)
semid=$(holder_get sysv_sem_id)
msgid=$(holder_get sysv_msg_id)
gone=$(holder_get sysv_removed_id)

# Other tests may make and remove System V objects meanwhile: compare only
# the rows that were the same before and after mapscope looked.
snap() {
   for k in shm sem msg; do cp "/proc/sysvipc/$k" "$tmp/$1.$k"; done
   if command -v lsipc >/dev/null 2>&1; then
      lsipc -m -b --json -o KEY,ID,SIZE,NATTCH,CPID,LPID >"$tmp/$1.lsipc-m.json" 2>/dev/null
      lsipc -s -b --json -o KEY,ID,NSEMS >"$tmp/$1.lsipc-s.json" 2>/dev/null
      lsipc -q -b --json -o KEY,ID,USEDBYTES,MSGS >"$tmp/$1.lsipc-q.json" 2>/dev/null
   fi
}
snap before
run_ms --list --json --kind=sysv
snap after
is "--list --json --kind=sysv exits 0" "$rc" 0
printf '%s\n' "$out" >"$tmp/sysv.json"
is "--kind=sysv: only System V kinds" \
   "$(jq_py "$tmp/sysv.json" "set(o['kind'] for o in objs) <= {'sysv-shm', 'sysv-sem', 'sysv-msg'}")" True

sysv() { jq_py "$tmp/sysv.json" "[o for o in objs if o['kind'] == '$1' and o['id'] == $2][0]$3"; }
is "segment: key" "$(sysv sysv-shm "$sid" "['key']")" "$key"
is "segment: size" "$(sysv sysv-shm "$sid" "['size']")" 12345
is "segment: nattch and creator" "$(sysv sysv-shm "$sid" "['nattch']") $(sysv sysv-shm "$sid" "['cpid']")" "1 $hp"
is "segment: the /SYSV mapping is matched to the holder" \
   "$(jq_py "$tmp/sysv.json" "pids([o for o in objs if o['kind'] == 'sysv-shm' and o['id'] == $sid][0])")" "[$hp]"
# Keys are per IPC kind: one key for a segment and a semaphore set is the
# usual idiom, and ipcs and lsipc see nothing odd in it.
is "segment and semaphore set share a key: no flag on either" \
   "$(sysv sysv-shm "$sid" "['flags']") $(sysv sysv-sem "$semid" "['flags']")" "[] []"
is "semaphore set: 3 semaphores in nsems, no size in bytes" \
   "$(sysv sysv-sem "$semid" "['nsems']") $(sysv sysv-sem "$semid" "['size']")" "3 None"
ok "no key-reuse flag anywhere" sh -c '! grep -q "key-reuse" "$1"' sh "$tmp/sysv.json"
run_ms --list --kind=sysv-sem,sysv-shm --columns kind,name,size,detail --sort size
ok "table: the set's SIZE is -, its count in DETAIL" \
   grep -Eq "^sysv-sem +key=$key id=$semid +- +nsems=3 *\$" "$tmp/.out"
ok "--sort size: the sets (no bytes) sort before every segment" python3 -c '
import sys
kinds = [l.split()[0] for l in sys.stdin.read().splitlines()[1:] if l.strip()]
last_sem = max(i for i, k in enumerate(kinds) if k == "sysv-sem")
first_shm = min(i for i, k in enumerate(kinds) if k == "sysv-shm")
sys.exit(0 if last_sem < first_shm else 1)' <"$tmp/.out"
is "message queue: its own key, no flag" "$(sysv sysv-msg "$msgid" "['flags']")" "[]"
is "removed but attached: removed" \
   "$(sysv sysv-shm "$gone" "['removed']") $(sysv sysv-shm "$gone" "['flags']")" "True ['removed']"

# Every segment, set and queue of /proc/sysvipc, as mapscope lists it.
agree=$(python3 - "$tmp/sysv.json" "$tmp" "$sid" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
by = {(o["kind"], o["id"]): o for o in j["objects"]}
bad = []
seen = False
def rows(kind):
    before = open(sys.argv[2] + "/before." + kind).read().splitlines()[1:]
    after = set(open(sys.argv[2] + "/after." + kind).read().splitlines()[1:])
    for line in before:
        if line in after:
            yield line.split()
for r in rows("shm"):
    seen |= r[1] == sys.argv[3]
    o = by.get(("sysv-shm", int(r[1])))
    want = (int(r[0]) & 0xffffffff, int(r[3]), int(r[6]), int(r[4]), int(r[5]))
    got = o and (int(o["key"], 16), o["size"], o["nattch"], o["cpid"], o["lpid"])
    if got != want: bad.append(("shm", r[1], got, want))
for r in rows("sem"):
    o = by.get(("sysv-sem", int(r[1])))
    if not o or (int(o["key"], 16), o["nsems"], o["size"]) != (int(r[0]) & 0xffffffff, int(r[3]), None):
        bad.append(("sem", r[1]))
for r in rows("msg"):
    o = by.get(("sysv-msg", int(r[1])))
    if not o or (int(o["key"], 16), o["size"], o["messages"]) != (int(r[0]) & 0xffffffff, int(r[3]), int(r[4])):
        bad.append(("msg", r[1]))
print("agree" if not bad and seen else (bad, seen))
PY
)
is "every /proc/sysvipc row agrees (key, size, nattch, cpid, lpid)" "$agree" agree

if command -v lsipc >/dev/null 2>&1; then
   agree=$(python3 - "$tmp/sysv.json" "$tmp" "$sid" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
by = {(o["kind"], o["id"]): o for o in j["objects"]}
def load(when, name):
    d = json.load(open(sys.argv[2] + "/" + when + ".lsipc-" + name + ".json"))
    return [r for v in d.values() for r in v]
def rows(name):
    after = load("after", name)
    return [r for r in load("before", name) if r in after]
bad = []
seen = 0
for r in rows("m"):
    o = by.get(("sysv-shm", int(r["id"])))
    seen += r["id"] == sys.argv[3]
    want = (int(r["key"], 16), int(r["size"]), int(r["nattch"]), int(r["cpid"]), int(r["lpid"]))
    if not o or (int(o["key"], 16), o["size"], o["nattch"], o["cpid"], o["lpid"]) != want:
        bad.append(("shm", r))
for r in rows("s"):
    o = by.get(("sysv-sem", int(r["id"])))
    if not o or (int(o["key"], 16), o["nsems"], o["size"]) != (int(r["key"], 16), int(r["nsems"]), None):
        bad.append(("sem", r))
for r in rows("q"):
    o = by.get(("sysv-msg", int(r["id"])))
    if not o or (o["size"], o["messages"]) != (int(r.get("usedbytes", r.get("used-bytes", -1))), int(r["msgs"])):
        bad.append(("msg", r))
print("agree" if not bad and seen else (bad, seen))
PY
)
   agree=$(printf '%s' "$agree")
   is "every lsipc row agrees (key, size, nattch, cpid, lpid, nsems, messages)" "$agree" agree
else
   skip "every lsipc row agrees" "lsipc is not installed"
fi

# Holders that cannot be seen are unknown, never 0: as nobody, the
# holder's process cannot be inspected, and the kernel counts its
# attachment (nattch 1, as ipcs says).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
   nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$MAPSCOPE" "$@"; }
   ipcs_nattch=$(ipcs -m | awk -v id="$sid" '$2 == id { print $6 }')
   nobody --list --kind=sysv-shm --columns name,processes,pids,detail >"$tmp/nb.txt" 2>&1
   row=$(grep "id=$sid " "$tmp/nb.txt")
   is "as nobody: ipcs counts 1 attachment" "$ipcs_nattch" 1
   ok "as nobody: PROCS and PIDS say unknown, beside nattch=1" \
      grep -Eq "key=$key id=$sid +\? +\? +nattch=1 " "$tmp/nb.txt"
   nobody --list --json --kind=sysv-shm >"$tmp/nb.json" 2>/dev/null
   is "as nobody: JSON processes null, none seen, and why" \
      "$(jq_py "$tmp/nb.json" "[(o['held_by']['processes'], o['held_by']['processes_seen'], 'could not be inspected' in o['held_by']['unknown']) for o in objs if o['id'] == $sid]")" \
      "[(None, 0, True)]"
   nobody --info "sysv:$sid" >"$tmp/nbi.txt" 2>&1
   if grep -q "^held by:" "$tmp/nbi.txt"; then
      like "as nobody: --info says the holders are unknown" "$(cat "$tmp/nbi.txt")" \
         "held by:     ? processes (0 descriptors, 0 mappings seen; the kernel counts 1 attachment, 0 seen"
   else
      skip "as nobody: --info says the holders are unknown" "--info sysv:ID is refused to nobody here"
   fi
   run_ms --list --json --kind=sysv-shm
   printf '%s\n' "$out" >"$tmp/root.json"
   is "as root: the holder is seen, the count is known" \
      "$(jq_py "$tmp/root.json" "[o['held_by']['processes'] for o in objs if o['id'] == $sid]")" "[1]"
else
   for t in "ipcs counts 1" "PROCS and PIDS unknown" "JSON processes null" "--info unknown" "as root"; do
      skip "as nobody: $t" "needs root and setpriv"
   done
fi

run_ms --dump -n 16 "sysv:$sid"
is "--dump sysv:ID reads the segment" "$out" "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
00000010"
run_ms --dump -n 4 "sysv:key=$key"
like "--dump sysv:key=0xKEY finds it by key" "$out" "00000000  00 00 00 00"

done_testing
