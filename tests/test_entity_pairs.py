"""int_entity_pairs (the co-occurrence mart's source) stays linear in one document's size: only a
document's 200 most mentioned entities pair up."""
from __future__ import annotations

import duckdb

from khobor.data import mart_models_dir


def _pairs(mentions: list[tuple[str, int, int, str | None]]) -> dict[tuple[str, str, str], int]:
    con = duckdb.connect()
    con.execute('CREATE TABLE entity_mentions (document_id VARCHAR, sentence_index INTEGER, "start" INTEGER, entity_id VARCHAR)')
    con.executemany("INSERT INTO entity_mentions VALUES (?, ?, ?, ?)", mentions)
    sql = (mart_models_dir() / "int_entity_pairs.sql").read_text(encoding="utf-8")
    return {(d, a, b): s for d, a, b, s in con.sql(sql).fetchall()}


def test_small_documents_pair_every_entity_and_count_shared_sentences():
    pairs = _pairs([("d", 0, 0, "x"), ("d", 0, 5, "y"), ("d", 1, 20, "y"), ("d", 1, 30, "z"), ("d", 1, 40, None),
                    ("d", 2, 50, "x"), ("d", 2, 60, "y"), ("e", 0, 0, "x")])
    assert pairs == {("d", "x", "y"): 2, ("d", "y", "z"): 1, ("d", "x", "z"): 0}


def test_a_document_with_thousands_of_entities_pairs_only_its_200_most_mentioned():
    # 1,000 entities: the first 150 mentioned twice, the rest once; the first mentioned win ties.
    mentions = [("big", i // 10, i, f"e{i:04d}") for i in range(1000)]
    mentions += [("big", 200 + i // 10, 5000 + i, f"e{i:04d}") for i in range(150)]
    pairs = _pairs(mentions)
    kept = {e for _, a, b in pairs for e in (a, b)}
    assert len(pairs) == 200 * 199 // 2
    assert kept == {f"e{i:04d}" for i in range(200)}
    # Shared sentences are still counted among the kept entities.
    assert pairs[("big", "e0000", "e0001")] == 2 and pairs[("big", "e0000", "e0199")] == 0


def test_a_run_with_a_document_naming_hundreds_of_places_publishes_a_bounded_mart(tmp_path):
    """The mart's own suite recomputes the pairs with the same rule, so the run validates."""
    import json

    from khobor.flows.analytics import query
    from khobor.flows.nightly import nightly
    from khobor.flows.paths import WarehouseLayout
    from khobor.transforms.entities import gazetteer

    upazilas = sorted({r["name_bn"] for r in gazetteer._rows("bd_admin.tsv") if r["level"] == "upazila"})
    body = " ".join(f"{name} উপজেলায় আজ সভা হয়েছে।" for name in upazilas[:320])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps({"id": "a", "date": "2024-08-12", "title": "সভা", "body": body},
                                                        ensure_ascii=False) + "\n", encoding="utf-8")
    s = nightly(warehouse_dir=str(tmp_path / "wh"), input_path=str(tmp_path / "in"))
    assert s["status"] == "succeeded", s
    layout = WarehouseLayout.at(tmp_path / "wh")
    entities = query(layout, "SELECT count(DISTINCT entity_id) FROM fct_entity_mentions WHERE entity_id IS NOT NULL").rows[0][0]
    pairs = query(layout, "SELECT count(*) FROM mart_entity_cooccurrence").rows[0][0]
    assert entities > 250 and pairs == 200 * 199 // 2
