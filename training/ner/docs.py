"""Sentences -> spaCy Docs and DocBins, always from our own token lists (never spaCy's tokenizer)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from .corpora import Sentence


def to_doc(vocab: Vocab, s: Sentence, with_ents: bool = True) -> Doc:
    doc = Doc(vocab, words=s.words, spaces=s.spaces)
    if with_ents:
        doc.set_ents(
            [Span(doc, e.start, e.end, label=e.label) for e in s.ents],
            missing=[Span(doc, i, i + 1) for i in s.missing],
        )
    return doc


def write_docbin(path: Path, sentences: Iterable[Sentence]) -> int:
    vocab = Vocab()
    db = DocBin(store_user_data=False)
    n = 0
    for s in sentences:
        db.add(to_doc(vocab, s))
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n
