"""Feed and web-page sources against a real HTTP server on 127.0.0.1, and through the whole flow."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from khobor.flows.resources import source_context
from khobor.flows.sources.base import SourceContext, SourceError, SourceInfo
from khobor.flows.sources.http import FetchPolicy, HttpFetcher
from khobor.flows.sources.registry import build_source
from tests.http_server import LocalServer, Reply, closed_port, http_server  # noqa: F401 - fixture

GOLDEN = Path(__file__).parent / "golden" / "sources"
FAST = FetchPolicy(min_interval=0.0, backoff_base=0.01, max_attempts=2, connect_timeout=2, read_timeout=2, total_timeout=5)
NOW = datetime(2026, 11, 21, tzinfo=timezone.utc)


def _serve_feed(server: LocalServer) -> None:
    feed = (GOLDEN / "rss" / "input" / "feed.xml").read_text(encoding="utf-8").replace("SERVER", server.url("")[:-0 or None].rstrip("/"))
    server.route("/feed.xml", _conditional(Reply(200, feed.encode("utf-8"), {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": '"v1"'})))
    server.route("/news/river.html", Reply(200, (GOLDEN / "web" / "input" / "river.html").read_bytes(), {"Content-Type": "text/html; charset=utf-8"}))
    server.route("/news/rail.html", Reply(200, (GOLDEN / "web" / "input" / "rail.html").read_bytes(), {"Content-Type": "text/html; charset=windows-1252"}))
    server.route("/news/missing.html", Reply(404, b"not here"))


def _conditional(feed_reply: Reply):
    def handler(req):
        if req.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return feed_reply
    return handler


def test_feed_skips_known_entries_and_unchanged_feed_costs_one_request(http_server, tmp_path):
    _serve_feed(http_server)
    info = SourceInfo(id="f", kind="rss", location=http_server.url("/feed.xml"))
    fetcher = HttpFetcher(FAST, state=tmp_path / "state.json")
    first = list(build_source(info, SourceContext(fetcher=fetcher)).items())
    assert len(first) == 3 and http_server.hits() == 4
    http_server.route("/feed.xml", _conditional(Reply(200, b"changed")))
    keys = {i.item_key for i in first if i.error is None}
    again = list(build_source(info, SourceContext(fetcher=fetcher, known_keys={"f": keys})).items())
    assert again == []
    assert http_server.hits() == 5 and http_server.hits("/feed.xml") == 2


def test_malformed_feed_is_a_clear_source_error(http_server):
    http_server.route("/bad.xml", Reply(200, b"<html><body>this is not a feed", {"Content-Type": "text/html"}))
    info = SourceInfo(id="bad", kind="rss", location=http_server.url("/bad.xml"))
    with pytest.raises(SourceError, match="not a valid RSS/Atom feed"):
        list(build_source(info, SourceContext(fetcher=HttpFetcher(FAST))).items())


def test_non_http_feed_url_is_rejected_before_any_io():
    info = SourceInfo(id="local", kind="rss", location="file:///etc/passwd")
    with pytest.raises(SourceError, match="bad-scheme"):
        list(build_source(info, SourceContext(fetcher=HttpFetcher(FAST))).items())


def test_snapshot_environment_serves_recorded_responses(tmp_path, monkeypatch):
    snap = tmp_path / "snap"
    (snap / "bodies").mkdir(parents=True)
    (snap / "bodies" / "p.html").write_bytes((GOLDEN / "web" / "input" / "river.html").read_bytes())
    (snap / "index.json").write_text(json.dumps({"https://news.example/p.html": {
        "status": 200, "headers": {"content-type": "text/html; charset=utf-8"}, "body_file": "bodies/p.html"}}), encoding="utf-8")
    monkeypatch.setenv("KHOBOR_ENV", "snapshot")
    monkeypatch.setenv("KHOBOR_SNAPSHOT_DIR", str(snap))
    ctx = source_context(None, tmp_path)
    items = list(build_source(SourceInfo(id="w", kind="web", location="https://news.example/p.html"), ctx).items())
    assert len(items) == 1 and items[0].error is None and "তিস্তা".encode() in items[0].raw


def test_failing_source_does_not_fail_the_others(tmp_path, http_server):
    from khobor.flows.nightly import nightly

    _serve_feed(http_server)
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.bn.txt").write_text("রংপুরে শীত বাড়ছে। তাপমাত্রা নেমেছে ১০ ডিগ্রিতে।\n", encoding="utf-8")
    registry = tmp_path / "sources.toml"
    registry.write_text(
        f"""
[fetch]
min_interval = 0.0
backoff_base = 0.01
max_attempts = 2
connect_timeout = 2.0

[[source]]
id = "local"
kind = "files"
location = "news"

[[source]]
id = "down"
kind = "rss"
location = "http://127.0.0.1:{closed_port()}/feed.xml"

[[source]]
id = "feed"
kind = "rss"
location = "{http_server.url('/feed.xml')}"
timezone = "Asia/Dhaka"
""",
        encoding="utf-8",
    )
    wh = tmp_path / "wh"
    s = nightly(warehouse_dir=str(wh), registry_path=str(registry))
    assert s["status"] == "succeeded", s
    assert s["sources"]["local"] == "ok" and s["sources"]["feed"] == "ok"
    assert "connection" in s["sources"]["down"]
    con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
    try:
        per_source = dict(con.sql("SELECT source_id, count(*) FROM documents GROUP BY 1").fetchall())
        errors = dict(con.sql("SELECT source_id, error FROM source_runs").fetchall())
        q = con.sql("SELECT reason FROM quarantine").fetchall()
    finally:
        con.close()
    assert per_source == {"local": 1, "feed": 2}
    assert errors["down"] and errors["local"] is None and errors["feed"] is None
    assert q == [("fetch-http-4xx",)]
    # The next night the feed is unchanged: one conditional request, answered 304, and nothing else.
    hits = http_server.hits()
    again = nightly(warehouse_dir=str(wh), registry_path=str(registry), source_ids=["feed"])
    assert again["status"] == "unchanged"
    assert http_server.hits() - hits == 1
    assert http_server.seen("/feed.xml")[-1].headers.get("if-none-match") == '"v1"'
    assert (wh / ".state" / "http_cache.json").exists()
