"""Publishing repairs itself: a run finds what an earlier run left half-done (crashed rows, temporary
folders, marts that do not show the warehouse, a missing or stale analytics file) and puts it right,
even when nothing new arrived."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from khobor.flows.nightly import nightly
from khobor.flows.paths import WarehouseLayout
from tests import recovery_checks as rc


def _bulk(folder, n):
    import json

    from khobor.data import sample_dir

    texts = [p.read_text(encoding="utf-8") for p in sorted(sample_dir().glob("*.bn.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "extra.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"x{i}", "text": f"খবর {i}। " + texts[i % len(texts)] + f"\nসূত্র {i * 31}।"},
                                ensure_ascii=False) + "\n")


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """Run 1 on the sample, run 2 on the sample plus new items: the template the tests copy."""
    from khobor.data import sample_dir

    base = tmp_path_factory.mktemp("two-runs")
    src = base / "src"
    shutil.copytree(sample_dir(), src)
    wh = base / "wh"
    first = nightly(warehouse_dir=str(wh), input_path=str(src), timezone_name="Asia/Dhaka")
    assert first["status"] == "succeeded"
    _bulk(src, 6)
    second = nightly(warehouse_dir=str(wh), input_path=str(src), timezone_name="Asia/Dhaka")
    assert second["status"] == "succeeded"
    return base, first, second


def _copy(two_runs, tmp_path):
    base, first, second = two_runs
    wh = tmp_path / "wh"
    shutil.copytree(base / "wh", wh, symlinks=True)
    src = tmp_path / "src"
    shutil.copytree(base / "src", src)
    return WarehouseLayout.at(wh), src, first, second


def _count(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.sql(sql).fetchall()[0][0]
    finally:
        con.close()


def test_marts_that_do_not_show_the_warehouse_are_published_again(two_runs, tmp_path):
    """Run 2 was killed after publishing, before its row was finished: the next run rolls its rows
    back, so the marts (which show them) are ahead of the warehouse: nothing new arrives (its input
    is gone), and the marts are published again all the same."""
    layout, src, first, second = _copy(two_runs, tmp_path)
    con = duckdb.connect(str(layout.db))
    con.execute("UPDATE runs SET status = 'running', finished_at = NULL, release = NULL WHERE run_id = ?", [second["run_id"]]).fetchall()
    con.close()
    (src / "extra.jsonl").unlink()
    s = nightly(warehouse_dir=str(layout.root), input_path=str(src), timezone_name="Asia/Dhaka")
    assert s["status"] == "succeeded", s
    assert "republished: the marts did not show the warehouse" in " ".join(s["warnings"]), s["warnings"]
    docs = _count(layout.db, "SELECT count(*) FROM documents")
    assert _count(layout.analytics_db, f"SET file_search_path = '{layout.root}'; SELECT count(*) FROM mart_documents") == docs
    assert rc.run_statuses(layout.root) == ["succeeded", "crashed", "succeeded"]
    again = nightly(warehouse_dir=str(layout.root), input_path=str(src), timezone_name="Asia/Dhaka")
    assert again["status"] == "unchanged" and not again["release"]


def test_marts_behind_the_warehouse_are_published_again(two_runs, tmp_path):
    """The live release is an older one than the warehouse's last published run (a release swap that
    never happened): the next run publishes, though nothing new arrived."""
    layout, src, first, second = _copy(two_runs, tmp_path)
    old = layout.releases / first["release"]
    if not old.exists():  # pruned: keep a copy of the current one under the old name
        pytest.skip("the first release was pruned")
    layout.current.unlink()
    layout.current.symlink_to(f"releases/{first['release']}")
    s = nightly(warehouse_dir=str(layout.root), input_path=str(src), timezone_name="Asia/Dhaka")
    assert s["status"] == "succeeded" and s["release"], s
    assert "republished: the marts did not show the warehouse" in " ".join(s["warnings"])
    assert _count(layout.analytics_db, f"SET file_search_path = '{layout.root}'; SELECT count(*) FROM mart_documents") == \
        _count(layout.db, "SELECT count(*) FROM documents")


@pytest.mark.parametrize("damage", ["missing", "stale", "unreadable"])
def test_an_analytics_file_that_is_missing_or_behind_is_rewritten(two_runs, tmp_path, damage):
    layout, src, first, second = _copy(two_runs, tmp_path)
    if damage == "missing":
        layout.analytics_db.unlink()
    elif damage == "stale":  # written before the live release was swapped in (killed in between)
        import os

        t = layout.current.lstat().st_mtime_ns
        os.utime(layout.analytics_db, ns=(t - 10**9, t - 10**9))
    else:
        layout.analytics_db.write_bytes(b"\0" * 4096)
    s = nightly(warehouse_dir=str(layout.root), input_path=str(src), timezone_name="Asia/Dhaka")
    assert s["status"] == "unchanged", s
    assert "analytics.duckdb" in " ".join(s["warnings"]) and "rewritten" in " ".join(s["warnings"]), s["warnings"]
    assert rc.analytics_contents(layout.root) == rc.analytics_contents(two_runs[0] / "wh")


def test_temporary_folders_of_killed_runs_are_removed(two_runs, tmp_path):
    layout, src, first, second = _copy(two_runs, tmp_path)
    (layout.releases / ".building-20260101T000000Z-dead00").mkdir()
    (layout.releases / ".building-20260101T000000Z-dead00" / "mart_documents.parquet").write_bytes(b"half")
    (layout.marts / ".current-20260101T000000Z-dead00").symlink_to("releases/nowhere")
    layout.analytics_db.with_name(".analytics.duckdb.tmp").write_bytes(b"half")
    (layout.root / ".khobor.refresh.duckdb").write_bytes(b"half")
    s = nightly(warehouse_dir=str(layout.root), input_path=str(src), timezone_name="Asia/Dhaka")
    assert s["status"] == "unchanged", s
    assert rc.leftovers(layout.root) == []
    assert any("removed" in w and ".building-20260101T000000Z-dead00" in w for w in s["warnings"]), s["warnings"]
