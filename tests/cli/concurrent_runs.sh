# Two runs into one directory: while run A holds it (stopped right after taking the lock),
# run B fails at once with exit 3 and a message naming A's process, and run C with --wait
# says it waits, then writes its set once A has finished. The directory ends with C's set,
# whole, and A's set kept as the previous one.
. tests/tools/cli_lib.sh
export SOURCE_DATE_EPOCH=1700000000
R="$SCRATCH/r"
expect_exit 0 "$TNA" run inputs/tna.yaml -o "$SCRATCH/a" -q --lang cy
expect_exit 0 "$TNA" run tests/cases/analysis/tna.yaml -o "$SCRATCH/c" -q
python3 - "$TNA" "$R" "$(set_home "$R")" <<'PY' || die "the two runs did not take turns"
import os, signal, subprocess, sys, time
tna, out, home = sys.argv[1:4]
lock = os.path.join(home, "lock")
for attempt in range(10):
    a = subprocess.Popen([tna, "run", "inputs/tna.yaml", "-o", out, "-q", "--lang", "cy"])
    holder = 0
    while holder != a.pid and a.poll() is None:
        try:
            holder = int(open(lock).read().strip() or 0)
        except (FileNotFoundError, ValueError):
            holder = 0
        time.sleep(0.001)
    if holder == a.pid:
        break
    a.wait()  # finished before it could be stopped: start over
else:
    sys.exit("run A never held the lock")
os.kill(a.pid, signal.SIGSTOP)
b = subprocess.run([tna, "run", "tests/cases/analysis/tna.yaml", "-o", out, "-q"],
                   capture_output=True, text=True, timeout=120)
want = f"tna: cannot write reports to {out}: another tna run (process {a.pid}) is writing them"
if b.returncode != 3 or want not in b.stderr:
    sys.exit(f"run B: exit {b.returncode}, stderr {b.stderr!r}; wanted exit 3 and {want!r}")
c = subprocess.Popen([tna, "run", "tests/cases/analysis/tna.yaml", "-o", out, "--wait"],
                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
said = c.stderr.readline()
want = f"tna: waiting for another tna run (process {a.pid}) to finish writing {out}\n"
if said != want:
    sys.exit(f"run C said {said!r}, wanted {want!r}")
os.kill(a.pid, signal.SIGCONT)
if a.wait() != 0:
    sys.exit("run A failed")
rest = c.stderr.read()
if c.wait() != 0:
    sys.exit(f"run C failed: {rest}")
PY
diff -r "$SCRATCH/c" "$R/" >"$SCRATCH/diff" || { head "$SCRATCH/diff"; die "the directory does not hold run C's set"; }
expect_no_litter "$R"
H=$(set_home "$R")
[ "$(ls "$H" | grep -c '^set-')" -eq 2 ] || { ls -la "$H"; die "expected A's and C's sets"; }
for s in "$H"/set-*; do
  [ "$s" = "$H/$(basename "$(readlink "$R")")" ] && continue
  diff -r "$SCRATCH/a" "$s" >/dev/null || die "the previous set is not run A's, whole"
done
