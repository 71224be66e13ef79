"""HttpFetcher against a real local server, FetchState, and the snapshot fetchers."""
from __future__ import annotations

import gzip
import json
import math
import os
import pickle
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khobor.flows.sources.fetch_state import FetchState
from khobor.flows.sources.http import (
    DEFAULT_USER_AGENT,
    FetchError,
    FetchPolicy,
    FetchResult,
    HostRateLimiter,
    HttpFetcher,
    HTTPStatusError,
    NetworkError,
    RecordingFetcher,
    RedirectError,
    ResponseRejected,
    SnapshotError,
    SnapshotFetcher,
    URLRejected,
    check_url,
    parse_content_type,
    parse_retry_after,
)
from tests.http_server import LocalServer, Reply, closed_port, http_server  # noqa: F401 - fixture

FAST = dict(backoff_base=0.01, backoff_max=0.05, jitter=0.0, min_interval=0.0, connect_timeout=2.0, read_timeout=2.0,
            total_timeout=5.0, max_attempts=3, trust_env=False)


def policy(**overrides) -> FetchPolicy:
    return FetchPolicy(**{**FAST, **overrides})


class SleepLog:
    """A sleep that records what it was asked to wait and returns at once."""

    def __init__(self):
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture(autouse=True, scope="module")
def no_leaked_threads():
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and set(threading.enumerate()) - before:
        time.sleep(0.01)
    assert not set(threading.enumerate()) - before, "servers or handlers left running"


@pytest.fixture
def fetcher():
    with HttpFetcher(policy()) as f:
        yield f


# URLs --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "bad-scheme"),
    ("ftp://example.com/feed.xml", "bad-scheme"),
    ("data:text/plain,hello", "bad-scheme"),
    ("javascript:alert(1)", "bad-scheme"),
    ("example.com/feed.xml", "bad-scheme"),
    ("//example.com/feed.xml", "bad-scheme"),
    ("http://", "bad-url"),
    ("", "bad-url"),
    ("   ", "bad-url"),
    (None, "bad-url"),
    (42, "bad-url"),
])
def test_unfetchable_urls_are_rejected_before_any_io(url, reason):
    f = HttpFetcher(policy())

    def no_io(*args, **kwargs):
        raise AssertionError("a request was attempted")

    f._client.stream = no_io
    with pytest.raises(URLRejected) as info:
        f.fetch(url)
    err = info.value
    assert isinstance(err, FetchError)
    assert err.reason == reason and err.attempts == 0 and err.url == str(url)
    assert err.message and reason in str(err)
    f.close()


@given(st.one_of(st.text(max_size=40), st.text(max_size=40).map(lambda t: "http://" + t), st.text(max_size=40).map(lambda t: "https://x" + t)))
@settings(max_examples=300, deadline=None)
def test_check_url_only_ever_raises_url_rejected(text):
    try:
        parsed = check_url(text)
    except URLRejected as err:
        assert err.reason in ("bad-url", "bad-scheme")
    else:
        assert parsed.scheme in ("http", "https") and parsed.host


@pytest.mark.parametrize("url", ["https://xn--/", "http://127.0.0.1:99999/", "http://[::1/", "http://ex\x00ample.com/"])
def test_malformed_hosts_and_ports_are_bad_urls(url):
    with pytest.raises(URLRejected) as info:
        check_url(url)
    assert info.value.reason == "bad-url"


# plain fetches -----------------------------------------------------------------------------------


def test_ok_result_has_every_field(http_server, fetcher):
    http_server.route("/feed", Reply(200, "<rss>খবর</rss>".encode(), {"Content-Type": "application/RSS+xml; charset=\"UTF-8\"", "X-Thing": "a"}))
    before = datetime.now(timezone.utc)
    res = fetcher.fetch(http_server.url("/feed"))
    assert isinstance(res, FetchResult)
    assert res.url == res.final_url == http_server.url("/feed")
    assert res.status == 200 and res.body == "<rss>খবর</rss>".encode() and not res.not_modified
    assert res.content_type == "application/rss+xml" and res.declared_charset == "utf-8"
    assert res.headers["x-thing"] == "a" and all(k == k.lower() for k in res.headers)
    assert res.fetched_at.tzinfo is not None and res.fetched_at.utcoffset() == timedelta(0) and res.fetched_at >= before
    assert res.attempts == 1 and res.elapsed >= 0 and res.redirects == ()
    seen = http_server.seen("/feed")[0]
    assert seen.headers["user-agent"] == DEFAULT_USER_AGENT == "khobor/0.1 (+news pipeline)"
    assert "if-none-match" not in seen.headers


def test_user_agent_and_extra_headers_are_configurable(http_server):
    http_server.route("/", Reply(200, b"ok"))
    with HttpFetcher(policy(user_agent="khobor-test/9", extra_headers={"Accept-Language": "bn"})) as f:
        f.fetch(http_server.url("/"))
    seen = http_server.seen("/")[0]
    assert seen.headers["user-agent"] == "khobor-test/9" and seen.headers["accept-language"] == "bn"


def test_empty_204_and_missing_content_type(http_server, fetcher):
    http_server.route("/empty", Reply(204))
    res = fetcher.fetch(http_server.url("/empty"))
    assert res.status == 204 and res.body == b"" and res.content_type is None and res.declared_charset is None


# status codes and retries ------------------------------------------------------------------------


def test_404_costs_exactly_one_request(http_server, fetcher):
    http_server.route("/gone", Reply(404, b"nope"))
    with pytest.raises(HTTPStatusError) as info:
        fetcher.fetch(http_server.url("/gone"))
    assert info.value.reason == "http-4xx" and info.value.status == 404 and info.value.attempts == 1
    assert not info.value.retryable
    assert http_server.hits("/gone") == 1


@pytest.mark.parametrize("status", [400, 401, 403, 410, 451])
def test_other_4xx_are_not_retried(http_server, fetcher, status):
    http_server.route("/x", Reply(status))
    with pytest.raises(HTTPStatusError):
        fetcher.fetch(http_server.url("/x"))
    assert http_server.hits("/x") == 1


def test_5xx_is_retried_until_success(http_server, fetcher):
    http_server.route("/flaky", Reply(503), Reply(502), Reply(200, b"finally"))
    res = fetcher.fetch(http_server.url("/flaky"))
    assert res.body == b"finally" and res.attempts == 3
    assert http_server.hits("/flaky") == 3


def test_5xx_gives_up_after_max_attempts_with_exponential_backoff(http_server):
    http_server.route("/down", Reply(500))
    sleeps = SleepLog()
    with HttpFetcher(policy(max_attempts=4, backoff_base=0.01, backoff_max=10), sleep=sleeps) as f:
        with pytest.raises(HTTPStatusError) as info:
            f.fetch(http_server.url("/down"))
    assert info.value.reason == "http-5xx" and info.value.status == 500 and info.value.attempts == 4
    assert http_server.hits("/down") == 4
    assert sleeps.waits == pytest.approx([0.01, 0.02, 0.04])


def test_backoff_is_capped_and_jitter_only_adds():
    p = FetchPolicy(backoff_base=1.0, backoff_max=5.0, jitter=0.1)
    assert [p.backoff(n) for n in (1, 2, 3, 4, 5)] == [1.0, 2.0, 4.0, 5.0, 5.0]
    assert p.backoff(2, rand=0.999) == pytest.approx(2.2, abs=0.01)


def test_real_backoff_sleeps(http_server):
    # The default sleep really waits: two retries at 0.05 and 0.1 take at least 0.15 s.
    http_server.route("/down", Reply(503))
    with HttpFetcher(policy(backoff_base=0.05, backoff_max=1.0)) as f:
        t0 = time.monotonic()
        with pytest.raises(HTTPStatusError):
            f.fetch(http_server.url("/down"))
        assert time.monotonic() - t0 >= 0.149


def test_429_honours_retry_after_seconds(http_server):
    http_server.route("/busy", Reply(429, headers={"Retry-After": "2"}), Reply(200, b"ok"))
    sleeps = SleepLog()
    with HttpFetcher(policy(), sleep=sleeps) as f:
        res = f.fetch(http_server.url("/busy"))
    assert res.body == b"ok" and res.attempts == 2
    assert sleeps.waits == [2.0]


def test_retry_after_is_capped(http_server):
    http_server.route("/busy", Reply(503, headers={"Retry-After": "86400"}), Reply(200, b"ok"))
    sleeps = SleepLog()
    with HttpFetcher(policy(max_retry_after=0.5), sleep=sleeps) as f:
        f.fetch(http_server.url("/busy"))
    assert sleeps.waits == [0.5]


def test_429_without_usable_retry_after_uses_backoff(http_server):
    http_server.route("/busy", Reply(429, headers={"Retry-After": "soon"}), Reply(429), Reply(200))
    sleeps = SleepLog()
    with HttpFetcher(policy(), sleep=sleeps) as f:
        f.fetch(http_server.url("/busy"))
    assert sleeps.waits == pytest.approx([0.01, 0.02])


def test_429_exhausted_is_an_http_4xx_error(http_server):
    http_server.route("/busy", Reply(429, headers={"Retry-After": "0"}))
    with HttpFetcher(policy(max_attempts=2)) as f, pytest.raises(HTTPStatusError) as info:
        f.fetch(http_server.url("/busy"))
    assert info.value.reason == "http-4xx" and info.value.status == 429 and info.value.attempts == 2
    assert http_server.hits("/busy") == 2


# network failures --------------------------------------------------------------------------------


def test_connection_reset_is_retried(http_server, fetcher):
    http_server.route("/reset", Reply(reset=True), Reply(200, b"back"))
    res = fetcher.fetch(http_server.url("/reset"))
    assert res.body == b"back" and res.attempts == 2
    assert http_server.hits("/reset") == 2


def test_connection_reset_every_time_is_a_connection_error(http_server, fetcher):
    http_server.route("/reset", Reply(reset=True))
    with pytest.raises(NetworkError) as info:
        fetcher.fetch(http_server.url("/reset"))
    assert info.value.reason == "connection" and info.value.attempts == 3 and info.value.retryable


def test_body_cut_short_is_a_connection_error(http_server, fetcher):
    http_server.route("/short", Reply(200, b"only this", content_length=1000))
    with pytest.raises(NetworkError) as info:
        fetcher.fetch(http_server.url("/short"))
    assert info.value.reason == "connection"


def test_connection_refused(fetcher):
    url = f"http://127.0.0.1:{closed_port()}/feed"
    with pytest.raises(NetworkError) as info:
        fetcher.fetch(url)
    assert info.value.reason == "connection" and info.value.attempts == 3 and "127.0.0.1" in info.value.message


def test_slow_server_times_out_quickly(http_server):
    http_server.route("/slow", Reply(200, b"late", delay=10))
    with HttpFetcher(policy(read_timeout=0.2, max_attempts=2)) as f:
        t0 = time.monotonic()
        with pytest.raises(NetworkError) as info:
            f.fetch(http_server.url("/slow"))
        took = time.monotonic() - t0
    assert info.value.reason == "timeout" and info.value.attempts == 2
    assert took < 10  # far below the server's delay: the client gave up by itself
    assert http_server.hits("/slow") == 2


def test_trickling_body_hits_the_total_timeout(http_server):
    # Each chunk arrives well within the read timeout; only the total limit stops it.
    http_server.route("/drip", Reply(200, body_size=1000, chunk_size=10, chunk_delay=0.05))
    with HttpFetcher(policy(read_timeout=2.0, total_timeout=0.3, max_attempts=1)) as f, pytest.raises(NetworkError) as info:
        f.fetch(http_server.url("/drip"))
    assert info.value.reason == "timeout" and "total" in info.value.message


# size cap ----------------------------------------------------------------------------------------


def test_declared_content_length_over_cap_is_rejected_early(http_server):
    http_server.route("/big", Reply(200, content_length=50_000_000, send_body=False))
    with HttpFetcher(policy(max_bytes=1000)) as f, pytest.raises(ResponseRejected) as info:
        f.fetch(http_server.url("/big"))
    assert info.value.reason == "too-large" and "Content-Length" in info.value.message
    assert http_server.hits("/big") == 1  # not retried


def test_streamed_body_over_cap_is_aborted(http_server):
    http_server.route("/big", Reply(200, body_size=5_000_000, chunked=True))
    with HttpFetcher(policy(max_bytes=100_000)) as f, pytest.raises(ResponseRejected) as info:
        f.fetch(http_server.url("/big"))
    assert info.value.reason == "too-large" and http_server.hits("/big") == 1


def test_body_exactly_at_cap_is_fine(http_server):
    http_server.route("/edge", Reply(200, body_size=4096, chunked=True))
    with HttpFetcher(policy(max_bytes=4096)) as f:
        assert len(f.fetch(http_server.url("/edge")).body) == 4096


def test_gzip_body_is_decompressed(http_server, fetcher):
    text = "ঢাকা, ১ মে — ".encode() * 50
    http_server.route("/z", Reply(200, gzip.compress(text), {"Content-Encoding": "gzip"}))
    assert fetcher.fetch(http_server.url("/z")).body == text


def test_cap_applies_after_decompression(http_server):
    bomb = gzip.compress(b"\0" * 2_000_000)  # about 2 KB on the wire
    http_server.route("/bomb", Reply(200, bomb, {"Content-Encoding": "gzip"}))
    with HttpFetcher(policy(max_bytes=100_000)) as f, pytest.raises(ResponseRejected) as info:
        f.fetch(http_server.url("/bomb"))
    assert info.value.reason == "too-large"


def test_broken_gzip_is_a_bad_response(http_server, fetcher):
    http_server.route("/z", Reply(200, b"this is not gzip at all", {"Content-Encoding": "gzip"}))
    with pytest.raises(ResponseRejected) as info:
        fetcher.fetch(http_server.url("/z"))
    assert info.value.reason == "bad-response" and http_server.hits("/z") == 1


# redirects ---------------------------------------------------------------------------------------


def test_redirects_are_followed_and_recorded(http_server, fetcher):
    http_server.route("/a", Reply.redirect("/b", 301))
    http_server.route("/b", Reply.redirect(http_server.url("/c?x=1"), 307))
    http_server.route("/c?x=1", Reply(200, b"here"))
    res = fetcher.fetch(http_server.url("/a"))
    assert res.body == b"here" and res.final_url == http_server.url("/c?x=1") and res.url == http_server.url("/a")
    assert res.redirects == (http_server.url("/a"), http_server.url("/b"))


def test_redirect_loop_is_cut_off(http_server, fetcher):
    http_server.route("/a", Reply.redirect("/b"))
    http_server.route("/b", Reply.redirect("/a#top"))
    with pytest.raises(RedirectError) as info:
        fetcher.fetch(http_server.url("/a"))
    assert info.value.reason == "redirect-loop" and http_server.hits() == 2


def test_self_redirect_is_a_loop(http_server, fetcher):
    http_server.route("/a", Reply.redirect("/a"))
    with pytest.raises(RedirectError) as info:
        fetcher.fetch(http_server.url("/a"))
    assert info.value.reason == "redirect-loop" and http_server.hits() == 1


def test_too_many_redirects(http_server):
    for i in range(5):
        http_server.route(f"/r{i}", Reply.redirect(f"/r{i + 1}"))
    http_server.route("/r5", Reply(200))
    with HttpFetcher(policy(max_redirects=2)) as f, pytest.raises(RedirectError) as info:
        f.fetch(http_server.url("/r0"))
    assert info.value.reason == "too-many-redirects" and http_server.hits() == 3
    with HttpFetcher(policy(max_redirects=5)) as f:
        assert f.fetch(http_server.url("/r0")).final_url == http_server.url("/r5")


@pytest.mark.parametrize("location", ["ftp://127.0.0.1/feed", "file:///etc/passwd", "data:text/plain,x"])
def test_redirect_to_other_scheme_is_refused(http_server, fetcher, location):
    http_server.route("/a", Reply.redirect(location))
    with pytest.raises(URLRejected) as info:
        fetcher.fetch(http_server.url("/a"))
    assert info.value.reason == "bad-scheme" and info.value.final_url == http_server.url("/a")


@pytest.mark.parametrize("location", ["https://xn--/", "http://127.0.0.1:99999/"])
def test_redirect_to_a_malformed_url(http_server, fetcher, location):
    http_server.route("/a", Reply.redirect(location))
    with pytest.raises(RedirectError) as info:
        fetcher.fetch(http_server.url("/a"))
    assert info.value.reason == "bad-redirect" and location in info.value.message and http_server.hits() == 1


def test_redirect_without_location(http_server, fetcher):
    http_server.route("/a", Reply(302))
    with pytest.raises(RedirectError) as info:
        fetcher.fetch(http_server.url("/a"))
    assert info.value.reason == "bad-redirect" and http_server.hits() == 1


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


# rate limit --------------------------------------------------------------------------------------


def test_requests_to_one_host_are_spaced(http_server):
    http_server.route("/p", Reply(200, b"x"))
    n, interval = 5, 0.05
    with HttpFetcher(policy(min_interval=interval)) as f:
        t0 = time.monotonic()
        for _ in range(n):
            f.fetch(http_server.url("/p"))
        took = time.monotonic() - t0
    # A lower bound only: a loaded machine just takes longer. (Arrival times at the server are not
    # checked: handler threads can be scheduled late and bunch them up.)
    assert took >= (n - 1) * interval - 1e-3
    assert http_server.hits("/p") == n


def test_rate_limit_counts_retries_too(http_server):
    http_server.route("/p", Reply(503), Reply(503), Reply(200))
    with HttpFetcher(policy(min_interval=0.05, backoff_base=0.0)) as f:
        t0 = time.monotonic()
        f.fetch(http_server.url("/p"))
        assert time.monotonic() - t0 >= 0.099


def test_rate_limiter_is_per_host():
    now = [0.0]
    waits = []

    def sleep(s):
        waits.append(s)
        now[0] += s

    limiter = HostRateLimiter(1.0, clock=lambda: now[0], sleep=sleep)
    assert limiter.wait("a.example") == 0
    assert limiter.wait("b.example") == 0
    assert limiter.wait("a.example") == 1.0
    now[0] += 5
    assert limiter.wait("a.example") == 0 and limiter.wait("b.example") == 0
    assert waits == [1.0]


# fetch_many --------------------------------------------------------------------------------------


def test_fetch_many_never_raises_for_one_url(http_server, fetcher):
    http_server.route("/ok", Reply(200, b"ok"))
    http_server.route("/gone", Reply(404))
    urls = [http_server.url("/ok"), "ftp://x/y", http_server.url("/gone"), f"http://127.0.0.1:{closed_port()}/", None, http_server.url("/ok")]
    out = list(fetcher.fetch_many(urls))
    assert [u for u, _ in out] == urls
    kinds = [r.status if isinstance(r, FetchResult) else r.reason for _, r in out]
    assert kinds == [200, "bad-scheme", "http-4xx", "connection", "bad-url", 200]


def test_fetch_many_turns_a_bug_into_an_error(fetcher, monkeypatch):
    monkeypatch.setattr(fetcher, "fetch", lambda url: 1 / 0)
    [(url, err)] = list(fetcher.fetch_many(["http://127.0.0.1:1/"]))
    assert isinstance(err, FetchError) and err.reason == "unexpected" and "ZeroDivisionError" in err.message


# parsers and policy ------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("120", 120.0),
    ("  7 ", 7.0),
    ("0", 0.0),
    ("1.5", 1.5),
    ("-3", None),
    ("", None),
    (None, None),
    ("soon", None),
    ("inf", None),
    ("nan", None),
    ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # in the past
])
def test_parse_retry_after(value, expected):
    assert parse_retry_after(value) == expected


def test_parse_retry_after_http_date_in_the_future():
    now = datetime(2024, 5, 1, 6, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True), now=now) == 90.0


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_parse_retry_after_never_raises(value):
    out = parse_retry_after(value)
    assert out is None or (math.isfinite(out) and out >= 0)


@pytest.mark.parametrize("value, expected", [
    ("text/html; charset=UTF-8", ("text/html", "utf-8")),
    ("text/html;charset=windows-1252", ("text/html", "windows-1252")),
    ('application/xml; charset="ISO-8859-1"', ("application/xml", "iso-8859-1")),
    ("text/xml; Charset = 'utf-8' ", ("text/xml", "utf-8")),
    ("text/html; boundary=x; charset=x-user-defined", ("text/html", "x-user-defined")),
    ("TEXT/HTML", ("text/html", None)),
    ("text/html; charset=", ("text/html", None)),
    ("text/html; charset", ("text/html", None)),
    ("", (None, None)),
    (None, (None, None)),
])
def test_parse_content_type(value, expected):
    assert parse_content_type(value) == expected


@given(st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_parse_content_type_never_raises(value):
    media, charset = parse_content_type(value)
    assert media is None or media == media.lower()


def test_errors_and_results_survive_pickling():
    err = HTTPStatusError("http://x/", "http-5xx", "503 from http://x/", status=503, retryable=True, attempts=3)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is HTTPStatusError and (back.url, back.reason, back.message, back.status, back.attempts, back.retryable) == \
        ("http://x/", "http-5xx", "503 from http://x/", 503, 3, True)
    assert str(back) == str(err)
    res = FetchResult("http://x/", "http://x/", 200, {"a": "b"}, b"x", False, None, None, datetime.now(timezone.utc))
    assert pickle.loads(pickle.dumps(res)) == res


@pytest.mark.parametrize("bad", [dict(max_attempts=0), dict(read_timeout=0), dict(min_interval=-1), dict(max_bytes=-1),
                                 dict(min_interval="fast"), dict(max_attempts=2.5), dict(max_attempts=True), dict(read_timeout=float("nan")),
                                 dict(user_agent=""), dict(extra_headers={"X-A": 1}), dict(extra_headers=["x"])])
def test_policy_rejects_nonsense(bad):
    with pytest.raises(ValueError):
        FetchPolicy(**bad)


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
