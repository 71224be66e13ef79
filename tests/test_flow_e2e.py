"""End-to-end runs of the nightly flow: real Prefect flow runs, a real DuckDB file, real GX suites."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute  # noqa: F401 - pa.compute
import pytest

from khobor.data import sample_dir
from khobor.flows.nightly import nightly
from tests.warehouse_checks import assert_offsets_exact, table_counts, tree_digest

SAMPLE_DIR = sample_dir()


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    wh = tmp_path_factory.mktemp("sample-warehouse")
    summary = nightly(warehouse_dir=str(wh))
    return wh, summary


def test_sample_run_loads_validates_and_publishes(sample_run):
    wh, s = sample_run
    assert s["status"] == "succeeded", s
    assert s["validation_success"] is True
    n_files = sum(1 for p in SAMPLE_DIR.iterdir() if p.suffix != ".jsonl")
    n_records = sum(1 for line in (SAMPLE_DIR / "wire.jsonl").read_text(encoding="utf-8").splitlines() if line.strip())
    assert s["items_seen"] == s["items_new"] == s["documents_new"] == n_files + n_records
    counts = table_counts(wh / "khobor.duckdb")
    assert counts["documents"] == s["documents_new"]
    assert counts["sentences"] == s["sentences_new"] >= counts["documents"]
    assert counts["tokens"] == s["tokens_new"] > counts["sentences"]
    assert counts["entity_mentions"] == s["mentions_new"] > 0
    assert counts["quarantine"] == 0
    assert set(s["published_marts"]) == {"dim_entities", "fct_entity_mentions", "mart_entity_daily", "mart_entity_cooccurrence", "mart_documents"}


def test_every_offset_points_at_its_text(sample_run):
    wh, _ = sample_run
    assert assert_offsets_exact(wh / "khobor.duckdb") > 400


def test_analytics_db_reads_the_published_marts(sample_run):
    from khobor.flows.analytics import open_analytics
    from khobor.flows.paths import WarehouseLayout

    wh, s = sample_run
    with open_analytics(WarehouseLayout.at(wh)) as con:
        n_docs = con.sql("SELECT count(*) FROM mart_documents").fetchall()[0][0]
        assert n_docs == s["documents_new"]
        daily = con.sql("SELECT sum(mentions) FROM mart_entity_daily").fetchall()[0][0]
        dated = con.sql("SELECT count(*) FROM fct_entity_mentions WHERE entity_id IS NOT NULL AND published_date IS NOT NULL").fetchall()[0][0]
        undated = con.sql("SELECT count(*) FROM fct_entity_mentions WHERE entity_id IS NOT NULL AND published_date IS NULL").fetchall()[0][0]
        assert daily == dated > 0 and undated > 0  # undated documents' mentions are not counted on any day
        assert con.sql("SELECT DISTINCT release FROM khobor_release").fetchall() == [(s["release"],)]


def test_runs_row_records_stages_counts_and_verdict(sample_run):
    wh, s = sample_run
    con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
    try:
        status, ok, stages, docs = con.execute(
            "SELECT status, validation_success, stage_seconds, documents_new FROM runs WHERE run_id = ?", [s["run_id"]]
        ).fetchall()[0]
    finally:
        con.close()
    assert (status, ok, docs) == ("succeeded", True, s["documents_new"])
    assert {"ingest", "clean", "tokenize", "extract", "load", "validate", "build_marts", "publish"} <= set(stages)


def test_rerun_adds_nothing_and_changes_nothing(sample_run):
    wh, first = sample_run
    before_counts = table_counts(wh / "khobor.duckdb")
    before_marts = tree_digest(wh / "marts")
    again = nightly(warehouse_dir=str(wh))
    assert again["status"] == "unchanged"
    assert again["items_new"] == 0 and again["documents_new"] == 0
    assert table_counts(wh / "khobor.duckdb") == before_counts
    assert tree_digest(wh / "marts") == before_marts


def _copy_sample(dst: Path) -> Path:
    shutil.copytree(SAMPLE_DIR, dst)
    return dst


def test_incremental_run_processes_only_the_new_file(tmp_path):
    src = _copy_sample(tmp_path / "in")
    wh = tmp_path / "wh"
    first = nightly(warehouse_dir=str(wh), input_path=str(src))
    assert first["status"] == "succeeded"
    (src / "late.en.txt").write_text("Rajshahi mango farmers expect a record harvest. Prices fell 12% in India.\n", encoding="utf-8")
    second = nightly(warehouse_dir=str(wh), input_path=str(src))
    assert second["status"] == "succeeded"
    assert (second["items_seen"], second["items_new"], second["documents_new"]) == (first["items_seen"] + 1, 1, 1)
    con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
    try:
        keys = con.execute("SELECT item_key FROM stg_documents WHERE run_id = ?", [second["run_id"]]).fetchall()
        assert keys == [("late.en.txt",)]
        assert con.sql("SELECT count(DISTINCT run_id) FROM documents").fetchall()[0][0] == 2
    finally:
        con.close()


def test_same_article_twice_is_one_document_and_an_edited_copy_is_a_near_duplicate(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    body = (
        "সিলেট ও সুনামগঞ্জে বন্যার পানি কমতে শুরু করেছে। সুরমা নদীর পানি বিপৎসীমার নিচে নেমেছে। "
        "পানি উন্নয়ন বোর্ড জানিয়েছে, আগামী দুই দিনে পরিস্থিতির আরও উন্নতি হবে। আশ্রয়কেন্দ্র থেকে মানুষ ঘরে ফিরছেন। "
        "জেলা প্রশাসন ত্রাণ বিতরণ অব্যাহত রেখেছে এবং ক্ষতিগ্রস্ত সড়ক মেরামতের কাজ শুরু হয়েছে।\n"
    )
    (src / "a.txt").write_text(body, encoding="utf-8")
    (src / "b.txt").write_text(body.replace(" ", "  ") + "\n\n", encoding="utf-8")
    s = nightly(warehouse_dir=str(tmp_path / "wh"), input_path=str(src))
    assert (s["items_new"], s["documents_new"], s["duplicates_new"]) == (2, 1, 1)
    (src / "c.txt").write_text(body.replace("দুই দিনে", "দুই দিনের মধ্যে"), encoding="utf-8")
    s2 = nightly(warehouse_dir=str(tmp_path / "wh"), input_path=str(src))
    assert s2["documents_new"] == 1
    con = duckdb.connect(str(tmp_path / "wh" / "khobor.duckdb"), read_only=True)
    try:
        pairs = con.sql(
            "SELECT s1.item_key, s2.item_key, p.similarity FROM document_duplicates p "
            "JOIN documents s1 ON s1.document_id = p.document_id JOIN documents s2 ON s2.document_id = p.duplicate_of"
        ).fetchall()
        sightings = con.sql("SELECT item_key, status FROM stg_documents ORDER BY item_key").fetchall()
    finally:
        con.close()
    assert [(a, b) for a, b, _ in pairs] == [("c.txt", "a.txt")] and 0.6 <= pairs[0][2] < 1
    assert sightings == [("a.txt", "new"), ("b.txt", "duplicate"), ("c.txt", "new")]


def test_unreadable_input_is_quarantined_and_the_rest_succeeds(tmp_path):
    src = _copy_sample(tmp_path / "in")
    (src / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    good = "ঢাকায় আজ বৃষ্টি হয়েছে। আবহাওয়া অধিদপ্তর বলেছে, কাল রোদ উঠবে।".encode()
    (src / "corrupt.txt").write_bytes(good[:10] + good[11:])  # one byte of a Bengali letter lost
    (src / "bad.jsonl").write_text('{"id": "ok-1", "text": "সিলেটে বৃষ্টি।"}\n{not json\n{"id": "no-text", "title": "x"}\n', encoding="utf-8")
    (src / "report.pdf").write_bytes(b"%PDF-1.4 binary")
    s = nightly(warehouse_dir=str(tmp_path / "wh"), input_path=str(src))
    assert s["status"] == "succeeded", s
    con = duckdb.connect(str(tmp_path / "wh" / "khobor.duckdb"), read_only=True)
    try:
        q = dict(con.sql("SELECT item_key, reason FROM quarantine").fetchall())
        docs = {r[0] for r in con.sql("SELECT item_key FROM documents").fetchall()}
    finally:
        con.close()
    assert set(q) == {"scan.txt", "corrupt.txt", "bad.jsonl#L2", "bad.jsonl#no-text", "report.pdf"}
    assert q["bad.jsonl#L2"] == "invalid-json" and q["bad.jsonl#no-text"] == "missing-text"
    assert q["report.pdf"] == "unsupported-type"
    assert "bad.jsonl#ok-1" in docs and "2026-11-18-metro-rail.bn.txt" in docs
    assert s["quarantined_new"] == 5
    # Quarantined items are remembered: a rerun does not quarantine them again.
    again = nightly(warehouse_dir=str(tmp_path / "wh"), input_path=str(src))
    assert again["items_new"] == 0 and again["status"] == "unchanged"


def _off_by_one(analyse):
    """A tokenizer regression: every token of the batch shifted one character to the right."""

    def broken(docs):
        sentences, tokens = analyse(docs)
        shift = lambda col: pa.compute.add(tokens[col], 1)  # noqa: E731
        tokens = tokens.set_column(tokens.schema.get_field_index("start"), "start", shift("start"))
        return sentences, tokens.set_column(tokens.schema.get_field_index("end"), "end", shift("end"))

    return broken


def test_failed_validation_publishes_nothing_and_keeps_old_marts(tmp_path, monkeypatch):
    import khobor.transforms.chain

    src = _copy_sample(tmp_path / "in")
    wh = tmp_path / "wh"
    good = nightly(warehouse_dir=str(wh), input_path=str(src))
    assert good["status"] == "succeeded"
    marts_before = tree_digest(wh / "marts")
    analytics_before = (wh / "analytics.duckdb").read_bytes()
    counts_before = table_counts(wh / "khobor.duckdb")
    (src / "late.bn.txt").write_text("ঢাকায় আজ নতুন সেতু খুলেছে। যান চলাচল শুরু হয়েছে।\n", encoding="utf-8")
    monkeypatch.setattr(khobor.transforms.chain, "analyse_documents", _off_by_one(khobor.transforms.chain.analyse_documents))
    bad = nightly(warehouse_dir=str(wh), input_path=str(src))
    assert bad["status"] == "failed"
    assert "tokens: expect_column_values_to_be_in_set(offsets_ok)" in bad["failed_expectations"], bad["failed_expectations"]
    assert bad["published_marts"] == []
    assert tree_digest(wh / "marts") == marts_before
    assert (wh / "analytics.duckdb").read_bytes() == analytics_before
    assert table_counts(wh / "khobor.duckdb") == counts_before
    con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
    try:
        status, failed = con.execute("SELECT status, failed_expectations FROM runs WHERE run_id = ?", [bad["run_id"]]).fetchall()[0]
    finally:
        con.close()
    assert status == "failed" and "tokens: expect_column_values_to_be_in_set(offsets_ok)" in failed
    report = json.loads(Path(bad["report"]).read_text(encoding="utf-8"))
    assert report["status"] == "failed" and report["suites"]["tokens"]["failed"][0]["unexpected_count"] > 0
    # Once the bug is fixed, the next run picks the batch up again and publishes it.
    monkeypatch.undo()
    fixed = nightly(warehouse_dir=str(wh), input_path=str(src))
    assert fixed["status"] == "succeeded" and fixed["documents_new"] == 1
    assert tree_digest(wh / "marts") != marts_before


def test_impossible_publication_date_is_left_unknown_and_kept_raw(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "future.jsonl").write_text(
        json.dumps({"id": "f1", "date": "2999-01-01", "text": "ঢাকায় আজ নতুন সেতু খুলেছে।"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    s = nightly(warehouse_dir=str(tmp_path / "wh"), input_path=str(src))
    assert s["status"] == "succeeded"
    con = duckdb.connect(str(tmp_path / "wh" / "khobor.duckdb"), read_only=True)
    try:
        row = con.sql("SELECT d.published_at, s.published_raw FROM documents d JOIN stg_documents s USING (stg_id)").fetchall()
    finally:
        con.close()
    assert row == [(None, "2999-01-01")]


def test_seeds_end_to_end(tmp_path, seeds_dir):
    s = nightly(warehouse_dir=str(tmp_path / "wh"), input_path=str(seeds_dir))
    assert s["status"] == "succeeded", s
    assert s["documents_new"] == 2
    db = tmp_path / "wh" / "khobor.duckdb"
    assert assert_offsets_exact(db) > 500
    con = duckdb.connect(str(db), read_only=True)
    try:
        langs = {r[0] for r in con.sql("SELECT language FROM documents").fetchall()}
        texts = [r[0] for r in con.sql("SELECT text FROM documents").fetchall()]
    finally:
        con.close()
    assert langs == {"bn"}
    assert all("\u09f7" not in t and not t.endswith("\n") for t in texts)


def test_a_missing_model_is_a_warning_never_silent(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.bn.txt").write_text("ঢাকায় আজ বৃষ্টি হয়েছে। আবহাওয়া অধিদপ্তর বলেছে, কাল রোদ উঠবে।\n", encoding="utf-8")
    s = nightly(warehouse_dir=str(tmp_path / "wh"), input_path=str(src), model_dir=str(tmp_path / "no-model"))
    assert s["status"] == "succeeded"
    assert s["recognisers"] == ["gazetteer", "rules"]
    assert any("no NER model" in w for w in s["warnings"]), s["warnings"]
    report = json.loads(Path(s["report"]).read_text(encoding="utf-8"))
    assert any("no NER model" in w for w in report["warnings"]) and report["recognisers"] == ["gazetteer", "rules"]
    with_model = nightly(warehouse_dir=str(tmp_path / "wh2"), input_path=str(src))
    assert any(r.startswith("model:") for r in with_model["recognisers"]) and not with_model["warnings"]


def test_each_run_leaves_a_markdown_artifact_with_its_sources(sample_run):
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    _, s = sample_run
    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["khobor-run"])))
    mine = [a for a in arts if s["run_id"] in (a.description or "")]
    assert mine, [a.description for a in arts]
    assert "| sample | ok | 7 | 7 | 7 | 0 |" in mine[0].data and "succeeded" in mine[0].data, mine[0].data
