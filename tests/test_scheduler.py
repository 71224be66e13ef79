"""Scheduling for real: ``khobor serve`` with its own Prefect server runs on its cron, answers
``khobor trigger`` and stops cleanly; the ``prefect.yaml`` production route works as documented.
Slow (a cron fires at most once a minute); CI runs them."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import cli_process as cli
from tests.conftest import PROJECT

pytestmark = pytest.mark.slow


def _api(url: str, path: str, body: dict | None = None) -> dict | list:
    import urllib.request

    req = urllib.request.Request(f"{url}{path}", data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json"}, method="POST" if body is not None else "GET")
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def _flow_runs(api: str, deployment_id: str, states: tuple[str, ...] = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED", "RUNNING")) -> list[dict]:
    """The deployment's runs in those states (a cron creates many runs ahead: filter, do not page)."""
    return _api(api, "/flow_runs/filter", {"flow_runs": {"deployment_id": {"any_": [deployment_id]},
                                                         "state": {"type": {"any_": list(states)}}}, "limit": 200})


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    from khobor.data import sample_dir

    shutil.copytree(sample_dir(), home / "news")
    (home / "sources.toml").write_text('[[source]]\nid = "news"\nkind = "files"\nlocation = "news"\ntimezone = "Asia/Dhaka"\n', encoding="utf-8")
    return home


def test_serve_runs_on_schedule_answers_trigger_and_stops_cleanly(tmp_path):
    home = _home(tmp_path)
    wh = home / "warehouse"
    proc = cli.start("serve", "--cron", "* * * * *", "--timezone", "Asia/Dhaka", cwd=home)
    try:
        state_file = wh / ".prefect" / "serve.json"
        cli.wait_for(state_file.exists, timeout=180, what="khobor serve to start")
        state = json.loads(state_file.read_text())
        api = state["api_url"]
        (dep,) = _api(api, "/deployments/filter", {"deployments": {"name": {"any_": ["khobor-nightly"]}}})
        (sched,) = dep["schedules"]
        assert sched["schedule"]["cron"] == "* * * * *" and sched["schedule"]["timezone"] == "Asia/Dhaka"

        def completed() -> list[dict]:
            return _flow_runs(api, dep["id"], ("COMPLETED",))

        cli.wait_for(lambda: len(completed()) >= 1, timeout=240, what="a scheduled run to complete")
        scheduled = completed()[0]
        assert scheduled["auto_scheduled"], scheduled
        trig = cli.run("trigger", "--warehouse", str(wh), "--wait", cwd=tmp_path, timeout=300)
        assert trig.returncode == 0, trig.stdout + trig.stderr
        assert any(not r["auto_scheduled"] for r in completed())
        # The warehouse holds what the runs did: the first one loaded the sample.
        import duckdb

        con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
        try:
            statuses = [r[0] for r in con.sql("SELECT status FROM runs ORDER BY started_at").fetchall()]
        finally:
            con.close()
        assert statuses[0] == "succeeded" and set(statuses[1:]) <= {"unchanged"}
        children = cli.descendants(proc.pid)
        assert children
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "next run:" in out and "khobor trigger --warehouse" in out and "Prefect UI: http://127.0.0.1:" in out
    cli.wait_for(lambda: not any(cli.alive(c) for c in children), timeout=30, what="every process serve started to exit")
    assert not (wh / ".prefect" / "serve.json").exists()


def test_prefect_yaml_deploys_to_a_process_work_pool_and_a_worker_runs_it(tmp_path):
    from khobor.flows.prefect_server import start_local_server

    home = _home(tmp_path)
    server = start_local_server(tmp_path / "prefect-home", services=True)
    worker = None
    try:
        server.wait_ready()
        env = cli.env(PREFECT_API_URL=server.api_url, PREFECT_HOME=str(tmp_path / "prefect-home"), KHOBOR_HOME=str(home))
        prefect = [sys.executable, "-m", "prefect"]

        def sh(*args: str) -> subprocess.CompletedProcess:
            res = subprocess.run([*prefect, *args], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300)
            assert res.returncode == 0, res.stdout + res.stderr
            return res

        # The commands of prefect.yaml's header, as written there.
        sh("work-pool", "create", "khobor", "--type", "process")
        sh("deploy", "--all", "--prefect-file", str(PROJECT / "prefect.yaml"))
        worker = subprocess.Popen([*prefect, "worker", "start", "--pool", "khobor"], cwd=tmp_path, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        sh("deployment", "run", "nightly/khobor-nightly")
        (dep,) = _api(server.api_url, "/deployments/filter", {"deployments": {"name": {"any_": ["khobor-nightly"]}}})
        assert dep["schedules"][0]["schedule"]["timezone"] == "Asia/Dhaka" and dep["global_concurrency_limit"]["limit"] == 1

        def final_states() -> list[str]:
            return [r["state_type"] for r in _flow_runs(server.api_url, dep["id"]) if r["state_type"] in ("COMPLETED", "FAILED", "CRASHED")]

        cli.wait_for(lambda: final_states(), timeout=300, what="the worker's run to finish")
        assert final_states() == ["COMPLETED"]
        assert (home / "warehouse" / "marts" / "current").exists()
    finally:
        if worker is not None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
        server.stop()
        time.sleep(0.5)


def test_stopping_serve_cancels_a_run_in_flight_and_rolls_it_back(tmp_path):
    home = tmp_path / "home"
    cli.slow_input(home / "bulk", n=600)
    (home / "sources.toml").write_text('[[source]]\nid = "bulk"\nkind = "jsonl"\nlocation = "bulk/bulk.jsonl"\n', encoding="utf-8")
    wh = home / "warehouse"
    proc = cli.start("serve", "--cron", "0 0 1 1 *", cwd=home)
    try:
        cli.wait_for((wh / ".prefect" / "serve.json").exists, timeout=180, what="khobor serve to start")
        api = json.loads((wh / ".prefect" / "serve.json").read_text())["api_url"]
        assert cli.run("trigger", "--warehouse", str(wh), cwd=tmp_path).returncode == 0
        (dep,) = _api(api, "/deployments/filter", {"deployments": {"name": {"any_": ["khobor-nightly"]}}})
        cli.wait_for(lambda: _flow_runs(api, dep["id"], ("RUNNING",)), timeout=120, what="the triggered run to start")
        time.sleep(8)  # well inside the run: its rows are being made
        children = cli.descendants(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    cli.wait_for(lambda: not any(cli.alive(c) for c in children), timeout=30, what="the run and the server to exit")
    import duckdb

    con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
    try:
        runs = con.sql("SELECT status FROM runs").fetchall()
        docs = con.sql("SELECT count(*) FROM documents").fetchall()[0][0]
    finally:
        con.close()
    assert runs == [("cancelled",)] and docs == 0
