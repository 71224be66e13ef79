"""Hostile HTTP answers (issue 14 A): gzip bombs capped on the decompressed size while streaming,
pages over the cap quarantined as ``too-large``, and feed links into loopback or private networks
refused unless the source opts in."""
from __future__ import annotations

import gzip
import re
import zlib

import pytest

from khobor.flows.sources.base import SourceContext, SourceInfo
from khobor.flows.sources.http import FetchPolicy, HttpFetcher, ResponseRejected
from khobor.flows.sources.registry import build_source
from tests.fetch_helpers import FAST, no_leaked_threads, policy  # noqa: F401 - fixtures
from tests.http_server import Reply, http_server  # noqa: F401 - fixture

ARTICLE = ("<html><body><article><p>" + "ঢাকা, ২১ নভেম্বর — প্রধানমন্ত্রী আজ ঢাকায় একটি সভায় বক্তব্য দেন। " * 5
           + "</p></article></body></html>").encode()


def _aborted_after(err: ResponseRejected) -> int:
    return int(re.search(r"aborted after (\d+) bytes", err.message).group(1))


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_compression_bomb_is_stopped_at_the_cap_not_after_expanding(http_server, encoding):
    blob = b"\0" * 67_000_000
    body = gzip.compress(blob, 9) if encoding == "gzip" else zlib.compress(blob, 9)  # ~65 KB on the wire
    http_server.route("/bomb", Reply(200, body, {"Content-Encoding": encoding}))
    cap = 1_000_000
    with HttpFetcher(policy(max_bytes=cap)) as f, pytest.raises(ResponseRejected) as info:
        f.fetch(http_server.url("/bomb"))
    assert info.value.reason == "too-large"
    assert _aborted_after(info.value) <= cap + 1024 * 1024  # at most one decompressed step past it


def test_a_gzip_body_under_the_cap_is_whole(http_server):
    text = "ঢাকা, ১ মে — ".encode() * 100_000  # 1.7 MB, many decompression steps
    http_server.route("/z", Reply(200, gzip.compress(text), {"Content-Encoding": "gzip"}))
    with HttpFetcher(policy(max_bytes=len(text))) as f:
        assert f.fetch(http_server.url("/z")).body == text


def test_a_page_over_the_cap_is_quarantined_too_large(http_server):
    http_server.route("/big.html", Reply(200, gzip.compress(b"<p>" + b"x" * 3_000_000), {"Content-Encoding": "gzip"}))
    info = SourceInfo(id="w", kind="web", location=[http_server.url("/big.html")])
    with HttpFetcher(policy(max_bytes=1_000_000)) as f:
        (item,) = build_source(info, SourceContext(fetcher=f)).items()
    assert item.error_reason == "too-large" and "1000000" in item.error


@pytest.mark.parametrize("url,private", [
    ("http://127.0.0.1:8080/a", True), ("http://127.9.9.9/a", True), ("http://localhost/a", True),
    ("http://LOCALHOST./a", True), ("http://x.localhost/a", True), ("http://10.1.2.3/a", True),
    ("http://172.16.0.1/a", True), ("http://172.31.255.255/a", True), ("http://172.32.0.1/a", False),
    ("http://192.168.1.1/a", True), ("http://169.254.169.254/latest/meta-data", True), ("http://[::1]/a", True),
    ("http://[fe80::1]/a", True), ("http://[fc00::1]/a", True), ("http://[fd12:3456::1]/a", True),
    ("http://[::ffff:127.0.0.1]/a", True), ("http://0.0.0.0/a", True), ("http://2130706433/a", True),
    ("http://0x7f.1/a", True), ("https://www.prothomalo.com/a", False), ("http://8.8.8.8/a", False),
    ("http://[2001:4860::8888]/a", False),
])
def test_private_addresses(url, private):
    from khobor.flows.sources.http.policy import is_private_url

    assert is_private_url(url) is private


def _feed(server, link_host: str) -> bytes:
    link = server.url("/a.html").replace("127.0.0.1", link_host)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>{server.url("/")}</link>'
            f"<item><title>a</title><link>{link}</link><guid>a</guid></item>"
            f"<item><title>b</title><link>http://10.0.0.7/b.html</link><guid>b</guid></item>"
            "</channel></rss>").encode()


def test_feed_links_into_private_networks_are_refused(http_server):
    http_server.route("/feed.xml", Reply(200, _feed(http_server, "127.0.0.1"), {"Content-Type": "application/rss+xml"}))
    http_server.route("/a.html", Reply(200, ARTICLE, {"Content-Type": "text/html; charset=utf-8"}))
    info = SourceInfo(id="f", kind="rss", location=http_server.url("/feed.xml"))
    with HttpFetcher(FetchPolicy(**FAST)) as f:
        items = list(build_source(info, SourceContext(fetcher=f)).items())
    assert [i.error_reason for i in items] == ["private-address", "private-address"]
    assert "10.0.0.7" in items[1].error and http_server.hits("/a.html") == 0


def test_a_source_may_opt_in_to_private_feed_links(http_server):
    http_server.route("/feed.xml", Reply(200, _feed(http_server, "127.0.0.1"), {"Content-Type": "application/rss+xml"}))
    http_server.route("/a.html", Reply(200, ARTICLE, {"Content-Type": "text/html; charset=utf-8"}))
    info = SourceInfo(id="f", kind="rss", location=http_server.url("/feed.xml"), options={"allow_private": True})
    with HttpFetcher(FetchPolicy(**{**FAST, "connect_timeout": 0.5, "max_attempts": 1})) as f:
        items = list(build_source(info, SourceContext(fetcher=f)).items())
    assert items[0].error is None and http_server.hits("/a.html") == 1
    assert items[1].error_reason != "private-address"


# -- names that resolve into the private network, and redirects into it ------------------------------
# No DNS here: ``socket.getaddrinfo`` is replaced, so a name reaches the test server on 127.0.0.1
# (for the fetcher's connection as for the check). ``policy.resolve_host`` alone can be replaced
# to make the check see a public address for a name that still connects to 127.0.0.1: a public
# site that redirects into the private network.

def _names(monkeypatch, table: dict[str, str]):
    import socket

    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if isinstance(host, bytes):
            host = host.decode()
        if host in table:
            return real(table[host], *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def _one_entry_feed(server, link: str) -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>{server.url("/")}</link>'
            f"<item><title>a</title><link>{link}</link><guid>a</guid></item></channel></rss>").encode()


def _feed_items(server, link: str, **options):
    server.route("/feed.xml", Reply(200, _one_entry_feed(server, link), {"Content-Type": "application/rss+xml"}))
    server.route("/a.html", Reply(200, ARTICLE, {"Content-Type": "text/html; charset=utf-8"}))
    # The feed itself is on 127.0.0.1: the operator's own URL is always fetched, only its links are checked.
    info = SourceInfo(id="f", kind="rss", location=server.url("/feed.xml"), options=options)
    with HttpFetcher(policy(max_attempts=1)) as f:
        return list(build_source(info, SourceContext(fetcher=f)).items())


@pytest.mark.parametrize("name", ["intranet.example", "db.corp.example"])
def test_a_feed_link_whose_name_resolves_to_a_private_address_is_quarantined(http_server, monkeypatch, name):
    _names(monkeypatch, {"127.0.0.1": "127.0.0.1", name: "127.0.0.1"})
    link = http_server.url("/a.html").replace("127.0.0.1", name)
    (item,) = _feed_items(http_server, link)
    assert item.error_reason == "private-address", item.error
    assert f"{name} (127.0.0.1)" in item.error and "options.allow_private = true" in item.error, item.error
    assert http_server.hits("/a.html") == 0 and http_server.hits("/feed.xml") == 1

    (item,) = _feed_items(http_server, link, allow_private=True)
    assert item.error is None and item.raw == ARTICLE and http_server.hits("/a.html") == 1


def test_a_feed_link_that_redirects_into_a_private_address_is_quarantined(http_server, monkeypatch):
    from khobor.flows.sources.http import policy as policy_mod

    _names(monkeypatch, {"127.0.0.1": "127.0.0.1", "news.example": "127.0.0.1"})
    monkeypatch.setattr(policy_mod, "resolve_host", lambda host: {"news.example": ["93.184.216.34"]}.get(host, []))
    http_server.route("/story.html", Reply.redirect(http_server.url("/a.html")))
    link = http_server.url("/story.html").replace("127.0.0.1", "news.example")
    (item,) = _feed_items(http_server, link)
    assert item.error_reason == "private-address", item.error
    assert f"redirected from {link} to {http_server.url('/a.html')}" in item.error and "options.allow_private = true" in item.error, item.error
    assert http_server.hits("/story.html") == 1 and http_server.hits("/a.html") == 0

    (item,) = _feed_items(http_server, link, allow_private=True)
    assert item.error is None and item.location == http_server.url("/a.html") and http_server.hits("/a.html") == 1


def test_a_redirect_to_a_name_that_resolves_privately_is_refused_by_the_fetcher(http_server, monkeypatch):
    from khobor.flows.sources.http import URLRejected
    from khobor.flows.sources.http import policy as policy_mod

    _names(monkeypatch, {"news.example": "127.0.0.1", "metadata.internal": "169.254.169.254"})
    real = policy_mod.resolve_host
    monkeypatch.setattr(policy_mod, "resolve_host", lambda host: ["93.184.216.34"] if host == "news.example" else real(host))
    http_server.route("/r", Reply.redirect("http://metadata.internal/latest/meta-data"))
    start = http_server.url("/r").replace("127.0.0.1", "news.example")
    with HttpFetcher(policy()) as f, pytest.raises(URLRejected) as info:
        f.fetch(start, allow_private=False)
    assert info.value.reason == "private-address" and info.value.status == 302, info.value
    assert "to http://metadata.internal/latest/meta-data, which points at" in info.value.message, info.value.message
    assert "metadata.internal (169.254.169.254)" in info.value.message and http_server.hits("/r") == 1


def test_the_fetcher_checks_only_when_asked(http_server):
    from khobor.flows.sources.http import URLRejected

    http_server.route("/a.html", Reply(200, ARTICLE))
    with HttpFetcher(policy()) as f:
        assert f.fetch(http_server.url("/a.html")).body == ARTICLE  # the default: direct use, tests on 127.0.0.1
        with pytest.raises(URLRejected) as info:
            f.fetch(http_server.url("/a.html"), allow_private=False)
    assert info.value.reason == "private-address" and info.value.attempts == 0 and http_server.hits("/a.html") == 1


def test_names_are_resolved_only_when_asked_and_a_name_that_does_not_resolve_is_not_private(monkeypatch):
    from khobor.flows.sources.http import policy as policy_mod

    answers = {"mixed.example": ["93.184.216.34", "10.1.2.3"], "public.example": ["93.184.216.34", "2606:2800:220:1::"],
               "v6.example": ["fd00::1"]}
    monkeypatch.setattr(policy_mod, "resolve_host", lambda host: answers.get(host, []))
    assert policy_mod.private_address("http://mixed.example/a", resolve=True) == "mixed.example (10.1.2.3)"
    assert policy_mod.private_address("http://mixed.example/a") is None  # literal addresses only
    assert policy_mod.private_address("http://public.example/a", resolve=True) is None
    assert policy_mod.private_address("http://v6.example/a", resolve=True) == "v6.example (fd00::1)"
    assert policy_mod.private_address("http://nowhere.invalid/a", resolve=True) is None


def test_a_resolution_failure_is_not_private_and_the_fetch_fails_on_its_own(monkeypatch):
    from khobor.flows.sources.http import NetworkError
    from khobor.flows.sources.http.policy import resolve_host

    _names(monkeypatch, {})
    assert resolve_host("nowhere.invalid") == []
    with HttpFetcher(policy(max_attempts=1)) as f, pytest.raises(NetworkError) as info:
        f.fetch("http://nowhere.invalid/a", allow_private=False)
    assert info.value.reason == "connection"
