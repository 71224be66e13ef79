"""Sentence segmentation for Bengali and English news text.

Contract (the spine relies on it):
- ``split_sentences(text) -> list[Sentence]``; ``Sentence(start, end, kind)`` with offsets into
  ``text`` (``text[start:end]`` is the sentence, stripped of surrounding whitespace) and ``kind``
  one of ``SENTENCE_KINDS``.
"""
from __future__ import annotations

import re
from typing import NamedTuple

SENTENCE_KINDS = ("body", "heading", "hashtags", "byline")


class Sentence(NamedTuple):
    start: int
    end: int
    kind: str


_SPLIT = re.compile(r"[^\n।৷॥?!]+[।৷॥?!]*")


def split_sentences(text: str) -> list[Sentence]:
    out = []
    for m in _SPLIT.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Sentence(s, e, "body"))
    return out
