"""Unicode and Bengali normalisation with an offset map back to the raw text.

Contract (the spine relies on it):
- ``clean_text(raw) -> Cleaned`` with ``Cleaned.text`` (the clean text stored on ``documents``)
  and ``Cleaned.offset_map``.
- ``OffsetMap.to_raw(i)`` maps a clean offset (0..len(clean)) to a raw offset;
  ``OffsetMap.pairs()`` gives the breakpoints ``[(clean_pos, raw_pos), ...]`` that define it
  (between breakpoints the two texts advance together), which is what the warehouse stores.
"""
from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OffsetMap:
    clean_pos: tuple[int, ...] = (0,)
    raw_pos: tuple[int, ...] = (0,)

    def to_raw(self, i: int) -> int:
        k = bisect.bisect_right(self.clean_pos, i) - 1
        return self.raw_pos[k] + (i - self.clean_pos[k])

    def pairs(self) -> list[tuple[int, int]]:
        return list(zip(self.clean_pos, self.raw_pos))


@dataclass(frozen=True)
class Cleaned:
    text: str
    offset_map: OffsetMap = field(default_factory=OffsetMap)


def clean_text(raw: str) -> Cleaned:
    # Placeholder until the full cleaner lands: NFC changes lengths, so no offsets are promised here.
    return Cleaned(unicodedata.normalize("NFC", raw))
