"""Offline stand-ins: ``SnapshotFetcher`` serves recorded responses, ``RecordingFetcher`` records them."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from datetime import datetime, timezone
from pathlib import Path

from khobor.flows.sources.fetch_state import write_atomically
from khobor.flows.sources.http.errors import FetchError, HTTPStatusError, SnapshotError, error_for
from khobor.flows.sources.http.policy import check_url, parse_content_type
from khobor.flows.sources.http.results import Fetcher, FetchManyMixin, FetchResult

log = logging.getLogger("khobor.fetch")


# snapshots -------------------------------------------------------------------------------------

SNAPSHOT_FORMAT = "khobor-http-snapshot"
SNAPSHOT_INDEX = "index.json"
_BODY_SUFFIX = {"xml": ".xml", "rss": ".xml", "atom": ".xml", "html": ".html", "json": ".json", "text/plain": ".txt"}


class SnapshotFetcher(FetchManyMixin):
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

    def fetch(self, url: str, *, conditional: bool = True, scope: str | None = None, allow_private: bool = True) -> FetchResult:
        """The recorded answer for ``url``, with the same result/error contract as ``HttpFetcher``.
        ``allow_private`` is ignored: a snapshot connects nowhere (a refusal recorded by
        ``RecordingFetcher`` is replayed as such)."""
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


class RecordingFetcher(FetchManyMixin):
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
        self.fetcher.close()

    def pending_state(self) -> dict:
        return self.fetcher.pending_state()

    def forget(self, url: str, *, scope: str | None = None) -> None:
        self.fetcher.forget(url, scope=scope)

    def commit_state(self) -> int:
        return self.fetcher.commit_state()

    def fetch(self, url: str, *, conditional: bool = True, scope: str | None = None, allow_private: bool = True) -> FetchResult:
        """Fetch through the wrapped fetcher and record the outcome."""
        try:
            # Passed on only when asked for, so a wrapped fetcher without the option still works.
            extra = {} if allow_private else {"allow_private": False}
            result = self.fetcher.fetch(url, conditional=conditional, scope=scope, **extra)
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
