"""Fetching over HTTP for the feed and web-page sources, and an offline stand-in for tests.

Every fetcher has the same two calls (see ``Fetcher``):

- ``fetch(url) -> FetchResult``: one URL. Every failure raises a ``FetchError`` (never an httpx or
  socket exception), whose ``reason`` is a short stable code and ``message`` says what happened.
- ``fetch_many(urls)``: yields ``(url, FetchResult | FetchError)`` in order; never raises for one
  bad URL, so a source can turn each error into a quarantined ``RawItem``.

``HttpFetcher`` is the real one: http/https only, timeouts, retries with exponential backoff on
transient failures (5xx, 429, timeouts, refused or reset connections), conditional GET through a
``FetchState`` file, a minimum interval between requests to one host, a response size cap and
redirects followed by hand (loops and non-http targets are refused).

``SnapshotFetcher`` serves recorded responses from a folder and ``RecordingFetcher`` writes such a
folder while fetching for real, so source tests and dry runs work offline.

Reason codes (``FetchError.reason``):

======================  ======================================================  ========
code                    meaning                                                 retried
======================  ======================================================  ========
``bad-url``             not a URL we can request (empty, no host, not text)     no
``bad-scheme``          not http/https (also when a redirect points elsewhere)  no
``private-address``     with ``allow_private=False``: the URL or a redirect     no
                        target is, or resolves to, a loopback/private address
``http-4xx``            a 4xx answer (``status`` says which)                    429 only
``http-5xx``            a 5xx answer                                            yes
``http-status``         any other unusable status (1xx, 3xx without redirect)   no
``timeout``             connect/read timeout, or the whole response too slow    yes
``connection``          refused, reset, dropped or broken connection            yes
``too-large``           body bigger than ``max_bytes``                          no
``redirect-loop``       a redirect back to a URL already in the chain           no
``too-many-redirects``  more than ``max_redirects`` hops                        no
``bad-redirect``        a redirect without a usable ``Location``                no
``bad-response``        a body that cannot be decoded (bad gzip, ...)           no
``not-in-snapshot``     ``SnapshotFetcher`` has no recording of the URL         no
``bad-snapshot``        the recording is malformed (no status, missing body)    no
``unexpected``          a bug; only ``fetch_many`` converts these               no
======================  ======================================================  ========
"""
from __future__ import annotations

from khobor.flows.sources.http.doubles import RecordingFetcher, SnapshotFetcher
from khobor.flows.sources.http.errors import (
    FetchError,
    HTTPStatusError,
    NetworkError,
    RedirectError,
    ResponseRejected,
    SnapshotError,
    URLRejected,
    error_for,
)
from khobor.flows.sources.http.fetcher import HttpFetcher
from khobor.flows.sources.http.policy import (
    DEFAULT_USER_AGENT,
    FetchPolicy,
    HostRateLimiter,
    check_url,
    parse_content_type,
    parse_retry_after,
)
from khobor.flows.sources.http.results import Fetcher, FetchResult

__all__ = [
    "FetchError", "HTTPStatusError", "NetworkError", "RedirectError", "ResponseRejected", "SnapshotError", "URLRejected",
    "error_for", "Fetcher", "FetchResult", "FetchPolicy", "HostRateLimiter", "HttpFetcher", "RecordingFetcher",
    "SnapshotFetcher", "check_url", "DEFAULT_USER_AGENT", "parse_content_type", "parse_retry_after",
]
