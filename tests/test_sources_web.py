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
# The feeds here link to their articles on 127.0.0.1, which a feed source refuses unless told.
PRIVATE = {"allow_private": True}
PRIVATE_TOML = "options = { allow_private = true }\n"


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
    http_server.route("/news/missing.html", Reply(200, (GOLDEN / "web" / "input" / "river.html").read_bytes(), {"Content-Type": "text/html"}))
    info = SourceInfo(id="f", kind="rss", location=http_server.url("/feed.xml"), options=PRIVATE)
    fetcher = HttpFetcher(FAST, state=tmp_path / "state.json")
    first = list(build_source(info, SourceContext(fetcher=fetcher)).items())
    assert len(first) == 3 and all(i.error is None for i in first) and http_server.hits() == 4
    http_server.route("/feed.xml", _conditional(Reply(200, b"changed")))
    keys = {i.item_key for i in first}
    again = list(build_source(info, SourceContext(fetcher=fetcher, known_keys={"f": keys})).items())
    assert again == []
    assert http_server.hits() == 5 and http_server.hits("/feed.xml") == 2


def test_a_failed_entry_is_retried_until_it_loads(http_server, tmp_path):
    """A feed with an entry that could not be stored is read in full again, never answered 304."""
    _serve_feed(http_server)
    info = SourceInfo(id="f", kind="rss", location=http_server.url("/feed.xml"), options=PRIVATE)
    fetcher = HttpFetcher(FAST, state=tmp_path / "state.json")
    first = list(build_source(info, SourceContext(fetcher=fetcher)).items())
    assert [i.error_reason for i in first if i.error] == ["fetch-http-4xx"]
    keys = {i.item_key for i in first if i.error is None}
    hits = http_server.hits()
    again = list(build_source(info, SourceContext(fetcher=fetcher, known_keys={"f": keys})).items())
    assert [i.item_key for i in again] == [http_server.url("/news/missing.html")]
    assert http_server.hits() - hits == 2  # the feed in full, and only the entry that failed
    assert "if-none-match" not in http_server.seen("/feed.xml")[-1].headers


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
options = {{ allow_private = true }}
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
    # The next night the feed is read in full again (one entry never loaded) and only the missing
    # article is retried; once it loads, an unchanged feed costs one conditional request.
    hits = http_server.hits()
    again = nightly(warehouse_dir=str(wh), registry_path=str(registry), source_ids=["feed"])
    assert again["status"] == "unchanged"
    assert http_server.hits() - hits == 2 and http_server.hits("/news/missing.html") == 2
    http_server.route("/news/missing.html", Reply(200, (GOLDEN / "web" / "input" / "river.html").read_bytes().replace(
        "তিস্তা".encode(), "যমুনা".encode()), {"Content-Type": "text/html"}))
    loaded = nightly(warehouse_dir=str(wh), registry_path=str(registry), source_ids=["feed"])
    assert loaded["status"] == "succeeded" and loaded["items_new"] == 1
    hits = http_server.hits()
    quiet = nightly(warehouse_dir=str(wh), registry_path=str(registry), source_ids=["feed"])
    assert quiet["status"] == "unchanged"
    assert http_server.hits() - hits == 1
    assert http_server.seen("/feed.xml")[-1].headers.get("if-none-match") == '"v1"'
    assert (wh / ".state" / "http_cache.json").exists()


def _registry(path: Path, body: str) -> Path:
    path.write_text("[fetch]\nmin_interval = 0.0\nbackoff_base = 0.01\nmax_attempts = 2\nconnect_timeout = 2.0\n\n" + body, encoding="utf-8")
    return path


def test_a_feed_first_declared_with_the_wrong_kind_then_corrected_loses_nothing(tmp_path, http_server):
    from typer.testing import CliRunner

    from khobor.flows.cli import app
    from khobor.flows.nightly import nightly

    _serve_feed(http_server)
    feed = http_server.url("/feed.xml")
    reg = _registry(tmp_path / "sources.toml", f'[[source]]\nid = "news"\nkind = "web"\nlocation = "{feed}"\n')
    wh = tmp_path / "wh"
    wrong = nightly(warehouse_dir=str(wh), registry_path=str(reg))
    assert wrong["documents_new"] <= 1  # the feed read as a page: no articles
    reg = _registry(reg, f'[[source]]\nid = "news"\nkind = "rss"\nlocation = "{feed}"\ntimezone = "Asia/Dhaka"\n{PRIVATE_TOML}')
    checked = CliRunner().invoke(app, ["sources", "check", "news", "--registry", str(reg), "-n", "3"])
    assert "2 of 3 items would load" in " ".join(checked.output.split()), checked.output
    fixed = nightly(warehouse_dir=str(wh), registry_path=str(reg))
    assert fixed["status"] == "succeeded" and fixed["documents_new"] == 2, fixed
    assert http_server.seen("/feed.xml")[-1].headers.get("if-none-match") is None


def test_two_feeds_carrying_the_same_article_both_record_their_sighting(tmp_path, http_server):
    from khobor.flows.nightly import nightly

    _serve_feed(http_server)
    text = (GOLDEN / "rss" / "input" / "feed.xml").read_text(encoding="utf-8").replace("SERVER", http_server.url("").rstrip("/"))
    http_server.route("/other.xml", Reply(200, text.replace("খবর পরীক্ষা", "অন্য ফিড").encode(), {"Content-Type": "application/rss+xml"}))
    reg = _registry(tmp_path / "sources.toml", f'[[source]]\nid = "a"\nkind = "rss"\nlocation = "{http_server.url("/feed.xml")}"\n{PRIVATE_TOML}\n'
                                               f'[[source]]\nid = "b"\nkind = "rss"\nlocation = "{http_server.url("/other.xml")}"\n{PRIVATE_TOML}')
    wh = tmp_path / "wh"
    first = nightly(warehouse_dir=str(wh), registry_path=str(reg), source_ids=["a"])
    assert first["documents_new"] == 2
    second = nightly(warehouse_dir=str(wh), registry_path=str(reg), source_ids=["b"])
    assert second["status"] == "succeeded" and second["duplicates_new"] == 2 and second["documents_new"] == 0, second
    con = duckdb.connect(str(wh / "khobor.duckdb"), read_only=True)
    try:
        rows = con.sql("SELECT source_id, status, count(*) FROM stg_documents WHERE status <> 'quarantined' GROUP BY ALL ORDER BY 1").fetchall()
    finally:
        con.close()
    assert rows == [("a", "new", 2), ("b", "duplicate", 2)]
