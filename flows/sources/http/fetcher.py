"""``HttpFetcher``: the real fetcher (retries with backoff, conditional GET, size cap, hand-followed redirects)."""
from __future__ import annotations

import functools
import logging
import os
import random
import ssl
import time
import zlib
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone

import httpx

from khobor.flows.sources.fetch_state import FetchState
from khobor.flows.sources.http.errors import FetchError, HTTPStatusError, NetworkError, RedirectError, ResponseRejected, URLRejected
from khobor.flows.sources.http.policy import (
    ALLOWED_SCHEMES,
    REDIRECT_STATUSES,
    SCHEME_PREFIX,
    FetchPolicy,
    HostRateLimiter,
    check_url,
    parse_content_type,
    parse_retry_after,
    private_address,
)
from khobor.flows.sources.http.results import FetchManyMixin, FetchResult

log = logging.getLogger("khobor.fetch")


# the real fetcher ------------------------------------------------------------------------------


def state_key(url: str, scope: str | None) -> str:
    """Validators are kept per (scope, URL): a source only ever gets a 304 for what it stored itself."""
    return f"{scope} {url}" if scope else url


class HttpFetcher(FetchManyMixin):
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
            headers={"User-Agent": p.user_agent, "Accept": p.accept, "Accept-Encoding": ACCEPT_ENCODING, **dict(p.extra_headers)},
            trust_env=p.trust_env,
            verify=_tls_context(p.trust_env),
        )

    def close(self) -> None:
        self._client.close()

    def pending_state(self) -> dict:
        return self.state.export_pending() if self.state is not None else {}

    def commit_state(self) -> int:
        """Persist the validators learnt so far (see ``FetchState.commit``); 0 without a state."""
        return self.state.commit() if self.state is not None else 0

    def forget(self, url: str, *, scope: str | None = None) -> None:
        if self.state is not None:
            self.state.forget(state_key(url, scope))

    def fetch(self, url: str, *, conditional: bool = True, scope: str | None = None, allow_private: bool = True) -> FetchResult:
        """Fetch ``url``: a ``FetchResult`` (2xx, or 304 with ``not_modified``) or a ``FetchError``.

        Transient failures are retried up to ``policy.max_attempts`` request cycles in all; the
        error raised at the end is the last one, with ``attempts`` set. See ``Fetcher.fetch`` for
        ``conditional``, ``scope`` and ``allow_private``.
        """
        started = self._clock()
        target = check_url(url)
        if not allow_private:
            _refuse_private(url, target)
        key = state_key(url, scope)
        validators = self.state.request_headers(key) if self.state is not None and conditional else {}
        attempt = 0
        while True:
            attempt += 1
            try:
                result = self._attempt(url, target, validators, allow_private)
            except FetchError as err:
                err.attempts = attempt
                if not err.retryable or attempt >= self.policy.max_attempts:
                    raise
                wait = self._retry_wait(attempt, err.retry_after)
                log.info("retrying %s in %.2fs after %s (attempt %d of %d)", url, wait, err.reason, attempt, self.policy.max_attempts)
                self._sleep(wait)
                continue
            result = replace(result, attempts=attempt, elapsed=self._clock() - started)
            self._remember(key, result)
            return result

    def _retry_wait(self, retry: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.policy.max_retry_after) * (1 + self.policy.jitter * self._rand())
        return self.policy.backoff(retry, self._rand())

    def _remember(self, key: str, result: FetchResult) -> None:
        if self.state is None:
            return
        etag, modified = result.headers.get("etag"), result.headers.get("last-modified")
        if result.not_modified:
            # A 304 may carry fresher validators; without any, the known ones still hold.
            if etag or modified:
                known = self.state.get(key)
                self.state.remember(key, etag=etag or (known.etag if known else None),
                                    last_modified=modified or (known.last_modified if known else None), final_url=result.final_url)
            return
        self.state.remember(key, etag=etag, last_modified=modified, final_url=result.final_url)

    def _attempt(self, url: str, target: httpx.URL, conditional: dict[str, str], allow_private: bool = True) -> FetchResult:
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
                if not allow_private:  # checked per hop: a public page may redirect into the private network
                    _refuse_private(url, current, hops[-1], hop.status_code)
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
        scheme = SCHEME_PREFIX.match(location)
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
        inflate = _Inflater(url, where, resp.headers.get("content-encoding", ""))
        # Raw bytes, decompressed here a bounded step at a time: httpx would expand a whole network
        # chunk at once, and 64 KB of gzip can be 64 MB of zeros. So the cap bounds memory too.
        for chunk in resp.iter_raw():
            for piece in inflate.feed(chunk):
                buf += piece
                if len(buf) > cap:
                    raise ResponseRejected(url, "too-large", f"body passed the {cap}-byte cap (aborted after {len(buf)} bytes)", final_url=where)
            if self._clock() > deadline:
                raise NetworkError(url, "timeout", f"response took longer than {self.policy.total_timeout}s (total_timeout)", retryable=True, final_url=where)
        for piece in inflate.flush():
            buf += piece
            if len(buf) > cap:
                raise ResponseRejected(url, "too-large", f"body passed the {cap}-byte cap (aborted after {len(buf)} bytes)", final_url=where)
        return bytes(buf)


# What we ask servers for: the encodings ``_Inflater`` can expand in bounded steps.
ACCEPT_ENCODING = "gzip, deflate"
_INFLATE_STEP = 256 * 1024


class _Inflater:
    """Streaming decompression of a body (``Content-Encoding`` gzip, deflate or none) that hands
    out at most ``_INFLATE_STEP`` bytes per piece, so the caller can stop at its cap."""

    def __init__(self, url: str, where: str, content_encoding: str):
        self.url, self.where = url, where
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip() and c.strip().lower() != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise ResponseRejected(url, "bad-response", f"unsupported Content-Encoding {content_encoding!r} (asked for {ACCEPT_ENCODING})", final_url=where)
        self.coding = codings[0] if codings else None
        self.d = self._new()
        self.started = False

    def _new(self):
        if self.coding is None:
            return None
        return zlib.decompressobj(zlib.MAX_WBITS | 16 if self.coding in ("gzip", "x-gzip") else zlib.MAX_WBITS)

    def feed(self, data: bytes):
        if self.d is None:
            if data:
                yield data
            return
        try:
            while data:
                try:
                    out = self.d.decompress(data, _INFLATE_STEP)
                except zlib.error:
                    if self.coding == "deflate" and not self.started:
                        # Some servers send raw deflate without the zlib header (as httpx allows too).
                        self.d = zlib.decompressobj(-zlib.MAX_WBITS)
                        self.started = True
                        continue
                    raise
                self.started = True
                data = self.d.unconsumed_tail
                if self.d.eof and self.d.unused_data:
                    data = self.d.unused_data  # the next gzip member
                    self.d = self._new()
                if out:
                    yield out
        except zlib.error as exc:
            raise ResponseRejected(self.url, "bad-response", f"the body could not be decoded: {self.coding}: {exc}", final_url=self.where) from None

    def flush(self):
        if self.d is not None:
            try:
                out = self.d.flush()
            except zlib.error as exc:
                raise ResponseRejected(self.url, "bad-response", f"the body could not be decoded: {self.coding}: {exc}", final_url=self.where) from None
            if out:
                yield out


@functools.lru_cache(maxsize=2)
def _tls_context(trust_env: bool) -> ssl.SSLContext:
    # Loading the CA bundle takes tens of milliseconds; every fetcher can share one context.
    return httpx.create_ssl_context(trust_env=trust_env)


def _refuse_private(url: str, target: httpx.URL, redirected_from: str | None = None, status: int | None = None) -> None:
    """``URLRejected`` with reason ``private-address`` when ``target`` is, or its host name
    resolves to, a loopback, private or link-local address (see ``policy.private_address``; its
    DNS rebinding caveat holds here: the connection resolves the name again)."""
    host = private_address(str(target), resolve=True)
    if host is None:
        return
    what = f"redirected from {redirected_from} to {target}, which" if redirected_from else str(target)
    raise URLRejected(url, "private-address", f"{what} points at a private or loopback address ({host})", status=status, final_url=str(target))


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
