"""How fetching behaves: URL checks, header parsing, the fetch policy and the per-host rate limit."""
from __future__ import annotations

import email.utils
import ipaddress
import logging
import math
import re
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone

import httpx

from khobor.flows.sources.http.errors import URLRejected

log = logging.getLogger("khobor.fetch")


DEFAULT_USER_AGENT = "khobor/0.1 (+news pipeline)"
DEFAULT_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.9, */*;q=0.8"
ALLOWED_SCHEMES = ("http", "https")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
SCHEME_PREFIX = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")



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


def private_address(url: str, *, resolve: bool = False) -> str | None:
    """The host of ``url`` when it names a loopback, private, link-local or otherwise non-public
    address (127.0.0.0/8, 10/8, 172.16/12, 192.168/16, 169.254/16, ::1, fe80::/10, fc00::/7,
    0.0.0.0, ...) or ``localhost``; None for a public address or a host name.

    Literal addresses are recognised in every spelling a resolver accepts (``2130706433``,
    ``0x7f.1``, ``[::ffff:127.0.0.1]``). With ``resolve``, a host name is also looked up
    (``resolve_host``): if any address it resolves to is not public, ``"name (address)"`` is
    returned. A name that does not resolve is not called private: its fetch fails on its own.

    Known limit (DNS rebinding): the name is resolved here and again when the connection is made;
    a resolver that answers a public address now and a private one a moment later is not caught.
    """
    try:
        host = httpx.URL(url.strip()).host.rstrip(".").lower()
    except (httpx.InvalidURL, ValueError, TypeError, AttributeError):
        return None
    if not host:
        return None
    if host == "localhost" or host.endswith(".localhost"):
        return host
    addr = _literal_address(host)
    if addr is not None:
        return host if _non_public(addr) else None
    if not resolve:
        return None
    for found in resolve_host(host):
        addr = _literal_address(found)
        if addr is not None and _non_public(addr):
            return f"{host} ({found})"
    return None


def resolve_host(host: str) -> list[str]:
    """The addresses ``host`` resolves to (``socket.getaddrinfo``, looked up when called, so tests
    can replace either); empty when it does not resolve."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError, ValueError):
        return []
    # IPv6 answers may carry a zone ("fe80::1%eth0"): the address is what comes before it.
    return list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))


def _literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        if not _NUMERIC_HOST.match(host):
            return None
        try:  # the shorthand forms inet_aton reads: 127.1, 0x7f.1, 2130706433
            return ipaddress.ip_address(socket.inet_aton(host))
        except OSError:
            return None


def _non_public(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return not addr.is_global or addr.is_multicast


def is_private_url(url: str, *, resolve: bool = False) -> bool:
    return private_address(url, resolve=resolve) is not None


_NUMERIC_HOST = re.compile(r"^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}$")


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
