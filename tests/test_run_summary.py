"""The run's numbers and status, decided by a pure module from what the tasks returned."""
from __future__ import annotations

import pyarrow as pa

from khobor.transforms import run_summary, schema


def _stg(statuses: list[str]) -> pa.Table:
    rows = [dict(stg_id=f"s{i}", run_id="r", source_id="src", item_key=f"k{i}", raw_sha256="x", status=st)
            for i, st in enumerate(statuses)]
    return schema.from_rows(rows, "stg_documents")


def test_counts_come_from_sources_sightings_and_loaded_rows():
    stats = [dict(source_id="a", items_seen=3, error=None), dict(source_id="b", items_seen=2, error="SourceError: down")]
    counts = run_summary.run_counts(stats, _stg(["new", "duplicate", "quarantined", "new"]),
                                    {"documents": 2, "tokens": 40, "entity_mentions": 5, "quarantine": 1})
    assert counts["items_seen"] == 5 and counts["items_new"] == 4 and counts["duplicates_new"] == 1
    assert counts["documents_new"] == 2 and counts["tokens_new"] == 40 and counts["mentions_new"] == 5
    assert counts["quarantined_new"] == 1 and counts["sentences_new"] == 0
    assert run_summary.source_results(stats) == {"a": "ok", "b": "SourceError: down"}


def test_status():
    assert run_summary.run_status(changed=True, validation_ok=True, release="r1", marts_exist=True) == "succeeded"
    assert run_summary.run_status(changed=False, validation_ok=True, release=None, marts_exist=True) == "unchanged"
    assert run_summary.run_status(changed=True, validation_ok=False, release=None, marts_exist=True) == "failed"
    # validated, but the marts refused the release: nothing published
    assert run_summary.run_status(changed=True, validation_ok=True, release=None, marts_exist=True) == "failed"
    assert run_summary.needs_publish(changed=False, marts_exist=False)
    assert not run_summary.needs_publish(changed=False, marts_exist=True)


def test_runs_row_leaves_out_what_the_runs_table_has_no_column_for():
    row = run_summary.runs_row("succeeded", {"items_seen": 1, "near_duplicates_new": 2}, [], "r1", {"load": 0.1}, None)
    assert set(row) <= set(schema.arrow("runs").names)
    assert row["validation_success"] is True
