"""HttpFetcher against a real local server: statuses, retries, failures, size cap, redirects."""
from __future__ import annotations

import gzip
import time
from datetime import datetime, timedelta, timezone

import pytest

from khobor.flows.sources.http import (
    DEFAULT_USER_AGENT,
    FetchError,
    FetchPolicy,
    FetchResult,
    HttpFetcher,
    HTTPStatusError,
    NetworkError,
    RedirectError,
    ResponseRejected,
    URLRejected,
)
from tests.fetch_helpers import FAST, SleepLog, fetcher, no_leaked_threads, policy  # noqa: F401 - fixtures
from tests.http_server import LocalServer, Reply, closed_port, http_server  # noqa: F401 - fixture

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
