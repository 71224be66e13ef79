"""Conditional-GET memory: the ``ETag`` and ``Last-Modified`` validators last seen for each URL.

The state lives in one small JSON file::

    {"format": "khobor-fetch-state", "version": 1,
     "urls": {"https://example.com/feed.xml": {"etag": "\\"abc\\"", "last_modified": "Wed, 01 May 2024 06:00:00 GMT",
                                               "final_url": "https://example.com/feed.xml",
                                               "updated_at": "2024-05-01T06:00:03+00:00"}}}

Validators learnt while fetching are held in memory until ``commit()``. That is deliberate: once a
validator is on disk the next run gets ``304 Not Modified`` and never sees that body again, so it
must only be written after the run has safely stored what it fetched. A run that fails (or is rolled
back) without committing simply refetches in full next time: it costs bandwidth, never data.

The file is replaced atomically (temporary file in the same folder, fsync, ``os.replace``), so a
crash mid-write leaves the previous version intact. A file that is missing, unreadable, not JSON or
not in this shape is treated as empty (with a warning in the log and in ``load_problem``); the next
``commit()`` overwrites it with a valid one.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

log = logging.getLogger("khobor.fetch")

STATE_FORMAT = "khobor-fetch-state"
STATE_VERSION = 1


@dataclass(frozen=True)
class Validators:
    """What a server told us about one URL's current representation."""

    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    updated_at: str | None = None

    def request_headers(self) -> dict[str, str]:
        """The conditional request headers these validators allow (possibly none)."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


_FORGET = None  # a pending ``None`` means: drop this URL's entry on commit


class FetchState:
    """Per-URL validators in a JSON file; thread-safe; changes are written only by ``commit()``.

    ``get(url)`` sees the newest knowledge, committed or not, so a second fetch of the same URL in
    one run is already conditional.
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.load_problem: str | None = None
        self._lock = threading.Lock()
        self._saved = self._read()
        self._pending: dict[str, Validators | None] = {}

    # reading -----------------------------------------------------------------------------------

    def get(self, url: str) -> Validators | None:
        """The validators known for ``url``, or None."""
        with self._lock:
            if url in self._pending:
                return self._pending[url]
            return self._saved.get(url)

    def request_headers(self, url: str) -> dict[str, str]:
        """``If-None-Match`` / ``If-Modified-Since`` headers for ``url`` (empty when unknown)."""
        found = self.get(url)
        return found.request_headers() if found else {}

    @property
    def pending(self) -> int:
        """How many URLs have changes not yet committed."""
        with self._lock:
            return len(self._pending)

    def __len__(self) -> int:
        with self._lock:
            merged = dict(self._saved)
            merged.update(self._pending)
            return sum(1 for v in merged.values() if v is not None)

    # changing ----------------------------------------------------------------------------------

    def remember(self, url: str, *, etag: str | None, last_modified: str | None, final_url: str | None = None) -> None:
        """Note the validators of a full response; without either, the URL is forgotten."""
        if not etag and not last_modified:
            self.forget(url)
            return
        entry = Validators(
            etag=etag or None,
            last_modified=last_modified or None,
            final_url=final_url,
            updated_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )
        with self._lock:
            self._pending[url] = entry

    def forget(self, url: str) -> None:
        """Drop ``url`` (on commit) so its next fetch is unconditional."""
        with self._lock:
            if url in self._saved or self._pending.get(url, _FORGET) is not None:
                self._pending[url] = _FORGET

    def export_pending(self) -> dict[str, dict | None]:
        """Uncommitted changes as plain data (``None`` = forget), to hand to another process or task."""
        with self._lock:
            return {url: (None if v is None else dict(v.__dict__)) for url, v in self._pending.items()}

    def apply(self, changes: dict[str, dict | None]) -> None:
        """Take changes exported by ``export_pending`` as this object's own pending changes."""
        with self._lock:
            for url, entry in changes.items():
                self._pending[url] = None if entry is None else Validators(**entry)

    def commit(self) -> int:
        """Write pending changes to the file atomically; returns how many URLs changed.

        The file is re-read first and only this object's changes are applied on top, so two runs
        sharing a state file lose nothing unless they commit at the very same moment (then the
        last one wins, and the file is still whole). Raises ``OSError`` when the file cannot be
        written; the pending changes are kept so a later ``commit()`` can retry.
        """
        with self._lock:
            if not self._pending:
                return 0
            merged = self._read()
            for url, entry in self._pending.items():
                if entry is None:
                    merged.pop(url, None)
                else:
                    merged[url] = entry
            write_atomically(self.path, _dump(merged))
            changed = len(self._pending)
            self._saved = merged
            self._pending.clear()
            return changed

    # file format -------------------------------------------------------------------------------

    def _read(self) -> dict[str, Validators]:
        self.load_problem = None
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            return self._unusable(f"cannot read it: {exc.strerror or exc}")
        try:
            doc = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            return self._unusable(f"not valid JSON ({exc})")
        if not isinstance(doc, dict) or doc.get("format") != STATE_FORMAT or not isinstance(doc.get("urls"), dict):
            return self._unusable(f"not a {STATE_FORMAT} document")
        if doc.get("version") != STATE_VERSION:
            return self._unusable(f"unsupported version {doc.get('version')!r}")
        out: dict[str, Validators] = {}
        skipped = 0
        for url, entry in doc["urls"].items():
            fields = {k: entry.get(k) for k in ("etag", "last_modified", "final_url", "updated_at")} if isinstance(entry, dict) else None
            if fields is None or not all(v is None or isinstance(v, str) for v in fields.values()) or not (fields["etag"] or fields["last_modified"]):
                skipped += 1
                continue
            out[url] = Validators(**fields)
        if skipped:
            # One bad entry costs one unconditional fetch; the rest of the file is still good.
            log.warning("fetch state %s: skipped %d malformed entries", self.path, skipped)
        return out

    def _unusable(self, why: str) -> dict[str, Validators]:
        self.load_problem = why
        log.warning("fetch state %s is %s; starting from an empty state (every URL is fetched in full once)", self.path, why)
        return {}


def _dump(entries: dict[str, Validators]) -> bytes:
    urls = {
        url: {k: v for k, v in (("etag", e.etag), ("last_modified", e.last_modified), ("final_url", e.final_url), ("updated_at", e.updated_at)) if v is not None}
        for url, e in sorted(entries.items())
    }
    doc = {"format": STATE_FORMAT, "version": STATE_VERSION, "urls": urls}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see either the old or the new file, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; some platforms cannot open folders, which is fine.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
