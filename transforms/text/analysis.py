"""Whole-text analysis with offsets into the text as given.

``analyse(raw)`` cleans, splits and tokenizes, then maps every span back to ``raw`` through the
cleaner's offset map, so ``raw[start:end]`` is always the span's text in the input (a precomposed
য় stays precomposed there, an NBSP stays an NBSP).
"""
from __future__ import annotations

from typing import NamedTuple

from khobor.transforms.text.cleaning import Cleaned, clean_text
from khobor.transforms.text.sentences import Sentence, split_sentences
from khobor.transforms.text.tokens import Token, tokenize_sentences


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
