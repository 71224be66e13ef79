"""The curated table of Bengali name parts (``data/name_parts.tsv``): each part's kind (given,
family, both, particle, title), its conventional English spelling and how often news uses it."""
from __future__ import annotations

import csv
import functools
import unicodedata
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class NamePart:
    bn: str
    en: str
    kind: str  # given | family | both | particle | title
    count: int


@functools.lru_cache(maxsize=1)
def name_parts() -> dict[str, NamePart]:
    text = resources.files("khobor.transforms.entities").joinpath("data/name_parts.tsv").read_text(encoding="utf-8")
    out: dict[str, NamePart] = {}
    for r in csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        bn = unicodedata.normalize("NFC", r["bn"])
        out.setdefault(bn, NamePart(bn, r["en"], r["kind"], int(r["count"] or 0)))
    return out


def is_name_part(word: str) -> bool:
    """A part of people's names (not a title)."""
    part = name_parts().get(word)
    return part is not None and part.kind != "title"


def name_part_count(word: str) -> int:
    """How often the table's source saw a name part in people's names (0 for a title or no part)."""
    part = name_parts().get(word)
    return part.count if part is not None and part.kind != "title" else 0


def titles() -> list[str]:
    return [p.bn for p in name_parts().values() if p.kind == "title"]


@functools.lru_cache(maxsize=1)
def ranks() -> dict[str, int]:
    """Name parts (not titles) by how common they are in news: 1 is the commonest."""
    parts = sorted((p for p in name_parts().values() if p.kind != "title"), key=lambda p: -p.count)
    return {p.bn: i for i, p in enumerate(parts, start=1)}
