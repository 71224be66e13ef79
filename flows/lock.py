"""One writer per warehouse: an advisory lock held for a whole run.

The lock is ``flock`` on ``<warehouse>/.lock``, so the kernel releases it when the holder dies, however
it dies; the file also records who holds it (pid, host, start time, what for) for the message a
second run prints. Finding that record with the lock free means its holder died without letting go:
the lock is taken over and the caller is told. Readers of ``analytics.duckdb`` never take the lock.

Re-entrant within a process: the CLI takes it before starting Prefect, and the flow takes it again
(a scheduled run has no CLI in front of it).
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    started_at: str
    purpose: str

    def describe(self) -> str:
        return f"pid {self.pid} on {self.host}, started {self.started_at}, {self.purpose}"


class WarehouseLocked(RuntimeError):
    def __init__(self, root: Path, holder: Holder | None):
        who = holder.describe() if holder else "a process that did not say who it is"
        super().__init__(f"another run ({who}) is using {root}")
        self.root, self.holder = root, holder


_held: dict[Path, int] = {}
_guard = threading.Lock()


def _read(fd: int) -> Holder | None:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 4096)
    try:
        return Holder(**json.loads(raw)) if raw.strip() else None
    except (ValueError, TypeError):
        return None


@contextlib.contextmanager
def warehouse_lock(root: Path, purpose: str, on_takeover=None) -> Iterator[None]:
    """Hold the warehouse's lock, or raise ``WarehouseLocked`` at once (never wait).

    ``on_takeover(holder)`` is called when a dead holder's record is found and replaced.
    """
    root = Path(root).resolve()
    with _guard:
        if root in _held:
            _held[root] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _guard:
                _held[root] -= 1
        return
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WarehouseLocked(root, _read(fd)) from None
        stale = _read(fd)
        if stale is not None and on_takeover is not None:
            on_takeover(stale)
        me = Holder(os.getpid(), socket.gethostname(), datetime.now(timezone.utc).isoformat(timespec="seconds"), purpose)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(me.__dict__).encode())
        os.fsync(fd)
        with _guard:
            _held[root] = 1
        try:
            yield
        finally:
            with _guard:
                del _held[root]
            os.ftruncate(fd, 0)  # an empty record means "released cleanly"
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def holds(root: Path) -> bool:
    return Path(root).resolve() in _held
