"""A warehouse that cannot be used: damaged, read-only, full, or held by another program.

Checked before a run does any work (``check_writable`` before the lock, ``check_database`` under it,
both before Prefect starts), and the same errors met half-way through a run are explained the same
way (``explain``): one or two lines saying what happened and what to do, and the exit code.
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from khobor.flows.warehouse_db import duckdb_config

# -- a warehouse that cannot be used ----------------------------------------------------------------

class WarehouseUnusable(RuntimeError):
    """The warehouse cannot be used at all; the message says what happened and what to do, ``code``
    is the exit code (6; 3 when another process holds it)."""

    code = 6


class WarehouseBusy(WarehouseUnusable):
    """Another process has the database open."""

    code = 3


# How much room a run wants in the warehouse folder before it starts (the probe file is written and
# removed; the free space is what statvfs reports). A full disk then fails here, not half-way.
PROBE_BYTES = 4 << 20
MIN_FREE_BYTES = 64 << 20
# The integrity check reads every table in full (DuckDB verifies each block's checksum as it reads
# it): about 0.2 s for news_bench's 65 MB warehouse, roughly 1 s per 300 MB cold. Tables after the
# budget is spent are left unchecked (a run still stops at the first damaged block it meets).
CHECK_SECONDS = float(os.environ.get("KHOBOR_CHECK_SECONDS", "30"))

_FULL = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


def _full(root: Path, detail: str) -> WarehouseUnusable:
    return WarehouseUnusable(f"the disk holding the warehouse {root} is full ({detail}): free space there, or raise the "
                             "file size limit (ulimit -f), and run again")


def _read_only(path: Path, detail: str) -> WarehouseUnusable:
    return WarehouseUnusable(f"{path} is read-only ({detail}): give this user write permission (or mount it read-write), "
                             "or use another --warehouse")


def _damaged(db: Path, detail: str) -> WarehouseUnusable:
    return WarehouseUnusable(f"the warehouse file {db} is damaged ({detail}): restore it from a backup, or move it aside "
                             "and run again to reload everything from the sources")


def _first_line(text: str, limit: int = 240) -> str:
    line = text.strip().splitlines()[0] if text.strip() else text
    return line if len(line) <= limit else line[: limit - 1] + "…"


def explain(exc: BaseException, db: Path) -> WarehouseUnusable | None:
    """A ``WarehouseUnusable`` for an error that means the warehouse cannot be used (full, read-only,
    held by another process, damaged), or None for any other error."""
    if isinstance(exc, WarehouseUnusable):
        return exc
    root = db.parent
    if isinstance(exc, OSError) and exc.errno is not None:
        detail = f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
        if exc.errno in _FULL:
            return _full(root, detail)
        if exc.errno in _READ_ONLY:
            return _read_only(Path(exc.filename) if exc.filename else root, detail)
        return None
    if not isinstance(exc, duckdb.Error):
        return None
    msg = str(exc)
    low = msg.lower()
    if "conflicting lock" in low or "could not set lock" in low:
        m = re.search(r"held in (.+?) \(PID (\d+)\)", msg)
        who = f"PID {m.group(2)}, {m.group(1)}" if m else "another process"
        return WarehouseBusy(f"{db} is open in another program ({who}): close it (analysts should open analytics.duckdb, "
                             "which never blocks a run) and run again")
    if "no space left" in low or "file too large" in low or "disk quota" in low:
        return _full(root, _first_line(msg))
    if "read-only file system" in low or "permission denied" in low:
        return _read_only(db, _first_line(msg))
    if any(w in low for w in ("corrupt", "checksum", "not a valid duckdb database", "could not read enough bytes",
                              "serializ", "invalid block", "failed to read database header")):
        return _damaged(db, _first_line(msg))
    return None


def check_writable(root: Path, db: Path) -> None:
    """Before anything else (before the lock, before Prefect): the warehouse folder can be created
    and written, has room, and its database file (if any) is writable. Raises ``WarehouseUnusable``."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise explain(exc, db) or WarehouseUnusable(f"the warehouse folder {root} cannot be created: {exc}") from exc
    for path in (root, db, Path(f"{db}.wal")):
        if path.exists() and not os.access(path, os.W_OK | (os.X_OK if path.is_dir() else 0)):
            if os.statvfs(path).f_flag & os.ST_RDONLY:
                raise _read_only(path, "on a read-only file system")
            raise _read_only(path, "no write permission for this user" if os.access(path, os.R_OK) else "no access for this user")
    probe = root / f".khobor-space-check-{os.getpid()}"
    try:
        with open(probe, "wb") as fh:
            block = b"\0" * (1 << 20)
            for _ in range(PROBE_BYTES // len(block)):
                fh.write(block)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise explain(exc, db) or WarehouseUnusable(f"the warehouse folder {root} cannot be written: {exc}") from exc
    finally:
        try:
            probe.unlink()
        except OSError:
            pass
    st = os.statvfs(root)
    free = st.f_bavail * st.f_frsize
    if free < MIN_FREE_BYTES:
        raise _full(root, f"{free / 2**20:.0f} MiB free, a run wants at least {MIN_FREE_BYTES >> 20} MiB")


def check_database(db: Path, budget_seconds: float | None = None) -> list[str]:
    """With the warehouse lock held, before any work: the database opens for writing (no other
    process holds it) and every table reads back in full (damage anywhere in the file is found
    now, not at validation). Returns the tables left unchecked when the time budget ran out.
    Raises ``WarehouseUnusable`` (``WarehouseBusy`` when another process holds the file)."""
    if not db.exists():
        return []
    budget = CHECK_SECONDS if budget_seconds is None else budget_seconds
    try:
        con = duckdb.connect(str(db), config=duckdb_config())
    except duckdb.Error as exc:
        raise explain(exc, db) or WarehouseUnusable(f"{db} cannot be opened: {_first_line(str(exc))}") from exc
    unchecked: list[str] = []
    table = "the catalog"
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
                                           "ORDER BY estimated_size").fetchall()]
        deadline = time.monotonic() + budget
        for table in names:
            if time.monotonic() > deadline:
                unchecked.append(table)
                continue
            con.execute(f'SELECT count(*), bit_xor(hash(COLUMNS(*))) FROM "{table}"').fetchall()
    except duckdb.Error as exc:
        found = explain(exc, db)
        if found is None or "is damaged" in str(found):  # an error reading a table is damage: say which table
            found = _damaged(db, f"table {table}: {_first_line(str(exc))}")
        raise found from exc
    finally:
        con.close()
    return unchecked


@contextlib.contextmanager
def checked_and_locked(root: Path, db: Path, purpose: str, on_takeover: Callable, on_unchecked: Callable[[list[str]], None],
                       check: bool = True) -> Iterator[None]:
    """The warehouse checked (``check_writable`` before its lock, ``check_database`` under it) and
    its lock held for the ``with`` body; ``check=False`` only takes the lock. Raises
    ``WarehouseLocked``, ``WarehouseUnusable`` or ``OSError``: each caller says it its own way."""
    from khobor.flows.lock import warehouse_lock

    if check:
        check_writable(root, db)
    with warehouse_lock(root, purpose, on_takeover=on_takeover):
        if check:
            unchecked = check_database(db)
            if unchecked:
                on_unchecked(unchecked)
        yield
