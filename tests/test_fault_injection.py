"""Kill a real ``khobor run`` (SIGKILL, no clean-up) at every stage boundary and every step of
publishing, run it again without the fault, and get exactly what one clean run gives: the same
tables, marts and analytics views, no temporary folders, no ``running`` rows, no process left over.

``KHOBOR_FAULT=<point>`` (``khobor.flows.faults``) makes the run kill itself at that point. Two
histories: a warehouse that already holds a published run (the killed run adds items to it), and a
fresh one."""
from __future__ import annotations

import json
import shutil

import pytest

from khobor.flows.faults import POINTS
from tests import cli_process as cli
from tests import recovery_checks as rc

pytestmark = pytest.mark.slow

FRESH_POINTS = ("ingest", "load", "release-moved", "current-swapped", "analytics-written")


def _extra(src, n=8):
    from khobor.data import sample_dir

    texts = [p.read_text(encoding="utf-8") for p in sorted(sample_dir().glob("*.bn.txt"))]
    with open(src / "extra.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"x{i}", "text": f"খবর {i}। " + texts[i % len(texts)] + f"\nসূত্র {i * 31}।"},
                                ensure_ascii=False) + "\n")


def _run(wh, src, **env):
    return cli.run("run", "--input", str(src), "--timezone", "Asia/Dhaka", "--warehouse", str(wh), "--json", "--quiet",
                   cwd=wh.parent, **env)


def _settled(wh):
    cli.wait_for(lambda: not rc.processes_of(wh), timeout=60, what=f"the processes of runs on {wh} to exit")


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """``src`` (the sample plus new items), ``before`` (a warehouse with one run over the sample
    alone), and the clean results: ``existing`` (before + one run over src) and ``fresh`` (one run
    over src on an empty warehouse)."""
    from khobor.data import sample_dir

    base = tmp_path_factory.mktemp("faults")
    src = base / "src"
    shutil.copytree(sample_dir(), src)
    before = base / "before" / "wh"
    before.parent.mkdir()
    assert _run(before, src).returncode == 0
    _extra(src)
    existing = base / "existing" / "wh"
    shutil.copytree(before, existing, symlinks=True)
    assert _run(existing, src).returncode == 0
    fresh = base / "fresh" / "wh"
    fresh.parent.mkdir()
    assert _run(fresh, src).returncode == 0
    for wh in (before, existing, fresh):
        _settled(wh)
    return dict(src=src, before=before, existing=rc.everything(existing), fresh=rc.everything(fresh))


@pytest.mark.parametrize("start, point", [("existing", p) for p in POINTS] + [("fresh", p) for p in FRESH_POINTS])
def test_a_run_killed_at_any_point_is_repaired_by_the_next(history, tmp_path, start, point):
    wh = tmp_path / "wh"
    if start == "existing":
        shutil.copytree(history["before"], wh, symlinks=True)
    else:
        wh.mkdir()
    killed = _run(wh, history["src"], KHOBOR_FAULT=point)
    assert killed.returncode == -9, f"the run was not killed at {point}: {killed.returncode}\n{killed.stderr[-2000:]}"
    _settled(wh)  # the kernel stops what the killed run started (its Prefect server, its workers)

    again = _run(wh, history["src"])
    assert again.returncode == 0, again.stderr[-3000:]
    summary = json.loads(again.stdout)
    assert summary["status"] == "succeeded", summary
    if point in ("current-swapped", "analytics-written", "published"):  # the live release is the killed run's
        assert any(w.startswith("republished: the marts did not show the warehouse") for w in summary["warnings"]), summary["warnings"]
    assert rc.everything(wh) == history[start]
    statuses = rc.run_statuses(wh)
    assert "running" not in statuses and statuses[-2:] == ["crashed", "succeeded"], statuses
    assert rc.leftovers(wh) == []
    _settled(wh)
