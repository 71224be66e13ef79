"""Golden tests for each shipped local source kind: a saved input and the rows it stages.

Regenerate after an intended change with ``KHOBOR_UPDATE_GOLDEN=1 pytest tests/test_sources_golden.py``
and review the diff of ``expected.json``.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from khobor.flows.sources.base import SourceContext, SourceInfo
from khobor.flows.sources.registry import build_source
from khobor.transforms.documents.build import SourceDefaults, build_documents
from khobor.transforms.documents.staging import stage_items

GOLDEN = Path(__file__).parent / "golden" / "sources"
NOW = datetime(2026, 11, 21, tzinfo=timezone.utc)

CASES = {
    "files": SourceInfo(id="golden-files", kind="files", location="input", timezone="Asia/Dhaka"),
    "jsonl": SourceInfo(id="golden-jsonl", kind="jsonl", location="input/wire.jsonl", timezone="Asia/Dhaka",
                        fields={"id": "uid", "title": "headline", "body": "content", "date": "when", "url": "link"}),
    "csv": SourceInfo(id="golden-csv", kind="csv", location="input/export.csv", timezone="Asia/Dhaka",
                      fields={"id": "article_id", "title": "heading", "body": "story", "date": "pub_date", "url": "permalink"}),
}
FIELDS = ("item_key", "media_type", "status", "reason", "title", "url", "external_id", "published_raw", "encoding", "body_text")


def staged_rows(kind: str) -> list[dict]:
    info = CASES[kind]
    source = build_source(info, SourceContext(base_dir=GOLDEN / kind))
    stg = stage_items(source.items(), "golden", set())
    stg, docs = build_documents(stg, "golden", NOW, {info.id: SourceDefaults(info.timezone, info.language)})
    doc_by_id = {d["document_id"]: d for d in docs.to_pylist()}
    rows = []
    for r in stg.to_pylist():
        row = {k: r[k] for k in FIELDS}
        doc = doc_by_id.get(r["document_id"])
        row["published_at"] = doc["published_at"].isoformat() if doc and doc["published_at"] else None
        row["language"] = doc["language"] if doc else None
        rows.append(row)
    return sorted(rows, key=lambda r: r["item_key"])


@pytest.mark.parametrize("kind", sorted(CASES))
def test_source_kind_stages_expected_rows(kind):
    expected_path = GOLDEN / kind / "expected.json"
    got = staged_rows(kind)
    if os.environ.get("KHOBOR_UPDATE_GOLDEN") == "1":
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected


def test_limit_stops_early():
    source = build_source(CASES["jsonl"], SourceContext(base_dir=GOLDEN / "jsonl"))
    assert len(list(source.items(limit=2))) == 2
