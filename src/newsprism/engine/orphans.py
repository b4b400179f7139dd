"""Worker processes that stop when the process that started them is gone.

A pool's workers are children of the ``forkserver`` process, not of the process that runs the batch, so when that
process is killed (``kill``, an out-of-memory kill, a closed terminal) nothing tells them: they would go on parsing
a corpus nobody reads. :func:`exit_with` starts a daemon thread in a worker that checks every ``every`` seconds
whether the owner process still exists, and ends the worker at once when it does not.
"""

from __future__ import annotations

import os
import threading

__all__ = ["exit_with", "owner_alive"]


def owner_alive(pid: int) -> bool:
    """Whether process ``pid`` still exists (a zombie, killed but not yet reaped, counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:  # no /proc (not Linux): os.kill said it exists
        return True


def exit_with(owner_pid: int, every: float = 2.0) -> threading.Thread | None:
    """End this process (exit status 1) soon after process ``owner_pid`` is gone; None when this is that process."""
    if owner_pid == os.getpid():
        return None

    def watch() -> None:
        while owner_alive(owner_pid):
            stop.wait(every)
        os._exit(1)

    stop = threading.Event()
    thread = threading.Thread(target=watch, name=f"newsprism-exit-with-{owner_pid}", daemon=True)
    thread.start()
    return thread
