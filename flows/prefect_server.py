"""A local Prefect server that khobor starts, owns and stops.

Prefect's own temporary server is a child in the caller's process group, so a Ctrl-C in the terminal
kills it under the running flow (the run then hangs retrying its event stream), and a killed caller
leaves it orphaned. This one runs in its own session (a terminal's Ctrl-C does not reach it), is
told by the kernel to exit when its parent dies (``PR_SET_PDEATHSIG``), and is stopped explicitly
after the flow's last event has been sent. Its state (SQLite) lives under the warehouse folder.

A new warehouse starts from a copy of an empty, migrated Prefect database kept per Prefect version
in the user's cache (``~/.cache/khobor``; ``KHOBOR_CACHE_DIR``), taken the first time a server
migrated one: creating the tables took about 10 of the 16 s a first run on an empty input spent.
The server still runs any migration the copy lacks, so a stale or missing copy costs only time.

``start_local_server`` is called before the heavy imports, so the server's start-up overlaps them;
``wait_ready`` then blocks until its health check answers.
"""
from __future__ import annotations

import atexit
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child between fork and exec
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:  # not Linux: the atexit stop still covers orderly exits
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LocalServer:
    home: Path
    port: int
    process: subprocess.Popen
    log_path: Path
    ui: bool = False
    keep_template: bool = False  # a fresh database: save it as the template once the server is up
    _stopped: bool = field(default=False, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api"

    def wait_ready(self, timeout: float = 180.0) -> None:
        import urllib.error
        import urllib.request

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the local Prefect server exited with code {self.process.returncode}; "
                                   f"its log: {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as resp:
                    if resp.status == 200:
                        if self.keep_template:
                            self.keep_template = False
                            save_template(self.home / "prefect.db")
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the local Prefect server did not answer within {timeout:.0f} s; its log: {self.log_path}")

    def stop(self, timeout: float = 10.0) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def server_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_SERVER_LOGGING_LEVEL="WARNING")
    env.pop("PREFECT_API_URL", None)
    return env


def start_local_server(home: Path, ui: bool = False, port: int | None = None, services: bool = True) -> LocalServer:
    """Start a server in the background; call ``wait_ready`` before using it.

    ``ui`` serves Prefect's web UI (for ``khobor serve``); ``services`` runs the scheduler and the
    other loop services a schedule needs (a single ``khobor run`` does not need them).
    """
    home.mkdir(parents=True, exist_ok=True)
    fresh = not (home / "prefect.db").exists()
    copied = fresh and copy_template(home / "prefect.db")
    port = port or free_port()
    log_path = home / "server.log"
    env = server_env(home)
    env["PREFECT_SERVER_UI_ENABLED"] = "true" if ui else "false"
    if not services:
        env["PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED"] = "false"
        env["PREFECT_SERVER_SERVICES_LATE_RUNS_ENABLED"] = "false"
        env["PREFECT_SERVER_SERVICES_FOREMAN_ENABLED"] = "false"
        env["PREFECT_SERVER_SERVICES_CANCELLATION_CLEANUP_ENABLED"] = "false"
        env["PREFECT_SERVER_SERVICES_PAUSE_EXPIRATIONS_ENABLED"] = "false"
        env["PREFECT_SERVER_SERVICES_REPOSSESSOR_ENABLED"] = "false"
        env["PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED"] = "true"
    log = open(log_path, "ab")  # noqa: SIM115 - the child keeps writing to it after this returns
    args = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True, preexec_fn=_die_with_parent)
    log.close()
    server = LocalServer(home, port, proc, log_path, ui, keep_template=fresh and not copied)
    atexit.register(server.stop)
    return server


def template_path() -> Path | None:
    # Not ``import prefect``: Prefect reads its settings when imported, and the caller sets
    # PREFECT_API_URL only after this returns (a client without it starts a server of its own).
    from importlib.metadata import PackageNotFoundError, version

    try:
        prefect_version = version("prefect")
    except PackageNotFoundError:
        return None
    base = os.environ.get("KHOBOR_CACHE_DIR") or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "khobor")
    return Path(base) / f"prefect-{prefect_version}.db"


def copy_template(db: Path) -> bool:
    """Start ``db`` from the cached empty database; False when there is none (or it cannot be read)."""
    import shutil

    template = template_path()
    if template is None or not template.is_file():
        return False
    if not _migrated(template):  # damaged or foreign: drop it, and this server makes a new one
        template.unlink(missing_ok=True)
        return False
    try:
        shutil.copyfile(template, db)
    except OSError:
        db.unlink(missing_ok=True)
        return False
    return True


def _migrated(db: Path) -> bool:
    import sqlite3

    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return con.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
        finally:
            con.close()
    except sqlite3.Error:
        return False


def save_template(db: Path) -> None:
    """Keep a consistent copy of a just-migrated database (SQLite's backup reads it while the server
    runs); a cache that cannot be written is no error."""
    import sqlite3

    template = template_path()
    if template is None or template.exists():
        return
    tmp = template.with_name(f"{template.name}.{os.getpid()}.tmp")
    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, template)
    except (OSError, sqlite3.Error):
        tmp.unlink(missing_ok=True)
