"""The source interface: how khobor reads news from anywhere.

A *kind* of source is a class registered under the ``khobor.sources`` entry-point group (the
shipped kinds are registered the same way in ``pyproject.toml``), so a third-party package can add
one without touching khobor. A kind:

- declares ``network`` (does it fetch over HTTP, so the registry's ``[fetch]`` policy applies) and
  ``options`` (the keys of its ``options`` table, with their types);
- is built by ``Kind.from_config(info, context)``: ``info`` is the source's entry in the registry
  file (``SourceInfo``), ``context`` the run's resources (``SourceContext``: the HTTP fetcher,
  a state folder, the folder relative locations are read from);
- yields ``RawItem``s from ``items(limit=None)``: raw bytes plus whatever metadata the source
  knows (title, url, published date as given, external id, declared charset). It does I/O and
  nothing else: decoding, cleaning and all later stages are the pipeline's, so every kind gets the
  same treatment;
- never raises for one bad item: it yields the item with ``error`` set (and ``error_reason``), and
  the item is quarantined. It raises ``SourceError`` when the whole source is unusable (feed
  unreachable, folder missing); the run records that on the source and goes on with the others.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from khobor.transforms.documents.items import DEFAULT_MAX_ITEM_BYTES, RawItem

if TYPE_CHECKING:  # the HTTP stack is imported only by runs that fetch
    from khobor.flows.sources.http.results import Fetcher

_ID = re.compile(r"^[a-z0-9][a-z0-9_.:-]{0,63}$")
RECORD_FIELDS = ("id", "title", "text", "body", "date", "url", "publisher")


class SourceError(RuntimeError):
    """The whole source failed (as opposed to one of its items)."""


class ConfigError(ValueError):
    """A registry entry is wrong; the message names the source and the field."""


def check_byte_limit(value: object, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigError(f"{what} must be a whole number of bytes above 0, not {value!r}")


@dataclass(frozen=True)
class SourceInfo:
    id: str
    kind: str
    location: str | list[str]
    timezone: str = "UTC"
    language: str | None = None  # the default when detection is not confident
    publisher: str | None = None
    enabled: bool = True
    fields: dict[str, Any] = field(default_factory=dict)  # record field mapping (jsonl, csv)
    options: dict[str, Any] = field(default_factory=dict)  # kind-specific settings
    # Bytes per item (a file, a record, a page); bigger ones are quarantined as too-large.
    max_item_bytes: int = DEFAULT_MAX_ITEM_BYTES

    def __post_init__(self) -> None:
        where = f"source {self.id!r}"
        if not isinstance(self.id, str) or not _ID.match(self.id):
            raise ConfigError(f"{where}: id must be lower-case letters, digits and . _ : - (at most 64)")
        if not self.location:
            raise ConfigError(f"{where}: location is required")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(f"{where}: unknown timezone {self.timezone!r}") from exc
        if self.language not in (None, "bn", "en"):
            raise ConfigError(f"{where}: language must be 'bn' or 'en' (or left out)")
        check_byte_limit(self.max_item_bytes, f"{where}: max_item_bytes")
        unknown = set(self.fields) - set(RECORD_FIELDS)
        if unknown:
            raise ConfigError(f"{where}: unknown field mapping keys {sorted(unknown)}; use {', '.join(RECORD_FIELDS)}")

    @property
    def fingerprint(self) -> str:
        """Changes whenever the entry does: what a source fetched under an earlier, different
        entry (a wrong kind, another location) never counts as already seen."""
        import hashlib
        import json

        blob = json.dumps([self.id, self.kind, self.locations, self.options, self.fields], sort_keys=True, default=str)
        return f"{self.id}@{hashlib.sha256(blob.encode()).hexdigest()[:12]}"

    @property
    def locations(self) -> list[str]:
        return [self.location] if isinstance(self.location, str) else list(self.location)


@dataclass
class SourceContext:
    """Resources a source may use; which implementations depends on the environment (see flows.resources)."""

    fetcher: Fetcher | None = None  # HttpFetcher, or a snapshot double (see khobor.flows.resources)
    state_dir: Path | None = None
    base_dir: Path = Path(".")
    # Item keys per source already staged (not quarantined): network sources skip them instead of
    # fetching every article of a feed again each night.
    known_keys: dict[str, set[str]] = field(default_factory=dict)

    def resolve(self, location: str) -> Path:
        p = Path(location).expanduser()
        return p if p.is_absolute() else (self.base_dir / p).resolve()


class Source(Protocol):
    info: SourceInfo
    # Whether the kind fetches over the network: such sources get the registry's [fetch] policy.
    network: ClassVar[bool]
    # The keys its ``options`` table accepts, with their types; anything else is a ConfigError.
    options: ClassVar[dict[str, type | tuple[type, ...]]]

    @classmethod
    def from_config(cls, info: SourceInfo, context: SourceContext) -> Source:
        ...

    def items(self, limit: int | None = None) -> Iterator[RawItem]:
        """Yield the items currently at the source (at most ``limit``). Safe to call again."""
        ...
