"""Run modes: a backfill window, a full refresh from staging, and a nothing-new run that stays light."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import duckdb

from khobor.data import sample_dir
from khobor.flows.nightly import nightly
from khobor.flows.refresh import refresh
from tests.warehouse_checks import table_counts, tree_digest


def _write_dated(folder, days: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "wire.jsonl", "w", encoding="utf-8") as fh:
        for i, day in enumerate(days):
            fh.write(json.dumps({"id": f"n{i}", "date": day, "text": f"ঢাকায় {i} নম্বর সেতুর কাজ শুরু হয়েছে। শ্রমিকেরা কাজ করছেন {i * 13}।"},
                                ensure_ascii=False) + "\n")
        fh.write(json.dumps({"id": "undated", "text": "রাজশাহীতে আমের দাম কমেছে। চাষিরা হতাশ।"}, ensure_ascii=False) + "\n")


def test_since_until_backfills_only_those_local_days_and_leaves_the_rest_for_later(tmp_path):
    src = tmp_path / "in"
    _write_dated(src, ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"])
    wh = str(tmp_path / "wh")
    from datetime import date

    window = nightly(warehouse_dir=wh, input_path=str(src), timezone_name="Asia/Dhaka", since=date(2026, 11, 2), until=date(2026, 11, 3))
    assert window["status"] == "succeeded" and window["documents_new"] == 2
    con = duckdb.connect(f"{wh}/khobor.duckdb", read_only=True)
    try:
        keys = sorted(r[0] for r in con.sql("SELECT item_key FROM stg_documents").fetchall())
    finally:
        con.close()
    assert keys == ["wire.jsonl#n1", "wire.jsonl#n2"]
    rest = nightly(warehouse_dir=wh, input_path=str(src), timezone_name="Asia/Dhaka")
    assert rest["documents_new"] == 3  # the other two days and the undated one, untouched before


def test_full_refresh_rebuilds_the_same_warehouse_and_keeps_entity_ids(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(sample_dir(), src)
    wh = tmp_path / "wh"
    first = nightly(warehouse_dir=str(wh), input_path=str(src))
    assert first["status"] == "succeeded"

    def snapshot():
        con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
        try:
            return (sorted(con.sql("SELECT document_id, text FROM documents").fetchall()),
                    sorted(con.sql('SELECT document_id, "start", "end", label, entity_id, value FROM entity_mentions').fetchall()),
                    sorted(con.sql("SELECT entity_id, label, canonical, canonical_latin FROM entities").fetchall()),
                    sorted(con.sql("SELECT stg_id, status, document_id FROM stg_documents").fetchall()))
        finally:
            con.close()

    before = snapshot()
    counts = table_counts(wh / "khobor.duckdb")
    again = refresh(warehouse_dir=str(wh))
    assert again["status"] == "succeeded" and again["release"]
    assert snapshot() == before and table_counts(wh / "khobor.duckdb") == counts
    third = refresh(warehouse_dir=str(wh))
    assert third["status"] == "succeeded" and snapshot() == before
    assert not (wh / ".khobor.refresh.duckdb").exists()


def test_a_refused_full_refresh_leaves_everything_as_it_was(tmp_path, monkeypatch):
    import khobor.transforms.chain
    from tests.test_flow_e2e import _off_by_one

    wh = tmp_path / "wh"
    assert nightly(warehouse_dir=str(wh), input_path=str(sample_dir()))["status"] == "succeeded"
    marts_before = tree_digest(wh / "marts")
    monkeypatch.setattr(khobor.transforms.chain, "analyse_documents", _off_by_one(khobor.transforms.chain.analyse_documents))
    bad = refresh(warehouse_dir=str(wh))
    assert bad["status"] == "failed" and any("offsets_ok" in f for f in bad["failed_expectations"])
    assert tree_digest(wh / "marts") == marts_before
    con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
    try:
        runs = con.sql("SELECT status FROM runs ORDER BY started_at").fetchall()
        docs = con.sql("SELECT count(*) FROM documents").fetchall()[0][0]
    finally:
        con.close()
    assert runs == [("succeeded",), ("failed",)] and docs == 7  # the refused refresh is on record, nothing else changed


def test_a_nothing_new_run_loads_neither_the_model_nor_great_expectations(tmp_path):
    wh = tmp_path / "wh"
    assert nightly(warehouse_dir=str(wh), input_path=str(sample_dir()))["status"] == "succeeded"
    code = (
        "import sys, json\n"
        "from khobor.flows.nightly import nightly\n"
        f"s = nightly(warehouse_dir={str(wh)!r}, input_path={str(sample_dir())!r})\n"
        "print(json.dumps({'status': s['status'], 'spacy': 'spacy' in sys.modules, 'gx': 'great_expectations' in sys.modules}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {"status": "unchanged", "spacy": False, "gx": False}
