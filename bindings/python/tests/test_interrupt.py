"""Long engine calls release the GIL and stop on Ctrl-C: SIGINT during
metrics() on a 20,000-org landscape raises KeyboardInterrupt within about
a second, the landscape stays usable, and Python's own handler is back."""
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

import coalmap
from conftest import COALMAP

CHILD = r"""
import signal, sys, time
# Python installs its handler only when SIGINT is not ignored at start, and
# a test run started in the background by a non-interactive shell (make
# check &) inherits it ignored: install it, so that its return is tested
signal.signal(signal.SIGINT, signal.default_int_handler)
import coalmap
L = coalmap.load(sys.argv[1])
print("ready", flush=True)
try:
    L.metrics(exact=True)
    print("finished", flush=True)
except KeyboardInterrupt:
    print("interrupted", flush=True)
print("after", len(L.metrics(samples=20)), flush=True)
try:
    print("waiting", flush=True)
    time.sleep(30)
except KeyboardInterrupt:
    print("python's handler", flush=True)
"""


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    land = str(tmp_path_factory.mktemp("big") / "g")
    subprocess.run([COALMAP, "generate", "--orgs", "25000", "--ties", "75000", "-o", land], check=True,
                   capture_output=True)
    return land


def test_ctrl_c_stops_metrics(big):
    p = subprocess.Popen([sys.executable, "-c", CHILD, big], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=dict(os.environ))
    try:
        assert p.stdout.readline().strip() == "ready"
        time.sleep(1.0)  # inside the exact path metrics, which take far longer
        t0 = time.monotonic()
        p.send_signal(signal.SIGINT)
        line = p.stdout.readline().strip()
        took = time.monotonic() - t0
        assert line == "interrupted", line
        # the exact run takes minutes: a few seconds, even on a loaded machine,
        # show that the signal stopped it (not a speed target)
        assert took < 5.0, "KeyboardInterrupt came %.2f s after SIGINT" % took
        assert p.stdout.readline().split() == ["after", "25000"]
        # the signal only once the child is inside its try: no race with a slow interpreter
        assert p.stdout.readline().strip() == "waiting"
        p.send_signal(signal.SIGINT)
        last = p.stdout.readline().strip()
        if last != "python's handler":  # say how the child ended
            p.wait(timeout=60)  # (exit 0 after 30 s: the signal was ignored)
        assert last == "python's handler", "child exit %s, stderr: %s" % (p.returncode, p.stderr.read()[-2000:])
    finally:
        p.kill()
        p.wait()


def test_gil_released(big):
    L = coalmap.load(big)
    t = threading.Thread(target=lambda: L.metrics(samples=100))
    gap, last = 0.0, time.monotonic()
    start = last
    t.start()
    while t.is_alive():
        now = time.monotonic()
        gap, last = max(gap, now - last), now
    took = time.monotonic() - start
    t.join()
    # held through the engine call, the GIL would stop this loop for the
    # whole computation; released, the loop never waits long
    assert took > 0.3, "the call was too short to tell (%.2f s)" % took
    assert gap < took / 3, "the main thread stalled %.2f s of %.2f s" % (gap, took)


def test_time_limit(big):
    L = coalmap.load(big)
    coalmap.set_time_limit(0.5)
    try:
        t0 = time.monotonic()
        with pytest.raises(coalmap.TimeLimitError):
            L.metrics(exact=True)
        assert time.monotonic() - t0 < 5.0  # the exact run takes minutes
    finally:
        coalmap.set_time_limit(0)
    assert len(L.metrics(samples=20)) == 25000  # usable after, without the limit
    with pytest.raises(coalmap.UsageError):
        coalmap.set_time_limit(-1)
