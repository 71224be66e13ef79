"""Token evaluation against CoNLL-U gold (Universal Dependencies).

Gold tokens are the surface tokens: a multiword token (``1-2`` line) counts once with its
surface form and its syntactic words are skipped. Gold forms are located in the sentence's
``# text`` in order, so both sides are compared as character spans of the same string.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from khobor.transforms.text.analysis import analyse


class GoldSentence(NamedTuple):
    sent_id: str
    text: str
    spans: list[tuple[int, int]]


class PRF(NamedTuple):
    precision: float
    recall: float
    f1: float
    tp: int
    n_pred: int
    n_gold: int


def read_conllu(path: str | Path) -> Iterator[GoldSentence]:
    sent_id, text, forms, skip_until = "", None, [], 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# sent_id ="):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text ="):
                text = line.split("=", 1)[1].strip()
            elif not line:
                if text is not None and forms:
                    yield GoldSentence(sent_id, text, _locate(text, forms, sent_id))
                sent_id, text, forms, skip_until = "", None, [], 0
            elif not line.startswith("#"):
                cols = line.split("\t")
                tid = cols[0]
                if "." in tid:
                    continue  # empty nodes have no surface
                if "-" in tid:
                    lo, hi = tid.split("-")
                    skip_until = int(hi)
                    forms.append(cols[1])
                elif int(tid) > skip_until:
                    forms.append(cols[1])
    if text is not None and forms:
        yield GoldSentence(sent_id, text, _locate(text, forms, sent_id))


def _locate(text: str, forms: list[str], sent_id: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for form in forms:
        i = text.find(form, pos)
        if i < 0 or text[pos:i].strip():
            raise ValueError(f"{sent_id}: gold token {form!r} not found at offset {pos} of {text!r}")
        spans.append((i, i + len(form)))
        pos = i + len(form)
    return spans


def predicted_spans(text: str) -> list[tuple[int, int]]:
    result = analyse(text)
    return [(t.start, t.end) for t in result.raw_tokens(text)]


def token_prf(sentences: list[GoldSentence]) -> PRF:
    tp = n_pred = n_gold = 0
    for s in sentences:
        pred = set(predicted_spans(s.text))
        gold = set(s.spans)
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f, tp, n_pred, n_gold)


def mismatches(sentences: list[GoldSentence]) -> Iterator[tuple[str, list[str], list[str]]]:
    """(sent_id, gold-only token texts, predicted-only token texts) for sentences that differ."""
    for s in sentences:
        pred = set(predicted_spans(s.text))
        gold = set(s.spans)
        if pred != gold:
            yield (
                s.sent_id,
                [s.text[a:b] for a, b in sorted(gold - pred)],
                [s.text[a:b] for a, b in sorted(pred - gold)],
            )
