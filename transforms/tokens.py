"""Tokenization with exact code-point offsets.

Contract (the spine relies on it):
- ``tokenize(text, start=0, end=None) -> list[Token]`` tokenizes ``text[start:end]``; offsets are
  absolute into ``text`` and ``text[t.start:t.end] == t.text`` always holds.
- ``Token(start, end, kind, text, value)``: ``kind`` one of ``TOKEN_KINDS``; ``value`` is the numeric
  value of a number token (Bengali or ASCII digits), else ``None``.
"""
from __future__ import annotations

import re
from typing import NamedTuple

TOKEN_KINDS = ("word", "number", "punct", "hashtag", "url", "email", "latin", "symbol")


class Token(NamedTuple):
    start: int
    end: int
    kind: str
    text: str
    value: float | None


_TOKEN = re.compile(r"\w+|[^\w\s]")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN.finditer(text, start, end):
        t = m.group()
        kind = "number" if t.isdigit() else ("word" if t[0].isalnum() else "punct")
        out.append(Token(m.start(), m.end(), kind, t, float(t) if kind == "number" else None))
    return out
