"""Golden cases for source kinds, fundus-style: one folder per installed kind under golden/sources.

Each ``golden/sources/<kind>/`` holds ``source.toml`` (the ``[source]`` entry under test and, for
network kinds, the ``[[route]]``s a local HTTP server answers: ``SERVER`` in locations and served
files is that server's address), an ``input/`` folder, and ``expected.json``: the staged rows the
kind must produce. ``tests/test_sources_golden.py`` checks every installed kind against its
folder; ``python -m tests.golden.write_sources KIND`` writes ``expected.json`` after a reviewed change.
"""
from __future__ import annotations

import contextlib
import json
import tomllib
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from khobor.flows.sources.base import SourceContext, SourceInfo
from khobor.flows.sources.http import FetchPolicy, HttpFetcher
from khobor.flows.sources.registry import build_source
from khobor.transforms.documents.build import build_documents
from khobor.transforms.documents.staging import SourceDefaults, stage_items
from tests.http_server import LocalServer, Reply

GOLDEN = Path(__file__).parent / "golden" / "sources"
NOW = datetime(2026, 11, 21, tzinfo=timezone.utc)
FIELDS = ("item_key", "media_type", "status", "reason", "title", "url", "external_id", "published_raw", "publisher", "encoding", "body_text")
FAST = FetchPolicy(min_interval=0.0, backoff_base=0.01, max_attempts=2, connect_timeout=2, read_timeout=2, total_timeout=5)


def golden_kinds() -> list[str]:
    return sorted(p.name for p in GOLDEN.iterdir() if (p / "source.toml").exists())


@contextlib.contextmanager
def _server(case: Path, routes: list[dict]) -> Iterator[LocalServer | None]:
    if not routes:
        yield None
        return
    with LocalServer() as server:
        base = server.url("").rstrip("/")
        for r in routes:
            body = (case / "input" / r["file"]).read_bytes().replace(b"SERVER", base.encode()) if "file" in r else b""
            server.route(r["path"], Reply(r.get("status", 200), body, dict(r.get("headers", {}))))
        yield server


def staged_rows(kind: str) -> list[dict]:
    """The rows ``kind``'s golden source stages, with the local server's address written ``SERVER``."""
    case = GOLDEN / kind
    spec = tomllib.loads((case / "source.toml").read_text(encoding="utf-8"))
    with _server(case, spec.get("route", [])) as server:
        base = server.url("").rstrip("/") if server else "SERVER"
        entry = json.loads(json.dumps(spec["source"]).replace("SERVER", base))
        info = SourceInfo(**entry)
        context = SourceContext(base_dir=case, fetcher=HttpFetcher(FAST) if server else None)
        stg = stage_items(build_source(info, context).items(), "golden", set(), {info.id: SourceDefaults(info.timezone, info.language, info.publisher)})
    stg, docs = build_documents(stg, "golden", NOW)
    doc_by_id = {d["document_id"]: d for d in docs.to_pylist()}
    rows = []
    for r in stg.to_pylist():
        row = {k: r[k] for k in FIELDS}
        doc = doc_by_id.get(r["document_id"])
        row["published_at"] = doc["published_at"].isoformat() if doc and doc["published_at"] else None
        row["published_date"] = doc["published_date"].isoformat() if doc and doc["published_date"] else None
        row["published_precision"] = doc["published_precision"] if doc else None
        row["published_local_time"] = doc["published_local_time"].isoformat() if doc and doc["published_local_time"] else None
        row["language"] = doc["language"] if doc else None
        rows.append(json.loads(json.dumps(row, ensure_ascii=False).replace(base, "http://SERVER")))
    return sorted(rows, key=lambda r: r["item_key"])


def expected_rows(kind: str) -> list[dict]:
    return json.loads((GOLDEN / kind / "expected.json").read_text(encoding="utf-8"))
