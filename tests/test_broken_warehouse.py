"""A warehouse that cannot be used is found before any work starts (before Prefect is started), and
said in one or two lines with what to do and a documented exit code: 6 for a damaged, read-only or
full warehouse, 3 when another process holds it. ``--debug`` adds the traceback."""
from __future__ import annotations

import contextlib
import errno
import os
import resource
import shutil
import subprocess
import sys
import time

import duckdb
import pytest

from tests import cli_process as cli


@pytest.fixture
def wh(sample_warehouse, tmp_path):
    """A copy of a good warehouse (built in this process: it has no Prefect state of its own, so a
    server started by the command under test would show as ``.prefect/server.log``)."""
    out = tmp_path / "wh"
    shutil.copytree(sample_warehouse.root, out, symlinks=True)
    return out


def _run(wh, *extra, preexec_fn=None, wrap=()):
    t0 = time.monotonic()
    res = subprocess.run([*wrap, cli.KHOBOR, "run", "--sample", "--warehouse", str(wh), *extra], cwd=wh.parent, env=cli.env(),
                         capture_output=True, text=True, timeout=300, preexec_fn=preexec_fn)
    res.seconds = time.monotonic() - t0
    return res


def _short_and_early(res, wh):
    """One or two lines on stderr after the two the run prints first (inputs, warehouse), no
    traceback, and nothing started: no Prefect server, no run row."""
    assert "Traceback" not in res.stderr + res.stdout, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip() and not ln.startswith(("inputs:", "warehouse:"))]
    assert 1 <= len(lines) <= 3, res.stderr  # a long line may wrap once on a narrow terminal
    assert not (wh / ".prefect" / "server.log").exists(), "Prefect was started before the warehouse was checked"
    assert res.seconds < 60, res.seconds


def _block_of(db, table) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        size = con.sql("SELECT block_size FROM pragma_database_size()").fetchall()[0][0]
        blocks = [r[0] for r in con.sql(f"SELECT DISTINCT block_id FROM pragma_storage_info('{table}') WHERE block_id >= 0 ORDER BY 1").fetchall()]
    finally:
        con.close()
    assert blocks
    return 3 * 4096 + blocks[len(blocks) // 2] * size  # the file header and two database headers, then blocks


def _damage_the_middle(wh):
    db = wh / "khobor.duckdb"
    with open(db, "r+b") as fh:
        fh.seek(_block_of(db, "tokens") + 1000)
        fh.write(os.urandom(4096))
    return db


def test_damage_in_the_middle_of_the_file_is_found_before_the_run(wh):
    db = _damage_the_middle(wh)
    res = _run(wh)
    assert res.returncode == 6, res.stderr
    assert f"the warehouse file {db} is damaged" in res.stderr and "restore it from a backup" in res.stderr, res.stderr
    assert "tokens" in res.stderr
    _short_and_early(res, wh)
    debug = _run(wh, "--debug")
    assert debug.returncode == 6 and "Traceback" in debug.stderr


def test_a_truncated_file_is_damaged(wh):
    db = wh / "khobor.duckdb"
    os.truncate(db, db.stat().st_size // 2)
    res = _run(wh)
    assert res.returncode == 6 and f"the warehouse file {db} is damaged" in res.stderr, res.stderr
    _short_and_early(res, wh)


def test_a_file_that_is_not_a_database_is_damaged(wh):
    (wh / "khobor.duckdb").write_bytes(b"not a database" * 100)
    res = _run(wh)
    assert res.returncode == 6 and "is damaged" in res.stderr, res.stderr
    _short_and_early(res, wh)


def _read_only(target):
    """Make ``target`` read-only for the command, also when the tests run as root (who ignores
    permissions): then the command runs in a user and mount namespace where it is mounted read-only."""
    if os.geteuid() != 0:
        target.chmod(0o555 if target.is_dir() else 0o444)
        return ()
    if not shutil.which("unshare") or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root without user namespaces: cannot make a path read-only")
    return ("unshare", "-rm", "sh", "-c", f'mount --bind -o ro "{target}" "{target}" && exec "$@"', "sh")


@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_warehouse(wh, what):
    target = wh if what == "folder" else wh / "khobor.duckdb"
    try:
        res = _run(wh, wrap=_read_only(target))
    finally:
        target.chmod(0o755 if target.is_dir() else 0o644)
    assert res.returncode == 6, res.stderr
    assert f"{target} is read-only" in res.stderr and "write permission" in res.stderr, res.stderr
    _short_and_early(res, wh)


def test_a_full_disk(wh):
    def small_files():  # writes past 1 MB fail with EFBIG (SIGXFSZ ignored, as Python does anyway)
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    res = _run(wh, preexec_fn=small_files)
    assert res.returncode == 6, res.stderr
    assert "is full" in res.stderr and "free space" in res.stderr, res.stderr
    _short_and_early(res, wh)


@contextlib.contextmanager
def _holder(code: str):
    """Another Python process running ``code``, once it printed 'ready'; killed afterwards."""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        proc.kill()
        proc.wait()


def test_a_database_held_open_by_another_process_is_exit_3(wh):
    with _holder(f"import duckdb, time; c = duckdb.connect({str(wh / 'khobor.duckdb')!r}); "
                 "print('ready', flush=True); time.sleep(120)") as holder:
        res = _run(wh)
    assert res.returncode == 3, res.stderr
    assert "is open in another program" in res.stderr and f"PID {holder.pid}" in res.stderr, res.stderr
    _short_and_early(res, wh)


def test_a_disk_that_fills_up_during_the_run(wh):
    """Found only half-way (the disk filled up after the checks): rolled back, one line, exit 6."""
    res = subprocess.run([cli.KHOBOR, "run", "--sample", "--warehouse", str(wh), "--quiet"], cwd=wh.parent,
                         env=cli.env(KHOBOR_FAULT="load:enospc"), capture_output=True, text=True, timeout=600)
    assert res.returncode == 6, res.stderr
    assert "the run stopped (its rows were rolled back)" in res.stderr and "is full" in res.stderr, res.stderr
    assert "Traceback" not in res.stderr, res.stderr
    con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
    try:
        assert con.sql("SELECT status FROM runs ORDER BY started_at DESC LIMIT 1").fetchall() == [("failed",)]
    finally:
        con.close()


@pytest.mark.parametrize("exc, code, words", [
    (OSError(errno.ENOSPC, "No space left on device"), 6, "is full"),
    (OSError(errno.EFBIG, "File too large"), 6, "is full"),
    (duckdb.IOException('IO Error: Could not write file "/w/khobor.duckdb.wal": No space left on device'), 6, "is full"),
    (OSError(errno.EROFS, "Read-only file system"), 6, "is read-only"),
    (duckdb.IOException('IO Error: Could not set lock on file "/w/khobor.duckdb": Conflicting lock is held in /usr/bin/python3 '
                        '(PID 42) by user x. See also https://duckdb.org/docs/stable/connect/concurrency'), 3, "open in another program (PID 42"),
    (duckdb.Error("Corrupt database file: computed checksum 1 does not match stored checksum 2 in block at location 3"), 6, "is damaged"),
])
def test_errors_met_during_a_run_are_explained(tmp_path, exc, code, words):
    from khobor.flows.warehouse_health import explain

    found = explain(exc, tmp_path / "khobor.duckdb")
    assert found is not None and found.code == code and words in str(found), found


def test_other_errors_are_not_mistaken_for_a_broken_warehouse(tmp_path):
    from khobor.flows.warehouse_health import explain

    assert explain(ValueError("bad value"), tmp_path / "khobor.duckdb") is None


# -- khobor serve, and the runs it schedules --------------------------------------------------------

def _serve(wh, *extra, wrap=()):
    from tests.conftest import PROJECT

    t0 = time.monotonic()
    res = subprocess.run([*wrap, cli.KHOBOR, "serve", "--warehouse", str(wh), "--registry", str(PROJECT / "sources.toml"), *extra],
                         cwd=wh.parent, env=cli.env(), capture_output=True, text=True, timeout=120)
    res.seconds = time.monotonic() - t0
    return res


def _prefect_servers_for(wh) -> list[int]:
    """Live processes whose Prefect home is under ``wh`` (a server started for it)."""
    from pathlib import Path

    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"PREFECT_HOME={wh}/.prefect".encode() in environ and cli.alive(int(proc.name)):
            found.append(int(proc.name))
    return found


def _serve_refused(res, wh):
    """Exit at once, one or two lines, no traceback, no Prefect server started or left behind."""
    assert "Traceback" not in res.stderr + res.stdout, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert 1 <= len(lines) <= 3, res.stderr
    assert "khobor serve:" not in res.stdout, res.stdout  # it never said it was serving
    assert not (wh / ".prefect" / "server.log").exists(), "a Prefect server was started before the warehouse was checked"
    assert not _prefect_servers_for(wh)
    assert not (wh / ".prefect" / "serve.json").exists()
    assert res.seconds < 30, res.seconds


def test_serve_refuses_a_damaged_warehouse_before_starting_prefect(wh):
    db = _damage_the_middle(wh)
    res = _serve(wh)
    assert res.returncode == 6, res.stderr
    assert f"the warehouse file {db} is damaged" in res.stderr and "tokens" in res.stderr, res.stderr
    _serve_refused(res, wh)
    debug = _serve(wh, "--debug")
    assert debug.returncode == 6 and "Traceback" in debug.stderr, debug.stderr
    assert not _prefect_servers_for(wh)


def test_serve_refuses_a_read_only_warehouse(wh):
    try:
        res = _serve(wh, wrap=_read_only(wh))
    finally:
        wh.chmod(0o755)
    assert res.returncode == 6, res.stderr
    assert f"{wh} is read-only" in res.stderr and "write permission" in res.stderr, res.stderr
    _serve_refused(res, wh)


def test_serve_refuses_a_warehouse_another_run_holds_and_then_lets_go(wh):
    with _holder("import time; from pathlib import Path; from khobor.flows.lock import warehouse_lock\n"
                 f"with warehouse_lock(Path({str(wh)!r}), 'khobor run'):\n print('ready', flush=True); time.sleep(120)") as holder:
        res = _serve(wh)
    assert res.returncode == 3, res.stderr
    assert f"another run (pid {holder.pid}" in res.stderr, res.stderr
    _serve_refused(res, wh)


class _Records(__import__("logging").Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


def _scheduled_run(wh):
    """The nightly flow as ``khobor serve`` (or a worker) runs it: with no CLI in front of it."""
    import logging

    from khobor.flows.nightly import nightly
    from tests.conftest import PROJECT

    seen = _Records()
    loggers = [logging.getLogger(n) for n in ("prefect.flow_runs", "prefect.task_runs")]
    for lg in loggers:
        lg.addHandler(seen)
    try:
        state = nightly(warehouse_dir=str(wh), registry_path=str(PROJECT / "sources.toml"), source_ids=["sample"], return_state=True)
    finally:
        for lg in loggers:
            lg.removeHandler(seen)
    return state, seen.records


def test_a_scheduled_run_on_a_damaged_warehouse_fails_with_the_message_not_a_traceback(wh):
    from khobor.flows.warehouse_health import WarehouseUnusable

    db = wh / "khobor.duckdb"
    os.truncate(db, db.stat().st_size // 2)
    state, records = _scheduled_run(wh)
    assert state.is_failed()
    assert state.message.startswith("the run did not start: ") and f"the warehouse file {db} is damaged" in state.message, state.message
    assert isinstance(state.result(raise_on_failure=False), WarehouseUnusable)
    errors = [r for r in records if r.levelno >= 40]
    assert errors and all(r.exc_info is None for r in records), [(r.getMessage(), r.exc_info) for r in records]
    assert any("is damaged" in r.getMessage() and "restore it from a backup" in r.getMessage() for r in errors)


def test_a_scheduled_run_finding_the_warehouse_locked_says_so_without_a_traceback(wh):
    from khobor.flows.lock import WarehouseLocked

    holder = subprocess.Popen([sys.executable, "-c", "import time; from pathlib import Path; from khobor.flows.lock import warehouse_lock\n"
                               f"with warehouse_lock(Path({str(wh)!r}), 'khobor run'):\n print('held', flush=True); time.sleep(120)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        state, records = _scheduled_run(wh)
    finally:
        holder.kill()
        holder.wait()
    assert state.is_failed() and f"another run (pid {holder.pid}" in state.message, state.message
    assert isinstance(state.result(raise_on_failure=False), WarehouseLocked)
    assert all(r.exc_info is None for r in records)
