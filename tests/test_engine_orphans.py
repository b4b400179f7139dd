"""A killed run takes its worker processes with it (issue 15): real processes, a real LocalEngine pool."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from newsprism.engine.orphans import exit_with, owner_alive

TESTS = Path(__file__).parent

# The child runs the engine with 2 workers over a batch source that blocks after the first batch, as a run blocks
# reading a slow input: the workers are up and idle, the owner is alive, until the test kills it with SIGKILL.
CHILD = """
import sys, time
from newsprism.config import Settings
from newsprism.engine.local import LocalEngine
from newsprism.model import Article
from newsprism.pipeline import Pipeline
from engine_stages import TOKENS, make_registry

def batches():
    yield [Article(id="a", title=None, body="Paris and Rome.", language="en")], {}
    print("READY", flush=True)
    time.sleep(600)
    yield [Article(id="b", title=None, body="Never read.", language="en")], {}

pipe = Pipeline([TOKENS], registry=make_registry())
engine = LocalEngine(settings=Settings(env={}), workers=2, max_in_flight=1)
for results in engine.map(batches(), pipe.specs, pipe.resources, {}):
    print("RESULT", results[0].article_id, flush=True)
"""


def _marked(marker: str) -> set[int]:
    """Live processes whose environment carries ``marker`` (the child and everything it started)."""
    out = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            env = (entry / "environ").read_bytes()
        except OSError:
            continue
        if f"NEWSPRISM_TEST_MARKER={marker}".encode() in env.split(b"\0") and owner_alive(int(entry.name)):
            out.add(int(entry.name))
    return out


def test_workers_end_when_the_run_is_killed() -> None:
    marker = uuid.uuid4().hex
    env = dict(os.environ, NEWSPRISM_TEST_MARKER=marker)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(TESTS), env.get("PYTHONPATH", "")) if p)
    child = subprocess.Popen([sys.executable, "-c", CHILD], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        lines = [child.stdout.readline().strip() for _ in range(2)]
        assert lines == ["RESULT a", "READY"]  # the first batch went through the pool; the run now waits for input
        started = _marked(marker) - {child.pid}
        assert len(started) >= 2  # the forkserver and at least the worker that ran the first batch
        child.send_signal(signal.SIGKILL)
        child.wait()
        deadline = time.monotonic() + 60
        while _marked(marker) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _marked(marker) == set()
    finally:
        child.kill()
        for pid in _marked(marker):
            os.kill(pid, signal.SIGKILL)


def test_owner_alive_tells_a_dead_process() -> None:
    assert owner_alive(os.getpid())
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    while owner_alive(proc.pid):  # a zombie until reaped: counted as gone
        time.sleep(0.05)
    proc.wait()
    assert not owner_alive(proc.pid)
    assert exit_with(os.getpid()) is None  # never watches itself
