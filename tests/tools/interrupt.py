"""Sends a signal to a tna run while it renders its reports, for tests/cli/signals.sh.

usage: interrupt.py SIGNAL ERRFILE TNA ARGS...   (ARGS include -o DIR)

Starts tna with the signal's default disposition (a shell's background job would ignore
SIGINT), waits until its staging directory holds the PDF being written, stops it (SIGSTOP),
and checks the staging directory is still there, so the run is stopped before its commit;
then sends SIGNAL and lets it go on. Prints the exit status as the shell would (128 + n when
killed by signal n). When the run got past its staging directory before it could be stopped,
it exits 75 (try again): the caller restores the previous set and calls again.
"""
import glob
import os
import signal
import sys
import time

sig = getattr(signal, "SIG" + sys.argv[1])
err = open(sys.argv[2], "w")
argv = sys.argv[3:]
out = argv[argv.index("-o") + 1]
home = os.path.join(os.path.dirname(out), "." + os.path.basename(out) + ".tna")

pid = os.fork()
if pid == 0:
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_DFL)
    os.dup2(err.fileno(), 2)
    os.execv(argv[0], argv)

while not glob.glob(os.path.join(home, "new-*", "tna-*.pdf")):
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        sys.exit(75)
    time.sleep(0.002)
os.kill(pid, signal.SIGSTOP)
_, status = os.waitpid(pid, os.WUNTRACED)
if not os.WIFSTOPPED(status):  # it ended just before the stop
    sys.exit(75)
caught = bool(glob.glob(os.path.join(home, "new-*")))
if caught:
    os.kill(pid, sig)
os.kill(pid, signal.SIGCONT)
_, status = os.waitpid(pid, 0)
if not caught:
    sys.exit(75)
print(128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status))
