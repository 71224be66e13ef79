"""Conditional GET and the FetchState file that remembers validators."""
from __future__ import annotations

import json
import os

import pytest

from khobor.flows.sources.fetch_state import FetchState
from khobor.flows.sources.http import (
    HttpFetcher,
)
from tests.fetch_helpers import FAST, SleepLog, fetcher, no_leaked_threads, policy  # noqa: F401 - fixtures
from tests.http_server import LocalServer, Reply, closed_port, http_server  # noqa: F401 - fixture

# conditional GET ---------------------------------------------------------------------------------


def conditional(body: bytes, etag: str | None = '"v1"', modified: str | None = "Wed, 01 May 2024 06:00:00 GMT"):
    """A handler that answers 304 when the request's validators match, like a real server."""

    def handle(req):
        if etag and req.headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        if not etag and modified and req.headers.get("if-modified-since") == modified:
            return Reply(304)
        headers = {"Content-Type": "application/rss+xml"}
        if etag:
            headers["ETag"] = etag
        if modified:
            headers["Last-Modified"] = modified
        return Reply(200, body, headers)

    return handle


def test_unchanged_resource_costs_one_request_and_no_body(http_server, tmp_path):
    http_server.route("/feed", conditional(b"<rss/>"))
    state_file = tmp_path / "state" / "fetch.json"
    url = http_server.url("/feed")
    with HttpFetcher(policy(), state=state_file) as f:
        first = f.fetch(url)
        assert first.status == 200 and first.body == b"<rss/>"
        assert f.commit_state() == 1
    # The next run: a new fetcher reading the same file.
    with HttpFetcher(policy(), state=state_file) as f:
        second = f.fetch(url)
    assert second.not_modified and second.status == 304 and second.body is None and second.attempts == 1
    assert http_server.hits("/feed") == 2
    req = http_server.seen("/feed")[1]
    assert req.headers["if-none-match"] == '"v1"' and req.headers["if-modified-since"] == "Wed, 01 May 2024 06:00:00 GMT"


def test_last_modified_alone_is_enough(http_server, tmp_path):
    http_server.route("/page", conditional(b"<html/>", etag=None))
    with HttpFetcher(policy(), state=tmp_path / "s.json") as f:
        assert f.fetch(http_server.url("/page")).body == b"<html/>"
        assert f.fetch(http_server.url("/page")).not_modified
    assert http_server.hits("/page") == 2 and "if-none-match" not in http_server.seen("/page")[1].headers


def test_validators_are_not_written_until_commit(http_server, tmp_path):
    # A run that dies (or is rolled back) before committing must see the full body again.
    http_server.route("/feed", conditional(b"<rss/>"))
    state_file = tmp_path / "fetch.json"
    with HttpFetcher(policy(), state=state_file) as f:
        f.fetch(http_server.url("/feed"))
        assert f.state.pending == 1
    assert not state_file.exists()
    with HttpFetcher(policy(), state=state_file) as f:
        assert f.fetch(http_server.url("/feed")).status == 200


def test_changed_resource_replaces_validators_and_dropped_ones_are_forgotten(http_server, tmp_path):
    versions = iter([(b"one", '"1"'), (b"two", '"2"'), (b"three", None)])

    def handle(req):
        body, etag = next(versions)
        return Reply(200, body, {"ETag": etag} if etag else {})

    http_server.route("/feed", handle)
    state = FetchState(tmp_path / "s.json")
    with HttpFetcher(policy(), state=state) as f:
        url = http_server.url("/feed")
        f.fetch(url)
        f.commit_state()
        f.fetch(url)
        assert state.get(url).etag == '"2"'
        f.fetch(url)
        f.commit_state()
    assert [r.headers.get("if-none-match") for r in http_server.seen("/feed")] == [None, '"1"', '"2"']
    assert FetchState(tmp_path / "s.json").get(url) is None and len(state) == 0


def test_conditional_headers_survive_redirects(http_server, tmp_path):
    http_server.route("/old", Reply.redirect("/feed", 301))
    http_server.route("/feed", conditional(b"<rss/>"))
    with HttpFetcher(policy(), state=tmp_path / "s.json") as f:
        first = f.fetch(http_server.url("/old"))
        second = f.fetch(http_server.url("/old"))
    assert first.status == 200 and second.not_modified and second.final_url == http_server.url("/feed")


@pytest.mark.parametrize("content", [
    b"{not json",
    b"",
    b"\xff\xfe\x00garbage",
    b"[1, 2, 3]",
    b'{"format": "something-else", "version": 1, "urls": {}}',
    b'{"format": "khobor-fetch-state", "version": 99, "urls": {}}',
])
def test_corrupt_state_file_is_treated_as_empty(tmp_path, content):
    path = tmp_path / "s.json"
    path.write_bytes(content)
    state = FetchState(path)
    assert len(state) == 0 and state.load_problem
    assert state.request_headers("http://example.com/") == {}
    state.remember("http://example.com/", etag='"e"', last_modified=None)
    state.commit()
    again = FetchState(path)
    assert again.load_problem is None and again.get("http://example.com/").etag == '"e"'


def test_malformed_entries_are_skipped_and_good_ones_kept(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"format": "khobor-fetch-state", "version": 1, "urls": {
        "http://good/": {"etag": '"g"'},
        "http://list/": ["x"],
        "http://number/": {"etag": 5},
        "http://nothing/": {"final_url": "http://nothing/"},
    }}))
    state = FetchState(path)
    assert state.load_problem is None and len(state) == 1
    assert state.request_headers("http://good/") == {"If-None-Match": '"g"'}


def test_crash_mid_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    state = FetchState(path)
    state.remember("http://a/", etag='"1"', last_modified=None)
    state.commit()
    before = path.read_bytes()

    def crash(src, dst):
        raise OSError("disk gone")

    state.remember("http://b/", etag='"2"', last_modified=None)
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        state.commit()
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]  # no temporary file left behind
    assert state.pending == 1 and state.commit() == 1  # kept for a later try
    assert FetchState(path).get("http://b/").etag == '"2"'


def test_commit_merges_with_changes_made_by_another_process(tmp_path):
    path = tmp_path / "s.json"
    one, two = FetchState(path), FetchState(path)
    one.remember("http://a/", etag='"a"', last_modified=None)
    two.remember("http://b/", etag='"b"', last_modified=None)
    one.commit()
    two.commit()
    merged = FetchState(path)
    assert merged.get("http://a/").etag == '"a"' and merged.get("http://b/").etag == '"b"'
