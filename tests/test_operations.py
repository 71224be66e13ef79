"""Safe to leave running: one writer per warehouse, a clean cancel, honest exit codes, crashed runs
closed — each checked with real ``khobor`` processes and signals."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests import cli_process as cli


def _runs(wh) -> list[tuple]:
    con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
    try:
        return con.sql("SELECT status, error FROM runs ORDER BY started_at").fetchall()
    finally:
        con.close()


def _count(wh, table: str) -> int:
    con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
    try:
        return con.sql(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def bulk(tmp_path_factory):
    return cli.slow_input(tmp_path_factory.mktemp("bulk"))


def test_a_second_run_on_a_busy_warehouse_exits_at_once_and_the_first_is_unaffected(tmp_path, bulk):
    wh = tmp_path / "wh"
    first = cli.start("run", "--input", str(bulk), "--warehouse", str(wh), cwd=tmp_path)
    cli.wait_for(lambda: (cli.lock_holder(wh) or {}).get("pid") == first.pid, what="the first run to take the lock")
    t0 = time.monotonic()
    second = cli.run("run", "--sample", "--warehouse", str(wh), cwd=tmp_path)
    assert second.returncode == 3, second.stderr
    assert time.monotonic() - t0 < 20
    assert f"another run (pid {first.pid}" in second.stderr and str(wh) in second.stderr
    assert "Traceback" not in second.stderr + second.stdout
    out, err = first.communicate(timeout=900)
    assert first.returncode == 0, err
    assert [s for s, _ in _runs(wh)] == ["succeeded"]
    assert cli.lock_holder(wh) is None  # released cleanly


def test_a_lock_left_by_a_dead_process_is_taken_over_with_a_message(tmp_path):
    wh = tmp_path / "wh"
    wh.mkdir()
    (wh / ".lock").write_text(json.dumps({"pid": 999_999, "host": "gone", "started_at": "2026-01-01T00:00:00+00:00", "purpose": "khobor run"}))
    res = cli.run("run", "--sample", "--warehouse", str(wh), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "took over the lock left by pid 999999" in res.stderr


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_signal_cancels_the_run_rolls_it_back_and_exits_130(tmp_path, bulk, sig):
    wh = tmp_path / "wh"
    proc = cli.start("run", "--input", str(bulk), "--warehouse", str(wh), cwd=tmp_path)
    lines = []

    def ingested():
        line = proc.stderr.readline()
        lines.append(line)
        return line.startswith("ingest:")

    cli.wait_for(ingested, what="the ingest stage to finish")
    children = cli.descendants(proc.pid)
    assert children, "the run should have started its Prefect server"
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, "".join(lines) + err
    assert ("cancelling at the next stage boundary" if sig == signal.SIGINT else "terminated (SIGTERM): rolling back") in err
    assert [s for s, _ in _runs(wh)] == ["cancelled"]
    assert _count(wh, "documents") == 0 and _count(wh, "stg_documents") == 0
    cli.wait_for(lambda: not any(cli.alive(c) for c in children), timeout=30, what="the run's children to exit")
    again = cli.run("run", "--input", str(bulk), "--warehouse", str(wh), "--quiet", cwd=tmp_path)
    assert again.returncode == 0 and _count(wh, "documents") > 0


def test_a_killed_run_is_found_marked_crashed_and_rolled_back_by_the_next(tmp_path, bulk):
    wh = tmp_path / "wh"
    proc = cli.start("run", "--input", str(bulk), "--warehouse", str(wh), cwd=tmp_path)
    cli.wait_for(lambda: proc.stderr.readline().startswith("ingest:"), what="the ingest stage to finish")
    children = cli.descendants(proc.pid)
    proc.kill()
    proc.wait(timeout=30)
    # The kernel stops the Prefect server the run started (it dies with its parent).
    cli.wait_for(lambda: not any(cli.alive(c) for c in children), timeout=30, what="the killed run's server to exit")
    nxt = cli.run("run", "--sample", "--warehouse", str(wh), "--json", cwd=tmp_path)
    assert nxt.returncode == 0, nxt.stderr
    summary = json.loads(nxt.stdout)
    assert any("marked crashed" in w for w in summary["warnings"]), summary["warnings"]
    statuses = [s for s, _ in _runs(wh)]
    assert statuses == ["crashed", "succeeded"]
    assert "took over the lock" in nxt.stderr


def test_exit_codes_for_sources_that_fail(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.bn.txt").write_text("রংপুরে শীত বাড়ছে। তাপমাত্রা নেমেছে ১০ ডিগ্রিতে।\n", encoding="utf-8")
    reg = tmp_path / "sources.toml"
    reg.write_text('[[source]]\nid = "local"\nkind = "files"\nlocation = "news"\n\n'
                   '[[source]]\nid = "gone"\nkind = "files"\nlocation = "no-such-folder"\n\n'
                   '[[source]]\nid = "typo"\nkind = "rss"\nlocation = "http://127.0.0.1:9/feed"\noptions = { fetch_article = false }\n', encoding="utf-8")
    partial = cli.run("run", "--json", cwd=tmp_path)
    assert partial.returncode == 4, partial.stderr
    s = json.loads(partial.stdout)
    assert s["status"] == "succeeded" and s["sources"]["local"] == "ok" and s["sources_failed"] == 2
    assert "unknown options ['fetch_article']" in s["sources"]["typo"] and "does not exist" in s["sources"]["gone"]
    report = json.loads(open(s["report"], encoding="utf-8").read())
    assert report["sources"]["gone"]["status"] == "failed" and report["sources"]["local"]["documents_new"] == 1
    assert "source 'typo' cannot run" in partial.stderr  # said before the run starts

    reg.write_text('[[source]]\nid = "gone"\nkind = "files"\nlocation = "no-such-folder"\n', encoding="utf-8")
    all_failed = cli.run("run", "--warehouse", str(tmp_path / "wh2"), "--json", cwd=tmp_path)
    assert all_failed.returncode == 5, all_failed.stderr
    assert json.loads(all_failed.stdout)["status"] == "sources_failed"
    assert not (tmp_path / "wh2" / "marts").exists()  # no empty release

    unknown = cli.run("run", "--source", "nope", cwd=tmp_path)
    assert unknown.returncode == 2 and "no source named 'nope'" in unknown.stderr
    bad_day = cli.run("run", "--since", "yesterday", cwd=tmp_path)
    assert bad_day.returncode == 2 and "--since must be a date" in bad_day.stderr


def test_run_help_documents_the_exit_codes(tmp_path):
    res = cli.run("run", "--help", cwd=tmp_path)
    text = " ".join(res.stdout.split())
    for code in ("0 success", "1 validation failed", "2 usage", "3 another run", "4 done, but some sources failed",
                 "5 every source failed", "6 the warehouse cannot be used", "130 cancelled"):
        assert code in text, code


def test_a_warehouse_that_cannot_be_used_is_one_clear_line_and_exit_6_or_3(tmp_path):
    wh = tmp_path / "wh"
    wh.mkdir()
    (wh / "khobor.duckdb").write_bytes(b"not a database" * 100)
    bad = cli.run("run", "--sample", "--warehouse", str(wh), cwd=tmp_path)
    assert bad.returncode == 6 and "is damaged" in bad.stderr and "Traceback" not in bad.stderr
    other = tmp_path / "held"
    ok = cli.run("run", "--sample", "--warehouse", str(other), "--quiet", cwd=tmp_path)
    assert ok.returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(other / 'khobor.duckdb')!r}); print('open', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        held = cli.run("run", "--sample", "--warehouse", str(other), cwd=tmp_path)
        assert held.returncode == 3 and "is open in another program" in held.stderr, held.stderr
    finally:
        holder.kill()
