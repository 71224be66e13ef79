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

import email.utils
import functools
import hashlib
import json
import logging
import math
import os
import random
import re
import ssl
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Protocol

import httpx

from flows.sources.fetch_state import FetchState, write_atomically

log = logging.getLogger("khobor.fetch")

DEFAULT_USER_AGENT = "khobor/0.1 (+news pipeline)"
DEFAULT_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.9, */*;q=0.8"
ALLOWED_SCHEMES = ("http", "https")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


# errors ----------------------------------------------------------------------------------------


class FetchError(Exception):
    """A URL that could not be fetched. Base of every error a fetcher raises.

    ``url`` is the URL asked for, ``reason`` a short stable code (see the module docstring),
    ``message`` the human explanation. ``status`` is the HTTP status when there was one,
    ``attempts`` how many request cycles were made (0: refused before any I/O), ``retryable``
    whether the fetcher considered the failure transient, ``final_url`` the URL being requested
    when it failed (differs from ``url`` after redirects).
    """

    def __init__(self, url: str, reason: str, message: str, *, status: int | None = None, retryable: bool = False,
                 retry_after: float | None = None, final_url: str | None = None, attempts: int = 0):
        super().__init__(f"{reason}: {message} [{url}]")
        self.url = url
        self.reason = reason
        self.message = message
        self.status = status
        self.retryable = retryable
        self.retry_after = retry_after
        self.final_url = final_url if final_url is not None else url
        self.attempts = attempts

    def __reduce__(self):
        # Keyword-only arguments do not survive Exception's default pickling (Prefect pickles
        # task exceptions and results).
        return (_rebuild_error, (type(self), self.url, self.reason, self.message, dict(self.__dict__)))


def _rebuild_error(cls, url, reason, message, attrs):
    err = cls(url, reason, message)
    err.__dict__.update(attrs)
    return err


class URLRejected(FetchError):
    """The URL (given, or the target of a redirect) is not one we fetch: ``bad-url``, ``bad-scheme``."""


class HTTPStatusError(FetchError):
    """The server answered with an error status: ``http-4xx``, ``http-5xx``, ``http-status``."""


class NetworkError(FetchError):
    """No (complete) answer: ``timeout``, ``connection``."""


class RedirectError(FetchError):
    """Redirects that cannot be followed: ``redirect-loop``, ``too-many-redirects``, ``bad-redirect``."""


class ResponseRejected(FetchError):
    """An answer we refuse to hand over: ``too-large``, ``bad-response``."""


class SnapshotError(FetchError):
    """``SnapshotFetcher`` cannot answer: ``not-in-snapshot``, ``bad-snapshot``."""


_ERROR_CLASS = {
    "bad-url": URLRejected, "bad-scheme": URLRejected,
    "http-4xx": HTTPStatusError, "http-5xx": HTTPStatusError, "http-status": HTTPStatusError,
    "timeout": NetworkError, "connection": NetworkError,
    "redirect-loop": RedirectError, "too-many-redirects": RedirectError, "bad-redirect": RedirectError,
    "too-large": ResponseRejected, "bad-response": ResponseRejected,
    "not-in-snapshot": SnapshotError, "bad-snapshot": SnapshotError,
}


def error_for(url: str, reason: str, message: str, **kwargs) -> FetchError:
    """A ``FetchError`` of the subclass that belongs to ``reason``."""
    return _ERROR_CLASS.get(reason, FetchError)(url, reason, message, **kwargs)


# results ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchResult:
    """One successful fetch (2xx), or a ``304 Not Modified`` answer to a conditional GET.

    ``body`` is the decoded (de-gzipped) bytes, ``None`` exactly when ``not_modified``. ``headers``
    has lower-case keys; repeated headers are joined with ", ". ``content_type`` is the media type
    alone (lower case) and ``declared_charset`` the ``charset=`` parameter as declared (lower case,
    unvalidated), both None when absent. ``fetched_at`` is when the answer arrived (UTC);
    ``attempts`` counts request cycles including retries; ``elapsed`` is the seconds ``fetch`` took,
    waits included. ``redirects`` lists the URLs that redirected, in order.
    """

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes | None
    not_modified: bool
    content_type: str | None
    declared_charset: str | None
    fetched_at: datetime
    attempts: int = 1
    elapsed: float = 0.0
    redirects: tuple[str, ...] = ()


class Fetcher(Protocol):
    """What a source needs from a fetcher."""

    def fetch(self, url: str) -> FetchResult:
        """Fetch one URL; raise ``FetchError`` on any failure."""
        ...

    def fetch_many(self, urls: Iterable[str]) -> Iterator[tuple[str, FetchResult | FetchError]]:
        """Fetch each URL in turn; yield its result or its error, never raise for one URL."""
        ...

    def commit_state(self) -> int:
        """Persist conditional-GET validators once the run has stored what it fetched (0: nothing to do)."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


class _FetchManyMixin:
    def fetch_many(self, urls: Iterable[str]) -> Iterator[tuple[str, FetchResult | FetchError]]:
        """Yield ``(url, FetchResult | FetchError)`` for each URL, in order.

        Never raises for one URL: even an unexpected exception becomes a ``FetchError`` with
        reason ``unexpected`` (and is logged with its traceback), so one bad URL cannot stop a run.
        """
        for url in urls:
            try:
                yield url, self.fetch(url)
            except FetchError as err:
                yield url, err
            except Exception as exc:  # noqa: BLE001 - the contract is "never raise for one URL"
                log.exception("unexpected error fetching %r", url)
                yield url, FetchError(str(url), "unexpected", f"{type(exc).__name__}: {exc}")

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """Release connections; the fetcher is not usable afterwards."""

    def commit_state(self) -> int:
        """Persist conditional-GET validators; fetchers without a state have nothing to write."""
        return 0


# small parsers ---------------------------------------------------------------------------------


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``(media_type, charset)`` from a ``Content-Type`` value, lower case, None when missing.

    >>> parse_content_type('text/html; Charset="UTF-8"')
    ('text/html', 'utf-8')
    """
    if not value:
        return None, None
    media, *params = value.split(";")
    charset = None
    for param in params:
        key, sep, val = param.partition("=")
        if sep and key.strip().lower() == "charset":
            # Single quotes are not HTTP, but servers send them; the caller validates the name.
            charset = val.strip().strip("\"'").strip().lower() or None
            break
    return media.strip().lower() or None, charset


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delay-seconds or an HTTP date); None if unusable.

    A date in the past gives 0. Negative, non-finite or unparsable values give None.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        seconds = None
    if seconds is not None:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


def check_url(url: object) -> httpx.URL:
    """The parsed URL if it is an absolute http(s) URL with a host; else ``URLRejected``."""
    if not isinstance(url, str) or not url.strip():
        raise URLRejected(str(url), "bad-url", f"expected a non-empty URL string, got {url!r}")
    try:
        parsed = httpx.URL(url.strip())
        scheme, host, port = parsed.scheme, parsed.host, parsed.port  # host decodes IDNA and can fail too
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise URLRejected(url, "bad-url", f"not a valid URL: {exc}") from None
    if scheme not in ALLOWED_SCHEMES:
        shown = f"{scheme}:" if scheme else "no scheme"
        raise URLRejected(url, "bad-scheme", f"only http and https URLs are fetched, this one has {shown}")
    if not host:
        raise URLRejected(url, "bad-url", "the URL has no host")
    if port is not None and not 0 < port < 65536:
        raise URLRejected(url, "bad-url", f"port {port} is out of range")
    return parsed


# policy and rate limit -------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchPolicy:
    """How ``HttpFetcher`` behaves. All times in seconds.

    ``connect_timeout`` / ``read_timeout``: per socket operation. ``total_timeout``: wall-clock
    limit on one request cycle (redirects and body included), so a server trickling bytes cannot
    hold a run. ``max_attempts``: request cycles per fetch, first one included. Backoff before
    retry *n* is ``backoff_base * 2**(n-1)`` capped at ``backoff_max``, times a random factor in
    ``[1, 1 + jitter]``; a ``Retry-After`` from the server replaces it, capped at
    ``max_retry_after``. ``min_interval``: minimum gap between two requests to one host name, whatever
    the port (every request counts: retries and redirect hops too). ``max_bytes``: body cap, after decompression.
    ``trust_env``: honour proxy environment variables.
    """

    user_agent: str = DEFAULT_USER_AGENT
    accept: str = DEFAULT_ACCEPT
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    max_attempts: int = 4
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    jitter: float = 0.1
    max_retry_after: float = 120.0
    min_interval: float = 1.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    trust_env: bool = True
    extra_headers: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self):
        # Policies come from the source registry's [fetch] table, so wrong types get a clear message.
        for name in ("connect_timeout", "read_timeout", "total_timeout", "backoff_base", "backoff_max", "jitter",
                     "max_retry_after", "min_interval", "max_attempts", "max_bytes", "max_redirects"):
            value = getattr(self, name)
            whole = name.startswith("max_") and name != "max_retry_after"
            if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
                raise ValueError(f"FetchPolicy.{name} must be {'an integer' if whole else 'a number'}, got {value!r}")
        for name in ("user_agent", "accept"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name).strip():
                raise ValueError(f"FetchPolicy.{name} must be a non-empty string")
        if not isinstance(self.extra_headers, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in self.extra_headers.items()):
            raise ValueError("FetchPolicy.extra_headers must map header names to string values")
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"FetchPolicy.{name} must be > 0")
        for name in ("backoff_base", "backoff_max", "jitter", "max_retry_after", "min_interval"):
            if not getattr(self, name) >= 0:
                raise ValueError(f"FetchPolicy.{name} must be >= 0")
        if self.max_attempts < 1:
            raise ValueError("FetchPolicy.max_attempts must be >= 1")
        if self.max_bytes < 0 or self.max_redirects < 0:
            raise ValueError("FetchPolicy.max_bytes and max_redirects must be >= 0")

    def backoff(self, retry: int, rand: float = 0.0) -> float:
        """The wait before retry number ``retry`` (1-based), given a random draw in [0, 1)."""
        return min(self.backoff_base * 2 ** (retry - 1), self.backoff_max) * (1 + self.jitter * rand)


class HostRateLimiter:
    """Spaces requests to one host at least ``min_interval`` apart; thread-safe.

    Each caller reserves the next free slot under the lock and sleeps outside it, so concurrent
    callers queue up instead of all waking at once.
    """

    def __init__(self, min_interval: float, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.min_interval = min_interval
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> float:
        """Block until a request to ``host`` may go; returns the seconds waited."""
        if self.min_interval <= 0:
            return 0.0
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.min_interval
        delay = slot - now
        if delay > 0:
            self._sleep(delay)
        return delay


# the real fetcher ------------------------------------------------------------------------------


class HttpFetcher(_FetchManyMixin):
    """Fetches http(s) URLs politely and defensively (see ``FetchPolicy`` and the module docstring).

    ``state``: a ``FetchState`` or the path of its JSON file, for conditional GET. Validators from
    full responses are kept in memory; call ``commit_state()`` once the run has stored what it
    fetched (until then the file is untouched, see ``fetch_state``). Without a state every fetch is
    unconditional. ``sleep``/``clock``/``rand`` exist so tests can observe waits.

    Use as a context manager, or call ``close()``.
    """

    def __init__(self, policy: FetchPolicy | None = None, *, state: FetchState | str | os.PathLike[str] | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 rand: Callable[[], float] = random.random):
        self.policy = policy or FetchPolicy()
        self.state = state if isinstance(state, FetchState) or state is None else FetchState(state)
        self._sleep = sleep
        self._clock = clock
        self._rand = rand
        self.rate_limiter = HostRateLimiter(self.policy.min_interval, clock=clock, sleep=sleep)
        p = self.policy
        self._client = httpx.Client(
            # Redirects are followed by hand: loops, schemes and the rate limit are checked per hop.
            # The hook hands each redirect over before httpx tries to parse its Location itself
            # (which it does even when not following, and fails on e.g. "data:" targets).
            follow_redirects=False,
            event_hooks={"response": [_intercept_redirect]},
            timeout=httpx.Timeout(connect=p.connect_timeout, read=p.read_timeout, write=p.read_timeout, pool=p.connect_timeout),
            headers={"User-Agent": p.user_agent, "Accept": p.accept, **dict(p.extra_headers)},
            trust_env=p.trust_env,
            verify=_tls_context(p.trust_env),
        )

    def close(self) -> None:
        self._client.close()

    def commit_state(self) -> int:
        """Persist the validators learnt so far (see ``FetchState.commit``); 0 without a state."""
        return self.state.commit() if self.state is not None else 0

    def fetch(self, url: str) -> FetchResult:
        """Fetch ``url``: a ``FetchResult`` (2xx, or 304 with ``not_modified``) or a ``FetchError``.

        Transient failures are retried up to ``policy.max_attempts`` request cycles in all; the
        error raised at the end is the last one, with ``attempts`` set.
        """
        started = self._clock()
        target = check_url(url)
        conditional = self.state.request_headers(url) if self.state is not None else {}
        attempt = 0
        while True:
            attempt += 1
            try:
                result = self._attempt(url, target, conditional)
            except FetchError as err:
                err.attempts = attempt
                if not err.retryable or attempt >= self.policy.max_attempts:
                    raise
                wait = self._retry_wait(attempt, err.retry_after)
                log.info("retrying %s in %.2fs after %s (attempt %d of %d)", url, wait, err.reason, attempt, self.policy.max_attempts)
                self._sleep(wait)
                continue
            result = replace(result, attempts=attempt, elapsed=self._clock() - started)
            self._remember(result)
            return result

    def _retry_wait(self, retry: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.policy.max_retry_after) * (1 + self.policy.jitter * self._rand())
        return self.policy.backoff(retry, self._rand())

    def _remember(self, result: FetchResult) -> None:
        if self.state is None:
            return
        etag, modified = result.headers.get("etag"), result.headers.get("last-modified")
        if result.not_modified:
            # A 304 may carry fresher validators; without any, the known ones still hold.
            if etag or modified:
                known = self.state.get(result.url)
                self.state.remember(result.url, etag=etag or (known.etag if known else None),
                                    last_modified=modified or (known.last_modified if known else None), final_url=result.final_url)
            return
        self.state.remember(result.url, etag=etag, last_modified=modified, final_url=result.final_url)

    def _attempt(self, url: str, target: httpx.URL, conditional: dict[str, str]) -> FetchResult:
        """One request cycle: the request, its redirects and the body."""
        deadline = self._clock() + self.policy.total_timeout
        current = target
        seen = {_loop_key(target)}
        hops: list[str] = []
        while True:
            self.rate_limiter.wait(current.host)
            try:
                with self._client.stream("GET", current, headers=conditional) as resp:
                    return self._finish(url, current, resp, deadline, hops)
            except _Redirect as hop:
                current = self._next_hop(url, current, hop, seen, hops)
            except httpx.TimeoutException as exc:
                raise NetworkError(url, "timeout", f"{_describe_timeout(exc)} from {current.host}", retryable=True, final_url=str(current)) from None
            except (httpx.NetworkError, httpx.RemoteProtocolError, httpx.ProxyError) as exc:
                raise NetworkError(url, "connection", f"connection to {current.host} failed: {_describe(exc)}", retryable=True, final_url=str(current)) from None
            except httpx.DecodingError as exc:
                raise ResponseRejected(url, "bad-response", f"the body could not be decoded: {_describe(exc)}", final_url=str(current)) from None
            except httpx.HTTPError as exc:
                raise NetworkError(url, "connection", f"request to {current.host} failed: {_describe(exc)}", final_url=str(current)) from None

    def _next_hop(self, url: str, current: httpx.URL, resp: _Redirect, seen: set[str], hops: list[str]) -> httpx.URL:
        location = resp.location
        if not location:
            raise RedirectError(url, "bad-redirect", f"{resp.status_code} redirect from {current} without a Location", status=resp.status_code, final_url=str(current))
        scheme = _SCHEME.match(location)
        if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
            # Checked on the raw text: URL joining rejects some of these (data:) for other reasons.
            raise URLRejected(url, "bad-scheme", f"redirected from {current} to {location!r}; only http and https are followed", status=resp.status_code, final_url=str(current))
        try:
            nxt = check_url(str(current.join(location)))
        except (httpx.InvalidURL, ValueError, TypeError, URLRejected) as exc:
            why = exc.message if isinstance(exc, URLRejected) else str(exc)
            if isinstance(exc, URLRejected) and exc.reason == "bad-scheme":
                raise URLRejected(url, "bad-scheme", f"redirected from {current} to {location!r}; {why}", status=resp.status_code, final_url=str(current)) from None
            raise RedirectError(url, "bad-redirect", f"redirected from {current} to an unusable URL {location!r}: {why}", status=resp.status_code, final_url=str(current)) from None
        key = _loop_key(nxt)
        if key in seen:
            chain = " -> ".join([*hops, str(current), str(nxt)])
            raise RedirectError(url, "redirect-loop", f"redirect loop: {chain}", status=resp.status_code, final_url=str(current))
        if len(hops) >= self.policy.max_redirects:
            raise RedirectError(url, "too-many-redirects", f"more than {self.policy.max_redirects} redirects (last to {nxt})", status=resp.status_code, final_url=str(current))
        seen.add(key)
        hops.append(str(current))
        return nxt

    def _finish(self, url: str, current: httpx.URL, resp: httpx.Response, deadline: float, hops: list[str]) -> FetchResult:
        status = resp.status_code
        where = str(current)
        if status == 429 or 500 <= status <= 599:
            retry_after = parse_retry_after(resp.headers.get("retry-after"))
            reason = "http-4xx" if status < 500 else "http-5xx"
            raise HTTPStatusError(url, reason, f"{status} {resp.reason_phrase} from {where}", status=status, retryable=True, retry_after=retry_after, final_url=where)
        if 400 <= status <= 499:
            raise HTTPStatusError(url, "http-4xx", f"{status} {resp.reason_phrase} from {where}", status=status, final_url=where)
        if status != 304 and not 200 <= status <= 299:
            raise HTTPStatusError(url, "http-status", f"unexpected status {status} {resp.reason_phrase} from {where}", status=status, final_url=where)
        fetched_at = datetime.now(timezone.utc)
        body = None if status == 304 else self._read_body(url, where, resp, deadline)
        headers = {k: v for k, v in resp.headers.items()}
        media, charset = parse_content_type(headers.get("content-type"))
        return FetchResult(url=url, final_url=where, status=status, headers=headers, body=body, not_modified=status == 304,
                           content_type=media, declared_charset=charset, fetched_at=fetched_at, redirects=tuple(hops))

    def _read_body(self, url: str, where: str, resp: httpx.Response, deadline: float) -> bytes:
        cap = self.policy.max_bytes
        declared = resp.headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > cap:
            raise ResponseRejected(url, "too-large", f"Content-Length {int(declared)} is over the {cap}-byte cap", final_url=where)
        buf = bytearray()
        # iter_bytes decompresses, so the cap also bounds what a gzip bomb can expand to.
        for chunk in resp.iter_bytes():
            buf += chunk
            if len(buf) > cap:
                raise ResponseRejected(url, "too-large", f"body passed the {cap}-byte cap (aborted after {len(buf)} bytes)", final_url=where)
            if self._clock() > deadline:
                raise NetworkError(url, "timeout", f"response took longer than {self.policy.total_timeout}s (total_timeout)", retryable=True, final_url=where)
        return bytes(buf)


@functools.lru_cache(maxsize=2)
def _tls_context(trust_env: bool) -> ssl.SSLContext:
    # Loading the CA bundle takes tens of milliseconds; every fetcher can share one context.
    return httpx.create_ssl_context(trust_env=trust_env)


class _Redirect(Exception):
    """Carries a redirect answer out of ``httpx.Client.send`` (see ``_intercept_redirect``)."""

    def __init__(self, status_code: int, location: str):
        super().__init__(status_code, location)
        self.status_code = status_code
        self.location = location


def _intercept_redirect(response: httpx.Response) -> None:
    if response.status_code in REDIRECT_STATUSES:
        raise _Redirect(response.status_code, response.headers.get("location", "").strip())


def _loop_key(url: httpx.URL) -> str:
    # The fragment never reaches the server, so it cannot make two hops different.
    return str(url.copy_with(fragment=None))


def _describe(exc: Exception) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _describe_timeout(exc: httpx.TimeoutException) -> str:
    kind = {httpx.ConnectTimeout: "no connection", httpx.ReadTimeout: "no data", httpx.WriteTimeout: "could not send",
            httpx.PoolTimeout: "no free connection"}.get(type(exc), "timed out")
    return f"timeout ({kind})"


# snapshots -------------------------------------------------------------------------------------

SNAPSHOT_FORMAT = "khobor-http-snapshot"
SNAPSHOT_INDEX = "index.json"
_BODY_SUFFIX = {"xml": ".xml", "rss": ".xml", "atom": ".xml", "html": ".html", "json": ".json", "text/plain": ".txt"}


class SnapshotFetcher(_FetchManyMixin):
    """Serves responses recorded in a folder instead of the network (tests, ``sources check`` dry runs).

    ``<dir>/index.json`` maps each URL to what was recorded::

        {"format": "khobor-http-snapshot", "version": 1, "responses": {
          "https://example.com/feed.xml": {"status": 200, "headers": {"content-type": "application/rss+xml"},
                                          "body_file": "bodies/feed.xml"},
          "https://example.com/gone": {"status": 404},
          "https://example.com/slow": {"error": {"reason": "timeout", "message": "no data"}}}}

    Only ``status`` is required for a response (``headers``, ``body_file``, ``final_url``,
    ``fetched_at``, ``redirects`` are optional); hand-written files may also be a bare mapping of
    URL to entry. Statuses mean what they mean live: 2xx is a result, 304 a ``not_modified``
    result, 4xx/5xx raise ``HTTPStatusError``. ``error`` entries raise the recorded ``FetchError``.
    URLs are checked exactly as ``HttpFetcher`` checks them; an unrecorded URL raises
    ``SnapshotError`` (``not-in-snapshot``), a malformed entry ``SnapshotError`` (``bad-snapshot``). The index is read once, at construction.
    """

    def __init__(self, directory: str | os.PathLike[str]):
        self.directory = Path(directory)
        index = self.directory / SNAPSHOT_INDEX
        try:
            doc = json.loads(index.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(f"no snapshot at {self.directory}: {SNAPSHOT_INDEX} is missing") from None
        except ValueError as exc:
            raise ValueError(f"snapshot index {index} is not valid JSON: {exc}") from None
        responses = doc.get("responses") if isinstance(doc, dict) and "responses" in doc else doc
        if not isinstance(responses, dict):
            raise ValueError(f"snapshot index {index} must map URLs to responses")
        self.responses: dict[str, dict] = responses

    def __contains__(self, url: str) -> bool:
        return url in self.responses

    def fetch(self, url: str) -> FetchResult:
        """The recorded answer for ``url``, with the same result/error contract as ``HttpFetcher``."""
        check_url(url)
        entry = self.responses.get(url)
        if entry is None:
            entry = self.responses.get(url.strip())
        if not isinstance(entry, dict):
            raise SnapshotError(url, "not-in-snapshot", f"no recorded response in {self.directory}")
        if "error" in entry:
            err = entry["error"] if isinstance(entry["error"], dict) else {}
            reason = str(err.get("reason") or "connection")
            raise error_for(url, reason, str(err.get("message") or "recorded failure"), status=err.get("status"),
                            final_url=entry.get("final_url"), attempts=1)
        status = entry.get("status")
        if not isinstance(status, int) or isinstance(status, bool):
            raise SnapshotError(url, "bad-snapshot", f"the entry in {self.directory} has no integer status", attempts=1)
        raw_headers = entry.get("headers") or {}
        if not isinstance(raw_headers, dict):
            raise SnapshotError(url, "bad-snapshot", f"the entry in {self.directory} has headers that are not an object", attempts=1)
        headers = {str(k).lower(): str(v) for k, v in raw_headers.items()}
        final_url = entry.get("final_url") or url
        if status >= 400 or (status != 304 and not 200 <= status <= 299):
            reason = "http-4xx" if 400 <= status <= 499 else "http-5xx" if 500 <= status <= 599 else "http-status"
            raise HTTPStatusError(url, reason, f"{status} (recorded) from {final_url}", status=status, final_url=final_url, attempts=1)
        body = None if status == 304 else self._body(url, entry.get("body_file"))
        media, charset = parse_content_type(headers.get("content-type"))
        return FetchResult(url=url, final_url=final_url, status=status, headers=headers, body=body, not_modified=status == 304,
                           content_type=media, declared_charset=charset, fetched_at=_recorded_time(entry.get("fetched_at")),
                           attempts=1, elapsed=0.0, redirects=tuple(entry.get("redirects") or ()))

    def _body(self, url: str, body_file: str | None) -> bytes:
        if not body_file:
            return b""
        root = self.directory.resolve()
        path = (root / body_file).resolve()
        if not path.is_relative_to(root):
            raise SnapshotError(url, "bad-snapshot", f"body_file {body_file!r} is outside {self.directory}", attempts=1)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise SnapshotError(url, "bad-snapshot", f"cannot read body_file {body_file!r}: {exc.strerror or exc}", attempts=1) from None


def _recorded_time(value: object) -> datetime:
    if isinstance(value, str):
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            when = None
        if when is not None:
            return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
    return datetime.now(timezone.utc)


class RecordingFetcher(_FetchManyMixin):
    """Wraps a real fetcher and saves every answer into a snapshot folder for ``SnapshotFetcher``.

    Results and errors pass through unchanged. Errors raised before any I/O (a rejected URL) are
    not recorded: the snapshot fetcher rejects them by itself. Record with a fetcher *without*
    conditional-GET state, or a 304 (which has no body) is what gets saved. The index is rewritten
    atomically after each fetch, so an interrupted recording keeps what it had.
    """

    def __init__(self, fetcher: Fetcher, directory: str | os.PathLike[str]):
        self.fetcher = fetcher
        self.directory = Path(directory)
        self._lock = threading.Lock()
        index = self.directory / SNAPSHOT_INDEX
        self._responses: dict[str, dict] = {}
        if index.exists():
            self._responses = dict(SnapshotFetcher(self.directory).responses)

    def close(self) -> None:
        closer = getattr(self.fetcher, "close", None)
        if closer is not None:
            closer()

    def commit_state(self) -> int:
        committer = getattr(self.fetcher, "commit_state", None)
        return committer() if committer is not None else 0

    def fetch(self, url: str) -> FetchResult:
        """Fetch through the wrapped fetcher and record the outcome."""
        try:
            result = self.fetcher.fetch(url)
        except FetchError as err:
            if err.attempts > 0:
                self._record(url, {"error": {"reason": err.reason, "message": err.message, "status": err.status},
                                   "final_url": err.final_url, "fetched_at": datetime.now(timezone.utc).isoformat()})
            raise
        entry = {"status": result.status, "final_url": result.final_url, "headers": result.headers,
                 "fetched_at": result.fetched_at.isoformat(), "redirects": list(result.redirects)}
        if result.body is not None:
            entry["body_file"] = self._save_body(url, result)
        self._record(url, entry)
        return result

    def _save_body(self, url: str, result: FetchResult) -> str:
        media = result.content_type or ""
        suffix = next((s for key, s in _BODY_SUFFIX.items() if key in media), ".bin")
        name = f"bodies/{hashlib.sha256(url.encode('utf-8')).hexdigest()[:20]}{suffix}"
        write_atomically(self.directory / name, result.body or b"")
        return name

    def _record(self, url: str, entry: dict) -> None:
        with self._lock:
            self._responses[url] = entry
            doc = {"format": SNAPSHOT_FORMAT, "version": 1, "responses": dict(sorted(self._responses.items()))}
            write_atomically(self.directory / SNAPSHOT_INDEX, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
