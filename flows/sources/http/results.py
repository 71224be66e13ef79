"""What a fetch returns, and the interface every fetcher (real or double) has."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from khobor.flows.sources.http.errors import FetchError

log = logging.getLogger("khobor.fetch")


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

    def fetch(self, url: str, *, conditional: bool = True, scope: str | None = None, allow_private: bool = True) -> FetchResult:
        """Fetch one URL; raise ``FetchError`` on any failure.

        ``conditional=False`` sends no validators (the body is needed whatever the server knows).
        ``scope`` keeps validators apart per source (see ``SourceInfo.fingerprint``): one source's
        fetch never makes another's answer 304. ``allow_private=False`` refuses (``private-address``)
        a URL or redirect target that is, or whose name resolves to, a loopback or private address;
        a fetcher that connects nowhere (a snapshot) may ignore it.
        """
        ...

    def fetch_many(self, urls: Iterable[str], *, conditional: bool = True, scope: str | None = None,
                   allow_private: bool = True) -> Iterator[tuple[str, FetchResult | FetchError]]:
        """Fetch each URL in turn; yield its result or its error, never raise for one URL."""
        ...

    def forget(self, url: str, *, scope: str | None = None) -> None:
        """Drop what is known of ``url`` (on commit), so its next fetch is unconditional."""
        ...

    def pending_state(self) -> dict:
        """Conditional-GET validators learnt and not yet written, as plain data (see FetchState.export_pending)."""
        ...

    def commit_state(self) -> int:
        """Persist conditional-GET validators once the run has stored what it fetched (0: nothing to do)."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


class FetchManyMixin:
    def fetch_many(self, urls: Iterable[str], **kwargs) -> Iterator[tuple[str, FetchResult | FetchError]]:
        """Yield ``(url, FetchResult | FetchError)`` for each URL, in order.

        Never raises for one URL: even an unexpected exception becomes a ``FetchError`` with
        reason ``unexpected`` (and is logged with its traceback), so one bad URL cannot stop a run.
        """
        for url in urls:
            try:
                yield url, self.fetch(url, **kwargs)
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

    def pending_state(self) -> dict:
        """Fetchers without a state have learnt nothing to write."""
        return {}

    def forget(self, url: str, *, scope: str | None = None) -> None:
        """Fetchers without a state know nothing to forget."""

    def commit_state(self) -> int:
        """Persist conditional-GET validators; fetchers without a state have nothing to write."""
        return 0
