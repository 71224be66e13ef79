"""The offline fetchers (snapshot, recording) and the local test server's own bounds."""
from __future__ import annotations

import json
import time

import pytest

from khobor.flows.sources.fetch_state import FetchState
from khobor.flows.sources.http import (
    FetchResult,
    HttpFetcher,
    HTTPStatusError,
    NetworkError,
    RecordingFetcher,
    SnapshotError,
    SnapshotFetcher,
    URLRejected,
)
from tests.fetch_helpers import FAST, SleepLog, fetcher, no_leaked_threads, policy  # noqa: F401 - fixtures
from tests.http_server import LocalServer, Reply, closed_port, http_server  # noqa: F401 - fixture

# the test server's own bounds -------------------------------------------------------------------


def test_server_refuses_after_its_time_bound():
    with LocalServer(max_seconds=0.2) as server:
        server.route("/", Reply(200, b"ok"))
        with HttpFetcher(policy(max_attempts=1)) as f:
            assert f.fetch(server.url("/")).body == b"ok"
            deadline = time.monotonic() + 5
            while not server.expired and time.monotonic() < deadline:
                time.sleep(0.02)
            with pytest.raises(NetworkError) as info:
                f.fetch(server.url("/"))
    assert server.expired and info.value.reason == "connection"


def test_server_request_budget():
    with LocalServer(max_requests=2) as server:
        server.route("/", Reply(200, b"ok"))
        with HttpFetcher(policy(max_attempts=1)) as f:
            f.fetch(server.url("/"))
            f.fetch(server.url("/"))
            with pytest.raises(HTTPStatusError):
                f.fetch(server.url("/"))
    assert server.over_budget


# snapshots ---------------------------------------------------------------------------------------


def test_snapshot_fetcher_serves_a_hand_written_folder(tmp_path):
    (tmp_path / "bodies").mkdir()
    (tmp_path / "bodies" / "feed.xml").write_bytes("<rss>ঢাকা</rss>".encode())
    (tmp_path / "index.json").write_text(json.dumps({
        "https://example.com/feed.xml": {"status": 200, "headers": {"Content-Type": "application/rss+xml; charset=utf-8"}, "body_file": "bodies/feed.xml"},
        "https://example.com/gone": {"status": 404},
        "https://example.com/same": {"status": 304},
        "https://example.com/slow": {"error": {"reason": "timeout", "message": "no data"}},
        "https://example.com/escape": {"status": 200, "body_file": "../secret"},
    }))
    snap = SnapshotFetcher(tmp_path)
    res = snap.fetch("https://example.com/feed.xml")
    assert res.body == "<rss>ঢাকা</rss>".encode() and res.content_type == "application/rss+xml" and res.declared_charset == "utf-8"
    assert res.headers == {"content-type": "application/rss+xml; charset=utf-8"} and res.final_url == res.url
    assert snap.fetch("https://example.com/same").not_modified
    with pytest.raises(HTTPStatusError) as info:
        snap.fetch("https://example.com/gone")
    assert info.value.reason == "http-4xx" and info.value.status == 404
    with pytest.raises(NetworkError) as info:
        snap.fetch("https://example.com/slow")
    assert info.value.reason == "timeout"
    with pytest.raises(SnapshotError) as info:
        snap.fetch("https://example.com/other")
    assert info.value.reason == "not-in-snapshot"
    with pytest.raises(URLRejected):
        snap.fetch("file:///etc/passwd")
    kinds = [type(r).__name__ for _, r in snap.fetch_many(["https://example.com/feed.xml", "https://example.com/escape", "nope"])]
    assert kinds == ["FetchResult", "SnapshotError", "URLRejected"]  # a body_file outside the folder is refused


def test_every_fetcher_can_commit_state(tmp_path, http_server):
    (tmp_path / "snap").mkdir()
    (tmp_path / "snap" / "index.json").write_text("{}")
    assert SnapshotFetcher(tmp_path / "snap").commit_state() == 0
    with HttpFetcher(policy()) as f:
        assert f.commit_state() == 0
    http_server.route("/a", Reply(200, b"a", {"ETag": '"a"'}))
    with RecordingFetcher(HttpFetcher(policy(), state=tmp_path / "s.json"), tmp_path / "rec") as rec:
        rec.fetch(http_server.url("/a"))
        assert rec.commit_state() == 1
    assert FetchState(tmp_path / "s.json").get(http_server.url("/a")).etag == '"a"'


def test_snapshot_folder_without_index_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="index.json"):
        SnapshotFetcher(tmp_path)


def test_recording_then_replaying_offline(tmp_path):
    snap_dir = tmp_path / "snap"
    with LocalServer() as server:
        server.route("/feed", Reply(200, "<rss>খবর</rss>".encode(), {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": '"x"'}))
        server.route("/old", Reply.redirect("/feed"))
        server.route("/gone", Reply(404))
        urls = [server.url("/feed"), server.url("/old"), server.url("/gone"), "ftp://nowhere/"]
        with RecordingFetcher(HttpFetcher(policy()), snap_dir) as rec:
            live = list(rec.fetch_many(urls))
        hits = server.hits()
    assert hits == 3 + 1  # the redirect hop is one more request
    index = json.loads((snap_dir / "index.json").read_text())
    assert set(index["responses"]) == set(urls[:3])  # the rejected URL never reached the network
    replay = list(SnapshotFetcher(snap_dir).fetch_many(urls))  # the server is gone: this is offline
    for (url, a), (_, b) in zip(live, replay):
        assert type(a) is type(b), url
        if isinstance(a, FetchResult):
            assert (a.status, a.final_url, a.body, a.headers, a.content_type, a.declared_charset, a.redirects, a.fetched_at) == \
                   (b.status, b.final_url, b.body, b.headers, b.content_type, b.declared_charset, b.redirects, b.fetched_at)
        else:
            assert (a.reason, a.status) == (b.reason, b.status)


def test_recording_adds_to_an_existing_snapshot(tmp_path, http_server):
    http_server.route("/a", Reply(200, b"a"))
    http_server.route("/b", Reply(200, b"b"))
    with RecordingFetcher(HttpFetcher(policy()), tmp_path) as rec:
        rec.fetch(http_server.url("/a"))
    with RecordingFetcher(HttpFetcher(policy()), tmp_path) as rec:
        rec.fetch(http_server.url("/b"))
    snap = SnapshotFetcher(tmp_path)
    assert snap.fetch(http_server.url("/a")).body == b"a" and snap.fetch(http_server.url("/b")).body == b"b"
