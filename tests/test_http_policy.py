"""Fetch policy pieces: URL checks, header parsers, the policy itself, the per-host rate limit."""
from __future__ import annotations

import math
import pickle
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khobor.flows.sources.http import (
    FetchError,
    FetchPolicy,
    FetchResult,
    HostRateLimiter,
    HttpFetcher,
    HTTPStatusError,
    URLRejected,
    check_url,
    parse_content_type,
    parse_retry_after,
)
from tests.fetch_helpers import FAST, SleepLog, fetcher, no_leaked_threads, policy  # noqa: F401 - fixtures
from tests.http_server import LocalServer, Reply, closed_port, http_server  # noqa: F401 - fixture

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
