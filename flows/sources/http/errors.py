"""Every way a fetch can fail, as one exception family with stable reason codes."""
from __future__ import annotations

import logging

log = logging.getLogger("khobor.fetch")


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
    """The URL (given, or the target of a redirect) is not one we fetch: ``bad-url``, ``bad-scheme``,
    ``private-address`` (only when the caller asked for ``allow_private=False``)."""


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
    "bad-url": URLRejected, "bad-scheme": URLRejected, "private-address": URLRejected,
    "http-4xx": HTTPStatusError, "http-5xx": HTTPStatusError, "http-status": HTTPStatusError,
    "timeout": NetworkError, "connection": NetworkError,
    "redirect-loop": RedirectError, "too-many-redirects": RedirectError, "bad-redirect": RedirectError,
    "too-large": ResponseRejected, "bad-response": ResponseRejected,
    "not-in-snapshot": SnapshotError, "bad-snapshot": SnapshotError,
}


def error_for(url: str, reason: str, message: str, **kwargs) -> FetchError:
    """A ``FetchError`` of the subclass that belongs to ``reason``."""
    return _ERROR_CLASS.get(reason, FetchError)(url, reason, message, **kwargs)
