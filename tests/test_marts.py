"""The analysts' marts on a small warehouse built by a real run: local days, publishers, co-mentions,
near-duplicate groups, partitions, and an analytics file that can be copied and left open."""
from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from khobor.flows.analytics import open_analytics, query
from khobor.flows.paths import WarehouseLayout

T1 = ("ঢাকায় আজ ভারত ও জাপানের প্রতিনিধিদের সঙ্গে বৈঠক হয়েছে। বৈঠকে ঢাকা ও ভারতের মধ্যে রেল যোগাযোগ নিয়ে আলোচনা হয়। "
      "কর্মকর্তারা জানিয়েছেন, আগামী মাসে নতুন চুক্তি সই হতে পারে এবং দুই দেশের বাণিজ্য আরও বাড়বে। "
      "চট্টগ্রাম বন্দরের সক্ষমতা বাড়ানোর বিষয়েও কথা হয়েছে। বৈঠক শেষে যৌথ বিবৃতি দেওয়া হয়েছে।")
RECORDS = [
    # A date alone: its own day, not the UTC day before.
    {"id": "p1", "paper": "Prothom Alo", "date": "2024/08/12", "title": "বৈঠক", "body": T1},
    # 02:00 in Dhaka on the 13th is the 12th in UTC: the publisher's day is the 13th.
    {"id": "p2", "paper": "Jugantor", "date": "2024-08-13 02:00:00", "title": "বৃষ্টি",
     "body": "চট্টগ্রামে ভারী বৃষ্টিতে জলাবদ্ধতা দেখা দিয়েছে। ঢাকা থেকে চট্টগ্রামগামী ট্রেন দেরিতে ছেড়েছে।"},
    # No paper, no date: the registry's publisher, and no day at all.
    {"id": "p3", "title": "যানজট", "body": "ঢাকায় যানজট বেড়েছে। জাপানের সহায়তায় নতুন সড়ক হবে।"},
    # A near-duplicate of p1 from another paper.
    {"id": "p4", "paper": "Jugantor", "date": "2024/08/12", "title": "বৈঠক",
     "body": T1.replace("আগামী মাসে", "আগামী মাসের মধ্যে")},
]
WIRE = "ভারতে নির্বাচন\nঢাকা, ১২ আগস্ট ২০২৪ — ভারতের নির্বাচন নিয়ে ঢাকায় আলোচনা হয়েছে।\n"
REGISTRY = """
[[source]]
id = "papers"
kind = "jsonl"
location = "in/papers.jsonl"
timezone = "Asia/Dhaka"
publisher = "Papers Inc"
fields = { publisher = "paper" }

[[source]]
id = "wire"
kind = "files"
location = "in/wire"
timezone = "Asia/Dhaka"
publisher = "Wire Desk"
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from khobor.flows.nightly import nightly

    root = tmp_path_factory.mktemp("marts")
    (root / "in" / "wire").mkdir(parents=True)
    (root / "in" / "papers.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n", encoding="utf-8")
    (root / "in" / "wire" / "election.bn.txt").write_text(WIRE, encoding="utf-8")
    (root / "sources.toml").write_text(REGISTRY, encoding="utf-8")
    s = nightly(warehouse_dir=str(root / "wh"), registry_path=str(root / "sources.toml"))
    assert s["status"] == "succeeded", s
    return WarehouseLayout.at(root / "wh"), s


def rows(layout, sql):
    r = query(layout, sql)
    return [dict(zip(r.columns, row)) for row in r.rows]


def docs_by_id(layout):
    return {r["external_id"]: r for r in rows(layout, "SELECT * FROM mart_documents")}


def test_every_mart_is_published(built):
    layout, s = built
    assert set(s["published_marts"]) == {"mart_documents", "fct_entity_mentions", "mart_entity_daily", "mart_entity_cooccurrence", "dim_entities"}


def test_published_date_is_the_publishers_local_day_with_its_precision(built):
    layout, _ = built
    d = docs_by_id(layout)
    assert (d["p1"]["published_date"], d["p1"]["published_precision"]) == (date(2024, 8, 12), "day")
    assert d["p1"]["published_at"] == datetime(2024, 8, 11, 18, tzinfo=timezone.utc)
    assert (d["p2"]["published_date"], d["p2"]["published_precision"]) == (date(2024, 8, 13), "time")
    assert d["p2"]["published_at"] == datetime(2024, 8, 12, 20, tzinfo=timezone.utc)
    assert (d["p3"]["published_date"], d["p3"]["published_at"], d["p3"]["published_precision"]) == (None, None, None)


def test_publisher_is_the_records_paper_else_the_sources(built):
    layout, _ = built
    d = docs_by_id(layout)
    assert [d[k]["publisher"] for k in ("p1", "p2", "p3", "p4")] == ["Prothom Alo", "Jugantor", "Papers Inc", "Jugantor"]
    wire = rows(layout, "SELECT publisher, published_date, source_id FROM mart_documents WHERE source_id = 'wire'")
    assert wire == [{"publisher": "Wire Desk", "published_date": date(2024, 8, 12), "source_id": "wire"}]


def test_undated_documents_have_no_day_and_stay_out_of_the_daily_marts(built):
    layout, _ = built
    undated = rows(layout, "SELECT m.* FROM fct_entity_mentions m JOIN mart_documents d USING (document_id) WHERE d.external_id = 'p3'")
    assert undated and all(r["published_date"] is None and r["published_month"] is None for r in undated)
    assert all(r["publisher"] == "Papers Inc" for r in undated)
    daily = rows(layout, "SELECT sum(mentions) AS n, min(day) AS first, max(day) AS last FROM mart_entity_daily")[0]
    dated = rows(layout, "SELECT count(*) AS n FROM fct_entity_mentions WHERE entity_id IS NOT NULL AND published_date IS NOT NULL")[0]
    assert daily == {"n": dated["n"], "first": date(2024, 8, 12), "last": date(2024, 8, 13)}
    assert rows(layout, "SELECT count(*) AS n FROM mart_entity_cooccurrence WHERE day IS NULL")[0]["n"] == 0


def test_daily_rows_are_per_entity_day_and_publisher(built):
    layout, _ = built
    dhaka = rows(layout, "SELECT day, publisher, documents FROM mart_entity_daily WHERE canonical_latin = 'Dhaka' ORDER BY day, publisher")
    assert dhaka == [
        {"day": date(2024, 8, 12), "publisher": "Jugantor", "documents": 1},
        {"day": date(2024, 8, 12), "publisher": "Prothom Alo", "documents": 1},
        {"day": date(2024, 8, 12), "publisher": "Wire Desk", "documents": 1},
        {"day": date(2024, 8, 13), "publisher": "Jugantor", "documents": 1},
    ]


def test_mentions_carry_their_sentence_and_names(built):
    layout, _ = built
    for r in rows(layout, "SELECT * FROM fct_entity_mentions"):
        assert r["sentence_text"][r["start"] - r["sentence_start"]: r["end"] - r["sentence_start"]] == r["text"]
        if r["entity_id"]:
            assert r["canonical"] and r["canonical_latin"]


def test_cooccurrence_pairs_are_ordered_counted_and_never_self(built):
    layout, _ = built
    pairs = rows(layout, "SELECT * FROM mart_entity_cooccurrence")
    assert pairs and all(p["entity_a"] < p["entity_b"] for p in pairs)
    dhaka_india = [p for p in pairs if {p["canonical_latin_a"], p["canonical_latin_b"]} == {"Dhaka", "India"}]
    # p1, its near-duplicate p4 and the wire story, all on the 12th; p1 and p4 name both in two sentences.
    assert [(p["day"], p["documents"]) for p in dhaka_india] == [(date(2024, 8, 12), 3)]
    assert dhaka_india[0]["sentences"] >= 5


def test_near_duplicates_share_a_group_named_by_the_earliest(built):
    layout, _ = built
    d = docs_by_id(layout)
    assert d["p1"]["near_duplicate_group"] == d["p4"]["near_duplicate_group"] is not None
    assert d["p1"]["near_duplicates"] == d["p4"]["near_duplicates"] == 1
    assert d["p2"]["near_duplicate_group"] is None and d["p2"]["near_duplicates"] == 0


def test_documents_list_their_top_entities(built):
    layout, _ = built
    top = docs_by_id(layout)["p1"]["top_entities"]
    assert 1 <= len(top) <= 5 and [t["mentions"] for t in top] == sorted((t["mentions"] for t in top), reverse=True)
    assert {"Dhaka", "India"} <= {r["canonical_latin"] for r in rows(layout, "SELECT canonical_latin FROM dim_entities")}
    assert top[0]["canonical"] in ("ঢাকা", "ভারত")


def test_dim_entities_knows_days_seen_aliases_and_how_the_english_name_was_made(built):
    layout, _ = built
    dim = {r["canonical_latin"]: r for r in rows(layout, "SELECT * FROM dim_entities")}
    dhaka = dim["Dhaka"]
    assert (dhaka["first_seen_date"], dhaka["last_seen_date"]) == (date(2024, 8, 12), date(2024, 8, 13))
    assert dhaka["latin_method"] == "gazetteer" and dhaka["publisher_count"] == 4
    assert dhaka["document_count"] == dhaka["dated_document_count"] + 1  # p3 is undated
    assert all(r["latin_method"] in ("gazetteer", "name_parts", "dictionary", "lexicon", "foreign_names", "bd_names", "romanised") for r in dim.values())
    assert all(isinstance(r["aliases"], list) for r in dim.values())


def test_mentions_are_one_file_ordered_by_day_in_row_groups(built):
    import pyarrow.parquet as pq

    layout, _ = built
    meta = pq.ParquetFile(layout.current / "fct_entity_mentions.parquet").metadata
    assert meta.num_row_groups >= 1 and all(meta.row_group(i).num_rows <= 100_000 for i in range(meta.num_row_groups))
    days = [r["published_date"] for r in rows(layout, "SELECT published_date FROM read_parquet('marts/current/fct_entity_mentions.parquet')")]
    dated = [d for d in days if d is not None]
    assert dated == sorted(dated) and days == dated + [None] * (len(days) - len(dated))  # by day, undated last
    n = rows(layout, "SELECT count(*) AS n FROM fct_entity_mentions WHERE published_month = DATE '2024-08-01'")[0]["n"]
    assert n == rows(layout, "SELECT count(*) AS n FROM fct_entity_mentions WHERE published_date IS NOT NULL")[0]["n"] > 0


def test_analytics_views_are_documented(built):
    layout, _ = built
    with open_analytics(layout) as con:
        views = dict(con.sql("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
        undocumented = con.sql("SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal "
                               "AND table_name <> 'khobor_release' AND comment IS NULL").fetchall()
    assert views["mart_entity_daily"].startswith("One row per entity, local day and publisher")
    assert "Key: entity_id, day, publisher." in views["mart_entity_daily"]
    assert undocumented == []


def test_a_copied_warehouse_reads_its_own_marts(built, tmp_path):
    layout, _ = built
    copy = tmp_path / "moved" / "wh"
    shutil.copytree(layout.root, copy, symlinks=True, ignore=shutil.ignore_patterns(".lock", ".prefect"))
    hidden = layout.root.with_name(layout.root.name + "-away")
    layout.root.rename(hidden)
    try:
        moved = WarehouseLayout.at(copy)
        assert rows(moved, "SELECT count(*) AS n FROM mart_documents")[0]["n"] == 5
        with open_analytics(moved) as con:
            files = [Path(r[0]) for r in con.sql("SELECT DISTINCT filename FROM read_parquet('marts/current/*.parquet', filename = true)").fetchall()]
        assert files and all(f.resolve().is_relative_to(copy.resolve()) for f in files)
    finally:
        hidden.rename(layout.root)


def test_a_reader_left_open_keeps_working_after_old_releases_are_pruned(built, monkeypatch):
    from khobor.flows import publish

    layout, s = built
    with open_analytics(layout) as con:
        before = con.sql("SELECT DISTINCT release FROM khobor_release").fetchall()
        monkeypatch.setattr(publish, "KEEP_RELEASES", 1)
        new_release, _ = publish.publish(layout, "20990101T000000Z-later")
        assert not (layout.releases / s["release"]).exists()  # pruned
        after = con.sql("SELECT DISTINCT release FROM khobor_release").fetchall()
        n = con.sql("SELECT count(*) FROM mart_documents").fetchall()[0][0]
    assert before == [(s["release"],)] and after == [(new_release.name,)] and n == 5


def test_a_speculative_build_publishes_what_it_built_and_a_discarded_one_leaves_nothing(built, monkeypatch):
    """The nightly flow builds the marts while it validates the run: a build it keeps is the one
    published (not built twice); one it discards, stopped between models, leaves no folder behind."""
    import threading

    from khobor.flows import publish

    layout, _ = built
    kept = publish.SpeculativeBuild(layout, "20990101T000003Z-kept")
    staging = kept.result()
    assert staging == publish.staging_dir(layout, "20990101T000003Z-kept") and (staging / "mart_documents.parquet").exists()
    monkeypatch.setattr(publish, "build_release", lambda *a, **k: pytest.fail("built again"))
    release, verdict = publish.publish(layout, "20990101T000003Z-kept", staging=staging)
    assert verdict.success and release.name == "20990101T000003Z-kept" and not staging.exists()
    monkeypatch.undo()

    # Discarded while it builds: the first model waits until discard has asked it to stop.
    first_model = threading.Event()
    real_models = publish.mart_models

    def slow_models(models_dir=None):
        for i, m in enumerate(real_models(models_dir)):
            if i == 1:
                first_model.set()
                threading.Event().wait(0.5)
            yield m
    monkeypatch.setattr(publish, "mart_models", slow_models)
    dropped = publish.SpeculativeBuild(layout, "20990101T000004Z-dropped")
    assert first_model.wait(30)
    dropped.discard()
    assert not publish.staging_dir(layout, "20990101T000004Z-dropped").exists()
    with pytest.raises(publish.BuildStopped):
        dropped.result()
    assert publish.live_release(layout) == "20990101T000003Z-kept"


def test_a_mart_can_be_published_in_hive_partitions(built, tmp_path):
    """partition_by in a mart's YAML (a DATE column, the mart's last) writes it as hive partitions;
    suites, views and readers follow. fct_entity_mentions by month is where it was measured."""
    import yaml

    from khobor.data import mart_models_dir
    from khobor.flows import publish

    layout, _ = built
    before = rows(layout, "SELECT * FROM fct_entity_mentions ORDER BY mention_id")
    models = tmp_path / "models"
    shutil.copytree(mart_models_dir(), models)
    spec = yaml.safe_load((models / "fct_entity_mentions.yml").read_text(encoding="utf-8"))
    spec["partition_by"] = "published_month"
    (models / "fct_entity_mentions.yml").write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        release, verdict = publish.publish(layout, "20990101T000001Z-parts", models_dir=models)
        parts = sorted(p.name for p in (release / "fct_entity_mentions").iterdir())
        assert verdict.success and parts == ["published_month=2024-08-01", "published_month=__HIVE_DEFAULT_PARTITION__"]
        assert rows(layout, "SELECT * FROM fct_entity_mentions ORDER BY mention_id") == before
    finally:
        publish.publish(layout, "20990101T000002Z-files")


def test_a_partition_column_must_be_a_marts_last(tmp_path):
    import yaml

    from khobor.data import mart_models_dir
    from khobor.flows.models import mart_models

    models = tmp_path / "models"
    shutil.copytree(mart_models_dir(), models)
    spec = yaml.safe_load((models / "mart_entity_daily.yml").read_text(encoding="utf-8"))
    spec["partition_by"] = "day"
    (models / "mart_entity_daily.yml").write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ValueError, match="mart_entity_daily.*last column"):
        mart_models(models)


def test_a_warehouse_from_before_local_days_is_migrated_and_publishes(built, tmp_path):
    """ensure_schema adds the new columns to an older warehouse (NULL in old rows); its marts then take
    the local day from published_at in the first sighting's timezone, with no precision."""
    import duckdb

    from khobor.flows import publish
    from khobor.flows.warehouse_db import ensure_schema

    layout, _ = built
    old = tmp_path / "old"
    shutil.copytree(layout.root, old, symlinks=True, ignore=shutil.ignore_patterns(".lock", ".prefect"))
    con = duckdb.connect(str(old / "khobor.duckdb"))
    try:
        for table, column in (("documents", "publisher"), ("documents", "published_date"), ("documents", "published_precision"),
                              ("documents", "published_local_time"), ("stg_documents", "publisher")):
            con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    finally:
        con.close()
    migrated = WarehouseLayout.at(old)
    ensure_schema(migrated.db)
    _, verdict = publish.publish(migrated, "20990101T000003Z-migrated")
    assert verdict.success
    d = docs_by_id(migrated)
    assert (d["p2"]["published_date"], d["p2"]["published_precision"], d["p2"]["publisher"]) == (date(2024, 8, 13), None, None)
    assert d["p1"]["published_date"] == date(2024, 8, 12) and d["p3"]["published_date"] is None
