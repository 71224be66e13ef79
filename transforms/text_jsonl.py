"""Whole-text analysis with offsets into the text as given, and the JSONL form of it.

``analyse(raw)`` cleans, splits and tokenizes, then maps every span back to ``raw`` through the
cleaner's offset map, so ``raw[start:end]`` is always the span's text in the input (a precomposed
য় stays precomposed there, an NBSP stays an NBSP).

``tokenize_records`` reads JSONL ``{"id", "text"}`` lines and yields JSONL
``{"id", "sentences": [{"start", "end", "kind"}], "tokens": [{"start", "end", "kind", "text"}]}``;
a line it cannot use yields ``{"id", "error"}`` instead of raising.
"""
from __future__ import annotations

import json
import re
from typing import Iterable, Iterator, NamedTuple

from transforms.cleaning import Cleaned, clean_text
from transforms.sentences import Sentence, split_sentences
from transforms.tokens import Token, tokenize_sentences


class Analysis(NamedTuple):
    cleaned: Cleaned
    sentences: list[Sentence]  # offsets into cleaned.text
    tokens: list[list[Token]]  # per sentence, offsets into cleaned.text

    def raw_sentences(self) -> list[Sentence]:
        m = self.cleaned.offset_map
        return [Sentence(*m.span_to_raw(s.start, s.end), s.kind) for s in self.sentences]

    def raw_tokens(self, raw: str) -> list[Token]:
        """All tokens, offsets and text taken from ``raw`` (the text ``analyse`` was given)."""
        m = self.cleaned.offset_map
        if raw == self.cleaned.text:
            return [t for sent in self.tokens for t in sent]
        out = []
        for sent in self.tokens:
            for t in sent:
                a, b = m.span_to_raw(t.start, t.end)
                out.append(Token(a, b, t.kind, raw[a:b], t.value))
        return out


def analyse(raw: str) -> Analysis:
    cleaned = clean_text(raw)
    sentences = split_sentences(cleaned.text)
    return Analysis(cleaned, sentences, tokenize_sentences(cleaned.text, sentences))


_SURROGATE = re.compile("[\ud800-\udfff]")


def tokenize_records(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _error(None, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(record, dict):
            yield _error(None, "a record must be a JSON object")
            continue
        rid = record.get("id")
        text = record.get("text")
        if text is None:
            yield _error(rid, "missing text")
            continue
        if not isinstance(text, str):
            yield _error(rid, f"text must be a string, not {type(text).__name__}")
            continue
        try:
            yield _record(rid, text)
        except Exception as exc:  # one bad record must not end the stream
            yield _error(rid, f"{type(exc).__name__}: {exc}")


def _record(rid, text: str) -> str:
    result = analyse(text)
    out = {
        "id": rid,
        "sentences": [{"start": s.start, "end": s.end, "kind": s.kind} for s in result.raw_sentences()],
        "tokens": [{"start": t.start, "end": t.end, "kind": t.kind, "text": t.text} for t in result.raw_tokens(text)],
    }
    return _dumps(out)


def _error(rid, message: str) -> str:
    return _dumps({"id": rid, "error": message})


def _dumps(obj) -> str:
    line = json.dumps(obj, ensure_ascii=False)
    # Lone surrogates cannot be written as UTF-8: escape them rather than fail later.
    return json.dumps(obj) if _SURROGATE.search(line) else line
