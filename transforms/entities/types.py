"""Types shared by every recogniser and the linker."""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol

LABELS = ("PERSON", "ORG", "LOC", "DATE", "NUMBER", "QUANTITY", "HASHTAG")


class Span(NamedTuple):
    """A recognised span before linking; offsets are code points into the document text."""

    start: int
    end: int
    label: str
    method: str  # "model", "gazetteer", "rule"
    confidence: float
    value: str | None = None  # normalised value: ISO date, number, hashtag key


class SentenceView(NamedTuple):
    """What a recogniser sees: the document text, one sentence's bounds and its tokens."""

    text: str
    start: int
    end: int
    tokens: Sequence  # khobor.transforms.text.tokens.Token


class Recogniser(Protocol):
    name: str

    def recognise(self, sentences: Sequence[SentenceView]) -> list[list[Span]]:
        """One list of spans per sentence, in the order given."""
        ...
