from datetime import datetime, timezone

import pyarrow as pa

from khobor.transforms.documents.source_stats import source_run_rows

NOW = datetime(2026, 11, 21, tzinfo=timezone.utc)
STATS = [
    dict(run_id="r", source_id="a", kind="files", started_at=NOW, seconds=0.1, items_seen=4, error=None),
    dict(run_id="r", source_id="b", kind="rss", started_at=NOW, seconds=2.0, items_seen=0, error="SourceError: feed down"),
]
STG = pa.table({"source_id": ["a", "a", "a"], "status": ["new", "duplicate", "quarantined"]})


def test_counts_per_source_and_errors_kept():
    rows = {r["source_id"]: r for r in source_run_rows(STATS, STG, rolled_back=False).to_pylist()}
    assert (rows["a"]["items_new"], rows["a"]["documents_new"], rows["a"]["duplicates_new"], rows["a"]["quarantined_new"]) == (3, 1, 1, 1)
    assert rows["b"]["items_new"] == 0 and rows["b"]["error"] == "SourceError: feed down"


def test_a_rolled_back_run_added_nothing():
    rows = source_run_rows(STATS, STG, rolled_back=True).to_pylist()
    assert all(r["items_new"] == 0 and r["documents_new"] == 0 for r in rows)
    assert rows[0]["items_seen"] == 4
