"""The source interface.

A source turns its location into ``RawItem``s. It does I/O and nothing else: decoding, cleaning and
everything after are the pipeline's job, so every kind of source gets the same treatment. A source
never raises for one bad item; it yields the item with ``error`` set, and the item is quarantined.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol

from transforms.items import RawItem


@dataclass(frozen=True)
class SourceInfo:
    id: str
    kind: str
    location: str
    timezone: str = "UTC"
    language: str | None = None  # a fixed language for every item; detection when None
    publisher: str | None = None


class Source(Protocol):
    info: SourceInfo

    def items(self) -> Iterator[RawItem]:
        """Yield every item currently at the source. Must be safe to call again (reruns)."""
        ...
