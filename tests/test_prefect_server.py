"""The local Prefect server khobor starts: a new warehouse's server starts from the cached empty
database, and starting one never makes Prefect read its settings early."""
from __future__ import annotations

import sqlite3
import subprocess
import sys

from khobor.flows import prefect_server


def test_a_fresh_home_starts_from_the_template_saved_by_the_first_server(tmp_path, monkeypatch):
    monkeypatch.setenv("KHOBOR_CACHE_DIR", str(tmp_path / "cache"))
    template = prefect_server.template_path()
    assert template is not None and template.parent == tmp_path / "cache" and not template.exists()
    for n, home in enumerate((tmp_path / "first", tmp_path / "second")):
        server = prefect_server.start_local_server(home, services=False)
        try:
            if n == 1:  # copied before the server started, so it had no tables to create
                assert server.keep_template is False
            server.wait_ready()
        finally:
            server.stop()
        assert template.is_file()
        with sqlite3.connect(home / "prefect.db") as con:
            assert con.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
    with sqlite3.connect(template) as con:  # an empty database: no runs recorded
        assert con.execute("SELECT count(*) FROM flow_run").fetchone()[0] == 0


def test_a_damaged_template_is_replaced_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("KHOBOR_CACHE_DIR", str(tmp_path / "cache"))
    template = prefect_server.template_path()
    template.parent.mkdir(parents=True)
    template.write_bytes(b"not a database")
    server = prefect_server.start_local_server(tmp_path / "home", services=False)
    try:
        assert server.keep_template is True
        server.wait_ready()
    finally:
        server.stop()
    with sqlite3.connect(template) as con:
        assert con.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1


def test_finding_the_template_does_not_import_prefect():
    # Prefect reads PREFECT_API_URL when imported; khobor sets it after starting its server, and a
    # client that saw none would start a second, temporary server of its own.
    code = ("import sys; from khobor.flows import prefect_server; prefect_server.template_path(); "
            "print('prefect' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
